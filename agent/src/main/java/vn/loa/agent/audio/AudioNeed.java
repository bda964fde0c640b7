package vn.loa.agent.audio;

import java.time.Instant;
import java.util.Objects;
import vn.loa.protocol.AudioRef;

/** A bulletin file that an upcoming (or playing) broadcast of the plan needs, and when it is first needed. */
public record AudioNeed(AudioRef audio, String bulletinId, Instant firstStart) {
    public AudioNeed {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(firstStart, "firstStart");
    }

    public String sha256() {
        return audio.sha256();
    }
}

package vn.loa.controller.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.loa.agent.audio.AudioNeed;
import vn.loa.agent.audio.AudioSource;

/**
 * A fleet station's audio: every file is in the cache, verified. Real stations keep the standard
 * emergency messages on standby ({@code plan.standby}), so the siren is there before any
 * emergency; the simulated player never reads the file. Thread-safe (no state).
 */
final class StandbyAudio implements AudioSource {
    private final Path file;

    StandbyAudio(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public Optional<Path> playable(String sha256) {
        return Optional.of(file);
    }

    @Override
    public String whyUnavailable(String sha256) {
        return "";
    }

    @Override
    public void need(List<AudioNeed> needs) {
        // everything is cached already
    }
}

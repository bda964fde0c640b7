package vn.loa.agent.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.testutil.TestAudio;

class AudioCacheTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");

    private String put(AudioCache cache, String name, int size, int ageMinutes) throws IOException {
        TestAudio audio = TestAudio.of(name, size);
        Path file = cache.finalFile(audio.sha256());
        Files.write(file, audio.bytes());
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(Duration.ofMinutes(ageMinutes))));
        cache.markVerified(audio.sha256());
        return audio.sha256();
    }

    @Test
    void evictsTheLeastRecentlyUsedButNeverAFileTheCallerKeeps() throws IOException {
        AudioCache cache = new AudioCache(dir, 3 * MIB, clock);
        String oldestButNeeded = put(cache, "oldest-needed", MIB, 300);
        String old = put(cache, "old", MIB, 200);
        String recent = put(cache, "recent", MIB, 100);
        String newest = put(cache, "newest", MIB, 1);

        assertThat(cache.evict(Set.of(oldestButNeeded), 0)).containsExactly(old);

        assertThat(cache.verified(oldestButNeeded)).isPresent();
        assertThat(cache.verified(old)).isEmpty();
        assertThat(cache.verified(recent)).isPresent();
        assertThat(cache.verified(newest)).isPresent();
        assertThat(cache.usedBytes()).isEqualTo(3L * MIB);
    }

    @Test
    void makesRoomForADownloadButKeepsNeededFilesEvenBeyondTheLimit() throws IOException {
        AudioCache cache = new AudioCache(dir, 2 * MIB, clock);
        String a = put(cache, "a", MIB, 10);
        String b = put(cache, "b", MIB, 5);

        assertThat(cache.evict(Set.of(a, b), MIB)).as("both needed: nothing goes").isEmpty();
        assertThat(cache.evict(Set.of(b), MIB)).containsExactly(a);
        assertThat(cache.verified(b)).isPresent();
    }

    @Test
    void stalePartialFilesGoBeforeFinalOnesAndStrangersAreRemovedAtStart() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "left by someone");
        AudioCache cache = new AudioCache(dir, 2 * MIB, clock);
        assertThat(dir.resolve("notes.txt")).doesNotExist();
        String kept = put(cache, "kept", MIB, 500);
        TestAudio stale = TestAudio.of("stale", MIB);
        Files.write(cache.partFile(stale.sha256()), stale.bytes());

        assertThat(cache.evict(Set.of(), MIB)).containsExactly(stale.sha256());
        assertThat(cache.verified(kept)).isPresent();
    }

    @Test
    void aFileFromAnEarlierRunIsNotPlayableUntilChecked() throws IOException {
        TestAudio audio = TestAudio.of("earlier", 1000);
        Files.write(dir.resolve(audio.sha256()), audio.bytes());

        AudioCache cache = new AudioCache(dir, 2 * MIB, clock);

        assertThat(cache.verified(audio.sha256())).isEmpty();
        assertThat(cache.hasUnchecked(audio.sha256())).isTrue();
    }
}

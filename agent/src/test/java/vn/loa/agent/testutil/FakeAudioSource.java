package vn.loa.agent.testutil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.agent.audio.AudioNeed;
import vn.loa.agent.audio.AudioSource;

/** Audio that is playable when the test says so; records what the playout said it needs. */
public final class FakeAudioSource implements AudioSource {
    private final Map<String, Path> files = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private final List<List<AudioNeed>> needs = new ArrayList<>();

    public synchronized FakeAudioSource ready(String sha256, Path file) {
        files.put(sha256, file);
        return this;
    }

    public synchronized FakeAudioSource missing(String sha256, String problem) {
        files.remove(sha256);
        problems.put(sha256, problem);
        return this;
    }

    @Override
    public synchronized Optional<Path> playable(String sha256) {
        return Optional.ofNullable(files.get(sha256));
    }

    @Override
    public synchronized String whyUnavailable(String sha256) {
        return problems.getOrDefault(sha256, "audio not downloaded yet");
    }

    @Override
    public synchronized void need(List<AudioNeed> newNeeds) {
        needs.add(List.copyOf(newNeeds));
    }

    public synchronized List<AudioNeed> lastNeeds() {
        return needs.isEmpty() ? List.of() : needs.get(needs.size() - 1);
    }
}

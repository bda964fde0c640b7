package vn.loa.agent.audio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Bulletin audio as the playout sees it: it says which files the plan needs, and asks for a file
 * only when it is about to play it. Implementations are thread-safe.
 */
public interface AudioSource {

    /** The file with this SHA-256, if it is in the cache and its checksum was verified; never an unverified file. */
    Optional<Path> playable(String sha256);

    /** Why {@link #playable} is empty, in words fit for a receipt's reason. */
    String whyUnavailable(String sha256);

    /**
     * The files the plan needs from now on (soonest first): they are fetched ahead of time and
     * never evicted. Replaces the previous list.
     */
    void need(List<AudioNeed> needs);
}

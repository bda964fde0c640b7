package vn.loa.agent.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's bulletin files in {@code dataDir/cache}: {@code <sha256>} once verified,
 * {@code <sha256>.part} while being fetched. At most {@code maxBytes} in all; the least recently
 * used files go first, and never one the caller says to keep. A final file is only handed out
 * after this run of the agent has checked its SHA-256 ({@link #markVerified}), so a file damaged
 * on disk while the agent was down is never played. The last-used time is the file's mtime, so it
 * survives restarts.
 *
 * <p>Thread: written by the download thread only; {@link #verified} may be called from any thread.
 */
public final class AudioCache {
    private static final Logger log = LoggerFactory.getLogger(AudioCache.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PART = ".part";

    private final Path directory;
    private final long maxBytes;
    private final Clock clock;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    public AudioCache(Path directory, long maxBytes, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.maxBytes = maxBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audio cache " + directory + ": " + e.getMessage(), e);
        }
        removeStrangers();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Path finalFile(String sha256) {
        return directory.resolve(requireSha(sha256));
    }

    public Path partFile(String sha256) {
        return directory.resolve(requireSha(sha256) + PART);
    }

    /** The final file, if present and verified by this run. */
    public Optional<Path> verified(String sha256) {
        Path file = finalFile(sha256);
        return verified.contains(sha256) && Files.isRegularFile(file) ? Optional.of(file)
                : Optional.empty();
    }

    /** A final file is present but this run has not checked it yet. */
    public boolean hasUnchecked(String sha256) {
        return !verified.contains(sha256) && Files.isRegularFile(finalFile(sha256));
    }

    public void markVerified(String sha256) {
        verified.add(sha256);
    }

    /** Moves a completed, checked {@code .part} file to its final name. */
    public void promote(String sha256) throws IOException {
        Files.move(partFile(sha256), finalFile(sha256), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        touch(sha256);
        verified.add(sha256);
    }

    /** Deletes the final file and the part of this checksum. */
    public void discard(String sha256) {
        verified.remove(sha256);
        deleteQuietly(finalFile(sha256));
        deleteQuietly(partFile(sha256));
    }

    public void discardPart(String sha256) {
        deleteQuietly(partFile(sha256));
    }

    /** Marks the final file as used now (the LRU order). */
    public void touch(String sha256) {
        try {
            Files.setLastModifiedTime(finalFile(sha256), FileTime.from(clock.instant()));
        } catch (IOException e) {
            log.debug("cannot touch {}: {}", sha256, e.toString());
        }
    }

    public long partSize(String sha256) {
        try {
            return Files.size(partFile(sha256));
        } catch (IOException e) {
            return 0;
        }
    }

    /** Bytes held: final and partial files. */
    public long usedBytes() {
        long total = 0;
        for (Path file : files()) {
            total += sizeOf(file);
        }
        return total;
    }

    /**
     * Deletes least recently used files, never one whose checksum is in {@code keep}, until the
     * cache holds at most {@code maxBytes - room}. Partial files not kept go first. Returns the
     * checksums deleted.
     */
    public List<String> evict(Set<String> keep, long room) {
        long limit = maxBytes - Math.max(0, room);
        long used = usedBytes();
        List<String> evicted = new ArrayList<>();
        if (used <= limit) {
            return evicted;
        }
        List<Path> candidates = new ArrayList<>();
        for (Path file : files()) {
            if (!keep.contains(shaOf(file))) {
                candidates.add(file);
            }
        }
        candidates.sort(Comparator.comparing((Path file) -> !file.getFileName().toString().endsWith(PART))
                .thenComparing(AudioCache::lastModified));
        for (Path file : candidates) {
            if (used <= limit) {
                break;
            }
            long size = sizeOf(file);
            String sha = shaOf(file);
            verified.remove(sha);
            if (deleteQuietly(file)) {
                used -= size;
                evicted.add(sha);
                log.info("audio cache: evicted {} ({} bytes)", file.getFileName(), size);
            }
        }
        return evicted;
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && isOurs(entry.getFileName().toString())) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            log.warn("cannot list the audio cache {}: {}", directory, e.toString());
        }
        return files;
    }

    /** Anything that is not a cache file (a crash's leftovers, a stray copy) is deleted at start. */
    private void removeStrangers() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (!isOurs(entry.getFileName().toString()) && Files.isRegularFile(entry)) {
                    log.info("audio cache: removing unknown file {}", entry.getFileName());
                    deleteQuietly(entry);
                }
            }
        } catch (IOException e) {
            log.warn("cannot list the audio cache {}: {}", directory, e.toString());
        }
    }

    private static boolean isOurs(String name) {
        String sha = name.endsWith(PART) ? name.substring(0, name.length() - PART.length()) : name;
        return SHA256.matcher(sha).matches();
    }

    private static String shaOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(PART) ? name.substring(0, name.length() - PART.length()) : name;
    }

    private static String requireSha(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        return sha256;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.toString());
            return false;
        }
    }
}

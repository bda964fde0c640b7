package vn.loa.controller.bulletin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulletin audio files: {@code <dataDir>/audio/<sha256>.<format>}, named by their content so
 * that the same audio uploaded twice is one file; uploads arrive in {@code <dataDir>/tmp/uploads}
 * (same file system, so storing one is a rename).
 */
public final class AudioLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(AudioLibrary.class);

    private final Path audioDir;
    private final Path uploadDir;

    private AudioLibrary(Path audioDir, Path uploadDir) {
        this.audioDir = audioDir;
        this.uploadDir = uploadDir;
    }

    /** Opens the library under a data folder, creating its folders and removing uploads left by a crash. */
    public static AudioLibrary open(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        AudioLibrary library = new AudioLibrary(dataDir.resolve("audio"), dataDir.resolve("tmp").resolve("uploads"));
        try {
            Files.createDirectories(library.audioDir);
            Files.createDirectories(library.uploadDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audio folders under " + dataDir, e);
        }
        int removed = library.removeLeftoverUploads();
        if (removed > 0) {
            LOG.info("Removed {} unfinished upload(s) from {}", removed, library.uploadDir);
        }
        return library;
    }

    /** Where uploads are written while they stream in. */
    public Path uploadDir() {
        return uploadDir;
    }

    /** Where the audio with this content is (whether or not it exists). */
    public Path fileOf(String sha256, BulletinFormat format) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return audioDir.resolve(sha256 + "." + format.wireName());
    }

    /**
     * Moves an upload into the library under its content's name; when that content is there
     * already, the upload is deleted instead.
     */
    public Path store(Path upload, String sha256, BulletinFormat format) {
        Path target = fileOf(sha256, format);
        try {
            if (Files.exists(target) && Files.size(target) == Files.size(upload)) {
                Files.delete(upload);
                return target;
            }
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + upload + " as " + target, e);
        }
    }

    /** The lower-case hex SHA-256 of a file, read in 64 KiB steps. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private int removeLeftoverUploads() {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(uploadDir)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot clean {}: {}", uploadDir, e.getMessage());
        }
        return removed;
    }
}

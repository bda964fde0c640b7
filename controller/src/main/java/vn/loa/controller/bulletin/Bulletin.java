package vn.loa.controller.bulletin;

import java.time.Instant;
import java.util.Objects;
import vn.loa.controller.api.ApiException;
import vn.loa.protocol.BulletinClass;

/**
 * A bulletin of the library: audio with class, language, duration and checksum, the area it belongs to
 * ({@code areaId}; null: the whole library, e.g. province news every commune relays), and where it is
 * in its approval ({@code draft → approved → archived}; a draft may be archived without approval).
 */
public record Bulletin(String id, String title, BulletinClass bulletinClass, String language, BulletinFormat format,
                       long durationMillis, String sha256, long sizeBytes, BulletinState state, Instant createdAt,
                       String createdBy, Instant approvedAt, String approvedBy, Instant archivedAt,
                       String archivedBy, Long areaId) {
    public Bulletin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bulletinClass, "bulletinClass");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }

    /** A bulletin of the whole library (no owning area). */
    public Bulletin(String id, String title, BulletinClass bulletinClass, String language, BulletinFormat format,
                    long durationMillis, String sha256, long sizeBytes, BulletinState state, Instant createdAt,
                    String createdBy, Instant approvedAt, String approvedBy, Instant archivedAt, String archivedBy) {
        this(id, title, bulletinClass, language, format, durationMillis, sha256, sizeBytes, state, createdAt, createdBy,
                approvedAt, approvedBy, archivedAt, archivedBy, null);
    }

    /** This bulletin approved; a 409 unless it is a draft. */
    public Bulletin approve(Instant at, String by) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        switch (state) {
            case APPROVED -> throw ApiException.conflict("bulletin '" + id + "' is already approved (by " + approvedBy
                    + ")");
            case ARCHIVED -> throw ApiException.conflict("bulletin '" + id + "' is archived and cannot be approved; "
                    + "upload it again to reuse it");
            default -> {
                return new Bulletin(id, title, bulletinClass, language, format, durationMillis, sha256, sizeBytes,
                        BulletinState.APPROVED, createdAt, createdBy, at, by, null, null, areaId);
            }
        }
    }

    /** This bulletin archived (taken out of use); a 409 if it is archived already. */
    public Bulletin archive(Instant at, String by) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        if (state == BulletinState.ARCHIVED) {
            throw ApiException.conflict("bulletin '" + id + "' is already archived");
        }
        return new Bulletin(id, title, bulletinClass, language, format, durationMillis, sha256, sizeBytes,
                BulletinState.ARCHIVED, createdAt, createdBy, approvedAt, approvedBy, at, by, areaId);
    }

    /** The path under which stations fetch the audio: {@code /audio/<sha256>}. */
    public String audioPath() {
        return "/audio/" + sha256;
    }
}

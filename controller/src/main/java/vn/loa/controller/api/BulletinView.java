package vn.loa.controller.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import vn.loa.controller.bulletin.Bulletin;

/** A bulletin as the API shows it. {@code audioPath}: where stations fetch its audio. */
public record BulletinView(
        String id,
        String title,
        @JsonProperty("class") String bulletinClass,
        String language,
        String format,
        long durationMillis,
        String sha256,
        long sizeBytes,
        String state,
        String audioPath,
        Instant createdAt,
        String createdBy,
        Instant approvedAt,
        String approvedBy,
        Instant archivedAt,
        String archivedBy,
        Long areaId) {

    public static BulletinView of(Bulletin bulletin) {
        return new BulletinView(bulletin.id(), bulletin.title(), bulletin.bulletinClass().wireName(),
                bulletin.language(), bulletin.format().wireName(), bulletin.durationMillis(), bulletin.sha256(),
                bulletin.sizeBytes(), bulletin.state().wireName(), bulletin.audioPath(), bulletin.createdAt(),
                bulletin.createdBy(), bulletin.approvedAt(), bulletin.approvedBy(), bulletin.archivedAt(),
                bulletin.archivedBy(), bulletin.areaId());
    }
}

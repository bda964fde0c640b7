package vn.loa.controller.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.controller.api.ApiException;
import vn.loa.protocol.BulletinClass;

/** The approval states: draft → approved → archived; a draft may be archived unapproved. */
class BulletinTest {
    private static final Instant CREATED = Instant.parse("2026-11-23T01:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void draftIsApprovedWithWhoAndWhen() {
        Bulletin approved = draft().approve(LATER, "editor");
        assertThat(approved.state()).isEqualTo(BulletinState.APPROVED);
        assertThat(approved.approvedAt()).isEqualTo(LATER);
        assertThat(approved.approvedBy()).isEqualTo("editor");
        assertThat(approved.createdBy()).isEqualTo("uploader");
    }

    @Test
    void approvingTwiceIsAConflict() {
        Bulletin approved = draft().approve(LATER, "editor");
        assertConflict(() -> approved.approve(LATEST, "other"), "already approved");
    }

    @Test
    void approvedBulletinIsArchivedKeepingItsApproval() {
        Bulletin archived = draft().approve(LATER, "editor").archive(LATEST, "chief");
        assertThat(archived.state()).isEqualTo(BulletinState.ARCHIVED);
        assertThat(archived.archivedAt()).isEqualTo(LATEST);
        assertThat(archived.archivedBy()).isEqualTo("chief");
        assertThat(archived.approvedBy()).isEqualTo("editor");
    }

    @Test
    void draftMayBeArchivedWithoutApproval() {
        Bulletin archived = draft().archive(LATER, "chief");
        assertThat(archived.state()).isEqualTo(BulletinState.ARCHIVED);
        assertThat(archived.approvedAt()).isNull();
    }

    @Test
    void archivedBulletinCanBeNeitherApprovedNorArchivedAgain() {
        Bulletin archived = draft().archive(LATER, "chief");
        assertConflict(() -> archived.approve(LATEST, "editor"), "archived and cannot be approved");
        assertConflict(() -> archived.archive(LATEST, "chief"), "already archived");
    }

    @Test
    void audioIsFetchedByItsContent() {
        assertThat(draft().audioPath()).isEqualTo("/audio/" + "ab".repeat(32));
    }

    private static void assertConflict(Runnable transition, String message) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).contains(message).contains("bl-test0001");
        });
    }

    private static Bulletin draft() {
        return new Bulletin("bl-test0001", "Tin thời tiết", BulletinClass.NORMAL, "vi", BulletinFormat.WAV, 2500,
                "ab".repeat(32), 40_044, BulletinState.DRAFT, CREATED, "uploader", null, null, null, null);
    }
}

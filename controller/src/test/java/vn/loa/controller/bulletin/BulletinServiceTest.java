package vn.loa.controller.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.GeneratedAudio;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;

class BulletinServiceTest {
    private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(START);
    private Database database;
    private AudioLibrary library;
    private BulletinService service;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("loa.db"), clock);
        library = AudioLibrary.open(dir);
        service = new BulletinService(database, clock, library, new AudioInspector());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void uploadBecomesADraftStoredUnderItsContent() throws IOException {
        Path upload = upload("tone.wav", 2.0);
        String sha256 = AudioLibrary.sha256(upload);
        long size = Files.size(upload);
        Bulletin bulletin = service.create(metadata(), upload, "admin");
        assertThat(bulletin.id()).matches("bl-[a-z2-9]{8}");
        assertThat(bulletin.state()).isEqualTo(BulletinState.DRAFT);
        assertThat(bulletin.durationMillis()).isEqualTo(2000);
        assertThat(bulletin.sha256()).isEqualTo(sha256);
        assertThat(bulletin.sizeBytes()).isEqualTo(size);
        assertThat(bulletin.createdAt()).isEqualTo(START);
        assertThat(bulletin.createdBy()).isEqualTo("admin");
        assertThat(upload).doesNotExist();
        assertThat(dir.resolve("audio").resolve(sha256 + ".wav")).exists().hasSize(size);
        assertThat(service.get(bulletin.id())).isEqualTo(bulletin);
    }

    @Test
    void sameContentUploadedTwiceIsOneFile() throws IOException {
        Path first = upload("a.wav", 1.0);
        Path second = dir.resolve("tmp/uploads/b.wav");
        Files.copy(first, second);
        Bulletin one = service.create(metadata(), first, "admin");
        Bulletin two = service.create(metadata(), second, "admin");
        assertThat(two.id()).isNotEqualTo(one.id());
        assertThat(two.sha256()).isEqualTo(one.sha256());
        try (Stream<Path> files = Files.list(dir.resolve("audio"))) {
            assertThat(files).hasSize(1);
        }
        assertThat(second).doesNotExist();
    }

    @Test
    void nonAudioIsRefusedAndLeftForTheCallerToDelete() {
        Path text = GeneratedAudio.text(dir.resolve("tmp/uploads/notes.txt"), "not audio");
        assertThatThrownBy(() -> service.create(metadata(), text, "admin")).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThat(service.list(BulletinFilter.all())).isEmpty();
        assertThat(dir.resolve("audio")).isEmptyDirectory();
    }

    @Test
    void approvalAndArchivalAreStampedWithTheClockAndTheUser() {
        Bulletin draft = service.create(metadata(), upload("tone.wav", 1.0), "uploader");
        clock.advance(Duration.ofMinutes(5));
        Bulletin approved = service.approve(draft.id(), "editor");
        assertThat(approved.approvedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(service.requireApproved(draft.id())).isEqualTo(approved);
        clock.advance(Duration.ofMinutes(5));
        service.archive(draft.id(), "chief");
        Bulletin archived = service.get(draft.id());
        assertThat(archived.state()).isEqualTo(BulletinState.ARCHIVED);
        assertThat(archived.archivedBy()).isEqualTo("chief");
        assertThat(archived.approvedBy()).isEqualTo("editor");
        assertThatThrownBy(() -> service.approve(draft.id(), "editor")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void onlyApprovedBulletinsCanBeScheduled() {
        Bulletin draft = service.create(metadata(), upload("tone.wav", 1.0), "uploader");
        assertThatThrownBy(() -> service.requireApproved(draft.id())).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("is draft").contains("only approved");
                });
        assertThatThrownBy(() -> service.requireApproved("bl-missing1")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(service.find("bl-missing1")).isEmpty();
    }

    @Test
    void listIsFilteredByStateClassAndLanguage() {
        Bulletin vietnamese = service.create(metadata(), upload("a.wav", 1.0), "admin");
        clock.advance(Duration.ofSeconds(1));
        Bulletin khmer = service.create(new BulletinMetadata("Tin", BulletinClass.PRIORITY, "km"),
                upload("b.wav", 1.5), "admin");
        service.approve(khmer.id(), "admin");
        assertThat(service.list(BulletinFilter.all())).extracting(Bulletin::id).containsExactly(khmer.id(),
                vietnamese.id());
        assertThat(service.list(new BulletinFilter(BulletinState.APPROVED, null, null))).extracting(Bulletin::id)
                .containsExactly(khmer.id());
        assertThat(service.list(new BulletinFilter(null, BulletinClass.NORMAL, null))).extracting(Bulletin::id)
                .containsExactly(vietnamese.id());
        assertThat(service.list(new BulletinFilter(null, null, "km"))).extracting(Bulletin::id)
                .containsExactly(khmer.id());
        assertThat(service.list(new BulletinFilter(BulletinState.DRAFT, null, "km"))).isEmpty();
    }

    @Test
    void audioRefPointsStationsAtTheContent() {
        Bulletin bulletin = service.create(metadata(), upload("tone.wav", 1.0), "admin");
        assertThat(service.audioRef(bulletin)).isEqualTo(new AudioRef("/audio/" + bulletin.sha256(),
                bulletin.sha256(), bulletin.sizeBytes(), "wav"));
        StoredAudio audio = service.audioByContent(bulletin.sha256()).orElseThrow();
        assertThat(audio.path()).exists();
        assertThat(audio.etag()).isEqualTo("\"" + bulletin.sha256() + "\"");
        assertThat(service.audioByContent("0".repeat(64))).isEmpty();
        assertThat(service.audioByContent("../../etc/passwd")).isEmpty();
    }

    @Test
    void uploadsLeftByACrashAreRemovedAtOpen() throws IOException {
        Path leftover = Files.writeString(dir.resolve("tmp/uploads/FUp_123.tmp"), "half an upload");
        AudioLibrary.open(dir);
        assertThat(leftover).doesNotExist();
    }

    private Path upload(String name, double seconds) {
        return GeneratedAudio.wav(library.uploadDir().resolve(name), 8000f, 1, seconds);
    }

    private static BulletinMetadata metadata() {
        return new BulletinMetadata("Tin thời tiết", BulletinClass.NORMAL, "vi");
    }
}

package vn.loa.controller.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.status.PresenceChange;
import vn.loa.controller.status.ReceivedHeartbeat;
import vn.loa.controller.status.StatusBatch;
import vn.loa.controller.status.StatusRepository;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Json;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.Presence;

/** Station history read back from a real SQLite file, written as the status writer writes it. */
class StationHistoriesTest {
    private static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant TO = FROM.plusSeconds(24 * 3600);

    @TempDir
    Path dir;

    private Database database;
    private StationHistories histories;
    private final List<ReceivedHeartbeat> heartbeats = new ArrayList<>();
    private final List<PresenceChange> changes = new ArrayList<>();
    private int sent;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("loa.db"), new MutableClock(FROM));
        histories = new StationHistories(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void heartbeatsOfABucketAreCountedAndAveragedAndEmptyBucketsLeftOut() {
        beat("st-1", "00:01:00", 100, 40.0, -20.0, 0.5, 1000L);
        beat("st-1", "00:02:00", 160, 42.0, null, 1.5, 3000L);
        beat("st-1", "00:03:00", 220, null, -10.0, null, null);
        beat("st-1", "02:00:30", 7420, 50.0, null, 2.0, 2000L);
        beat("st-2", "00:01:00", 999, 90.0, -1.0, 9.0, 9L);
        beat("st-1", "23:59:59", 5, 30.0, null, null, null);
        store();

        StationHistory history = histories.of("st-1", FROM, TO);

        assertThat(history.bucketSeconds()).isEqualTo(300);
        assertThat(history.points()).containsExactly(
                new HistoryPoint(FROM, 3, 220L, 41.0, -15.0, 1.0, 2000L),
                new HistoryPoint(Instant.parse("2026-11-23T02:00:00Z"), 1, 7420L, 50.0, null, 2.0, 2000L),
                new HistoryPoint(Instant.parse("2026-11-23T23:55:00Z"), 1, 5L, 30.0, null, null, null));
    }

    @Test
    void heartbeatsOutsideThePeriodAreLeftOut() {
        beat("st-1", "00:01:00", 100, 40.0, null, null, null);
        store();

        assertThat(histories.of("st-1", FROM.plusSeconds(3600), TO).points()).isEmpty();
        assertThat(histories.of("st-1", FROM.minusSeconds(3600), FROM.plusSeconds(60)).points()).isEmpty();
        assertThat(histories.of("st-1", FROM.minusSeconds(3600), FROM.plusSeconds(61)).points()).hasSize(1);
    }

    @Test
    void presenceStartsWithTheChangeInForceAtTheStartOfThePeriod() {
        change("st-1", Presence.ONLINE, FROM.minusSeconds(7200), "birth");
        change("st-1", Presence.OFFLINE, FROM.minusSeconds(3600), "offline status (last will or shutdown)");
        change("st-2", Presence.ONLINE, FROM.minusSeconds(60), "birth");
        change("st-1", Presence.ONLINE, FROM.plusSeconds(600), "birth");
        change("st-1", Presence.OFFLINE, TO.plusSeconds(1), "silent for more than 100 s");
        store();

        assertThat(histories.of("st-1", FROM, TO).presence()).containsExactly(
                new PresenceMark(FROM.minusSeconds(3600), "offline", "offline status (last will or shutdown)"),
                new PresenceMark(FROM.plusSeconds(600), "online", "birth"));
        assertThat(histories.of("st-3", FROM, TO).presence()).isEmpty();
    }

    private void beat(String station, String localTimeUtc, long uptime, Double temperature, Double level,
                      Double load, Long diskFree) {
        Instant at = Instant.parse("2026-11-23T" + localTimeUtc + "Z");
        NowPlaying playing = level == null ? null : new NowPlaying("br-1", "b-1", "Tin", at.minusSeconds(5), level);
        heartbeats.add(new ReceivedHeartbeat(new Heartbeat("hb-" + sent++, at.minusMillis(200), station, uptime, null,
                load, null, null, diskFree, temperature, List.of(), playing), at));
    }

    private void change(String station, Presence presence, Instant at, String cause) {
        changes.add(new PresenceChange(station, presence, at, cause));
    }

    private void store() {
        StatusRepository repository = new StatusRepository(new MessageCodec(64 * 1024), Json.strictMapper(64 * 1024));
        database.transaction(connection -> {
            repository.write(connection, new StatusBatch(List.of(), heartbeats, changes), FROM);
            return null;
        });
    }
}

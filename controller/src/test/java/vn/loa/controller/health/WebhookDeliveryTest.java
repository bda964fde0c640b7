package vn.loa.controller.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.controller.testutil.WebhookReceiver;

/** The outbox and its sender over a real SQLite file: retries with backoff, once per event, across a restart. */
class WebhookDeliveryTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    private final ApiJson json = new ApiJson(64 * 1024);
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        unused.shutdownNow();
        if (receiver != null) {
            receiver.close();
        }
    }

    private AlertStore store(Database database, WebhookOutbox outbox) {
        return new AlertStore(database, clock, new AuditLog(database, clock, json.mapper()), outbox);
    }

    @Test
    void aNotificationRefusedOnceIsRetriedAfterItsBackoffAndDeliveredOnceEvenAcrossARestart() throws Exception {
        receiver = WebhookReceiver.start(1);
        List<ControllerConfig.Webhook> hooks = List.of(new ControllerConfig.Webhook(receiver.uri(), null));
        Path file = dir.resolve("loa.db");
        try (Database database = Database.open(file, clock)) {
            WebhookOutbox outbox = new WebhookOutbox(database, json.mapper(), hooks);
            Alert alert = store(database, outbox).open(new Condition("st-1", Rule.DEAD_AIR, "silence"), clock.instant());
            WebhookSender sender = new WebhookSender(outbox, clock, unused);
            sender.deliverDue();
            assertThat(receiver.refused()).isEqualTo(1);
            sender.deliverDue();
            assertThat(receiver.accepted()).as("not before its backoff").isEmpty();
            clock.advance(WebhookSender.backoff(0));
            store(database, outbox).resolve(alert, clock.instant());
        }
        try (Database reopened = Database.open(file, clock)) {
            WebhookOutbox outbox = new WebhookOutbox(reopened, json.mapper(), hooks);
            WebhookSender sender = new WebhookSender(outbox, clock, unused);
            sender.deliverDue();
            sender.deliverDue();
            clock.advance(Duration.ofMinutes(10));
            sender.deliverDue();
        }
        assertThat(receiver.accepted()).extracting(d -> d.json().path("event").asText())
                .containsExactly("alert.opened", "alert.resolved");
        assertThat(receiver.accepted()).extracting(WebhookReceiver.Delivery::eventIdHeader).doesNotHaveDuplicates();
        assertThat(receiver.refused()).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToFiveMinutes() {
        assertThat(WebhookSender.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(WebhookSender.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(WebhookSender.backoff(30)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertThat(WebhookSender.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}

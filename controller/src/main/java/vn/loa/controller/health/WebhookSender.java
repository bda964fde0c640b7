package vn.loa.controller.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.config.ControllerConfig;

/**
 * Delivers the {@link WebhookOutbox} on its own thread: each notification is POSTed until a webhook
 * answers 2xx, retried after 1, 2, 4 … s (at most 5 min apart). Headers: {@code X-Loa-Event-Id} (the
 * idempotency id) and, with a secret, {@code X-Loa-Signature: sha256=<hex HMAC-SHA256 of the body>}.
 */
public final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebhookOutbox outbox;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final Map<String, String> secrets = new HashMap<>();
    private final HttpClient client;

    public WebhookSender(WebhookOutbox outbox, Clock clock, ScheduledExecutorService thread) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = Objects.requireNonNull(thread, "thread");
        for (ControllerConfig.Webhook webhook : outbox.webhooks()) {
            if (webhook.secret() != null) {
                secrets.put(webhook.url().toString(), webhook.secret());
            }
        }
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** Starts delivering, every half second, when any webhook is configured. */
    public void start() {
        if (!outbox.webhooks().isEmpty()) {
            thread.scheduleWithFixedDelay(this::deliverDue, 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    void deliverDue() {
        try {
            for (WebhookOutbox.Pending pending : outbox.due(clock.instant(), 50)) {
                deliver(pending);
            }
        } catch (RuntimeException e) {
            LOG.warn("Alert notifications could not be read for delivery: {}", e.getMessage());
        }
    }

    private void deliver(WebhookOutbox.Pending pending) {
        String error;
        try {
            HttpResponse<Void> response = client.send(request(pending), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(pending.id(), clock.instant());
                LOG.debug("Alert notification {} delivered to {}", pending.eventId(), pending.url());
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Duration backoff = backoff(pending.attempts());
        LOG.warn("Webhook {} did not take alert notification {} ({}); next attempt in {} s", pending.url(),
                pending.eventId(), error, backoff.toSeconds());
        outbox.failed(pending.id(), clock.instant().plus(backoff), error);
    }

    static Duration backoff(int attemptsBefore) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attemptsBefore, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private HttpRequest request(WebhookOutbox.Pending pending) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(pending.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Loa-Event-Id", pending.eventId())
                .POST(HttpRequest.BodyPublishers.ofString(pending.payload(), StandardCharsets.UTF_8));
        String secret = secrets.get(pending.url());
        if (secret != null) {
            builder.header("X-Loa-Signature", "sha256=" + sign(secret, pending.payload()));
        }
        return builder.build();
    }

    /** Hex HMAC-SHA256 of the UTF-8 body with the shared secret. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

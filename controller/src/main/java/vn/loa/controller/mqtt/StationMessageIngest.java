package vn.loa.controller.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.metrics.ControllerMetrics;
import vn.loa.controller.status.StationStatusService;
import vn.loa.controller.text.Printable;
import vn.loa.protocol.DecodeError;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.StationMessage;
import vn.loa.protocol.StationTopic;
import vn.loa.protocol.Topics;

/**
 * Where station messages enter the controller. On the MQTT client's thread it only decodes
 * (bounded by the payload limit, so cheap) and hands the message to the single ingest thread,
 * which owns the station status. Bad payloads are counted and logged at most once a minute per
 * station; nothing a station sends can throw into the MQTT client or block it.
 */
public final class StationMessageIngest implements MessageSink {
    private static final Logger LOG = LoggerFactory.getLogger(StationMessageIngest.class);

    private final Topics topics;
    private final MessageCodec codec;
    private final Clock clock;
    private final ControllerMetrics metrics;
    private final StationStatusService status;
    private final Executor ingestThread;
    private final RateLimitedLog rateLimited;
    private volatile StationListener listener = (message, receivedAt) -> { };

    public StationMessageIngest(Topics topics, MessageCodec codec, Clock clock, ControllerMetrics metrics,
                                StationStatusService status, Executor ingestThread) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.status = Objects.requireNonNull(status, "status");
        this.ingestThread = Objects.requireNonNull(ingestThread, "ingestThread");
        this.rateLimited = new RateLimitedLog(clock, Duration.ofMinutes(1));
    }

    /** Told of every message applied to a registered station, on the ingest thread; must not block. */
    public void listener(StationListener newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
    }

    @Override
    public void accept(String topic, byte[] payload) {
        Instant receivedAt = clock.instant();
        Optional<StationTopic> parsed = topics.parse(topic);
        if (parsed.isEmpty()) {
            metrics.decodeFailure("bad_topic");
            if (rateLimited.allow("topic:" + topic)) {
                LOG.warn("Ignored a message on an unexpected topic '{}'", Printable.of(topic, 200));
            }
            return;
        }
        StationTopic stationTopic = parsed.get();
        Decoded<StationMessage> decoded = codec.decode(stationTopic, payload);
        if (decoded instanceof Decoded.Failure<StationMessage> failure) {
            rejected(stationTopic, payload == null ? 0 : payload.length, failure.error());
            return;
        }
        StationMessage message = ((Decoded.Ok<StationMessage>) decoded).message();
        metrics.messageIn(message.type());
        try {
            ingestThread.execute(() -> apply(message, receivedAt));
        } catch (RejectedExecutionException e) {
            metrics.messageDropped("ingest_queue_full");
            if (rateLimited.allow("queue")) {
                LOG.warn("Station messages arrive faster than they can be processed: dropping some");
            }
        }
    }

    private void apply(StationMessage message, Instant receivedAt) {
        StationStatusService.Outcome outcome = status.apply(message, receivedAt);
        switch (outcome) {
            case APPLIED -> listener.applied(message, receivedAt);
            case STALE -> metrics.messageDropped("stale");
            case UNKNOWN_STATION -> {
                metrics.messageDropped("unknown_station");
                if (rateLimited.allow("unknown:" + message.station())) {
                    LOG.warn("Station {} is not in the registry (or retired): its {} was ignored; register it "
                            + "with POST /api/v1/stations", message.station(), message.type());
                }
            }
            default -> throw new IllegalStateException("unexpected outcome " + outcome);
        }
    }

    private void rejected(StationTopic topic, int size, DecodeError error) {
        metrics.decodeFailure(error.reason().code());
        if (rateLimited.allow(topic.stationId())) {
            LOG.warn("Station {} sent an unreadable {} message ({} bytes): {}. Further problems from this station "
                    + "are counted in /metrics and logged at most once a minute", topic.stationId(),
                    topic.channel().segment(), size, error);
        }
    }
}

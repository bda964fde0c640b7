package vn.loa.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.health.HeartbeatFactory;
import vn.loa.agent.health.SystemProbe;
import vn.loa.agent.link.BrokerLink;
import vn.loa.agent.link.LastWill;
import vn.loa.agent.link.LinkException;
import vn.loa.protocol.Birth;
import vn.loa.protocol.Channel;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Severity;
import vn.loa.protocol.StationEvent;
import vn.loa.protocol.StationMessage;
import vn.loa.protocol.StationStatus;
import vn.loa.protocol.Topics;

/**
 * Builds and publishes what a station says about itself: its status (and the last will that says
 * it for us), its birth, its heartbeats, its events and its plan acknowledgements. Every message
 * gets a fresh id and the clock's time. (Receipts go through the outbox, not through here.)
 * Thread: any; publishing never blocks.
 */
final class StationReporter {
    private static final Logger log = LoggerFactory.getLogger(StationReporter.class);
    /** Status and birth must arrive: QoS 1. */
    private static final int QOS_AT_LEAST_ONCE = 1;
    /**
     * Heartbeats use QoS 0: each one replaces the previous, so a lost one costs nothing, while QoS 1
     * would hold stale heartbeats in Paho's in-flight window and the broker's session during an
     * outage, replay them on reconnect, and compete with receipts for in-flight slots.
     */
    private static final int HEARTBEAT_QOS = 0;

    /** The stamp of the last will registered for the current connection (link thread writes, any reads). */
    private volatile Instant connectionStamp;
    private final AgentConfig config;
    private final Topics topics;
    private final MessageCodec codec;
    private final BrokerLink link;
    private final SystemProbe probe;
    private final HeartbeatFactory heartbeats;
    private final Clock clock;
    private final Instant agentStartedAt;
    private final String agentVersion;

    StationReporter(AgentConfig config, MessageCodec codec, BrokerLink link, SystemProbe probe,
                    HeartbeatFactory heartbeats, Clock clock, Instant agentStartedAt, String agentVersion) {
        this.config = Objects.requireNonNull(config, "config");
        this.topics = config.mqtt().topics();
        this.codec = Objects.requireNonNull(codec, "codec");
        this.link = Objects.requireNonNull(link, "link");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.heartbeats = Objects.requireNonNull(heartbeats, "heartbeats");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agentStartedAt = Objects.requireNonNull(agentStartedAt, "agentStartedAt");
        this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
    }

    /**
     * Retained OFFLINE status, QoS 1, stamped now: the broker publishes it if our link dies. The
     * ONLINE status of the same connection carries the same stamp (docs/protocol.md, presence), so
     * the controller can tell this connection's will from a late will of an earlier one.
     */
    LastWill lastWill() {
        Instant stamp = clock.instant();
        connectionStamp = stamp;
        StationStatus offline = new StationStatus(MessageIds.next(), stamp, config.station(), Presence.OFFLINE);
        return new LastWill(topics.station(config.station(), Channel.STATUS), codec.encode(offline),
                QOS_AT_LEAST_ONCE, true);
    }

    /** ONLINE carries the stamp of the current connection's will; OFFLINE (a clean shutdown) is stamped now. */
    CompletableFuture<Void> publishStatus(Presence presence) {
        Instant stamp = presence == Presence.ONLINE && connectionStamp != null ? connectionStamp : clock.instant();
        return publish(new StationStatus(MessageIds.next(), stamp, config.station(), presence), QOS_AT_LEAST_ONCE,
                true);
    }

    CompletableFuture<Void> publishBirth() {
        Birth birth = new Birth(MessageIds.next(), clock.instant(), config.station(), agentVersion, config.zones(),
                probe.os(), probe.javaVersion(), probe.bootTime().orElse(agentStartedAt), agentStartedAt,
                config.heartbeatSeconds());
        return publish(birth, QOS_AT_LEAST_ONCE, false);
    }

    /** The plan version the station holds (QoS 1); skipped while disconnected (the next plan or connect repeats it). */
    void publishPlanAck(long version) {
        if (link.isConnected()) {
            publish(new PlanAck(MessageIds.next(), clock.instant(), config.station(), version), QOS_AT_LEAST_ONCE, false);
        }
    }

    /** Something that happened at the station (QoS 1); best effort: while disconnected it is only logged. */
    void publishEvent(String kind, Severity severity, String detail) {
        if (!link.isConnected()) {
            log.info("station {} could not report event {} (no link to the broker): {}", config.station(), kind, detail);
            return;
        }
        publish(new StationEvent(MessageIds.next(), clock.instant(), config.station(), kind, severity, detail),
                QOS_AT_LEAST_ONCE, false);
    }

    /** Live emergency progress (QoS 1); skipped while disconnected (the receipts that follow are the proof). */
    void publishEmergencyProgress(EmergencyProgress progress) {
        if (link.isConnected()) {
            publish(progress, QOS_AT_LEAST_ONCE, false);
        } else {
            log.info("station {} could not report emergency {} {} (no link to the broker)", config.station(),
                    progress.emergencyId(), progress.stage());
        }
    }

    /** Publishes a heartbeat if the link is up; skipped otherwise (the controller sees the gap). */
    void publishHeartbeat() {
        if (link.isConnected()) {
            publish(heartbeats.next(), HEARTBEAT_QOS, false);
        }
    }

    private CompletableFuture<Void> publish(StationMessage message, int qos, boolean retained) {
        String topic = topics.station(config.station(), message.channel());
        CompletableFuture<Void> delivered = link.publish(topic, codec.encode(message), qos, retained);
        delivered.whenComplete((ignored, failure) -> {
            if (failure == null) {
                log.debug("station {} published its {} {}", config.station(), message.type(), message.id());
            } else if (qos == 0) {
                log.debug("station {} could not publish its {}: {}", config.station(), message.type(),
                        LinkException.describe(failure));
            } else {
                log.warn("station {} could not publish its {}: {}", config.station(), message.type(),
                        LinkException.describe(failure));
            }
        });
        return delivered;
    }
}

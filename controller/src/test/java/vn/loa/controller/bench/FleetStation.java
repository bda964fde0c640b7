package vn.loa.controller.bench;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.player.SimulatedPlayer;
import vn.loa.agent.playout.Playout;
import vn.loa.agent.playout.PlayoutParts;
import vn.loa.agent.receipts.ReceiptOutbox;
import vn.loa.agent.relay.SimulatedRelayBoard;
import vn.loa.agent.store.Database;
import vn.loa.agent.store.OutboxStore;
import vn.loa.agent.store.PlanStore;
import vn.loa.agent.store.PlayoutJournal;
import vn.loa.agent.timing.ExecutorTaskScheduler;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.Birth;
import vn.loa.protocol.Channel;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.Presence;
import vn.loa.protocol.ReceiptAck;
import vn.loa.protocol.StationMessage;
import vn.loa.protocol.StationStatus;
import vn.loa.protocol.Topics;
import vn.loa.protocol.Zone;

/**
 * One station of the in-process fleet: the real agent playout ({@link Playout} with its SQLite
 * journal, plan store and receipt outbox, the simulated relay board and player) behind a
 * {@link FleetMqttClient} instead of Paho. It announces itself as an agent does (retained
 * {@code online} status with the will's stamp, a {@code birth}, its plan version), sends
 * heartbeats, takes plans, receipt-acks, emergencies and stops on its {@code commands} topic (each
 * decoded by the station itself, as on real hardware), and publishes the playout's
 * {@code emergency-progress} and receipts on its {@code reports} topic.
 *
 * <p>Thread: one event loop of the fleet's group is this station's agent thread, playout thread
 * and player thread at once (a real station has one of each); every message, timer and SQLite
 * write of the station runs on it, in order.
 */
final class FleetStation implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FleetStation.class);
    static final List<Zone> ZONES = List.of(new Zone(1, "Loa 1"));
    private static final int HEARTBEAT_SECONDS = 30;
    private static final int KEEPALIVE_SECONDS = 30;
    private static final int CONNECT_ATTEMPTS = 5;
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final String id;
    private final EventLoop loop;
    private final Clock clock;
    private final FleetObserver observer;
    private final FleetLoad load;
    private final MessageCodec codec;
    private final MessageCodec commandCodec;
    private final String commandsTopic;
    private final String reportsTopic;
    private final String statusTopic;
    private final String birthTopic;
    private final String heartbeatTopic;
    private final String probeTopic;
    private final Instant startedAt;
    private final Database database;
    private final SimulatedRelayBoard relays;
    private final SimulatedPlayer player;
    private final Playout playout;
    private final ReceiptOutbox outbox;
    private final FleetBrokerLink link = new FleetBrokerLink();
    private volatile FleetMqttClient client;
    private ScheduledFuture<?> heartbeats; // event loop
    private final String password;

    FleetStation(String id, EventLoop loop, Path dataDir, Path standbyFile, Topics topics, String probeTopic,
                 Clock clock, FleetObserver observer, FleetLoad load, String password) {
        this.id = id;
        this.password = password;
        this.load = load;
        this.loop = loop;
        this.clock = clock;
        this.observer = observer;
        this.codec = new MessageCodec();
        this.commandCodec = new MessageCodec(Plan.MAX_ENCODED_BYTES);
        this.commandsTopic = topics.station(id, Channel.COMMANDS);
        this.reportsTopic = topics.station(id, Channel.REPORTS);
        this.statusTopic = topics.station(id, Channel.STATUS);
        this.birthTopic = topics.station(id, Channel.BIRTH);
        this.heartbeatTopic = topics.station(id, Channel.HEARTBEAT);
        this.probeTopic = probeTopic;
        this.startedAt = clock.instant();
        TaskScheduler thread = new TimedScheduler(new ExecutorTaskScheduler(loop), load.playoutNanos());
        this.database = Database.openIn(dataDir, clock);
        this.relays = new SimulatedRelayBoard(id, ZONES);
        this.player = new SimulatedPlayer(id, thread, clock);
        OutboxStore outboxStore = new OutboxStore(database, codec);
        this.outbox = new ReceiptOutbox(id, outboxStore, link, reportsTopic, thread, clock,
                ReceiptOutbox.DEFAULT_RESEND_INTERVAL, ReceiptOutbox.DEFAULT_WINDOW);
        this.playout = new Playout(new PlayoutParts(id, PlayoutSettings.defaults(), Set.of(1), clock, thread, relays,
                player, new StandbyAudio(standbyFile), new PlanStore(database, commandCodec),
                new PlayoutJournal(database, outboxStore), outbox::wake, this::publishPlanAck, startedAt,
                this::publishProgress));
        relays.allOff();
        playout.start();
    }

    String id() {
        return id;
    }

    /**
     * Connects, subscribes and announces the station; completes once its birth is acknowledged.
     * A failed attempt is tried again after a short pause, as an agent would (Moquette sometimes
     * drops a fresh connection when a thousand arrive at once).
     */
    CompletableFuture<Void> connect(InetSocketAddress broker) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        attempt(broker, CONNECT_ATTEMPTS, done);
        return done;
    }

    private void attempt(InetSocketAddress broker, int attemptsLeft, CompletableFuture<Void> done) {
        connectOnce(broker).whenComplete((ok, failure) -> {
            if (failure == null) {
                done.complete(null);
                return;
            }
            FleetMqttClient failed = client;
            if (failed != null) {
                failed.dropConnection();
            }
            if (attemptsLeft <= 1) {
                done.completeExceptionally(failure);
                return;
            }
            log.info("station {} connects again after: {}", id, failure.toString());
            loop.schedule(() -> attempt(broker, attemptsLeft - 1, done), RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    private CompletableFuture<Void> connectOnce(InetSocketAddress broker) {
        Instant stamp = clock.instant();
        FleetWill will = new FleetWill(statusTopic, codec.encode(new StationStatus(MessageIds.next(), stamp, id,
                Presence.OFFLINE)), MqttQoS.AT_LEAST_ONCE, true);
        FleetClientOptions options = FleetClientOptions.of("loa-agent-" + id).withCleanSession(false)
                .withKeepAlive(KEEPALIVE_SECONDS).withWill(will).withCredentials(id, password);
        return FleetConnector.connectAndSubscribe(FleetMqttClient.connect(loop, broker, options, this::messageArrived)
                        .thenApply(this::attach), List.of(commandsTopic, probeTopic))
                .thenCompose(c -> publish(statusTopic, new StationStatus(MessageIds.next(), stamp, id, Presence.ONLINE),
                        MqttQoS.AT_LEAST_ONCE, true))
                .thenCompose(ok -> publish(birthTopic, birth(), MqttQoS.AT_LEAST_ONCE, false))
                .thenRun(() -> loop.execute(this::announced));
    }

    private FleetMqttClient attach(FleetMqttClient connected) {
        client = connected;
        link.attach(connected);
        return connected;
    }

    /** On the event loop, after the birth. */
    private void announced() {
        publishPlanAck(playout.heldVersion());
        outbox.start();
        outbox.reconnected();
        // stations start at random moments, so their heartbeats do not all fall in the same second
        long phase = ThreadLocalRandom.current().nextLong(TimeUnit.SECONDS.toMillis(HEARTBEAT_SECONDS));
        heartbeats = loop.scheduleAtFixedRate(this::heartbeat, phase, TimeUnit.SECONDS.toMillis(HEARTBEAT_SECONDS),
                TimeUnit.MILLISECONDS);
    }

    /** On the event loop. */
    private void messageArrived(String topic, byte[] payload, long receivedNanos) {
        long start = System.nanoTime();
        try {
            route(topic, payload, receivedNanos);
        } finally {
            load.handlerNanos().add(System.nanoTime() - start);
        }
    }

    private void route(String topic, byte[] payload, long receivedNanos) {
        if (topic.equals(probeTopic)) {
            observer.probeReceived(payload, receivedNanos);
        } else if (topic.equals(commandsTopic)) {
            command(commandCodec.decode(payload), receivedNanos);
        }
    }

    private void command(Decoded<Message> decoded, long receivedNanos) {
        if (!(decoded instanceof Decoded.Ok<Message> ok)) {
            log.warn("station {} drops an unreadable command: {}", id, decoded);
            return;
        }
        Message message = ok.message();
        if (message instanceof Emergency emergency) {
            if (emergency.station().equals(id)) {
                observer.emergencyArrived(id, emergency.emergencyId(), receivedNanos);
            }
            playout.emergency(emergency);
        } else if (message instanceof EmergencyStop stop) {
            playout.stopEmergency(stop);
        } else if (message instanceof Plan plan) {
            playout.offer(plan);
        } else if (message instanceof ReceiptAck ack) {
            outbox.acknowledged(ack.receiptIds());
        }
    }

    /** From the playout (on the event loop): live progress, published at once. */
    private void publishProgress(EmergencyProgress progress) {
        if (progress.stage() == EmergencyStage.ZONES_ON) {
            observer.zonesOn(id, progress.emergencyId(), System.nanoTime());
        }
        if (link.isConnected()) {
            publish(reportsTopic, progress, MqttQoS.AT_LEAST_ONCE, false);
        }
    }

    private void publishPlanAck(long version) {
        if (link.isConnected()) {
            publish(reportsTopic, new PlanAck(MessageIds.next(), clock.instant(), id, version), MqttQoS.AT_LEAST_ONCE,
                    false);
        }
    }

    private void heartbeat() {
        long uptime = Duration.between(startedAt, clock.instant()).toSeconds();
        publish(heartbeatTopic, new Heartbeat(MessageIds.next(), clock.instant(), id, uptime, null, null, null, null,
                null, null, relays.state(), player.nowPlaying().orElse(null)), MqttQoS.AT_MOST_ONCE, false);
    }

    private Birth birth() {
        return new Birth(MessageIds.next(), clock.instant(), id, "fleet", ZONES, System.getProperty("os.name"),
                System.getProperty("java.version"), startedAt, startedAt, HEARTBEAT_SECONDS);
    }

    private CompletableFuture<Void> publish(String topic, StationMessage message, MqttQoS qos, boolean retain) {
        return client.publish(topic, codec.encode(message), qos, retain);
    }

    /** Stops the playout and the outbox, closes the database on the event loop, then disconnects. */
    @Override
    public void close() {
        playout.close();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        loop.execute(() -> {
            if (heartbeats != null) {
                heartbeats.cancel(false);
            }
            outbox.stop();
            player.close();
            relays.close();
            database.close();
            stopped.complete(null);
        });
        stopped.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        FleetMqttClient current = client;
        if (current != null) {
            current.close();
        }
    }
}

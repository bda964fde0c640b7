package vn.loa.agent;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.audio.AudioCache;
import vn.loa.agent.audio.AudioPrefetcher;
import vn.loa.agent.audio.StationLogin;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.ConfigException;
import vn.loa.agent.health.EventSink;
import vn.loa.agent.health.HeartbeatFactory;
import vn.loa.agent.health.LinuxSystemProbe;
import vn.loa.agent.health.SystemProbe;
import vn.loa.agent.link.Backoff;
import vn.loa.agent.link.BrokerLink;
import vn.loa.agent.link.LinkException;
import vn.loa.agent.link.LinkListener;
import vn.loa.agent.link.LinkSupervisor;
import vn.loa.agent.link.PahoBrokerLink;
import vn.loa.agent.link.StationEnrolment;
import vn.loa.agent.metrics.AgentMetrics;
import vn.loa.agent.metrics.MetricsServer;
import vn.loa.agent.metrics.MicrometerAgentMetrics;
import vn.loa.agent.metrics.StationGauges;
import vn.loa.agent.player.JavaSoundPlayer;
import vn.loa.agent.player.Player;
import vn.loa.agent.player.SimulatedPlayer;
import vn.loa.agent.playout.Playout;
import vn.loa.agent.playout.PlayoutParts;
import vn.loa.agent.playout.PlayoutWatchdog;
import vn.loa.agent.receipts.ReceiptOutbox;
import vn.loa.agent.relay.RelayBoard;
import vn.loa.agent.relay.RelayBoards;
import vn.loa.agent.relay.RelayEvents;
import vn.loa.agent.store.Database;
import vn.loa.agent.store.OutboxStore;
import vn.loa.agent.store.PlanStore;
import vn.loa.agent.store.PlayoutJournal;
import vn.loa.agent.store.StoreException;
import vn.loa.agent.timing.ExecutorTaskScheduler;
import vn.loa.protocol.Channel;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Severity;
import vn.loa.protocol.Topics;
import vn.loa.protocol.Zone;

/**
 * The composition root of one station: builds its parts from the configuration (database,
 * relays, player, audio cache and downloads, playout, receipt outbox), keeps its link to the
 * broker up, announces the station (status, birth, heartbeats, the plan version held) and shuts
 * down cleanly. {@link #start} returns at once and connects in the background; the playout runs
 * from the stored plan whether or not the broker is reachable.
 *
 * <p>Threads ({@link StationThreads}): the agent's thread runs the link supervisor, the
 * announcements, the heartbeats, every incoming message and the outbox; the playout, the player
 * and the audio downloads each have their own; Paho's threads only hand work over.
 */
public final class StationAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationAgent.class);
    private static final int INBOUND_CAPACITY = 256;
    private static final int COMMAND_QOS = 1;
    /** Plans may carry many broadcasts: commands are read with a larger payload limit than the default. */
    static final int COMMAND_MAX_PAYLOAD_BYTES = vn.loa.protocol.Plan.MAX_ENCODED_BYTES;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration OFFLINE_PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BAD_PAYLOAD_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final Duration DOWNLOAD_RETRY_MIN = Duration.ofSeconds(2);
    private static final Duration DOWNLOAD_RETRY_MAX = Duration.ofMinutes(5);

    private final AgentConfig config;
    private final BrokerLink link;
    private final StationThreads threads;
    private final Database database;
    private final RelayBoard relays;
    private final Player player;
    private final StationReporter reporter;
    private final ReceiptOutbox outbox;
    private final AudioPrefetcher audio;
    private final Playout playout;
    private final LinkSupervisor supervisor;
    private final ControllerWatch controllerWatch;
    private final CommandInbox commands;
    private final InboundQueue inbound;
    private final String commandsTopic;
    private final String controllerStatusTopic;
    private final AgentMetrics metrics;
    private final MetricsServer metricsServer; // null when metrics.port is not set
    private ScheduledFuture<?> heartbeats; // agent thread
    private boolean closed; // guarded by this

    private StationAgent(AgentConfig config, Clock clock, BrokerLink link, SystemProbe probe, StationThreads threads,
                         Database database) {
        this.config = config;
        this.link = link;
        this.threads = threads;
        this.database = database;
        String station = config.station();
        Topics topics = config.mqtt().topics();
        this.commandsTopic = topics.station(station, Channel.COMMANDS);
        this.controllerStatusTopic = topics.controllerStatus();
        MessageCodec codec = new MessageCodec();
        MessageCodec commandCodec = new MessageCodec(COMMAND_MAX_PAYLOAD_BYTES);
        Instant startedAt = clock.instant();
        ExecutorTaskScheduler agentThread = new ExecutorTaskScheduler(threads.agent);
        this.metrics = config.metrics().enabled() ? new MicrometerAgentMetrics(station, AgentVersion.current())
                : AgentMetrics.NONE;
        this.relays = RelayBoards.create(station, config.zones(), config.relay(), this::reportEvent);
        this.player = player(config, threads, clock, this::reportEvent);
        HeartbeatFactory heartbeatFactory = new HeartbeatFactory(station, probe, relays, player, clock, startedAt);
        this.reporter = new StationReporter(config, codec, link, probe, heartbeatFactory, clock, startedAt,
                AgentVersion.current());
        OutboxStore outboxStore = new OutboxStore(database, codec);
        this.outbox = new ReceiptOutbox(station, outboxStore, link, topics.station(station, Channel.REPORTS),
                agentThread, clock, ReceiptOutbox.DEFAULT_RESEND_INTERVAL, ReceiptOutbox.DEFAULT_WINDOW);
        HttpClient http = TrustedLinks.controllerHttp(config).followRedirects(HttpClient.Redirect.NORMAL)
                .executor(threads.http).build();
        AudioCache cache = new AudioCache(config.dataDir().resolve("cache"), config.cache().maxBytes(), clock);
        this.audio = new AudioPrefetcher(station, cache, http, config.controller(), login(config),
                new ExecutorTaskScheduler(threads.audio),
                clock, new Backoff(DOWNLOAD_RETRY_MIN, DOWNLOAD_RETRY_MAX), this::reportEvent, this::audioReady);
        Set<Integer> channels = config.zones().stream().map(Zone::channel).collect(Collectors.toSet());
        this.playout = new Playout(new PlayoutParts(station, config.playout(), channels, clock,
                new ExecutorTaskScheduler(threads.playout), relays, player, audio, new PlanStore(database, commandCodec),
                new PlayoutJournal(database, outboxStore, metrics::receipt), outbox::wake, reporter::publishPlanAck,
                startedAt, reporter::publishEmergencyProgress));
        PlayoutWatchdog watchdog = new PlayoutWatchdog(station, relays, playout::actionExpectedBy, clock,
                PlayoutWatchdog.DEFAULT_GRACE, this::reportEvent);
        threads.agent.scheduleWithFixedDelay(watchdog::check, 1, 1, TimeUnit.SECONDS);
        this.controllerWatch = new ControllerWatch(station, codec, this::controllerOnline,
                new LogThrottle(clock, BAD_PAYLOAD_LOG_INTERVAL));
        this.commands = new CommandInbox(station, commandCodec, new LogThrottle(clock, BAD_PAYLOAD_LOG_INTERVAL),
                playout::offer, ack -> outbox.acknowledged(ack.receiptIds()), playout::emergency,
                playout::stopEmergency);
        this.inbound = new InboundQueue(station, threads.agent, INBOUND_CAPACITY,
                new LogThrottle(clock, BAD_PAYLOAD_LOG_INTERVAL));
        this.supervisor = new LinkSupervisor(station, config.mqtt().uri(), link, threads.agent,
                new Backoff(config.mqtt().reconnectMin(), config.mqtt().reconnectMax()),
                reporter::lastWill, new Inbound(), this::announce,
                Duration.ofSeconds(config.mqtt().keepAliveSeconds()), clock);
        metrics.watch(new StationGauges(link::isConnected, outboxStore::size, cache::usedBytes,
                () -> relays.fault().isPresent(), playout::heldVersion, probe));
        this.metricsServer = MetricsServer.startIfEnabled(station, config.metrics(), metrics).orElse(null);
    }

    /** The station's credentials for fetching audio: its MQTT ones, when it has a password. */
    private static StationLogin login(AgentConfig config) {
        return config.mqtt().password() == null ? null
                : new StationLogin(config.mqtt().username(), config.mqtt().password());
    }

    /** Starts a station on the real broker link; returns at once, connecting in the background. */
    public static StationAgent start(AgentConfig configured, Clock clock) {
        Objects.requireNonNull(configured, "config");
        Objects.requireNonNull(clock, "clock");
        createDataDir(configured);
        AgentConfig config = StationEnrolment.resolve(configured, TrustedLinks.controllerHttp(configured).build(),
                Duration.ofSeconds(30));
        BrokerLink link = new PahoBrokerLink(config.mqtt().uri(), "loa-agent-" + config.station(),
                config.mqtt().username(), config.mqtt().password(), config.mqtt().keepAliveSeconds(),
                operationTimeout(config), TrustedLinks.broker(config));
        return start(config, clock, link, new LinuxSystemProbe(config.dataDir(), clock));
    }


    /** Starts a station on the given link and probe (tests use fakes); returns at once. */
    public static StationAgent start(AgentConfig config, Clock clock, BrokerLink link, SystemProbe probe) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(probe, "probe");
        createDataDir(config);
        Database database = openDatabase(config, clock);
        StationThreads threads = new StationThreads(config.station());
        StationAgent agent;
        try {
            agent = new StationAgent(config, clock, link, probe, threads, database);
        } catch (RuntimeException e) {
            threads.stopAll();
            database.close();
            throw e;
        }
        agent.relays.allOff();
        log.info("station {} starting (agent {}, {} zone(s), heartbeat every {} s, plan version {})", config.station(),
                AgentVersion.current(), config.zones().size(), config.heartbeatSeconds(), agent.playout.heldVersion());
        agent.playout.start();
        threads.agent.execute(() -> {
            agent.outbox.start();
            agent.supervisor.start();
        });
        return agent;
    }

    /** The port of the Prometheus endpoint, when {@code metrics.port} turned it on. */
    public Optional<Integer> metricsPort() {
        return Optional.ofNullable(metricsServer).map(MetricsServer::port);
    }

    public String stationId() {
        return config.station();
    }

    public synchronized boolean isConnected() {
        return !closed && link.isConnected();
    }

    /** The version of the plan the station holds; 0 for none. */
    public long planVersion() {
        return playout.heldVersion();
    }

    /**
     * Shuts the station down: playout stopped (a broadcast playing is noted as cut, for the next
     * start to deal with), relays off, downloads paused (their part files kept), retained OFFLINE
     * status published (if connected), clean disconnect, threads stopped, database closed.
     * Idempotent; bounded in time.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        log.info("station {} shutting down", config.station());
        supervisor.requestStop();
        if (!link.isConnected()) {
            link.close(); // also aborts a connect attempt in progress
        }
        playout.close();
        audio.close();
        threads.drainPlayout();
        Future<?> shutdown = threads.agent.submit(this::shutDownOnAgentThread);
        try {
            shutdown.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("station {} did not shut down cleanly within {} s; forcing", config.station(), CLOSE_TIMEOUT.toSeconds());
        } catch (ExecutionException e) {
            log.warn("station {} failed while shutting down: {}", config.station(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
        relays.close();
        player.close();
        if (metricsServer != null) {
            metricsServer.close();
        }
        threads.stopAll();
        database.close();
        log.info("station {} stopped", config.station());
    }

    /** For tests in this package. */
    RelayBoard relays() {
        return relays;
    }

    /** For tests in this package. */
    Player player() {
        return player;
    }

    /** For the parts built before the reporter (relays, player): their events come once the station runs. */
    private void reportEvent(String kind, Severity severity, String detail) {
        metrics.event(kind, severity);
        reporter.publishEvent(kind, severity, detail);
    }

    private void audioReady(String sha256) {
        playout.audioReady(sha256);
    }

    /** A controller run we had not seen announced itself (it has subscribed); on the agent thread. */
    private void controllerOnline() {
        reporter.publishBirth();
        outbox.reconnected();
    }

    /** After every successful connect, on the agent thread. */
    private void announce() {
        metrics.connected();
        subscribe(commandsTopic);
        subscribe(controllerStatusTopic);
        reporter.publishStatus(Presence.ONLINE);
        reporter.publishBirth();
        reporter.publishPlanAck(playout.heldVersion());
        // a relay fault raised while the link was down was only logged: a standing one is told again
        relays.fault().ifPresent(detail -> reporter.publishEvent(RelayEvents.FAULT, Severity.FAULT, detail));
        outbox.reconnected();
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        heartbeats = threads.agent.scheduleAtFixedRate(this::heartbeat, 0, config.heartbeatSeconds(), TimeUnit.SECONDS);
    }

    private void subscribe(String topic) {
        try {
            link.subscribe(topic, COMMAND_QOS);
        } catch (LinkException e) {
            log.warn("station {} could not subscribe to {}: {}", config.station(), topic, e.getMessage());
        }
    }

    private void heartbeat() {
        try {
            reporter.publishHeartbeat();
        } catch (RuntimeException e) {
            // a periodic task that throws is cancelled for good: never let one escape
            log.warn("station {} could not send a heartbeat: {}", config.station(), e.toString());
        }
    }

    private void shutDownOnAgentThread() {
        supervisor.stop();
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        outbox.stop();
        player.stop();
        relays.allOff();
        if (link.isConnected()) {
            try {
                reporter.publishStatus(Presence.OFFLINE).get(OFFLINE_PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("station {} could not confirm its offline status: {}", config.station(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        link.close();
    }

    /** Routes messages from the link's I/O thread onto the agent thread. */
    private final class Inbound implements LinkListener {
        @Override
        public void messageArrived(String topic, byte[] payload) {
            if (controllerStatusTopic.equals(topic)) {
                inbound.offer("controller status", () -> controllerWatch.accept(payload));
            } else if (commandsTopic.equals(topic)) {
                inbound.offer("command", () -> commands.accept(payload));

            } else {
                log.debug("station {} ignores a message on {}", config.station(), topic);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            // LinkSupervisor wraps this listener and handles losses itself
        }
    }

    private static Player player(AgentConfig config, StationThreads threads, Clock clock, EventSink events) {
        return switch (config.audio().output()) {
            case SIMULATED -> new SimulatedPlayer(config.station(), new ExecutorTaskScheduler(threads.player), clock);
            case ALSA -> new JavaSoundPlayer(config.station(), config.audio(), threads.player, clock, events);
        };
    }

    /** How long one connect, subscribe or disconnect may take: twice the keepalive, 5 to 20 s. */
    private static Duration operationTimeout(AgentConfig config) {
        return Duration.ofSeconds(Math.max(5, Math.min(20, 2L * config.mqtt().keepAliveSeconds())));
    }

    private static void createDataDir(AgentConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("station " + config.station() + ": cannot create its data directory "
                    + config.dataDir().toAbsolutePath() + " (" + e + ")", e);
        }
    }

    private static Database openDatabase(AgentConfig config, Clock clock) {
        try {
            return Database.openIn(config.dataDir(), clock);
        } catch (StoreException | IllegalStateException e) {
            throw new ConfigException("station " + config.station() + ": " + e.getMessage(), e);
        }
    }
}

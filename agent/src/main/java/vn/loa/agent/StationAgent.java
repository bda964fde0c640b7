package vn.loa.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.ConfigException;
import vn.loa.agent.health.HeartbeatFactory;
import vn.loa.agent.health.LinuxSystemProbe;
import vn.loa.agent.health.SystemProbe;
import vn.loa.agent.link.Backoff;
import vn.loa.agent.link.BrokerLink;
import vn.loa.agent.link.LinkException;
import vn.loa.agent.link.LinkListener;
import vn.loa.agent.link.LinkSupervisor;
import vn.loa.agent.link.PahoBrokerLink;
import vn.loa.agent.player.Player;
import vn.loa.agent.player.SimulatedPlayer;
import vn.loa.agent.relay.RelayBoard;
import vn.loa.agent.relay.SimulatedRelayBoard;
import vn.loa.protocol.Channel;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Topics;

/**
 * The composition root of one station: builds its parts from the configuration, keeps its link
 * to the broker up, announces the station (status, birth, heartbeats) and shuts down cleanly.
 * {@link #start} returns at once and connects in the background.
 *
 * <p>Threads: the agent's own scheduler thread ({@code loa-agent-<station>}) runs the link
 * supervisor, the announcements, the heartbeats and every incoming message; the player has its
 * own thread ({@code loa-player-<station>}); Paho's threads only hand work over.
 */
public final class StationAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationAgent.class);
    private static final int INBOUND_CAPACITY = 256;
    private static final int COMMAND_QOS = 1;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration OFFLINE_PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BAD_PAYLOAD_LOG_INTERVAL = Duration.ofMinutes(1);

    private final AgentConfig config;
    private final BrokerLink link;
    private final RelayBoard relays;
    private final Player player;
    private final ScheduledExecutorService agentThread;
    private final ScheduledExecutorService playerThread;
    private final StationReporter reporter;
    private final LinkSupervisor supervisor;
    private final ControllerWatch controllerWatch;
    private final CommandInbox commands;
    private final InboundQueue inbound;
    private final String commandsTopic;
    private final String controllerStatusTopic;
    private ScheduledFuture<?> heartbeats; // agent thread
    private boolean closed; // guarded by this

    private StationAgent(AgentConfig config, Clock clock, BrokerLink link, SystemProbe probe) {
        this.config = config;
        this.link = link;
        String station = config.station();
        Topics topics = config.mqtt().topics();
        this.commandsTopic = topics.station(station, Channel.COMMANDS);
        this.controllerStatusTopic = topics.controllerStatus();
        MessageCodec codec = new MessageCodec();
        Instant startedAt = clock.instant();
        this.agentThread = singleThread("loa-agent-" + station);
        this.playerThread = singleThread("loa-player-" + station);
        this.relays = relayBoard(config);
        this.player = player(config, playerThread, clock);
        HeartbeatFactory heartbeatFactory = new HeartbeatFactory(station, probe, relays, player, clock, startedAt);
        this.reporter = new StationReporter(config, codec, link, probe, heartbeatFactory, clock, startedAt,
                AgentVersion.current());
        this.controllerWatch = new ControllerWatch(station, codec, reporter::publishBirth,
                new LogThrottle(clock, BAD_PAYLOAD_LOG_INTERVAL));
        this.commands = new CommandInbox(station, codec, new LogThrottle(clock, BAD_PAYLOAD_LOG_INTERVAL));
        this.inbound = new InboundQueue(station, agentThread, INBOUND_CAPACITY,
                new LogThrottle(clock, BAD_PAYLOAD_LOG_INTERVAL));
        this.supervisor = new LinkSupervisor(station, config.mqtt().uri(), link, agentThread,
                new Backoff(config.mqtt().reconnectMin(), config.mqtt().reconnectMax()),
                reporter::lastWill, new Inbound(), this::announce,
                Duration.ofSeconds(config.mqtt().keepAliveSeconds()), clock);
    }

    /** Starts a station on the real broker link; returns at once, connecting in the background. */
    public static StationAgent start(AgentConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        createDataDir(config);
        BrokerLink link = new PahoBrokerLink(config.mqtt().uri(), "loa-agent-" + config.station(),
                config.mqtt().username(), config.mqtt().password(), config.mqtt().keepAliveSeconds(),
                operationTimeout(config));
        return start(config, clock, link, new LinuxSystemProbe(config.dataDir(), clock));
    }

    /** Starts a station on the given link and probe (tests use fakes); returns at once. */
    public static StationAgent start(AgentConfig config, Clock clock, BrokerLink link, SystemProbe probe) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(probe, "probe");
        createDataDir(config);
        StationAgent agent = new StationAgent(config, clock, link, probe);
        agent.relays.allOff();
        log.info("station {} starting (agent {}, {} zone(s), heartbeat every {} s)", config.station(),
                AgentVersion.current(), config.zones().size(), config.heartbeatSeconds());
        agent.agentThread.execute(agent.supervisor::start);
        return agent;
    }

    public String stationId() {
        return config.station();
    }

    public synchronized boolean isConnected() {
        return !closed && link.isConnected();
    }

    /**
     * Shuts the station down: relays off, player stopped, retained OFFLINE status published (if
     * connected), clean disconnect, threads stopped. Idempotent; bounded in time.
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
        Future<?> shutdown = agentThread.submit(this::shutDownOnAgentThread);
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
        agentThread.shutdownNow();
        playerThread.shutdownNow();
        awaitTermination(agentThread);
        awaitTermination(playerThread);
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

    /** After every successful connect, on the agent thread. */
    private void announce() {
        subscribe(commandsTopic);
        subscribe(controllerStatusTopic);
        reporter.publishStatus(Presence.ONLINE);
        reporter.publishBirth();
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        heartbeats = agentThread.scheduleAtFixedRate(this::heartbeat, 0, config.heartbeatSeconds(), TimeUnit.SECONDS);
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

    private static RelayBoard relayBoard(AgentConfig config) {
        return switch (config.relay().driver()) {
            case SIMULATED -> new SimulatedRelayBoard(config.station(), config.zones());
        };
    }

    private static Player player(AgentConfig config, ScheduledExecutorService playerThread, Clock clock) {
        return switch (config.audio().output()) {
            case SIMULATED -> new SimulatedPlayer(config.station(), playerThread, clock);
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

    private static ScheduledExecutorService singleThread(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    private static void awaitTermination(ScheduledExecutorService executor) {
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package vn.loa.controller;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.access.Access;
import vn.loa.controller.api.AlertRoutes;
import vn.loa.controller.api.AuditRoutes;
import vn.loa.controller.api.FaultReportRoutes;
import vn.loa.controller.api.CapRoutes;
import vn.loa.controller.cap.CapDecider;
import vn.loa.controller.emergency.CapIntake;
import vn.loa.controller.api.EmergencyRoutes;
import vn.loa.controller.api.EmergencyView;
import vn.loa.controller.api.StandardMessageRoutes;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.emergency.AnnouncementResolver;
import vn.loa.controller.emergency.EmergencyEvents;
import vn.loa.controller.emergency.EmergencyService;
import vn.loa.controller.emergency.StandardMessages;
import vn.loa.controller.api.BroadcastRoutes;
import vn.loa.controller.api.QuietHoursRoutes;
import vn.loa.controller.api.ReportRoutes;
import vn.loa.controller.api.ScheduleRoutes;
import vn.loa.controller.asrun.AsRunLog;
import vn.loa.controller.asrun.ReceiptService;
import vn.loa.controller.dispatch.PlanDispatcher;
import vn.loa.controller.dispatch.ReportRouter;
import vn.loa.controller.schedule.BulletinCatalog;
import vn.loa.controller.schedule.ScheduleService;
import vn.loa.controller.api.AreaRoutes;
import vn.loa.controller.api.BulletinRoutes;
import vn.loa.controller.api.AuthRoutes;
import vn.loa.controller.api.StationRoutes;
import vn.loa.controller.api.SystemRoutes;
import vn.loa.controller.api.UserRoutes;
import vn.loa.controller.auth.AuthService;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.auth.UserService;
import vn.loa.controller.auth.PasswordHasher;
import vn.loa.controller.bulletin.AudioInspector;
import vn.loa.controller.bulletin.AudioLibrary;
import vn.loa.controller.bulletin.BulletinService;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.health.AlertStore;
import vn.loa.controller.health.HealthMonitor;
import vn.loa.controller.health.HealthRules;
import vn.loa.controller.health.HealthSources;
import vn.loa.controller.health.Rule;
import vn.loa.controller.health.WebhookOutbox;
import vn.loa.controller.health.WebhookSender;
import vn.loa.controller.http.Dispatcher;
import vn.loa.controller.http.HttpServer;
import vn.loa.controller.http.Router;
import vn.loa.controller.live.LiveEvents;
import vn.loa.controller.metrics.ControllerMetrics;
import vn.loa.controller.metrics.MeteredEmergencies;
import vn.loa.controller.metrics.MeteredReports;
import vn.loa.controller.metrics.MicrometerControllerMetrics;
import vn.loa.controller.api.EnrolmentRoutes;
import vn.loa.controller.identity.ControllerIdentity;
import vn.loa.controller.identity.EnrolmentTokens;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.identity.StationCredentials;
import vn.loa.controller.api.AudioAccess;
import vn.loa.controller.mqtt.BrokerAccess;
import vn.loa.controller.mqtt.BrokerSettings;
import vn.loa.controller.mqtt.BrokerTls;
import vn.loa.controller.mqtt.ControllerLink;
import vn.loa.controller.mqtt.EmbeddedBroker;
import vn.loa.controller.mqtt.StationMessageIngest;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.registry.Station;
import vn.loa.controller.registry.StationService;
import vn.loa.controller.status.StationStatusService;
import vn.loa.controller.status.StatusRepository;
import vn.loa.controller.status.StatusWriter;
import vn.loa.controller.store.Database;
import vn.loa.controller.report.Reports;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.tls.ServerCertificate;
import vn.loa.controller.tls.TrustedCertificates;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Topics;

/**
 * The controller's composition root: config, clock and executors, the database, the services,
 * then the broker, the MQTT link and the HTTP server; {@link #close()} stops them in reverse.
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final ControllerConfig config;
    private final Database database;
    private final ScheduledExecutorService scheduler;
    private final ThreadPoolExecutor ingest;
    private final ThreadPoolExecutor writerThread;
    private final ThreadPoolExecutor api;
    private final StationStatusService status;
    private final StatusWriter writer;
    private final EmbeddedBroker broker;
    private final ControllerLink link;
    private final HttpServer http;
    private final AreaService areas;
    private final StationService stations;
    private final StationCredentials credentials;
    private final BulletinService bulletins;
    private final UserService users;
    private final ScheduledExecutorService dispatchThread;
    private final ScheduledExecutorService emergencyThread;
    private final ThreadPoolExecutor healthThread;
    private final ScheduledExecutorService webhookThread;
    private final ThreadPoolExecutor liveThread;
    private final LiveEvents live;
    private EmergencyService emergencies;
    private AlertStore alerts;
    private ScheduleService schedules;
    private final String generatedAdminPassword;
    private boolean closed;

    private Controller(ControllerConfig config, Clock clock, String adminPassword) throws InterruptedException {
        this.config = config;
        // certificate and CA files first: a config mistake stops the start before anything runs
        ServerCertificate certificate = config.tls().configured() ? ServerCertificate.load(config.tls()) : null;
        SSLContext brokerTrust = config.mqtt().caFile() == null ? null
                : TrustedCertificates.fromCaFile("mqtt.caFile", config.mqtt().caFile());
        ControllerMetrics metrics = new MicrometerControllerMetrics();
        MessageCodec codec = new MessageCodec(config.mqtt().maxPayloadBytes());
        Topics topics = new Topics(config.mqtt().topicRoot());
        ApiJson json = new ApiJson(config.http().maxBodyBytes());

        scheduler = Executors.newScheduledThreadPool(2, Threads.named("loa-scheduler"));
        dispatchThread = Executors.newSingleThreadScheduledExecutor(Threads.named("loa-dispatch"));
        emergencyThread = Executors.newSingleThreadScheduledExecutor(Threads.named("loa-emergency"));
        ingest = Threads.single("loa-ingest", 100_000, new ThreadPoolExecutor.AbortPolicy());
        healthThread = Threads.single("loa-health", 10_000, new ThreadPoolExecutor.DiscardPolicy());
        webhookThread = Executors.newSingleThreadScheduledExecutor(Threads.named("loa-webhooks"));
        writerThread = Threads.single("loa-status-writer", 1_000, new ThreadPoolExecutor.CallerRunsPolicy());
        liveThread = Threads.single("loa-live", 10_000, new ThreadPoolExecutor.AbortPolicy());
        api = new ThreadPoolExecutor(config.http().apiThreads(), config.http().apiThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1_000), Threads.named("loa-api"), new ThreadPoolExecutor.AbortPolicy());

        database = Database.open(config.dataDir().resolve("loa.db"), clock);
        AuditLog audit = new AuditLog(database, clock, json.mapper());
        AuthService auth = new AuthService(database, new PasswordHasher(), clock, Settings.loginPolicy(config.auth()), audit);
        generatedAdminPassword = auth.bootstrapAdmin(adminPassword).orElse(null);

        status = new StationStatusService(clock, 200_000,
                Duration.ofSeconds(config.stations().silenceGraceSeconds()));
        StatusRepository statusRepository = new StatusRepository(codec, json.mapper());
        writer = new StatusWriter(database, statusRepository, clock, writerThread);
        areas = new AreaService(database, clock);
        credentials = new StationCredentials(database, clock, audit);
        EnrolmentTokens enrolments = new EnrolmentTokens(database, clock, audit, credentials);
        stations = new StationService(database, clock, areas, config.mqtt().clientId(), status::register, id -> {
            status.retire(id);
            credentials.revoke(id, "system", "station retired");
            enrolments.revoke(id);
        });
        live = Console.liveEvents(json, liveThread, stations, writer);
        List<String> registered = stations.list().stream().map(Station::id).toList();
        status.load(registered, database.read(statusRepository::loadAll));
        metrics.stationGauges(() -> status.count(Presence.ONLINE), () -> status.count(Presence.OFFLINE));

        scheduler.scheduleWithFixedDelay(() -> ingest.execute(() -> writer.submit(status.takeBatch())),
                1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> ingest.execute(status::checkSilence), 2, 2, TimeUnit.SECONDS);

        BrokerSettings brokerSettings;
        if (config.mqtt().embedded()) {
            ControllerConfig.Mqtt mqtt = config.mqtt();
            MqttCredentials self = ControllerIdentity.loadOrCreate(config.dataDir());
            broker = EmbeddedBroker.start(mqtt.embeddedHost(), mqtt.embeddedPort(), mqtt.embeddedSessionQueueSize(),
                    mqtt.embeddedMaxMessageBytes(), mqtt.embeddedTlsPort() == null ? null
                            : new BrokerTls(certificate.serverContext(), mqtt.embeddedTlsPort(), mqtt.embeddedPlain()),
                    new BrokerAccess(topics, self, mqtt.clientId(), credentials::verify, metrics, clock));
            credentials.onRevoked(broker::disconnectStation);
            brokerSettings = Settings.embeddedBroker(mqtt, broker, self);
        } else {
            broker = null;
            brokerSettings = new BrokerSettings(config.mqtt().uri(), config.mqtt().clientId(), config.mqtt().username(),
                    config.mqtt().password(), config.mqtt().keepAliveSeconds(), brokerTrust);
        }
        String brokerUri = brokerSettings.uri();
        StationMessageIngest sink = new StationMessageIngest(topics, codec, clock, metrics, status, ingest);
        link = new ControllerLink(brokerSettings, topics, codec, clock, metrics, scheduler, sink);
        link.start();

        bulletins = new BulletinService(database, clock, AudioLibrary.open(config.dataDir()), new AudioInspector());
        BulletinCatalog bulletinCatalog = Settings.catalogOf(bulletins);
        Access access = new Access(areas, stations);
        BulletinRoutes bulletinRoutes = new BulletinRoutes(bulletins, json, access,
                new AudioAccess(credentials::verify, auth::authenticate));
        Router router = new Router();
        Dispatcher dispatcher = new Dispatcher(router, auth, json, metrics);
        Console.routes(router, config, json, access, clock, database, live, dispatcher);
        new SystemRoutes(metrics, link::isConnected, json, config.http().metricsToken()).register(router);
        users = new UserService(database, clock, auth, areas, audit);
        new AuthRoutes(auth, users, json, clock, config.http().tls()).register(router);
        new UserRoutes(users, json, access).register(router);
        new AreaRoutes(areas, json, access).register(router);
        new StationRoutes(stations, credentials, status, json, access).register(router);
        new EnrolmentRoutes(enrolments, json, access).register(router);
        bulletinRoutes.register(router);
        StandardMessages standard = new StandardMessages(database, clock, bulletins, audit);
        standard.load(bulletins.uploadDir());
        EmergencyRoutes emergencyRoutes = broadcasting(config, clock, json, sink, bulletinCatalog, router, audit,
                standard, access, auth::authenticate, metrics);
        new AuditRoutes(audit, json, access).register(router);
        new StandardMessageRoutes(standard, json, access).register(router);
        http = HttpServer.start(config.http().host(), config.http().port(), config.http().maxBodyBytes(),
                dispatcher, api,
                List.of(bulletinRoutes.uploadRoute(config.bulletins().maxUploadBytes()),
                        emergencyRoutes.uploadRoute(config.bulletins().maxUploadBytes(), bulletins.uploadDir())),
                config.http().tls() ? certificate.serverContext() : null);
        LOG.info("Controller ready: API on port {} ({}), MQTT broker {}", http.port(),
                config.http().tls() ? "HTTPS" : "HTTP", brokerUri);
    }

    /**
     * Schedules, plans sent to stations, receipts and the as-run log, on the dispatch thread;
     * emergency announcements on their own thread, never waiting for plans.
     */
    private EmergencyRoutes broadcasting(ControllerConfig config, Clock clock, ApiJson json, StationMessageIngest sink,
                                         BulletinCatalog catalog, Router router, AuditLog audit,
                                         StandardMessages standard, Access access,
                                         java.util.function.Function<String, Principal> tokens,
                                         ControllerMetrics metrics) {
        ControllerConfig.Broadcasts settings = config.broadcasts();
        schedules = new ScheduleService(database, clock, areas, stations, catalog);
        PlanDispatcher plans = new PlanDispatcher(database, clock, schedules, link::publishCommand, dispatchThread,
                Duration.ofHours(settings.horizonHours()), Duration.ofSeconds(settings.planResendSeconds()),
                status::isOnline, standard::standby);
        ReceiptService receipts = new ReceiptService(database, clock, link::publishCommand, dispatchThread);
        receipts.onStored(receipt -> Console.receipt(live, receipt));
        schedules.onChange(plans::replanAll);
        bulletins.onArchive(plans::replanAll);
        standard.onChange(plans::replanAll);
        EmergencyEvents events = new EmergencyEvents(json.mapper(), (a, stations) -> EmergencyView.of(a, stations, true),
                EmergencyView.StationView::of);
        emergencies = new EmergencyService(database, clock, audit, link::publishCommand, status::isOnline,
                emergencyThread, Settings.emergencies(config.emergencies()), json.mapper(),
                new MeteredEmergencies(events, metrics));
        events.attach(emergencies);
        emergencies.start();
        plans.start(Duration.ofMinutes(settings.replanMinutes()));
        AsRunLog asRun = new AsRunLog(schedules, receipts, clock, Duration.ofSeconds(settings.confirmGraceSeconds()));
        MeteredReports reports = new MeteredReports(new ReportRouter(plans, receipts, emergencies), metrics);
        HealthMonitor health = health(config, clock, json, audit, access, router, metrics, plans, asRun);
        sink.listener((message, receivedAt) -> {
            reports.applied(message, receivedAt);
            health.applied(message, receivedAt);
        });
        new ScheduleRoutes(schedules, json, bulletins, access).register(router);
        new QuietHoursRoutes(schedules, json, access).register(router);
        new BroadcastRoutes(asRun, stations, json, clock, access).register(router);
        new ReportRoutes(new Reports(database, areas, asRun, clock, BroadcastTime.ZONE), json, clock, access)
                .register(router);
        AnnouncementResolver resolver = new AnnouncementResolver(schedules::registry, bulletins, standard,
                emergencies.settings(), clock);
        EmergencyRoutes routes = new EmergencyRoutes(emergencies, resolver, events, json, bulletins, access, tokens);
        routes.register(router);
        new CapRoutes(new CapIntake(database, clock, new CapDecider(config.cap(), clock), areas::list,
                stations::list, resolver, emergencies, standard, audit), json, access).register(router);
        return routes;
    }

    /** Health rules on their own thread, alerts, their webhooks on another, the alert and fault routes. */
    private HealthMonitor health(ControllerConfig config, Clock clock, ApiJson json, AuditLog audit, Access access,
                                 Router router, ControllerMetrics metrics, PlanDispatcher plans, AsRunLog asRun) {
        WebhookOutbox outbox = new WebhookOutbox(database, json.mapper(), config.health().webhooks());
        alerts = new AlertStore(database, clock, audit, outbox);
        alerts.onChange(alert -> Console.alert(live, alert));
        HealthSources sources = HealthSources.of(status::all, plans::state,
                (from, to) -> asRun.list(station -> true, from, to));
        HealthMonitor monitor = new HealthMonitor(new HealthRules(config.health(), sources), alerts, clock,
                healthThread);
        monitor.load();
        metrics.alertGauges(java.util.Arrays.stream(Rule.values()).map(Rule::wireName).toList(),
                rule -> monitor.openCount(Rule.fromWire(rule).orElseThrow()));
        scheduler.scheduleWithFixedDelay(monitor::tick, 500, 500, TimeUnit.MILLISECONDS);
        new WebhookSender(outbox, clock, webhookThread).start();
        new AlertRoutes(alerts, stations, json, access).register(router);
        new FaultReportRoutes(alerts, stations, json, access, clock).register(router);
        return monitor;
    }

    /** Starts a controller; the admin password is used only on the very first start (null: generate one). */
    public static Controller start(ControllerConfig config, Clock clock, String adminPassword) {
        try {
            return new Controller(config, clock, adminPassword);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    public int httpPort() {
        return http.port();
    }

    /** The embedded broker's plain port, when there is one. */
    public Optional<Integer> embeddedBrokerPort() {
        return broker == null || broker.port() < 0 ? Optional.empty() : Optional.of(broker.port());
    }

    /** The embedded broker's TLS port, when there is one. */
    public Optional<Integer> embeddedBrokerTlsPort() {
        return broker == null || broker.tlsPort() < 0 ? Optional.empty() : Optional.of(broker.tlsPort());
    }

    public boolean brokerConnected() {
        return link.isConnected();
    }

    /** The password generated for {@code admin} on the first start, to be shown once. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    public AreaService areas() {
        return areas;
    }

    public StationService stations() {
        return stations;
    }

    /** Stations' MQTT credentials. */
    public StationCredentials stationCredentials() {
        return credentials;
    }

    public ScheduleService schedules() {
        return schedules;
    }

    public EmergencyService emergencies() {
        return emergencies;
    }

    /** Health alerts. */
    public AlertStore alerts() {
        return alerts;
    }

    public UserService users() {
        return users;
    }

    public BulletinService bulletins() {
        return bulletins;
    }

    public ControllerConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Controller stopping");
        http.close();
        link.close();
        Threads.drain(liveThread);
        scheduler.shutdownNow();
        Threads.drain(ingest);
        Threads.drain(dispatchThread);
        if (emergencies != null) {
            emergencies.close();
        }
        Threads.drain(emergencyThread);
        Threads.drain(healthThread);
        Threads.drain(webhookThread);
        writer.writeNow(status.takeBatch());
        Threads.drain(writerThread);
        Threads.drain(api);
        if (broker != null) {
            broker.close();
        }
        database.close();
        LOG.info("Controller stopped");
    }
}

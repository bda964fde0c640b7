package vn.loa.controller.config;

import java.nio.file.Path;
import java.util.Objects;
import vn.loa.controller.cap.CapSettings;

/**
 * The controller's settings, read from a YAML file (see examples/controller.yml). Every field has
 * a default, so an empty file runs a controller with the embedded broker.
 */
public record ControllerConfig(Path dataDir, Http http, Mqtt mqtt, Auth auth, Stations stations,
                               Broadcasts broadcasts, Bulletins bulletins, Emergencies emergencies,
                               CapSettings cap, Tls tls, Health health,
                               ConsoleSettings console) {

    /**
     * The HTTP API; {@code tls}: HTTPS only, with the certificate of the {@code tls} section. {@code metricsToken}: when set, {@code /metrics} wants {@code Authorization: Bearer <token>}
     * (for Prometheus' {@code authorization} scrape setting); null leaves it open, like {@code /healthz}.
     */
    public record Http(String host, int port, int maxBodyBytes, int apiThreads, boolean tls, String metricsToken) {
        public Http {
            Objects.requireNonNull(host, "host");
            ConfigChecks.port("http.port", port);
            ConfigChecks.range("http.maxBodyBytes", maxBodyBytes, 1024, 16 * 1024 * 1024);
            ConfigChecks.range("http.apiThreads", apiThreads, 1, 64);
            if (metricsToken != null && metricsToken.length() < 16) {
                throw new ConfigException("field 'http.metricsToken' must be at least 16 characters");
            }
        }

        /** {@code /metrics} open. */
        public Http(String host, int port, int maxBodyBytes, int apiThreads, boolean tls) {
            this(host, port, maxBodyBytes, apiThreads, tls, null);
        }

        /** Plain HTTP. */
        public Http(String host, int port, int maxBodyBytes, int apiThreads) {
            this(host, port, maxBodyBytes, apiThreads, false);
        }
    }

    /**
     * The MQTT side. {@code broker}: {@code embedded} (Moquette in this process, on embeddedHost:embeddedPort)
     * or {@code external} (at {@code uri}). {@code embeddedTlsPort}: the embedded broker's TLS listener, with
     * the certificate of the {@code tls} section (null: none; 0: any free port); {@code embeddedPlain}: false
     * for no plain listener. {@code caFile}: the CA (PEM) an external {@code ssl://} broker's certificate must
     * chain to (null: the JVM's trusted CAs).
     */
    public record Mqtt(String broker, String uri, String username, String password, String clientId,
                       String topicRoot, int keepAliveSeconds, int maxPayloadBytes, String embeddedHost,
                       int embeddedPort, int embeddedSessionQueueSize, int embeddedMaxMessageBytes,
                       Integer embeddedTlsPort, boolean embeddedPlain, Path caFile) {
        /** The controller's MQTT client id unless configured: '_' first, so never a station id. */
        public static final String DEFAULT_CLIENT_ID = "_loa-controller";

        /** The embedded broker with a plain listener only, no CA file. */
        public Mqtt(String broker, String uri, String username, String password, String clientId,
                    String topicRoot, int keepAliveSeconds, int maxPayloadBytes, String embeddedHost,
                    int embeddedPort, int embeddedSessionQueueSize, int embeddedMaxMessageBytes) {
            this(broker, uri, username, password, clientId, topicRoot, keepAliveSeconds, maxPayloadBytes, embeddedHost,
                    embeddedPort, embeddedSessionQueueSize, embeddedMaxMessageBytes, null, true, null);
        }

        public Mqtt {
            if (!"embedded".equals(broker) && !"external".equals(broker)) {
                throw new ConfigException("field 'mqtt.broker' must be embedded or external, got '" + broker + "'");
            }
            if ("external".equals(broker) && (uri == null || uri.isBlank())) {
                throw new ConfigException("field 'mqtt.uri' is required with an external broker");
            }
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(topicRoot, "topicRoot");
            ConfigChecks.range("mqtt.keepAliveSeconds", keepAliveSeconds, 2, 600);
            ConfigChecks.range("mqtt.maxPayloadBytes", maxPayloadBytes, 1024, 16 * 1024 * 1024);
            ConfigChecks.port("mqtt.embeddedPort", embeddedPort);
            ConfigChecks.range("mqtt.embeddedSessionQueueSize", embeddedSessionQueueSize, 16, 10_000_000);
            ConfigChecks.range("mqtt.embeddedMaxMessageBytes", embeddedMaxMessageBytes, 1024, 256 * 1024 * 1024);
            if (embeddedTlsPort != null) {
                ConfigChecks.port("mqtt.embeddedTlsPort", embeddedTlsPort);
            }
            if (!embeddedPlain && embeddedTlsPort == null && "embedded".equals(broker)) {
                throw new ConfigException("field 'mqtt.embeddedPlain' is false but 'mqtt.embeddedTlsPort' is not set: "
                        + "the embedded broker would have no listener");
            }
        }

        public boolean embedded() {
            return "embedded".equals(broker);
        }

        public Mqtt withEmbedded(String host, int port) {
            return new Mqtt("embedded", null, username, password, clientId, topicRoot, keepAliveSeconds,
                    maxPayloadBytes, host, port, embeddedSessionQueueSize, embeddedMaxMessageBytes, embeddedTlsPort,
                    embeddedPlain, caFile);
        }

        /** The embedded broker's TLS listener on {@code tlsPort} (0: any free one), with or without the plain one. */
        public Mqtt withEmbeddedTls(int tlsPort, boolean plain) {
            return new Mqtt(broker, uri, username, password, clientId, topicRoot, keepAliveSeconds, maxPayloadBytes,
                    embeddedHost, embeddedPort, embeddedSessionQueueSize, embeddedMaxMessageBytes, tlsPort, plain,
                    caFile);
        }

        public Mqtt withCaFile(Path file) {
            return new Mqtt(broker, uri, username, password, clientId, topicRoot, keepAliveSeconds, maxPayloadBytes,
                    embeddedHost, embeddedPort, embeddedSessionQueueSize, embeddedMaxMessageBytes, embeddedTlsPort,
                    embeddedPlain, file);
        }

        /** The controller's login on an external broker. */
        public Mqtt withCredentials(String user, String secret) {
            return new Mqtt(broker, uri, user, secret, clientId, topicRoot, keepAliveSeconds, maxPayloadBytes,
                    embeddedHost, embeddedPort, embeddedSessionQueueSize, embeddedMaxMessageBytes, embeddedTlsPort,
                    embeddedPlain, caFile);
        }
    }

    /**
     * The controller's certificate, for HTTPS ({@code http.tls}) and the embedded broker's TLS listener
     * ({@code mqtt.embeddedTlsPort}): a PEM certificate chain ({@code certificateFile}, the server's certificate
     * first) with its unencrypted PKCS#8 key ({@code privateKeyFile}), or a PKCS12 store ({@code keyStoreFile},
     * {@code keyStorePassword}). All null: no certificate. The files are read at start.
     */
    public record Tls(Path certificateFile, Path privateKeyFile, Path keyStoreFile, String keyStorePassword) {
        public Tls {
            boolean pem = certificateFile != null || privateKeyFile != null;
            if (pem && keyStoreFile != null) {
                throw new ConfigException("set either 'tls.certificateFile' and 'tls.privateKeyFile' (PEM) or "
                        + "'tls.keyStoreFile' (PKCS12), not both");
            }
            if (pem && (certificateFile == null || privateKeyFile == null)) {
                throw new ConfigException("fields 'tls.certificateFile' and 'tls.privateKeyFile' go together: "
                        + "set both or neither");
            }
            if (keyStorePassword != null && keyStoreFile == null) {
                throw new ConfigException("field 'tls.keyStorePassword' is set but 'tls.keyStoreFile' is not");
            }
        }

        public static Tls none() {
            return new Tls(null, null, null, null);
        }

        public static Tls pem(Path certificateFile, Path privateKeyFile) {
            return new Tls(certificateFile, privateKeyFile, null, null);
        }

        public static Tls pkcs12(Path keyStoreFile, String keyStorePassword) {
            return new Tls(null, null, keyStoreFile, keyStorePassword);
        }

        public boolean configured() {
            return certificateFile != null || keyStoreFile != null;
        }
    }

    /**
     * Logins: a token lasts {@code tokenLifetimeHours}; {@code maxFailedLogins} wrong passwords in a row
     * lock an account for {@code lockoutMinutes}; {@code maxFailedLoginsPerAddress} failed logins from one
     * client address within {@code lockoutMinutes} refuse that address for the rest of the period (0: off).
     */
    public record Auth(int tokenLifetimeHours, int maxFailedLogins, int lockoutMinutes,
                       int maxFailedLoginsPerAddress) {
        public Auth {
            ConfigChecks.range("auth.tokenLifetimeHours", tokenLifetimeHours, 1, 24 * 30);
            ConfigChecks.range("auth.maxFailedLogins", maxFailedLogins, 1, 100);
            ConfigChecks.range("auth.lockoutMinutes", lockoutMinutes, 1, 24 * 60);
            ConfigChecks.range("auth.maxFailedLoginsPerAddress", maxFailedLoginsPerAddress, 0, 100_000);
        }

        public static Auth defaults() {
            return new Auth(12, 5, 15, 30);
        }
    }

    /** Station supervision. {@code silenceGraceSeconds}: added to 3 heartbeat intervals before a silent station is offline. */
    public record Stations(int silenceGraceSeconds) {
        public Stations {
            ConfigChecks.range("stations.silenceGraceSeconds", silenceGraceSeconds, 0, 3600);
        }
    }

    /**
     * Dispatch and the as-run log: plans cover {@code horizonHours}; they are recomputed every
     * {@code replanMinutes} (and on every change) and re-sent after {@code planResendSeconds} without an
     * acknowledgement; a broadcast with no final receipt {@code confirmGraceSeconds} after its end is
     * unconfirmed.
     */
    public record Broadcasts(int horizonHours, int replanMinutes, int planResendSeconds, int confirmGraceSeconds) {
        public Broadcasts {
            ConfigChecks.range("broadcasts.horizonHours", horizonHours, 1, 24 * 14);
            ConfigChecks.range("broadcasts.replanMinutes", replanMinutes, 1, 24 * 60);
            ConfigChecks.range("broadcasts.planResendSeconds", planResendSeconds, 5, 24 * 3600);
            ConfigChecks.range("broadcasts.confirmGraceSeconds", confirmGraceSeconds, 0, 24 * 3600);
        }
    }

    /**
     * The bulletin library: {@code maxUploadBytes} is the largest audio upload accepted (413 above
     * it); uploads stream to disk, so it bounds disk use, not memory.
     */
    public record Bulletins(long maxUploadBytes) {
        public static final long DEFAULT_MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

        public Bulletins {
            ConfigChecks.range("bulletins.maxUploadBytes", maxUploadBytes, 1024, 16L * 1024 * 1024 * 1024);
        }

        public static Bulletins defaults() {
            return new Bulletins(DEFAULT_MAX_UPLOAD_BYTES);
        }
    }

    /**
     * Emergency announcements: what a trigger that leaves them out gets ({@code defaultRepeat},
     * {@code defaultValidityMinutes}, {@code warmUpMillis}: zones on this long before the audio), the
     * longest validity accepted ({@code maxValidityHours}), and the grace after the end of the validity
     * plus the announcement's own length (warm-up and repeats) after which a station with no final
     * report shows {@code unconfirmed} ({@code confirmGraceSeconds}).
     */
    public record Emergencies(int defaultRepeat, int defaultValidityMinutes, int maxValidityHours, int warmUpMillis,
                              int confirmGraceSeconds) {
        public Emergencies {
            ConfigChecks.range("emergencies.defaultRepeat", defaultRepeat, 1, 20);
            ConfigChecks.range("emergencies.defaultValidityMinutes", defaultValidityMinutes, 1, 24 * 60);
            ConfigChecks.range("emergencies.maxValidityHours", maxValidityHours, 1, 72);
            ConfigChecks.range("emergencies.warmUpMillis", warmUpMillis, 0, 30_000);
            ConfigChecks.range("emergencies.confirmGraceSeconds", confirmGraceSeconds, 0, 3600);
            if (defaultValidityMinutes > maxValidityHours * 60) {
                throw new ConfigException("field 'emergencies.defaultValidityMinutes' (" + defaultValidityMinutes
                        + ") must not exceed emergencies.maxValidityHours (" + maxValidityHours + " h)");
            }
        }

        public static Emergencies defaults() {
            return new Emergencies(3, 30, 24, 1000, 120);
        }
    }

    /**
     * Health rules and alert notifications (see docs/api.md, alerts): a station offline for
     * {@code offlineAfterSeconds}; agent and controller clocks apart by more than {@code clockSkewMillis}
     * (median of the last {@code clockSkewSamples} heartbeats); less than {@code diskFreeMinBytes} free;
     * above {@code temperatureMaxCelsius}; an audio fault or dead air reported in the last
     * {@code faultClearMinutes}; a missed or unconfirmed broadcast in the last {@code broadcastWindowMinutes};
     * a plan not acknowledged {@code planAckMinutes} after it was sent to an online station.
     */
    public record Health(int offlineAfterSeconds, int clockSkewMillis, int clockSkewSamples, long diskFreeMinBytes,
                         double temperatureMaxCelsius, int faultClearMinutes, int broadcastWindowMinutes,
                         int planAckMinutes, java.util.List<Webhook> webhooks) {
        public Health {
            ConfigChecks.range("health.offlineAfterSeconds", offlineAfterSeconds, 0, 24 * 3600);
            ConfigChecks.range("health.clockSkewMillis", clockSkewMillis, 100, 3_600_000);
            ConfigChecks.range("health.clockSkewSamples", clockSkewSamples, 1, 50);
            ConfigChecks.range("health.diskFreeMinBytes", diskFreeMinBytes, 0, Long.MAX_VALUE);
            if (!(temperatureMaxCelsius > 0 && temperatureMaxCelsius < 200)) {
                throw new ConfigException("field 'health.temperatureMaxCelsius' must be between 0 and 200");
            }
            ConfigChecks.range("health.faultClearMinutes", faultClearMinutes, 1, 24 * 60);
            ConfigChecks.range("health.broadcastWindowMinutes", broadcastWindowMinutes, 1, 7 * 24 * 60);
            ConfigChecks.range("health.planAckMinutes", planAckMinutes, 1, 24 * 60);
            webhooks = webhooks == null ? java.util.List.of() : java.util.List.copyOf(webhooks);
        }

        public static Health defaults() {
            return new Health(0, 2000, 5, 500L * 1024 * 1024, 75.0, 10, 60, 10, java.util.List.of());
        }

        public Health withWebhooks(java.util.List<Webhook> newWebhooks) {
            return new Health(offlineAfterSeconds, clockSkewMillis, clockSkewSamples, diskFreeMinBytes,
                    temperatureMaxCelsius, faultClearMinutes, broadcastWindowMinutes, planAckMinutes, newWebhooks);
        }
    }

    /** Where alert openings and resolutions are POSTed; {@code secret} (optional) signs them with HMAC-SHA256. */
    public record Webhook(java.net.URI url, String secret) {
        public Webhook {
            Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new ConfigException("a webhook url must be http:// or https://, got '" + url + "'");
            }
        }
    }

    public ControllerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(stations, "stations");
        Objects.requireNonNull(broadcasts, "broadcasts");
        Objects.requireNonNull(bulletins, "bulletins");
        Objects.requireNonNull(emergencies, "emergencies");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(console, "console");
        if (http.tls() && !tls.configured()) {
            throw new ConfigException("field 'http.tls' is true but the 'tls' section names no certificate");
        }
        if (mqtt.embedded() && mqtt.embeddedTlsPort() != null && !tls.configured()) {
            throw new ConfigException("field 'mqtt.embeddedTlsPort' is set but the 'tls' section names no certificate");
        }
    }

    /** Defaults: data in ./loa-data, HTTP on 8080, the embedded broker on 1883, all interfaces. */
    public static ControllerConfig defaults() {
        return new ControllerConfig(Path.of("loa-data"), new Http("0.0.0.0", 8080, 64 * 1024, 4),
                new Mqtt("embedded", null, null, null, Mqtt.DEFAULT_CLIENT_ID, "loa/v1", 30, 64 * 1024, "0.0.0.0", 1883,
                        20_000, 2 * 1024 * 1024),
                Auth.defaults(), new Stations(10), new Broadcasts(48, 5, 60, 120), Bulletins.defaults(),
                Emergencies.defaults(), CapSettings.defaults(), Tls.none(), Health.defaults(), ConsoleSettings.defaults());
    }

    /** For tests: loopback only, ephemeral ports, data in the given folder. */
    public static ControllerConfig ephemeral(Path dataDir) {
        ControllerConfig defaults = defaults().withDataDir(dataDir).withHttp("127.0.0.1", 0);
        return defaults.withMqtt(defaults.mqtt.withEmbedded("127.0.0.1", 0));
    }

    public ControllerConfig withMqtt(Mqtt newMqtt) {
        return new ControllerConfig(dataDir, http, newMqtt, auth, stations, broadcasts, bulletins, emergencies,
                cap, tls, health, console);
    }

    public ControllerConfig withHttp(String host, int port) {
        return new ControllerConfig(dataDir, new Http(host, port, http.maxBodyBytes(), http.apiThreads(), http.tls(),
                http.metricsToken()),
                mqtt, auth, stations, broadcasts, bulletins, emergencies, cap, tls, health, console);
    }

    public ControllerConfig withDataDir(Path newDataDir) {
        return new ControllerConfig(newDataDir, http, mqtt, auth, stations, broadcasts, bulletins, emergencies,
                cap, tls, health, console);
    }

    public ControllerConfig withBroadcasts(Broadcasts newBroadcasts) {
        return new ControllerConfig(dataDir, http, mqtt, auth, stations, newBroadcasts, bulletins, emergencies,
                cap, tls, health, console);
    }

    public ControllerConfig withBulletins(Bulletins newBulletins) {
        return new ControllerConfig(dataDir, http, mqtt, auth, stations, broadcasts, newBulletins, emergencies,
                cap, tls, health, console);
    }

    public ControllerConfig withEmergencies(Emergencies newEmergencies) {
        return new ControllerConfig(dataDir, http, mqtt, auth, stations, broadcasts, bulletins, newEmergencies,
                cap, tls, health, console);
    }

    public ControllerConfig withCap(CapSettings newCap) {
        return new ControllerConfig(dataDir, http, mqtt, auth, stations, broadcasts, bulletins, emergencies,
                newCap, tls, health, console);
    }

    /** Moves to an external broker at the given URI. */
    public ControllerConfig withExternalBroker(String uri) {
        return withMqtt(new Mqtt("external", uri, mqtt.username(), mqtt.password(), mqtt.clientId(), mqtt.topicRoot(),
                mqtt.keepAliveSeconds(), mqtt.maxPayloadBytes(), mqtt.embeddedHost(), mqtt.embeddedPort(),
                mqtt.embeddedSessionQueueSize(), mqtt.embeddedMaxMessageBytes(), mqtt.embeddedTlsPort(),
                mqtt.embeddedPlain(), mqtt.caFile()));
    }

    public ControllerConfig withTls(Tls newTls) {
        return new ControllerConfig(dataDir, http, mqtt, auth, stations, broadcasts, bulletins, emergencies, cap,
                newTls, health, console);
    }

    /** HTTPS only (true) or plain HTTP (false) on the API port. */
    public ControllerConfig withHttpTls(boolean on) {
        return new ControllerConfig(dataDir, new Http(http.host(), http.port(), http.maxBodyBytes(), http.apiThreads(),
                on, http.metricsToken()), mqtt, auth, stations, broadcasts, bulletins, emergencies, cap, tls, health, console);
    }

    /** {@code /metrics} behind this bearer token (null: open). */
    public ControllerConfig withMetricsToken(String token) {
        return new ControllerConfig(dataDir, new Http(http.host(), http.port(), http.maxBodyBytes(), http.apiThreads(),
                http.tls(), token), mqtt, auth, stations, broadcasts, bulletins, emergencies, cap, tls, health, console);
    }

    public ControllerConfig withHealth(Health newHealth) {
        return new ControllerConfig(dataDir, http, mqtt, auth, stations, broadcasts, bulletins, emergencies, cap, tls,
                newHealth, console);
    }

    public ControllerConfig withConsole(ConsoleSettings newConsole) {
        return new ControllerConfig(dataDir, http, mqtt, auth, stations, broadcasts, bulletins, emergencies, cap, tls,
                health, newConsole);
    }
}

package vn.loa.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.controller.cap.CapAction;
import vn.loa.controller.cap.CapRule;
import vn.loa.controller.cap.CapSettings;
import vn.loa.controller.cap.Certainty;
import vn.loa.controller.cap.Severity;
import vn.loa.controller.cap.Urgency;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void emptyFileGivesTheDefaults() throws Exception {
        assertThat(ConfigLoader.load(write(""))).isEqualTo(ControllerConfig.defaults());
    }

    @Test
    void theShippedExampleLoads() {
        ControllerConfig config = ConfigLoader.load(Path.of("../examples/controller.yml"));
        assertThat(config.mqtt().embedded()).isTrue();
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.emergencies()).isEqualTo(ControllerConfig.Emergencies.defaults());
        assertThat(config.auth()).isEqualTo(ControllerConfig.Auth.defaults());
        assertThat(config.cap()).isEqualTo(CapSettings.defaults());
        assertThat(config.health()).isEqualTo(ControllerConfig.Health.defaults());
        assertThat(config.console()).isEqualTo(ConsoleSettings.defaults());
    }

    @Test
    void theConsoleMapTilesAreOffByDefaultAndReadWhenSet() throws Exception {
        assertThat(ConfigLoader.load(write("")).console().tileUrl()).isNull();
        ControllerConfig config = ConfigLoader.load(write("""
                console:
                  tileUrl: https://tile.openstreetmap.org/{z}/{x}/{y}.png
                  tileAttribution: "© OpenStreetMap contributors"
                """));
        assertThat(config.console()).isEqualTo(new ConsoleSettings("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "© OpenStreetMap contributors"));
    }

    @Test
    void aTileUrlThatIsNotAnHttpTemplateIsAConfigMistake() throws Exception {
        Path ftp = write("console: { tileUrl: 'ftp://tiles/{z}/{x}/{y}.png' }\n");
        assertThatThrownBy(() -> ConfigLoader.load(ftp)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ftp.toString()).hasMessageContaining("console.tileUrl");
        Path noTemplate = write("console: { tileUrl: 'https://tiles.example/map.png' }\n");
        assertThatThrownBy(() -> ConfigLoader.load(noTemplate)).hasMessageContaining("{z}, {x} and {y}");
        Path unknown = write("console: { tiles: 'https://tiles.example/{z}/{x}/{y}.png' }\n");
        assertThatThrownBy(() -> ConfigLoader.load(unknown)).hasMessageContaining("console.tiles");
    }

    @Test
    void healthThresholdsAndWebhooksAreRead() throws Exception {
        ControllerConfig config = ConfigLoader.load(write("""
                health:
                  offlineAfterSeconds: 30
                  clockSkewMillis: 1500
                  clockSkewSamples: 7
                  diskFreeMinBytes: 1000000
                  temperatureMaxCelsius: 70.5
                  faultClearMinutes: 5
                  broadcastWindowMinutes: 120
                  planAckMinutes: 15
                  webhooks:
                    - url: https://chat.example/hook
                      secret: s3cret
                    - url: http://127.0.0.1:9000/loa
                """));
        ControllerConfig.Health health = config.health();
        assertThat(health.offlineAfterSeconds()).isEqualTo(30);
        assertThat(health.clockSkewMillis()).isEqualTo(1500);
        assertThat(health.clockSkewSamples()).isEqualTo(7);
        assertThat(health.diskFreeMinBytes()).isEqualTo(1_000_000L);
        assertThat(health.temperatureMaxCelsius()).isEqualTo(70.5);
        assertThat(health.faultClearMinutes()).isEqualTo(5);
        assertThat(health.broadcastWindowMinutes()).isEqualTo(120);
        assertThat(health.planAckMinutes()).isEqualTo(15);
        assertThat(health.webhooks()).containsExactly(
                new ControllerConfig.Webhook(java.net.URI.create("https://chat.example/hook"), "s3cret"),
                new ControllerConfig.Webhook(java.net.URI.create("http://127.0.0.1:9000/loa"), null));
        assertThat(ControllerConfig.Health.defaults().clockSkewMillis()).isEqualTo(2000);
    }

    @Test
    void badHealthSettingsAreRefusedByName() throws Exception {
        Path skew = write("health: { clockSkewMillis: 10 }\n");
        assertThatThrownBy(() -> ConfigLoader.load(skew)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("health.clockSkewMillis");
        Path hook = write("health: { webhooks: [ { url: 'ftp://x/y' } ] }\n");
        assertThatThrownBy(() -> ConfigLoader.load(hook)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("webhook url");
        Path unknown = write("health: { webhooks: [ { url: 'http://x/y', token: a } ] }\n");
        assertThatThrownBy(() -> ConfigLoader.load(unknown)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("health.webhooks[0].token");
    }

    @Test
    void metricsTokenIsReadAndMustBeLongEnough() throws Exception {
        assertThat(ConfigLoader.load(write("")).http().metricsToken()).isNull();
        assertThat(ConfigLoader.load(write("http:\n  metricsToken: scrape-token-0123456789\n")).http().metricsToken())
                .isEqualTo("scrape-token-0123456789");
        Path tooShort = write("http:\n  metricsToken: short\n");
        assertThatThrownBy(() -> ConfigLoader.load(tooShort)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.metricsToken");
    }

    @Test
    void externalBrokerNeedsAUri() throws Exception {
        Path file = write("mqtt:\n  broker: external\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("mqtt.uri");
    }

    @Test
    void fieldsAreReadOverTheDefaults() throws Exception {
        ControllerConfig config = ConfigLoader.load(write("""
                dataDir: /var/lib/loa
                http: { port: 9000 }
                mqtt: { broker: external, uri: "tcp://broker:1883", username: loa, password: secret }
                """));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/loa"));
        assertThat(config.http().port()).isEqualTo(9000);
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
        assertThat(config.mqtt().uri()).isEqualTo("tcp://broker:1883");
        assertThat(config.mqtt().username()).isEqualTo("loa");
    }

    @Test
    void loginLimitsAreRead() throws Exception {
        ControllerConfig config = ConfigLoader.load(write("""
                auth:
                  tokenLifetimeHours: 8
                  maxFailedLogins: 3
                  lockoutMinutes: 30
                  maxFailedLoginsPerAddress: 0
                """));
        assertThat(config.auth()).isEqualTo(new ControllerConfig.Auth(8, 3, 30, 0));
        assertThat(ConfigLoader.load(write("")).auth()).isEqualTo(new ControllerConfig.Auth(12, 5, 15, 30));
        assertThatThrownBy(() -> ConfigLoader.load(write("auth: { maxFailedLogins: 0 }")))
                .hasMessageContaining("'auth.maxFailedLogins' must be 1..100");
        assertThatThrownBy(() -> ConfigLoader.load(write("auth: { lockoutMinutes: 0 }")))
                .hasMessageContaining("auth.lockoutMinutes");
    }

    @Test
    void unknownFieldIsAnErrorNamingIt() throws Exception {
        Path file = write("http:\n  prot: 9000\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("unknown field 'http.prot'");
    }

    @Test
    void wronglyTypedOrOutOfRangeFieldIsAnErrorNamingIt() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("http: { port: eighty }")))
                .hasMessageContaining("'http.port' must be a whole number");
        assertThatThrownBy(() -> ConfigLoader.load(write("http: { port: 70000 }")))
                .hasMessageContaining("'http.port' must be 0..65535");
        assertThatThrownBy(() -> ConfigLoader.load(write("mqtt: { broker: cloud }")))
                .hasMessageContaining("embedded or external");
    }

    @Test
    void missingOrBrokenFileIsAnError() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yml"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> ConfigLoader.load(write("http: [unclosed"))).hasMessageContaining("not valid YAML");
    }

    @Test
    void bulletinUploadLimitDefaultsTo200MegabytesAndMayBeLarger() throws Exception {
        assertThat(ControllerConfig.defaults().bulletins().maxUploadBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(ConfigLoader.load(Path.of("../examples/controller.yml")).bulletins().maxUploadBytes())
                .isEqualTo(200L * 1024 * 1024);
        assertThat(ConfigLoader.load(write("bulletins: { maxUploadBytes: 4294967296 }")).bulletins()
                .maxUploadBytes()).isEqualTo(4L * 1024 * 1024 * 1024);
        assertThatThrownBy(() -> ConfigLoader.load(write("bulletins: { maxUploadBytes: 10 }")))
                .hasMessageContaining("'bulletins.maxUploadBytes' must be 1024..");
        assertThatThrownBy(() -> ConfigLoader.load(write("bulletins: { maxUploadBytes: 1.5 }")))
                .hasMessageContaining("'bulletins.maxUploadBytes' must be a whole number");
    }

    @Test
    void emergencySettingsAreReadAndDefaultWhenAbsent() throws Exception {
        assertThat(ConfigLoader.load(write("http: { port: 9000 }")).emergencies())
                .isEqualTo(new ControllerConfig.Emergencies(3, 30, 24, 1000, 120));
        ControllerConfig config = ConfigLoader.load(write("""
                emergencies: { defaultRepeat: 5, defaultValidityMinutes: 60, maxValidityHours: 6, warmUpMillis: 0,
                               confirmGraceSeconds: 300 }
                """));
        assertThat(config.emergencies()).isEqualTo(new ControllerConfig.Emergencies(5, 60, 6, 0, 300));
    }

    @Test
    void badEmergencySettingIsAnErrorNamingIt() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("emergencies: { defaultRepeat: 21 }")))
                .hasMessageContaining("'emergencies.defaultRepeat' must be 1..20, got 21");
        assertThatThrownBy(() -> ConfigLoader.load(write("emergencies: { warmUpMillis: 30001 }")))
                .hasMessageContaining("'emergencies.warmUpMillis' must be 0..30000");
        assertThatThrownBy(() -> ConfigLoader.load(write("emergencies: { defaultValidityMinutes: 120, maxValidityHours: 1 }")))
                .hasMessageContaining("'emergencies.defaultValidityMinutes' (120) must not exceed");
        assertThatThrownBy(() -> ConfigLoader.load(write("emergencies: { repeat: 2 }")))
                .hasMessageContaining("unknown field 'emergencies.repeat'");
    }

    @Test
    void capSectionIsReadInOrderWithCapNames() throws Exception {
        ControllerConfig config = ConfigLoader.load(write("""
                cap:
                  areaCodeName: VN-DVHC
                  rules:
                    - severities: [Extreme, Severe]
                      urgencies: [Immediate]
                      certainties: [Observed, Very Likely]
                      events: [lũ, flood]
                      action: trigger
                      standardMessage: flood
                      riskLevel: 4
                    - action: ignore
                  standardMessageByEvent:
                    sơ tán: evacuation
                    lũ: flood
                """));
        CapSettings cap = config.cap();
        assertThat(cap.areaCodeName()).isEqualTo("VN-DVHC");
        assertThat(cap.rules()).containsExactly(
                new CapRule(Set.of(Severity.EXTREME, Severity.SEVERE), Set.of(Urgency.IMMEDIATE),
                        Set.of(Certainty.OBSERVED, Certainty.LIKELY), Set.of("lũ", "flood"), CapAction.TRIGGER,
                        "flood", 4),
                CapRule.of(Set.of(), Set.of(), Set.of(), CapAction.IGNORE, null));
        assertThat(cap.standardMessageFor("Lệnh sơ tán vì lũ")).contains("evacuation");
        assertThat(List.copyOf(cap.standardMessageByEvent().values())).containsExactly("evacuation", "flood");
    }

    @Test
    void capSectionDefaultsWhenAbsentOrPartlyGiven() throws Exception {
        assertThat(ConfigLoader.load(write("http: { port: 9000 }")).cap()).isEqualTo(CapSettings.defaults());
        CapSettings cap = ConfigLoader.load(write("cap: { areaCodeName: VN-DVHC }")).cap();
        assertThat(cap.rules()).isEqualTo(CapSettings.DEFAULT_RULES);
        assertThat(cap.standardMessageByEvent()).isEqualTo(CapSettings.defaults().standardMessageByEvent());
        assertThat(ConfigLoader.load(write("cap: { standardMessageByEvent: {} }")).cap().standardMessageByEvent())
                .isEqualTo(Map.of());
    }

    @Test
    void badCapValueIsAnErrorNamingIt() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("cap: { rules: [ { action: ignore }, { action: sound } ] }")))
                .hasMessageContaining("field 'cap.rules[1].action' must be trigger, draft or ignore, got 'sound'");
        assertThatThrownBy(() -> ConfigLoader.load(write("cap: { rules: [ { severities: [severe], action: ignore } ] }")))
                .hasMessageContaining("field 'cap.rules[0].severities' has 'severe': must be one of Extreme, Severe");
        assertThatThrownBy(() -> ConfigLoader.load(write("cap: { rules: [ { action: trigger } ] }")))
                .hasMessageContaining("field 'cap.rules[0].standardMessage' is required with action trigger");
        assertThatThrownBy(() -> ConfigLoader.load(write(
                "cap: { rules: [ { action: draft, standardMessage: siren, riskLevel: 6 } ] }")))
                .hasMessageContaining("'cap.rules[0].riskLevel' must be 1..5, got 6");
        assertThatThrownBy(() -> ConfigLoader.load(write("cap: { rules: [ { action: ignore, colour: red } ] }")))
                .hasMessageContaining("unknown field 'cap.rules[0].colour'");
        assertThatThrownBy(() -> ConfigLoader.load(write("cap: { rules: [] }")))
                .hasMessageContaining("field 'cap.rules' must have at least one rule");
        assertThatThrownBy(() -> ConfigLoader.load(write("cap: { standardMessageByEvent: [flood] }")))
                .hasMessageContaining("field 'cap.standardMessageByEvent' must be a mapping");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "controller", ".yml"), yaml);
    }
}

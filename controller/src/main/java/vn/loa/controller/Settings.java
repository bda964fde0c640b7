package vn.loa.controller;

import java.time.Duration;
import vn.loa.controller.auth.LoginPolicy;
import vn.loa.controller.bulletin.BulletinService;
import vn.loa.controller.bulletin.BulletinState;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.emergency.EmergencySettings;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.mqtt.BrokerSettings;
import vn.loa.controller.mqtt.EmbeddedBroker;
import vn.loa.controller.schedule.BulletinCatalog;

/** The composition root's translations of config sections into the settings its parts take. */
final class Settings {
    private Settings() {
    }

    /**
     * The controller's own connection to its embedded broker: plain, straight to Moquette on
     * loopback (the public listeners, plain or TLS, are for stations).
     */
    static BrokerSettings embeddedBroker(ControllerConfig.Mqtt mqtt, EmbeddedBroker broker,
                                         MqttCredentials self) {
        return new BrokerSettings("tcp://127.0.0.1:" + broker.loopbackPort(), mqtt.clientId(), self.username(),
                self.password(), mqtt.keepAliveSeconds());
    }

    static LoginPolicy loginPolicy(ControllerConfig.Auth auth) {
        return new LoginPolicy(Duration.ofHours(auth.tokenLifetimeHours()), auth.maxFailedLogins(),
                Duration.ofMinutes(auth.lockoutMinutes()), auth.maxFailedLoginsPerAddress());
    }

    static EmergencySettings emergencies(ControllerConfig.Emergencies emergencies) {
        return new EmergencySettings(emergencies.defaultRepeat(),
                Duration.ofMinutes(emergencies.defaultValidityMinutes()), Duration.ofHours(emergencies.maxValidityHours()),
                Duration.ofMillis(emergencies.warmUpMillis()), Duration.ofSeconds(emergencies.confirmGraceSeconds()));
    }

    /** The bulletin library as scheduling sees it. */
    static BulletinCatalog catalogOf(BulletinService bulletins) {
        return id -> bulletins.find(id).map(bulletin -> new BulletinCatalog.Entry(bulletin.id(), bulletin.title(),
                bulletin.bulletinClass(), bulletin.state() == BulletinState.APPROVED, bulletin.durationMillis(),
                bulletins.audioRef(bulletin)));
    }
}

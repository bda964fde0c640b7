package vn.loa.controller.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code health} section: rule thresholds and the alert webhooks. */
final class HealthSettingsReader {
    private HealthSettingsReader() {
    }

    static ControllerConfig.Health read(ConfigSection health) {
        ControllerConfig.Health d = ControllerConfig.Health.defaults();
        List<ControllerConfig.Webhook> webhooks = new ArrayList<>();
        for (ConfigSection hook : health.sections("webhooks")) {
            webhooks.add(new ControllerConfig.Webhook(uri(hook), hook.text("secret", null)));
            hook.rejectUnknown();
        }
        ControllerConfig.Health read = new ControllerConfig.Health(
                health.integer("offlineAfterSeconds", d.offlineAfterSeconds()),
                health.integer("clockSkewMillis", d.clockSkewMillis()),
                health.integer("clockSkewSamples", d.clockSkewSamples()),
                health.wholeNumber("diskFreeMinBytes", d.diskFreeMinBytes()),
                health.number("temperatureMaxCelsius", d.temperatureMaxCelsius()),
                health.integer("faultClearMinutes", d.faultClearMinutes()),
                health.integer("broadcastWindowMinutes", d.broadcastWindowMinutes()),
                health.integer("planAckMinutes", d.planAckMinutes()),
                webhooks);
        health.rejectUnknown();
        return read;
    }

    private static URI uri(ConfigSection hook) {
        String text = hook.text("url", null);
        if (text == null || text.isBlank()) {
            throw new ConfigException("every entry of 'health.webhooks' needs a 'url'");
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException("webhook url '" + text + "' is not a valid URL: " + e.getReason());
        }
    }
}

package vn.loa.controller.mqtt;

import java.util.Objects;

/** How the controller reaches its broker. */
public record BrokerSettings(String uri, String clientId, String username, String password, int keepAliveSeconds) {
    public BrokerSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(clientId, "clientId");
    }
}

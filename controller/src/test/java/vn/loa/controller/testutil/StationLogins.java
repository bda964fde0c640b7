package vn.loa.controller.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import vn.loa.agent.config.AgentConfig;
import vn.loa.controller.identity.MqttCredentials;

/** Stations' MQTT credentials for tests, issued through the API as staff would. */
public final class StationLogins {
    private StationLogins() {
    }

    /** New credentials for a registered station ({@code POST /api/v1/stations/{id}/credentials}). */
    public static MqttCredentials issue(ApiClient api, String stationId) {
        ApiClient.Answer answer = api.post("/api/v1/stations/" + stationId + "/credentials", "");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode credentials = answer.json().path("credentials");
        return new MqttCredentials(credentials.path("username").asText(), credentials.path("password").asText());
    }

    /** The agent's config, logged in with freshly issued credentials of its station. */
    public static AgentConfig loggedIn(ApiClient api, AgentConfig config) {
        MqttCredentials credentials = issue(api, config.station());
        return config.withCredentials(credentials.username(), credentials.password());
    }
}

package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.demo.Demo;
import vn.loa.controller.demo.DemoOptions;
import vn.loa.controller.testutil.ApiClient;

/**
 * The README's promise: the demo (controller, embedded broker, three real agents in their own JVM)
 * comes up, and the README's login-and-list session shows three online stations.
 */
class DemoIT {
    private static final Path AGENT_JAR = Path.of("../agent/target/loa-agent.jar");

    @TempDir
    Path dir;

    @Test
    void demoBringsThreeStationsOnlineSeenThroughTheReadmeSession() {
        assertThat(AGENT_JAR).as("the agent jar is built before the controller's integration tests").exists();
        try (Demo demo = Demo.start(new DemoOptions(0, 0, dir, 3, AGENT_JAR), Clock.systemUTC(), null)) {
            ApiClient api = new ApiClient(demo.httpPort()).login("admin", "loa-demo");
            await("three demo stations online").atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode stations = api.get("/api/v1/stations").json().path("stations");
                return stations.size() == 3 && StreamSupport.stream(stations.spliterator(), false)
                        .allMatch(station -> station.path("status").asText().equals("online")
                                && !station.path("agentVersion").asText().isEmpty());
            });
            JsonNode first = api.get("/api/v1/stations/demo-01").json();
            assertThat(first.path("name").asText()).startsWith("Cụm loa 1");
            assertThat(first.path("agentVersion").asText()).isNotBlank();
            assertThat(Files.exists(dir.resolve("agents").resolve("demo-01.yml"))).isTrue();
        }
    }
}

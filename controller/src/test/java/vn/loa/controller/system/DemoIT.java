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
    void demoBringsThreeStationsOnlineSeenThroughTheReadmeSessionWithStaffBulletinsAndSchedules() {
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

            assertThat(api.get("/api/v1/bulletins?state=approved").json().path("bulletins").findValuesAsText("title"))
                    .contains("Nhạc hiệu đài", "Bản tin thời sự (demo)");
            assertThat(api.get("/api/v1/schedules").json().path("schedules").size()).isEqualTo(3);
            java.time.Instant now = java.time.Instant.now();
            assertThat(api.get("/api/v1/broadcasts?station=demo-01&from=" + now + "&to=" + now.plusSeconds(86_400))
                    .json().path("broadcasts").size()).as("the chime every 10 minutes").isGreaterThanOrEqualTo(140);
            ApiClient operator = new ApiClient(demo.httpPort()).login("vanhanh", "loa-demo-2026");
            assertThat(operator.get("/api/v1/stations").json().path("stations").findValuesAsText("id"))
                    .containsExactly("demo-01");
            new ApiClient(demo.httpPort()).login("bientap", "loa-demo-2026");
            new ApiClient(demo.httpPort()).login("kythuat", "loa-demo-2026");
        }
        try (Demo again = Demo.start(new DemoOptions(0, 0, dir, 3, AGENT_JAR), Clock.systemUTC(), null)) {
            ApiClient api = new ApiClient(again.httpPort()).login("admin", "loa-demo");
            assertThat(api.get("/api/v1/schedules").json().path("schedules").size())
                    .as("a second start seeds nothing twice").isEqualTo(3);
        }
    }
}

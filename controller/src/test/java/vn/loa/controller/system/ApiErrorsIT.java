package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.RawHttp;
import vn.loa.controller.testutil.TestControllers;

/** Every refusal of the API is a JSON error with the right status, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsIT {
    /** More than the kernel buffers of both ends hold: a server that stops reading blocks the sender. */
    private static final long BEYOND_SOCKET_BUFFERS = 32L * 1024 * 1024;

    private Controller controller;
    private ApiClient anonymous;

    @BeforeAll
    void start(@TempDir Path dir) {
        controller = TestControllers.embedded(dir);
        anonymous = new ApiClient(controller.httpPort());
    }

    @AfterAll
    void stop() {
        controller.close();
    }

    @Test
    void requestWithoutTokenIsRefusedWith401() {
        ApiClient.Answer answer = anonymous.get("/api/v1/stations");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("unauthorized");
        assertThat(answer.message()).contains("Authorization: Bearer");
    }

    @Test
    void unknownTokenIsRefusedWith401() {
        ApiClient.Answer answer = anonymous.send(anonymous.builder("/api/v1/stations")
                .header("Authorization", "Bearer not-a-real-token").GET());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("unauthorized");
    }

    @Test
    void wrongPasswordIsRefusedWith401() {
        ApiClient.Answer answer = anonymous.post("/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"wrong-password\"}");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("unauthorized");
        assertThat(answer.message()).isEqualTo("wrong username or password");
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        ApiClient.Answer answer = anonymous.post("/api/v1/auth/login",
                "{\"username\":\"nobody\",\"password\":\"whatever-password\"}");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.message()).isEqualTo("wrong username or password");
    }

    @Test
    void loginGivesATokenThatOpensTheApiUntilLogout() {
        ApiClient admin = TestControllers.admin(controller);
        assertThat(admin.get("/api/v1/auth/me").json().path("username").asText()).isEqualTo("admin");
        assertThat(admin.get("/api/v1/stations").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/auth/logout", "{}").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/stations").status()).isEqualTo(401);
    }

    @Test
    void unparsableJsonIsA400NamingTheProblem() {
        ApiClient admin = TestControllers.admin(controller);
        ApiClient.Answer answer = admin.post("/api/v1/areas", "{\"name\": \"Xã A\", \"code\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("malformed_json");
        assertThat(answer.message()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void loginWithUnparsableJsonIsA400() {
        ApiClient.Answer answer = anonymous.post("/api/v1/auth/login", "{username: admin}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("malformed_json");
    }

    @Test
    void wronglyTypedFieldIsA400NamingTheField() {
        ApiClient admin = TestControllers.admin(controller);
        ApiClient.Answer answer = admin.post("/api/v1/areas", "{\"name\": 12, \"code\": \"X\", \"level\": \"province\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("'name'");
    }

    @Test
    void bodyOverTheLimitIsA413() {
        ApiClient admin = TestControllers.admin(controller);
        String twoMegabytes = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        ApiClient.Answer answer = admin.post("/api/v1/areas", twoMegabytes);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.error()).isEqualTo("payload_too_large");
        assertThat(answer.message()).contains("65536");
    }

    @Test
    @Timeout(60)
    void bodyOverTheLimitIsDroppedAndTheConnectionServesTheNextRequest() {
        try (RawHttp http = new RawHttp(controller.httpPort())) {
            http.send(jsonPost(BEYOND_SOCKET_BUFFERS, "")).sendFiller(BEYOND_SOCKET_BUFFERS);
            RawHttp.Head answer = http.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("payload_too_large").contains("65536");
            http.send("GET /healthz HTTP/1.1\r\nHost: loa\r\n\r\n");
            assertThat(http.read().status()).as("the same connection answers again").isIn(200, 503);
        }
    }

    @Test
    @Timeout(60)
    void bodyOverTheLimitOnAConnectionToCloseIsReadUntilItEndsSoThe413ArrivesWhole() {
        try (RawHttp http = new RawHttp(controller.httpPort())) {
            http.send(jsonPost(BEYOND_SOCKET_BUFFERS, "Connection: close\r\n")).sendFiller(BEYOND_SOCKET_BUFFERS);
            RawHttp.Head answer = http.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("connection")).isEqualTo("close");
            assertThat(answer.body()).contains("payload_too_large");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void clientAskingToContinueWithABodyOverTheLimitGetsAJson413AndNoContinue() {
        try (RawHttp http = new RawHttp(controller.httpPort())) {
            http.send(jsonPost(2 * 1024 * 1024, "Expect: 100-continue\r\n"));
            RawHttp.Head answer = http.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("content-type")).startsWith("application/json");
            assertThat(answer.body()).contains("payload_too_large").contains("65536");
            assertThat(http.closedByServer()).as("the body announced but never sent is not waited for").isTrue();
        }
    }

    @Test
    void anExpectationOtherThanContinueIsAJson417() {
        try (RawHttp http = new RawHttp(controller.httpPort())) {
            http.send(jsonPost(2, "Expect: coffee\r\n"));
            RawHttp.Head answer = http.read();
            assertThat(answer.status()).isEqualTo(417);
            assertThat(answer.body()).contains("expectation_failed").contains("100-continue");
        }
    }

    @Test
    void bodyWithoutJsonContentTypeIsA415() {
        ApiClient admin = TestControllers.admin(controller);
        ApiClient.Answer answer = admin.send(admin.builder("/api/v1/areas").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.error()).isEqualTo("unsupported_media_type");
    }

    @Test
    void unknownResourceIs404AndWrongMethodIs405() {
        ApiClient admin = TestControllers.admin(controller);
        ApiClient.Answer missing = admin.get("/api/v1/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("not_found");
        ApiClient.Answer wrongMethod = admin.send(admin.builder("/api/v1/stations").PUT(
                HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.raw().headers().firstValue("allow")).contains("GET, POST");
    }

    /** The head of a JSON POST announcing {@code length} bytes, with extra header lines. */
    private static String jsonPost(long length, String extraHeaders) {
        return "POST /api/v1/areas HTTP/1.1\r\nHost: loa\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n" + extraHeaders + "\r\n";
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        ApiClient.Answer health = anonymous.get("/healthz");
        assertThat(health.status()).isIn(200, 503);
        assertThat(health.json().path("status").asText()).isIn("ok", "degraded");
        ApiClient.Answer metrics = anonymous.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("loa_stations");
    }
}

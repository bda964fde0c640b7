package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestControllers;

/** Accounts through the API of a real controller: roles, lockout, revoked tokens, admin-only management, audit. */
class UserAccountsIT {
    private static final String PASSWORD = "xã Mẫu loa 2026";

    @TempDir
    Path dir;

    private Controller controller;
    private ApiClient admin;
    private long province;
    private long commune;

    @BeforeEach
    void start() {
        controller = TestControllers.embedded(dir);
        admin = TestControllers.admin(controller);
        province = DemoRegistry.create(admin, "{\"name\":\"Tỉnh A\",\"code\":\"A\",\"level\":\"province\"}");
        commune = DemoRegistry.create(admin, "{\"name\":\"Xã Một\",\"code\":\"A-1\",\"level\":\"commune\","
                + "\"parentId\":" + province + "}");
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void adminCreatesAUserWhoSeesTheirRoles() {
        ApiClient.Answer created = admin.post("/api/v1/users", "{\"username\":\"an.nguyen\","
                + "\"displayName\":\"Nguyễn An\",\"password\":\"" + PASSWORD + "\","
                + "\"roles\":[{\"role\":\"scheduler\",\"areaId\":" + province + "},"
                + "{\"role\":\"operator\",\"areaId\":" + commune + "}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.raw().headers().firstValue("location")).hasValue("/api/v1/users/" + id);
        assertThat(created.text()).doesNotContain("argon2").doesNotContainIgnoringCase("hash");

        JsonNode me = new ApiClient(controller.httpPort()).login("an.nguyen", PASSWORD).get("/api/v1/auth/me").json();
        assertThat(me.path("username").asText()).isEqualTo("an.nguyen");
        assertThat(roles(me)).containsExactlyInAnyOrder("scheduler@" + province, "operator@" + commune);

        assertThat(admin.get("/api/v1/users").json().path("users")).extracting(user -> user.path("username").asText())
                .containsExactly("admin", "an.nguyen");
        assertThat(admin.get("/api/v1/users/" + id).json().path("displayName").asText()).isEqualTo("Nguyễn An");
        assertThat(admin.get("/api/v1/users/4711").status()).isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedWithTheRuleThatFailed() {
        createUser("an", "[]");
        ApiClient.Answer duplicate = admin.post("/api/v1/users",
                "{\"username\":\"AN\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        ApiClient.Answer weak = admin.post("/api/v1/users", "{\"username\":\"binh\",\"password\":\"1234567890\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.error()).isEqualTo("weak_password");
        assertThat(weak.message()).contains("most common passwords");
        ApiClient.Answer noArea = admin.post("/api/v1/users", "{\"username\":\"binh\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[{\"role\":\"technician\",\"areaId\":4711}]}");
        assertThat(noArea.status()).isEqualTo(400);
        assertThat(noArea.message()).contains("roles[0].areaId").contains("no area with id 4711");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountUntilAnAdminResetsIt() {
        long id = createUser("an", "[]");
        ApiClient anonymous = new ApiClient(controller.httpPort());
        for (int i = 0; i < 4; i++) {
            assertThat(login(anonymous, "an", "wrong password " + i).status()).isEqualTo(401);
        }
        ApiClient.Answer locking = login(anonymous, "an", "wrong password 5");
        assertThat(locking.status()).isEqualTo(423);
        assertThat(locking.error()).isEqualTo("account_locked");
        ApiClient.Answer right = login(anonymous, "an", PASSWORD);
        assertThat(right.status()).as("the right password is refused while locked").isEqualTo(423);
        assertThat(right.message()).contains("locked after 5 failed logins until");
        assertThat(admin.get("/api/v1/users/" + id).json().has("lockedUntil")).isTrue();

        assertThat(admin.post("/api/v1/users/" + id + "/password", "{\"password\":\"a new long secret\"}").status())
                .isEqualTo(200);
        assertThat(login(anonymous, "an", "a new long secret").status()).isEqualTo(200);

        List<String> actions = actions("/api/v1/audit?subject=an");
        assertThat(actions).contains("auth.account-locked", "auth.login-failed", "user.password-reset", "auth.login",
                "user.create");
        JsonNode failed = admin.get("/api/v1/audit?action=auth.login-failed&limit=1").json().path("entries").get(0);
        assertThat(failed.path("detail").path("address").asText()).isEqualTo("127.0.0.1");
        assertThat(failed.path("detail").path("reason").asText()).isEqualTo("wrong password");
    }

    @Test
    void revokedTokensAreRefused() {
        long id = createUser("an", "[]");
        ApiClient loggedOut = new ApiClient(controller.httpPort()).login("an", PASSWORD);
        assertThat(loggedOut.post("/api/v1/auth/logout", "{}").status()).isEqualTo(204);
        assertThat(loggedOut.get("/api/v1/auth/me").status()).isEqualTo(401);

        ApiClient disabled = new ApiClient(controller.httpPort()).login("an", PASSWORD);
        assertThat(disabled.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/users/" + id + "/disable", "{}").json().path("disabled").asBoolean()).isTrue();
        assertThat(disabled.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(login(new ApiClient(controller.httpPort()), "an", PASSWORD).status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/users/" + id + "/enable", "{}").status()).isEqualTo(200);

        ApiClient reset = new ApiClient(controller.httpPort()).login("an", PASSWORD);
        assertThat(reset.get("/api/v1/auth/me").status()).isEqualTo(200);
        admin.post("/api/v1/users/" + id + "/password", "{\"password\":\"a new long secret\"}");
        assertThat(reset.get("/api/v1/auth/me").status()).isEqualTo(401);

        ApiClient changer = new ApiClient(controller.httpPort()).login("an", "a new long secret");
        ApiClient.Answer changed = changer.post("/api/v1/auth/password",
                "{\"currentPassword\":\"a new long secret\",\"newPassword\":\"my own long secret\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        assertThat(changer.get("/api/v1/auth/me").status()).isEqualTo(200);

        assertThat(actions("/api/v1/audit?subject=an")).contains("auth.logout", "user.disable", "user.enable",
                "user.password-reset", "auth.password-change");
    }

    @Test
    void onlyAdministratorsManageUsers() {
        long id = createUser("an", "[{\"role\":\"technician\",\"areaId\":" + province + "}]");
        ApiClient technician = new ApiClient(controller.httpPort()).login("an", PASSWORD);
        for (ApiClient.Answer answer : List.of(technician.get("/api/v1/users"), technician.get("/api/v1/users/" + id),
                technician.post("/api/v1/users", "{\"username\":\"x\",\"password\":\"" + PASSWORD + "\"}"),
                technician.post("/api/v1/users/" + id + "/enable", "{}"),
                put(technician, "/api/v1/users/" + id + "/roles", "{\"roles\":[{\"role\":\"admin\"}]}"))) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(403);
            assertThat(answer.error()).isEqualTo("forbidden");
        }

        ApiClient.Answer replaced = put(admin, "/api/v1/users/" + id + "/roles",
                "{\"roles\":[{\"role\":\"operator\",\"areaId\":" + commune + "}]}");
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(roles(technician.get("/api/v1/auth/me").json())).containsExactly("operator@" + commune);
        JsonNode entry = admin.get("/api/v1/audit?action=user.roles").json().path("entries").get(0);
        assertThat(entry.path("actor").asText()).isEqualTo("admin");
        assertThat(entry.path("detail").path("before").get(0).path("role").asText()).isEqualTo("technician");
        assertThat(entry.path("detail").path("after").get(0).path("role").asText()).isEqualTo("operator");
    }

    private long createUser(String username, String roles) {
        ApiClient.Answer created = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":" + roles + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static ApiClient.Answer login(ApiClient client, String username, String password) {
        return client.post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static ApiClient.Answer put(ApiClient client, String path, String json) {
        return client.send(client.builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private List<String> actions(String query) {
        List<String> actions = new ArrayList<>();
        admin.get(query).json().path("entries").forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }

    private static List<String> roles(JsonNode user) {
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(role -> roles.add(role.path("role").asText() + "@" + role.path("areaId").asText()));
        return roles;
    }
}

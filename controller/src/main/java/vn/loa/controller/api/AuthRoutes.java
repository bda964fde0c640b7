package vn.loa.controller.api;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.controller.auth.AuthService;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;

/** {@code /api/v1/auth}: login, logout, who am I. */
public final class AuthRoutes {
    private final AuthService auth;
    private final ApiJson json;

    public AuthRoutes(AuthService auth, ApiJson json) {
        this.auth = auth;
        this.json = json;
    }

    public void register(Router router) {
        router.add("POST", "/api/v1/auth/login", true, this::login);
        router.post("/api/v1/auth/logout", this::logout);
        router.get("/api/v1/auth/me", this::me);
    }

    private Response login(Call call) {
        Body body = json.body(call.request());
        String username = body.requiredText("username", 100);
        String password = body.requiredText("password", 200);
        AuthService.Session session = auth.login(username, password);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", session.token());
        answer.put("expiresAt", session.expiresAt());
        answer.put("user", user(session.principal()));
        return json.ok(answer);
    }

    private Response logout(Call call) {
        String header = call.request().header("authorization").orElse("");
        auth.logout(header.substring("bearer ".length()).strip());
        return Response.noContent();
    }

    private Response me(Call call) {
        return json.ok(user(call.principal()));
    }

    private static Map<String, Object> user(Principal principal) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", principal.userId());
        user.put("username", principal.username());
        user.put("roles", principal.roles());
        return user;
    }
}

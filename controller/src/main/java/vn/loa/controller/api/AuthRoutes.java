package vn.loa.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.controller.auth.AuthService;
import vn.loa.controller.auth.PasswordRules;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.auth.UserService;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;

/** {@code /api/v1/auth}: login, logout, who am I, change my password. */
public final class AuthRoutes {
    private final AuthService auth;
    private final UserService users;
    private final ApiJson json;

    public AuthRoutes(AuthService auth, UserService users, ApiJson json) {
        this.auth = auth;
        this.users = users;
        this.json = json;
    }

    public void register(Router router) {
        router.add("POST", "/api/v1/auth/login", true, this::login);
        router.post("/api/v1/auth/logout", this::logout);
        router.get("/api/v1/auth/me", this::me);
        router.post("/api/v1/auth/password", this::changePassword);
    }

    private Response login(Call call) {
        Body body = json.body(call.request());
        String username = body.requiredText("username", 100);
        String password = password(body, "password");
        AuthService.Session session = auth.login(username, password, call.request().remoteAddress());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", session.token());
        answer.put("expiresAt", session.expiresAt());
        answer.put("user", user(session.principal()));
        return json.ok(answer);
    }

    private Response logout(Call call) {
        auth.logout(token(call));
        return Response.noContent();
    }

    private Response changePassword(Call call) {
        Body body = json.body(call.request());
        users.changeOwnPassword(call.principal(), token(call), password(body, "currentPassword"),
                password(body, "newPassword"), call.request().remoteAddress());
        return Response.noContent();
    }

    /** A password field exactly as sent (not stripped: spaces count), 1-200 characters. */
    static String password(Body body, String field) {
        JsonNode value = body.node(field);
        if (value == null) {
            throw ApiException.invalid("field '" + field + "' is required");
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw ApiException.invalid("field '" + field + "' must be non-empty text");
        }
        if (value.textValue().length() > PasswordRules.MAX_LENGTH) {
            throw ApiException.invalid("field '" + field + "' must be at most " + PasswordRules.MAX_LENGTH
                    + " characters");
        }
        return value.textValue();
    }

    private static String token(Call call) {
        String header = call.request().header("authorization").orElse("");
        return header.substring(Math.min(header.length(), "bearer ".length())).strip();
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

package vn.loa.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Role;
import vn.loa.controller.auth.AuthService;
import vn.loa.controller.auth.PasswordRules;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.auth.UserService;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.http.SessionTokens;

/**
 * {@code /api/v1/auth}: login, logout, who am I, change my password. A login also sets the
 * console's session cookie ({@link SessionTokens}); a logout clears it.
 */
public final class AuthRoutes {
    private final AuthService auth;
    private final UserService users;
    private final ApiJson json;
    private final Clock clock;
    private final boolean secureCookies;

    /** {@code secureCookies}: the API is served over HTTPS, so the session cookie is marked Secure. */
    public AuthRoutes(AuthService auth, UserService users, ApiJson json, Clock clock, boolean secureCookies) {
        this.auth = auth;
        this.users = users;
        this.json = json;
        this.clock = clock;
        this.secureCookies = secureCookies;
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
        if (!SessionTokens.fromConsole(call.request())) {
            answer.put("token", session.token()); // the console keeps it in the HttpOnly cookie only
        }
        answer.put("expiresAt", session.expiresAt());
        answer.put("user", user(session.principal()));
        Duration lifetime = Duration.between(clock.instant(), session.expiresAt());
        return json.ok(answer).withHeader("Set-Cookie", SessionTokens.setCookie(session.token(), lifetime,
                secureCookies));
    }

    private Response logout(Call call) {
        auth.logout(token(call));
        return Response.noContent().withHeader("Set-Cookie", SessionTokens.clearCookie(secureCookies));
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
        return SessionTokens.of(call.request()).orElse("");
    }

    private Response me(Call call) {
        return json.ok(user(call.principal()));
    }

    private static Map<String, Object> user(Principal principal) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", principal.userId());
        user.put("username", principal.username());
        user.put("roles", principal.roles());
        user.put("permissions", permissions(principal));
        return user;
    }

    /** What the user's roles allow somewhere (each still checked per area): for the console's menus. */
    private static List<String> permissions(Principal principal) {
        List<Role> roles = principal.roles().stream().flatMap(grant -> Role.fromWire(grant.role()).stream()).toList();
        return Arrays.stream(Permission.values()).filter(p -> roles.stream().anyMatch(role -> role.grants(p)))
                .map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }
}

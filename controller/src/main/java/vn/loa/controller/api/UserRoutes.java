package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.auth.RoleGrant;
import vn.loa.controller.auth.UserAccount;
import vn.loa.controller.auth.UserService;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;

/**
 * {@code /api/v1/users}, for administrators: list, read, create, disable, enable, reset a
 * password, replace the roles. Password hashes are never shown.
 */
public final class UserRoutes {
    private final UserService users;
    private final ApiJson json;

    private final Access access;

    public UserRoutes(UserService users, ApiJson json, Access access) {
        this.access = Objects.requireNonNull(access, "access");
        this.users = Objects.requireNonNull(users, "users");
        this.json = Objects.requireNonNull(json, "json");
    }

    public void register(Router router) {
        router.get("/api/v1/users", this::list);
        router.post("/api/v1/users", this::create);
        router.get("/api/v1/users/{id}", this::get);
        router.post("/api/v1/users/{id}/disable", this::disable);
        router.post("/api/v1/users/{id}/enable", this::enable);
        router.post("/api/v1/users/{id}/password", this::resetPassword);
        router.add("PUT", "/api/v1/users/{id}/roles", false, this::replaceRoles);
    }

    private Response list(Call call) {
        requireAdmin(call);
        return json.ok(Map.of("users", users.list().stream().map(UserRoutes::view).toList()));
    }

    private Response get(Call call) {
        requireAdmin(call);
        return json.ok(view(users.get(id(call))));
    }

    private Response create(Call call) {
        Principal admin = requireAdmin(call);
        Body body = json.body(call.request());
        UserService.NewUser draft = new UserService.NewUser(body.requiredText("username", 64),
                body.optionalText("displayName", 100), AuthRoutes.password(body, "password"),
                body.has("roles") ? roles(body) : List.of());
        UserAccount created = users.create(admin.username(), draft);
        return json.created(view(created), "/api/v1/users/" + created.id());
    }

    private Response disable(Call call) {
        Principal admin = requireAdmin(call);
        return json.ok(view(users.disable(admin, id(call))));
    }

    private Response enable(Call call) {
        Principal admin = requireAdmin(call);
        return json.ok(view(users.enable(admin.username(), id(call))));
    }

    private Response resetPassword(Call call) {
        Principal admin = requireAdmin(call);
        long id = id(call);
        String password = AuthRoutes.password(json.body(call.request()), "password");
        return json.ok(view(users.resetPassword(admin.username(), id, password)));
    }

    private Response replaceRoles(Call call) {
        Principal admin = requireAdmin(call);
        long id = id(call);
        Body body = json.body(call.request());
        if (!body.has("roles")) {
            throw ApiException.invalid("field 'roles' is required: a list of {\"role\", \"areaId\"}, [] for none");
        }
        return json.ok(view(users.replaceRoles(admin.username(), id, roles(body))));
    }

    /** Only administrators manage users. (To be replaced by the shared role and area check.) */
    private Principal requireAdmin(Call call) {
        access.require(call.principal(), Permission.MANAGE_USERS);
        return call.principal();
    }

    private static long id(Call call) {
        String id = call.request().pathParam("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no user with id '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
                    + "'");
        }
    }

    /** {@code "roles": [{"role": "scheduler", "areaId": 3}, {"role": "admin"}]}. */
    private static List<RoleGrant> roles(Body body) {
        JsonNode value = body.node("roles");
        if (value == null || !value.isArray()) {
            throw ApiException.invalid("field 'roles' must be a list of {\"role\", \"areaId\"}");
        }
        List<RoleGrant> roles = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode grant = value.get(i);
            String where = "roles[" + i + "]";
            if (!grant.isObject() || !grant.path("role").isTextual()) {
                throw ApiException.invalid("field '" + where + "' must be {\"role\": text, \"areaId\": area id}");
            }
            JsonNode area = grant.get("areaId");
            if (area != null && !area.isNull() && !(area.isIntegralNumber() && area.canConvertToLong())) {
                throw ApiException.invalid("field '" + where + ".areaId' must be an area id");
            }
            roles.add(new RoleGrant(grant.get("role").textValue().strip(),
                    area == null || area.isNull() ? null : area.longValue()));
        }
        return roles;
    }

    private static Map<String, Object> view(UserAccount account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", account.id());
        view.put("username", account.username());
        view.put("displayName", account.displayName());
        view.put("roles", account.roles());
        view.put("disabled", account.disabled());
        putIfSet(view, "disabledAt", account.disabledAt());
        view.put("createdAt", account.createdAt());
        view.put("passwordChangedAt", account.passwordChangedAt());
        view.put("failedLogins", account.failedLogins());
        putIfSet(view, "lockedUntil", account.lockedUntil());
        return view;
    }

    private static void putIfSet(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}

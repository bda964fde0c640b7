package vn.loa.controller.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An account. Roles are scoped to areas (a later issue enforces them). */
public record User(long id, String username, String displayName, Instant createdAt, Instant disabledAt,
                   List<RoleGrant> roles) {
    public User {
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}

package vn.loa.controller.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An account as administrators see it: never its password hash. {@code lockedUntil} is set only
 * while a lock lasts; {@code failedLogins} counts wrong passwords since the last success or lock.
 */
public record UserAccount(long id, String username, String displayName, Instant createdAt, Instant disabledAt,
                          Instant passwordChangedAt, List<RoleGrant> roles, int failedLogins, Instant lockedUntil) {
    public UserAccount {
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}

package vn.loa.controller.auth;

import java.time.Instant;
import java.util.List;

/** Who is making an API request, from their bearer token. */
public record Principal(long userId, String username, List<RoleGrant> roles, Instant sessionExpiresAt) {
    public Principal {
        roles = List.copyOf(roles);
    }
}

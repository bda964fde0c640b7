package vn.loa.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCacheTest {
    private final SessionCache cache = new SessionCache();
    private final Principal alice = new Principal(7, "alice", List.of(), Instant.parse("2026-11-23T12:00:00Z"));

    @Test
    void aSessionReadBeforeARevocationIsNotKeptAfterIt() {
        long before = cache.revocations();
        // The session was read from the database as live; meanwhile an administrator revoked it.
        cache.forgetUser(alice.userId());
        cache.keep("hash-a", alice, before);
        assertThat(cache.get("hash-a")).isNull();
    }

    @Test
    void aSessionReadWithNoRevocationSinceIsKeptUntilItsUserIsRevoked() {
        cache.keep("hash-a", alice, cache.revocations());
        cache.keep("hash-b", new Principal(8, "bob", List.of(), alice.sessionExpiresAt()), cache.revocations());
        assertThat(cache.get("hash-a")).isEqualTo(alice);
        cache.forgetUser(alice.userId());
        assertThat(cache.get("hash-a")).isNull();
        assertThat(cache.get("hash-b")).isNotNull();
        cache.forget("hash-b");
        assertThat(cache.get("hash-b")).isNull();
    }
}

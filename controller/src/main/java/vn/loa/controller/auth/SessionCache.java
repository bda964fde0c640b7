package vn.loa.controller.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live sessions in memory, by token hash, so that authenticating a request does not touch the
 * database. A revocation is written to the database first, then {@link #forget} or
 * {@link #forgetUser} is called; a principal read from the database before a revocation and cached
 * after it is dropped at once ({@link #keep} compares revocation counts), so the cache never keeps
 * a revoked token alive. Thread-safe.
 */
final class SessionCache {
    private static final int MAX_CACHED_SESSIONS = 100_000;

    private final ConcurrentHashMap<String, Principal> sessions = new ConcurrentHashMap<>();
    private final AtomicLong revocations = new AtomicLong();

    Principal get(String tokenHash) {
        return sessions.get(tokenHash);
    }

    /** The revocation count, read before a session is read from the database. */
    long revocations() {
        return revocations.get();
    }

    /** Caches a principal read from the database when the revocation count was {@code revocationsBefore}. */
    void keep(String tokenHash, Principal principal, long revocationsBefore) {
        if (sessions.size() >= MAX_CACHED_SESSIONS) {
            sessions.clear();
        }
        sessions.put(tokenHash, principal);
        if (revocations.get() != revocationsBefore) {
            sessions.remove(tokenHash, principal);
        }
    }

    /** Drops one session (logged out or expired). */
    void forget(String tokenHash) {
        revocations.incrementAndGet();
        sessions.remove(tokenHash);
    }

    /** Drops every session of a user (revoked, or their roles changed and must be read again). */
    void forgetUser(long userId) {
        revocations.incrementAndGet();
        sessions.values().removeIf(principal -> principal.userId() == userId);
    }
}

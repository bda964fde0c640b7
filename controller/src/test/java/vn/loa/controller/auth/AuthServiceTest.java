package vn.loa.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditEntry;
import vn.loa.controller.audit.AuditFilter;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.Json;

class AuthServiceTest {
    private static final LoginPolicy POLICY = new LoginPolicy(Duration.ofHours(12), 3, Duration.ofMinutes(15), 10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private Database database;
    private AuthService auth;

    private AuditLog audit;

    @BeforeEach
    void setUp() {
        database = Database.open(dir.resolve("loa.db"), clock);
        audit = new AuditLog(database, clock, Json.strictMapper(64 * 1024));
        auth = new AuthService(database, new PasswordHasher(), clock, POLICY, audit);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void firstStartCreatesAdminOnceWithTheGivenPassword() {
        assertThat(auth.bootstrapAdmin("correct horse")).isEmpty();
        assertThat(auth.bootstrapAdmin("another password")).isEmpty();
        assertThat(auth.login("admin", "correct horse").principal().roles())
                .containsExactly(new RoleGrant("admin", null));
        assertThatThrownBy(() -> auth.login("admin", "another password")).isInstanceOf(ApiException.class);
    }

    @Test
    void firstStartWithoutPasswordGeneratesOne() {
        String generated = auth.bootstrapAdmin(null).orElseThrow();
        assertThat(generated).hasSize(16);
        assertThat(auth.login("admin", generated).token()).isNotBlank();
    }

    @Test
    void tooShortAdminPasswordIsRefused() {
        assertThatThrownBy(() -> auth.bootstrapAdmin("short")).hasMessageContaining("at least 8");
    }

    @Test
    void passwordsAreStoredAsSaltedArgon2idHashes() {
        PasswordHasher hasher = new PasswordHasher();
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");
        assertThat(first).startsWith("$argon2id$").isNotEqualTo(second);
        assertThat(hasher.verify("same password", first)).isTrue();
        assertThat(hasher.verify("other password", first)).isFalse();
        assertThat(hasher.verify("same password", "not a hash")).isFalse();
    }

    @Test
    void tokenWorksUntilItExpires() {
        auth.bootstrapAdmin("correct horse");
        String token = auth.login("admin", "correct horse").token();
        assertThat(auth.authenticate(token).username()).isEqualTo("admin");
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertThatThrownBy(() -> auth.authenticate(token)).isInstanceOf(ApiException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void loggedOutTokenIsRefused() {
        auth.bootstrapAdmin("correct horse");
        String token = auth.login("admin", "correct horse").token();
        auth.logout(token);
        assertThatThrownBy(() -> auth.authenticate(token)).isInstanceOf(ApiException.class);
    }

    @Test
    void tokenSurvivesARestartButOnlyItsHashIsStored() {
        auth.bootstrapAdmin("correct horse");
        String token = auth.login("admin", "correct horse").token();
        AuthService restarted = new AuthService(database, new PasswordHasher(), clock, Duration.ofHours(12));
        assertThat(restarted.authenticate(token).username()).isEqualTo("admin");
        String stored = database.read(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT token_hash FROM sessions")) {
                rows.next();
                return rows.getString(1);
            }
        });
        assertThat(stored).isNotEqualTo(token).hasSize(64);
    }

    @Test
    void wrongPasswordsInARowLockTheAccountEvenAgainstTheRightPassword() {
        auth.bootstrapAdmin("correct horse");
        assertRefused(() -> auth.login("admin", "wrong 1", "192.0.2.1"), 401);
        assertRefused(() -> auth.login("admin", "wrong 2", "192.0.2.1"), 401);
        ApiException lock = assertRefused(() -> auth.login("admin", "wrong 3", "192.0.2.1"), 423);
        assertThat(lock.code()).isEqualTo("account_locked");
        assertThat(lock.getMessage()).contains("locked after 3 failed logins until 2026-11-23T01:15:00Z");
        ApiException refused = assertRefused(() -> auth.login("admin", "correct horse", "192.0.2.1"), 423);
        assertThat(refused.code()).isEqualTo("account_locked");
    }

    @Test
    void lockEndsAfterTheLockoutPeriod() {
        auth.bootstrapAdmin("correct horse");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> auth.login("admin", "wrong")).isInstanceOf(ApiException.class);
        }
        clock.advance(Duration.ofMinutes(14));
        assertRefused(() -> auth.login("admin", "correct horse"), 423);
        clock.advance(Duration.ofMinutes(1));
        assertThat(auth.login("admin", "correct horse").token()).isNotBlank();
    }

    @Test
    void successStartsTheCountAgain() {
        auth.bootstrapAdmin("correct horse");
        assertRefused(() -> auth.login("admin", "wrong"), 401);
        assertRefused(() -> auth.login("admin", "wrong"), 401);
        auth.login("admin", "correct horse");
        assertRefused(() -> auth.login("admin", "wrong"), 401);
        assertRefused(() -> auth.login("admin", "wrong"), 401);
        assertThat(auth.login("admin", "correct horse").token()).isNotBlank();
    }

    @Test
    void lockSurvivesARestart() {
        auth.bootstrapAdmin("correct horse");
        assertRefused(() -> auth.login("admin", "wrong"), 401);
        assertRefused(() -> auth.login("admin", "wrong"), 401);
        AuthService restarted = new AuthService(database, new PasswordHasher(), clock, POLICY, audit);
        assertRefused(() -> restarted.login("admin", "wrong"), 423);
        AuthService again = new AuthService(database, new PasswordHasher(), clock, POLICY, audit);
        assertRefused(() -> again.login("admin", "correct horse"), 423);
    }

    @Test
    void anAddressWithTooManyFailuresIsRefusedForThePeriod() {
        auth.bootstrapAdmin("correct horse");
        for (int i = 0; i < 10; i++) {
            String username = "nobody-" + i;
            assertRefused(() -> auth.login(username, "guess", "198.51.100.7"), 401);
        }
        ApiException refused = assertRefused(() -> auth.login("admin", "correct horse", "198.51.100.7"), 429);
        assertThat(refused.code()).isEqualTo("too_many_attempts");
        assertThat(auth.login("admin", "correct horse", "198.51.100.8").token()).isNotBlank();
        clock.advance(Duration.ofMinutes(15));
        assertThat(auth.login("admin", "correct horse", "198.51.100.7").token()).isNotBlank();
    }

    @Test
    void loginsFailuresAndLocksAreAudited() {
        auth.bootstrapAdmin("correct horse");
        auth.login("admin", "correct horse", "192.0.2.1");
        assertRefused(() -> auth.login("ghost", "whatever", "192.0.2.1"), 401);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> auth.login("admin", "wrong", "192.0.2.2")).isInstanceOf(ApiException.class);
        }
        List<AuditEntry> entries = audit.read(new AuditFilter(null, null, null, "auth", null, 0, 100));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("auth.account-locked",
                "auth.login-failed", "auth.login-failed", "auth.login-failed", "auth.login-failed", "auth.login");
        AuditEntry unknown = entries.get(4);
        assertThat(unknown.subject()).isEqualTo("ghost");
        assertThat(unknown.detail()).containsEntry("reason", "unknown user").containsEntry("address", "192.0.2.1");
        assertThat(entries.get(1).detail()).containsEntry("reason", "wrong password");
        assertThat(entries.get(0).detail()).containsEntry("lockedUntil", "2026-11-23T01:15:00Z");
        assertThat(entries.get(5).actor()).isEqualTo("admin");
    }

    @Test
    void logoutIsAudited() {
        auth.bootstrapAdmin("correct horse");
        auth.logout(auth.login("admin", "correct horse").token());
        assertThat(audit.read(new AuditFilter(null, null, "admin", "auth.logout", null, 0, 10))).hasSize(1);
    }

    @Test
    void aCachedTokenIsRefusedOnceItsSessionsAreRevoked() {
        auth.bootstrapAdmin("correct horse");
        String token = auth.login("admin", "correct horse").token();
        Principal principal = auth.authenticate(token);
        database.transaction(c -> {
            auth.revokeSessions(c, principal.userId(), null);
            return null;
        });
        auth.forgetSessions(principal.userId());
        assertThatThrownBy(() -> auth.authenticate(token)).isInstanceOf(ApiException.class)
                .hasMessageContaining("revoked");
    }

    private static ApiException assertRefused(Runnable login, int status) {
        try {
            login.run();
        } catch (ApiException e) {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            return e;
        }
        throw new AssertionError("expected a refusal with status " + status);
    }
}

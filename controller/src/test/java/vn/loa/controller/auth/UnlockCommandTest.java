package vn.loa.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditFilter;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.config.ConfigException;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.Json;

class UnlockCommandTest {
    private static final LoginPolicy POLICY = new LoginPolicy(Duration.ofHours(12), 3, Duration.ofMinutes(15), 100);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));

    @Test
    void aLockedAdministratorCanLogInAgainAfterAnUnlockFromTheConsole() {
        ControllerConfig config = ControllerConfig.ephemeral(dir);
        try (Database database = Database.open(dir.resolve("loa.db"), clock)) {
            AuditLog audit = new AuditLog(database, clock, Json.strictMapper(64 * 1024));
            AuthService auth = new AuthService(database, new PasswordHasher(), clock, POLICY, audit);
            auth.bootstrapAdmin("correct horse battery");
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> auth.login("admin", "wrong", "192.0.2.1")).isInstanceOf(ApiException.class);
            }
            assertThatThrownBy(() -> auth.login("admin", "correct horse battery", "192.0.2.2"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(423));

            UnlockCommand.run(config, "admin", clock);

            assertThat(auth.login("admin", "correct horse battery", "192.0.2.2").token()).isNotEmpty();
            assertThat(audit.read(new AuditFilter(null, null, "console", "auth.unlock", null, 0, 10))).hasSize(1);
        }
    }

    @Test
    void anUnknownUserOrAMissingDatabaseIsAClearError() {
        ControllerConfig config = ControllerConfig.ephemeral(dir);
        assertThatThrownBy(() -> UnlockCommand.run(config, "admin", clock)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no database at");
        try (Database database = Database.open(dir.resolve("loa.db"), clock)) {
            database.read(connection -> null);
        }
        assertThatThrownBy(() -> UnlockCommand.run(config, "nobody", clock)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no user 'nobody'");
    }
}

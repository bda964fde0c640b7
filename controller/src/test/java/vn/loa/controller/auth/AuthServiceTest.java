package vn.loa.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;

class AuthServiceTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private Database database;
    private AuthService auth;

    @BeforeEach
    void setUp() {
        database = Database.open(dir.resolve("loa.db"), clock);
        auth = new AuthService(database, new PasswordHasher(), clock, Duration.ofHours(12));
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
}

package vn.loa.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditEntry;
import vn.loa.controller.audit.AuditFilter;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.Json;

class UserServiceTest {
    private static final String PASSWORD = "a long enough secret";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private Database database;
    private AuditLog audit;
    private AuthService auth;
    private UserService users;
    private Area province;
    private Area commune;
    private Principal admin;

    @BeforeEach
    void setUp() {
        database = Database.open(dir.resolve("loa.db"), clock);
        audit = new AuditLog(database, clock, Json.strictMapper(64 * 1024));
        auth = new AuthService(database, new PasswordHasher(), clock,
                new LoginPolicy(Duration.ofHours(12), 3, Duration.ofMinutes(15), 0), audit);
        AreaService areas = new AreaService(database, clock);
        users = new UserService(database, clock, auth, areas, audit);
        province = areas.create(null, "Tỉnh Mẫu", "MAU", AreaLevel.PROVINCE);
        commune = areas.create(province.id(), "Xã Mẫu", "MAU-01", AreaLevel.COMMUNE);
        auth.bootstrapAdmin("correct horse");
        admin = auth.login("admin", "correct horse").principal();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void createdUserLogsInWithTheirRoles() {
        UserAccount created = users.create("admin", new UserService.NewUser("an.nguyen", "Nguyễn An", PASSWORD,
                List.of(new RoleGrant("scheduler", province.id()), new RoleGrant("operator", commune.id()))));
        assertThat(created.displayName()).isEqualTo("Nguyễn An");
        assertThat(auth.login("an.nguyen", PASSWORD).principal().roles()).containsExactlyInAnyOrder(
                new RoleGrant("scheduler", province.id()), new RoleGrant("operator", commune.id()));
        AuditEntry entry = audit.read(new AuditFilter(null, null, "admin", "user.create", null, 0, 10)).get(0);
        assertThat(entry.subject()).isEqualTo("an.nguyen");
        assertThat(entry.detail()).containsKey("roles");
    }

    @Test
    void duplicateUsernameIsAConflictWhateverItsCase() {
        users.create("admin", new UserService.NewUser("an", null, PASSWORD, List.of()));
        assertStatus(() -> users.create("admin", new UserService.NewUser("AN", null, PASSWORD, List.of())), 409);
    }

    @Test
    void rolesAreCheckedAgainstTheAreas() {
        assertInvalid(List.of(new RoleGrant("king", null)), "unknown role 'king'");
        assertInvalid(List.of(new RoleGrant("admin", province.id())), "the admin role holds everywhere");
        assertInvalid(List.of(new RoleGrant("scheduler", null)), "'roles[0].areaId' is required");
        assertInvalid(List.of(new RoleGrant("technician", 999L)), "no area with id 999");
        assertInvalid(List.of(new RoleGrant("operator", province.id())), "an operator works for one commune");
    }

    @Test
    void weakPasswordIsRefused() {
        assertThatThrownBy(() -> users.create("admin", new UserService.NewUser("an", null, "short", List.of())))
                .hasMessageContaining("at least 10 characters");
    }

    @Test
    void disablingRevokesEverySessionAtOnceEvenCachedOnes() {
        long id = users.create("admin", new UserService.NewUser("an", null, PASSWORD, List.of())).id();
        String first = auth.login("an", PASSWORD).token();
        String second = auth.login("an", PASSWORD).token();
        auth.authenticate(first);
        auth.authenticate(second);
        users.disable(admin, id);
        assertStatus(() -> auth.authenticate(first), 401);
        assertStatus(() -> auth.authenticate(second), 401);
        assertStatus(() -> auth.login("an", PASSWORD), 401);
        users.enable("admin", id);
        assertThat(auth.login("an", PASSWORD).token()).isNotBlank();
        assertThat(audit.read(new AuditFilter(null, null, "admin", "user", "an", 0, 10)))
                .extracting(AuditEntry::action).containsExactly("user.enable", "user.disable", "user.create");
    }

    @Test
    void passwordResetRevokesSessionsAndLiftsTheLock() {
        long id = users.create("admin", new UserService.NewUser("an", null, PASSWORD, List.of())).id();
        String token = auth.login("an", PASSWORD).token();
        auth.authenticate(token);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> auth.login("an", "wrong")).isInstanceOf(ApiException.class);
        }
        assertThat(users.get(id).lockedUntil()).isEqualTo(Instant.parse("2026-11-23T01:15:00Z"));
        users.resetPassword("admin", id, "another long secret");
        assertStatus(() -> auth.authenticate(token), 401);
        assertStatus(() -> auth.login("an", PASSWORD), 401);
        assertThat(auth.login("an", "another long secret").token()).isNotBlank();
        assertThat(users.get(id).lockedUntil()).isNull();
    }

    @Test
    void replacedRolesReachCachedSessionsAndAreAuditedBeforeAndAfter() {
        long id = users.create("admin", new UserService.NewUser("an", null, PASSWORD,
                List.of(new RoleGrant("operator", commune.id())))).id();
        String token = auth.login("an", PASSWORD).token();
        assertThat(auth.authenticate(token).roles()).containsExactly(new RoleGrant("operator", commune.id()));
        users.replaceRoles("admin", id, List.of(new RoleGrant("technician", province.id())));
        assertThat(auth.authenticate(token).roles()).containsExactly(new RoleGrant("technician", province.id()));
        Map<String, Object> detail = audit.read(new AuditFilter(null, null, null, "user.roles", "an", 0, 1)).get(0)
                .detail();
        assertThat(detail.get("before")).asString().contains("operator");
        assertThat(detail.get("after")).asString().contains("technician");
    }

    @Test
    void theLastEnabledAdministratorStays() {
        assertStatus(() -> users.disable(admin, admin.userId()), 409);
        assertStatus(() -> users.replaceRoles("admin", admin.userId(), List.of()), 409);
        long other = users.create("admin", new UserService.NewUser("second", null, PASSWORD,
                List.of(new RoleGrant("admin", null)))).id();
        users.replaceRoles("admin", admin.userId(), List.of());
        assertStatus(() -> users.replaceRoles("second", other, List.of()), 409);
    }

    @Test
    void ownPasswordChangeNeedsTheCurrentOneAndKeepsOnlyThisSession() {
        users.create("admin", new UserService.NewUser("an", null, PASSWORD, List.of()));
        AuthService.Session here = auth.login("an", PASSWORD);
        String elsewhere = auth.login("an", PASSWORD).token();
        assertStatus(() -> users.changeOwnPassword(here.principal(), here.token(), "not it", "fresh long secret",
                null), 403);
        assertStatus(() -> users.changeOwnPassword(here.principal(), here.token(), PASSWORD, PASSWORD,
                null), 400);
        users.changeOwnPassword(here.principal(), here.token(), PASSWORD, "fresh long secret", null);
        assertThat(auth.authenticate(here.token()).username()).isEqualTo("an");
        assertStatus(() -> auth.authenticate(elsewhere), 401);
        assertThat(auth.login("an", "fresh long secret").token()).isNotBlank();
        assertThat(audit.read(new AuditFilter(null, null, "an", "auth.password-change", null, 0, 1))).hasSize(1);
    }

    @Test
    void unknownUserIsNotFound() {
        assertStatus(() -> users.get(999), 404);
        assertStatus(() -> users.enable("admin", 999), 404);
    }

    private void assertInvalid(List<RoleGrant> roles, String message) {
        assertThatThrownBy(() -> users.create("admin", new UserService.NewUser("an", null, PASSWORD, roles)))
                .isInstanceOf(ApiException.class).hasMessageContaining(message);
    }

    private static void assertStatus(Runnable action, int status) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).as(e.getMessage()).isEqualTo(status));
    }
}

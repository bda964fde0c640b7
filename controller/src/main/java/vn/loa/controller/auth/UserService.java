package vn.loa.controller.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.store.Database;

/**
 * Accounts, as administrators manage them: create, disable, enable, reset a password, replace the
 * roles; and a user changing their own password. Disabling and resetting revoke the account's
 * sessions at once; every change is in the audit log with the administrator as actor, written in
 * the change's transaction. The system keeps at least one enabled administrator.
 */
public final class UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    /** Names the controller itself writes as the actor in the audit log: no account may pose as it. */
    private static final Set<String> RESERVED = Set.of("system", "anonymous", "api", "cap", "controller");

    private final Database database;
    private final Clock clock;
    private final AuthService auth;
    private final AuditLog audit;
    private final RoleRules roleRules;
    private final PasswordRules passwordRules = new PasswordRules();
    private final AccountRepository accounts = new AccountRepository();

    public UserService(Database database, Clock clock, AuthService auth, AreaService areas, AuditLog audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.roleRules = new RoleRules(Objects.requireNonNull(areas, "areas"));
    }

    /** What an administrator gives to create an account. */
    public record NewUser(String username, String displayName, String password, List<RoleGrant> roles) {
        public NewUser {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            roles = List.copyOf(roles);
        }
    }

    public List<UserAccount> list() {
        return database.read(accounts::all).stream().map(this::shown).toList();
    }

    public UserAccount get(long id) {
        return shown(database.read(c -> require(c, id)));
    }

    public UserAccount create(String actor, NewUser draft) {
        if (!USERNAME.matcher(draft.username()).matches()) {
            throw ApiException.invalid("field 'username' must be 2-64 letters, digits or . _ @ -, "
                    + "starting with a letter or digit");
        }
        if (RESERVED.contains(draft.username().toLowerCase(Locale.ROOT))) {
            throw ApiException.invalid("the username '" + draft.username() + "' is reserved for the controller's own "
                    + "entries in the audit log: choose another");
        }
        passwordRules.check(draft.username(), draft.password());
        List<RoleGrant> roles = roleRules.check(draft.roles());
        String displayName = draft.displayName() == null ? draft.username() : draft.displayName();
        String hash = auth.hasher().hash(draft.password());
        Instant now = clock.instant();
        long id = database.transaction(c -> {
            if (accounts.usernameTaken(c, draft.username())) {
                throw ApiException.conflict("the username '" + draft.username() + "' is taken");
            }
            long created = accounts.insert(c, draft.username(), displayName, hash, now, roles);
            Map<String, Object> detail = detail(created);
            detail.put("displayName", displayName);
            detail.put("roles", roles);
            audit.append(c, actor, "user.create", draft.username(), detail);
            return created;
        });
        LOG.info("User '{}' created by '{}'", draft.username(), actor);
        return get(id);
    }

    /** Disables an account and revokes its sessions; an administrator cannot disable their own account. */
    public UserAccount disable(Principal actor, long id) {
        if (actor.userId() == id) {
            throw ApiException.conflict("you cannot disable your own account");
        }
        return change(actor.username(), id, "user.disable", (c, user) -> {
            if (!user.disabled()) {
                requireAnotherAdmin(c, user, "disabling");
                accounts.setDisabled(c, id, clock.instant());
            }
            auth.revokeSessions(c, id, null);
        });
    }

    /** Enables an account again, and lifts a lock. */
    public UserAccount enable(String actor, long id) {
        return change(actor, id, "user.enable", (c, user) -> {
            accounts.setDisabled(c, id, null);
            auth.guard().unlock(c, id);
        });
    }

    /** Sets a new password, revokes every session of the account and lifts a lock. */
    public UserAccount resetPassword(String actor, long id, String password) {
        UserAccount target = get(id);
        passwordRules.check(target.username(), password);
        String hash = auth.hasher().hash(password);
        return change(actor, id, "user.password-reset", (c, user) -> {
            accounts.setPassword(c, id, hash, clock.instant());
            auth.guard().unlock(c, id);
            auth.revokeSessions(c, id, null);
        });
    }

    /** Replaces every role of an account; the audit entry has the roles before and after. */
    public UserAccount replaceRoles(String actor, long id, List<RoleGrant> roles) {
        List<RoleGrant> checked = roleRules.check(roles);
        return change(actor, id, "user.roles", (c, user) -> {
            if (checked.stream().noneMatch(grant -> "admin".equals(grant.role()))) {
                requireAnotherAdmin(c, user, "taking the admin role from");
            }
            accounts.replaceRoles(c, id, checked);
        }, before -> Map.of("before", before.roles(), "after", checked));
    }

    /**
     * A user changes their own password, giving the current one (a wrong one counts as a failed
     * login). Their other sessions are revoked; the one making the change stays.
     */
    public void changeOwnPassword(Principal who, String token, String current, String next, String address) {
        UserAccount account = get(who.userId());
        User user = new User(account.id(), account.username(), account.displayName(), account.createdAt(),
                account.disabledAt(), account.roles());
        auth.guard().checkAccount(user);
        String stored = database.read(c -> accounts.passwordHash(c, who.userId()));
        if (!auth.hasher().verify(current, stored)) {
            ApiException refusal = auth.guard().wrongPassword(user, who.username(), "wrong current password",
                    address);
            throw refusal.status() == 401 ? ApiException.forbidden("the current password is wrong") : refusal;
        }
        passwordRules.check(account.username(), next);
        if (current.equals(next)) {
            throw ApiException.badRequest("weak_password", "the new password must differ from the current one");
        }
        String hash = auth.hasher().hash(next);
        database.transaction(c -> {
            accounts.setPassword(c, who.userId(), hash, clock.instant());
            auth.revokeSessions(c, who.userId(), token);
            audit.append(c, who.username(), "auth.password-change", who.username(), detail(who.userId()));
            return null;
        });
        auth.forgetSessions(who.userId());
        LOG.info("User '{}' changed their password", who.username());
    }

    /** A change of one account inside a transaction, audited; the account's cached sessions are dropped after. */
    private interface Change {
        void apply(Connection connection, UserAccount account) throws SQLException;
    }

    private UserAccount change(String actor, long id, String action, Change change) {
        return change(actor, id, action, change, before -> Map.of());
    }

    private UserAccount change(String actor, long id, String action, Change change,
                               Function<UserAccount, Map<String, Object>> extra) {
        UserAccount account = database.transaction(c -> {
            UserAccount before = require(c, id);
            change.apply(c, before);
            Map<String, Object> detail = detail(id);
            detail.putAll(extra.apply(before));
            audit.append(c, actor, action, before.username(), detail);
            return require(c, id);
        });
        auth.forgetSessions(id);
        LOG.info("Account '{}': {} by '{}'", account.username(), action, actor);
        return shown(account);
    }

    private void requireAnotherAdmin(Connection connection, UserAccount user, String what) throws SQLException {
        boolean admin = user.roles().stream().anyMatch(grant -> "admin".equals(grant.role()));
        if (admin && accounts.enabledAdminsOtherThan(connection, user.id()) == 0) {
            throw ApiException.conflict(what + " '" + user.username() + "' would leave no enabled administrator");
        }
    }

    private UserAccount require(Connection connection, long id) throws SQLException {
        return accounts.find(connection, id).orElseThrow(() -> ApiException.notFound("no user with id " + id));
    }

    /** The account with a lock shown only while it lasts. */
    private UserAccount shown(UserAccount account) {
        if (account.lockedUntil() == null || account.lockedUntil().isAfter(clock.instant())) {
            return account;
        }
        return new UserAccount(account.id(), account.username(), account.displayName(), account.createdAt(),
                account.disabledAt(), account.passwordChangedAt(), account.roles(), account.failedLogins(), null);
    }

    private static Map<String, Object> detail(long userId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("userId", userId);
        return detail;
    }
}

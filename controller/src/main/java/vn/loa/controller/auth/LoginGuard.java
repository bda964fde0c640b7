package vn.loa.controller.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.store.Database;
import vn.loa.controller.text.Printable;

/**
 * Failed logins: counts them per account and per client address in the database (a restart
 * forgets nothing), locks an account after {@link LoginPolicy#maxFailedLogins} wrong passwords in
 * a row, refuses an address after {@link LoginPolicy#maxFailedLoginsPerAddress} failures, and
 * writes the security audit entries. Refusals of a locked account or a refused address are logged
 * but not audited (the lock is), so that a flood of them cannot fill the audit log.
 */
final class LoginGuard {
    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);
    /** The actor of a failed login: nobody has proved who they are. */
    static final String ANONYMOUS = "anonymous";

    private final Database database;
    private final Clock clock;
    private final LoginPolicy policy;
    private final AuditLog audit;
    private final LoginAttempts attempts = new LoginAttempts();

    LoginGuard(Database database, Clock clock, LoginPolicy policy, AuditLog audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Refuses ({@code 429 too_many_attempts}) an address with too many failed logins in the current period. */
    void checkAddress(String address) {
        if (address == null || policy.maxFailedLoginsPerAddress() == 0) {
            return;
        }
        Optional<LoginAttempts.AddressWindow> window = database.read(c -> attempts.addressWindow(c, address));
        if (window.isPresent() && window.get().failures() >= policy.maxFailedLoginsPerAddress()) {
            Instant end = window.get().startedAt().plus(policy.lockout());
            if (end.isAfter(clock.instant())) {
                LOG.info("Login refused from {}: too many failed logins from this address", address);
                throw new ApiException(429, "too_many_attempts", "too many failed logins from this address; "
                        + "try again after " + end);
            }
        }
    }

    /** Refuses ({@code 423 account_locked}) a locked account, whatever the password. */
    void checkAccount(User user) {
        Optional<Instant> until = database.read(c -> attempts.lockedUntil(c, user.id()));
        if (until.isPresent() && until.get().isAfter(clock.instant())) {
            LOG.info("Login refused for user '{}': account locked until {}", user.username(), until.get());
            throw locked(user.username(), until.get());
        }
    }

    /** An unknown username: audited, counted for the address; the refusal to throw. */
    ApiException unknownUser(String username, String address) {
        return failed(ANONYMOUS, username, null, "unknown user", address,
                ApiException.unauthorized("wrong username or password"));
    }

    /**
     * A wrong password: audited (with {@code actor}: {@link #ANONYMOUS} at a login, the user when
     * they change their password), counted for the account and the address; a 401, or a 423 if it
     * locks the account.
     */
    ApiException wrongPassword(User user, String actor, String reason, String address) {
        return failed(actor, user.username(), user, reason, address,
                ApiException.unauthorized("wrong username or password"));
    }

    /** A refusal that is not a guess (a disabled account with the right password): audited only. */
    ApiException refused(User user, String reason, String address, ApiException refusal) {
        return database.transaction(c -> {
            audit.append(c, ANONYMOUS, "auth.login-failed", user.username(), detail(user.username(), reason, address));
            return refusal;
        });
    }

    /** A successful login, inside its transaction: refused if a parallel failure locked the account meanwhile. */
    void succeeded(Connection connection, User user, String address) throws SQLException {
        Optional<Instant> until = attempts.lockedUntil(connection, user.id());
        if (until.isPresent() && until.get().isAfter(clock.instant())) {
            throw locked(user.username(), until.get());
        }
        attempts.setLock(connection, user.id(), null);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (address != null) {
            detail.put("address", address);
        }
        audit.append(connection, user.username(), "auth.login", user.username(), detail);
    }

    /** Lifts an account's lock and starts its count again (a password reset, an enabling). */
    void unlock(Connection connection, long userId) throws SQLException {
        attempts.setLock(connection, userId, null);
    }

    private ApiException failed(String actor, String username, User user, String reason, String address,
                                ApiException refusal) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String shown = Printable.of(username, 64);
        LOG.info("Login refused for user '{}': {}", shown, reason);
        return database.transaction(c -> {
            audit.append(c, actor, "auth.login-failed", shown, detail(shown, reason, address));
            countForAddress(c, address, now);
            if (user == null) {
                return refusal;
            }
            int failures = attempts.addFailure(c, user.id());
            if (failures < policy.maxFailedLogins()) {
                return refusal;
            }
            Instant until = now.plus(policy.lockout());
            attempts.setLock(c, user.id(), until);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("failedLogins", failures);
            detail.put("lockedUntil", until.toString());
            audit.append(c, "system", "auth.account-locked", user.username(), detail);
            LOG.warn("Account '{}' locked until {} after {} failed logins", user.username(), until, failures);
            return locked(user.username(), until);
        });
    }

    private void countForAddress(Connection connection, String address, Instant now) throws SQLException {
        if (address == null || policy.maxFailedLoginsPerAddress() == 0) {
            return;
        }
        int failures = attempts.addAddressFailure(connection, address, now, now.minus(policy.lockout()));
        if (failures == policy.maxFailedLoginsPerAddress()) {
            Instant end = attempts.addressWindow(connection, address).orElseThrow().startedAt().plus(policy.lockout());
            audit.append(connection, "system", "auth.address-refused", address,
                    Map.of("failedLogins", failures, "refusedUntil", end.toString()));
            LOG.warn("Logins from {} refused until {} after {} failures", address, end, failures);
        }
    }

    private ApiException locked(String username, Instant until) {
        return new ApiException(423, "account_locked", "the account '" + username + "' is locked after "
                + policy.maxFailedLogins() + " failed logins until " + until
                + "; try again then, or ask an administrator to reset its password");
    }

    private static Map<String, Object> detail(String username, String reason, String address) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("username", username);
        detail.put("reason", reason);
        if (address != null) {
            detail.put("address", address);
        }
        return detail;
    }
}

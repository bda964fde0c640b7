package vn.loa.controller.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.config.ConfigException;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.store.Database;

/**
 * {@code loa-controller unlock --config FILE --user NAME}: lifts a locked account's lock from the
 * controller's machine, for when every administrator is locked out (anyone can lock an account by
 * guessing wrong passwords). Runs against the database file, also while the controller runs; the
 * audit log records it with the actor {@code console}.
 */
public final class UnlockCommand {
    private static final Logger LOG = LoggerFactory.getLogger(UnlockCommand.class);

    private UnlockCommand() {
    }

    /** Unlocks the account; a ConfigException when there is no database or no such user. */
    public static void run(ControllerConfig config, String username, Clock clock) {
        Path databaseFile = config.dataDir().resolve("loa.db");
        if (!Files.isRegularFile(databaseFile)) {
            throw new ConfigException("no database at " + databaseFile + ": is 'dataDir' the controller's?");
        }
        try (Database database = Database.open(databaseFile, clock)) {
            AuditLog audit = new AuditLog(database, clock, new ApiJson(64 * 1024).mapper());
            UserRepository users = new UserRepository();
            LoginAttempts attempts = new LoginAttempts();
            String found = database.transaction(connection -> {
                User user = users.findByUsername(connection, username).map(UserRepository.Credentials::user)
                        .orElseThrow(() -> new ConfigException("no user '" + username + "'"));
                boolean locked = attempts.lockedUntil(connection, user.id()).isPresent();
                attempts.setLock(connection, user.id(), null);
                audit.append(connection, "console", "auth.unlock", user.username(), Map.of("wasLocked", locked));
                return user.username();
            });
            LOG.info("User '{}' is unlocked: the next login with the right password goes through", found);
        }
    }
}

package vn.loa.controller.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How logins are limited: a token lasts {@code tokenLifetime}; {@code maxFailedLogins} wrong
 * passwords in a row lock an account for {@code lockout}; {@code maxFailedLoginsPerAddress} failed
 * logins from one client address within {@code lockout} refuse that address until the period
 * ends (0: no limit by address).
 */
public record LoginPolicy(Duration tokenLifetime, int maxFailedLogins, Duration lockout,
                          int maxFailedLoginsPerAddress) {
    public LoginPolicy {
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(lockout, "lockout");
        if (maxFailedLogins < 1 || maxFailedLoginsPerAddress < 0) {
            throw new IllegalArgumentException("failed login limits must be positive");
        }
    }

    /** The defaults of the configuration: 5 failures lock an account for 15 minutes, 30 an address. */
    public static LoginPolicy withDefaults(Duration tokenLifetime) {
        return new LoginPolicy(tokenLifetime, 5, Duration.ofMinutes(15), 30);
    }
}

-- Loa controller schema, version 5: login lockout and throttling, kept across restarts.

-- Consecutive failed logins of an account; at auth.maxFailedLogins it is locked until locked_until
-- (milliseconds since the epoch) and the count starts again from zero.
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until INTEGER;

-- Failed logins by client address within a window of auth.lockoutMinutes from the first one:
-- at auth.maxFailedLoginsPerAddress the address is refused until the window ends. Rows of ended
-- windows are removed as new failures are written.
CREATE TABLE login_failures_by_address (
    address           TEXT PRIMARY KEY,
    failures          INTEGER NOT NULL,
    window_started_at INTEGER NOT NULL
);

-- Loa controller schema: station identity. Instants are INTEGER milliseconds since the epoch, UTC.

-- Each station's MQTT password, as a Mosquitto password-file hash ($7$: PBKDF2-HMAC-SHA512), so the
-- same line serves the embedded broker and a generated Mosquitto passwd file. The password itself is
-- shown once, when issued, and never stored. A retired station's row is deleted.
CREATE TABLE station_credentials (
    station_id    TEXT PRIMARY KEY REFERENCES stations(id),
    password_hash TEXT NOT NULL,
    issued_at     INTEGER NOT NULL,
    issued_by     TEXT NOT NULL
);

-- One-time enrolment tokens (their SHA-256 only): the agent exchanges one for the station's
-- credentials. Used, expired or retired tokens are deleted.
CREATE TABLE station_enrolments (
    station_id TEXT PRIMARY KEY REFERENCES stations(id),
    token_hash TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);

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

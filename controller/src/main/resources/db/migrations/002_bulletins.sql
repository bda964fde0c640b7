-- Loa controller schema, version 2: the bulletin library.
-- Instants are INTEGER milliseconds since the epoch, UTC.

-- A bulletin is a piece of audio with its class, language, duration and checksum. Its file is
-- <dataDir>/audio/<sha256>.<format>; bulletins with the same content share one file. Content is
-- approved before it airs: draft -> approved -> archived (a draft may also be archived unapproved).
CREATE TABLE bulletins (
    id               TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    bulletin_class   TEXT NOT NULL CHECK (bulletin_class IN ('normal', 'priority', 'emergency')),
    language         TEXT NOT NULL,
    format           TEXT NOT NULL CHECK (format IN ('wav', 'mp3', 'ogg')),
    duration_millis  INTEGER NOT NULL CHECK (duration_millis > 0),
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes       INTEGER NOT NULL CHECK (size_bytes > 0),
    state            TEXT NOT NULL CHECK (state IN ('draft', 'approved', 'archived')),
    created_at       INTEGER NOT NULL,
    created_by       TEXT NOT NULL,
    approved_at      INTEGER,
    approved_by      TEXT,
    archived_at      INTEGER,
    archived_by      TEXT
);
CREATE INDEX bulletins_sha256 ON bulletins(sha256);
CREATE INDEX bulletins_state ON bulletins(state, created_at);

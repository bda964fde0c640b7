-- The plan the station holds: one row, the whole plan as its protocol JSON.
CREATE TABLE plan (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    version     INTEGER NOT NULL,
    payload     BLOB    NOT NULL,
    received_at INTEGER NOT NULL
);

-- What happened to each broadcast whose audio began: 'playing' (begun, no final receipt yet)
-- or 'done' (final receipt written). A broadcast with a row is never started again.
CREATE TABLE playout (
    broadcast_id   TEXT    PRIMARY KEY,
    bulletin_id    TEXT    NOT NULL,
    planned_start  INTEGER NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('playing', 'done')),
    actual_start   INTEGER,
    zones_on       TEXT    NOT NULL,
    interrupted_at INTEGER,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX playout_planned_start ON playout (planned_start);

-- Receipts not yet acknowledged by the controller, oldest first; deleted on acknowledgement.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt_id   TEXT    NOT NULL UNIQUE,
    broadcast_id TEXT    NOT NULL,
    payload      BLOB    NOT NULL,
    created_at   INTEGER NOT NULL
);

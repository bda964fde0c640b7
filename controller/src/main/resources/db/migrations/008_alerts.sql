-- Loa controller schema, version 8: health alerts and the outbox of their webhook notifications.
-- An alert is open, then maybe acknowledged, then resolved when its condition clears; at most one
-- alert per station and rule is not resolved (the partial unique index), the rest is history.
CREATE TABLE alerts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id       TEXT NOT NULL,
    rule             TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
    detail           TEXT,
    opened_at        INTEGER NOT NULL,
    acknowledged_at  INTEGER,
    acknowledged_by  TEXT,
    resolved_at      INTEGER
);
CREATE UNIQUE INDEX alerts_one_unresolved ON alerts(station_id, rule) WHERE state <> 'resolved';
CREATE INDEX alerts_opened ON alerts(opened_at);

-- One row per (notification, webhook): written in the transaction that opens or resolves the
-- alert, so a restart neither loses nor repeats a notification; event_id is the idempotency id.
CREATE TABLE webhook_outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id         TEXT NOT NULL,
    url              TEXT NOT NULL,
    payload          TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    delivered_at     INTEGER,
    last_error       TEXT,
    UNIQUE (event_id, url)
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(next_attempt_at) WHERE delivered_at IS NULL;

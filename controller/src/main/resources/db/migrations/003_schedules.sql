-- Loa controller schema, version 3: schedules, quiet hours, station plans, receipts (the as-run log).
-- Instants are INTEGER milliseconds since the epoch, UTC; local times are Asia/Ho_Chi_Minh text.

-- A schedule plays one bulletin once or on an RFC 5545 RRULE, from a local start time.
CREATE TABLE schedules (
    id              TEXT PRIMARY KEY,
    bulletin_id     TEXT NOT NULL,
    bulletin_class  TEXT NOT NULL CHECK (bulletin_class IN ('normal', 'priority', 'emergency')),
    starts_local    TEXT NOT NULL,
    rrule           TEXT,
    until_local     TEXT,
    state           TEXT NOT NULL CHECK (state IN ('active', 'cancelled')),
    created_at      INTEGER NOT NULL,
    created_by      TEXT,
    cancelled_at    INTEGER,
    cancelled_by    TEXT
);

-- What a schedule aims at: whole areas, whole stations, or single zones of a station.
CREATE TABLE schedule_targets (
    schedule_id  TEXT NOT NULL REFERENCES schedules(id),
    kind         TEXT NOT NULL CHECK (kind IN ('area', 'station', 'zone')),
    area_id      INTEGER,
    station_id   TEXT,
    channel      INTEGER
);
CREATE INDEX schedule_targets_schedule ON schedule_targets(schedule_id);

-- Quiet hours of an area (and the areas below it, unless they set their own). Emergencies ignore them.
CREATE TABLE area_quiet_hours (
    area_id  INTEGER PRIMARY KEY REFERENCES areas(id),
    starts   TEXT NOT NULL,
    ends     TEXT NOT NULL
);

-- The plan each station was sent, and the version it acknowledged.
CREATE TABLE station_plans (
    station_id     TEXT PRIMARY KEY,
    version        INTEGER NOT NULL,
    content_hash   TEXT NOT NULL,
    sent_at        INTEGER,
    acked_version  INTEGER,
    acked_at       INTEGER
);

-- Receipts as the stations sent them: the proof of play. Stored by their id, once.
CREATE TABLE receipts (
    id             TEXT PRIMARY KEY,
    station_id     TEXT NOT NULL,
    broadcast_id   TEXT NOT NULL,
    bulletin_id    TEXT NOT NULL,
    state          TEXT NOT NULL,
    planned_start  INTEGER NOT NULL,
    actual_start   INTEGER,
    actual_end     INTEGER,
    zones_on       TEXT,
    reason         TEXT,
    sent_at        INTEGER NOT NULL,
    received_at    INTEGER NOT NULL
);
CREATE INDEX receipts_station_start ON receipts(station_id, planned_start);
CREATE INDEX receipts_broadcast ON receipts(station_id, broadcast_id);

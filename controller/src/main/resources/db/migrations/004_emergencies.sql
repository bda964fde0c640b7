-- Loa controller schema, version 4: emergency announcements, standard messages, CAP alerts, the audit log.
-- Instants are INTEGER milliseconds since the epoch, UTC.

-- An emergency announcement: what plays where, for how long it may still begin, who did what.
CREATE TABLE emergencies (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    bulletin_id    TEXT NOT NULL,
    audio_source   TEXT NOT NULL,
    audio          TEXT NOT NULL,
    duration_ms    INTEGER NOT NULL,
    repeat_count   INTEGER NOT NULL,
    risk_level     INTEGER,
    warm_up_ms     INTEGER NOT NULL,
    targets        TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('draft', 'active', 'stopped', 'ended', 'discarded')),
    origin         TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    created_by     TEXT NOT NULL,
    triggered_at   INTEGER,
    triggered_by   TEXT,
    valid_until    INTEGER NOT NULL,
    stopped_at     INTEGER,
    stopped_by     TEXT,
    ended_at       INTEGER
);
CREATE INDEX emergencies_created ON emergencies(created_at);

-- How far each station got with an announcement.
CREATE TABLE emergency_stations (
    emergency_id  TEXT NOT NULL REFERENCES emergencies(id),
    station_id    TEXT NOT NULL,
    zones         TEXT NOT NULL,
    stage         TEXT NOT NULL,
    reason        TEXT,
    sent_at       INTEGER,
    received_at   INTEGER,
    zones_on_at   INTEGER,
    playing_at    INTEGER,
    ended_at      INTEGER,
    PRIMARY KEY (emergency_id, station_id)
);

-- The standard messages every station keeps ready (siren, flood, storm, evacuation): a bulletin each.
CREATE TABLE standard_messages (
    key          TEXT PRIMARY KEY,
    bulletin_id  TEXT NOT NULL,
    updated_at   INTEGER NOT NULL,
    updated_by   TEXT NOT NULL
);

-- CAP alerts received, by their unique reference "sender,identifier,sent".
CREATE TABLE cap_alerts (
    reference     TEXT PRIMARY KEY,
    msg_type      TEXT NOT NULL,
    status        TEXT NOT NULL,
    received_at   INTEGER NOT NULL,
    emergency_id  TEXT,
    outcome       TEXT NOT NULL
);

-- Who did what, when: append-only (the triggers refuse any change or deletion).
CREATE TABLE audit_log (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    at       INTEGER NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    subject  TEXT,
    detail   TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

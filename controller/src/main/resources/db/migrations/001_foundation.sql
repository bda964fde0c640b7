-- Loa controller schema, version 1: the registry, station status, users and sessions.
-- Instants are INTEGER milliseconds since the epoch, UTC.

-- Areas form a tree of any depth (province -> district -> commune). Reshaping the tree changes
-- parent_id only; ids never change, so stations and their history stay attached.
CREATE TABLE areas (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES areas(id),
    name        TEXT NOT NULL,
    code        TEXT NOT NULL UNIQUE,
    level       TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX areas_parent ON areas(parent_id);

-- Every change of an area's parent, so the history of the reshaping is kept.
CREATE TABLE area_moves (
    id              INTEGER PRIMARY KEY,
    area_id         INTEGER NOT NULL REFERENCES areas(id),
    from_parent_id  INTEGER,
    to_parent_id    INTEGER,
    moved_at        INTEGER NOT NULL,
    moved_by        TEXT
);

-- A station belongs to a commune. Retired stations keep their row (and so their history).
CREATE TABLE stations (
    id          TEXT PRIMARY KEY,
    area_id     INTEGER NOT NULL REFERENCES areas(id),
    name        TEXT NOT NULL,
    latitude    REAL,
    longitude   REAL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    retired_at  INTEGER
);
CREATE INDEX stations_area ON stations(area_id);

-- The zones (relay channels) of a station, as registered by staff.
CREATE TABLE zones (
    station_id  TEXT NOT NULL REFERENCES stations(id),
    channel     INTEGER NOT NULL CHECK (channel BETWEEN 1 AND 64),
    name        TEXT NOT NULL,
    PRIMARY KEY (station_id, channel)
);

-- The last known status of each station, written in batches from memory.
CREATE TABLE station_status (
    station_id        TEXT PRIMARY KEY REFERENCES stations(id),
    presence          TEXT NOT NULL CHECK (presence IN ('online', 'offline')),
    presence_since    INTEGER,
    last_seen         INTEGER,
    agent_version     TEXT,
    agent_started_at  INTEGER,
    boot_time         INTEGER,
    os                TEXT,
    java_version      TEXT,
    heartbeat_seconds INTEGER,
    reported_zones    TEXT,
    last_heartbeat    TEXT,
    updated_at        INTEGER NOT NULL
);

-- Heartbeats as received: the history behind charts and availability.
CREATE TABLE heartbeats (
    id                     INTEGER PRIMARY KEY,
    station_id             TEXT NOT NULL,
    message_id             TEXT NOT NULL,
    sent_at                INTEGER NOT NULL,
    received_at            INTEGER NOT NULL,
    agent_uptime_seconds   INTEGER NOT NULL,
    os_uptime_seconds      INTEGER,
    load_average           REAL,
    memory_available_bytes INTEGER,
    memory_total_bytes     INTEGER,
    disk_free_bytes        INTEGER,
    temperature_celsius    REAL,
    relays                 TEXT,
    playing                TEXT
);
CREATE INDEX heartbeats_station_time ON heartbeats(station_id, received_at);

-- Each change of a station's presence, with its cause: the source of availability figures.
CREATE TABLE presence_changes (
    id          INTEGER PRIMARY KEY,
    station_id  TEXT NOT NULL,
    presence    TEXT NOT NULL CHECK (presence IN ('online', 'offline')),
    at          INTEGER NOT NULL,
    cause       TEXT NOT NULL
);
CREATE INDEX presence_changes_station_time ON presence_changes(station_id, at);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name        TEXT,
    password_hash       TEXT NOT NULL,
    password_changed_at INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    disabled_at         INTEGER
);

-- Roles, each over an area subtree (area_id NULL: everywhere). Checked by a later issue.
CREATE TABLE user_roles (
    user_id  INTEGER NOT NULL REFERENCES users(id),
    role     TEXT NOT NULL CHECK (role IN ('admin', 'scheduler', 'approver', 'technician', 'operator')),
    area_id  INTEGER REFERENCES areas(id)
);
CREATE UNIQUE INDEX user_roles_unique ON user_roles(user_id, role, IFNULL(area_id, 0));

-- Login sessions: only a hash of each bearer token is stored.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Loa agent schema, version 2: the emergency announcements the station holds, so a restart
-- (a power cut in a storm) does not lose one that is still valid.
CREATE TABLE emergencies (
    emergency_id  TEXT PRIMARY KEY,
    payload       BLOB NOT NULL,
    received_at   INTEGER NOT NULL
);

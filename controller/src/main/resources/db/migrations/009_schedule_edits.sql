-- Loa controller schema, version 9: editing a schedule cancels it and creates its successor,
-- which names the schedule it replaces (the old one keeps its history: receipts, as-run log).
ALTER TABLE schedules ADD COLUMN replaces TEXT REFERENCES schedules(id);

-- Loa controller schema, version 7: a bulletin belongs to an area (its staff upload, approve and
-- archive it; the staff of the areas below see and schedule it). NULL: the whole library, as every
-- bulletin uploaded before roles were checked.
ALTER TABLE bulletins ADD COLUMN area_id INTEGER REFERENCES areas(id);
CREATE INDEX bulletins_area ON bulletins(area_id);

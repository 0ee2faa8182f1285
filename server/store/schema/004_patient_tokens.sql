-- Matching a letter to its patient looks Patients up by NHS number for every letter. The general
-- token index takes every resource's entries through its pending list (fastupdate), which each
-- lookup must scan; Patients change rarely, so their own index keeps no pending list.
CREATE INDEX resources_patient_tokens ON resources USING gin (tokens) WITH (fastupdate = off) WHERE type = 'Patient';

-- Current version of every resource. content is the resource's JSON text (large ones deflated,
-- see server/store/content.ts) without meta.versionId/lastUpdated, which live in their own
-- columns and are put back on read (so an upsert can assign the version in SQL). Text, not
-- jsonb: searching goes through the index tables, and parsing JSON inside PGlite's WASM Postgres
-- costs more than the whole rest of a write; text also keeps the element order the author wrote.
CREATE TABLE resources (
  type text NOT NULL,
  id text NOT NULL,
  version_id int NOT NULL,
  last_updated timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  content text,
  PRIMARY KEY (type, id)
);
CREATE INDEX resources_type_updated ON resources (type, last_updated);

-- Superseded versions (the current one is in resources); deletions have content NULL.
CREATE TABLE resource_history (
  type text NOT NULL,
  id text NOT NULL,
  version_id int NOT NULL,
  last_updated timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  content text,
  PRIMARY KEY (type, id, version_id)
);

-- Token/uri and reference search entries live on the resource row as text arrays with GIN indexes
-- ("param\x1fsystem\x1fcode", "param\x1fcode", "param\x1fType/id"): one GIN entry per value is
-- about half the cost of a B-tree side table with its own reverse index, and replacing the row
-- replaces its entries with no separate delete. Other kinds need range/prefix matching and keep
-- side tables, rebuilt on each write.
ALTER TABLE resources ADD COLUMN tokens text[] NOT NULL DEFAULT '{}';
ALTER TABLE resources ADD COLUMN refs text[] NOT NULL DEFAULT '{}';
-- a small pending list bounds what a search must scan linearly before entries are merged
CREATE INDEX resources_tokens ON resources USING gin (tokens) WITH (fastupdate = on, gin_pending_list_limit = 256);
CREATE INDEX resources_refs ON resources USING gin (refs) WITH (fastupdate = on, gin_pending_list_limit = 256);

-- The *_res indexes (type, id, param) serve per-resource lookups (sorting, rebuild on update);
-- they must cover param so a planner without statistics never prefers the value index for them.
-- Dates as half-open ranges [lo, hi): a partial date or a period covers a range.
CREATE TABLE search_date (
  type text NOT NULL, id text NOT NULL, param text NOT NULL,
  lo timestamptz NOT NULL, hi timestamptz NOT NULL
);
CREATE INDEX search_date_lo ON search_date (type, param, lo);
CREATE INDEX search_date_res ON search_date (type, id, param);

-- value is normalised (lower case, accents removed) for default/contains matching; raw for :exact.
CREATE TABLE search_string (
  type text NOT NULL, id text NOT NULL, param text NOT NULL,
  value text NOT NULL, raw text NOT NULL
);
CREATE INDEX search_string_value ON search_string (type, param, value text_pattern_ops);
CREATE INDEX search_string_res ON search_string (type, id, param);

CREATE TABLE search_number (
  type text NOT NULL, id text NOT NULL, param text NOT NULL,
  value numeric NOT NULL
);
CREATE INDEX search_number_value ON search_number (type, param, value);
CREATE INDEX search_number_res ON search_number (type, id, param);

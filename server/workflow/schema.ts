// Postroom's own bookkeeping tables beside the FHIR store: every inbound message or document as
// received (dedupe keys, where its original bytes are, how processing went).
export const WORKFLOW_SCHEMA = `
CREATE TABLE IF NOT EXISTS inbound (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,                 -- message | document | document-reference
  message_id text UNIQUE,             -- ITK3 / FHIR message identifier (dedupe: 20007)
  document_id text,                   -- document (Bundle) identifier
  composition_id text,                -- Composition identifier; with document_id, the dedupe key (20008)
  replaces text,                      -- document identifier this one supersedes
  format text NOT NULL,
  content_type text NOT NULL,
  binary_id text NOT NULL,            -- Binary holding the original bytes
  event text,
  sender text,
  handling jsonb,
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'accepted',   -- accepted | processed | failed
  document_reference_id text,
  review_task_id text,
  error text
);
CREATE UNIQUE INDEX IF NOT EXISTS inbound_document ON inbound (document_id, coalesce(composition_id, ''));
CREATE INDEX IF NOT EXISTS inbound_composition ON inbound (composition_id);
CREATE INDEX IF NOT EXISTS inbound_status ON inbound (status);
`;

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
-- Messages Postroom owes senders (ITK3 business acknowledgements), kept until a transport
-- (MESH, or the sender's endpoint) takes them.
CREATE TABLE IF NOT EXISTS outbox (
  id bigserial PRIMARY KEY,
  inbound_id bigint NOT NULL,
  kind text NOT NULL,                 -- business-ack
  code text NOT NULL,                 -- ITK response code
  recipient text,                     -- sender ODS code or endpoint
  content_type text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (id) WHERE sent_at IS NULL;
`;

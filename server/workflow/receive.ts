// Receiving: an accepted message or document is committed (original bytes as a Binary, an
// inbound row with its dedupe keys, and a processing job) in one transaction before it is
// acknowledged. Nothing is half-written: a duplicate or a bad payload stores nothing. Arrivals
// that come together share a transaction (group commit).
import type { Bundle, Composition, DocumentReference, FhirResource } from 'fhir/r4';
import type { Db } from '../store/db.ts';
import type { Staged } from '../store/resources.ts';
import type { Services, Reply } from './services.ts';
import { LETTER_JOB } from './services.ts';
import { readMessage, type InboundMessage } from '../ingest/itk3.ts';
import { buildAck } from '../ingest/ack.ts';
import { IngestError } from '../ingest/errors.ts';
import { newId, sha256 } from '../ids.ts';
import { audit } from './audit.ts';
import { GroupCommit } from './group-commit.ts';
import { outcome } from '../fhir/outcome.ts';

export type InboundKind = 'message' | 'document' | 'document-reference';

export interface Accept {
  kind: InboundKind;
  format: string;
  contentType: string;
  bytes: Uint8Array;
  messageId?: string;
  documentId?: string;
  compositionId?: string;
  replaces?: string;
  event?: string;
  sender?: string;
  handling?: unknown;
}

export type Accepted =
  | { status: 'accepted'; inboundId: string; binaryId: string }
  | { status: 'duplicate-message' | 'duplicate-document' };

const COLUMNS = ['kind', 'message_id', 'document_id', 'composition_id', 'replaces', 'format', 'content_type', 'binary_id', 'event', 'sender', 'handling'];

/**
 * One transaction for a batch of arrivals: their inbound rows (dedupe by unique keys), originals
 * (Binary), AuditEvents and processing jobs, one statement each.
 */
async function acceptBatch(s: Services, tx: Db, arrivals: Incoming[]): Promise<Accepted[]> {
  const items = arrivals.map((x) => x.accept);
  const binaryIds = arrivals.map((x) => x.original.id);
  const cols = COLUMNS.map((): (string | null)[] => []);
  items.forEach((a, i) => [a.kind, a.messageId, a.documentId, a.compositionId, a.replaces, a.format, a.contentType, binaryIds[i],
    a.event, a.sender, a.handling ? JSON.stringify(a.handling) : undefined].forEach((v, c) => cols[c].push(v ?? null)));
  const rows = await tx.query<{ id: string; binary_id: string; received_at: string | Date }>(
    `INSERT INTO inbound (${COLUMNS.join(', ')})
     SELECT ${COLUMNS.map((c) => (c === 'handling' ? 'handling::jsonb' : c)).join(', ')}
     FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY AS u(${COLUMNS.join(', ')}, n)
     ORDER BY n
     ON CONFLICT DO NOTHING RETURNING id, binary_id, received_at`, cols);
  const inserted = new Map(rows.map((r) => [r.binary_id, String(r.id)]));
  const receivedAt = new Map(rows.map((r) => [r.binary_id, r.received_at]));
  const refused = items.filter((_, i) => !inserted.has(binaryIds[i])).map((a) => a.messageId).filter((m): m is string => !!m);
  const seenMessages = new Set(refused.length
    ? (await tx.query<{ message_id: string }>('SELECT message_id FROM inbound WHERE message_id = ANY($1::text[])', [refused])).map((r) => r.message_id)
    : []);
  const resources: (FhirResource | Staged)[] = [];
  const jobs: { inboundId: string }[] = [];
  const out = items.map((a, i): Accepted => {
    const inboundId = inserted.get(binaryIds[i]);
    if (!inboundId) return { status: a.messageId && seenMessages.has(a.messageId) ? 'duplicate-message' : 'duplicate-document' };
    const binaryId = binaryIds[i];
    resources.push(arrivals[i].original, audit.received(s, { inboundId, binaryId, kind: a.kind, sender: a.sender, event: a.event }));
    jobs.push({ inboundId });
    remember(s, tx, {
      row: { id: inboundId, kind: a.kind, message_id: a.messageId ?? null, document_id: a.documentId ?? null, replaces: a.replaces ?? null,
        format: a.format, content_type: a.contentType, binary_id: binaryId, event: a.event ?? null, sender: a.sender ?? null,
        handling: a.handling ?? null, status: 'accepted', received_at: receivedAt.get(binaryId)! },
      bytes: a.bytes,
    });
    return { status: 'accepted', inboundId, binaryId };
  });
  await s.store.saveMany(resources, tx);
  await s.queue.enqueueMany(LETTER_JOB, jobs, { tx });
  return out;
}

/** An inbound row as the worker reads it. */
export interface InboundRow {
  id: string; kind: string; message_id: string | null; document_id: string | null; replaces: string | null; format: string;
  content_type: string; binary_id: string; event: string | null; sender: string | null; handling: any; status: string; received_at: string | Date;
}

/**
 * Recent arrivals (their row and original bytes), so the worker in this process need not read
 * back what it was just given. Kept per server, since inbound ids are only unique within one
 * database. Bounded by bytes, so a burst that outruns processing is still served from memory,
 * and taken once: a retry, a restart or another process reads the database.
 */
type Arrival = { row: InboundRow; bytes: Uint8Array };
const RECENT_BYTES = 64 * 1024 * 1024;
interface Recent { byId: Map<string, Arrival>; bytes: number; room: (() => void)[] }
const recents = new WeakMap<Services, Recent>();
function recentOf(s: Services): Recent {
  let recent = recents.get(s);
  if (!recent) recents.set(s, (recent = { byId: new Map(), bytes: 0, room: [] }));
  return recent;
}
function remember(s: Services, tx: Db, v: Arrival): void {
  // only once committed: a batch that rolls back (and is retried letter by letter) leaves nothing
  tx.afterCommit(() => {
    const recent = recentOf(s);
    recent.byId.set(v.row.id, v);
    recent.bytes += v.bytes.byteLength;
    while (recent.bytes > RECENT_BYTES) forget(recent, recent.byId.keys().next().value!);
  });
}
function forget(recent: Recent, id: string): Arrival | undefined {
  const v = recent.byId.get(id);
  if (!v) return undefined;
  recent.byId.delete(id);
  recent.bytes -= v.bytes.byteLength;
  recent.room.shift()?.();
  return v;
}
export function takeRecent(s: Services, inboundId: string): Arrival | undefined {
  const recent = recents.get(s);
  return recent && forget(recent, inboundId);
}

/**
 * Backpressure on the embedded store. Arrivals go ahead of processing on its single thread (a
 * sender is waiting for the ack), which is right for bursts; but under a sustained load above
 * what the server can process, acking at full speed would starve processing and grow the backlog
 * without bound. So while BACKLOG letters accepted here wait for processing to take them up, a
 * new arrival waits for room first: its ack slows to the pace processing keeps. (On PostgreSQL
 * other processes may take the jobs, and the database is not one thread: no limit there.)
 */
const BACKLOG = 128;
async function room(s: Services): Promise<void> {
  if (s.db.kind !== 'pglite') return;
  const recent = recentOf(s);
  while (recent.byId.size >= BACKLOG) await new Promise<void>((r) => recent.room.push(r));
}

/** An arrival on its way in: what it is, and its original as a Binary staged for writing. */
interface Incoming { accept: Accept; original: Staged }
const acceptors = new WeakMap<Services, GroupCommit<Incoming, Accepted>>();

/** Commit the original, its dedupe keys and its processing job together, before any ack. */
export async function accept(s: Services, a: Accept): Promise<Accepted> {
  await room(s);
  let g = acceptors.get(s);
  // urgent: a sender is waiting for the ack, so arrivals go ahead of queued processing batches
  if (!g) acceptors.set(s, (g = new GroupCommit<Incoming, Accepted>(s.db.urgent(), (tx, items) => acceptBatch(s, tx, items))));
  const original = s.store.stage({ resourceType: 'Binary', id: newId(), contentType: a.contentType, data: Buffer.from(a.bytes).toString('base64') });
  return g.submit({ accept: a, original });
}

const ackFor = (s: Services, msg: Parameters<typeof buildAck>[0], code: string, text?: string) =>
  buildAck(msg, { code, text }, { senderOds: s.practice.ods, endpoint: s.practice.endpoint, now: s.now() });

/** POST /fhir/$process-message: ITK3 (STU3 XML) and R4 message Bundles; answers with an ITK008M response. */
export async function receiveMessage(s: Services, bytes: Uint8Array, contentType: string): Promise<Reply> {
  let msg: InboundMessage;
  try {
    msg = readMessage(bytes, contentType);
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    const ack = ackFor(s, e.received ?? null, e.itkCode, e.message);
    return { status: e.status, contentType: ack.contentType, body: ack.body };
  }
  const result = await accept(s, {
    kind: 'message', format: msg.format, contentType: contentType || 'application/fhir+xml', bytes,
    messageId: msg.messageId, documentId: msg.documentId, compositionId: msg.compositionId, replaces: msg.replaces,
    event: msg.event.code, sender: msg.sender.ods ?? msg.sender.endpoint, handling: msg.handling,
  });
  const [status, code, text] =
    result.status === 'accepted' ? [200, '20013', undefined]
      : result.status === 'duplicate-message' ? [409, '20007', 'Duplicate Message received: this message identifier has been received before']
        : [409, '20008', 'Duplicate Document received: this document identifier has been received before'];
  const ack = ackFor(s, msg, code, text);
  return { status, contentType: ack.contentType, body: ack.body };
}

function reply(status: number, severity: 'error' | 'information', code: Parameters<typeof outcome>[1], text: string, headers?: Record<string, string>): Reply {
  return { status, contentType: 'application/fhir+json', body: JSON.stringify(outcome(severity, code, text)), headers };
}

function parseJson(bytes: Uint8Array): any {
  try { return JSON.parse(new TextDecoder().decode(bytes)); } catch { return undefined; }
}

/** POST /fhir/Bundle with a document Bundle (R4, JSON). */
export async function receiveDocument(s: Services, bytes: Uint8Array, contentType: string, doc?: Bundle): Promise<Reply> {
  doc ??= parseJson(bytes);
  if (!doc || doc.resourceType !== 'Bundle') return reply(400, 'error', 'structure', 'Body is not a FHIR Bundle (JSON)');
  if (doc.type !== 'document') return reply(400, 'error', 'structure', `Bundle.type must be "document" here (got "${doc.type}"); send transactions to POST /fhir`);
  const first = doc.entry?.[0]?.resource;
  if (first?.resourceType !== 'Composition') return reply(400, 'error', 'structure', 'A document Bundle starts with a Composition');
  const documentId = doc.identifier?.value;
  if (!documentId) return reply(400, 'error', 'required', 'A document Bundle needs Bundle.identifier (used to recognise duplicates)');
  const comp = first as Composition;
  const replaces = comp.relatesTo?.find((r) => r.code === 'replaces')?.targetIdentifier?.value;
  const result = await accept(s, { kind: 'document', format: 'fhir-r4-json', contentType: contentType || 'application/fhir+json', bytes, documentId, compositionId: comp.identifier?.value, replaces });
  if (result.status !== 'accepted') return reply(409, 'error', 'duplicate', `Duplicate document: ${documentId} has been received before`);
  return reply(202, 'information', 'informational', `Document accepted for processing (inbound ${result.inboundId})`, { 'Content-Location': `Binary/${result.binaryId}` });
}

const LETTER_TYPES = /^(text\/plain|text\/html|application\/pdf|application\/xhtml\+xml)\b/i;
const PDF_SIGNATURE = Buffer.from('%PDF-');

/** POST /fhir/DocumentReference with a text, HTML or PDF letter as an inline attachment. */
export async function receiveDocumentReference(s: Services, bytes: Uint8Array, contentType: string): Promise<Reply> {
  const dr = parseJson(bytes) as DocumentReference | undefined;
  if (!dr || dr.resourceType !== 'DocumentReference') return reply(400, 'error', 'structure', 'Body is not a FHIR DocumentReference (JSON)');
  const att = dr.content?.[0]?.attachment;
  if (!att?.data) return reply(400, 'error', 'required', 'DocumentReference.content[0].attachment.data (base64) is required');
  if (!att.contentType || !LETTER_TYPES.test(att.contentType)) return reply(415, 'error', 'not-supported', `Attachment content type "${att.contentType ?? ''}" is not supported: send text/plain, text/html or application/pdf`);
  // A "PDF" that is not one would only fail later in the queue: tell the sender now. (Readers
  // accept the %PDF- header anywhere in the first 1024 bytes, so this does too.)
  if (/^application\/pdf\b/i.test(att.contentType) && !Buffer.from(att.data.slice(0, 1368), 'base64').subarray(0, 1024).includes(PDF_SIGNATURE)) {
    return reply(400, 'error', 'invalid', 'The attachment is declared application/pdf but is not a PDF (no %PDF- header)');
  }
  // Without an identifier, the letter's own bytes identify it: a sender's retry is a duplicate.
  const documentId = dr.masterIdentifier?.value ?? dr.identifier?.[0]?.value ?? `urn:sha256:${sha256(Buffer.from(att.data, 'base64'))}`;
  const replaces = dr.relatesTo?.find((r) => r.code === 'replaces')?.target?.identifier?.value;
  const result = await accept(s, { kind: 'document-reference', format: att.contentType, contentType: contentType || 'application/fhir+json', bytes, documentId, replaces });
  if (result.status !== 'accepted') return reply(409, 'error', 'duplicate', `Duplicate document: ${documentId} has been received before`);
  return reply(202, 'information', 'informational', `Letter accepted for processing (inbound ${result.inboundId})`, { 'Content-Location': `Binary/${result.binaryId}` });
}

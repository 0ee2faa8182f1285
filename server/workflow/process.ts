// Processing one accepted letter (a queue job): read the original, match the patient, extract,
// triage, and write the DocumentReference, the normalised document, the proposed findings and
// the review Task in one transaction. Ids derive from the inbound id, so a retried job rewrites
// the same resources instead of duplicating them.
import type { Bundle, DocumentReference, Patient, Reference, Task, FhirResource } from 'fhir/r4';
import type { Services } from './services.ts';
import type { Letter } from '../types.ts';
import { CS_TAG, NHS_NUMBER } from '../types.ts';
import type { LetterHint } from '../ingest/letter.ts';
import { patientFromText } from '../ingest/demographics.ts';
import { compositionOf } from '../normalise/render.ts';
import { extractionResources } from '../extract/fhir.ts';
import { uuidFrom } from '../ids.ts';
import { matchPatient } from './match.ts';
import { BatchedLookup } from './batched-lookup.ts';
import { audit, extractionProvenance } from './audit.ts';
import { takeRecent, type InboundRow } from './receive.ts';
import { GroupCommit } from './group-commit.ts';
import { buildAck } from '../ingest/ack.ts';
import type { Db } from '../store/db.ts';
import type { Staged } from '../store/resources.ts';

const VERSION = '0.1.0';
// Processed letters per transaction: small enough that an arriving message's ack never waits
// long behind a batch on the single-threaded embedded store. A batch waits up to PROCESS_LINGER_MS
// for company: a letter's review Task appearing that much later costs no one anything.
const PROCESS_BATCH = 8;
const PROCESS_LINGER_MS = 20;

/** The letter's own bytes: the whole original, or the attachment a DocumentReference carries. */
function letterBytes(row: InboundRow, original: Uint8Array): { bytes: Uint8Array; hint: LetterHint; sent?: DocumentReference } {
  if (row.kind !== 'document-reference') return { bytes: original, hint: { contentType: row.content_type } };
  const sent = JSON.parse(new TextDecoder().decode(original)) as DocumentReference;
  const att = sent.content[0].attachment;
  return { bytes: new Uint8Array(Buffer.from(att.data!, 'base64')), hint: { contentType: att.contentType }, sent };
}

/** The patient the letter says it is about (document Patient, sender's subject, or printed demographics). */
export function incomingPatient(letter: Letter, sent?: DocumentReference): Patient | undefined {
  const doc = letter.document;
  const subject = doc && compositionOf(doc)?.subject?.reference;
  if (doc && subject) {
    const p = doc.entry?.find((e) => e.fullUrl === subject || (e.resource && subject.endsWith(`Patient/${e.resource.id}`)))?.resource;
    if (p?.resourceType === 'Patient') return p;
  }
  const id = sent?.subject?.identifier;
  if (id?.value) return { resourceType: 'Patient', identifier: [{ system: id.system ?? NHS_NUMBER, value: id.value }], ...(patientFromText(letter.text) ?? {}) };
  return patientFromText(letter.text);
}

const nhsLookups = new WeakMap<Services, BatchedLookup<string, Patient[]>>();
/** Registered patients with an NHS number, looked up together for the letters being processed. */
function patientsByNhs(s: Services, nhs: string): Promise<Patient[]> {
  let l = nhsLookups.get(s);
  if (!l) {
    nhsLookups.set(s, (l = new BatchedLookup(async (numbers) => {
      const found = new Map<string, Patient[]>();
      for (const p of await s.store.byToken<Patient>('Patient', 'identifier', NHS_NUMBER, numbers)) {
        for (const id of p.identifier ?? []) {
          if (id.system !== NHS_NUMBER || !id.value) continue;
          const list = found.get(id.value) ?? [];
          if (!list.includes(p)) list.push(p);
          found.set(id.value, list);
        }
      }
      return found;
    }, () => [])));
  }
  return l.get(nhs);
}

async function findPatient(s: Services, incoming: Patient | undefined) {
  if (!incoming) return { status: 'unmatched' as const, reason: 'the letter gives no patient details' };
  const search = async (q: Record<string, string>) => {
    const b = await s.store.search('Patient', new URLSearchParams(q), { baseUrl: '' });
    return (b.entry ?? []).map((e) => e.resource as Patient).filter((p) => p?.resourceType === 'Patient');
  };
  return matchPatient(incoming, {
    byNhs: (nhs) => patientsByNhs(s, nhs),
    byDemographics: (q) => search(Object.fromEntries(Object.entries({ family: q.family, birthdate: q.birthDate, 'address-postalcode': q.postcode }).filter(([, v]) => v)) as Record<string, string>),
  });
}

/** What one letter's processing will write, computed outside any transaction. */
interface Prepared {
  inboundId: string;
  replaces: string | null;
  dr: DocumentReference;
  review: Task;
  /** everything it writes but `dr`, staged (serialised and indexed) outside the transaction */
  out: Staged[];
  /** the ITK3 business acknowledgement owed to the sender, if it asked for one */
  businessAck?: { code: string; recipient: string | null; contentType: string; body: string };
}

/**
 * ITK3 business acknowledgement for a sender that asked for one (BusAckRequested): 30001 when the
 * patient is registered here, 30002 when no patient has the letter's details. A doubtful match
 * (demographics disagree, several candidates) gets no answer until a person has resolved it.
 */
function businessAck(s: Services, row: InboundRow, match: { status: string; reason: string }): Prepared['businessAck'] {
  if (row.kind !== 'message' || !row.handling?.busAck) return undefined;
  const code = match.status === 'matched' ? '30001' : /^no patient (has|matches)/.test(match.reason) ? '30002' : undefined;
  if (!code) return undefined;
  const ack = buildAck(
    { fhirVersion: row.format.startsWith('itk3-stu3') ? 'STU3' : 'R4', messageId: row.message_id ?? undefined, sender: row.sender ? { ods: row.sender } : undefined },
    { code }, { senderOds: s.practice.ods, endpoint: s.practice.endpoint, now: s.now() });
  return { code, recipient: row.sender, contentType: ack.contentType, body: ack.body };
}

async function original(s: Services, row: InboundRow): Promise<Uint8Array> {
  const bin = await s.store.tryRead('Binary', row.binary_id) as { data?: string } | undefined;
  if (!bin?.data) throw new Error(`original Binary ${row.binary_id} missing`);
  return new Uint8Array(Buffer.from(bin.data, 'base64'));
}

const committers = new WeakMap<Services, GroupCommit<Prepared, void>>();

/** The queue job: prepare the letter's resources, then commit them with whatever else is ready. */
export async function processInbound(s: Services, inboundId: string): Promise<void> {
  const prepared = await prepare(s, inboundId);
  if (!prepared) return;
  let g = committers.get(s);
  if (!g) committers.set(s, (g = new GroupCommit<Prepared, void>(s.db, (tx, items) => commit(s, tx, items), PROCESS_BATCH, PROCESS_LINGER_MS)));
  await g.submit(prepared);
}

async function prepare(s: Services, inboundId: string): Promise<Prepared | undefined> {
  const recentArrival = takeRecent(s, inboundId);
  const row = recentArrival?.row ?? (await s.db.query<InboundRow>('SELECT * FROM inbound WHERE id = $1', [inboundId]))[0];
  if (!row || row.status === 'processed') return undefined;
  row.id = String(row.id);
  const { bytes, hint, sent } = letterBytes(row, recentArrival?.bytes ?? await original(s, row));
  const { letter, extraction, triage } = await s.analyser.analyse(bytes, hint);
  const match = await findPatient(s, incomingPatient(letter, sent));
  const patient: Reference | undefined = match.status === 'matched' && match.patient?.id ? { reference: `Patient/${match.patient.id}` } : undefined;

  const seed = `inbound:${inboundId}`;
  const drId = uuidFrom(seed, 'DocumentReference');
  const textId = uuidFrom(seed, 'text');
  const docRef: Reference = { reference: `DocumentReference/${drId}` };
  const received = new Date(row.received_at).toISOString();
  const comp = letter.document && compositionOf(letter.document);
  const proposed = extractionResources(extraction, triage, { document: docRef, patient, owner: s.practice.organization, seed, authoredOn: received });
  const review = proposed[proposed.length - 1] as Task;
  if (match.status !== 'matched') {
    // Never on the wrong patient: the review waits in the unmatched queue until a person matches it.
    review.status = 'on-hold';
    review.statusReason = { text: `patient not matched: ${match.reason}` };
    review.meta = { tag: [{ system: CS_TAG, code: 'unmatched', display: 'Patient not matched' }] };
  }
  if (row.handling?.recipientType === 'FI') review.description = `For information copy. ${review.description ?? ''}`;

  const out: FhirResource[] = [
    { resourceType: 'Binary', id: textId, contentType: 'text/plain; charset=utf-8', data: Buffer.from(letter.text).toString('base64') },
  ];
  // A letter sent inside a DocumentReference gets its own Binary, so the app shows the PDF
  // itself; the posted DocumentReference stays as received in the original Binary.
  let letterAttachment = { contentType: row.content_type, url: `Binary/${row.binary_id}` };
  if (sent) {
    const letterId = uuidFrom(seed, 'letter');
    out.push({ resourceType: 'Binary', id: letterId, contentType: hint.contentType!, data: Buffer.from(bytes).toString('base64') });
    letterAttachment = { contentType: hint.contentType!, url: `Binary/${letterId}` };
  }
  const dr: DocumentReference = {
    resourceType: 'DocumentReference', id: drId, status: 'current', docStatus: 'final',
    ...(row.document_id ? { masterIdentifier: { system: 'urn:ietf:rfc:3986', value: row.document_id } } : {}),
    type: comp?.type ?? sent?.type ?? { text: 'Correspondence' }, ...(patient ? { subject: patient } : {}),
    date: received, description: letter.title ?? comp?.title ?? sent?.description,
    custodian: s.practice.organization,
    ...(sent?.author ? { author: sent.author } : {}),
    content: [
      { attachment: { ...letterAttachment, title: 'Letter as received', creation: received }, format: { code: row.format } },
      { attachment: { contentType: 'text/plain; charset=utf-8', url: `Binary/${textId}`, title: 'Text rendition (evidence offsets refer to this)' } },
    ],
    context: { related: [{ reference: `Task/${review.id}` }] },
  };
  if (letter.document) {
    // The normalised document is kept whole (a FHIR document is its Bundle); the DocumentReference
    // is the searchable index of letters (patient, date, status, type).
    if (row.kind === 'document' && row.format === 'fhir-r4-json') {
      // Already an R4 document as received: the original is the normalised form, kept once.
      dr.content.push({ attachment: { contentType: 'application/fhir+json', url: `Binary/${row.binary_id}`, title: 'R4 UK Core document (as received)' } });
    } else {
      const docId = uuidFrom(seed, 'document');
      out.push({ ...(letter.document as Bundle), id: docId });
      dr.content.push({ attachment: { contentType: 'application/fhir+json', url: `Bundle/${docId}`, title: 'Normalised R4 UK Core document' } });
    }
  }

  const targets = proposed.map((r) => ({ reference: `${r.resourceType}/${r.id}` }));
  out.push(...proposed,
    extractionProvenance(s, targets, docRef, VERSION),
    audit.processed(s, { document: docRef, review: { reference: `Task/${review.id}` }, patient, matched: match.status }));
  // the DocumentReference is staged at commit, where a replacement adds its relatesTo
  return { inboundId, replaces: row.replaces, dr, review, out: out.map((r) => s.store.stage(r)), businessAck: businessAck(s, row, match) };
}

/** One transaction for a batch of processed letters: every resource in one write, every inbound row marked. */
async function commit(s: Services, tx: Db, items: Prepared[]): Promise<void[]> {
  for (const p of items) {
    if (!p.replaces) continue;
    const [old] = await tx.query<{ status: string; document_reference_id: string | null }>(
      'SELECT status, document_reference_id FROM inbound WHERE (document_id = $1 OR composition_id = $1) AND id <> $2 ORDER BY id DESC LIMIT 1', [p.replaces, p.inboundId]);
    // The letter it replaces is still being processed: retry later rather than miss the link.
    if (old && old.status === 'accepted') throw new Error('the letter this one replaces is not processed yet');
    if (old?.document_reference_id) {
      p.dr.relatesTo = [{ code: 'replaces', target: { reference: `DocumentReference/${old.document_reference_id}` } }];
      await supersede(s, tx, old.document_reference_id, p.dr.id!);
    }
  }
  await s.store.saveMany(items.flatMap((p) => [p.dr, ...p.out]), tx);
  const acks = items.filter((p) => p.businessAck);
  if (acks.length) {
    await tx.query(
      `INSERT INTO outbox (inbound_id, kind, code, recipient, content_type, body)
       SELECT id, 'business-ack', code, recipient, ct, body FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, code, recipient, ct, body)`,
      [acks.map((p) => p.inboundId), acks.map((p) => p.businessAck!.code), acks.map((p) => p.businessAck!.recipient), acks.map((p) => p.businessAck!.contentType), acks.map((p) => p.businessAck!.body)]);
  }
  await tx.query(
    `UPDATE inbound SET status = 'processed', document_reference_id = u.dr, review_task_id = u.task, error = NULL
     FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, dr, task) WHERE inbound.id = u.id`,
    [items.map((p) => p.inboundId), items.map((p) => p.dr.id), items.map((p) => p.review.id)]);
  return items.map(() => undefined);
}

/** A replacement supersedes the old letter: its DocumentReference and open Tasks stop counting. */
async function supersede(s: Services, tx: Db, oldDr: string, newDr: string): Promise<void> {
  const old = await s.store.tryRead('DocumentReference', oldDr, tx) as DocumentReference | undefined;
  if (!old) return;
  const changed: FhirResource[] = [{ ...old, status: 'superseded' }];
  const tasks = await s.store.search('Task', new URLSearchParams({ focus: `DocumentReference/${oldDr}`, _count: '500' }), { baseUrl: '' }, tx);
  for (const e of tasks.entry ?? []) {
    const t = e.resource as Task;
    if (['completed', 'cancelled', 'entered-in-error'].includes(t.status)) continue;
    changed.push({ ...t, status: 'cancelled', statusReason: { text: `superseded by DocumentReference/${newDr}` } });
  }
  await s.store.saveMany(changed, tx);
}

export async function markFailed(s: Services, inboundId: string, error: string): Promise<void> {
  const [row] = await s.db.query<InboundRow>('SELECT * FROM inbound WHERE id = $1', [inboundId]);
  if (!row) return;
  await s.db.transaction(async (tx) => {
    await tx.query(`UPDATE inbound SET status = 'failed', error = $2 WHERE id = $1`, [inboundId, error.slice(0, 500)]);
    await s.store.saveMany([audit.failed(s, { inboundId, binaryId: row.binary_id, error })], tx);
  });
}

// End to end through the real app and store: hospitals' messages in, acks out, originals kept,
// review Tasks made, duplicates and bad payloads refused without storing anything.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DocumentReference, Task, Bundle } from 'fhir/r4';
import { testServer, type TestServer } from './helpers/server.ts';
import { submissionFor } from '../server/ingest/submission.ts';
import { readMessage } from '../server/ingest/itk3.ts';

const corpus = resolve(import.meta.dirname, '../../shared/corpus/dev');
const read = (f: string) => new Uint8Array(readFileSync(resolve(corpus, f)));
const itkCode = (body: string) => /ITK-ResponseCodes-1"\/>\s*<code value="(\d+)"/.exec(body)?.[1] ?? /"code"\s*:\s*"(\d{5})"/.exec(body)?.[1];

const count = async (t: TestServer, table: string) => Number((await t.services.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
const reviews = (t: TestServer) => t.search('Task', { code: 'correspondence-review' }) as Promise<Task[]>;

const S = suite<{ t: TestServer }>('receive');
S.before(async (ctx) => { ctx.t = await testServer(); });
S.after(async (ctx) => { await ctx.t.close(); });

S('an ITK3 STU3 XML discharge message is acked 20013, kept, and processed to a review Task', async ({ t }) => {
  const bytes = read('dev-a-001.xml');
  const res = await t.post('$process-message', bytes, 'application/fhir+xml');
  const body = await res.text();
  assert.is(res.status, 200, body);
  assert.is(itkCode(body), '20013');
  assert.match(body, /ITK008M/);
  await t.settle();
  const [task] = await reviews(t);
  assert.ok(task, 'review Task exists');
  assert.is(task.businessStatus?.coding?.[0]?.code, 'gp-review');
  assert.is(task.owner?.reference, t.services.practice.organization.reference);
  const dr = (await t.get(task.focus!.reference!)) as DocumentReference;
  assert.is(dr.resourceType, 'DocumentReference');
  const original = await t.get(dr.content[0].attachment.url!);
  assert.equal(new Uint8Array(Buffer.from(original.data, 'base64')), bytes, 'original bytes kept exactly');
  const norm = dr.content.find((c) => c.attachment.url?.startsWith('Bundle/'));
  const doc = await t.get(norm!.attachment.url!);
  assert.is(doc.type, 'document', 'normalised R4 document stored');
  assert.ok(doc.entry.some((e: any) => e.resource.resourceType === 'Composition'));
});

S('a business acknowledgement is owed: 30002 for a patient not registered here, 30001 for one who is', async ({ t }) => {
  const outbox = async () => (await (await t.app.request('/admin/outbox')).json()) as { code: string; body: string; recipient: string }[];
  const first = await outbox();
  assert.is(first.length, 1, 'dev-a-001 asked for a business ack');
  assert.is(first[0].code, '30002');
  assert.match(first[0].body, /ITK008M/);
  // Register the patient of another message, then send it: now the patient is known here.
  const bytes = read('dev-a-004.xml');
  const msg = readMessage(bytes, 'application/fhir+xml');
  const p = msg.document.entry.map((e: any) => e.resource).find((r: any) => r.resourceType === 'Patient');
  await t.services.store.create({ resourceType: 'Patient', identifier: p.identifier.map((i: any) => ({ system: i.system, value: i.value })),
    name: p.name.map((n: any) => ({ family: n.family, given: n.given })), birthDate: p.birthDate });
  assert.is((await t.post('$process-message', bytes, 'application/fhir+xml')).status, 200);
  await t.settle();
  const owed = await outbox();
  if (msg.handling.busAck) {
    assert.is(owed.length, 2);
    assert.is(owed[1].code, '30001');
  } else assert.is(owed.length, 1, 'no business ack when none was asked for');
  const reviews = (await t.search('Task', { code: 'correspondence-review', _count: '50' })) as Task[];
  assert.ok(reviews.some((r) => r.for?.reference?.startsWith('Patient/')), 'matched letter is on its patient');
});

S('re-sending the same message gives 20007 and creates nothing', async ({ t }) => {
  const before = await count(t, 'inbound');
  const tasks = (await reviews(t)).length;
  const res = await t.post('$process-message', read('dev-a-001.xml'), 'application/fhir+xml');
  assert.is(res.status, 409);
  assert.is(itkCode(await res.text()), '20007');
  await t.settle();
  assert.is(await count(t, 'inbound'), before);
  assert.is((await reviews(t)).length, tasks);
});

S('the same document in a new message gives 20008', async ({ t }) => {
  const xml = new TextDecoder().decode(read('dev-a-001.xml'));
  const messageId = /<identifier>\s*<system value="[^"]*"\/>\s*<value value="([^"]+)"\/>/.exec(xml)![1];
  const res = await t.post('$process-message', xml.replace(messageId, '11111111-2222-4333-8444-555555555555'), 'application/fhir+xml');
  assert.is(res.status, 409);
  assert.is(itkCode(await res.text()), '20008');
});

for (const [name, payload, ctype] of [
  ['malformed XML', '<Bundle xmlns="http://hl7.org/fhir"><type value="message"/><entry>', 'application/fhir+xml'],
  ['an XML entity-expansion payload', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Bundle xmlns="http://hl7.org/fhir"><type value="&lol2;"/></Bundle>', 'application/fhir+xml'],
  ['an external-entity payload', '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Bundle xmlns="http://hl7.org/fhir"><type value="&xxe;"/></Bundle>', 'application/fhir+xml'],
  ['a message Bundle without a MessageHeader', '<Bundle xmlns="http://hl7.org/fhir"><id value="x"/><type value="message"/><entry><resource><Patient><id value="p"/></Patient></resource></entry></Bundle>', 'application/fhir+xml'],
  ['a wrong content type', 'a,b,c', 'text/csv'],
] as const) {
  S(`${name} is refused with a 4xx and stores nothing`, async ({ t }) => {
    const inbound = await count(t, 'inbound');
    const res = await t.post('$process-message', payload, ctype);
    assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
    assert.ok((await res.text()).length > 0, 'explains itself');
    assert.is(await count(t, 'inbound'), inbound);
  });
}

S('a DocumentReference without an identifier is recognised by its content when re-sent', async ({ t }) => {
  const dr = { resourceType: 'DocumentReference', status: 'current', content: [{ attachment: { contentType: 'text/plain', data: Buffer.from('Dear Dr Shah\nPlease check her ferritin in 3 months.').toString('base64') } }] };
  assert.is((await t.post('DocumentReference', JSON.stringify(dr), 'application/fhir+json')).status, 202);
  assert.is((await t.post('DocumentReference', JSON.stringify(dr), 'application/fhir+json')).status, 409);
});

S('an unknown event is refused', async ({ t }) => {
  const xml = new TextDecoder().decode(read('dev-a-004.xml')).replace(/ITK00[3-6]D/, 'ITK999X');
  const res = await t.post('$process-message', xml, 'application/fhir+xml');
  assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
});

S('an R4 document Bundle and a PDF DocumentReference are accepted and processed', async ({ t }) => {
  const doc = submissionFor(read('dev-a-002.json'), 'dev-a-002.json');
  assert.is(doc.path, 'Bundle');
  const r1 = await t.post(doc.path, doc.body, doc.contentType);
  assert.is(r1.status, 202, await r1.text());
  const pdf = submissionFor(read('dev-a-011.pdf'), 'dev-a-011.pdf');
  const r2 = await t.post(pdf.path, pdf.body, pdf.contentType);
  assert.is(r2.status, 202, await r2.text());
  await t.settle();
  const drs = (await t.search('DocumentReference', { _count: '50' })) as DocumentReference[];
  const fromPdf = drs.find((d) => d.content[0].attachment.contentType === 'application/pdf');
  assert.ok(fromPdf, 'PDF letter has a DocumentReference');
  const text = await t.get(fromPdf!.content[1].attachment.url!);
  assert.match(Buffer.from(text.data, 'base64').toString(), /atrial fibrillation/i, 'text taken out of the PDF');
});

S('a DocumentReference whose "PDF" is not a PDF is refused at once and stores nothing', async ({ t }) => {
  const inbound = await count(t, 'inbound');
  const dr = { resourceType: 'DocumentReference', status: 'current', content: [{ attachment: { contentType: 'application/pdf', data: Buffer.from('Dear Dr Shah, this is plain text').toString('base64') } }] };
  const res = await t.post('DocumentReference', JSON.stringify(dr), 'application/fhir+json');
  assert.is(res.status, 400);
  assert.match(await res.text(), /not a PDF/);
  assert.is(await count(t, 'inbound'), inbound);
});

S('an unmatched letter waits in the unmatched queue; a matched one is on its patient', async ({ t }) => {
  await t.services.store.create({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9997973097' }], name: [{ family: 'Holloway', given: ['Edith'] }], birthDate: '1939-06-03' });
  const sub = submissionFor(read('dev-a-003.txt'), 'dev-a-003.txt');
  assert.is((await t.post(sub.path, sub.body, sub.contentType)).status, 202);
  await t.settle();
  const all = await reviews(t);
  const holloway = (await t.search('Patient', { identifier: 'https://fhir.nhs.uk/Id/nhs-number|9997973097' }))[0];
  const matched = all.filter((x) => x.for?.reference === `Patient/${holloway.id}`);
  assert.is(matched.length, 1, 'the letter whose patient is registered is on that patient');
  const unmatched = all.filter((x) => !x.for);
  assert.ok(unmatched.length >= 1);
  for (const u of unmatched) {
    assert.is(u.status, 'on-hold');
    assert.ok(u.meta?.tag?.some((c) => c.code === 'unmatched'));
  }
});

S('a replacement document supersedes the old one and its review', async ({ t }) => {
  const doc = JSON.parse(new TextDecoder().decode(read('dev-a-005.json'))) as Bundle;
  const first = { ...doc, identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:0d7c7d1e-0000-4000-8000-000000000001' } };
  assert.is((await t.post('Bundle', JSON.stringify(first), 'application/fhir+json')).status, 202);
  await t.settle();
  const second = structuredClone(first);
  second.identifier!.value = 'urn:uuid:0d7c7d1e-0000-4000-8000-000000000002';
  (second.entry![0].resource as any).relatesTo = [{ code: 'replaces', targetIdentifier: first.identifier }];
  assert.is((await t.post('Bundle', JSON.stringify(second), 'application/fhir+json')).status, 202);
  await t.settle();
  const drs = (await t.search('DocumentReference', { _count: '100' })) as DocumentReference[];
  const oldDr = drs.find((d) => d.masterIdentifier?.value === first.identifier.value)!;
  const newDr = drs.find((d) => d.masterIdentifier?.value === second.identifier!.value)!;
  assert.is(oldDr.status, 'superseded');
  assert.is(newDr.relatesTo?.[0]?.target?.reference, `DocumentReference/${oldDr.id}`);
  const oldTasks = (await t.search('Task', { focus: `DocumentReference/${oldDr.id}` })) as Task[];
  assert.ok(oldTasks.length > 0 && oldTasks.every((x) => x.status === 'cancelled'), 'old review and actions cancelled');
});

S('the review count is searchable with _summary=count', async ({ t }) => {
  const b = await t.get('Task?code=correspondence-review&_summary=count');
  assert.is(b.resourceType, 'Bundle');
  assert.is(b.total, (await reviews(t)).length);
});

S.run();

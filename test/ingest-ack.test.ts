// ITK008M responses compared with the official ITK-Response-<code>-Example-1.xml files: the same
// Bundle, MessageHeader and OperationOutcome, differing only in ids, times and endpoints.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAck, ackBundle, UNKNOWN_MESSAGE_ID } from '../server/ingest/ack.ts';
import { parseFhirXml } from '../server/ingest/fhir-xml.ts';
import { readMessage } from '../server/ingest/itk3.ts';

const examples = resolve(import.meta.dirname, '../../shared/examples/nhsconnect-STU3-FHIR-Assets');
const example = (code: string) => parseFhirXml(readFileSync(resolve(examples, `ITK-Response-${code}-Example-1.xml`), 'utf8'));
const opts = { senderOds: 'K84619', senderName: 'The Willows Surgery', endpoint: 'K84619OT001', now: new Date('2026-01-14T15:31:00Z') };
const incoming = { fhirVersion: 'STU3' as const, messageId: 'abed1fd0-d6dd-5196-8b05-d1560a5a26be', sender: { ods: 'RZB', endpoint: 'RZBOT002' } };

/** Replace what legitimately differs between two responses (ids, times, endpoints) with '*'. */
function skeleton(v: any, key = ''): any {
  if (Array.isArray(v)) return v.map((x) => skeleton(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, skeleton(x, k)]));
  if (['id', 'fullUrl', 'timestamp', 'endpoint'].includes(key)) return '*';
  if (key === 'identifier' && v !== 'UNREADABLE-IN-ORIGINAL-MESSAGE') return '*';
  if (key === 'reference' && /^urn:uuid:/.test(v)) return '*';
  if (key === 'value' && /^[0-9a-f-]{36}$/.test(v)) return '*';
  return v;
}
const byType = (b: any, t: string) => b.entry.find((e: any) => e.resource.resourceType === t)?.resource;

for (const code of ['20013', '20007', '20008', '20009', '10009', '10001', '20006', '20015']) {
  test(`ITK ${code} response matches the official example`, () => {
    const ex = example(code).resource;
    // Two of the official examples (10001, 10002) also name a receiver that resolves to nothing
    // in the Bundle; the rest do not, and neither do we.
    delete byType(ex, 'MessageHeader').receiver;
    const ack = buildAck(code === '10009' ? null : incoming, { code }, opts);
    assert.is(ack.contentType, 'application/fhir+xml; fhirVersion=3.0');
    const ours = parseFhirXml(ack.body);
    assert.is(ours.fhirVersion, 'STU3');
    const b = ours.resource;
    assert.equal(Object.keys(b), Object.keys(ex));
    assert.equal(skeleton({ ...b, entry: undefined }), skeleton({ ...ex, entry: undefined }));
    assert.equal(skeleton(byType(b, 'MessageHeader')), skeleton(byType(ex, 'MessageHeader')));
    assert.equal(skeleton(byType(b, 'OperationOutcome')), skeleton(byType(ex, 'OperationOutcome')));
    // the header answers the incoming message and points at the OperationOutcome
    const h = byType(b, 'MessageHeader');
    assert.is(h.response.identifier, code === '10009' ? 'UNREADABLE-IN-ORIGINAL-MESSAGE' : incoming.messageId);
    assert.is(h.response.details.reference, b.entry.find((e: any) => e.resource.resourceType === 'OperationOutcome').fullUrl);
    assert.is(b.entry.find((e: any) => e.fullUrl === h.sender.reference).resource.identifier[0].value, 'K84619');
  });
}

test('diagnostics text is carried when given; unknown codes are refused', () => {
  const { bundle } = ackBundle(incoming, { code: '20009', text: 'Composition missing' }, opts);
  assert.is(byType(bundle, 'OperationOutcome').issue[0].diagnostics, 'Composition missing');
  assert.throws(() => buildAck(incoming, { code: '99999' }, opts), /not an ITK response code/);
});

test('an unreadable message is answered in STU3 with a placeholder response identifier', () => {
  const ack = buildAck(null, { code: '10009' }, opts);
  const h = byType(parseFhirXml(ack.body).resource, 'MessageHeader');
  assert.is(h.response.identifier, UNKNOWN_MESSAGE_ID);
  assert.is(h.response.code, 'fatal-error');
});

test('R4 senders get an R4 JSON response Bundle', () => {
  const ack = buildAck({ fhirVersion: 'R4', messageId: 'm-1', sender: { ods: 'RZB' } }, { code: '20013' }, { ...opts, idGen: (() => { let n = 0; return () => `id-${++n}`; })() });
  assert.is(ack.contentType, 'application/fhir+json; fhirVersion=4.0');
  const b = JSON.parse(ack.body);
  assert.is(b.type, 'message');
  assert.is(b.timestamp, '2026-01-14T15:31:00+00:00');
  const h = byType(b, 'MessageHeader');
  assert.equal(h.eventCoding, { system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-MessageEvent', code: 'ITK008M', display: 'ITK Response' });
  assert.equal(h.response, { identifier: 'm-1', code: 'ok', details: { reference: 'urn:uuid:id-4' } });
  assert.equal(h.destination[0].receiver.identifier.value, 'RZB');
  assert.equal(byType(b, 'OperationOutcome').issue[0].details.coding[0], { system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-ITKResponseCode', code: '20013', display: 'Success' });
});

test('a refused but readable message is answered with its own id and version', () => {
  try { readMessage(new Uint8Array(readFileSync(resolve(examples, 'ITK-Response-20013-Example-1.xml'))), 'application/fhir+xml'); } catch (e: any) {
    const ack = buildAck(e.received, { code: e.itkCode, text: e.message }, opts);
    const h = byType(parseFhirXml(ack.body).resource, 'MessageHeader');
    assert.is(h.response.identifier, '65fa69b8-7276-461e-a67e-04e2e29cd407');
    assert.is(h.response.code, 'fatal-error');
    return;
  }
  assert.unreachable('ITK008M is not an event Postroom receives');
});

test('the ack for a real message names its Bundle identifier', () => {
  const msg = readMessage(new Uint8Array(readFileSync(resolve(examples, '../../corpus/dev/dev-a-001.xml'))), 'application/fhir+xml');
  const ack = buildAck(msg, { code: '20013' }, opts);
  assert.match(ack.body, /<identifier value="abed1fd0-d6dd-5196-8b05-d1560a5a26be"\/>/);
  assert.match(ack.body, /ITK-ResponseCodes-1"\/>\s*<code value="20013"\/>/);
});

test.run();

// Reading inbound ITK3 / R4 messages: what is taken from the envelope, and each refusal with its
// own reason, HTTP status and ITK3 response code.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { readMessage, wrapInMessage, versionOfJson } from '../server/ingest/itk3.ts';
import { IngestError } from '../server/ingest/errors.ts';
import { parseFhirXml, toFhirXml } from '../server/ingest/fhir-xml.ts';
import { stu3DocumentToR4 } from '../server/normalise/stu3-to-r4.ts';

const shared = resolve(import.meta.dirname, '../../shared');
const bytes = (s: string) => new TextEncoder().encode(s);
const file = (p: string) => new Uint8Array(readFileSync(resolve(shared, p)));
const XML = 'application/fhir+xml';
const devXml = readdirSync(resolve(shared, 'corpus/dev')).filter((f) => f.endsWith('.xml'));
const stu3Doc = (p: string) => parseFhirXml(readFileSync(resolve(shared, p), 'utf8')).resource;
const ids = () => { let n = 0; return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`; };
const wrap = (doc: any, fhirVersion: 'STU3' | 'R4', extra: object = {}) =>
  wrapInMessage(doc, { event: 'ITK003D', sender: { ods: 'RZB', name: 'Kingsmere', endpoint: 'RZBOT002' }, receiverOds: 'K84619', fhirVersion, idGen: ids(), now: new Date('2026-01-02T03:04:05Z'), ...extra });

function refused(b: Uint8Array, ct: string, reason: string, itkCode: string, status: number): IngestError {
  try { readMessage(b, ct); } catch (e) {
    assert.instance(e, IngestError);
    const ie = e as IngestError;
    assert.is(ie.reason, reason, ie.message);
    assert.is(ie.itkCode, itkCode, ie.message);
    assert.is(ie.status, status);
    assert.is(ie.issue.details?.coding?.[0]?.code, itkCode);
    assert.is(ie.issue.severity, 'fatal');
    return ie;
  }
  assert.unreachable(`expected ${reason}`);
  throw new Error();
}

/** Edit the first MessageHeader of an STU3 XML message through JSON, then back to XML. */
function edited(p: string, edit: (bundle: any) => void): Uint8Array {
  const b = stu3Doc(p);
  edit(b);
  return bytes(toFhirXml(b, 'STU3'));
}

test('every dev-corpus ITK3 message is read: ids, event, handling, parties, document', () => {
  for (const f of devXml) {
    const m = readMessage(file(`corpus/dev/${f}`), XML);
    assert.is(m.fhirVersion, 'STU3', f);
    assert.is(m.format, 'itk3-stu3-xml');
    assert.ok(m.messageId && m.documentId, f);
    assert.ok(['ITK003D', 'ITK004D', 'ITK005D', 'ITK006D'].includes(m.event.code), f);
    assert.is(m.document.type, 'document');
    assert.is(m.header.resourceType, 'MessageHeader');
    assert.ok(m.receiver.ods, `${f} receiver`);
    assert.ok(m.sender.ods && m.sender.endpoint, `${f} sender`);
  }
  const m = readMessage(file('corpus/dev/dev-a-001.xml'), XML);
  assert.is(m.messageId, 'abed1fd0-d6dd-5196-8b05-d1560a5a26be');
  assert.is(m.bundleId, '48a7197c-0a77-594d-b98d-237e8a76f0bb');
  assert.equal(m.event, { code: 'ITK003D', display: 'ITK eDischarge', system: 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2' });
  assert.equal({ busAck: m.handling.busAck, infAck: m.handling.infAck, recipientType: m.handling.recipientType, priority: m.handling.priority }, { busAck: true, infAck: true, recipientType: 'FA', priority: 'routine' });
  assert.equal(m.sender, { ods: 'RZB', name: 'Kingsmere University Hospitals NHS Trust', endpoint: 'RZBOT002' });
  assert.equal(m.receiver, { ods: 'K84619', name: 'The Willows Surgery' });
  assert.is(m.documentId, 'a362a979-8bb3-5bd5-97a3-62e8888b8a72');
});

test('the CCRI ITK3 message and wrapped official document bundles are read', () => {
  const m = readMessage(file('examples/nhsconnect-careconnect-reference-implementation/ITK-EDIS-TEST-032a.xml'), 'application/xml');
  assert.is(m.handling.infAck, true);
  assert.is(m.handling.busAck, false);
  assert.is(m.receiver.ods, 'RY6');
  for (const f of ['ITK-EDIS-Example-1.xml', 'ITK-MH-Document-Bundle-Example-1.xml', 'ITK-OPL-Document-Bundle-1-Example-1.xml']) {
    const doc = stu3Doc(`examples/nhsconnect-STU3-FHIR-Assets/${f}`);
    const msg = wrap(doc, 'STU3');
    const read = readMessage(bytes(toFhirXml(msg, 'STU3')), XML);
    assert.is(read.documentId, doc.identifier.value);
    assert.equal(read.document, doc);
    assert.equal(read.sender, { ods: 'RZB', name: 'Kingsmere', endpoint: 'RZBOT002' });
  }
});

test('R4 message Bundles are read from JSON and XML; STU3 JSON too', () => {
  const r4doc = stu3DocumentToR4(stu3Doc('corpus/dev/dev-a-001.xml').entry.at(-1).resource).document;
  const msg = wrap(r4doc, 'R4');
  const j = readMessage(bytes(JSON.stringify(msg)), 'application/fhir+json; fhirVersion=4.0');
  assert.is(j.fhirVersion, 'R4');
  assert.is(j.format, 'fhir-r4-json');
  assert.equal(j.handling, { busAck: false, infAck: false });
  assert.is(j.receiver.ods, 'K84619');
  const x = readMessage(bytes(toFhirXml(msg, 'R4')), XML);
  assert.is(x.format, 'fhir-r4-xml');
  assert.is(x.documentId, j.documentId);
  const s = readMessage(bytes(JSON.stringify(stu3Doc('corpus/dev/dev-a-001.xml'))), 'application/json');
  assert.is(s.format, 'itk3-stu3-json');
  assert.is(versionOfJson(msg), 'R4');
});

test('the UK Core R4 message header shape (eventCoding SNOMED, destination receiver, focus Encounter) is accepted', () => {
  const hdr = parseFhirXml(readFileSync(resolve(shared, 'examples/NHSDigital-FHIR-R4-UKCORE-STAGING-MAIN/UKCore-MessageHeader-Discharge-Example.xml'), 'utf8')).resource;
  const r4doc = stu3DocumentToR4(stu3Doc('corpus/dev/dev-a-001.xml').entry.at(-1).resource).document;
  const msg = { resourceType: 'Bundle', identifier: { value: 'm-1' }, type: 'message', entry: [{ fullUrl: 'urn:uuid:h', resource: hdr }, { fullUrl: 'urn:uuid:d', resource: r4doc }] };
  const m = readMessage(bytes(JSON.stringify(msg)), 'application/fhir+json');
  assert.is(m.event.code, '306689006');
  assert.equal(m.receiver, { ods: 'RY6', name: 'LEEDS COMMUNITY HEALTHCARE NHS TRUST' });
  assert.is(m.sender.ods, 'X26');
  assert.is(m.messageId, 'm-1');
});

test('the unknown-practice code V81999 is accepted and flagged', () => {
  const msg = wrap(stu3Doc('examples/nhsconnect-STU3-FHIR-Assets/ITK-EDIS-Example-1.xml'), 'STU3', { receiverOds: 'V81999' });
  const m = readMessage(bytes(toFhirXml(msg, 'STU3')), XML);
  assert.equal(m.receiver, { ods: 'V81999', unknownPractice: true });
});

test('a replacement document says which document it replaces', () => {
  const doc = stu3Doc('examples/nhsconnect-STU3-FHIR-Assets/ITK-EDIS-Example-1.xml');
  doc.entry[0].resource.relatesTo = [{ code: 'replaces', targetIdentifier: { system: 'https://tools.ietf.org/html/rfc4122', value: 'old-doc-1' } }];
  const m = readMessage(bytes(toFhirXml(wrap(doc, 'STU3'), 'STU3')), XML);
  assert.is(m.replaces, 'old-doc-1');
});

test('unreadable input: malformed XML, DOCTYPE, bad JSON, bad UTF-8, wrong content type, too large', () => {
  const e = refused(bytes('<Bundle xmlns="http://hl7.org/fhir"><type value="message">'), XML, 'malformed-xml', '10009', 400);
  assert.match(e.message, /line 1/);
  assert.is(e.received, undefined); // unreadable: nothing is known of the message
  refused(bytes('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Bundle xmlns="http://hl7.org/fhir"/>'), XML, 'doctype', '10009', 400);
  refused(bytes('{"resourceType": "Bundle",'), 'application/fhir+json', 'malformed-json', '10009', 400);
  refused(bytes('[1,2]'), 'application/fhir+json', 'not-fhir', '10009', 400);
  refused(bytes('{"resourceType":"Bundle","x":' + '['.repeat(5000) + ']'.repeat(5000) + '}'), 'application/fhir+json', 'malformed-json', '10009', 400);
  const j = refused(bytes('{"resourceType": "Bundle", "secret": "Jane Doe" '), 'application/fhir+json', 'malformed-json', '10009', 400);
  assert.not.match(j.message, /Jane/); // the input is not echoed back
  refused(new Uint8Array([0x3c, 0xff, 0xfe]), XML, 'unreadable', '10009', 400);
  refused(bytes('%PDF-1.4'), 'application/pdf', 'unsupported-media-type', '10009', 415);
  refused(bytes('hello'), '', 'unsupported-media-type', '10009', 415);
  assert.throws(() => readMessage(file('corpus/dev/dev-a-001.xml'), XML, { maxBytes: 1000 }), (x: IngestError) => x.reason === 'too-large' && x.itkCode === '20015' && x.status === 413);
});

test('envelope refusals: not a message, no MessageHeader, unknown event, no document', () => {
  refused(bytes('<Patient xmlns="http://hl7.org/fhir"/>'), XML, 'not-message', '20006', 422);
  const bare = refused(file('examples/nhsconnect-STU3-FHIR-Assets/ITK-EDIS-Example-1.xml'), XML, 'not-message', '20006', 422);
  assert.match(bare.message, /document Bundle was sent without/);
  refused(edited('corpus/dev/dev-a-001.xml', (b) => b.entry.push(b.entry.shift())), XML, 'no-message-header', '20006', 422);
  const ev = refused(file('examples/nhsconnect-STU3-FHIR-Assets/ITK-Response-20013-Example-1.xml'), XML, 'unknown-event', '20006', 422);
  assert.equal(ev.received, { fhirVersion: 'STU3', messageId: '65fa69b8-7276-461e-a67e-04e2e29cd407', sender: { endpoint: 'NOROT003' } });
  refused(edited('corpus/dev/dev-a-001.xml', (b) => { delete b.entry[0].resource.event; }), XML, 'unknown-event', '20006', 422);
  refused(edited('corpus/dev/dev-a-001.xml', (b) => { b.entry = b.entry.filter((e: any) => e.resource.type !== 'document'); }), XML, 'no-document', '20009', 422);
  refused(edited('corpus/dev/dev-a-001.xml', (b) => { const d = b.entry.find((e: any) => e.resource.type === 'document').resource; d.entry.shift(); }), XML, 'invalid-document', '20009', 422);
});

test('handling specification refusals carry the ITK 10xxx codes', () => {
  const handling = (b: any) => b.entry[0].resource.extension[0].extension as any[];
  const set = (name: string, v: any) => (b: any) => { const e = handling(b).find((x) => x.url === name); Object.keys(e).forEach((k) => k !== 'url' && delete e[k]); Object.assign(e, v); };
  refused(edited('corpus/dev/dev-a-001.xml', (b) => { delete b.entry[0].resource.extension; }), XML, 'handling-missing', '10001', 422);
  refused(edited('corpus/dev/dev-a-001.xml', set('InfAckRequested', { valueString: 'yes' })), XML, 'handling-invalid', '10002', 422);
  refused(edited('corpus/dev/dev-a-001.xml', set('BusAckRequested', { valueString: 'yes' })), XML, 'handling-invalid', '10003', 422);
  refused(edited('corpus/dev/dev-a-001.xml', set('InfAckRequested', { valueBoolean: false })), XML, 'handling-rule', '10008', 422);
  refused(edited('corpus/dev/dev-a-001.xml', set('RecipientType', { valueCoding: { code: 'XX' } })), XML, 'handling-invalid', '10010', 422);
  refused(edited('corpus/dev/dev-a-001.xml', (b) => { b.entry[0].resource.extension[0].extension = handling(b).filter((x) => x.url !== 'MessageDefinition'); }), XML, 'handling-invalid', '10004', 422);
  refused(edited('corpus/dev/dev-a-001.xml', set('SenderReference', { valueInteger: 1 })), XML, 'handling-invalid', '10007', 422);
});

test('reading a ~50 KB ITK3 message takes a few milliseconds', () => {
  const b = file('corpus/dev/dev-a-010.xml');
  for (let i = 0; i < 10; i++) readMessage(b, XML);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) { const t = performance.now(); readMessage(b, XML); times.push(performance.now() - t); }
  times.sort((a, c) => a - c);
  assert.ok(times[15] < 5, `median ${times[15].toFixed(2)} ms`);
});

test.run();

// Every official example in ../shared/examples is accepted the way a hospital would send it
// (bare documents wrapped in an ITK3 message), and each gives a success ack, a stored original,
// normalised R4 resources and a review Task. Each example goes to a fresh store: several NHS
// examples are copies of one document (same identifiers), which one store rightly answers 20008.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Bundle, DocumentReference, Task } from 'fhir/r4';
import { testServer } from './helpers/server.ts';
import { submissionFor } from '../server/ingest/submission.ts';
import { parseFhirXml, toFhirXml } from '../server/ingest/fhir-xml.ts';

const examples = resolve(import.meta.dirname, '../../shared/examples');
const stu3 = ['nhsconnect-STU3-FHIR-Assets', 'nhsconnect-careconnect-reference-implementation']
  .flatMap((d) => readdirSync(resolve(examples, d)).filter((f) => f.endsWith('.xml') && !f.startsWith('ITK-Response')).map((f) => resolve(examples, d, f)));

const ukCore = resolve(examples, 'NHSDigital-FHIR-R4-UKCORE-STAGING-MAIN');
/** The UK Core examples are single resources: assemble them into an R4 document inside an R4 message, as a sender would. */
function ukCoreMessage(): Uint8Array {
  const read = (f: string) => parseFhirXml(readFileSync(resolve(ukCore, f), 'utf8'), { fhirVersion: 'R4' }).resource;
  const files = readdirSync(ukCore).filter((f) => f.endsWith('.xml') && !f.includes('MessageHeader'));
  const comp = read('UKCore-Composition-Discharge-Example.xml');
  const others = files.filter((f) => !f.includes('Composition')).map(read);
  const doc: Bundle = {
    resourceType: 'Bundle', id: 'ukcore-example-document', type: 'document', timestamp: comp.date,
    identifier: { system: 'https://tools.ietf.org/html/rfc4122', value: '3d2827e3-0000-4000-8000-00000000ab01' },
    entry: [comp, ...others].map((r) => ({ fullUrl: `https://example.org/fhir/${r.resourceType}/${r.id}`, resource: r })),
  };
  const header = read('../NHSDigital-FHIR-R4-UKCORE-STAGING-MAIN/UKCore-MessageHeader-Discharge-Example.xml');
  const message = {
    resourceType: 'Bundle', id: 'ukcore-example-message', type: 'message', timestamp: comp.date,
    identifier: { system: 'https://tools.ietf.org/html/rfc4122', value: '3d2827e3-0000-4000-8000-00000000ab02' },
    entry: [{ fullUrl: `https://example.org/fhir/MessageHeader/${header.id}`, resource: header }, { fullUrl: 'urn:uuid:3d2827e3-0000-4000-8000-00000000ab01', resource: doc }],
  };
  return new TextEncoder().encode(toFhirXml(message, 'R4'));
}

async function sendAndCheck(name: string, body: Uint8Array, contentType: string) {
  const t = await testServer();
  try {
    const res = await t.post('$process-message', body, contentType);
    const ack = await res.text();
    assert.is(res.status, 200, `${name}: ${ack.slice(0, 400)}`);
    assert.match(ack, /20013/, `${name}: success ack`);
    await t.settle();
    const [task] = (await t.search('Task', { code: 'correspondence-review' })) as Task[];
    assert.ok(task, `${name}: review Task`);
    const dr = (await t.get(task.focus!.reference!)) as DocumentReference;
    const original = await t.get(dr.content[0].attachment.url!);
    assert.equal(new Uint8Array(Buffer.from(original.data, 'base64')), body, `${name}: original kept`);
    const norm = dr.content.find((c) => c.attachment.contentType === 'application/fhir+json');
    const doc = (await t.get(norm!.attachment.url!)) as Bundle;
    assert.is(doc.type, 'document', `${name}: normalised R4 document`);
    assert.ok(doc.entry?.some((e) => e.resource?.resourceType === 'Composition'));
    const comp = doc.entry!.find((e) => e.resource?.resourceType === 'Composition')!.resource as any;
    assert.ok(comp.section?.length > 0 && comp.section.every((sec: any) => sec.code?.coding?.some((c: any) => c.system === 'https://fhir.hl7.org.uk/CodeSystem/UKCore-RecordStandardHeadings')), `${name}: sections carry UK Core heading codes`);
  } finally {
    await t.close();
  }
}

for (const file of stu3) {
  test(`STU3 example ${file.split('/').pop()} is accepted and processed`, async () => {
    const sub = submissionFor(new Uint8Array(readFileSync(file)), file);
    await sendAndCheck(file, sub.body, sub.contentType);
  });
}

test('the UK Core R4 examples, as one R4 message (XML), are accepted and processed', async () => {
  await sendAndCheck('UK Core', ukCoreMessage(), 'application/fhir+xml');
});

test.run();

// saveMany throughput: letters of 20 resources shaped like the ingest pipeline's output
// (DocumentReference + Binary, Conditions, Procedures, MedicationStatements, action Tasks, the
// review Task, Provenance, AuditEvent), each letter written in its own transaction, on PGlite
// (in memory and in a folder) and on PostgreSQL when reachable.
//   node --import tsx bench/store.ts [letters=600] [--batch=N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { FhirResource as Resource } from 'fhir/r4';
import { openDb, type Db, type OpenDbOptions } from '../server/store/db.ts';
import { ResourceStore } from '../server/store/resources.ts';
import { uuidFrom } from '../server/ids.ts';

const SCT = 'http://snomed.info/sct';
const EVIDENCE = 'https://fhir.postroom.dev/StructureDefinition/evidence';
const evidence = (quote: string, start: number) => [{
  url: EVIDENCE,
  extension: [{ url: 'quote', valueString: quote }, { url: 'section', valueString: 'Diagnosis' }, { url: 'start', valueInteger: start }, { url: 'end', valueInteger: start + quote.length }],
}, { url: 'https://fhir.postroom.dev/StructureDefinition/extraction-source', valueCode: 'narrative' }];

/** One letter's worth of resources (20). */
export function letterResources(n: number): Resource[] {
  const id = (k: string, i = 0) => uuidFrom('bench', String(n), k, String(i));
  const patient = { reference: `Patient/${uuidFrom('bench-patient', String(n % 500))}` };
  const doc = { reference: `DocumentReference/${id('doc')}` };
  const owner = { reference: 'Organization/practice' };
  const text = `Dear Dr Smith, I reviewed this patient in clinic. Diagnosis: type 2 diabetes mellitus. `.repeat(30);
  const out: Resource[] = [
    { resourceType: 'Binary', id: id('bin'), contentType: 'text/plain', data: Buffer.from(text).toString('base64') },
    {
      resourceType: 'DocumentReference', id: id('doc'), status: 'current', masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id('msg')}` },
      type: { coding: [{ system: SCT, code: '823701000000103', display: 'Outpatient letter' }] }, subject: patient, date: '2024-03-04T09:30:00Z',
      author: [{ display: 'Leeds Teaching Hospitals' }], custodian: owner,
      content: [{ attachment: { contentType: 'text/plain', url: `Binary/${id('bin')}`, size: text.length, title: 'Clinic letter' } }],
    },
  ];
  for (let i = 0; i < 5; i++) {
    out.push({
      resourceType: 'Condition', id: id('dx', i), extension: evidence('type 2 diabetes mellitus', 100 + i),
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
      code: { coding: [{ system: SCT, code: String(44054006 + i), display: 'Diabetes mellitus type 2' }], text: 'type 2 diabetes mellitus' }, subject: patient,
    });
  }
  for (let i = 0; i < 2; i++) {
    out.push({ resourceType: 'Procedure', id: id('proc', i), status: 'completed', extension: evidence('colonoscopy', 300), code: { coding: [{ system: SCT, code: '73761001', display: 'Colonoscopy' }] }, subject: patient, performedDateTime: '2024-02-20' });
  }
  for (let i = 0; i < 4; i++) {
    out.push({
      resourceType: 'MedicationStatement', id: id('med', i), status: 'active', extension: evidence('start metformin 500mg twice daily', 400),
      medicationCodeableConcept: { text: 'metformin', coding: [{ system: SCT, code: '109081006', display: 'metformin' }] }, subject: patient, dosage: [{ text: '500mg twice daily' }],
    });
  }
  for (let i = 0; i < 4; i++) {
    out.push({
      resourceType: 'Task', id: id('action', i), status: 'draft', intent: 'proposal', priority: 'routine', extension: evidence('please repeat HbA1c in 3 months', 500),
      code: { coding: [{ system: 'https://fhir.postroom.dev/CodeSystem/action-category', code: 'test' }], text: 'test' }, description: 'Repeat HbA1c in 3 months',
      focus: doc, partOf: [{ reference: `Task/${id('review')}` }], for: patient, owner, authoredOn: '2024-03-04T09:31:00Z', restriction: { period: { end: '2024-06-04' } },
    });
  }
  out.push({
    resourceType: 'Task', id: id('review'), status: 'requested', intent: 'order', priority: 'routine',
    code: { coding: [{ system: 'https://fhir.postroom.dev/CodeSystem/task-code', code: 'correspondence-review', display: 'Correspondence review' }] },
    businessStatus: { coding: [{ system: 'https://fhir.postroom.dev/CodeSystem/review-route', code: 'gp', display: 'GP review' }] },
    description: 'New diagnosis; medication started', focus: doc, for: patient, owner, authoredOn: '2024-03-04T09:31:00Z',
  });
  out.push({ resourceType: 'Provenance', id: id('prov'), target: [doc, { reference: `Task/${id('review')}` }], recorded: '2024-03-04T09:31:00Z', agent: [{ who: { display: 'Postroom' } }], entity: [{ role: 'source', what: doc }] });
  out.push({ resourceType: 'AuditEvent', id: id('audit'), type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110107' }, action: 'C', recorded: '2024-03-04T09:31:00Z', agent: [{ requestor: false, who: { display: 'Postroom' } }], source: { observer: { display: 'Postroom' } }, entity: [{ what: doc }] });
  return out;
}

async function run(label: string, opts: OpenDbOptions, letters: number, batch: number, cleanup?: () => Promise<void>) {
  let db: Db | undefined;
  try {
    db = await openDb(opts);
    const store = new ResourceStore(db);
    const perLetter = letterResources(0).length;
    const write = async (from: number) => {
      const list: Resource[] = [];
      for (let k = 0; k < batch; k++) list.push(...letterResources(from + k));
      await db!.transaction((tx) => store.saveMany(list, tx));
    };
    for (let i = 0; i < Math.min(100, letters); i += batch) await write(1_000_000 + i); // warm up (JIT, caches)
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < letters; i += batch) await write(i);
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / letters;
    const t1 = performance.now();
    for (let i = 0; i < Math.min(200, letters); i += batch) await write(i); // same ids again: updates
    const su = (performance.now() - t1) / 1000;
    const n = Math.min(200, letters);
    console.log(`${label.padEnd(26)} ${(letters * perLetter / s).toFixed(0).padStart(7)} resources/s  ${(letters / s).toFixed(0).padStart(5)} letters/s` +
      `   ${cpuMs.toFixed(2)} ms CPU/letter in this process   (re-save as update: ${(n / su).toFixed(0)} letters/s)`);
  } catch (e) {
    console.log(`${label.padEnd(26)} skipped: ${(e as Error).message}`);
  } finally {
    await db?.close().catch(() => {});
    await cleanup?.();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const letters = Number(args.find((a) => /^\d+$/.test(a)) ?? 600);
  const batch = Number(args.find((a) => a.startsWith('--batch='))?.slice(8) ?? 1);
  console.log(`saveMany: ${letters} letters of ${letterResources(0).length} resources, ${batch} letter(s) per transaction`);
  await run('PGlite (memory)', {}, letters, batch);
  const dir = mkdtempSync(join(tmpdir(), 'postroom-bench-'));
  await run('PGlite (dataDir)', { dataDir: dir }, letters, batch, async () => rmSync(dir, { recursive: true, force: true }));
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${process.pid}`;
  await run('PostgreSQL', { url, schema }, letters, batch, async () => {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } catch {
      // unreachable: nothing to drop
    } finally {
      await c.end().catch(() => {});
    }
  });
}

// run only as a script (tests and other benches import letterResources)
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bundle, Patient, PractitionerRole, Organization } from 'fhir/r4';
import { samplePractice, sampleLetters, sampleManifest } from '../examples/index.ts';
import { buildPracticeBundle } from '../examples/practice.ts';
import { LETTERS } from '../examples/letters-data.ts';
import { renderLetter } from '../examples/render.ts';
import { letterFromBytes } from '../server/ingest/letter.ts';
import { readMessage } from '../server/ingest/itk3.ts';
import { patientFromText } from '../server/ingest/demographics.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../server/workflow/nhs-number.ts';
import { matchPatient, surnamesAgree, type PatientCandidates } from '../server/workflow/match.ts';
import { NHS_NUMBER, ODS_CODE } from '../server/types.ts';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../examples');
const bundle = samplePractice();
const resources = (type: string) => (bundle.entry ?? []).map((e) => e.resource!).filter((r) => r.resourceType === type);
const patients = resources('Patient') as Patient[];
const nhsOf = (p: Patient) => p.identifier?.find((i) => i.system === NHS_NUMBER)?.value;

const register: PatientCandidates = {
  async byNhs(nhs) { return patients.filter((p) => nhsOf(p) === nhs); },
  async byDemographics(q) {
    return patients.filter((p) => (!q.birthDate || p.birthDate === q.birthDate) && (!q.family || p.name?.some((n) => surnamesAgree(n.family, q.family))));
  },
};

test('practice.json is a transaction Bundle with an ODS-coded practice, GPs and administrators', () => {
  assert.is(bundle.resourceType, 'Bundle');
  assert.is(bundle.type, 'transaction');
  for (const e of bundle.entry!) assert.is(e.request?.method, 'PUT');
  const org = resources('Organization')[0] as Organization;
  assert.match(org.identifier!.find((i) => i.system === ODS_CODE)!.value!, /^[A-Z]\d{5}$/);
  const roles = resources('PractitionerRole') as PractitionerRole[];
  const has = (code: string) => roles.filter((r) => r.code?.some((c) => c.coding?.some((x) => x.code === code))).length;
  assert.ok(has('gp-reviewer') >= 2 && has('gp-reviewer') <= 3);
  assert.is(has('workflow-administrator'), 3);
  assert.ok(patients.length >= 30);
});

test('every NHS number in the samples is valid, in the 999 test range and unique', () => {
  const seen = new Set<string>();
  for (const p of patients) {
    const n = nhsOf(p)!;
    assert.ok(isValidNhsNumber(n), `${p.id}: ${n}`);
    assert.ok(n.startsWith('999'), `${p.id}: not a test-range number`);
    assert.not.ok(seen.has(n), `duplicate ${n}`);
    seen.add(n);
    assert.match(p.address![0].postalCode!, /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/);
    assert.match(p.birthDate!, /^\d{4}-\d{2}-\d{2}$/);
  }
});

test('sample files are up to date with the generator (run examples/generate.ts)', () => {
  assert.equal(samplePractice(), JSON.parse(JSON.stringify(buildPracticeBundle())));
  const files = readdirSync(resolve(EXAMPLES, 'letters')).filter((f) => f !== 'manifest.json').sort();
  assert.equal(files, LETTERS.map((l) => `${l.name}.${l.format}`).sort());
  for (const l of LETTERS) {
    const r = renderLetter(l);
    const disk = new Uint8Array(readFileSync(resolve(EXAMPLES, 'letters', r.file)));
    assert.ok(Buffer.from(disk).equals(Buffer.from(r.bytes)), `${r.file} differs from the generator's output`);
  }
  assert.is(sampleManifest().length, LETTERS.length);
});

test('letters come in every supported format', () => {
  const formats = new Set(sampleLetters().map((l) => l.file.split('.').pop()));
  assert.equal([...formats].sort(), ['html', 'json', 'pdf', 'txt', 'xml']);
  assert.ok(sampleLetters().length >= 24);
});

test('every letter reads, says it is synthetic, and names a patient in practice.json', async () => {
  const manifest = new Map(sampleManifest().map((m) => [m.file, m]));
  for (const f of sampleLetters()) {
    const m = manifest.get(f.file)!;
    const letter = await letterFromBytes(f.bytes, { filename: f.file, contentType: f.contentType });
    assert.ok(letter.text.length > 200, `${f.file}: too little text`);
    assert.match(letter.text, /synthetic/i, `${f.file}: not marked synthetic`);
    // Who the letter says it is about: the document's Patient, or the printed demographics.
    const incoming = letter.document
      ? (letter.document.entry!.find((e) => e.resource?.resourceType === 'Patient')!.resource as Patient)
      : patientFromText(letter.text);
    assert.ok(incoming, `${f.file}: no patient found in the letter`);
    const printedNhs = nhsOf(incoming!);
    assert.ok(printedNhs && isValidNhsNumber(printedNhs), `${f.file}: NHS number missing or invalid`);
    const r = await matchPatient(incoming!, register);
    assert.is(r.status, m.expect, `${f.file}: ${r.reason}`);
    if (m.expect === 'matched') assert.is(r.patient?.id, m.patient, f.file);
    // Even the deliberately unmatchable letter names a registered NHS number.
    assert.ok(patients.some((p) => nhsOf(p) === normaliseNhsNumber(printedNhs!)), `${f.file}: NHS number not in practice.json`);
  }
});

test('ITK3 messages are well-formed Transfer of Care messages addressed to the practice', () => {
  const ods = (resources('Organization')[0] as Organization).identifier![0].value;
  const xml = sampleLetters().filter((l) => l.file.endsWith('.xml'));
  assert.ok(xml.length >= 4);
  const events = new Set<string>();
  for (const f of xml) {
    const m = readMessage(f.bytes, f.contentType);
    assert.is(m.format, 'itk3-stu3-xml', f.file);
    assert.is(m.receiver.ods, ods, f.file);
    events.add(m.event.code);
  }
  assert.equal([...events].sort(), ['ITK003D', 'ITK004D', 'ITK005D', 'ITK006D']);
});

test('the twins are told apart by their NHS numbers', () => {
  const okafor = patients.filter((p) => p.name?.[0].family === 'Okafor');
  assert.is(okafor.length, 2);
  assert.is(okafor[0].birthDate, okafor[1].birthDate);
  assert.is.not(nhsOf(okafor[0]), nhsOf(okafor[1]));
});

test.run();

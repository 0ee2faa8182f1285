import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Patient } from 'fhir/r4';
import { matchPatient, surnamesAgree, normaliseName, type PatientCandidates } from '../server/workflow/match.ts';
import { NHS_NUMBER } from '../server/types.ts';

const NHS_A = '9434765919'; // valid
const NHS_B = '9990000018'; // valid test-range number
const NHS_BAD = '9434765918'; // check digit wrong

function patient(id: string, o: { nhs?: string; family?: string; given?: string; birthDate?: string; postcode?: string; oldFamily?: string }): Patient {
  return {
    resourceType: 'Patient', id,
    identifier: o.nhs ? [{ system: NHS_NUMBER, value: o.nhs }] : undefined,
    name: [
      ...(o.family || o.given ? [{ use: 'official' as const, family: o.family, given: o.given ? [o.given] : undefined }] : []),
      ...(o.oldFamily ? [{ use: 'maiden' as const, family: o.oldFamily, given: o.given ? [o.given] : undefined }] : []),
    ],
    birthDate: o.birthDate,
    address: o.postcode ? [{ postalCode: o.postcode }] : undefined,
  };
}

/** An in-memory register that filters the way a store would (and a loose one that doesn't). */
function register(ps: Patient[], loose = false): PatientCandidates & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async byNhs(nhs) { calls.push('nhs'); return loose ? ps : ps.filter((p) => p.identifier?.some((i) => i.value?.replace(/\s/g, '') === nhs)); },
    async byDemographics(q) {
      calls.push('demo');
      if (loose) return ps;
      return ps.filter((p) => (!q.birthDate || p.birthDate === q.birthDate) && (!q.family || p.name?.some((n) => surnamesAgree(n.family, q.family))));
    },
  };
}

const jane = patient('jane', { nhs: NHS_A, family: 'Smith-Jones', given: 'Jane', birthDate: '1950-03-04', postcode: 'LS1 4AB', oldFamily: 'Brown' });
const amy = patient('amy', { nhs: NHS_B, family: 'Okafor', given: 'Amy', birthDate: '2001-07-19', postcode: 'M14 5TQ' });
const beth = patient('beth', { family: 'Okafor', given: 'Beth', birthDate: '2001-07-19', postcode: 'M14 5TQ' }); // Amy's twin, no NHS number on record
const reg = () => register([jane, amy, beth]);

test('NHS number + date of birth + surname → matched', async () => {
  const r = await matchPatient(patient('x', { nhs: '943 476 5919', family: 'SMITH-JONES', given: 'Jane', birthDate: '1950-03-04' }), reg());
  assert.is(r.status, 'matched');
  assert.is(r.patient?.id, 'jane');
  assert.ok(r.score! > 0.7);
});

test('surname tolerance: case, accents, hyphen vs space, one half of a double-barrelled name, former name', async () => {
  for (const family of ['smith jones', 'Smith–Jones'.replace('–', '-'), 'SMITH', 'Jones', 'Smíth-Jones', 'Brown']) {
    const r = await matchPatient(patient('x', { nhs: NHS_A, family, birthDate: '1950-03-04' }), reg());
    assert.is(r.status, 'matched', family);
  }
  assert.is(normaliseName("O'Brien-Zoë"), 'obrien zoe');
});

test('NHS number + date of birth without surname → matched', async () => {
  const r = await matchPatient(patient('x', { nhs: NHS_A, birthDate: '1950-03-04' }), reg());
  assert.is(r.status, 'matched');
  assert.is(r.patient?.id, 'jane');
});

test('NHS number found but date of birth differs → unmatched, never the wrong patient', async () => {
  const r = await matchPatient(patient('x', { nhs: NHS_A, family: 'Smith-Jones', birthDate: '1950-04-03' }), reg());
  assert.is(r.status, 'unmatched');
  assert.is(r.patient, undefined);
  assert.match(r.reason, /NHS number matches a patient whose date of birth differs/);
});

test('NHS number and date of birth found but surname differs → unmatched', async () => {
  const r = await matchPatient(patient('x', { nhs: NHS_A, family: 'Smithson', birthDate: '1950-03-04' }), reg());
  assert.is(r.status, 'unmatched');
  assert.match(r.reason, /surname differs/);
});

test('NHS number without a date of birth (or only a year) → unmatched', async () => {
  assert.is((await matchPatient(patient('x', { nhs: NHS_A, family: 'Smith-Jones' }), reg())).status, 'unmatched');
  assert.is((await matchPatient(patient('x', { nhs: NHS_A, family: 'Smith-Jones', birthDate: '1950' }), reg())).status, 'unmatched');
});

test('the store returning extra records by NHS number does not cause a false match', async () => {
  const r = await matchPatient(patient('x', { nhs: NHS_B, family: 'Okafor', birthDate: '2001-07-19' }), register([jane, amy, beth], true));
  assert.is(r.status, 'matched');
  assert.is(r.patient?.id, 'amy');
});

test('NHS number on two records → ambiguous', async () => {
  const dup = patient('dup', { nhs: NHS_A, family: 'Smith-Jones', birthDate: '1950-03-04' });
  const r = await matchPatient(patient('x', { nhs: NHS_A, family: 'Smith-Jones', birthDate: '1950-03-04' }), register([jane, dup]));
  assert.is(r.status, 'ambiguous');
  assert.is(r.patient, undefined);
});

test('invalid NHS number falls back to demographics (and says so)', async () => {
  const r = await matchPatient(patient('x', { nhs: NHS_BAD, family: 'Smith-Jones', given: 'Jane', birthDate: '1950-03-04', postcode: 'ls14ab' }), reg());
  assert.is(r.status, 'matched');
  assert.is(r.patient?.id, 'jane');
  assert.match(r.reason, /check digit/);
});

test('no NHS number: surname + birth date + postcode matches one patient', async () => {
  const r = await matchPatient(patient('x', { family: 'smith jones', birthDate: '1950-03-04', postcode: 'LS1 4AB' }), reg());
  assert.is(r.status, 'matched');
  assert.is(r.patient?.id, 'jane');
});

test('no NHS number: surname + birth date alone is not enough', async () => {
  const r = await matchPatient(patient('x', { family: 'Smith-Jones', birthDate: '1950-03-04' }), reg());
  assert.is(r.status, 'unmatched');
});

test('no NHS number: wrong postcode and no forename → unmatched', async () => {
  const r = await matchPatient(patient('x', { family: 'Smith-Jones', birthDate: '1950-03-04', postcode: 'LS2 9JT' }), reg());
  assert.is(r.status, 'unmatched');
});

test('twins: same surname, birth date and postcode → ambiguous without a forename, matched with one', async () => {
  const a = await matchPatient(patient('x', { family: 'Okafor', birthDate: '2001-07-19', postcode: 'M14 5TQ' }), reg());
  assert.is(a.status, 'ambiguous');
  const b = await matchPatient(patient('x', { family: 'Okafor', given: 'Beth', birthDate: '2001-07-19', postcode: 'M14 5TQ' }), reg());
  assert.is(b.status, 'matched');
  assert.is(b.patient?.id, 'beth');
  const c = await matchPatient(patient('x', { family: 'Okafor', given: 'Claire', birthDate: '2001-07-19', postcode: 'M14 5TQ' }), reg());
  assert.is(c.status, 'unmatched');
});

test('a loose demographic search is re-checked locally', async () => {
  const r = await matchPatient(patient('x', { family: 'Okafor', given: 'Beth', birthDate: '2001-07-19', postcode: 'M14 5TQ' }), register([jane, amy, beth], true));
  assert.is(r.status, 'matched');
  assert.is(r.patient?.id, 'beth');
});

test('valid NHS number not on the register: demographics only match a record without an NHS number', async () => {
  const unknown = '9990000026';
  // Beth's record has no NHS number: safe to match on demographics.
  const b = await matchPatient(patient('x', { nhs: unknown, family: 'Okafor', given: 'Beth', birthDate: '2001-07-19', postcode: 'M14 5TQ' }), reg());
  assert.is(b.status, 'matched');
  assert.is(b.patient?.id, 'beth');
  // Amy's record carries a different NHS number: not the same person as far as we can tell.
  const a = await matchPatient(patient('x', { nhs: unknown, family: 'Okafor', given: 'Amy', birthDate: '2001-07-19', postcode: 'M14 5TQ' }), reg());
  assert.is(a.status, 'unmatched');
  assert.match(a.reason, /different NHS number/);
});

test('inactive (merged) records never receive letters', async () => {
  const merged: Patient = { ...jane, id: 'old', active: false };
  const r = await matchPatient(patient('x', { nhs: NHS_A, family: 'Smith-Jones', birthDate: '1950-03-04' }), register([merged]));
  assert.is(r.status, 'unmatched');
  assert.match(r.reason, /inactive/);
  const r2 = await matchPatient(patient('x', { nhs: NHS_A, family: 'Smith-Jones', birthDate: '1950-03-04' }), register([merged, jane]));
  assert.is(r2.patient?.id, 'jane');
  const r3 = await matchPatient(patient('x', { family: 'Smith-Jones', birthDate: '1950-03-04', postcode: 'LS1 4AB' }), register([{ ...jane, active: false, identifier: undefined }]));
  assert.is(r3.status, 'unmatched');
});

test('name given only as text is understood', async () => {
  const incoming: Patient = { resourceType: 'Patient', name: [{ text: 'Mrs Jane SMITH-JONES' }], birthDate: '1950-03-04', address: [{ postalCode: 'LS1 4AB' }] };
  const r = await matchPatient(incoming, reg());
  assert.is(r.status, 'matched');
});

test('a failing lookup and malformed input give unmatched, never a throw', async () => {
  const broken: PatientCandidates = { byNhs: async () => { throw new Error('db down'); }, byDemographics: async () => { throw new Error('db down'); } };
  const r = await matchPatient(patient('x', { nhs: NHS_A, birthDate: '1950-03-04' }), broken);
  assert.is(r.status, 'unmatched');
  assert.match(r.reason, /lookup failed/);
  const r2 = await matchPatient({ resourceType: 'Patient', name: [{}], identifier: [{ system: NHS_NUMBER }] } as Patient, reg());
  assert.is(r2.status, 'unmatched');
  const r3 = await matchPatient({} as Patient, reg());
  assert.is(r3.status, 'unmatched');
});

test('reasons never carry the identifiers themselves', async () => {
  const r = await matchPatient(patient('x', { nhs: NHS_A, family: 'Smith-Jones', birthDate: '1950-04-03' }), reg());
  assert.not.match(r.reason, /943|1950|Smith/);
});

test.run();

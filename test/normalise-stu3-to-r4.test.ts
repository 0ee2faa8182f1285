// STU3 Transfer of Care → R4 UK Core: heading codes, the medication change extension, status
// recoding, references kept, and every official example and dev message normalised cleanly.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFhirXml, toFhirXml } from '../server/ingest/fhir-xml.ts';
import { documentOf, toR4Document } from '../server/normalise/document.ts';
import { stu3DocumentToR4, stu3ResourceToR4, r4System, r4ExtensionUrl } from '../server/normalise/stu3-to-r4.ts';
import { headingToUkCore, ukCoreToSnomed, ukCoreHeadingByName, isUkCoreHeading } from '../server/normalise/headings.ts';
import { letterFromBytes } from '../server/ingest/letter.ts';
import { UKCORE_HEADINGS, UKCORE_MED_CHANGE, SNOMED } from '../server/types.ts';

const shared = resolve(import.meta.dirname, '../../shared');
const list = (d: string) => readdirSync(resolve(shared, d)).filter((f) => f.endsWith('.xml')).map((f) => resolve(shared, d, f));
const tocExamples = [
  ...list('examples/nhsconnect-STU3-FHIR-Assets').filter((f) => /ITK-(EDIS|OPL|MH)/.test(f)),
  ...list('examples/nhsconnect-careconnect-reference-implementation'),
];
const devXml = list('corpus/dev');
const stu3 = (f: string) => parseFhirXml(readFileSync(f, 'utf8'));
const resources = (b: any) => (b.entry ?? []).map((e: any) => e.resource);

test('heading tables map SNOMED CT record headings to UK Core and back', () => {
  assert.equal(headingToUkCore('887181000000106'), { code: 'clinical-summary', display: 'Clinical summary' });
  assert.is(headingToUkCore('887201000000105')?.code, 'plan-and-requested-actions');
  assert.is(headingToUkCore('933361000000108')?.code, 'medications-and-medical-devices');
  assert.is(headingToUkCore('886921000000105')?.code, 'allergies-and-adverse-reaction');
  assert.is(ukCoreToSnomed('diagnoses')?.code, '887161000000102');
  assert.is(ukCoreToSnomed('plan-and-requested-actions')?.code, '887201000000105');
  assert.is(headingToUkCore('123'), undefined);
  assert.is(ukCoreHeadingByName('Plan & requested actions')?.code, 'plan-and-requested-actions');
  assert.ok(isUkCoreHeading('history'));
});

test('Composition sections carry the UK Core heading first and keep the SNOMED code', () => {
  const doc = stu3DocumentToR4(documentOf(stu3(resolve(shared, 'corpus/dev/dev-a-001.xml')).resource)!).document;
  const comp = resources(doc)[0];
  assert.is(comp.resourceType, 'Composition');
  for (const s of comp.section) {
    assert.is(s.code.coding[0].system, UKCORE_HEADINGS, s.title);
    assert.ok(isUkCoreHeading(s.code.coding[0].code), s.code.coding[0].code);
    assert.ok(s.code.coding.some((c: any) => c.system === SNOMED), s.title);
  }
  assert.ok(comp.meta.profile.includes('https://fhir.hl7.org.uk/StructureDefinition/UKCore-Composition'));
});

test('Condition: status codes become CodeableConcepts; context, assertedDate and category move', () => {
  const c = stu3ResourceToR4({
    resourceType: 'Condition', clinicalStatus: 'resolved', verificationStatus: 'unknown', assertedDate: '2020-01-02',
    context: { reference: 'urn:uuid:e' }, stage: { summary: { text: 'II' } },
    category: [{ coding: [{ system: 'https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-ConditionCategory-1', code: 'diagnosis' }] }],
    code: { coding: [{ system: SNOMED, code: '38341003' }] }, subject: { reference: 'urn:uuid:p' },
  });
  assert.equal(c.clinicalStatus, { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved', display: 'Resolved' }] });
  assert.is(c.verificationStatus.coding[0].code, 'unconfirmed');
  assert.is(c.verificationStatus.coding[0].system, 'http://terminology.hl7.org/CodeSystem/condition-ver-status');
  assert.is(c.recordedDate, '2020-01-02');
  assert.equal(c.encounter, { reference: 'urn:uuid:e' });
  assert.not('context' in c);
  assert.equal(c.stage, [{ summary: { text: 'II' } }]);
  assert.equal(c.category[0].coding[0], { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis', display: 'Encounter Diagnosis' });
  const e = stu3ResourceToR4({ resourceType: 'Condition', clinicalStatus: 'active', verificationStatus: 'entered-in-error' });
  assert.not('clinicalStatus' in e); // R4 invariant con-4
});

test('MedicationStatement: change summary → UK Core extension; taken folds into status; dose → doseAndRate', () => {
  const m = stu3ResourceToR4({
    resourceType: 'MedicationStatement',
    extension: [{ url: 'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-MedicationChangeSummary-1', extension: [
      { url: 'status', valueCode: 'Amended' }, { url: 'indicationForChange', valueCodeableConcept: { text: 'AKI' } },
      { url: 'dateChanged', valueDateTime: '2026-01-10' }, { url: 'detailsOfAmendment', valueString: 'dose halved' }] }],
    status: 'active', taken: 'n', medicationReference: { reference: 'urn:uuid:m' }, subject: { reference: 'urn:uuid:p' },
    dosage: [{ text: '5 mg daily', doseQuantity: { value: 5, unit: 'mg' } }],
  });
  assert.equal(m.extension, [{ url: UKCORE_MED_CHANGE, extension: [
    { url: 'status', valueCoding: { system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-MedicationChangeStatus', code: 'amended', display: 'Amended' } },
    { url: 'indicationForChange', valueCodeableConcept: { text: 'AKI' } },
    { url: 'dateChanged', valueDateTime: '2026-01-10' }, { url: 'detailsOfAmendment', valueString: 'dose halved' }] }]);
  assert.is(m.status, 'not-taken');
  assert.not('taken' in m);
  assert.equal(m.dosage, [{ text: '5 mg daily', doseAndRate: [{ doseQuantity: { value: 5, unit: 'mg' } }] }]);
  const onHold = stu3ResourceToR4({ resourceType: 'MedicationStatement', extension: [{ url: 'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-MedicationChangeSummary-1', extension: [{ url: 'status', valueCode: 'On-hold' }] }], status: 'on-hold', taken: 'y' });
  assert.is(onHold.extension[0].extension[0].valueCoding.code, 'on-hold');
  assert.is(onHold.status, 'on-hold');
  // a stopped or held medicine is not taken, and its status says more than not-taken would
  assert.is(stu3ResourceToR4({ resourceType: 'MedicationStatement', status: 'stopped', taken: 'n' }).status, 'stopped');
  assert.is(stu3ResourceToR4({ resourceType: 'MedicationStatement', status: 'on-hold', taken: 'n' }).status, 'on-hold');
});

test('AllergyIntolerance, Procedure, Encounter, Observation, Flag: what moved between versions', () => {
  const a = stu3ResourceToR4({ resourceType: 'AllergyIntolerance', clinicalStatus: 'active', verificationStatus: 'confirmed', assertedDate: '2020', reaction: [{ certainty: 'likely', manifestation: [{ text: 'rash' }] }] }, []);
  assert.is(a.clinicalStatus.coding[0].system, 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical');
  assert.is(a.verificationStatus.coding[0].code, 'confirmed');
  assert.is(a.recordedDate, '2020');
  const dropped: string[] = [];
  stu3ResourceToR4({ resourceType: 'AllergyIntolerance', reaction: [{ certainty: 'likely', manifestation: [{ text: 'rash' }] }] }, dropped);
  assert.equal(dropped, ['AllergyIntolerance.reaction.certainty']);
  const p = stu3ResourceToR4({ resourceType: 'Procedure', status: 'suspended', notDone: true, notDoneReason: { text: 'declined' }, context: { reference: 'urn:uuid:e' }, performer: [{ role: { text: 'surgeon' }, actor: { reference: 'urn:uuid:d' } }] });
  assert.is(p.status, 'not-done');
  assert.equal(p.statusReason, { text: 'declined' });
  assert.equal(p.performer, [{ function: { text: 'surgeon' }, actor: { reference: 'urn:uuid:d' } }]);
  const e = stu3ResourceToR4({ resourceType: 'Encounter', status: 'finished', class: { coding: [{ system: 'http://hl7.org/fhir/v3/ActCode', code: 'IMP' }] }, reason: [{ text: 'chest pain' }], diagnosis: [{ condition: { reference: 'urn:uuid:c' }, role: { text: 'AD' } }] });
  assert.equal(e.class, { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' });
  assert.equal(e.reasonCode, [{ text: 'chest pain' }]);
  assert.equal(e.diagnosis[0].use, { text: 'AD' });
  const o = stu3ResourceToR4({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, comment: 'note', context: { reference: 'urn:uuid:e' } });
  assert.equal(o.note, [{ text: 'note' }]);
  assert.equal(o.encounter, { reference: 'urn:uuid:e' });
  const f = stu3ResourceToR4({ resourceType: 'Flag', status: 'active', category: { text: 'c' }, code: { text: 'x' } });
  assert.equal(f.category, [{ text: 'c' }]);
});

test('renamed and added elements sit where R4 orders them (toFhirXml writes key order)', () => {
  const c = stu3ResourceToR4({ resourceType: 'Condition', id: 'c', clinicalStatus: 'active', code: { text: 'x' }, subject: { reference: 'urn:uuid:p' }, context: { reference: 'urn:uuid:e' }, onsetDateTime: '2020', assertedDate: '2021', asserter: { reference: 'urn:uuid:d' } });
  assert.equal(Object.keys(c), ['resourceType', 'id', 'clinicalStatus', 'code', 'subject', 'encounter', 'onsetDateTime', 'recordedDate', 'asserter']);
  const m = stu3ResourceToR4({ resourceType: 'MedicationStatement', status: 'stopped', medicationReference: { reference: 'urn:uuid:m' }, subject: { reference: 'urn:uuid:p' }, taken: 'n', reasonNotTaken: [{ text: 'AKI' }], dosage: [{ text: 't', route: { text: 'oral' }, doseQuantity: { value: 1 }, maxDosePerAdministration: { value: 2 } }] });
  assert.equal(Object.keys(m), ['resourceType', 'status', 'statusReason', 'medicationReference', 'subject', 'dosage']);
  assert.equal(Object.keys(m.dosage[0]), ['text', 'route', 'doseAndRate', 'maxDosePerAdministration']);
  const o = stu3ResourceToR4({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, comment: 'c', bodySite: { text: 'arm' }, related: [{ type: 'has-member', target: { reference: 'urn:uuid:o2' } }], component: [{ code: { text: 'y' } }] });
  assert.equal(Object.keys(o), ['resourceType', 'status', 'code', 'note', 'bodySite', 'hasMember', 'component']);
});

test('a normalised document survives R4 XML and back', () => {
  const { document } = stu3DocumentToR4(documentOf(stu3(resolve(shared, 'corpus/dev/dev-b-014.xml')).resource)!);
  const xml = toFhirXml(document, 'R4');
  const back = parseFhirXml(xml);
  assert.is(back.fhirVersion, 'R4');
  assert.equal(back.resource, document);
});

test('ProcedureRequest and ReferralRequest become ServiceRequest; unknown resource types are dropped and listed', () => {
  const pr = stu3ResourceToR4({ resourceType: 'ProcedureRequest', status: 'suspended', intent: 'order', code: { text: 'MRI' }, subject: { reference: 'urn:uuid:p' }, context: { reference: 'urn:uuid:e' }, requester: { agent: { reference: 'urn:uuid:d' } } });
  assert.equal(pr, { resourceType: 'ServiceRequest', status: 'on-hold', intent: 'order', code: { text: 'MRI' }, subject: { reference: 'urn:uuid:p' }, encounter: { reference: 'urn:uuid:e' }, requester: { reference: 'urn:uuid:d' } });
  const rr = stu3ResourceToR4({ resourceType: 'ReferralRequest', status: 'active', intent: 'order', type: { text: 'referral' }, serviceRequested: [{ text: 'orthotics' }], subject: { reference: 'urn:uuid:p' }, specialty: { text: 'orthotics' }, recipient: [{ reference: 'urn:uuid:o' }], description: 'AFO assessment' });
  assert.equal(Object.keys(rr), ['resourceType', 'status', 'intent', 'category', 'code', 'subject', 'performerType', 'performer', 'note']);
  assert.equal(rr.note, [{ text: 'AFO assessment' }]);
  const bundle = { resourceType: 'Bundle', type: 'document', entry: [{ fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final' } }, { fullUrl: 'urn:uuid:x', resource: { resourceType: 'DataElement', status: 'active' } }] };
  const out = stu3DocumentToR4(bundle);
  assert.equal(out.document.entry!.map((e) => e.fullUrl), ['urn:uuid:c']);
  assert.equal(out.dropped, ['DataElement']);
});

test('code system and extension URLs move to their R4 / UK Core homes', () => {
  assert.is(r4System('http://hl7.org/fhir/v3/ActCode'), 'http://terminology.hl7.org/CodeSystem/v3-ActCode');
  assert.is(r4System('https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1'), 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland');
  assert.is(r4System('http://snomed.info/sct'), SNOMED);
  assert.is(r4ExtensionUrl('https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareSettingType-1'), 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-CareSettingType');
  assert.is(r4ExtensionUrl('https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-InformationRecipient-1'), 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-InformationRecipient-1');
});

test('every official ToC example and dev message normalises with nothing dropped and references intact', () => {
  for (const f of [...tocExamples, ...devXml]) {
    const p = stu3(f);
    assert.is(p.fhirVersion, 'STU3', f);
    const src = documentOf(p.resource)!;
    const { document, dropped } = stu3DocumentToR4(src);
    assert.equal(dropped, [], f);
    assert.equal(document.identifier, src.identifier, f);
    assert.is(document.type, 'document');
    const urls = new Set((document.entry ?? []).map((e) => e.fullUrl));
    const refs = JSON.stringify(document).match(/"reference":"urn:uuid:[^"]+"/g) ?? [];
    for (const r of refs) assert.ok(urls.has(r.slice(13, -1)), `${f}: ${r} unresolved`);
    assert.equal(toR4Document(p), document, f);
  }
});

test('R4 content passes through toR4Document as its document', () => {
  const doc = { resourceType: 'Bundle', type: 'document', entry: [{ resource: { resourceType: 'Composition' } }] };
  assert.is(toR4Document({ fhirVersion: 'R4', resource: doc }), doc);
  assert.is(toR4Document({ fhirVersion: 'R4', resource: { resourceType: 'Bundle', type: 'message', entry: [{ resource: doc }] } }), doc);
  assert.throws(() => toR4Document({ fhirVersion: 'R4', resource: { resourceType: 'Patient' } }), /no document Bundle/);
});

test('letters from STU3 messages have every section coded with a UK Core heading', async () => {
  for (const f of [...tocExamples, ...devXml]) {
    const letter = await letterFromBytes(new Uint8Array(readFileSync(f)), { filename: f });
    assert.is(letter.format, 'itk3-stu3-xml');
    assert.ok(letter.sections.length > 0, f);
    for (const s of letter.sections) assert.ok(s.code && isUkCoreHeading(s.code), `${f}: ${s.title} → ${s.code}`);
  }
});

test('normalising a ~50 KB document takes a few milliseconds', () => {
  const src = documentOf(stu3(resolve(shared, 'corpus/dev/dev-a-010.xml')).resource)!;
  for (let i = 0; i < 10; i++) stu3DocumentToR4(src);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) { const t = performance.now(); stu3DocumentToR4(src); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  assert.ok(times[15] < 5, `median ${times[15].toFixed(2)} ms`);
});

test.run();

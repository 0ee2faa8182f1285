// Structured pass-through of R4 documents and evidence offsets for every item.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Bundle } from 'fhir/r4';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromBytes, letterFromText } from '../server/ingest/letter.ts';
import { extractStructured, conditionAssertion } from '../server/extract/structured.ts';
import { findConditions } from '../server/extract/diagnoses.ts';
import { extract } from '../server/extract/index.ts';

const t = loadTerminology();
const H = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-RecordStandardHeadings';
const SCT = 'http://snomed.info/sct';
const div = (s: string) => ({ status: 'generated' as const, div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${s}</p></div>` });
const status = (sys: string, code: string) => ({ coding: [{ system: `http://terminology.hl7.org/CodeSystem/${sys}`, code }] });

const r4 = (b: Bundle) => letterFromBytes(new TextEncoder().encode(JSON.stringify(b)), { filename: 'letter.json' });

function doc(): Bundle {
  return {
    resourceType: 'Bundle', type: 'document',
    entry: [
      { fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final', type: { text: 'Discharge summary' }, date: '2026-02-01', author: [], title: 'Discharge summary',
        section: [
          { title: 'Diagnoses', code: { coding: [{ system: H, code: 'diagnoses' }] }, text: div('Pulmonary embolism. Childhood asthma. DVT excluded. Also known hypothyroidism.'), entry: [{ reference: 'urn:uuid:1' }, { reference: 'urn:uuid:2' }, { reference: 'urn:uuid:3' }] },
          { title: 'Procedures', code: { coding: [{ system: H, code: 'procedures' }] }, text: div('NIV for 48 hours. Colonoscopy on 3rd March.'), entry: [{ reference: 'urn:uuid:4' }, { reference: 'urn:uuid:5' }] },
          { title: 'Family history', code: { coding: [{ system: H, code: 'family-history' }] }, text: div('Mother had breast cancer.'), entry: [{ reference: 'urn:uuid:6' }] },
        ] } },
      { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Condition', subject: {}, clinicalStatus: status('condition-clinical', 'active'), verificationStatus: status('condition-ver-status', 'confirmed'), code: { coding: [{ system: SCT, code: '59282003', display: 'Pulmonary embolism' }] } } },
      { fullUrl: 'urn:uuid:2', resource: { resourceType: 'Condition', subject: {}, clinicalStatus: status('condition-clinical', 'inactive'), code: { coding: [{ system: SCT, code: '195967001', display: 'Asthma' }], text: 'Childhood asthma' } } },
      { fullUrl: 'urn:uuid:3', resource: { resourceType: 'Condition', subject: {}, verificationStatus: status('condition-ver-status', 'refuted'), code: { coding: [{ system: SCT, code: '128053003', display: 'Deep venous thrombosis' }], text: 'DVT' } } },
      { fullUrl: 'urn:uuid:4', resource: { resourceType: 'Procedure', status: 'completed', subject: {}, code: { coding: [{ system: SCT, code: '243141005', display: 'Mechanically assisted spontaneous ventilation' }], text: 'NIV' } } },
      { fullUrl: 'urn:uuid:5', resource: { resourceType: 'Procedure', status: 'completed', subject: {}, performedDateTime: '2026-03-03', code: { coding: [{ system: SCT, code: '73761001', display: 'Colonoscopy' }] } } },
      { fullUrl: 'urn:uuid:6', resource: { resourceType: 'FamilyMemberHistory', status: 'completed', patient: {}, relationship: { text: 'Mother' }, condition: [{ code: { coding: [{ system: SCT, code: '254837009', display: 'Malignant neoplasm of breast' }], text: 'breast cancer' } }] } },
    ],
  } as Bundle;
}

test('coded entries pass through with assertions from their statuses', async () => {
  const letter = await r4(doc());
  const x = extractStructured(letter, { terminology: t });
  const by = Object.fromEntries(x.diagnoses.map((d) => [d.code, d]));
  assert.is(by['59282003'].assertion, 'present');
  assert.is(by['195967001'].assertion, 'historical');
  assert.is(by['128053003'].assertion, 'negated');
  assert.is(by['254837009'].assertion, 'family');
  assert.is(by['254837009'].relative, 'mother');
  assert.ok(x.diagnoses.every((d) => d.source === 'structured'));
});

test('the procedure policy applies to coded procedures: NIV is ventilation', async () => {
  const x = extractStructured(await r4(doc()), { terminology: t });
  assert.equal(x.procedures.map((p) => p.code), ['73761001']);
  assert.is(x.procedures[0].date, '2026-03-03');
});

test('structured evidence is a verbatim quote of the text rendition', async () => {
  const letter = await r4(doc());
  const x = extractStructured(letter, { terminology: t });
  for (const e of [...x.diagnoses, ...x.procedures].map((i) => i.evidence)) assert.is(letter.text.slice(e.start, e.end), e.quote);
  assert.is(x.diagnoses.find((d) => d.code === '195967001')!.evidence.quote, 'Childhood asthma');
});

test('narrative of a structured letter adds what was not coded; the coded version wins', async () => {
  const letter = await r4(doc());
  const all = extract(letter, { terminology: t });
  assert.ok(all.diagnoses.some((d) => d.code === '40930008' && d.source === 'narrative'));
  assert.is(all.diagnoses.filter((d) => d.code === '59282003').length, 1);
  assert.is(all.diagnoses.find((d) => d.code === '59282003')!.source, 'structured');
});

test('statuses map to assertions', () => {
  assert.is(conditionAssertion({ verificationStatus: status('condition-ver-status', 'provisional') }), 'possible');
  assert.is(conditionAssertion({ clinicalStatus: status('condition-clinical', 'resolved') }), 'historical');
  assert.is(conditionAssertion({ verificationStatus: status('condition-ver-status', 'entered-in-error') }), undefined);
});

test('narrative evidence offsets are exact, with the section title', () => {
  const text = 'DIAGNOSES\n1. Paroxysmal AF\n2. Hypertension\n\nPROCEDURES\nColonoscopy on 04/03/2026 - polyp removed.\n';
  const letter = { ...letterFromText(text), date: '2026-03-10' };
  const { diagnoses, procedures } = findConditions(letter, { terminology: t });
  assert.ok(diagnoses.length >= 2 && procedures.length >= 1);
  for (const i of [...diagnoses, ...procedures]) assert.is(text.slice(i.evidence.start, i.evidence.end), i.evidence.quote);
  assert.is(diagnoses[0].evidence.section, 'DIAGNOSES');
});

test('planned and past procedures are not procedures; imaging never is', () => {
  const proc = (text: string) => findConditions({ ...letterFromText(text), date: '2026-03-10' }, { terminology: t }).procedures.map((p) => p.code);
  assert.equal(proc('We have listed him for a laparoscopic cholecystectomy.'), []);
  assert.equal(proc('PMH:\n- Left total hip replacement 2014\n'), []);
  assert.equal(proc('CT angiography showed no dissection.'), []);
  assert.equal(proc('She underwent laparoscopic cholecystectomy on 02/03/2026.'), ['45595009']);
});

test('bad input does not crash', () => {
  assert.equal(extractStructured({ format: 'text', text: '', sections: [] }, { terminology: t }).diagnoses, []);
  assert.equal(findConditions({ format: 'text', text: '', sections: [] }, { terminology: t }).diagnoses, []);
  const odd = { resourceType: 'Bundle', type: 'document', entry: [{ resource: { resourceType: 'Condition' } }, {}] } as unknown as Bundle;
  assert.equal(extractStructured({ format: 'fhir-r4-json', text: 'x', sections: [], document: odd }, { terminology: t }).diagnoses, []);
});

test('a narrative name vaguer than a coded Condition is not reported beside it', async () => {
  const b: Bundle = {
    resourceType: 'Bundle', type: 'document',
    entry: [
      { fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final', type: { text: 'Clinic letter' }, date: '2026-02-01', author: [], title: 'Clinic letter',
        section: [
          { title: 'Diagnoses', code: { coding: [{ system: H, code: 'diagnoses' }] }, text: div('Paroxysmal AF.'), entry: [{ reference: 'urn:uuid:1' }] },
          { title: 'Clinical summary', text: div('His atrial fibrillation is rate controlled on bisoprolol.') },
        ] } },
      { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Condition', subject: {}, clinicalStatus: status('condition-clinical', 'active'), code: { coding: [{ system: SCT, code: '282825002', display: 'Paroxysmal atrial fibrillation' }], text: 'Paroxysmal AF' } } },
    ],
  };
  const letter = await r4(b);
  const narrative = findConditions({ ...letter, date: '2026-02-01' }, { terminology: t }).diagnoses;
  assert.is(narrative.find((d) => d.code === '49436004'), undefined);
});

test.run();

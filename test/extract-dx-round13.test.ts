// Diagnosis extraction, round 13 (from blind20-22): "secondary to" names a cause, not a secondary form of what follows;
// relatives' conditions told by their verbs; a stated diabetes beside its complication. Every sentence here is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { has, lacks, dx, run } from './helpers/diagnoses.ts';
import { findConditions } from '../server/extract/diagnoses.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { loadTerminology } from '../terminology/index.ts';
import { extractStructured } from '../server/extract/structured.ts';

test('"X secondary to Y" is not "secondary Y"; a term that says "secondary to" still matches', () => {
  lacks('Postnatal anaemia secondary to PPH, Hb 84 on day 1.', '23171006');
  has('Postnatal anaemia secondary to PPH, Hb 84 on day 1.', '47821001:present');
  has('Day 12 postnatal: secondary PPH, admitted for antibiotics.', '23171006:present');
  has('Diagnosis: anaemia due to acute blood loss.', '413532003:present');
});


test('a relative who "fractured her hip", or is sight impaired "from glaucoma"; "No FHx deafness"', () => {
  has('Tripped and fell. No previous fractures. Her mother fractured her hip in her seventies.', '5913000:family');
  assert.not.ok(dx('Tripped and fell. No previous fractures. Her mother fractured her hip in her seventies.').includes('5913000:negated'));
  has('She fractured her hip in 2019.', '5913000:historical');
  has('His older brother is registered sight impaired from glaucoma.', '23986001:family');
  lacks('No vertigo. No FHx deafness.', '15188001');
});

test('a diabetes stated beside its coded complication stands; "delerium" as dictated', () => {
  const text = 'Diagnoses\n- CKD stage 4 - diabetic kidney disease\n- Type 2 diabetes mellitus (HbA1c 55 mmol/mol)\n- Hypertension';
  const at = text.indexOf('diabetic kidney disease');
  const coded = [{ code: '420279001', display: 'Renal disorder due to type 2 diabetes mellitus', assertion: 'present' as const, evidence: { quote: 'diabetic kidney disease', start: at, end: at + 23 }, source: 'structured' as const }];
  const found = findConditions({ ...letterFromText(text), date: '2026-03-10' }, { terminology: loadTerminology() }, coded).diagnoses.map((d) => d.code);
  assert.ok(found.includes('44054006'), found.join(', '));
  has('Diagnoses:\nHypoactive delerium secondary to the above - now resolved', '2776000:historical');
});

test('a coded entry\'s evidence is its section\'s own term for it when no name of it is written', () => {
  const text = 'Diagnoses\n1. Closed Colles\' fracture, left distal radius\nComorbidities: hypertension; hypothyroidism.\n';
  const document = { resourceType: 'Bundle', type: 'document', entry: [
    { fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final', section: [{ title: 'Diagnoses', entry: [{ reference: 'urn:uuid:h' }] }] } },
    { fullUrl: 'urn:uuid:h', resource: { resourceType: 'Condition', code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertensive disorder, systemic arterial' }] } } },
  ] } as any;
  const letter = { format: 'fhir-r4-json', text, sections: [{ title: 'Diagnoses', start: 10, end: text.length }], document } as any;
  const [d] = extractStructured(letter, { terminology: loadTerminology() }).diagnoses;
  assert.is(d.evidence.quote, 'hypertension');
});

test('a query answered in its sentence; a ruling beside a raised BP; a bare malignancy of the specimen named', () => {
  has('Bipolar affective disorder was considered by the team but was not felt to fit the history.', '13746004:negated');
  has('- Raised BP 150/95 in labour: PCR and LFTs normal - pre-eclampsia excluded', '398254007:negated');
  has('- Raised BP 150/95 in labour: PCR and LFTs normal - pre-eclampsia excluded', '371622005:present');
  has('Histology of the resected sigmoid colon shows diverticular disease and no dysplasia or malignancy.', '363406005:negated');
  has('Ovaries looked normal and there was no evidence of malignancy.', '363346000:negated');
});

test('round 13b: "not smoked since 2019"; an organ\'s biopsies name the malignancy they rule out', () => {
  has('I was pleased to hear that you have not smoked since 2019.', '8517006:present');
  has('RESULTS\nGastric biopsies: chronic active gastritis, no dysplasia or malignancy.', '363349007:negated');
  has('Acute kidney injury stage 1 on CKD stage 3', '433144002:present');
});

test('round 13c: an operation a waiting-list letter lists is still to come wherever it is named', () => {
  const text = 'Dear Mr Tuckwell\n\nI am writing to confirm that you have been placed on our inpatient waiting list for the following procedure:\n\nProcedure:        Right total knee replacement\nDate added:       09/02/2026\n\nThe enclosed leaflet "Getting fit for your knee replacement" has exercises you can do.\n';
  assert.equal(run(text).procedures.map((p) => p.code), []);
});

test('round 13c: a list item\'s age is its own; a hedge\'s grounds are stated', () => {
  has('PMH: type 2 diabetes (metformin), hypothyroidism (levothyroxine), early menopause aged 42, no previous fractures.', '40930008:present');
  has('- Gestational diabetes (diet + metformin), resolved after delivery', '11687002:historical');
  has('Fragility fracture - osteoporosis likely given low-energy fall and early menopause', '64859006:possible');
  has('Fragility fracture - osteoporosis likely given low-energy fall and early menopause', '373717006:present');
});

test('round 13d (blind27): the causes of a disease ruled out leave the disease; a hedged cause that is the patient\'s own condition', () => {
  lacks('We checked for other causes of kidney disease with a panel of blood tests and these were all negative.', '90708001');
  has('The most likely cause is your long-standing type 2 diabetes together with high blood pressure.', '44054006:present');
  has('The most likely cause is your long-standing type 2 diabetes together with high blood pressure.', '38341003:present');
  has('The most likely cause is coeliac disease.', '396331005:possible');
});

test.run();

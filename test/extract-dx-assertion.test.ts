// Assertion (ConText): negation scope, pseudo-triggers, possible, historical, family, final status.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const dx = (text: string, date = '2026-03-01') => findConditions({ ...letterFromText(text), date }, { terminology: t }).diagnoses;
const status = (text: string, code: string) => dx(text).find((d) => d.code === code)?.assertion;
const PE = '59282003', DVT = '128053003', AF = '49436004', MI = '22298006', ASTHMA = '195967001', HF = '84114007';

test('negation triggers before the concept', () => {
  assert.is(status('CTPA showed no evidence of PE.', PE), 'negated');
  assert.is(status('Doppler: DVT excluded.', DVT), 'negated');
  assert.is(status('Pulmonary embolism has been ruled out.', PE), 'negated');
  assert.is(status('Bloods negative for coeliac disease.', '396331005'), 'negated');
});

test('negation scope ends at a terminator', () => {
  const d = dx('There was no evidence of DVT but she has AF.');
  assert.is(d.find((x) => x.code === DVT)?.assertion, 'negated');
  assert.is(d.find((x) => x.code === AF)?.assertion, 'present');
});

test('pseudo-triggers do not negate', () => {
  assert.is(status('No change in her heart failure symptoms.', HF), 'present');
  assert.is(status('Gram negative sepsis.', '91302008'), 'present');
});

test('possible: query, suspected, differential, cannot exclude', () => {
  assert.is(status('?PE', PE), 'possible');
  assert.is(status('Suspected pulmonary embolism.', PE), 'possible');
  assert.is(status('The differential includes asthma.', ASTHMA), 'possible');
  assert.is(status('Prostate cancer is unlikely but cannot be excluded.', '399068003'), 'possible');
});

test('historical: previous, a past year, resolved', () => {
  assert.is(status('Previous MI in 2015.', MI), 'historical');
  assert.is(status('History of DVT 2019.', DVT), 'historical');
  assert.is(status('Diagnoses:\n1. Delirium secondary to urinary tract infection - resolved\n', '2776000'), 'historical');
});

test('long-term conditions in a past medical history stay present', () => {
  assert.is(status('PMH: T2DM (diagnosed 2014), hypertension.', '44054006'), 'present');
  assert.is(status('Past medical history\n- Hypertension\n- Asthma\n', ASTHMA), 'present');
});

test('family: a relative who has it, or the family history section', () => {
  const d = dx('His brother had a stroke at 60.').find((x) => x.code === '230690007');
  assert.is(d?.assertion, 'family');
  assert.is(d?.relative, 'brother');
  assert.is(status('Family history:\nIschaemic heart disease\n', '414545008'), 'family');
  assert.is(status('Her daughter describes a decline in her short-term memory.', '247592009'), 'present');
});

test('a family history section makes dated conditions a relative\'s', () => {
  const d = dx('Family history:\nIHD (father, MI in 2010)\n').find((x) => x.code === '414545008');
  assert.is(d?.assertion, 'family');
});

test('a "known" condition after a negative is outside its scope', () => {
  assert.is(status('No evidence of DVT and known AF.', AF), 'present');
});

test('a year elsewhere in the sentence does not date the mention', () => {
  assert.is(status('Sertraline was started in November 2025 and this may have contributed to the switch into mania.', '231494001'), 'present');
});

test('no family history of X is neither family nor negated', () => {
  assert.is(status('No family history of ischaemic heart disease.', '414545008'), undefined);
});

test('final status: the last qualified mention wins', () => {
  assert.is(status('?PE. CTPA: pulmonary embolism excluded.', PE), 'negated');
});

test('routine absent symptoms are not coded; ruled-out conditions are', () => {
  assert.is(status('History: no headache, scalp tenderness, jaw claudication or visual disturbance.', '25064002'), undefined);
  assert.is(status('Examination: no evidence of DVT.', DVT), 'negated');
});

test('allergies are not diagnoses', () => {
  assert.is(status('Allergies: penicillin (anaphylaxis)\n', '39579001'), undefined);
});

test('smoking status is coded, with its amount', () => {
  assert.is(dx('She smokes 5 cigarettes a day.')[0]?.code, '160603005');
  assert.ok(dx('Ex-smoker.').some((d) => d.code === '8517006'));
});

test.run();

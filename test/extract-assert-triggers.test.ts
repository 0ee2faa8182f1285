// Assertion triggers and their scope (ConText), round 7: UK letter wording for ruled-out, queried,
// past and relatives' conditions. Every sentence here is written for the test, not taken from a letter.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const dx = (text: string, date = '2026-03-01') => findConditions({ ...letterFromText(text), date }, { terminology: t }).diagnoses;
const status = (text: string, code: string) => dx(text).find((d) => d.code === code)?.assertion;

const DELIRIUM = '2776000', PNEUMONIA = '233604007', DVT = '128053003', ASTHMA = '195967001', GALLSTONES = '235919008';
const HTN = '38341003', PE = '59282003', PAF = '282825002', COELIAC = '396331005', GOUT = '190828008', ECZEMA = '43116000';
const PSORIASIS = '9014002', MS = '24700007', ANGINA = '194828000', IBS = '10743008', CELLULITIS = '128045006';
const ANAEMIA = '271737000', EFFUSION = '60046008', PNEUMOTHORAX = '36118008', POLYP = '441456002', HAEMORRHOIDS = '70153002';
const LYMPHOMA = '118600007', EPILEPSY = '84757009', BOWEL_CA = '363406005', VASCULITIS = '31996006', SARCOID = '31541009';
const BIPOLAR = '13746004', AUTISM = '408856003', WOUND_INFECTION = '76844004', LEG_CELLULITIS = '449710006';
const MIGRAINE = '37796009', APPENDICITIS = '74400008', GLANDULAR_FEVER = '271558008';

test('historical: a "resolved" before the mention does not reach a cause named after "from"', () => {
  const text = 'Her confusion resolved by day 2 - delirium from pneumonia.';
  assert.is(status(text, DELIRIUM), 'historical');
  assert.is(status(text, PNEUMONIA), 'present');
});

test('historical: an episode in a later decade of life is over; a long-term condition begun then is not', () => {
  assert.is(status('She had a DVT in her thirties.', DVT), 'historical');
  assert.is(status('He developed asthma in his forties.', ASTHMA), 'present');
  // The age a standing condition was diagnosed at dates its start, not its end.
  assert.is(status('She was diagnosed with coeliac disease in her thirties.', COELIAC), 'present');
});

test('historical: a time of life that is over ("at university")', () => {
  assert.is(status('She had glandular fever at university.', GLANDULAR_FEVER), 'historical');
});

test('a year on a problem list that dates the finding test is no past episode; "since" a year is ongoing', () => {
  assert.is(status('Problem list\n- Gallstones (ultrasound 2023)\n- Hypertension', GALLSTONES), 'present');
  assert.is(status('Problem list\n- Pulmonary embolism 2019\n- Hypertension', PE), 'historical');
  // A CTPA's year dates an acute event, which is over.
  assert.is(status('Problem list\n- Pulmonary embolism (CTPA 2019)\n- Hypertension', PE), 'historical');
  assert.is(status('Paroxysmal atrial fibrillation since 2018.', PAF), 'present');
});

test('negated: "is not suspected", "not thought likely"', () => {
  assert.is(status('Coeliac disease is not suspected.', COELIAC), 'negated');
  assert.is(status('Gout is not thought likely.', GOUT), 'negated');
});

test('negated: "and I do not think this is X" is a ruling, not a bare "not", when "and I" ends the clause before it', () => {
  // A history's bare negatives are not coded; a clinician's ruling is.
  assert.is(status('History\nShe has had a rash for a month, and I do not think this is psoriasis.', PSORIASIS), 'negated');
  const text = 'She has eczema, and I do not think this is psoriasis.';
  assert.is(status(text, ECZEMA), 'present');
  assert.is(status(text, PSORIASIS), 'negated');
});

test('negated: "I doubt this is X"', () => {
  assert.is(status('I doubt this is multiple sclerosis.', MS), 'negated');
});

test('possible: a spaced query mark opens the term after it', () => {
  assert.is(status('Impression: ? pulmonary embolism', PE), 'possible');
});

test('a query mark covers its term only up to a dash; a "Clinical query" label queries nothing', () => {
  const text = 'Referral query: ?angina - known hypertension.';
  assert.is(status(text, ANGINA), 'possible');
  assert.is(status(text, HTN), 'present');
  assert.is(status('Clinical query: hypertension.', HTN), 'present');
});

test('a main clause after a closed "if" clause is a statement; a condition listed in the "if" clause is not', () => {
  assert.is(status('If the stool tests are normal, this is likely to be irritable bowel syndrome.', IBS), 'possible');
  assert.is(status('If there is fever, cellulitis or wound breakdown, please refer.', CELLULITIS), undefined);
});

test('possible: "X is likely and …" keeps its hedge; a hedge on a cause still goes to the cause', () => {
  assert.is(status('Cellulitis is likely and she will need antibiotics.', CELLULITIS), 'possible');
  assert.is(status('Anaemia - likely secondary to menorrhagia.', ANAEMIA), 'present');
});

test('negated: "nil to suggest" rules out every item of its list', () => {
  const d = dx('Nil to suggest a pneumonia, pleural effusion or pneumothorax.');
  for (const code of [PNEUMONIA, EFFUSION, PNEUMOTHORAX]) assert.is(d.find((x) => x.code === code)?.assertion, 'negated', code);
});

test('negated: a list of negatives found absent by a test named after them is a result, not a review of systems', () => {
  const d = dx('There was no pneumonia, pleural effusion or pneumothorax on the chest X-ray.');
  for (const code of [PNEUMONIA, EFFUSION, PNEUMOTHORAX]) assert.is(d.find((x) => x.code === code)?.assertion, 'negated', code);
});

test('negated: a report row whose value is "none" ("Polyps ........ none", "Polyps: none seen")', () => {
  const d = dx('FINDINGS\n  Polyps ........ none\n  Haemorrhoids .... small');
  assert.is(d.find((x) => x.code === POLYP)?.assertion, 'negated');
  assert.is(d.find((x) => x.code === HAEMORRHOIDS)?.assertion, 'present');
  assert.is(status('Polyps: none seen.', POLYP), 'negated');
});

test('possible: a diagnosis waiting on its confirming test ("awaiting histology", "biopsies pending")', () => {
  assert.is(status('Coeliac disease - awaiting histology.', COELIAC), 'possible');
  assert.is(status('Lymphoma (biopsies pending).', LYMPHOMA), 'possible');
});

test('family: a relative labelling a condition ("Mother - epilepsy", "brother (bowel cancer)")', () => {
  assert.is(status('Mother - epilepsy.', EPILEPSY), 'family');
  assert.is(status('FHx: brother (bowel cancer).', BOWEL_CA), 'family');
  // A relative who reports is not the condition's subject.
  assert.is(status('His daughter - she reports that he has asthma.', ASTHMA), 'present');
});

test('negated: a query settled in its own sentence ("considered but excluded", "considered and the CTPA was negative")', () => {
  assert.is(status('Pneumothorax was considered but excluded.', PNEUMOTHORAX), 'negated');
  assert.is(status('Pulmonary embolism was considered and the CTPA was negative.', PE), 'negated');
  assert.is(status('Pulmonary embolism was considered and anaemia was found.', PE), 'possible');
  assert.is(status('We considered a diagnosis of vasculitis but the ANCA was negative.', VASCULITIS), 'negated');
});

test('possible: "working diagnosis of", "raise the possibility of", "I wonder whether"', () => {
  assert.is(status('Working diagnosis of pneumonia.', PNEUMONIA), 'possible');
  assert.is(status('The appearances raise the possibility of sarcoidosis.', SARCOID), 'possible');
  assert.is(status('I wonder whether this is migraine.', MIGRAINE), 'possible');
});

test('possible: a query mark right after the mention, whatever follows it', () => {
  assert.is(status('Appendicitis? - for theatre.', APPENDICITIS), 'possible');
});

test('negated: the test after a dash answers the query; bloods alone do not rule a condition out', () => {
  assert.is(status('?DVT - Doppler negative.', DVT), 'negated');
  assert.is(status('Cellulitis - bloods normal.', CELLULITIS), 'present');
  // A result beside a condition nobody queried is not its ruling out.
  assert.is(status('Pulmonary embolism - CT head normal.', PE), 'present');
});

test('a bracketed diagnosis heading makes its list the letter\'s word on a condition', () => {
  assert.is(status('[ PRIMARY DIAGNOSIS ]\n  Gout\n\n[ CLINICAL NARRATIVE ]\n  Possible gout flare at the knee.', GOUT), 'present');
});

test('negated: a patient who does not meet a diagnosis\'s criteria, before or after it is named', () => {
  assert.is(status('She does not meet the criteria for bipolar disorder.', BIPOLAR), 'negated');
  assert.is(status('Autism spectrum disorder was considered; he does not meet the criteria.', AUTISM), 'negated');
});

test('historical: a later clause naming the condition again ends it ("the infection had resolved")', () => {
  assert.is(status('He had a wound infection, treated with oral flucloxacillin; the infection had resolved by discharge.', WOUND_INFECTION), 'historical');
  assert.is(status('She developed cellulitis of the left leg. The cellulitis settled with antibiotics.', LEG_CELLULITIS), 'historical');
  // Another noun's settling, or a long-term condition's, is not its end.
  assert.is(status('She has a wound infection. The swelling has settled.', WOUND_INFECTION), 'present');
  assert.is(status('She has heart failure; the heart failure has settled on diuretics.', '84114007'), 'present');
});

test.run();

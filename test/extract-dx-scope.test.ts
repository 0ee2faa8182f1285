// Negation and query scope as UK letters write it: a negated detail never negates the condition
// it qualifies, "?X" covers a multi-word term, cause words in compounds are not diagnoses,
// routine negatives are not coded, modality abbreviations are not conditions.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const dx = (text: string, date = '2026-03-01') => findConditions({ ...letterFromText(text), date }, { terminology: t }).diagnoses;
const status = (text: string, code: string) => dx(text).find((d) => d.code === code)?.assertion;
const HYPERK = '14140009', GOUT = '190828008', CARDIOMYOPATHY = '85898001', TACHY = '3424008', AF = '49436004', PAF = '282825002';
const MR = '48724000', FALLS = '161898004', GORD = '235595009', SELF_HARM = '248062006', DM = '73211009', T2DM = '44054006', RA = '69896004', PSA_ARTH = '33339001';

test('a negated detail does not negate the condition it qualifies', () => {
  // The changes are absent; the hyperkalaemia is not.
  const text = 'Diagnosis: hyperkalaemia (K 6.4)\n\nTelemetry on the ward showed no arrhythmia from the hyperkalaemia.';
  assert.is(status(text, HYPERK), 'present');
  assert.is(status('Problems:\n- Gout\n\nHe is not on any prophylaxis for his gout at present.', GOUT), 'present');
  // Nothing else said of it: the clause states nothing, so it is not coded at all.
  assert.is(status('There were no ECG features of ischaemia.', '414545008'), undefined);
});

test('a negation that is itself a ruling still negates', () => {
  assert.is(status('The appearances are not consistent with rheumatoid arthritis.', RA), 'negated');
  assert.is(status('No evidence of atrial fibrillation on the Holter.', AF), 'negated');
  // "not consistent with X" reaches X only, not the condition named before it.
  const d = dx('Impression: psoriatic arthritis. Serology is not consistent with rheumatoid arthritis.');
  assert.is(d.find((x) => x.code === PSA_ARTH)?.assertion, 'present');
  assert.is(d.find((x) => x.code === RA)?.assertion, 'negated');
});

test('a listed diagnosis is not undone by a bare negative later on', () => {
  const text = 'Diagnoses:\n1. Hyperkalaemia\n\nRepeat bloods were reassuring; no hyperkalaemia on the ward gas.';
  assert.is(status(text, HYPERK), 'present');
});

test('"no longer" makes a condition historical, not ruled out', () => {
  assert.is(status('She no longer has angina since her stent.', '194828000'), 'historical');
});

test('"no known X" gives way to a later suspicion of a narrower X', () => {
  const d = dx('HbA1c 49. He has no known diabetes; probable type 2 diabetes, for repeat HbA1c.');
  assert.is(d.find((x) => x.code === DM), undefined);
  assert.is(d.find((x) => x.code === T2DM)?.assertion, 'possible');
});

test('"no previous history of X" denies the past only: not coded', () => {
  assert.is(status('Admitted after a deliberate overdose. There is no prior history of self-harm.', SELF_HARM), undefined);
});

test('routine negatives: denied problems and "no X symptoms" are not coded', () => {
  assert.is(status('She reports no falls since the last review and walks with a stick.', FALLS), undefined);
  assert.is(status('Omeprazole stopped as she has no heartburn or reflux symptoms.', GORD), undefined);
  assert.is(status('Omeprazole stopped; there are no reflux symptoms.', GORD), undefined);
  // Denied risks are still coded.
  assert.is(status('Mental state: no suicidal ideation.', '6471006'), 'negated');
});

test('a test result is a ruling even when the negation is bare', () => {
  assert.is(status('Seen in clinic. A 48-hour Holter showed no atrial fibrillation.', AF), 'negated');
});

test('"?" prefixes the whole multi-word term after it', () => {
  assert.is(status('Impression: ?drug-induced cardiomyopathy', CARDIOMYOPATHY), 'possible');
  assert.is(status('?Early Parkinson disease, for DaTscan.', '49049000'), 'possible');
  // A question mark ending a question is not a query prefix.
  assert.is(status('Any falls? Parkinson disease is stable.', '49049000'), 'present');
  // After a conjunction the next item is not queried.
  assert.is(status('Impression: ?gastritis and hypertension', '38341003'), 'present');
});

test('query wording: "query", "look again for"', () => {
  assert.is(status('Assessment:\n- Query REM sleep behaviour disorder', '415238003'), 'possible');
  assert.is(status('Her back pain radiates to the foot: ?S1 radiculopathy.', '2415007'), 'possible');
  assert.is(status('We will repeat the monitor to look for paroxysmal AF.', PAF), 'possible');
});

test('"X-induced Y": X names the cause, Y is the condition', () => {
  const d = dx('Diagnosis: ?tachycardia-induced cardiomyopathy');
  assert.is(d.find((x) => x.code === TACHY), undefined);
  assert.is(d.find((x) => x.code === CARDIOMYOPATHY)?.assertion, 'possible');
});

test('an imaging modality abbreviation is not the condition it spells', () => {
  assert.is(status('Aneurysm excluded on MR angiography of the circle of Willis.', MR), undefined);
  assert.is(status('MR liver imaging is booked.', MR), undefined);
  assert.is(status('Echo: moderate MR, mild TR.', MR), 'present');
});
test.run();

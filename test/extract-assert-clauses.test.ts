// Assertion scope and status, round 2 (session 7): clause ends a trigger does not cross, list items
// whose tail says the episode is over, relatives' coordinated conditions, tests named before a
// clause break, risks. Every sentence here is written for the test, not taken from a letter.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertMention, type AssertOptions } from '../server/extract/assertion.ts';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

/** The context of the first (or `nth`) occurrence of `term` in `text`. */
function ctx(text: string, term: string, opts: Partial<AssertOptions> = {}, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(term, i + 1);
  if (i < 0) throw new Error(`"${term}" not in text`);
  return assertMention(text, i, i + term.length, { section: 'other', chronic: false, year: 2026, ...opts });
}
const status = (text: string, term: string, opts: Partial<AssertOptions> = {}, nth = 0) => ctx(text, term, opts, nth).assertion;

const t = loadTerminology();
const dx = (text: string, date = '2026-05-01') => findConditions({ ...letterFromText(text), date }, { terminology: t }).diagnoses;
const HYPOTHYROIDISM = '40930008', GASTRIC_CANCER = '363349007', NAUSEA = '422587007';

test('a ruling out "as a cause of" a condition does not reach the condition', () => {
  const text = 'Her urine culture grew nothing, so a UTI was excluded as a cause of her delirium.';
  assert.is(status(text, 'delirium'), 'present');
  assert.is(status('A UTI was ruled out as the cause of the confusion.', 'confusion'), 'present');
  assert.is(status('Pneumonia was excluded.', 'Pneumonia'), 'negated');
});

test('a negative "that would explain" a complaint does not deny the complaint', () => {
  assert.is(status('The Holter monitor showed no pauses or arrhythmias that would explain his dizzy spells.', 'dizzy spells'), 'present');
  assert.is(status('There was no bradycardia to account for her syncope.', 'syncope'), 'present');
});

test('", and who" starts a new clause: "rather than" does not reach past it', () => {
  const text = 'He is a 35-year-old man whose back pain eases with exercise rather than rest, and who had an episode of iritis in 2022.';
  assert.is(status(text, 'iritis'), 'historical');
  assert.is(status('This is a tension headache rather than migraine.', 'migraine'), 'negated');
});

test('a list item with a grade before its head term takes the item\'s "- resolved" / "- recovered" tail', () => {
  assert.is(status('Diagnoses\n1. Type 1 diabetes\n2. Severe hypoglycaemia on admission (glucose 1.9) - resolved\n', 'hypoglycaemia', { section: 'diagnoses' }), 'historical');
  assert.is(status('Diagnoses\n1. Acute kidney injury (March 2026) - recovered to his baseline. Cause: sepsis\n', 'Acute kidney injury', { section: 'diagnoses' }), 'historical');
  // A term after a link word is the head's cause or companion, not the head.
  assert.is(status('Diagnoses\n1. Acute kidney injury secondary to sepsis - resolved\n', 'sepsis', { section: 'diagnoses' }), 'present');
});

test('a bulleted item wrapped onto an indented line keeps its status: ". Resolved - …" on the next line', () => {
  const text = 'Problems\n- Hyponatraemia (Na 121 on admission), likely due to the\n  thiazide. Resolved - Na 136 on discharge.\n- Hypertension\n';
  assert.is(status(text, 'Hyponatraemia', { section: 'diagnoses' }), 'historical');
  assert.is(status(text, 'Hypertension', { section: 'diagnoses', chronic: true }), 'present');
});

test('a tail naming what resolved ("- retention resolved") ends that term, not the long-term head', () => {
  const text = 'DIAGNOSIS\nProstatic enlargement with acute urinary retention (catheter until\nJanuary 2026) - retention resolved after TURP\n';
  assert.is(status(text, 'acute urinary retention', { section: 'diagnoses' }), 'historical');
  assert.is(status(text, 'Prostatic enlargement', { section: 'diagnoses', chronic: true }), 'present');
});

test('family: a further object of the relative\'s verb is the relative\'s ("Father had diabetes and a stroke")', () => {
  const text = 'Her father had type 2 diabetes and a stroke in his sixties.';
  assert.is(status(text, 'stroke'), 'family');
  assert.is(status('His mother had osteoporosis, a hip fracture and glaucoma.', 'glaucoma'), 'family');
  // A new subject, or the patient's own possession, ends the relative's part.
  assert.is(status('Her father had a stroke and she has asthma.', 'asthma'), 'present');
  assert.is(status('Her mother had breast cancer and her asthma is well controlled.', 'asthma'), 'present');
});

test('family: "have" as an auxiliary of another act ("her parents have completed …") names no relative\'s condition', () => {
  assert.is(status('Her parents have completed the teaching sessions on asthma with the nurses.', 'asthma'), 'present');
  assert.is(status('His father has developed Parkinson\'s disease.', 'Parkinson\'s disease'), 'family');
  assert.is(status('Her mother has had two strokes.', 'strokes'), 'family');
});

test('historical: "a single episode of X" dated to a past month is over', () => {
  assert.is(status('He was referred after a single episode of visible haematuria in early March.', 'visible haematuria'), 'historical');
  assert.is(status('She has had a single episode of chest pain today.', 'chest pain'), 'present');
});

test('historical: "is being treated for" is now; "was treated for" is past', () => {
  assert.is(status('She is being treated for a DVT with apixaban.', 'DVT'), 'present');
  assert.is(status('She was treated for a DVT.', 'DVT'), 'historical');
});

test('"treated in primary care" is where a condition is looked after, not that it is over', () => {
  assert.is(status('Background\nRecurrent depressive disorder, treated in primary care, on sertraline.', 'Recurrent depressive disorder', { section: 'pmh', chronic: true }), 'present');
  assert.is(status('Pulmonary TB treated in 1978.', 'Pulmonary TB'), 'historical');
});

test('an instrument examination is a test: its negatives are findings, not a history\'s', () => {
  assert.equal(((c) => [c.assertion, c.weakNegation])(ctx('Dilated fundoscopy: no retinal detachment.', 'retinal detachment')), ['negated', false]);
  assert.equal(((c) => [c.assertion, c.weakNegation])(ctx('360-degree indentation - no retinal tear.', 'retinal tear')), ['negated', false]);
  assert.is(ctx('On examination no ankle swelling.', 'ankle swelling').weakNegation, true);
});

test('a test before a "which" clause still makes the negative after it a result', () => {
  const c = ctx('An ultrasound on Monday, which showed a normal liver and spleen, with no ascites.', 'ascites');
  assert.is(c.assertion, 'negated');
  assert.is(c.weakNegation, false);
});

test('a risk named is not the condition ("an increased risk of gastric cancer")', () => {
  assert.is(ctx('Pernicious anaemia carries an increased risk of gastric cancer.', 'gastric cancer').conditional, true);
  assert.is(ctx('She is at high risk of developing osteoporosis.', 'osteoporosis').conditional, true);
  assert.is(ctx('She has osteoporosis.', 'osteoporosis').conditional, false);
  assert.not.ok(dx('Because pernicious anaemia carries an increased risk of gastric cancer, I have referred her for an OGD.').some((d) => d.code === GASTRIC_CANCER));
});

test('a blanked parenthesis counts as one gap: "Excluded:" reaches every item of its list', () => {
  const text = 'Excluded: coeliac disease (tissue transglutaminase antibody negative in clinic), hypothyroidism (TFTs normal)';
  assert.is(status(text, 'hypothyroidism', { section: 'diagnoses' }), 'negated');
  assert.is(dx(`Diagnoses\n1. Constipation\n${text}\n`).find((d) => d.code === HYPOTHYROIDISM)?.assertion, 'negated');
});

test('a hedged cause ("perhaps related to") ends the clause: a query before it does not reach the cause', () => {
  const text = 'The CT showed changes which might represent early bronchiectasis, perhaps related to her childhood pneumonia.';
  assert.is.not(status(text, 'pneumonia'), 'possible');
  assert.is(status(text, 'bronchiectasis'), 'possible');
});

test('"no history of A or B" is a history\'s list of negatives; "no history of A" alone is a ruling', () => {
  assert.is(ctx('There is no history of abdominal distension or vomiting.', 'vomiting').weakNegation, true);
  assert.is(ctx('There is no history of asthma.', 'asthma').weakNegation, false);
});

test('a surveillance or screening plan not needed is about the plan, not the condition', () => {
  const text = 'Plan\n- HCC/varices surveillance not required (no cirrhosis).';
  assert.is(ctx(text, 'HCC', { section: 'plan' }).planned, true);
  assert.is(ctx(text, 'varices', { section: 'plan' }).planned, true);
});

test('a symptom listed under "Other problems" is a problem, not the story of an illness', () => {
  const d = dx('Diagnosis: Metastatic carcinoma of the pancreas.\nOther problems: constipation; nausea.\n\nDear Dr Smith\n');
  assert.is(d.find((x) => x.code === NAUSEA)?.assertion, 'present');
});

test('"?symptomatic X" queries whether X matters, not whether it is there', () => {
  assert.is(status('Imp: right hemisphere TIA.\n?symptomatic R carotid stenosis.', 'carotid stenosis'), 'present');
  assert.is(status('Imp: ?carotid stenosis.', 'carotid stenosis'), 'possible');
});

test.run();

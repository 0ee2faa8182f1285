// UK letter wording learnt from an independent annotator's letters: smoking-status variants,
// procedures written as verbs or bare nouns ("manipulated under a block", "angiography"), and
// the other general rules that the blind corpus showed were missing. Sentences are our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const run = (text: string) => findConditions({ ...letterFromText(text), date: '2026-03-10' }, { terminology: t });
const dx = (text: string) => run(text).diagnoses.map((d) => `${d.code}:${d.assertion}`);
const proc = (text: string) => run(text).procedures.map((p) => p.code);

test('smoking status: never, gave up, and the ambiguous bare non-smoker', () => {
  assert.ok(dx('Social history: retired teacher, lives with her husband. She has never smoked.').includes('266919005:present'));
  assert.ok(dx('Lives alone. Never smoked, drinks 4 units a week.').includes('266919005:present'));
  assert.ok(dx('He gave up smoking in 2011 and walks his dog daily.').includes('8517006:present'));
  assert.ok(dx('She stopped smoking ten years ago.').includes('8517006:present'));
  // "Non-smoker" may describe an ex-smoker, so it codes nothing.
  assert.not.ok(dx('Background: asthma. Non-smoker.').some((d) => d.startsWith('266919005') || d.startsWith('8517006')));
});

test('procedures: ileocolonoscopy, fracture manipulation, bare angiography on the coronaries', () => {
  assert.equal(proc('Thank you for seeing her after her ileocolonoscopy on 02/03/2026; biopsies were taken from the caecum.'), ['73761001']);
  assert.equal(proc('Distal radius fracture. Treatment: manipulation under haematoma block and a backslab.'), ['122470005']);
  assert.equal(proc('Chest pain. Smooth coronary arteries at angiography on 01/03/2026.'), ['33367005']);
  // A bare angiogram of another bed is not a coronary angiogram.
  assert.equal(proc('Renal artery stenosis confirmed at angiography on 01/03/2026.').filter((c) => c === '33367005'), []);
});

test('a query answered in its own sentence, and "not diagnosed", are negated', () => {
  assert.ok(dx('Sarcoidosis was considered on his chest CT but was not present.').includes('31541009:negated'));
  assert.ok(dx('Urine dip showed protein only and she is well, so UTI was not diagnosed.').includes('68566005:negated'));
});

test('a trigger after a dash rules out its own item, not the head before it', () => {
  const d = dx('Diagnosis: Seborrhoeic keratosis, right shoulder - melanoma excluded on dermoscopy.');
  assert.ok(d.includes('372244006:negated'));
  assert.not.ok(d.some((x) => x.endsWith(':negated') && !x.startsWith('372244006')));
  assert.ok(dx('Pulmonary embolism - excluded.').includes('59282003:negated'));
});

test('the patient becomes the subject again after a relative\'s illness; hedges with "well"', () => {
  const d = dx('Her father had a stroke at 60, so she may well have familial hypercholesterolaemia.');
  assert.ok(d.includes('230690007:family'));
  assert.not.ok(d.some((x) => x.endsWith(':family') && !x.startsWith('230690007')));
  assert.ok(dx('Her mother has type 2 diabetes.').includes('44054006:family'));
});

test('UK wording: second-stage delay, a conductive loss, harmful alcohol use', () => {
  assert.ok(dx('Ventouse delivery for failure to progress in the second stage.').includes('249166003:present'));
  assert.ok(dx('Audiometry: a mild conductive loss on the left.').includes('44057004:present'));
  assert.ok(dx('Harmful alcohol use (about 50 units a week).').includes('15167005:present'));
});

test('an acute episode dated in the past is over; "in the past year" is a duration', () => {
  assert.ok(dx('She had a chest infection in January, treated with amoxicillin.').includes('195742007:historical'));
  assert.ok(dx('He had cellulitis of the leg two months ago.').includes('449710006:historical'));
  assert.ok(dx('She had a DVT in March and remains on apixaban.').includes('128053003:present'));
  assert.ok(dx('He has had five episodes of tonsillitis in the past year.').includes('90176007:present'));
  assert.ok(dx('He had gout in the past.').includes('190828008:historical'));
});

test('"is a possibility" hedges; otitis media with effusion is glue ear, not a pleural effusion', () => {
  assert.ok(dx('We discussed that lymphoma is a possibility.').some((d) => d.endsWith(':possible')));
  assert.equal(dx('Diagnosis: left otitis media with effusion.'), ['80327007:present']);
});

test('ICD-10 depression titles, also wrapped onto a hanging-indented line', () => {
  assert.ok(dx('Diagnosis:  Recurrent depressive disorder, current episode severe without psychotic\n            symptoms\nOther:      Panic disorder').includes('36474008:present'));
  // The ICD-10 title names the episode's severity: SNOMED CT's "Moderate depression".
  assert.ok(dx('Diagnosis: Moderate depressive episode.').includes('310496002:present'));
});

test('a risk "not had for the past weeks" has passed; a bare denial is negated', () => {
  assert.ok(dx('She has not had thoughts of suicide for the past fortnight.').includes('6471006:historical'));
  assert.ok(dx('Mental state: no suicidal ideation.').includes('6471006:negated'));
  // Other conditions denied "since" stay uncoded (a past event, not a ruling).
  assert.equal(dx('He has had no angina since his stent.'), []);
});

test('"lung" and "pulmonary" name one organ: COPD beside mild COPD is the vaguer name', () => {
  assert.equal(dx('Diagnoses: Mild chronic obstructive pulmonary disease. His COPD is stable on inhalers.'), ['313296004:present']);
});

test('a risk a treatment guards against, and a dietary topic, are not conditions', () => {
  assert.equal(dx('Metformin continued; sulfonylurea stopped to reduce the risk of hypoglycaemia.'), []);
  assert.equal(dx('The dietitian gave her low potassium dietary advice.'), []);
  assert.ok(dx('He had two episodes of hypoglycaemia this week.').includes('302866003:present'));
});

test.run();

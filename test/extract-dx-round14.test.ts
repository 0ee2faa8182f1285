// Diagnosis extraction, round 14 (from blind31): what a rhythm monitor the sentence before reports found absent is
// ruled out, even as "no A or B"; "X is not a factor" rules X out. Every sentence here is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { has, lacks, procs } from './helpers/diagnoses.ts';
import { extract } from '../server/extract/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { loadTerminology } from '../terminology/index.ts';

test('"The 72-hour tape showed … . There was no SVT or atrial fibrillation.": the monitor rules both out', () => {
  const text = 'The 72-hour tape showed sinus rhythm with occasional ventricular ectopics. There was no supraventricular tachycardia or atrial\nfibrillation.';
  has(text, '6456007:negated');
  has(text, '49436004:negated');
  // a history's bare "no A or B" is still its routine negatives
  lacks('No known diabetes or hypertension; he has never had his cholesterol checked.', '73211009');
  // and what a scan's next sentence finds absent stays a routine negative
  lacks('CT thorax showed no mass lesion and confirmed emphysema. There was no consolidation.', '233604007');
});

test('"hyperthyroidism is not a factor" rules it out', () => {
  has('Her thyroid function was normal, so hyperthyroidism is not a factor.', '34486009:negated');
  has('Her palpitations are due to hyperthyroidism.', '34486009:present');
});

test('an angiogram of the legs is peripheral angiography', () => {
  assert.equal(procs('Right lower limb angiogram on 03/03/2026: occluded popliteal artery.'), ['271993009']);
  assert.equal(procs('Coronary angiogram on 03/03/2026.'), ['33367005']);
  assert.equal(procs('CT angiogram of the legs on 03/03/2026.'), []);
});

test('a stent put in, said across a wrapped line, is a stent put in', () => {
  assert.equal(procs('On 02/03/2026 he had insertion of\na metal stent.'), ['103716009']);
  assert.equal(procs('He has a metal stent.'), []);
});

test('a relative named straight before the condition with its age; a denial that is a condition to come is no ruling', () => {
  has('Risk factors: ex-smoker, father MI aged 50, high cholesterol', '22298006:family');
  lacks('Risk factors: ex-smoker, father MI aged 50, high cholesterol', '22298006:historical');
  has('Recurrent hypos.\n\n- advised: no driving until he has had no further severe hypos.', '302866003:present');
});

test('dictated shorthand: "background DR", "periph neuropathy", "1st degree HB"; lipohypertrophy at injection sites', () => {
  has('PMH: background DR (R1M0), periph neuropathy (feet)', '4855003:present');
  has('PMH: background DR (R1M0), periph neuropathy (feet)', '302226006:present');
  has('ECG: 1st degree HB (PR 224 ms).', '270492004:present');
  has('Inj sites: marked lipohypertrophy abdomen bilat.', '71325002:present');
});

test('a hedge governs its whole clause; what a lesion "can turn into" is a risk; a ruling of other things stays theirs', () => {
  has('Put together, this makes it possible that you have an inherited form of high cholesterol\ncalled familial hypercholesterolaemia (FH).', '398036000:possible');
  lacks('They are not cancer, but occasionally one can turn into a type of skin cancer called squamous cell carcinoma.', '254651007');
  has('The mole on your back\nI cannot rule out an early melanoma just by looking at it.\n\nThe patches on your scalp\nThe patches are actinic keratoses. They are not cancer.', '93655004:possible');
  // a ruling of the query itself still answers it, in any paragraph
  lacks('?Paroxysmal AF.\n\nThe 7-day tape showed no atrial fibrillation.', '282825002');
});

test('"sounds like" hedges; "…, but this has now resolved" ends the sentence\'s own episode; HCC is liver cell carcinoma', () => {
  has('I do not think this is sinister - it sounds more like reflux.', '235595009:possible');
  has('Post op he had a prolonged ileus for 4 days requiring NG and a short spell of TPN but this has now resolved.', '55525008:historical');
  has('Post op he had a prolonged ileus for 4 days requiring NG.', '55525008:present');
  has('There is no focal liver lesion to suggest hepatocellular carcinoma.', '109841003:negated');
});

test('procedures: an option explained is not done; a bare biopsy or excision of the skin\'s own lesion is the skin\'s', () => {
  assert.equal(procs('I explained that a septoplasty is the only way to improve the obstruction.'), []);
  assert.equal(procs('A septoplasty was performed on 02/03/2026.'), ['13529000']);
  assert.equal(procs('The skin sample (biopsy) I took from your left wrist on 02/03/2026 showed lichen planus.'), ['240977001']);
  assert.equal(procs('Excision of 15 mm cyst, vertex of scalp, on 02/03/2026.'), ['301890004']);
  assert.equal(procs('A biopsy of the stomach was taken on 02/03/2026.'), ['86273004']);
});

test('procedures: a side word does not let the disorder swallow its repair; haemorrhoids injected; polyps removed', () => {
  assert.equal(procs('He had a right inguinal hernia repair on 02/03/2026.'), ['44558001']);
  has('Right inguinal hernia, for repair.', '236021006:present');
  assert.equal(procs('Haemorrhoids injected with 5% phenol in almond oil on 02/03/2026.'), ['8422009']);
  assert.equal(procs('At colonoscopy on 02/03/2026 two polyps were removed.').includes('311774002'), true);
});

test('a tick-box form reads as its answers: "Smoking: [ ] current [ ] ex [x] never"; a field ticked "up to date" names no condition', () => {
  const codes = (form: string) => {
    const x = extract({ ...letterFromText(form), date: '2026-03-07' }, { terminology: loadTerminology() });
    assert.ok(x.diagnoses.every((d) => d.evidence.quote === form.slice(d.evidence.start, d.evidence.end)));
    return x.diagnoses.map((d) => `${d.code}:${d.assertion}`);
  };
  assert.equal(codes('ED attendance\n\nSmoking: [ ] current  [ ] ex  [x] never\nTetanus        : [x] up to date - no action   [ ] booster given\n'), ['266919005:present']);
  assert.equal(codes('Podiatry\n\nAnticoagulants:   [ ] Yes  [x] No        Smoker: [ ] Yes  [x] No\n'), ['8392000:present']);
});

test('procedures: dated on the line an item wraps onto, or by month and year, long past; what an operation generally brings', () => {
  const wrapped = { ...letterFromText('Diagnosis:   Adenocarcinoma of the sigmoid colon, pT3 pN1b M0, anterior resection\n             14/10/2025 (Mr Patel). Adjuvant capecitabine.\n'), date: '2026-04-21' };
  assert.equal(extract(wrapped, { terminology: loadTerminology() }).procedures, []);
  const monthYear = { ...letterFromText('Diagnosis: right breast cancer. Wide local excision and axillary node clearance April 2023, then radiotherapy.\n'), date: '2026-01-20' };
  assert.equal(extract(monthYear, { terminology: loadTerminology() }).procedures, []);
  assert.equal(procs('I will hold off on a bisphosphonate, since bone density often improves after a successful parathyroidectomy.'), []);
  assert.equal(procs('Her calcium normalised after a parathyroidectomy on 02/03/2026.'), ['53304009']);
});

test('an endometrial biopsy\'s "no malignancy" is endometrial carcinoma ruled out; valve disease by its valve', () => {
  has('Endometrial biopsy benign - no hyperplasia, no malignancy.', '254878006:negated');
  has('Echo showed mild functional MR. There is no significant aortic valve disease.', '8722008:negated');
  has('Known mitral valve disease, under surveillance.', '11851006:present');
});

test('a list item whose years are closed, that has had none since, or no treatment since her twenties, is over', () => {
  has('PMH:\n 11. Polymyalgia rheumatica 2019-2021 - steroids weaned off, no relapse', '65323003:historical');
  has('Problems:\n2. Recurrent syncope and falls - none since PPM', '271594007:historical');
  has('PMH:\n - Childhood asthma - no inhaler since her twenties', '195967001:historical');
  has('PMH: Crohn\'s disease 2015-present', '34000006:present');
  has('PMH: asthma since childhood', '195967001:present');
});

test('"X and an inflammatory arthritis have both been ruled out": the joint subject is ruled out together', () => {
  has('I am confident that polymyalgia rheumatica and an inflammatory arthritis have both been ruled out.', '65323003:negated');
  has('She has polymyalgia rheumatica and an inflammatory arthritis was ruled out.', '65323003:present');
});

test('"we found and removed two small polyps" in a bowel letter is a polypectomy', () => {
  assert.ok(procs('At colonoscopy on 02/03/2026 we found and removed two small polyps from the left side of your bowel.').includes('311774002'));
  assert.not.ok(procs('At gastroscopy on 02/03/2026 we removed two polyps.').includes('311774002'));
});

test.run();

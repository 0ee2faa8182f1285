// Concept recognition, second tuning round (corpus-blind5 and corpus-blind6): families of UK wording for
// conditions and procedures, the guards that keep a word from being read as a concept (measurements, risks,
// screens, verbs, letterheads, radiotherapy fractions), and the rules that keep one condition one item (a bare
// name that refers back to a specific one, a query answered more specifically, "X without Y").
// Every sentence here is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { loadLexicon } from '../terminology/lexicon.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';
import { conceptIndex, matchConcepts } from '../server/extract/concepts.ts';

const t = loadTerminology();
const idx = conceptIndex(t);
const run = (text: string) => findConditions({ ...letterFromText(text), date: '2026-05-11' }, { terminology: t });
const dx = (text: string) => run(text).diagnoses.map((d) => `${d.code}:${d.assertion}`);
const proc = (text: string) => run(text).procedures.map((p) => p.code);
const codes = (text: string) => matchConcepts(idx, text).flatMap((m) => m.codes);
const has = (text: string, item: string) => assert.ok(dx(text).includes(item), `${item} in ${dx(text).join(' ')}`);
const hasCode = (text: string, code: string) => assert.ok(dx(text).some((d) => d.startsWith(code + ':')), `${code} in ${dx(text).join(' ')}`);
const lacks = (text: string, code: string) => assert.not.ok(dx(text).some((d) => d.startsWith(code + ':')), `${code} not in ${dx(text).join(' ')}`);
const count = (text: string, code: string) => dx(text).filter((d) => d.startsWith(code + ':')).length;

test('every round-2 lexicon code is in the GPS', () => {
  assert.equal(loadLexicon(t).invalid.map((e) => `${e.where} ${e.term}`), []);
});

test('left ventricular systolic function named as impaired, reduced or poor', () => {
  has('Diagnoses:\n- Moderate LV systolic impairment on echo (EF 38%)', '134401001:present');
  has('Echo showed poor LV function.', '134401001:present');
  has('Problems: left ventricular systolic impairment, stable.', '134401001:present');
  has('Echo: reduced left ventricular systolic function.', '134401001:present');
});

test('ECG segment changes are not a depressive disorder or an infarct', () => {
  lacks('ECG on arrival showed 1 mm ST depression in the lateral leads.', '35489007');
  assert.equal(codes('Widespread ST elevation, saddle shaped.'), []);
  // a depression named as such still counts
  hasCode('Past history: depression, on citalopram.', '35489007');
});

test('fatty liver disease under its new names; MASH beside the liver only', () => {
  has('Impression: MASLD with a FibroScan of 9.8 kPa.', '197315008:present');
  has('Impression: metabolic dysfunction-associated steatotic liver disease.', '197315008:present');
  hasCode('Her liver biopsy showed MASH with stage 2 fibrosis.', '442685003');
  // the Multi-Agency Safeguarding Hub
  lacks('We have made a referral to the local authority (MASH) about the children.', '442685003');
});

test('epilepsy syndromes by their kind; a plain diagnosis stands beside a likelier subtype', () => {
  has('Diagnosis: juvenile myoclonic epilepsy.', '19598007:present');
  has('Diagnosis: genetic generalised epilepsy.', '19598007:present');
  has('Diagnosis: Generalised epilepsy, probably childhood absence epilepsy.', '19598007:present');
});

test('lens opacities are cataract; PVD in an eye letter is the vitreous detachment', () => {
  has('Anterior segments: early nuclear lens opacities in both eyes.', '53889007:present');
  has('Slit lamp: mild cortical lens opacities.', '193570009:present');
  const eye = 'Eye casualty. Floaters for two days; dilated fundoscopy shows a Weiss ring.\nDiagnosis: right PVD, no retinal tear.';
  has(eye, '247081001:present');
  lacks(eye, '400047006');
  has('PMH: PVD with claudication at 100 yards, on clopidogrel.', '400047006:present');
});

test('Greek plurals of -osis meet their singular; "overdoses" stays an overdose', () => {
  has('Problems: several seborrhoeic keratoses on the back and actinic keratoses on the scalp.', '201101007:present');
  hasCode('History: two overdoses in 2019.', '55680006');
});

test('an organ named by its adjective: "ovarian torsion", "testicular torsion", "pancreatic pseudocyst"', () => {
  has('Ultrasound: normal ovaries with good flow, no evidence of ovarian torsion.', '13595002:negated');
  assert.ok(codes('scrotal exploration for testicular torsion').includes('81996005'));
  assert.ok(codes('CT: a 4 cm pancreatic pseudocyst').includes('111374002'));
  assert.ok(codes('dilated loops from a colonic obstruction').includes('40650009'));
  // "cervical" is the spine's as well as the cervix's: not read as the cervix's stenosis
  assert.not.ok(codes('MRI: cervical stenosis at C5/6').includes('83536006'));
});

test('an abbreviation with a value in a unit is a measurement', () => {
  lacks('FibroScan: liver stiffness 7.2 kPa, CAP 310 dB/m.', '385093006');
  has('Diagnosis: CAP, treated with amoxicillin.', '385093006:present');
  // a size is the condition measured
  has('Diagnosis: AAA 5.6 cm, for EVAR work-up.', '233985008:present');
});

test('a risk spoken of is not the condition; a risk of self-harm still counts', () => {
  lacks('Coeliac disease carries a small increased risk of small bowel lymphoma.', '109962001');
  lacks('We discussed the risk of bleeding on apixaban.', '131148009');
  hasCode('Assessment: there is an ongoing risk of further self-harm.', '401206008');
});

test('the target of a screen is not a diagnosis', () => {
  lacks('Please arrange a fasting glucose to screen for type 2 diabetes at her six-week check.', '44054006');
  lacks('She was tested for coeliac disease, result awaited.', '396331005');
  // (a positive screen finds carriage)
  hasCode('He was screened for MRSA on admission, which was positive.', '432415000');
});

test('"fall" and "poisoning" used as verbs', () => {
  lacks('His wife saw him fall backwards during the jerking.', '161898004');
  has('She had a fall in the kitchen last week.', '161898004:present');
  lacks('She believes her sister is poisoning her food.', '75478009');
  has('Admitted with carbon monoxide poisoning.', '75478009:present');
});

test('a bare nodule is the lung\'s on a line naming a lobe; a bare dependence is alcohol\'s beside drinking', () => {
  has('CT: 5 mm solid nodule, left lower lobe - for follow-up.', '427359005:present');
  lacks('Thyroid ultrasound: dominant R lobe nodule, U2.', '427359005');
  lacks('Endoscopy: no nodules within the segment.', '427359005');
  has('Drinks 40 units a week; no features of dependence.', '66590003:negated');
  lacks('She has increasing dependence on her daughter for shopping.', '66590003');
});

test('a bare nodule in a thyroid letter is the thyroid\'s', () => {
  has('Thyroid clinic. Ultrasound: a 2 cm U3 nodule in the left lobe; FNA requested.', '237495005:present');
  // an examination's routine negative
  lacks('Her TSH is suppressed. There is no goitre and I could feel no palpable nodules.', '237495005');
});

test('a bare neoplasm or metastasis is the organ\'s its sentence names', () => {
  has('Colonoscopy showed a stricture in the sigmoid colon; a neoplasm cannot be excluded until the biopsies are back.', '126838000:possible');
  has('CT: in the liver there is a 9 mm hypodense lesion; a metastasis cannot be excluded.', '94381002:possible');
  // no organ named: nothing codable
  assert.equal(dx('A neoplasm was not seen.'), []);
  // a sentence naming a primary does not say where the metastasis is
  lacks('Staging CT for her breast cancer shows no metastasis.', '94297009');
});

test('a trust letterhead names services, however long the line', () => {
  lacks('NORTHGATE HEALTH AND CARE PARTNERSHIP NHS FOUNDATION TRUST (Community Mental Health and Learning Disability Services)\n\nDear Dr Ames\nThank you for seeing him.', '110359009');
});

test('test names shared by coordinated conditions, surveillance of a complication', () => {
  lacks('Blood cultures and urinary Legionella and pneumococcal antigens were sent.', '195889001');
  lacks('HCC/varices surveillance is not needed at present.', '109841003');
  lacks('HCC/varices surveillance is not needed at present.', '28670008');
  lacks('They have learnt carbohydrate counting, hypo and sick day rules.', '302866003');
});

test('a "#" after a number is a radiotherapy fraction count, not a fracture', () => {
  lacks('Adjuvant radiotherapy 26 Gy/5# to the left breast, completed 2022.', '125605004');
  lacks('Radiotherapy 55 Gy in 20 # to the larynx.', '125605004');
  hasCode('X-ray: L NOF # - for theatre.', '5913000');
  hasCode('CXR: left ribs 7-9 # with no pneumothorax.', '33737001');
});

test('a percentage between a vessel and its stenosis is skipped', () => {
  has('Carotid duplex: R ICA 70-99% stenosis, L ICA normal.', '64586002:present');
  has('Duplex: internal carotid artery stenosis of the left side.', '64586002:present');
});

test('an INR above any target is raised', () => {
  has('INR 6.4 at the anticoagulation clinic today, no bleeding.', '313341008:present');
  lacks('INR 2.6 today, in range.', '313341008');
  lacks('Target INR 3.5 (mechanical mitral valve).', '313341008');
});

test('contraceptive devices put in and endoscopies the GPS names only as Endoscopy', () => {
  assert.ok(proc('After counselling a contraceptive implant was inserted into her left arm under local anaesthetic.').includes('278854009'));
  assert.ok(proc('A Mirena IUS was fitted today without difficulty.').includes('65200003'));
  assert.ok(proc('Procedure: outpatient hysteroscopy and endometrial biopsy today.').includes('423827005'));
});

test('a symptom named by the medicine that causes it is a problem', () => {
  has('Diagnosis: breast cancer on letrozole.\n\nShe now has troublesome letrozole arthralgia and we will switch.', '57676002:present');
  hasCode('Diagnosis: hypertension.\n\nShe reports intermittent hot flushes.', '238810007');
});

test('a local recurrence is the recurrence of the cancer the letter is about', () => {
  has('Diagnosis: right breast cancer treated with wide local excision 2021.\nMammogram: no evidence of local recurrence.', '314955001:negated');
  has('Diagnosis: rectal cancer, anterior resection 2022.\nMRI pelvis: no local recurrence.', '314966008:negated');
  lacks('Scan shows no local recurrence.', '314955001');
  has('CT urogram: no renal mass and normal ureters.', '309088003:negated');
});

test('an infarct of an organ other than the brain is not a cerebral infarction', () => {
  lacks('CT abdomen: a wedge-shaped splenic infarct.', '432504007');
  hasCode('ECG: Q waves from an old myocardial infarct.', '22298006');
  hasCode('CT head: an old right parietal infarct.', '432504007');
});

test('scars, denied heavy drinking and anatomy named for the coeliac axis are not conditions', () => {
  lacks('On examination the surgical scar is well healed.', '275322007');
  lacks('Alcohol: 6 units a week, never drinks heavily.', '15167005');
  lacks('We talked about a coeliac plexus block for the pain.', '396331005');
});

test('sight loss by its register, and a registration in brackets after its cause', () => {
  has('He lives alone and is severely sight impaired.', '397540003:present');
  hasCode('She has glaucoma, which means she is registered as partially sighted.', '397540003');
  lacks('Background: diabetic retinopathy (registered sight impaired), hypertension.', '397540003');
});

test('families from child health, mental health, maternity and rheumatology', () => {
  has('Diagnoses\n1. Constipation with faecal impaction and overflow soiling', '73149003:present');
  hasCode('Background: recurrent depressive disorder, on mirtazapine.', '191616006');
  has('Mental state: there is no evidence of a psychotic illness.', '69322001:negated');
  has('Antenatal problems: gestational hypertension from 36 weeks on labetalol.', '48194001:present');
  has('Delivery: caesarean section for failure to progress in the first stage of labour.', '33627001:present');
  has('PMH: osteoarthritis of the hands, hypothyroidism.', '201834006:present');
  has('PMH: hand OA.', '201834006:present');
});

test('a bare name that refers back to a specific one is the same condition', () => {
  const blood = 'Outcome: visible haematuria, no cause found.\n\nHe had visible haematuria in March; the haematuria settled within a week.';
  assert.is(count(blood, '34436003'), 0, dx(blood).join(' '));
  hasCode(blood, '197941005');
  const skin = 'Diagnoses\n1. Atopic eczema - moderate\n\nHis eczema flares in winter.';
  assert.is(count(skin, '43116000'), 0, dx(skin).join(' '));
  hasCode(skin, '24079001');
  // a cause written before the generic name keeps it a kind of its own
  const heart = 'Impression: ?alcohol-induced cardiomyopathy - differential dilated cardiomyopathy.';
  hasCode(heart, '85898001');
});

test('"X without Y" is X; the complication after "with" is the same condition', () => {
  const iron = 'Problems: iron deficiency without anaemia.\n\nFor his iron deficiency he will have an iron infusion.';
  assert.is(count(iron, '35240004'), 0, dx(iron).join(' '));
  hasCode(iron, '234340006');
  const gut = 'Findings: LA grade B oesophagitis.\nDiagnosis: reflux oesophagitis.';
  assert.is(count(gut, '16761005'), 0, dx(gut).join(' '));
  hasCode(gut, '266433003');
});

test('a query answered by a narrower diagnosis later; eponymous fractures by their bone', () => {
  const dvt = 'Referral: ?DVT from the GP.\n\nDiagnosis: provoked DVT of the left leg.';
  assert.is(count(dvt, '128053003'), 0, dx(dvt).join(' '));
  hasCode(dvt, '404223003');
  const wrist = "X-ray: dorsally angulated fracture of the distal radius.\nDiagnosis: closed Colles' fracture, right wrist.";
  assert.is(dx(wrist).filter((d) => d.startsWith('263199001') || d.startsWith('269083002')).length, 1, dx(wrist).join(' '));
});

test('symptoms listed under a problems heading are problems; a history\'s denials are not', () => {
  has('Diagnosis: pancreatic cancer.\nOther problems: constipation; nausea; fatigue.\n\nDear Dr Lowe', '422587007:present');
  lacks('Diagnosis: constipation.\n\nThere is no history of abdominal distension or vomiting.', '422400008');
});

test('a rescue medicine\'s event has not happened', () => {
  lacks('Discharge medicines:\n- Glucagon 1 mg IM for severe hypoglycaemia', '302866003');
  has('Admitted for severe hypoglycaemia on gliclazide.', '302866003:present');
});

test('an operation dated long before the letter, or one the patient is sent for, is not this episode\'s', () => {
  assert.not.ok(proc('Treatment: right mastectomy and sentinel lymph node biopsy, 03/09/2022. Adjuvant letrozole.').includes('396487001'));
  assert.ok(proc('Procedure: sentinel lymph node biopsy, 02/05/2026.').includes('396487001'));
  assert.not.ok(proc('Because of her symptoms I have referred her to the upper GI team for an OGD.').includes('265371001'));
});

test.run();

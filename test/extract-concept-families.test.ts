// Concept recognition families added on the fourth tuning set: UK wording for smoking and alcohol,
// abnormal results, bowel symptoms, thyroid and skin disease, hernias, wound infection, urological
// and brain findings; and the precision guards that keep a word from being read as a concept.
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
const run = (text: string) => findConditions({ ...letterFromText(text), date: '2026-04-20' }, { terminology: t });
const dx = (text: string) => run(text).diagnoses.map((d) => `${d.code}:${d.assertion}`);
const proc = (text: string) => run(text).procedures.map((p) => p.code);
const codes = (text: string) => matchConcepts(idx, text).flatMap((m) => m.codes);
const has = (text: string, item: string) => assert.ok(dx(text).includes(item), `${item} in ${dx(text).join(' ')}`);
const lacks = (text: string, code: string) => assert.not.ok(dx(text).some((d) => d.startsWith(code + ':')), `${code} not in ${dx(text).join(' ')}`);

test('every new lexicon code is in the GPS', () => {
  assert.equal(loadLexicon(t).invalid.map((e) => `${e.where} ${e.term}`), []);
});

test('smoking status written as a denial is the status Non-smoker', () => {
  has('Social history: retired teacher, lives with her husband. Non-smoker.', '8392000:present');
  has('He works as a plumber and does not smoke.', '8392000:present');
  has("She doesn't smoke and walks her dog daily.", '8392000:present');
  has('He is not a smoker.', '8392000:present');
  lacks('He is not a smoker.', '77176002');
  has('She has never been a smoker.', '266919005:present');
  // one status written twice is one item
  const both = dx('Smoking: non-smoker; she has never smoked.').filter((d) => d.startsWith('8392000') || d.startsWith('266919005'));
  assert.is(both.length, 1, both.join(' '));
});

test('drinking described as heavy is alcohol misuse; a routine "not to excess" is no condition', () => {
  has('He drank heavily for many years.', '15167005:present');
  has('There is a background of heavy alcohol intake.', '15167005:present');
  has('She is a heavy drinker.', '15167005:present');
  lacks('He does not drink alcohol to excess and walks daily.', '15167005');
  lacks("She doesn't drink to excess.", '15167005');
  lacks('He was advised to avoid excess alcohol while on methotrexate.', '15167005');
});

test('abnormal results named by analyte and direction', () => {
  has('Bloods today: raised ALP, otherwise unremarkable.', '274770006:present');
  has('Investigations showed a raised bilirubin of 48.', '14783006:present');
  has('Results: raised creatinine at 164.', '166717003:present');
  has('She was admitted with a supratherapeutic INR.', '313341008:present');
  has('His ferritin was high at 1100.', '390943009:present');
  has('Her TSH was raised at 9.1 with a normal T4.', '309080005:present');
  has('His albumin was low at 28.', '119247004:present');
  has('Problems: leucopenia on azathioprine.', '84828003:present');
  has('Her platelets were high at 620.', '6631009:present');
  has('The CK was raised after the fall.', '432352001:present');
  has('Her ALT was mildly raised at 88.', '409673008:present');
  has('She was hyponatraemic at 124 on admission.', '89627008:present');
});

test('a thyroid panel out of range stated in words is abnormal thyroid function', () => {
  has('For the GP: her TFTs were slightly off (TSH 6.1) - please repeat in 6 weeks.', '312399001:present');
  has('His thyroid function came back abnormal.', '312399001:present');
  lacks('Her thyroid function was normal.', '312399001');
});

test('guards: adjectives of a sign, a finding that is why a medicine stopped', () => {
  // (Round 8: the potassium of 6.1 is itself a hyperkalaemia, as the annotators code it; the adjective must not make it ruled out.)
  assert.not.ok(dx('Potassium 6.1. The ECG showed no hyperkalaemic changes.').includes('14140009:negated'));
  lacks('Potassium 5.1. The ECG showed no hyperkalaemic changes.', '14140009');
  lacks('Azathioprine was stopped because of a persistently raised ALT, and he is otherwise well.', '409673008');
});

test('bowel and upper GI symptoms as referrals write them', () => {
  for (const s of ['Referred with a change in bowel habit.', 'Referred with CIBH and weight loss.', 'Referred with a change of bowel habit.']) assert.ok(codes(s).includes('88111009'), s);
  assert.ok(codes('She reports tenesmus.').includes('267053000'));
  assert.ok(codes('He has had faecal incontinence since the surgery.').includes('72042002'));
  assert.ok(codes('She has early satiety.').includes('442076002'));
  assert.ok(codes('Three months of indigestion.').includes('162031009'));
  has('Laxido started as he is constipated, bowels not open for five days.', '14760008:present');
});

test('thyroid disease and glandular fever in family and past histories', () => {
  has('Her father has autoimmune thyroid disease.', '66944004:family');
  assert.ok(codes("Hashimoto's thyroiditis diagnosed in 2015.").includes('21983002'));
  has('He had glandular fever as a teenager.', '271558008:historical');
});

test('venous and other named eczemas', () => {
  has('PMH: venous eczema of both shins.', '366362000:present');
  has('PMH: gravitational eczema.', '366362000:present');
  lacks('PMH: venous eczema of both shins.', '43116000');
  assert.ok(codes('discoid eczema on the arms').includes('81418003'));
  assert.ok(codes('seborrhoeic dermatitis on her face').includes('50563003'));
});

test('a bare abscess is the skin\'s only where the skin is named nearby', () => {
  has('Impression: cellulitis of the right leg. No abscess.', '31928004:negated');
  lacks('CT abdomen: inflamed appendix with no collection or abscess.', '31928004');
  lacks('Impression: cellulitis around the wound; a pelvic abscess on CT was drained.', '31928004');
});

test('hernias named by their state', () => {
  has('CT: no evidence of an obstructed hernia.', '52515009:negated');
  has('Impression: strangulated hernia.', '52515009:present');
  assert.ok(codes('a small ventral hernia').includes('128545000'));
});

test('a wound infection after an operation is the postoperative one', () => {
  has('Following his laparotomy he developed a superficial wound infection, treated with flucloxacillin.', '58126003:present');
  has('She cut her hand on glass last week and now has a wound infection.', '76844004:present');
  assert.ok(codes('surgical site infection').includes('58126003'));
});

test('malignancy as a cause, urological malignancy, and a mass lesion only in the chest', () => {
  has('CT abdomen: no mass lesion to suggest a malignant cause.', '363346000:negated');
  lacks('CT abdomen: no mass lesion to suggest a malignant cause.', '309529002');
  has('CT thorax showed no mass lesion.', '309529002:negated');
  has('Outcome: no urological malignancy found.', '363517008:negated');
  assert.ok(codes('upper tract urothelial carcinoma').includes('363517008'));
});

test('stones of kidney and ureter named together', () => {
  has('CT KUB: no renal or ureteric calculus.', '266556005:negated');
  assert.ok(codes('bilateral nephrolithiasis').includes('95570007'));
  assert.ok(codes('ureteric calculi').includes('31054009'));
});

test('brain imaging and dementia types', () => {
  has('MRI brain: cerebral atrophy in keeping with age.', '278849000:present');
  has('CT head: no space-occupying lesion.', '126952004:negated');
  lacks('Liver ultrasound: no space-occupying lesion.', '126952004');
  has('I do not think this is dementia with Lewy bodies.', '312991009:negated');
  assert.ok(codes('Diagnosis: DLB').includes('312991009'));
  lacks('I do not think this is dementia with Lewy bodies.', '52448006');
});

test('score names and release forms are not conditions', () => {
  lacks('NAFLD on ultrasound, FIB-4 1.1 (low risk).', '49436004');
  lacks('Medicines: Zomorph (morphine sulfate MR) 30 mg BD - increased.', '48724000');
  lacks('Medicines: tramadol MR 100 mg BD.', '48724000');
  has('Echo: moderate MR.', '48724000:present');
});

test('a long-term condition dated by its scan stays present', () => {
  has('Problems:\n- Non-alcoholic fatty liver disease (ultrasound 2023)\n- Hypertension', '197315008:present');
});

test('numbered items and hyphenated words are not letterhead service lines', () => {
  has('Diagnoses\n1) Hospital-acquired delirium - now resolved\n2) Fractured neck of left femur', '2776000:historical');
});

test('a report title names the procedure it reports', () => {
  assert.equal(proc('ENDOSCOPY UNIT REPORT - GASTROSCOPY\n\nFindings: mild gastritis.\n'), ['265371001']);
  assert.equal(proc('CYSTOSCOPY REPORT\n\nFindings: normal bladder mucosa.\n'), ['386745004']);
  // a title that is not a report's, or names a unit only, names no procedure done
  assert.equal(proc('ENDOSCOPY UNIT\n\nYour appointment is on Monday.\n'), []);
});

test('a peripheral neuropathy found on a diabetic foot check is the diabetic one', () => {
  has('Type 2 diabetes. Feet: monofilament sensation intact, no peripheral neuropathy.', '713706002:negated');
  has('Type 1 diabetes for 20 years. Foot check: no peripheral neuropathy.', '424736006:negated');
  has('Nerve conduction studies confirmed a peripheral neuropathy; B12 was low.', '302226006:present');
});

test('a bare polyp is the organ\'s the report names', () => {
  has('Colonoscopy to the caecum. Conclusion: no polyps.', '68496003:negated');
  has('OGD: a small gastric fundus polyp was seen.', '78809005:present');
});

test('a cause written before a generic name keeps it beside a specific one', () => {
  const out = dx('Imp: ?tachycardia-induced cardiomyopathy - differential idiopathic dilated cardiomyopathy.');
  assert.ok(out.includes('85898001:possible'), out.join(' '));
  assert.ok(out.includes('53043001:possible'), out.join(' '));
  // without a cause the generic name gives way to the specific one
  lacks('Diagnosis: cardiomyopathy - idiopathic dilated cardiomyopathy on cardiac MRI.', '85898001');
});

test('signs denied on examination are routine negatives; stated, they are coded', () => {
  lacks('He is not jaundiced and his abdomen is soft.', '18165001');
  lacks('She has regular periods and no hirsutism.', '399939002');
  has('She presented with jaundice and pale stools.', '18165001:present');
});

test('a modifier joined by "and" takes the term\'s head and names its own concept', () => {
  const chest = dx('CT chest: right upper lobe mass with hilar and mediastinal lymphadenopathy.');
  assert.ok(chest.includes('87500009:present') && chest.includes('52324001:present'), chest.join(' '));
  const blood = dx('Problems: iron and folate deficiency.');
  assert.ok(blood.includes('35240004:present') && blood.includes('190633005:present'), blood.join(' '));
  const nodes = dx('Examination: cervical, axillary and inguinal lymphadenopathy.');
  for (const c of ['127086001', '127189005', '127199000']) assert.ok(nodes.some((d) => d.startsWith(c)), `${c} in ${nodes.join(' ')}`);
  assert.ok(codes('aortic and mitral regurgitation').includes('48724000'));
  // words that name their own concept, or a side, are left alone
  assert.equal(dx('Background: hypertension and type 2 diabetes.').sort(), ['38341003:present', '44054006:present']);
  lacks('He has left and right knee pain.', '85232009');
});

test('cardiorespiratory symptoms and ECG findings', () => {
  assert.ok(codes('three-pillow orthopnoea').includes('62744007'));
  assert.ok(codes('breathlessness on exertion').includes('60845006'));
  assert.ok(codes('she gets light-headed on standing').includes('386705008'));
  assert.ok(codes('ankle swelling').includes('102572006'));
  has('PMH: claudication at 200 yards.', '63491006:present');
  has('Holter: runs of NSVT.', '444658006:present');
  has('ECG: sinus rhythm, prolonged QTc of 510 ms.', '111975006:present');
  has('The ECG showed QT prolongation on citalopram.', '111975006:present');
});

test('gut and skin symptoms: D&V, PR bleed, blood in the stool, itch', () => {
  assert.ok(codes('Three days of D&V.').includes('249519007'));
  assert.ok(codes('diarrhoea and vomiting since Sunday').includes('249519007'));
  assert.ok(codes('a single PR bleed').includes('12063002'));
  assert.ok(codes('she has noticed blood in the stool').includes('405729008'));
  assert.ok(codes('generalised pruritus').includes('276444007'));
  assert.ok(codes('troublesome itch at night').includes('418290006'));
});

test('a hyphenated service word qualifies a condition, it is no letterhead', () => {
  has('Problems\n- Hospital-acquired pneumonia\n- Atrial fibrillation', '233604007:present');
});

test.run();

// Round 15 (from blind37-40): diagnoses a list names in their own right, the past of what an
// adjective describes, referrals for a new event, shared-care request forms, and due dates counted
// from an event the letter dates elsewhere. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dx } from './helpers/diagnoses.ts';
import { actionsIn } from './helpers/actions.ts';
import { changes } from './helpers/medications.ts';
import { letterDate } from '../server/extract/dates.ts';
import { letterFromText } from '../server/ingest/letter.ts';

const flags = (t: string) => actionsIn(t, '2026-03-02').map((a) => [a.text, a.workloadTransfer]);
const dues = (t: string, date = '2026-03-02') => actionsIn(t, date).map((a) => [a.text, a.due]);

test('a symptom that opens its own entry of the diagnosis list is kept beside the disorder it goes with', () => {
  const listed = dx('DIAGNOSIS\n1. Anaphylaxis - likely shellfish\n2. Angioedema of the lips\n\nPlan: home.');
  assert.ok(listed.includes('39579001:present') && listed.includes('41291007:present'), listed.join(', '));
  // told as the anaphylaxis's story, it is the anaphylaxis's feature
  const story = dx('Diagnosis: anaphylaxis. She had swelling of the lips and angioedema of the tongue after the prawns.');
  assert.ok(story.includes('39579001:present') && !story.some((d) => d.startsWith('41291007:')), story.join(', '));
});

test('"previous osteoporotic fracture" dates the fracture, not the osteoporosis the list states', () => {
  const out = dx('Diagnoses:\n1. Osteoporosis - DXA T-score -3.0\n2. Previous osteoporotic wrist fracture (2023)');
  assert.ok(out.includes('64859006:present'), out.join(', '));
  // a past condition named plainly stays past
  assert.ok(dx('Osteoporosis. Previous osteoporosis in 2019, now resolved on treatment.').some((d) => d.startsWith('64859006:')));
});

test('a referral for a new event the practice will see is its own judgement, not hospital work', () => {
  assert.equal(flags('Dear Dr Hale\n\nIf she has a further episode of cellulitis, please refer her to the dermatology clinic.'),
    [['If she has a further episode of cellulitis, please refer her to the dermatology clinic.', false]]);
  assert.equal(flags('Dear Dr Hale\n\nIf he develops new visual symptoms, please refer him the same day to the eye casualty service.'),
    [['If he develops new visual symptoms, please refer him the same day to the eye casualty service.', false]]);
  // an onward referral the hospital hands on now still is a transfer
  assert.equal(flags('Dear Dr Hale\n\nPlease refer her to the dermatology clinic for patch testing.'),
    [['Please refer her to the dermatology clinic for patch testing.', true]]);
});

test('re-referring to the writer\'s own clinic is the same return as referring back to it', () => {
  assert.equal(flags('Dear Dr Hale\n\nIf the bleeding continues, please re-refer her to this clinic.'),
    [['If the bleeding continues, please re-refer her to this clinic.', false]]);
});

test('a shared-care request form is the agreement: taking over an amber drug under it is ordinary work', () => {
  const form = 'SHARED CARE REQUEST - DMARD\n(Amber drug - shared care protocol RH-12)\n\nDear Dr Hale\n\nPlease take over prescribing of methotrexate 15 mg once weekly from 01/04/2026.';
  assert.equal(flags(form), [['Please take over prescribing of methotrexate 15 mg once weekly from 01/04/2026.', false]]);
  assert.equal(flags('Dear Dr Hale\n\nPlease take over prescribing of methotrexate 15 mg once weekly from 01/04/2026.'),
    [['Please take over prescribing of methotrexate 15 mg once weekly from 01/04/2026.', true]]);
});

test('"N days after the implant", "after the birth": counted from the day the letter gives for the event', () => {
  assert.equal(dues('Dear Dr Hale\n\nHe had a pacemaker implanted on 20/02/2026.\n\nPlease arrange a wound check 7-10 days after the implant.'),
    [['Please arrange a wound check 7-10 days after the implant.', '2026-03-02']]);
  assert.equal(dues('Dear Dr Hale\n\nShe was delivered of a baby boy (3.4 kg) on 10/02/2026 by caesarean section.\n\nPlease see her 6-8 weeks after the birth. Please check an HbA1c 13 weeks after delivery.'),
    [['Please see her 6-8 weeks after the birth.', '2026-04-07'], ['Please check an HbA1c 13 weeks after delivery.', '2026-05-12']]);
  // an event the letter does not date counts from the letter, as before; a date of birth is not a birth
  assert.equal(dues('Patient DOB: 01/01/1990\n\nDear Dr Hale\n\nPlease check her U&Es 2 weeks after the increase.'),
    [['Please check her U&Es 2 weeks after the increase.', '2026-03-16']]);
});

test('a letter to the patient may carry a section "For the practice (Dr …)": its items are requests', () => {
  const letter = 'Dear Amira\n\nIt was good to see you today. I am sending a copy to your GP, Dr Patel.\n\nFor the practice (Dr Patel)\n* Please add the glucose sensors to her repeat prescription.\n\nWith best wishes';
  assert.equal(actionsIn(letter, '2026-03-02').map((a) => a.text), ['Please add the glucose sensors to her repeat prescription.']);
  // the patient's own list in the same letter is not
  assert.equal(actionsIn('Dear Amira\n\nI am sending a copy to your GP.\n\nWhat you need to do\n* Please inject into your thighs.\n\nWith best wishes', '2026-03-02'), []);
});

test('UK wordings of anosmia and of impaired hypoglycaemia awareness', () => {
  assert.ok(dx('You have lost your sense of smell almost completely.').includes('44169009:present'));
  assert.ok(dx('This means you have impaired awareness of hypoglycaemia.').includes('170766006:present'));
  assert.ok(dx('T1DM with impaired hypo awareness.').includes('170766006:present'));
});

test('"What we agreed today": the items below are changes made', () => {
  assert.equal(changes('Dear Amira\n\nWhat we agreed today\n* Tresiba (insulin degludec): reduce from 20 units to 16 units once daily.\n* Please keep a diary.'), ['insulin degludec dose-changed']);
});

test('"started A …, with B … and C": one list of new medicines; one the clause continues is not', () => {
  assert.equal(changes('Dear Dr Hale\n\nI have started Clenil 100 micrograms two puffs twice daily via a large-volume spacer device, with salbutamol 100 micrograms as required, and mometasone nasal spray once daily.'),
    ['beclometasone started', 'mometasone started', 'salbutamol started']);
  assert.equal(changes('Dear Dr Hale\n\nI have started bisoprolol 2.5 mg once daily, with his ramipril continued at the same dose.'), ['bisoprolol started']);
});

test('"went home on <date> with enoxaparin", across a line break', () => {
  assert.equal(changes('Dear Dr Hale\n\nShe went\nhome on 08/06/2026 with enoxaparin 40 mg subcutaneously once daily for 10 days.'), ['enoxaparin started']);
});

test('the class word "insulin" names the one insulin the letter gives; isophane insulin by both its names', () => {
  assert.equal(changes('Dear Dr Hale\n\nShe was on Humulin I 12 units at night in pregnancy. Her metformin and insulin were stopped at delivery.'),
    ['isophane insulin (insulin isophane) stopped', 'metformin stopped']);
  // two insulins named: the class word stays as written
  assert.equal(changes('Dear Dr Hale\n\nShe takes Lantus and NovoRapid. Her insulin was stopped on admission.'), ['insulin stopped']);
});

test('beside an appendicitis, a bare perforation or abscess is the appendix\'s', () => {
  const out = dx('CT confirmed acute appendicitis with no perforation or abscess.');
  assert.ok(out.includes('47693006:negated') && out.includes('62224002:negated') && !out.some((d) => d.startsWith('56905009:')), out.join(', '));
  // beside a diverticulitis they stay the bowel's
  const colon = dx('CT showed sigmoid diverticulitis without perforation or abscess.');
  assert.ok(colon.includes('56905009:negated') && !colon.some((d) => d.startsWith('47693006:')), colon.join(', '));
});

test('a denial ends at a colon that opens a clause of its own', () => {
  const out = dx('I could see nasal polyps on both sides.\n\nI saw nothing to suggest anything more serious: the polyps looked the same on both sides.');
  assert.ok(out.includes('736499003:present') && !out.some((d) => d.endsWith(':negated')), out.join(', '));
  assert.ok(dx('No evidence of: DVT or PE.').includes('128053003:negated'));
});

test('a bare "full-thickness tear" beside the shoulder is the rotator cuff\'s; "cauda equina compression"', () => {
  assert.ok(dx('Ultrasound: the rotator cuff is intact with no full-thickness tear.').includes('202843000:negated'));
  assert.equal(dx('MRI knee: there is no full thickness tear of the meniscus.').filter((d) => d.startsWith('202843000:')), []);
  assert.ok(dx('MRI: there was no cauda equina compression.').includes('192970008:negated'));
});

test('"CT CAP" is a scan of chest, abdomen and pelvis; "no liver or lung metastases" names both sites', () => {
  assert.equal(dx('Results\nCT CAP 05/03/2026: no evidence of recurrence.').filter((d) => d.startsWith('385093006:')), []);
  const out = dx('Results\nCT: no liver or lung metastases.');
  assert.ok(out.includes('94381002:negated') && out.includes('94391008:negated'), out.join(', '));
  // site adjectives joined by "or" still share their head as one general term
  assert.ok(dx('Results\nCT chest: no mediastinal, hilar or axillary lymphadenopathy.').includes('30746006:negated'));
});

test('"this confirms X" after a query: the answer stands', () => {
  assert.ok(dx('Reason: ?IIH.\n\nThe opening pressure was 34 cm. This confirms idiopathic intracranial hypertension.').includes('68267002:present'));
  assert.ok(dx('?PE. CTPA to confirm pulmonary embolism.').includes('59282003:possible'));
});

test('a denial ends at ", as" that gives a reason (not in a request or a condition)', () => {
  assert.ok(dx('Dear Dr Hale\n\nI have not arranged to see him, as low-risk MGUS can be monitored safely in primary care.').includes('277577000:present'));
});

test('"we agreed to stop it", "until it has stopped", "started by GP": what the hospital changed, and what it did not', () => {
  assert.equal(changes('Dear Dr Hale\n\nThe amitriptyline has left her groggy, and we agreed to stop it today.'), ['amitriptyline stopped']);
  assert.equal(changes('Dear Dr Hale\n\nGP TO:\n- prescribe the tramadol on a reducing basis, cutting the dose by 50 mg every two weeks until it has stopped.'), []);
  assert.equal(changes('Dear Dr Hale\n\nReferral: TIA. Aspirin 300 mg\nstarted by GP on 15/04.\n\nPLAN:\n- Aspirin stopped today.'), ['aspirin stopped']);
  assert.equal(changes('Dear Dr Hale\n\nThis is wrong. Her dose has not\nchanged: she takes methotrexate 10 mg once weekly.'), []);
});

test('"Sent by … , <date>" dates the letter; a counterfactual "if started now" is no time', () => {
  const letter = 'URGENT\n\nSent by nhs.net email to the practice, 27/11/2026 11:40\n\nWard: Elm Ward, discharged 25/11/2026\n\nDear Colleague\n\nPlease could you contact her today.';
  assert.is(letterDate(letterFromText(letter)), '2026-11-27');
  assert.equal(dues('Dear Dr Hale\n\nPlease start oral iron once his endoscopy is done on 06/02/2026, as it will interfere with the bowel prep if started now. Please recheck his FBC 8 weeks after starting iron.', '2026-01-27'),
    [['Please start oral iron once his endoscopy is done on 06/02/2026, as it will interfere with the bowel prep if started now.', '2026-02-06'], ['Please recheck his FBC 8 weeks after starting iron.', '2026-04-03']]);
});

test('a sign absent in a bracket is the finding\'s evidence, not its denial; a test negative in a bracket rules out', () => {
  assert.ok(dx('Known peripheral neuropathy (monofilament absent at 7 of 10 sites).').includes('302226006:present'));
  assert.ok(dx('Coeliac disease (TTG negative).').includes('396331005:negated'));
});

test('"his dad wet the bed" is a relative\'s enuresis; "enlarged tonsils"; diabetic foot ulcers by kind', () => {
  const out = dx('This is typical nocturnal enuresis. His dad wet the bed until he was about eleven.');
  assert.ok(out.includes('8009008:present') && out.includes('8009008:family'), out.join(', '));
  assert.ok(dx('Enlarged tonsils with loud snoring.').includes('46689006:present'));
  const foot = dx('Type 2 diabetes. Left foot: neuropathic ulcer under the hallux, with mild diabetic foot infection.');
  assert.ok(foot.includes('201251005:present') && foot.includes('299990002:present'), foot.join(', '));
});

test('a month of a plan still to come is no past change', () => {
  assert.equal(changes('Dear Dr Hale\n\nBecause he is keen to go on a school trip in March, we have agreed to start desmopressin 120 micrograms at bedtime.'), ['desmopressin started']);
  assert.equal(changes('Dear Dr Hale\n\nShe was started on sertraline in March.'), []);
});

test('the district nurses and structured diabetes education are the practice\'s own routes; a swab the hospital sent is its result to act on', () => {
  assert.equal(flags('Dear Dr Hale\n\nPlease refer him to the district nursing team for dressings.'), [['Please refer him to the district nursing team for dressings.', false]]);
  assert.equal(flags('Dear Dr Hale\n\nPlease refer her for structured diabetes education (DESMOND).'), [['Please refer her for structured diabetes education (DESMOND).', false]]);
  assert.equal(flags('Dear Dr Hale\n\nPlease could you check the wound swab result in 3 days and change the antibiotic if the organism is resistant.'),
    [['Please could you check the wound swab result in 3 days and change the antibiotic if the organism is resistant.', true]]);
  // a sample the practice is asked to take is its own
  assert.equal(flags('Dear Dr Hale\n\nIf he has a further fever, please send a urine sample for culture the same day.').map(([, w]) => w), [false]);
});

test('"on the repeat scan" is due with the request for that scan; "after the 8-week trial" at the trial\'s end', () => {
  assert.equal(dues('Dear Dr Hale\n\nPlease arrange a repeat pelvic ultrasound in 6 weeks. If the cyst is still present on the repeat scan, please refer her to gynaecology.'),
    [['Please arrange a repeat pelvic ultrasound in 6 weeks.', '2026-04-13'], ['If the cyst is still present on the repeat scan, please refer her to gynaecology.', '2026-04-13']]);
  assert.equal(dues('Dear Dr Hale\n\nIf there has been no improvement after the 8-week trial, please stop the montelukast.'),
    [['If there has been no improvement after the 8-week trial, please stop the montelukast.', '2026-04-27']]);
});

test('a cancer ruled out in a letter about one organ is that organ\'s; a letter naming several keeps the general term', () => {
  assert.ok(dx('Colposcopy today showed a small area of low-grade change on the cervix.\n\nThe biopsy was reassuring and there is no sign of cancer.').includes('363354003:negated'));
  assert.ok(dx('The colon looked normal and the ovaries were unremarkable.\n\nThere is no sign of cancer.').includes('363346000:negated'));
});

test('a table\'s "1 inhaler supplied" is a normal supply, not a short one; "only one pen was supplied" is', () => {
  const table = 'Dear Dr Hale\n\nMedication\nClenil Modulite 100 micrograms inhaler\tOne puff twice daily\tStarted\t1 inhaler supplied\n\nPlease add Clenil Modulite to her repeat prescriptions.';
  assert.equal(flags(table), [['Please add Clenil Modulite to her repeat prescriptions.', false]]);
  assert.equal(flags('Dear Dr Hale\n\nOnly one EpiPen auto-injector was supplied from the ward. Please prescribe a second EpiPen.'), [['Please prescribe a second EpiPen.', true]]);
});

test('"did not\\nattend" across a line break and "non-attendance" are missed appointments: re-referral is a transfer', () => {
  assert.equal(flags('NOTIFICATION OF NON-ATTENDANCE\n\nDear Dr Hale\n\nHe was booked twice and did not\nattend either appointment.\n\nIf you feel he still needs to be seen, please re-refer him via e-RS.'),
    [['If you feel he still needs to be seen, please re-refer him via e-RS.', true]]);
});

test('"If creatinine is above 170 at that check" is due with the check just asked for; a closing "please (practice nurse)"', () => {
  assert.equal(dues('Dear Dr Hale\n\nACTIONS FOR GP\n1. U&Es and weight check in 1 week please (practice nurse).\n2. If creatinine is above 170 at that check, please reduce the bumetanide to 1 mg once daily.'),
    [['U&Es and weight check in 1 week please (practice nurse).', '2026-03-09'], ['If creatinine is above 170 at that check, please reduce the bumetanide to 1 mg once daily.', '2026-03-09']]);
});

test('an anaemia in a letter that shows iron deficiency is the iron deficiency anaemia (not one put down to a bleed)', () => {
  assert.ok(dx('Diagnoses:\n3. Mild anaemia - Hb 118 (ferritin 14)').includes('87522002:present'));
  assert.ok(dx('Diagnoses:\n1. Anaemia\n\nPlease start ferrous fumarate for her iron deficiency.').includes('87522002:present'));
  assert.ok(dx('Diagnoses:\n1. Anaemia. Ferritin 250 (normal).').includes('271737000:present'));
  assert.ok(!dx('Diagnoses:\n1. Anaemia from the bleed, ferritin 12.').includes('87522002:present'));
});

test('"central sleep apnoea" is its own syndrome; a bare "lymphoma" is malignant lymphoma', () => {
  const out = dx('Imp: Severe obstructive sleep apnoea. No evidence of central sleep apnoea.');
  assert.ok(out.includes('78275009:present') && out.includes('27405005:negated'), out.join(', '));
  assert.ok(dx('Ultrasound: no features to suggest lymphoma.').includes('118600007:negated'));
});

test('an MRSA screen or swab looks for carriage: its negative rules out the carrier state; an MRSA infection stays one', () => {
  assert.ok(dx('Pre-op checks:\n5. MRSA screen negative. Urine dip negative.').includes('432415000:negated'));
  assert.ok(dx('He has MRSA bacteraemia.').includes('266096002:present'));
});

test('a condition treated or taken out in a past year is over', () => {
  assert.ok(dx('Past history: prostate cancer treated with radical radiotherapy in 2018.').includes('399068003:historical'));
  assert.ok(dx('She had endometriosis treated with laparoscopic excision in 2015, with no symptoms since.').includes('129103003:historical'));
  assert.ok(dx('Depression treated with sertraline in 2019, and she is still on it.').includes('35489007:present'));
});

test('a closed span of years of life is over, even for a long-term condition', () => {
  assert.ok(dx('Past history: she had anorexia nervosa between the ages of 15 and 17.').includes('56882008:historical'));
  assert.ok(dx('She has had anorexia nervosa since the age of 15.').includes('56882008:present'));
});

test('an episode that passed, closed or regressed on its own, or was "years ago", or with nothing since, is over', () => {
  assert.ok(dx('Past history:\n- Left ureteric stone February 2026 - passed spontaneously').includes('31054009:historical'));
  assert.ok(dx('Neonatal problems:\n- Patent ductus arteriosus - closed spontaneously').includes('83330001:historical'));
  assert.ok(dx('She had a stomach ulcer years ago.').includes('397825006:historical'));
  assert.ok(dx('Past history: depression 2019, treated with sertraline for a year, no problems since.').includes('35489007:historical'));
  // a lifelong condition with nothing since is controlled, not over; an injury closed with sutures stays
  assert.ok(dx('Past history: type 2 diabetes, no problems since.').includes('44054006:present'));
  assert.ok(dx('Scalp laceration closed with sutures.').includes('210323002:present'));
});

test('a change "started by the heart failure team in February" is past; a month of a plan is not', () => {
  assert.equal(changes('Dear Dr Hale\n\nHis spironolactone 25 mg was started by the heart failure team in February.'), []);
});

test('"- Low mood - PHQ-9 12, likely moderate depression": a listed symptom whose own entry names the disorder is the disorder\'s', () => {
  const out = dx('Diagnoses:\n- Low mood - PHQ-9 12, likely moderate depression');
  assert.ok(!out.some((d) => d.startsWith('366979004:')), out.join(', '));
});

test.run();

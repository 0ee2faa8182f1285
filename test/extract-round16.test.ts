// Round 16 (from blind48-52): focal epilepsy, episodes dated by the patient's age or that have not
// recurred, "nothing in her story to suggest", and "the same day" as the day of what it follows.
// Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dx } from './helpers/diagnoses.ts';
import { actionsIn } from './helpers/actions.ts';
import { narrativeDate } from '../server/extract/dates.ts';
import { dueDate } from '../server/extract/due-date.ts';
import { changes } from './helpers/medications.ts';
import { findMedicationChanges } from '../server/extract/medications.ts';
import { extractionResources } from '../server/extract/fhir.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import type { MedicationStatement } from 'fhir/r4';

const dues = (t: string, date = '2026-03-02') => actionsIn(t, date).map((a) => [a.text, a.due]);

test('focal (partial) epilepsy is localisation-related epilepsy, and can be ruled out as such', () => {
  assert.ok(dx('Diagnosis: focal epilepsy arising from the right frontal lobe.').includes('230381009:present'));
  assert.ok(dx('Diagnosis: partial epilepsy.').includes('230381009:present'));
  const out = dx('The EEG was normal and there is nothing in his history to suggest focal epilepsy.');
  assert.ok(out.includes('230381009:negated'), out.join(', '));
  assert.ok(dx('Nothing on the scan to suggest a malignancy.').includes('363346000:negated'));
});

test('an episode dated by the age the patient was then is over', () => {
  const out = dx('He had a febrile convulsion when he was 2 years old and nothing since has worried his parents.');
  assert.ok(out.includes('41497008:historical'), out.join(', '));
  assert.ok(dx('She had Kawasaki disease when she was a toddler.').includes('75053002:historical'));
  // the age a long-term condition was diagnosed at is its onset: it goes on
  assert.ok(dx('Your asthma was diagnosed when you were 9 and you use your inhalers daily.').includes('195967001:present'));
});

test('an episode that "has not recurred" is over; a lifelong condition is not', () => {
  assert.ok(dx('He had acute pancreatitis in 2021, which has not recurred.').some((d) => /:historical$/.test(d)));
  assert.ok(dx('Left leg DVT 2018 (treated, no recurrence).').includes('404223003:historical'));
  assert.ok(dx('Type 1 diabetes; the DKA of 2019 has never recurred.').includes('46635009:present'));
});

test('"the same day" is the day of what it follows: the request keeps its own time', () => {
  assert.equal(dues('Dear Dr Reed\n\nPlease recheck his potassium tomorrow and, if it is above 6, send him to ED the same day.'),
    [['Please recheck his potassium tomorrow and, if it is above 6, send him to ED the same day.', '2026-03-03']]);
  assert.equal(dues('Dear Dr Reed\n\nPlease repeat her FBC on 09/03/2026 and discuss any fall in platelets with us the same day.'),
    [['Please repeat her FBC on 09/03/2026 and discuss any fall in platelets with us the same day.', '2026-03-09']]);
  // with nothing else to time it, the same day is the letter's
  assert.equal(dues('Dear Dr Reed\n\nPlease see her at the practice the same day.'), [['Please see her at the practice the same day.', '2026-03-02']]);
});



test('findings letters name by short or lay forms map to their concepts', () => {
  const cases: [string, string][] = [
    ['Echo: mildly impaired systolic fn (EF 48%).', '134401001:present'],
    ['Admitted with lithium toxicity (level 2.1).', '62014003:present'],
    ['Colonoscopy: a small caecal angiodysplasia, treated with APC.', '235853006:present'],
    ['Coagulation screen normal, so a bleeding disorder has been excluded.', '64779008:negated'],
    ['Her anaemia may reflect upper GI blood loss.', '37372002:possible'],
    ['Mechanical back ache for two years.', '161891005:present'],
    ['MRI pelvis: ?adenomyosis.', '76376003:possible'],
    ['Colposcopy: there is no CIN.', '285636001:negated'],
    ['Screening found high-risk HPV.', '240532009:present'],
    ['Gonioscopy: no angle closure.', '392291006:negated'],
    ['Problems: 1. Preterm infant, born at 31+5 weeks.', '12312009:present'],
    ['Her brother was treated for developmental dysplasia of the hip.', '52781008:family'],
    ['Assessment: speech and language delay.', '229721007:present'],
  ];
  for (const [text, want] of cases) { const out = dx(text); assert.ok(out.includes(want), `${want} in ${out.join(', ')} for: ${text}`); }
  // a screening test's negative result is no condition ruled out, and "X risk" is the risk of it
  assert.equal(dx('Smear up to date (2025, HPV negative).'), []);
  assert.equal(dx('Ibuprofen stopped - GI blood loss risk.'), []);
});

const flags = (t: string) => actionsIn(t, '2026-03-02').map((a) => [a.text, a.workloadTransfer]);

test('bloods before the next clinic are shared monitoring; sent in for it, or before an operation, they are the hospital\'s', () => {
  assert.equal(flags('Dear Dr Reed\n\nPlease check her TFTs and FBC before her next clinic appointment on 14/07/2026.'),
    [['Please check her TFTs and FBC before her next clinic appointment on 14/07/2026.', false]]);
  assert.equal(flags('Dear Dr Reed\n\nPlease repeat his PSA in 6 weeks and forward the result to my secretary before his next clinic appointment.'),
    [['Please repeat his PSA in 6 weeks and forward the result to my secretary before his next clinic appointment.', true]]);
  assert.equal(flags('Dear Dr Reed\n\nPlease arrange an ECG and pre-operative bloods before her operation on 20/04/2026.'),
    [['Please arrange an ECG and pre-operative bloods before her operation on 20/04/2026.', true]]);
});

test('G-CSF is hospital-only; a medicine named as the cause of a side effect is not the one asked for', () => {
  assert.equal(flags('Dear Dr Reed\n\nWe would be grateful if the practice could prescribe the filgrastim injections for cycle 2.'),
    [['We would be grateful if the practice could prescribe the filgrastim injections for cycle 2.', true]]);
  assert.equal(flags('Dear Dr Reed\n\nPlease continue to prescribe the macrogol and senna, as clozapine-induced constipation can be dangerous.'),
    [['Please continue to prescribe the macrogol and senna, as clozapine-induced constipation can be dangerous.', false]]);
});

test('a condition line saying where its care happens is no letterhead; a finished treatment ends the episode', () => {
  const af = dx('Comorbidities\n  Atrial fibrillation - on warfarin (INR managed by your practice anticoagulation clinic)\n  Hypertension');
  assert.ok(af.includes('49436004:present'), af.join(', '));
  assert.ok(dx('She has now completed six months of treatment for pulmonary tuberculosis.').includes('154283005:historical'));
  assert.ok(dx('He completed a 7-day course of trimethoprim for a urinary tract infection.').includes('68566005:historical'));
  // a long-term condition treated goes on
  assert.ok(dx('He has completed a course of CBT for depression.').includes('35489007:present'));
  assert.ok(dx('Common variable immunodeficiency, on subcutaneous immunoglobulin.').includes('23238000:present'));
});


test('an "Excluded" list rules out each item it heads; a pipe-separated row is content, not a letterhead', () => {
  const out = dx('DIAGNOSES\n  Migraine\n\nEXCLUDED\n  Subarachnoid haemorrhage - CT head normal; LP: no xanthochromia\n  Meningitis - CSF normal\n\nPast\n  - Appendicectomy aged 12');
  assert.ok(out.includes('37796009:present') && out.includes('21454007:negated') && out.includes('7180009:negated'), out.join(', '));
  const row = dx('CO-MORBIDITIES\n  Hypertension | CKD stage 3a (eGFR 48) | Mild cognitive impairment (memory clinic 2024)');
  assert.ok(row.includes('38341003:present') && row.includes('386805003:present'), row.join(', '));
  // "not unusual in epilepsy" says nothing against the epilepsy
  assert.ok(dx('You have focal epilepsy. This is not unusual in epilepsy that starts later in life.').includes('230381009:present'));
});


test('a letter is dated no earlier than the discharge it reports, and by its title line\'s date', () => {
  assert.is(narrativeDate('DISCHARGE SUMMARY\nAdmitted: 07/04/2026     Discharged: 09/04/2026\n\nDELIVERY\nDate:         07/04/2026 at 38+2 weeks\n'), '2026-04-09');
  assert.is(narrativeDate('RESULTS LETTER                                  16 July 2026\n\nTest: 24-hour tape (fitted 06/07/2026, reported 15/07/2026)\n'), '2026-07-16');
  assert.is(narrativeDate('Attended: 14/03/2026 22:40   Left ED obs unit: 15/03/2026 15:30\n'), '2026-03-15');
});

test('day ranges are due at their end; "from week 5" is when week 5 begins, unless restated', () => {
  assert.is(dueDate('Please see her today or tomorrow.', '2026-07-28'), '2026-07-29');
  assert.is(dueDate('Please see him tomorrow or the next day.', '2026-07-28'), '2026-07-30');
  assert.is(dueDate('Please take over prescribing of azathioprine from week 5.', '2026-03-03'), '2026-03-31');
  assert.is(dueDate('Please take over prescribing from week 4, i.e. from 13/05/2026.', '2026-04-15'), '2026-05-13');
});


test('under "Meds changed today" each item keeps the change it names; a long schedule still lists what goes with it', () => {
  assert.equal(changes('Meds changed today:\n- Prednisolone: reduced from 15 mg to 12.5 mg OD\n- Alendronic acid 70 mg once weekly: started (2/52 supply given)'),
    ['alendronic acid started', 'prednisolone dose-changed']);
  assert.equal(changes('Today I have started methotrexate 10 mg once weekly, increasing to 15 mg once weekly after four weeks if her blood tests are satisfactory, together with folic acid 5 mg once weekly.'),
    ['folic acid started', 'methotrexate started']);
});

test('a medication change names the medicine as the letter does, with its generic name', () => {
  const [aq, pl] = ['Aqueous cream - Stopped (irritant)', 'Pantoprazole 40 mg - Started'].map((text) => {
    const letter = { ...letterFromText(`Medication changes:\n${text}`), date: '2026-03-10' };
    const ex = { diagnoses: [], procedures: [], actions: [], urgent: [], medications: findMedicationChanges(letter, {} as never) };
    const res = extractionResources(ex, { route: 'gp-review', priority: 'routine', reasons: [] }, { document: { display: 'x' }, seed: 's' } as never);
    return (res.find((r) => r.resourceType === 'MedicationStatement') as MedicationStatement).medicationCodeableConcept!.text;
  });
  assert.is(aq, 'Aqueous cream (emollient)');
  assert.is(pl, 'pantoprazole');
});


test('a space-occupying lesion on brain imaging is a brain neoplasm; a focal seizure is a partial seizure', () => {
  assert.ok(dx('MRI brain: there is no space-occupying lesion.').includes('126952004:negated'));
  assert.ok(dx('This was a generalised seizure, not a focal seizure.').includes('29753000:negated'));
});


test('a request acting on the hospital\'s own results is hospital work', () => {
  assert.equal(flags('Dear Dr Reed\n\nPlease could you review her levothyroxine dose in light of the raised TSH on our bloods.'),
    [['Please could you review her levothyroxine dose in light of the raised TSH on our bloods.', true]]);
  assert.equal(flags('Dear Dr Reed\n\nOnce the OPAT bloods show an eGFR above 45, please restart metformin.'),
    [['Once the OPAT bloods show an eGFR above 45, please restart metformin.', true]]);
  // the practice's own bloods are its own to act on
  assert.equal(flags('Dear Dr Reed\n\nIf her eGFR is above 45 on your bloods next week, please restart metformin.'),
    [['If her eGFR is above 45 on your bloods next week, please restart metformin.', false]]);
});


test('a denial ends at ", with a …"; "- not the cause of" a finding says nothing against it', () => {
  const out = dx('She has Barrett\'s oesophagus without dysplasia, with a sliding hiatus hernia.');
  assert.ok(out.includes('236053002:present'), out.join(', '));
  assert.ok(dx('- Small grade 1 haemorrhoids (proctoscopy) - not the cause of his anaemia').includes('70153002:present'));
  // a ruling stated of the condition itself still rules it out
  assert.ok(dx('The hypercalcaemia is not the cause of his drowsiness.').includes('66931009:negated'));
});

test('the part for the practice below a letter to the patient holds requests; "do not prescribe" gives no work', () => {
  const letter = 'Dear Mr Brown,\n\nWe have started you on CPAP. Please use it every night.\n\nYours sincerely,\n\nDr T Wood\n\n'
    + '------\nFor Dr A Oduya, Hollowell Surgery, Church Walk, Hollowell KF7 3AB\n\nRequests:\n1. He has asked for a fit note and I would be grateful if you could provide one.\n2. Please recheck his blood pressure in 3 months.';
  const acts = actionsIn(letter, '2026-02-24').map((a) => a.text);
  assert.ok(acts.some((t) => /provide one/.test(t)) && acts.some((t) => /recheck his blood pressure/.test(t)), acts.join(' | '));
  assert.ok(!acts.some((t) => /use it every night/.test(t)), acts.join(' | '));
  assert.equal(flags('Dear Dr Reed\n\nGP actions:\n- Do NOT prescribe mepolizumab - hospital-only (red) drug supplied via homecare.'),
    [['Do NOT prescribe mepolizumab - hospital-only (red) drug supplied via homecare.', false]]);
});

test.run();

// More of the ways UK letters write a medication change: capitalised imperatives on discharge
// lists, before/after table columns, old doses beside new ones, pronouns that refer back,
// "switched her to", "in place of", trials and prescriptions, and what is still not a change.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withComponents } from '../server/extract/medications.ts';
import { drugLexicon } from '../server/extract/drugs.ts';
import { changes } from './helpers/medications.ts';


test('capitalised imperatives label what was done: "STOP Naproxen", "Aspirin 75 mg OD - STOP"', () => {
  assert.equal(changes('Medicines on discharge:\nSTOP  Diclofenac 50 mg TDS\nSTART Lansoprazole 15 mg OD\nCONTINUE Bisoprolol 5 mg OD'), ['diclofenac stopped', 'lansoprazole started']);
  assert.equal(changes('Current medication\nLevothyroxine 100 micrograms od\nAtenolol 50mg od - STOP\nSimvastatin 40mg on'), ['atenolol stopped']);
  assert.equal(changes('TTO\nRivaroxaban 20 mg OD - START\nWarfarin - WITHHOLD'), ['rivaroxaban started', 'warfarin held']);
});

test('a table cell that opens with what was done, and "switched to" in a change column', () => {
  assert.equal(changes('Drug\tAction\nGliclazide 80 mg BD\tWithhold while eating poorly\nMetformin 500 mg BD\tContinue'), ['gliclazide held']);
  assert.equal(changes('Medicine\tChange\nPravastatin 20 mg ON\tSwitched to rosuvastatin 10 mg\nRosuvastatin 10 mg ON\tNew'), ['pravastatin stopped', 'rosuvastatin started']);
});

test('before and after columns: an empty before is new, an empty after is stopped, two doses a change', () => {
  assert.equal(changes('Medicine\tOn admission\tOn discharge\nLosartan\t25 mg OD\t50 mg OD\nIndapamide\t2.5 mg OD\t-\nEmpagliflozin\t-\t10 mg OD\nAtorvastatin\t40 mg ON\t40 mg ON'),
    ['empagliflozin started', 'indapamide stopped', 'losartan dose-changed']);
});

test('an old dose beside the new one on a list line is a dose change', () => {
  assert.equal(changes('Candesartan 8 mg OD (was 4 mg OD)\nAmlodipine 5 mg OD'), ['candesartan dose-changed']);
  assert.equal(changes('- Bumetanide 1 mg OM → 2 mg OM'), ['bumetanide dose-changed']);
  assert.equal(changes('Citalopram 10 mg OD (previously 20 mg, reduced for QT)'), ['citalopram dose-changed']);
});

test('bracketed, starred and square-bracketed status words', () => {
  assert.equal(changes('Pantoprazole 40 mg OD [new]\nDoxazosin 4 mg OD [stopped]'), ['doxazosin stopped', 'pantoprazole started']);
  assert.equal(changes('Medication on admission: aspirin, ramipril.\nMedication on discharge: aspirin, ramipril, ticagrelor (new).'), ['ticagrelor started']);
});

test('a pronoun refers back to the drug it stands for, within or across sentences', () => {
  assert.equal(changes('He was taking Yasmin; we have stopped this and switched her to a progestogen-only pill, norethisterone 350 micrograms daily.'),
    ['ethinylestradiol/drospirenone stopped', 'norethisterone started']);
  assert.equal(changes('She had been buying naproxen from the pharmacy. We have stopped it.'), ['naproxen stopped']);
  assert.equal(changes('His bendroflumethiazide was causing low sodium. It has now been withheld.'), ['bendroflumethiazide held']);
  assert.equal(changes('She takes sertraline. We discussed it at length.'), []);
});

test('"switched her to", "swapped for", "in place of", "replaced her X with Y", "taken him off"', () => {
  assert.equal(changes('I have switched him to edoxaban 60 mg daily.'), ['edoxaban started']);
  assert.equal(changes('His atenolol has been swapped for bisoprolol 2.5 mg.'), ['atenolol stopped', 'bisoprolol started']);
  assert.equal(changes('Rivaroxaban 20 mg was started in place of his warfarin.'), ['rivaroxaban started', 'warfarin stopped']);
  assert.equal(changes('We have replaced her ranitidine with famotidine 20 mg BD.'), ['famotidine started', 'ranitidine stopped']);
  assert.equal(changes('I have taken her off zopiclone.'), ['zopiclone stopped']);
  assert.equal(changes('We have put him on lansoprazole 30 mg daily.'), ['lansoprazole started']);
});

test('trials, prescriptions and directions to the patient made by the hospital', () => {
  assert.equal(changes('I have prescribed nortriptyline 10 mg at night.'), ['nortriptyline started']);
  assert.equal(changes('We have prescribed a further week of her usual lansoprazole.'), []);
  assert.equal(changes('We have given her a trial of solifenacin 5 mg daily.'), ['solifenacin started']);
  assert.equal(changes('I have asked him to reduce his tramadol to 50 mg twice daily.'), ['tramadol dose-changed']);
  assert.equal(changes('I have titrated her bisoprolol up to 7.5 mg.'), ['bisoprolol dose-changed']);
});

test('a plan item whose treatment the hospital has supplied was started', () => {
  assert.equal(changes('Plan\n- Eradication therapy with lansoprazole, amoxicillin and clarithromycin for 7 days. We have supplied the full course of 7 days.\n- Repeat breath test in 8 weeks.'), ['lansoprazole started']);
  assert.equal(changes('Plan\n- Continue his usual omeprazole. We have supplied 2 weeks.'), []);
});

test('an imperative on a changes list is a change; elsewhere it is a request', () => {
  assert.equal(changes('Medication changes:\nVenlafaxine - reduce to 75 mg daily\nPregabalin - stop'), ['pregabalin stopped', 'venlafaxine dose-changed']);
  assert.equal(changes('Venlafaxine - reduce to 75 mg daily'), []);
});

test('a drug after ", and" with no verb of its own joins the list before it', () => {
  assert.equal(changes('We have started him on isoniazid 300 mg each morning, and pyridoxine 10 mg daily, for six months.'), ['isoniazid started', 'pyridoxine started']);
  assert.equal(changes('I have stopped his naproxen, and his omeprazole continues.'), ['naproxen stopped']);
});

test('not changes: what another prescriber did, antibiotics stopped partway through the stay', () => {
  assert.equal(changes('His GP recently started lisinopril.'), []);
  assert.equal(changes('Sertraline, which you kindly started last month, is helping.'), []);
  assert.equal(changes('His cefuroxime was stopped on day 4 of the admission.'), []);
  assert.equal(changes('His ramipril was stopped on day 2 because of AKI.'), ['ramipril stopped']);
});

test('UK brands added to the lexicon map to their generics', () => {
  const g = (t: string) => drugLexicon().find(t).map((m) => m.generic);
  assert.equal(g('Rifinah 300/150 two tablets'), ['rifampicin/isoniazid']);
  assert.equal(g('Fobumix 160/4.5 one puff BD'), ['budesonide/formoterol']);
  assert.equal(g('Rigevidon daily'), ['ethinylestradiol/levonorgestrel']);
  assert.equal(g('Biquelle XL 50 mg'), ['quetiapine']);
  assert.equal(g('Zlatal 10 mg weekly'), ['methotrexate']);
  assert.equal(g('pyridoxine 10 mg'), ['pyridoxine']);
});

test('"co-" names carry their components', () => {
  assert.is(withComponents('co-codamol'), 'co-codamol (codeine/paracetamol)');
  assert.is(withComponents('ramipril'), 'ramipril');
  assert.equal(changes('Kapake 30/500 two tablets QDS PRN - NEW'), ['co-codamol (codeine/paracetamol) started']);
});

test('stopped "until" or "temporarily" is held; weaned off and deprescribed are stopped; lowered and escalated are dose changes', () => {
  assert.equal(changes('His edoxaban was temporarily stopped for the dental extraction.'), ['edoxaban held']);
  assert.equal(changes('Allopurinol has been stopped until the rash is reviewed.'), ['allopurinol held']);
  assert.equal(changes('Drug\tStatus\nDabigatran 150 mg BD\tStopped pending renal review'), ['dabigatran held']);
  assert.equal(changes('Losartan 50 mg - stopped for now'), ['losartan held']);
  assert.equal(changes('He has been weaned off his oxycodone.'), ['oxycodone stopped']);
  assert.equal(changes('Her zopiclone was deprescribed.'), ['zopiclone stopped']);
  assert.equal(changes('The dose of quetiapine was lowered to 25 mg.'), ['quetiapine dose-changed']);
});

test('negated changes and what the patient did on their own are not changes', () => {
  assert.equal(changes('We have not started a beta-blocker or stopped his diltiazem.'), []);
  assert.equal(changes('Dabigatran was not started given the bleeding risk.'), []);
  assert.equal(changes('He stopped his atorvastatin himself because of aches.'), []);
});

test('"x5/7" is a course; several items with their own status on one line; a given-and-stopped line', () => {
  assert.equal(changes('TTO: prednisolone 30 mg OD x5/7 NEW; salbutamol inhaler PRN; doxycycline 100 mg OD x5/7 NEW.'), ['doxycycline started', 'prednisolone started']);
  assert.equal(changes('Given enoxaparin 1.5 mg/kg pending the scan - stopped when it was negative.\nEnoxaparin STOPPED - not needed.'), []);
});

test('a letter closing a long episode of care reports the changes it made within it', () => {
  assert.equal(changes('We are discharging him from the CMHT after 9 months of care coordination.\nDuring his time with us, in January we cross-tapered him to mirtazapine; citalopram was stopped on 15/01/2026. The diazepam was stopped in March and his quetiapine has also been stopped.'),
    ['citalopram stopped', 'diazepam stopped', 'mirtazapine started', 'quetiapine stopped']);
  assert.equal(changes('We started sertraline 50 mg OD in March for depression.'), []);
});

test('what the patient had stopped or run out of before coming in is history', () => {
  assert.equal(changes('She had stopped taking her levothyroxine a month before admission.'), []);
  assert.equal(changes('Had run out of his bisoprolol.'), []);
});

test('note-style shorthand: arrows, "inc to", "d/c\'d"', () => {
  assert.equal(changes('Amlodipine ↑ to 10 mg OD'), ['amlodipine dose-changed']);
  assert.equal(changes('Gliclazide 40 mg BD ↓ from 80 mg BD'), ['gliclazide dose-changed']);
  assert.equal(changes('Spironolactone inc to 50 mg OD.'), ['spironolactone dose-changed']);
  assert.equal(changes("Naproxen d/c'd on admission (AKI)."), ['naproxen stopped']);
});

test('imperatives under a heading for the practice are requests, not changes', () => {
  assert.equal(changes('Recommendations for the GP:\nSTART Atorvastatin 20 mg ON\nClopidogrel 75 mg - STOP after 12 months'), []);
  assert.equal(changes('Discharge medication:\nSTART Atorvastatin 20 mg ON\nClopidogrel 75 mg - STOP'), ['atorvastatin started', 'clopidogrel stopped']);
});

test('a record of labelled lines: "Medicine name: … / Status: …"', () => {
  assert.equal(changes('Medicine name: Ticagrelor\nDose: 90 mg BD\nStatus: New\n\nMedicine name: Clopidogrel\nDose: 75 mg OD\nStatus: Stopped\n\nMedicine name: Aspirin\nDose: 75 mg OD\nStatus: Continued'),
    ['clopidogrel stopped', 'ticagrelor started']);
});

test('courses that run on after discharge, and status words after each item of a one-line TTO', () => {
  assert.equal(changes('Discharge medication\nCefalexin 500 mg TDS - to complete 4 more days\nAmlodipine 5 mg OD'), ['cefalexin started']);
  assert.equal(changes('TTO: trimethoprim 200 mg BD x3/7 (NEW). Ibuprofen 400 mg TDS x5/7 NEW.'), ['ibuprofen started', 'trimethoprim started']);
  assert.equal(changes('Rx in ED: diclofenac 75 mg IM - stopped after one dose.'), []);
});

test('what was done at an earlier visit is history; "today I have increased it" refers back to it', () => {
  assert.equal(changes('At her last appointment we started amlodipine 5 mg, which she is tolerating. Today I have increased it to 10 mg once daily.'), ['amlodipine dose-changed']);
  assert.equal(changes('On his last visit we stopped his doxazosin.'), []);
});

test('admission and discharge lists with no word for the change: their difference is the change', () => {
  assert.equal(changes('Medicines on admission:\nBisoprolol 5 mg OD\nIbuprofen 400 mg TDS\nSimvastatin 20 mg ON\n\nMedicines on discharge:\nBisoprolol 2.5 mg OD\nSimvastatin 20 mg ON\nEdoxaban 60 mg OD'),
    ['bisoprolol dose-changed', 'edoxaban started', 'ibuprofen stopped']);
  // a TTO of only what was dispensed does not stop the rest
  assert.equal(changes('Drugs on admission: amlodipine 5 mg OD, metformin 500 mg BD.\nTTO: flucloxacillin 500 mg QDS for 7 days.'), ['flucloxacillin started']);
});

test.run();

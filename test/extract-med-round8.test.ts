// Round 8 medication rules: a ward course "for the first fortnight", a status closing an item after
// a comma, decisions "agreed with him to stop", brackets that date a drug's history, changes still to
// come ("while … is increased", "may need", "could be", "to be withheld"), verbs in a clause of time,
// tapers that end in a stop, restarts (an active object, a pronoun in the next sentence, at half the
// dose, a "Restarted:" label), switches to "a" new product, "onto" one or on a "Changed:" line, list
// labels held "until review", "Dose changes:" and "PRN added", "Please note …" as information, tables
// cut at single tabs, whole-word status cells, "no longer required", "remains on hold" (but not "held
// off" or a plan put on hold), sliding-scale insulin and prophylaxis stopped at discharge as the
// ward's, ", given her frailty" as a preposition, and a few more UK brand names.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';

test('a course the patient was on for the first fortnight or week of the stay is the ward\'s', () => {
  assert.equal(changes('He was on clopidogrel 75 mg for the first fortnight, then we started edoxaban 60 mg once daily; the clopidogrel has now been stopped.'), ['edoxaban started']);
  assert.equal(changes('She was on enoxaparin for the first week and it was then stopped when she was mobile.'), []);
});

test('a status that closes a list item after a comma', () => {
  assert.equal(changes('Discharge meds:\n- Amoxicillin 500 mg TDS - 7 days in total (first dose given on the ward), new\n- Sertraline 50 mg OD, unchanged\n'), ['amoxicillin started']);
  assert.equal(changes('TTO:\n- Naproxen 500 mg BD, stopped\n'), ['naproxen stopped']);
  // (prose with a comma before a status word it does not own is no list item)
  assert.equal(changes('We talked about her bisoprolol, which is unchanged.'), []);
});

test('a decision made with the patient: agreed or decided with him to stop, start or reduce', () => {
  assert.equal(changes('We agreed with her to stop her simvastatin and her aspirin, given her frailty.'), ['aspirin stopped', 'simvastatin stopped']);
  assert.equal(changes('I decided with him to reduce his mirtazapine to 15 mg at night.'), ['mirtazapine dose-changed']);
  assert.equal(changes('We agreed together with his wife to start donepezil 5 mg at night.'), ['donepezil started']);
  assert.equal(changes('We agreed not to stop the levetiracetam for now.'), []);
});

test('a bracket that dates the drug\'s history is not the change the sentence reports', () => {
  assert.equal(changes('Citalopram 20 mg (started by you in May) was stopped because of hyponatraemia.'), ['citalopram stopped']);
  assert.equal(changes('Current medications:\n- Lisinopril 10 mg OD (started 2018)\n- Omeprazole 20 mg OD (started by GP, June 2023)\n'), []);
  // (a bracket with the day of this episode still says what was done)
  assert.equal(changes('Medications:\n- Apixaban 5 mg BD (started 14 March 2026)\n'), ['apixaban started']);
});

test('a change still to come: a clause of time, "may need", "could be"', () => {
  assert.equal(changes('We have started prednisolone 30 mg daily as cover while her methotrexate is increased.'), ['prednisolone started']);
  assert.equal(changes('Please check her potassium, as she may need her spironolactone reduced.'), []);
  assert.equal(changes('Mirabegron could be started if the frequency persists.'), []);
  assert.equal(changes('Metformin is to be withheld for 48 hours after the angiogram.'), []);
  // (a change made now still counts)
  assert.equal(changes('Her methotrexate has been increased to 15 mg weekly.'), ['methotrexate dose-changed']);
});

test('a verb in a clause of time dates something else', () => {
  assert.equal(changes('The itch began two days after starting co-trimoxazole.'), []);
  assert.equal(changes('His nosebleeds started when he commenced the rivaroxaban.'), []);
  assert.equal(changes('Since she was started on amlodipine her ankles have swollen.'), []);
  // (a time after the drug is no clause of time)
  assert.equal(changes('We started rivaroxaban 20 mg after the scan.'), ['rivaroxaban started']);
});

test('a taper that ends in a stop is a stop', () => {
  assert.equal(changes('Her oxycodone has been tapered and stopped.'), ['oxycodone stopped']);
  assert.equal(changes('Pregabalin was titrated down and then stopped.'), ['pregabalin stopped']);
  assert.equal(changes('His prednisolone is being tapered by 5 mg a week.'), ['prednisolone dose-changed']);
  // a wean under way is a new dose; once done, a stop
  assert.equal(changes('We are weaning him off the clonazepam, now 0.5 mg at night.'), ['clonazepam dose-changed']);
  assert.equal(changes('He has been weaned off the clonazepam.'), ['clonazepam stopped']);
});

test('"begun on" starts a medicine', () => {
  assert.equal(changes('We have begun him on lamotrigine 25 mg once daily.'), ['lamotrigine started']);
});

test('a restart ends a hold: the verb\'s object, a pronoun in the next sentence; a lower dose is a change', () => {
  assert.equal(changes('Restarted: Edoxaban 60 mg OD (held for 2 days around the colonoscopy)'), []);
  assert.equal(changes('Losartan was withheld on admission because of the AKI. This has now been restarted.'), []);
  assert.equal(changes('Losartan was withheld on admission because of the AKI. Please restart it when her creatinine settles.'), ['losartan held']);
  assert.equal(changes('Her candesartan has been restarted at half the original dose.'), ['candesartan dose-changed']);
  // a "Restarted:" label is no change, unless the item gives the old dose beside a new one
  assert.equal(changes('Restarted: losartan 25 mg OD (previously 50 mg)'), ['losartan dose-changed']);
  assert.equal(changes('Restarted: losartan 50 mg OD'), []);
});

test('a switch to "a" new product, and a "Changed:" line that names two medicines', () => {
  assert.equal(changes('I have converted him from morphine to a buprenorphine patch 5 micrograms/hour.'), ['buprenorphine started', 'morphine stopped']);
  assert.equal(changes('Changed: ramipril to losartan 25 mg OD'), ['losartan started', 'ramipril stopped']);
  assert.equal(changes('Changed: ramipril 2.5 mg to 5 mg OD'), ['ramipril dose-changed']);
  assert.equal(changes('Switched: prasugrel to clopidogrel 75 mg OD'), ['clopidogrel started', 'prasugrel stopped']);
});

test('list labels: held until review, dose changes, PRN added', () => {
  assert.equal(changes('Medicines withheld until review:\n- Ramipril 5 mg OD\n- Dapagliflozin 10 mg OD\n'), ['dapagliflozin held', 'ramipril held']);
  assert.equal(changes('Stopped for now:\n- Alendronic acid 70 mg weekly\n'), ['alendronic acid held']);
  assert.equal(changes('Withhold until review: spironolactone 25 mg OD'), ['spironolactone held']);
  assert.equal(changes('Stop pending bloods: naproxen 500 mg BD'), ['naproxen held']);
  assert.equal(changes('Stop: naproxen 500 mg BD'), ['naproxen stopped']);
  assert.equal(changes('Dose changes:\n- Furosemide 80 mg OM\n- Bisoprolol 5 mg OD\n'), ['bisoprolol dose-changed', 'furosemide dose-changed']);
  assert.equal(changes('Dose reduction: quetiapine 100 mg ON to 50 mg ON.'), ['quetiapine dose-changed']);
  assert.equal(changes('Added PRN:\n- Cyclizine 50 mg TDS\n- Lorazepam 0.5 mg\n'), ['cyclizine started', 'lorazepam started']);
});

test('"Please note" and "please be aware" tell the practice of a change; "please" alone asks', () => {
  assert.equal(changes('Please note that we have stopped his doxazosin.'), ['doxazosin stopped']);
  assert.equal(changes('Please be aware his digoxin has been reduced to 62.5 micrograms.'), ['digoxin dose-changed']);
  assert.equal(changes('Please stop his doxazosin.'), []);
});

test('a verb of its own after "and" ends the list of drugs the first verb governs', () => {
  assert.equal(changes('She was weaned off her oxycodone and is now comfortable on paracetamol.'), ['oxycodone stopped']);
  assert.equal(changes('We stopped his diclofenac and naproxen.'), ['diclofenac stopped', 'naproxen stopped']);
});

test('a take-home item marked as supplied for some days', () => {
  assert.equal(changes('Antibiotics: doxycycline 100 mg OD, to complete 5 days in total (3 more days supplied).'), ['doxycycline started']);
});

test('a table with one tab per cell keeps its empty cells', () => {
  assert.equal(changes('Medicine\tAdmission\tDischarge\nRamipril\t10 mg OD\t5 mg OD\nEmpagliflozin\t\t10 mg OD\nNaproxen\t500 mg BD\t\n'), ['empagliflozin started', 'naproxen stopped', 'ramipril dose-changed']);
  assert.equal(changes('Drug\tDose\tNew?\tChanged?\tStopped?\nEdoxaban\t60 mg OD\tY\t\t\nBisoprolol\t5 mg OD\t\tY\t\nAspirin\t75 mg OD\t\t\tY\nAmlodipine\t5 mg OD\t\t\t\n'), ['aspirin stopped', 'bisoprolol dose-changed', 'edoxaban started']);
  // (a header aligned with two tabs a column still reads its rows' tabs as alignment)
  assert.equal(changes('Medicine\t\tStatus\nBisoprolol 5 mg OD\t\tIncreased\nAmlodipine 5 mg OD\t\tStopped\n'), ['amlodipine stopped', 'bisoprolol dose-changed']);
});

test('status cells: whole words, "no longer required", a change of time is a dose change', () => {
  const table = (rows: string[]) => 'Discharge medications\nMedicine | Dose | Frequency | Status\n' + rows.join('\n') + '\n';
  assert.equal(changes(table(['Candesartan | 4 mg | OD | Restarted at reduced dose', 'Omeprazole | 20 mg | OD | No longer required'])), ['candesartan dose-changed', 'omeprazole stopped']);
  assert.equal(changes(table(['Simvastatin | 40 mg | ON | Changed to mane', 'Omeprazole | 20 mg | OD | Switched to lansoprazole'])), ['lansoprazole started', 'omeprazole stopped', 'simvastatin dose-changed']);
  assert.equal(changes('Lansoprazole 15 mg OD - no longer needed\n'), ['lansoprazole stopped']);
});

test('the ward\'s insulin regimes and prophylaxis that ends at discharge are no change; a switch "onto" starts', () => {
  assert.equal(changes('Sliding scale insulin stopped and her usual Humalog restarted.'), []);
  assert.equal(changes('Tinzaparin 4500 units SC OD - discontinued at discharge\nAspirin 75 mg OD - stopped at discharge\n'), ['aspirin stopped']);
  assert.equal(changes('He was switched onto Anoro Ellipta one puff daily.'), ['umeclidinium/vilanterol started']);
});

test('on hold: a hold that goes on is a hold; "held off starting" and a plan put on hold are no change', () => {
  assert.equal(changes('Her methotrexate remains on hold.'), ['methotrexate held']);
  assert.equal(changes('We held off starting febuxostat until the flare settles.'), []);
  assert.equal(changes('The plan to start edoxaban was put on hold.'), []);
  assert.equal(changes('She remains on edoxaban 60 mg once daily.'), []);
});

test('UK brand names map to their generics', () => {
  assert.equal(changes('We have started Valoids 50 mg TDS.'), ['cyclizine started']);
  assert.equal(changes('Suscard 2 mg buccal tablets have been stopped.'), ['glyceryl trinitrate stopped']);
});

test.run();

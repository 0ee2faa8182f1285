// Round 7 medication rules: list headings with the status after a separator ("Medicines - started
// today"), post-operative and clinic-supplied lists, list items wrapped onto indented lines, drugs in
// a bracketed aside, status words followed by a time ("stopped today (…)"), stops the hospital
// directed the patient to make (passive, modal, "advised … from today", a letter to the patient),
// device brands before "inserted", lead-ins that say what was agreed, prescriptions handed to the
// family, stops with a restart to be discussed, cover given until a test, courses finished on the
// ward, IV-to-oral step-downs, and as-needed items on a discharge list that marks what continues.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';

test('a list heading with its status after a dash, colon or bracket', () => {
  assert.equal(changes('Medicines - started today\n- Lansoprazole 30 mg once daily\n- Sertraline 50 mg once daily\n'), ['lansoprazole started', 'sertraline started']);
  assert.equal(changes('Medication (new):\n- Apixaban 5 mg twice daily\n'), ['apixaban started']);
  assert.equal(changes('Drugs: stopped\n- Amlodipine 10 mg OD\n- Doxazosin 4 mg OD\n'), ['amlodipine stopped', 'doxazosin stopped']);
  assert.equal(changes('Tablets - stopped on discharge\n- Aspirin 75 mg\n'), ['aspirin stopped']);
});

test('post-operative lists and lists the clinic supplied are new; a dispensed discharge list is not', () => {
  assert.equal(changes('Post-operative drops:\n- Prednisolone acetate 1% eye drops QDS for 4 weeks\n- Latanoprost 0.005% ON - continue\n'), ['prednisolone started']);
  assert.equal(changes('Eye drops supplied from the clinic, 2-week course\n - Ofloxacin 0.3% drops QDS\n'), ['ofloxacin started']);
  assert.equal(changes('Medicines supplied by the ward:\n- Lactulose 10 ml BD\n'), ['lactulose started']);
  assert.equal(changes('TTO (dispensed from the hospital pharmacy):\n- Amlodipine 5 mg OD\n'), []);
});

test('a list item wrapped onto indented lines takes the status at its end', () => {
  assert.equal(changes('Your medicines\n- Hydroxychloroquine 200 mg twice daily for 4 weeks, then once daily\n  thereafter - NEW.\n- Amlodipine 5 mg - no change.\n'), ['hydroxychloroquine started']);
  assert.equal(changes('Discharge medications:\n- Bisoprolol 2.5 mg once daily, to be increased by the heart failure nurses\n  in 2 weeks - STARTED\n- Ramipril 2.5 mg OD\n'), ['bisoprolol started']);
});

test('a drug in a bracketed aside is not the item the status belongs to', () => {
  assert.equal(changes('Medication changes\n1. Omeprazole 20 mg once daily (while on naproxen) - NEW\n2. Warfarin 3 mg (dose per INR clinic, reviewed with apixaban option) - stopped\n'), ['omeprazole started', 'warfarin stopped']);
  assert.equal(changes('Plan\n- Allopurinol 100 mg daily (not during a flare of gout, so after colchicine finishes) - started.\n'), ['allopurinol started']);
  // a bracket that only names the drug still names it
  assert.equal(changes('A DOAC (apixaban 5 mg BD) was started.'), ['apixaban started']);
});

test('a status word after its drug may be followed by a time and an aside', () => {
  assert.equal(changes('Amlodipine stopped today (ankle swelling), and doxazosin 4 mg started.'), ['amlodipine stopped', 'doxazosin started']);
  assert.equal(changes('- Tetracycline stopped today (cannot be combined with acitretin - raised pressure in the head).'), ['tetracycline stopped']);
  assert.equal(changes('Co-codamol stopped on admission - caused constipation with the morphine.'), ['co-codamol (codeine/paracetamol) stopped']);
});

test('a stop the hospital directed the patient to make: passive, modal, or advised', () => {
  assert.equal(changes('He has been told to stop the naproxen.'), ['naproxen stopped']);
  assert.equal(changes('She was asked to stop taking her amitriptyline.'), ['amitriptyline stopped']);
  assert.equal(changes('He should stop his tamsulosin.'), ['tamsulosin stopped']);
  assert.equal(changes('Mr Okoro is to stop the bendroflumethiazide.'), ['bendroflumethiazide stopped']);
  assert.equal(changes('I advised him to stop the tramadol with immediate effect.'), ['tramadol stopped']);
  assert.equal(changes('She has been advised to stop the diclofenac straight away.'), ['diclofenac stopped']);
  assert.equal(changes('She should withhold her ramipril until her kidney function recovers.'), ['ramipril held']);
  assert.equal(changes('I advised her to stop the ibuprofen she buys at the supermarket.'), ['ibuprofen stopped']);
  // a stop on a condition, or one the GP is asked for: no change
  assert.equal(changes('She should stop the aspirin if she develops any bleeding.'), []);
  assert.equal(changes('I have asked her to stop the isotretinoin and contact us straight away if she notices any low mood.'), []);
  assert.equal(changes('The GP should stop the amlodipine.'), []);
});

test('a letter to the patient: its "please stop" is said to the patient, not to the GP', () => {
  const letter = 'Dear Mr Patel,\n\nThank you for coming to clinic. A copy goes to your GP.\n\nYour medicines\n'
    + '- Ibuprofen - please stop this now, as it can harm your kidneys.\n- Please stop taking your omeprazole before the breath test.\n'
    + '- Please stop the amlodipine if you feel dizzy.\n\nFor your GP\n- Please stop his doxazosin.\n';
  assert.equal(changes(letter), ['ibuprofen stopped']);
  assert.equal(changes('Dear Ms Green,\n\nI saw you in clinic today and will write to your GP. Please stop your co-codamol from today.\n'), ['co-codamol (codeine/paracetamol) stopped']);
  assert.equal(changes('Dear Dr Smith,\n\nPlease stop his naproxen.\n'), []);
});

test('a contraceptive device inserted, its brand in brackets or alone', () => {
  assert.equal(changes('A levonorgestrel IUS (Kyleena) was fitted without difficulty.'), ['levonorgestrel started']);
  assert.equal(changes('An etonogestrel implant (Nexplanon) has been inserted into the left arm.'), ['etonogestrel started']);
  assert.equal(changes('Mirena fitted today; she tolerated it well.'), ['levonorgestrel started']);
  assert.equal(changes('Her Mirena was fitted in 2021 and is due for change.'), []);
});

test('a lead-in that says what was agreed or done heads a list of changes made', () => {
  assert.equal(changes('We have agreed with her to:\n- stop the amitriptyline;\n- start duloxetine 30 mg once daily;\n- continue pregabalin.\n'), ['amitriptyline stopped', 'duloxetine started']);
  assert.equal(changes('Changes made in clinic today:\n- Increase bisoprolol to 5 mg once daily\n- Stop amlodipine\n'), ['amlodipine stopped', 'bisoprolol dose-changed']);
  assert.equal(changes('I have decided to:\n- reduce prednisolone to 10 mg once daily\n- start alendronic acid 70 mg once weekly\n'), ['alendronic acid started', 'prednisolone dose-changed']);
  // "once daily" is a dose, not a later time; what is recommended or for later is no change
  assert.equal(changes('We recommend:\n- start ramipril 2.5 mg once daily\n'), []);
  assert.equal(changes('We have agreed to:\n- start apixaban 5 mg twice daily once the bleeding has settled\n'), []);
});

test('a prescription handed to the family or after another item is a medicine started', () => {
  assert.equal(changes('We gave his parents a prescription for an EpiPen 300 micrograms.'), ['adrenaline started']);
  assert.equal(changes('She was given an asthma plan and a supply of prednisolone 40 mg for 5 days.'), ['prednisolone started']);
  assert.equal(changes('I have given him a prescription for a week of prednisolone 30 mg daily from our pharmacy.'), ['prednisolone started']);
  assert.equal(changes('She was given paracetamol and ibuprofen in ED.'), []);
});

test('stopped with a restart to be discussed is held; "will not be restarted" is stopped', () => {
  assert.equal(changes('Her lisinopril was stopped on admission because of AKI; we will review restarting it in clinic.'), ['lisinopril held']);
  assert.equal(changes('Metformin was stopped while she was septic, and she should discuss restarting it with you.'), ['metformin held']);
  assert.equal(changes('Aspirin was stopped on admission and will not be restarted.'), ['aspirin stopped']);
});

test('cover until a test, a course finished on the ward and an IV-to-oral step-down are no changes', () => {
  assert.equal(changes('Therapeutic enoxaparin was given while awaiting the leg Doppler, which was negative.\nDischarge medication:\nEnoxaparin - stopped\nAmlodipine 5 mg OD - continue\n'), []);
  assert.equal(changes('She was started on apixaban pending the CT pulmonary angiogram. CTPA negative; apixaban stopped.'), []);
  assert.equal(changes('He was started on apixaban pending the CTPA, which confirmed a PE. He will continue apixaban for 3 months.'), ['apixaban started']);
  assert.equal(changes('Treated with IV benzylpenicillin, stepped down to oral amoxicillin on day 3; course completed on the ward.'), []);
  assert.equal(changes('Medication changes\n| Prednisolone 40 mg OD | NEW | 5 days, last dose given on the ward 12/03 - no TTO |\n| Doxycycline 100 mg OD | NEW | until 15/03 |\n'), ['doxycycline started']);
  assert.equal(changes('Discharge medicines:\n- Clarithromycin 500 mg BD - course completed in hospital\n- Omeprazole 20 mg OD - NEW\n'), ['omeprazole started']);
  // a dose stepped up is still a dose change
  assert.equal(changes('The dose of bisoprolol was stepped up to 5 mg.'), ['bisoprolol dose-changed']);
});

test('an as-needed item with no mark on a discharge list that marks what continues is new', () => {
  assert.equal(changes('TTO:\nCo-amoxiclav 625 mg TDS for 5 days\nOramorph 10 mg/5 ml 2.5-5 ml 4-hourly PRN\nSalbutamol 100 mcg PRN - continue\nRamipril 5 mg OD - unchanged\n'),
    ['co-amoxiclav (amoxicillin/clavulanic acid) started', 'morphine started']);
  // a medicine the letter named before its list is an old one
  assert.equal(changes('Her regular salbutamol inhaler helps.\nTTO:\nSalbutamol 100 mcg 2 puffs PRN\nRamipril 5 mg OD - continue\n'), []);
  // a list that marks nothing says nothing of what is new
  assert.equal(changes('TTO:\nParacetamol 1 g QDS PRN\nRamipril 5 mg OD\n'), []);
});

test('the hospital\'s own supply in prose: "was supplied from our pharmacy", "dispensed a 14-day supply of"', () => {
  assert.equal(changes('Sertraline 50 mg was supplied from our pharmacy for 28 days.'), ['sertraline started']);
  assert.equal(changes('We have dispensed a 14-day supply of rivaroxaban 15 mg twice daily.'), ['rivaroxaban started']);
  assert.equal(changes('Lactulose has been dispensed for 7 days.'), ['lactulose started']);
  // the usual medicines supplied again are not new
  assert.equal(changes('His usual inhalers and tiotropium were supplied from the ward.'), []);
});

test('"was begun", "sent home with", and a restart at a new dose joined to the hold by "and"', () => {
  assert.equal(changes('Carbimazole 20 mg once daily was begun today.'), ['carbimazole started']);
  assert.equal(changes('She was sent home with oral morphine solution 2.5 mg PRN.'), ['morphine started']);
  assert.equal(changes('He was sent home with a leaflet about his ramipril.'), []);
  assert.equal(changes('Her warfarin was withheld for 2 days for the INR of 8 and restarted at 3 mg daily (previously 4 mg).'), ['warfarin dose-changed']);
  assert.equal(changes('His apixaban was held for the procedure and then restarted at a reduced dose.'), ['apixaban dose-changed']);
});

test('a stop agreed with the patient', () => {
  assert.equal(changes('We agreed that you will stop the sertraline from today.'), ['sertraline stopped']);
  assert.equal(changes('We agreed she would stop the Evorel patches.'), ['estradiol stopped']);
  assert.equal(changes('We agreed that he will stop the warfarin before his operation if the surgeons ask.'), []);
});

test('an e-discharge form\'s tick columns: "New?", "Changed?", "Stopped?"', () => {
  assert.equal(changes('Drug | Dose | New? | Changed? | Stopped?\nBisoprolol | 2.5 mg OD | Y | | \nDigoxin | 125 mcg OD | | | Y\nRamipril | 5 mg OD | | | \n'), ['bisoprolol started', 'digoxin stopped']);
  assert.equal(changes('Medicine              Dose          New   Changed   Stopped\nBisoprolol            2.5 mg OD     Y\nDigoxin               125 mcg OD                      Y\nRamipril              10 mg OD              Y\n'),
    ['bisoprolol started', 'digoxin stopped', 'ramipril dose-changed']);
});

test('"should not take … until" said to the patient is a hold; other "should not"s are not changes', () => {
  assert.equal(changes('She should not take her metformin until her kidney function has been rechecked.'), ['metformin held']);
  assert.equal(changes('He must not take his apixaban for 2 days before the extraction.'), ['apixaban held']);
  assert.equal(changes('The GP should not restart the naproxen.'), []);
  assert.equal(changes('Her bisoprolol should not be stopped.'), []);
});

test('an inline discharge label before a course, and a medicine for the ward only', () => {
  assert.equal(changes('Discharge prescription: Flucloxacillin 500 mg QDS x 7/7'), ['flucloxacillin started']);
  assert.equal(changes('Meds on discharge: Amoxicillin 500 mg TDS for 5 days'), ['amoxicillin started']);
  assert.equal(changes('TTO medication: Ramipril 5 mg OD'), []);
  assert.equal(changes('Promethazine was prescribed as required on the ward only.'), []);
});

test('a dose change whose verb is understood for the next drug: "…, and ramipril to 5 mg BD"', () => {
  assert.equal(changes('Bisoprolol has been uptitrated to 5 mg, and ramipril to 5 mg BD.'), ['bisoprolol dose-changed', 'ramipril dose-changed']);
  assert.equal(changes('We increased his furosemide to 80 mg and his bumetanide from 1 mg to 2 mg.'), ['bumetanide dose-changed', 'furosemide dose-changed']);
  assert.equal(changes('Amlodipine was increased to 10 mg, and ramipril continued.'), ['amlodipine dose-changed']);
});

test.run();

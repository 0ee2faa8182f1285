// Medication changes, round 2: lists joined by "together with" or a supply phrase, headings that
// give every item a status, switches decided in clinic, devices fitted, loading doses, restarts at
// a new dose, and what only happened on the ward or at the practice.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes as changesIn } from './helpers/medications.ts';

/** A letter that opens as one does, then the body. */
const changes = (body: string) => changesIn(`Dear Dr Shah\n\n${body}`);

test('a list after the verb: "together with", ", and a short supply of oral …", a masked aside', () => {
  assert.equal(changes('We have started naproxen 500 mg twice daily together with lansoprazole 15 mg once daily for gastroprotection.'),
    ['lansoprazole started', 'naproxen started']);
  assert.equal(changes('He has gone home on oral flucloxacillin 1 g four times a day to complete a total of ten days of antibiotics, with the last dose on 13/03/2026, and a short supply of oral oxycodone solution 5 mg up to four-hourly as required.'),
    ['flucloxacillin started', 'oxycodone started']);
  assert.equal(changes('I have started carbimazole 20 mg once daily, which we will titrate against her thyroid function,\nand propranolol 40 mg three times daily for symptom control.'),
    ['carbimazole started', 'propranolol started']);
});

test('a heading that gives every item one status, with wrapped items', () => {
  assert.equal(changes('MEDICATION ON DISCHARGE (all new)\n- Insulin detemir (Levemir) 10 units subcutaneously at 21:00\n- Insulin lispro (Humalog KwikPen) by carbohydrate ratio 1 unit:10 g with meals, plus\n  correction dose as per his plan\n- Glucagon (GlucaGen HypoKit) 1 mg IM for severe hypoglycaemia\n\nREQUESTS FOR GP\n- Please add to his repeat prescriptions: Levemir pens.'),
    ['glucagon started', 'insulin detemir started', 'insulin lispro started']);
});

test('a switch agreed in clinic: the old drug stops, the new one starts', () => {
  assert.equal(changes('After discussion, we have agreed to switch from anastrozole to letrozole 2.5 mg once daily, which some patients tolerate better.'),
    ['anastrozole stopped', 'letrozole started']);
  assert.equal(changes('I have switched her from amlodipine to lercanidipine 10 mg once daily.'), ['amlodipine stopped', 'lercanidipine started']);
});

test('a medicine-releasing device fitted is started', () => {
  assert.equal(changes('After counselling, a Nexplanon (etonogestrel 68 mg) implant was inserted subdermally into the left upper arm under local anaesthetic.'), ['etonogestrel started']);
  assert.equal(changes('A Mirena coil was fitted without difficulty.'), ['levonorgestrel started']);
});

test('a loading dose given, then a maintenance dose, is a medicine started', () => {
  assert.equal(changes('Plan:\n1. Ticagrelor 180 mg loading dose given in clinic, then 90 mg BD for 12 months.'), ['ticagrelor started']);
  // (a request for one is not)
  assert.equal(changes('Please give an amiodarone loading dose then 200 mg OD.'), []);
});

test('the patient to start a medicine the hospital has supplied, the supply said next', () => {
  assert.equal(changes('- Lisinopril 10 mg OD has been stopped. After a 36-hour washout, he will start\n  sacubitril/valsartan (Entresto) 24 mg/26 mg twice daily from Sunday 22/03/2026.\n  I have given him a 28-day supply from the hospital pharmacy.'),
    ['lisinopril stopped', 'sacubitril/valsartan started']);
});

test('a restart at a new dose is a dose change; withheld now and to restart at a new dose is both', () => {
  assert.equal(changes('Medication:\nLisinopril 5 mg OD (restarted today at a lower dose - was 20 mg OD before admission)'), ['lisinopril dose-changed']);
  assert.equal(changes('INR 8.2 in clinic today. Warfarin withheld for 2 days; vitamin K 2 mg orally given in clinic. Restart warfarin at 2 mg daily (previously 3 mg) on 24/01/2026.'),
    ['warfarin dose-changed', 'warfarin held']);
  // a restart at the same dose only ends the hold
  assert.equal(changes('Apixaban was withheld for the procedure and restarted the next day.'), []);
  // a request row that asks about a restart is no change
  assert.equal(changes('Warfarin 3 mg tablets\tDo not take tonight\tWithheld\nPlease advise on restarting warfarin at a reduced dose once the INR is below 3.0.\tGP anticoagulation clinic\tRequested'), ['warfarin held']);
});

test('inpatient-only medicines stopped, and the practice\'s own earlier prescription, are no change', () => {
  assert.equal(changes('DISCHARGE MEDICATION\nAmoxicillin       1 g      Oral   TDS        NEW        5 days\nDalteparin        5000 units SC   OD         STOPPED    Inpatient VTE prophylaxis only\nNaproxen          500 mg   Oral   BD         STOPPED    AKI'),
    ['amoxicillin started', 'naproxen stopped']);
  assert.equal(changes('Constipation after post-operative tramadol; the tramadol was stopped and laxatives started.\n\nMEDICATION CHANGES\n   STOPPED    Tramadol 50 mg QDS PRN (post-operative, inpatient only)\n   STOPPED    Zopiclone 3.75 mg ON - falls risk'),
    ['zopiclone stopped']);
  assert.equal(changes('INR 8.6 in clinic today. Started clarithromycin 500 mg BD from your practice on 19/01/2026 for a chest infection.'), []);
  // (what the practice is to prescribe from now on is no history)
  assert.equal(changes('We have started apixaban 5 mg BD, to be prescribed by the practice from next month.'), ['apixaban started']);
});

test.run();

// Medication changes, round 14 (from blind31): a change told of "this" in the hospital's own simple past, across a line
// break; a medicine the patient "had been prescribed" before; a short course already over. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';
import { drugLexicon } from '../server/extract/drugs.ts';

test('"We increased\\nthis to 100 mg": the pronoun names the drug of the sentence before, whatever the line break', () => {
  assert.equal(changes('Dear Dr Hale\n\nHe had been taking citalopram 20 mg daily from the practice since May. We increased\nthis to 40 mg once daily on 4 March.'), ['citalopram dose-changed']);
  assert.equal(changes('Dear Dr Hale\n\nShe had also been prescribed diazepam 2 mg three times a day; given the risk in overdose we stopped\nthis on admission.'), ['diazepam stopped']);
});

test('"had been prescribed" tells what the patient already took, not a start', () => {
  assert.equal(changes('Dear Dr Hale\n\nShe had been prescribed amitriptyline 10 mg at night by a previous GP and still takes it.'), []);
  assert.equal(changes('Dear Dr Hale\n\nShe was prescribed amitriptyline 10 mg at night in clinic today.'), ['amitriptyline started']);
});

test('a short course begun and over within the episode is no change', () => {
  assert.equal(changes('Dear Dr Hale\n\nWe gave him a short course of temazepam 10 mg at night for the first week, which finished on 6 March.'), []);
  assert.equal(changes('Dear Dr Hale\n\nWe gave him a short course of temazepam 10 mg at night for one week.'), ['temazepam started']);
});


test('advice to stop is a stop, with or without its object; "she can stop this now" names the drug before it', () => {
  assert.equal(changes('Dear Dr Hale\n\nShe has been taking naproxen since d/c. Advised to stop the naproxen as it is upsetting her stomach.'), ['naproxen stopped']);
  assert.equal(changes('Dear Dr Hale\n\nAdvised to stop the naproxen and seek advice if the pain returns.'), []);
  assert.equal(changes('Dear Dr Hale\n\nStarted on lansoprazole. Vit C 1 g OD\n- she can stop this now, it was for 4/52 only.'), ['ascorbic acid stopped', 'lansoprazole started']);
  assert.equal(changes('Dear Dr Hale\n\nShe takes the combined pill, but she should stop it if she ever develops aura.'), []);
});

test('a long generic misspelt by one letter is still the medicine; a plural or a near word is not', () => {
  assert.equal(changes('Dear Dr Hale\n\nI have started amitriptylline 10 mg at night.'), ['amitriptyline started']);
  assert.equal(changes('Dear Dr Hale\n\nWe have stopped his clopidogral.'), ['clopidogrel stopped']);
  assert.equal(drugLexicon().find('emollients, amitriptylin and paracetamols').map((d) => d.generic), ['amitriptyline']);
});

test('the medicines a sentence says were tried before, and why they were stopped then, are history', () => {
  assert.equal(changes('Dear Dr Hale\n\nShe has previously tried amitriptyline (stopped because of drowsiness) and\ntopiramate (stopped because of tingling), neither for long.'), []);
});

test('isophane and soluble insulin by their BNF names, whatever the brand', () => {
  assert.equal(changes('Dear Dr Hale\n\n- Humulin I (isophane insulin) 30u mane --> REDUCED to 24u mane'), ['isophane insulin (insulin isophane) dose-changed']);
});
test('a drawn table\'s one-cell "| STOPPED |" row heads the rows under it; a label with its first item on its line heads the hanging rest', () => {
  assert.equal(changes([
    '+----------------------+-------------+-------------+',
    '| Drug                 | Dose        | Status      |',
    '+----------------------+-------------+-------------+',
    '| Bisoprolol           | 2.5 mg OD   | Unchanged   |',
    '+----------------------+-------------+-------------+',
    '| STOPPED                                          |',
    '|   Sertraline 50 mg OD  - low sodium              |',
    '|   Senna 7.5 mg ON      - replaced by Laxido      |',
    '+--------------------------------------------------+',
  ].join('\n')).sort(), ['senna stopped', 'sertraline stopped']);
  assert.equal(changes('MEDICATION CHANGES\nStarted:   propranolol 40 mg BD (varices)\n           omeprazole 20 mg OD for 10 days, then STOP\n           thiamine 100 mg TDS\nStopped:   ibuprofen 400 mg TDS - avoid in cirrhosis\nUnchanged: sertraline 100 mg OD\n').sort(),
    ['ibuprofen stopped', 'omeprazole started', 'propranolol started', 'thiamine started']);
});

test('"DOSE INCREASED" after a dotted leader; "until" then a wide gap opens the change column', () => {
  assert.equal(changes('MEDICATION ON DISCHARGE\n * Atorvastatin 80 mg ON .............. DOSE INCREASED (was 20 mg)\n * Amlodipine 5 mg OD .................. UNCHANGED'), ['atorvastatin dose-changed']);
  assert.equal(changes('DISCHARGE MEDICATION\n  Medicine          Dose                    Change?\n  Bisoprolol        2.5 mg OM               No change\n  Dalteparin        5,000 units SC OD until      NEW\n                    20/06/2026\n'), ['dalteparin started']);
});

test('a drug an item is taken alongside is not the item; what the family keeps already is not new', () => {
  assert.equal(changes('TTO:\n  Senna 15 mg ON while on codeine - new\n  Codeine 30 mg QDS PRN - continue'), ['senna started']);
  assert.equal(changes('Medicines on discharge\n  Amoxicillin 250 mg TDS for 5 days - NEW\n  Calpol - parents have their own supply, as needed\n  Diprobase - continue as before'), ['amoxicillin started']);
});

test('started on the ward and stopped before discharge is no change; a class word beside the product it names', () => {
  assert.equal(changes('Dear Dr Hale\n\nHaloperidol was started on the ward for agitation. Haloperidol and lorazepam were both stopped before discharge and are not on the TTO.'), []);
  assert.equal(changes('Dear Dr Hale\n\nMEDICATION ON DISCHARGE\nInsulin glargine 22 units ON - DOSE INCREASED (was 18)\n\nHis basal insulin has been increased.'), ['insulin glargine dose-changed']);
});

test('what not to take on the morning of an operation is no hold now', () => {
  assert.equal(changes('Dear Mrs Hale\n\n  * Do not take ramipril on the morning of surgery; take your other medicines as normal.'), []);
  assert.equal(changes('Dear Dr Hale\n\nDo not take the ramipril until your kidney blood test is back.'), ['ramipril held']);
});

test('advice to omit is a hold; a course another service gave is no change of the hospital\'s', () => {
  assert.equal(changes('Dear Dr Hale\n\nI have advised her to omit her methotrexate dose due tomorrow and not to take any further doses until she hears from us.'), ['methotrexate held']);
  assert.equal(changes('Dear Dr Hale\n\nOn 10/02/2026 she was given a course of trimethoprim by the out-of-hours GP service for a urine infection.'), []);
});

test('"Omit 14/03/2026 to 17/03/2026" after the drug\'s line holds it for those days', () => {
  assert.equal(changes('Dear Dr Hale\n\nAnticoagulation plan\n  Apixaban 5 mg BD: last dose Thursday 12/03/2026. Omit 13/03/2026 to 15/03/2026 inclusive.'), ['apixaban held']);
});

test('a treatment item the patient was handed a supply of is new, said to the patient too', () => {
  assert.equal(changes('Dear Ms Hale\n\nYour treatment\n* Mometasone 0.1% ointment. Apply once a day for 2 weeks.\n  I gave you a 30 g tube in clinic today.\n* Keep using your moisturiser.'), ['mometasone started']);
});

test('a local anaesthetic block is given there and then; "was not stopped for this procedure" holds nothing', () => {
  assert.equal(changes('Dear Dr Hale\n\nRx: Haematoma block (10 mL 1% lidocaine). MUA in ED. No TTO.'), []);
  assert.equal(changes('Dear Dr Hale\n\nAspirin was not stopped for this procedure and should continue.'), []);
  assert.equal(changes('Dear Dr Hale\n\nHer apixaban was stopped for the procedure.'), ['apixaban held']);
});

test('medicines "he thinks were started by different doctors" are his history', () => {
  assert.equal(changes('Dear Dr Hale\n\nHe takes both doxazosin 4 mg and tamsulosin 400 micrograms, which he thinks were started by\ndifferent doctors.'), []);
});

test('stopped until a result comes right is a hold', () => {
  assert.equal(changes('Dear Dr Hale\n\nI have asked him to stop the testosterone gel until his haematocrit is back below 0.50.'), ['testosterone held']);
  assert.equal(changes('Dear Dr Hale\n\nI have asked him to stop the testosterone gel.'), ['testosterone stopped']);
});

test.run();

// Medication changes in the layouts UK letters use: long prose lists of what the patient went home
// on, status after a dash with a restart on the same line, space-aligned before/after tables whose
// cells are set off by one space, plan-list items that stop a medicine, and "TTO supplied" items.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';


test('"went home on A … for 6 weeks of extended prophylaxis, and B …": both are started; "his usual C" is not', () => {
  assert.equal(changes(`She went home on dalteparin 5000 units subcutaneously once daily for 6 weeks of extended
prophylaxis after her knee replacement, and Oramorph 5 mg up to two-hourly as needed, along with her usual
paracetamol.`), ['dalteparin started', 'morphine started']);
});

test('a status after a dash that the same line undoes ("withheld …, restarted …") is no change', () => {
  assert.equal(changes('Medicines\nApixaban 5 mg twice daily - withheld before surgery, restarted on day 2 at the same dose.\nStopped: amitriptyline 10 mg at night.'), ['amitriptyline stopped']);
  // a restart still to come leaves the hold in place
  assert.equal(changes('Medicines\nApixaban 5 mg twice daily - withheld, to be restarted after the scan.'), ['apixaban held']);
});

test('a space-aligned before/after table is read by its columns; a note in the new cell says what changed', () => {
  assert.equal(changes(`Medication changes made today
  Medicine                Previous            Now
  Empagliflozin (Jardiance) -                 10 mg OD, NEW
  Sitagliptin             100 mg OD           -
  Metformin               1 g BD              1 g BD (no change)
  Lisinopril              10 mg OD            20 mg OD (increased for proteinuria)
  Simvastatin             40 mg               40 mg (unchanged)
  Gliclazide              80 mg BD            40 mg BD`), ['empagliflozin started', 'gliclazide dose-changed', 'lisinopril dose-changed', 'sitagliptin stopped']);
});

test('a plan item that stops or holds a medicine now is a change; one that waits on something is not', () => {
  assert.equal(changes(`Plan
  - Doxycycline 100 mg once daily: stopped today.
  - Differin cream: stop while on the new treatment.
  - Naproxen: stop if she gets indigestion.
  - Methotrexate: start after the chest X-ray.`), ['adapalene stopped', 'doxycycline stopped']);
  // in a list of requests for the practice the same wording asks, it does not report
  assert.equal(changes('Requests for the GP\n  - Naproxen: stop while on prednisolone.'), []);
});

test('"A with B for 7 days - TTO supplied": both medicines were started', () => {
  assert.equal(changes('Treatment: Ibuprofen 400 mg TDS with lansoprazole 15 mg OD for 5 days - TTO supplied.'), ['ibuprofen started', 'lansoprazole started']);
});

test('prose: arrows, "stepped up", "weaned to", a switch of form, "now on A having stopped B"', () => {
  assert.equal(changes('Changes: sertraline ↑ 100 mg OD; propranolol ↓ 40 mg BD.'), ['propranolol dose-changed', 'sertraline dose-changed']);
  assert.equal(changes('Her Symbicort was stepped up to 400/12.'), ['budesonide/formoterol dose-changed']);
  assert.equal(changes('His prednisolone has been weaned to 7.5 mg daily.'), ['prednisolone dose-changed']);
  assert.equal(changes('Her Sinemet has been switched to the modified-release preparation at night.'), ['co-careldopa (levodopa/carbidopa) dose-changed']);
  assert.equal(changes('He is now on edoxaban 60 mg OD having stopped warfarin.'), ['edoxaban started', 'warfarin stopped']);
  // a new medicine after "switched to" is still a start
  assert.equal(changes('We switched him from citalopram to sertraline 50 mg.'), ['citalopram stopped', 'sertraline started']);
  assert.equal(changes('He is now on apixaban.'), []);
});

test('"A stopped, B started": a status word straight after its drug and closed by a comma is that drug\'s', () => {
  assert.equal(changes('Changes: Candesartan stopped, irbesartan 150 mg OD started.'), ['candesartan stopped', 'irbesartan started']);
  assert.equal(changes('Nifedipine 20 mg BD stopped, amlodipine 5 mg started.'), ['amlodipine started', 'nifedipine stopped']);
  // an active verb still governs the drug after it
  assert.equal(changes('We stopped his naproxen.'), ['naproxen stopped']);
});

test.run();

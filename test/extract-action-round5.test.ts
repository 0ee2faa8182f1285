// Practice actions, round 5: dates that belong to what is to be recorded or supplied rather than to
// the request, record entries about a medicine, and workload transfers read from the letter's context.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

function actions(body: string, date = '2026-04-01'): ActionItem[] {
  return actionsIn(`Dear Dr Okafor\n\n${body}`, date);
}

test('a blood test and a medicine decision on its result are two requests (as annotators count them); a BP check and treating it stay one', () => {
  const as = actions('Please repeat her renal function in 10 days and restart lisinopril 5 mg if her creatinine is back to baseline.');
  assert.equal(as.map((a) => [a.category, a.due]), [['investigation', '2026-04-11'], ['medication', '2026-04-11']]);
  const bp = actions('Please check her blood pressure in 3 weeks and increase the amlodipine to 10 mg if it is above 140/90.');
  assert.is(bp.length, 1);
  assert.is(bp[0].category, 'investigation');
});

test('a date quoted for the record is not the time of a second request', () => {
  const as = actions('Please remove "aspirin allergy" from his record and code "aspirin allergy excluded by challenge (12/03/2026)".');
  assert.is(as.length, 1);
  assert.is(as[0].category, 'admin');
  assert.is(as[0].due, null);
  // a time of its own still makes a second request
  const two = actions('Please add the diagnosis to his problem list and check his HbA1c in 3 months.');
  assert.is(two.length, 2);
});

test('a medicine the hospital could not supply in full: prescribing it is a workload transfer', () => {
  const body = 'Medication: edoxaban 60 mg OD started.\nSupply: because of a pharmacy stock shortage only 3 days of edoxaban could be supplied by the ward.\n\nActions for GP\n1. Please issue a prescription for edoxaban 60 mg OD by Friday so that she does not miss a dose.';
  const [a] = actions(body);
  assert.is(a.category, 'medication');
  assert.is(a.workloadTransfer, true);
  // without the short supply the same request is ordinary prescribing
  const [b] = actions('Medication: edoxaban 60 mg OD started; 14 days supplied.\n\nActions for GP\n1. Please continue edoxaban 60 mg OD.');
  assert.is(b.workloadTransfer, false);
});

test('switching an antibiotic to what the hospital cultures showed: acting on hospital results', () => {
  const body = 'After discharge the urine culture sent on the ward grew Klebsiella resistant to cefalexin and sensitive to nitrofurantoin.\n\nPlease contact her today to stop the cefalexin and start nitrofurantoin 100 mg MR BD for 5 days.';
  const [a] = actions(body);
  assert.is(a.category, 'medication');
  assert.is(a.workloadTransfer, true);
});

test('due dates: supply asides and tests pointed back to', () => {
  const [a] = actions('Please add apixaban and bisoprolol to his repeat prescriptions (28 days supplied today).');
  assert.is(a.due, null);
  const [c, d] = actions('Please check his FBC and LFTs in 2 weeks and then monthly for 3 months. Please could you also check his blood pressure when he attends for those bloods.');
  assert.is(c.due, '2026-04-15');
  assert.is(d.due, '2026-04-15');
  const [e] = actions('Please send us the results each week.');
  assert.is(e.category, 'admin');
  assert.is(e.due, '2026-04-08');
});

test.run();

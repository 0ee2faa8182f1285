// How requests are cut and dated: an actor named without "please", headings, a second request
// on its own condition, the hospital's own next step, and conditional requests that wait on a
// dated test.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

function actions(text: string, date = '2026-05-06'): ActionItem[] {
  return actionsIn(text, date);
}
const rows = (as: ActionItem[]) => as.map((a) => `${a.category} ${a.due} | ${a.text}`);

test('a request that names the practice nurse or GP needs no "please"', () => {
  const as = actions('Dear Dr Rowe\n\nThe wound is clean.\nPractice nurse to take out the sutures in 10 days.\nGP to review her mood in 4 weeks.\nThe district nurses to dress the leg ulcer twice weekly.');
  assert.equal(rows(as), ['follow-up 2026-05-16 | Practice nurse to take out the sutures in 10 days.', 'follow-up 2026-06-03 | GP to review her mood in 4 weeks.']);
});

test('a heading alone on its line is never a request', () => {
  const as = actions('Requests for the GP\n1. Repeat FBC in 2 weeks.\n2. Review in 6 weeks.\n\nFollow up\nWe will see him in the fracture clinic in 2 weeks.');
  assert.equal(as.map((a) => a.text), ['Repeat FBC in 2 weeks.', 'Review in 6 weeks.']);
  // a short item inside a GP list is still a request
  const items = actions('GP actions:\nRepeat bloods in 4 weeks\nMedication review\n\nYours sincerely');
  assert.equal(items.map((a) => a.text), ['Repeat bloods in 4 weeks', 'Medication review']);
});

test('", and, if <result>, please …" is a second request; ", and, if so, please …" continues the first', () => {
  const two = actions('Dear Dr Rowe\n\nPlease recheck her ferritin at 3 months and, if it is still below 15, please refer her to gastroenterology.');
  assert.equal(rows(two), ['investigation 2026-08-06 | Please recheck her ferritin at 3 months', 'referral 2026-08-06 | if it is still below 15, please refer her to gastroenterology.']);
  const one = actions('Dear Dr Rowe\n\nCould you phone him to check he still has symptoms and, if so, please re-refer him via e-RS.');
  assert.is(one.length, 1);
  assert.is(one[0].category, 'referral');
});

test('"optimise X and repeat the test at N months" is one request: the test measures the treatment', () => {
  const as = actions('Dear Dr Rowe\n\nPlease optimise his blood pressure treatment and recheck his U&Es at 6 weeks.');
  assert.equal(rows(as), ['medication 2026-06-17 | Please optimise his blood pressure treatment and recheck his U&Es at 6 weeks.']);
  // two unrelated requests with their own times are still two
  assert.is(actions('Dear Dr Rowe\n\nPlease stop the amlodipine and check her lying and standing BP in 2 weeks.').length, 2);
});

test("the hospital's own next step is not part of the practice's request, nor its timeline", () => {
  const as = actions('Dear Dr Rowe\n\nHe did not attend his appointment. Please re-refer him through e-RS and we will offer him a new appointment within 6 weeks.');
  assert.equal(rows(as), ['referral null | Please re-refer him through e-RS']);
  assert.ok(as[0].workloadTransfer);
});

test('conditional requests take the date of the test they wait on, including "on Tuesday 12/05/2026"', () => {
  const as = actions(`Actions for GP
1. Please check his sodium on Tuesday 12/05/2026. If it is 125 or lower please send him to the acute medical unit.
2. If the sodium is 130 or more, please restart his citalopram at 10 mg once daily.
3. Please code hyponatraemia on his record.`);
  assert.equal(as.map((a) => `${a.category} ${a.due}`), ['investigation 2026-05-12', 'referral 2026-05-12', 'medication 2026-05-12', 'admin null']);
});

test('a request conditional on a monitoring schedule has no single date to inherit', () => {
  const as = actions('Dear Dr Rowe\n\nPlease check his PSA in 6 months and then annually. Please re-refer if the PSA rises above 10.');
  assert.equal(as.map((a) => a.due), ['2026-11-06', null]);
});

test('"today" is the clinic day, and so are the plan\'s times (GUIDELINES: documentDate); post-operative times count from the operation', () => {
  const as = actions(`Clinic date: 04/05/2026
Typed: 06/05/2026

Procedure: 28/04/2026 Open inguinal hernia repair

Dear Dr Rowe

Please could the practice take over prescribing of his apixaban from today. Practice nurse to remove the sutures 10-12 days post-op. Please review him in 6 weeks.`);
  assert.equal(as.map((a) => a.due), ['2026-05-04', '2026-05-10', '2026-06-15']);
});

test('"after that" takes the end of the period the sentence named; "prescribe by brand" qualifies the request before it', () => {
  const as = actions('Dear Dr Rowe\n\nWe will supply denosumab for the first 6 months; please take over prescribing after that under the shared care protocol. Please could you continue to prescribe Tegretol Retard 400 mg BD. Please prescribe by brand.');
  assert.equal(as.map((a) => `${a.category} ${a.due}`), ['medication 2026-11-06', 'medication null']);
  assert.is(as[1].evidence.quote, 'Please could you continue to prescribe Tegretol Retard 400 mg BD. Please prescribe by brand.');
});

test('a request repeated in the GP action list is one request; the same test at another time is another', () => {
  const as = actions('Dear Dr Rowe\n\nI would be grateful if you could recheck his sodium in one week.\n\nActions for GP:\n- Recheck sodium in 1 week\n- Recheck sodium again in 3 months\n- Stop the indapamide if the sodium is below 130');
  assert.equal(rows(as), [
    'investigation 2026-05-13 | I would be grateful if you could recheck his sodium in one week.',
    'investigation 2026-08-06 | Recheck sodium again in 3 months',
    'medication 2026-08-06 | Stop the indapamide if the sodium is below 130',
  ]);
});

test('a long lead-in clause is not part of the request; a request that points back with "it" keeps its statement', () => {
  const long = actions('Dear Dr Rowe\n\nGiven her persistent symptoms despite two courses of physiotherapy and the changes on her recent MRI, I would be grateful if you could refer her to the spinal pain service.');
  assert.equal(long.map((a) => a.text), ['I would be grateful if you could refer her to the spinal pain service.']);
  const it = actions('Dear Dr Rowe\n\nHis sodium was 129 on discharge, so please recheck it in 4 days.');
  assert.equal(it.map((a) => a.text), ['His sodium was 129 on discharge, so please recheck it in 4 days.']);
  const own = actions('Dear Dr Rowe\n\nI have written to the vascular surgeons about the aneurysm, and I would be grateful if you would code this on his record.');
  assert.equal(own.map((a) => a.text), ['I would be grateful if you would code this on his record.']);
});

test('an "Owner:" or "Action by:" line under an item says whose it is', () => {
  const as = actions('Plan\nRepeat the liver ultrasound in 6 months\nOwner: GP\nHepatology review in 3 months\nOwner: Hepatology\nStop the atorvastatin if the ALT doubles\nAction by: GP practice');
  assert.equal(as.map((a) => a.text), ['Repeat the liver ultrasound in 6 months', 'Stop the atorvastatin if the ALT doubles']);
});

test('"at that visit" and "at that check" take the date of the dated request they point back at', () => {
  const as = actions('Dear Dr Rowe\n\nPlease see her at the surgery in 2 weeks to review her symptoms. Please take U&Es at that visit. If the sodium is 135 or more at that check, please consider restarting the citalopram.');
  assert.equal(as.map((a) => a.due), ['2026-05-20', '2026-05-20', '2026-05-20']);
  // an undated request in between does not hide the visit
  const between = actions('Dear Dr Rowe\n\nPlease see him at the surgery in 2 weeks to review his ankles. Please continue the furosemide. Please check his U&Es at that visit.');
  assert.equal(between.map((a) => a.due), ['2026-05-20', null, '2026-05-20']);
});

test.run();

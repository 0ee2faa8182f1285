// Practice requests as UK letters lay them out: boxed and bracketed headings, lettered and numbered
// items, passives in a GP list, wrapped lines, items timed by the clause before or after them, and
// the splits and joins between two requests in one sentence.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { categorise } from '../server/extract/action-category.ts';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

function actions(text: string, date = '2026-04-08'): ActionItem[] {
  return actionsIn(text, date);
}
const texts = (as: ActionItem[]) => as.map((a) => a.text);

test('a bracketed heading under a table rule heads a GP list: items without "please" are requests', () => {
  const as = actions(`[ MEDICATION CHANGES ]
  +-------------------+-----------+
  | Furosemide 40mg   | INCREASED |
  +-------------------+-----------+

[ ACTIONS FOR GP PRACTICE ]
  1. Repeat chest X-ray at 8 weeks to check the effusion has gone.
  2. Bloods to be repeated in 2 weeks.

[ HOSPITAL ACTIONS ]
  - The heart failure nurses will phone her next week.`);
  assert.equal(as.map((a) => [a.text, a.category, a.due]), [
    ['Repeat chest X-ray at 8 weeks to check the effusion has gone.', 'investigation', '2026-06-03'],
    ['Bloods to be repeated in 2 weeks.', 'investigation', '2026-04-22'],
  ]);
});

test('a passive restart in a GP list is a request; it takes the date of the bloods it waits on', () => {
  const as = actions(`GP actions:
1. Potassium and creatinine in one week please.
2. If creatinine is under 150 at that check, please restart lisinopril 5 mg; spironolactone to be
   restarted at 12.5 mg if potassium is below 5.0, again from the same bloods.`);
  assert.equal(as.map((a) => [a.category, a.due]), [['investigation', '2026-04-15'], ['medication', '2026-04-15'], ['medication', '2026-04-15']]);
  assert.ok(as[2].text.startsWith('spironolactone to be restarted at 12.5 mg'));
  // outside a GP list a passive only reports a plan
  assert.equal(actions('Follow-up\n- Sutures to be removed at 10 days at the fracture clinic.'), []);
});

test('a part after a semicolon that only times the request belongs to it', () => {
  const as = actions(`Requests to GP
 (a) Titrate ramipril by 2.5 mg every 2 weeks up to 10 mg daily as BP allows; first step in one week.`);
  assert.is(as.length, 1);
  assert.is(as[0].text, 'Titrate ramipril by 2.5 mg every 2 weeks up to 10 mg daily as BP allows; first step in one week.');
  assert.is(as[0].due, '2026-04-15');
});

test('a lettered item that opens with organ function tests is an investigation request', () => {
  const as = actions(`REQUESTS TO GP
 (a) Kidney function and potassium in 10 days (new spironolactone).
 (b) Liver function at 3 months.`);
  assert.equal(as.map((a) => [a.category, a.due]), [['investigation', '2026-04-18'], ['investigation', '2026-07-08']]);
});

test('a request wrapped across lines is read as one line; it takes its time from the statement it points back at', () => {
  const as = actions(`His stitches are due out between 14th and 16th April, and I would be grateful if your
practice nurse could take them out and dress the wound at the same visit.`);
  assert.is(as.length, 1);
  assert.is(as[0].category, 'follow-up');
  assert.is(as[0].due, '2026-04-16');
  assert.ok(as[0].text.startsWith('I would be grateful if your practice nurse'));
});

test('"and refer" after another request is a referral of its own, unless it only follows from the first', () => {
  assert.equal(actions('Plan\n- She would like to stop smoking - GP pls start nicotine replacement and refer to the community stop smoking team.').map((a) => a.category), ['medication', 'referral']);
  assert.equal(actions('Please check her ferritin in 6 weeks and refer to haematology if it is still low.').length, 1);
});

test('clinical work and a record entry joined by "and" are two requests; a bare verb is not', () => {
  const two = actions('I would be grateful if you could repeat her vitamin B12 at 3 months to confirm the response and add pernicious anaemia to her problem list.');
  assert.equal(two.map((a) => a.category), ['investigation', 'admin']);
  assert.is(two[1].text, 'add pernicious anaemia to her problem list.');
  assert.is(actions('Please check and update the telephone number held by the practice and add it to the referral.').length, 1);
  const reg = actions('Please add her to your learning disability register and complete her annual health check from next month.');
  assert.equal(reg.map((a) => a.category), ['admin', 'follow-up']);
});

test('one visit, one request: "… and check the wound at the same visit" stays whole', () => {
  const as = actions('Please could your practice nurse remove the clips on day 12 and check the wound at the same visit.');
  assert.is(as.length, 1);
  assert.is(as[0].category, 'follow-up');
});

test('safety-netting after a dash with no verb is the patient\'s, not part of the request', () => {
  const as = actions('GP:\n - Please review the wound in 2 days - if the redness spreads past the line, to A&E.');
  assert.equal(texts(as), ['Please review the wound in 2 days']);
  // with a verb it is a request of its own
  assert.is(actions('GP:\n - Please repeat her potassium tomorrow - if it is above 6.0, send her to the Emergency Department.').length, 2);
});

test('a practice nurse review named before what it is for is a follow-up, wherever it stands', () => {
  const as = actions(`Plan
 - Practice nurse asthma review in 4/52 for inhaler technique and a spacer.
 - GP medication review in 3 months.`);
  assert.equal(as.map((a) => [a.category, a.due]), [['follow-up', '2026-05-06'], ['medication', '2026-07-08']]);
});

test('an URGENT banner that the letter then asks for in full is not a second request', () => {
  const as = actions(`URGENT - syringe driver medicines needed today please

Dear Dr Hale,

Requests for the practice
1. Please prescribe the syringe driver medicines today and sign the community authorisation chart.`);
  assert.is(as.length, 1);
  assert.ok(as[0].text.startsWith('Please prescribe the syringe driver medicines today'));
  // a banner that is the only statement of its request stays
  assert.is(actions('URGENT - please repeat his sodium today\n\nDear Dr Hale,\n\nHe was seen in clinic.').length, 1);
});

test('">>" bullets are layout, not part of the request', () => {
  const as = actions('Actions for GP:\n  >> Please arrange a follow-up CT chest in 3 months for the nodule.');
  assert.equal(texts(as), ['Please arrange a follow-up CT chest in 3 months for the nodule.']);
});

test('categories: who is asked does not change what the request is', () => {
  assert.is(categorise('Please could a GP visit her at home by Friday.'), 'follow-up');
  assert.is(categorise('I would be grateful if your practice nurse could remove them and check the wound.'), 'follow-up');
  assert.is(categorise('Please review his reflux symptoms in the next 4 weeks now that lansoprazole has stopped.'), 'follow-up');
  assert.is(categorise('Please review his lansoprazole in 4 weeks.'), 'medication');
  assert.is(categorise('Practice nurse COPD review in 6/52 for inhaler technique and rescue pack.'), 'follow-up');
  assert.is(categorise('if her BP is above 150/90 at that visit, add amlodipine 5 mg.'), 'medication');
});

test('a GP list: a passive hold, and a step after a semicolon that waits on the result before it', () => {
  const as = actions(`GP ACTIONS
1. Gliclazide to be withheld until she is eating normally.
2. Please recheck sodium in 1 week; if above 133, restart indapamide.`);
  assert.equal(as.map((a) => [a.category, a.due]), [['medication', null], ['investigation', '2026-04-15'], ['medication', '2026-04-15']]);
  assert.is(as[2].text, 'if above 133, restart indapamide.');
});

test('"your practice nurse may wish to", drug classes and vaccines as the objects of requests', () => {
  assert.equal(actions('Your practice nurse may wish to check his inhaler technique at his next review.').map((a) => a.category), ['follow-up']);
  assert.is(categorise('consider adding a DPP-4 inhibitor'), 'medication');
  assert.is(categorise('please add an SGLT2 inhibitor'), 'medication');
  assert.is(categorise('please add her to the frailty register'), 'admin');
  assert.equal(actions('PLAN FOR GP\n* Pneumococcal vaccine.\n* Annual review of her COPD.').map((a) => a.category), ['medication', 'follow-up']);
});

test('a second imperative after a comma with its own condition or time is its own request', () => {
  assert.equal(texts(actions('GP to: check potassium in 1/52, stop eplerenone if > 5.5.')), ['check potassium in 1/52', 'stop eplerenone if > 5.5.']);
  // a list of steps with no condition or time of their own stays one request
  assert.is(actions('GP to: check her potassium, review the result and reduce the spironolactone as needed.').length, 1);
});

test('roman-numeral items, a "fit note" item and a dash after "Actions for practice"', () => {
  const as = actions(`Requests of the practice
i) Please arrange a repeat bone density scan in 2 years.
ii) Please review her alendronic acid at 5 years.

To do (GP):
- Fit note for 4 weeks

Actions for practice - please check LFTs in 4 weeks.`);
  assert.equal(texts(as), ['Please arrange a repeat bone density scan in 2 years.', 'Please review her alendronic acid at 5 years.', 'Fit note for 4 weeks', 'please check LFTs in 4 weeks.']);
  assert.equal(as.map((a) => a.category), ['investigation', 'medication', 'certificate', 'investigation']);
});

test('"review in 1 week with a repeat U&E": a time straight after "review" makes it a review of the patient', () => {
  assert.is(categorise('GP review in 1 week with a repeat U&E.'), 'follow-up');
  assert.is(categorise('Please review her potassium in 1 week.'), 'investigation');
});

test('after a missed appointment, re-referral for the same problem is a transfer; one for a new red-flag symptom is not', () => {
  const as = actions(`She did not attend her appointment in the bladder clinic in January.
If her frequency returns, please could you re-refer her via e-RS.
If she has any visible haematuria, please refer her back directly to the urology clinic.
If you still feel her microscopic haematuria needs a cystoscopy, please re-refer her.`);
  assert.equal(as.map((a) => [a.category, a.workloadTransfer]), [['referral', true], ['referral', false], ['referral', true]]);
});

test.run();

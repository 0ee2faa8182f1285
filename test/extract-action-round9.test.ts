// Practice actions, round 9: the hospital's advice on a step it leaves to the practice ("we would
// suggest stopping …", "she may also benefit from a … vaccine"), the request's verb read after a
// two-part lead-in ("it would be helpful if you could check …"), and the due dates, categories and
// workload flags of such requests.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { categorise } from '../server/extract/action-category.ts';
import { dueDate } from '../server/extract/due-date.ts';
import { narrativeDate, nextVisitDate } from '../server/extract/dates.ts';
import { workloadReason, letterContext } from '../server/extract/action-workload.ts';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

function actions(body: string, date = '2026-05-04'): ActionItem[] {
  return actionsIn(`Dear Dr Lindqvist\n\n${body}`, date);
}

test('the hospital suggesting a step of treatment or a test is a request of the practice', () => {
  assert.is(actions('We would suggest stopping her amitriptyline; duloxetine could be tried later.').length, 1);
  assert.is(actions('We would suggest tapering the prednisolone by 5 mg a week to stop.')[0].category, 'medication');
  assert.is(actions('I would suggest a bone density scan given her two fractures.')[0].category, 'investigation');
  assert.is(actions('We would recommend a practice nurse review of her wound in 10 days.').length, 1);
  // near misses: the patient's own step, the hospital's, and a step left to the hospital's next review
  assert.is(actions('We would suggest she avoids caffeine in the evenings.').length, 0);
  assert.is(actions('We would suggest a repeat scan in 6 months, which we will arrange.').length, 0);
  assert.is(actions('We would recommend a review in our clinic in 3 months.').length, 0);
  assert.is(actions('If her HbA1c is still above 58 at review we would suggest adding sitagliptin.').length, 0);
});

test('what the patient may benefit from is left for the practice to arrange', () => {
  assert.is(actions('He may also benefit from the shingles vaccine if he has not had it.').length, 1);
  assert.is(actions('She may benefit from referral to the community falls service, as she lives alone.')[0].category, 'referral');
  const [bloods] = actions('He would benefit from U&Es and a lipid profile in about six weeks.');
  assert.is(bloods.category, 'investigation');
  assert.is(bloods.due, '2026-06-15');
  // near misses: what the hospital is doing about it, and a benefit already had
  assert.is(actions('She would benefit from a referral to physiotherapy, which we have made.').length, 0);
  assert.is(actions('He may benefit from bloods, and we will take them in clinic.').length, 0);
  assert.is(actions('She has benefited from the course of physiotherapy.').length, 0);
});

test('the verb after a two-part lead-in, and visits about a medicine, decide the category', () => {
  assert.is(categorise('It would be helpful if you could check her potassium a week after each dose increase.'), 'investigation');
  assert.is(categorise('It would be helpful if the practice could repeat his LFTs once the course of rifampicin is over.'), 'investigation');
  assert.is(categorise('It would be useful if you could stop the naproxen.'), 'medication');
  assert.is(categorise('Please ask the practice nurse to check his inhaler technique with the new Fostair.'), 'follow-up');
  assert.is(categorise('Please offer him a GP appointment in a fortnight to talk through the sertraline.'), 'follow-up');
  assert.is(categorise('If his pulse is below 55, please keep him on 2.5 mg.'), 'medication');
  assert.is(categorise('Please invite her for bowel screening, which she has missed.'), 'investigation');
  assert.is(categorise('He may benefit from an echocardiogram, if you are able to arrange one locally.'), 'investigation');
  // near misses: an offer of a medicine, and a recall that books a review
  assert.is(categorise('Please offer him nicotine replacement therapy.'), 'medication');
  assert.is(categorise('Please invite her for a review of her asthma.'), 'follow-up');
});

test('due dates: a stop still to come, a month a check falls due in, the end of a course', () => {
  assert.is(dueDate('Please make sure clopidogrel is stopped on 14/01/2027.', '2026-05-04'), '2027-01-14');
  assert.is(dueDate('Clopidogrel was stopped on 28/04/2026.', '2026-05-04'), null);
  assert.is(dueDate('Her annual diabetes review falls due in September - please include an ACR.', '2026-05-04'), '2026-09-30');
  assert.is(dueDate('His smear is due in February.', '2026-05-04'), '2027-02-28');
  assert.is(dueDate('Continue the doxycycline for 3 months, then stop.', '2026-05-04'), '2026-08-04');
  // a course with a time of its own is due at that time, and a dosing step is not a stop
  assert.is(dueDate('Reduce the prednisolone over the next 3 weeks: 10 mg for one week, 5 mg for one week, then stop.', '2026-05-04'), '2026-05-25');
  assert.is(dueDate('Apply the cream for 4 weeks, then twice weekly.', '2026-05-04'), null);
  const [course] = actions('GP actions:\n1. Continue colchicine 500 micrograms bd for 6 weeks, then stop.\n');
  assert.is(course.text, 'Continue colchicine 500 micrograms bd for 6 weeks, then stop.');
  assert.is(course.due, '2026-06-15');
  assert.is(actions('Please could you issue a further fit note for 2 weeks from 20th May.')[0].due, '2026-05-20');
});

test('"before her next clinic" is due by the visit the letter books', () => {
  const text = 'Please repeat her U&E and magnesium before her next renal clinic.\n\nFollow-up: renal clinic 02/06/2026 at 10:30 (letter sent).';
  assert.is(actions(text)[0].due, '2026-06-02');
  assert.is(nextVisitDate('Seen 01/04/2026.\nNext appointment: 09/06/2026\nDischarged 01/05/2026', '2026-05-04'), '2026-06-09');
  // a date that books no visit is not the next clinic
  assert.is(nextVisitDate('Methotrexate started 01/04/2026; last dose 10/06/2026.', '2026-05-04'), undefined);
});

test('a letter date in a table row reads the cell rule as the label\'s colon', () => {
  assert.is(narrativeDate('DOB            | 01/02/1960\nAdmission      | 09/05/2026 - Emergency (ED)\nDischarge      | 12/05/2026 - Home\n'), '2026-05-12');
});

test('workload transfer: a conditional fit note with its period, a short supply, a long course, reasons of other requests', () => {
  const wl = (s: string, cat: Parameters<typeof workloadReason>[1], letter = s) => workloadReason(s, cat, letterContext(letter));
  assert.ok(wl('If she needs more time off work, please issue a further fit note from 11/05/2026.', 'certificate'));
  assert.ok(wl('Should he need it, please provide a fit note for 2 weeks.', 'certificate'));
  assert.is(wl('If she needs longer off work, please extend it as appropriate.', 'certificate'), undefined);
  const stock = 'NEW: Adrenaline auto-injector - one device supplied (stock limited overnight).\nPlease prescribe two adrenaline auto-injectors.';
  assert.ok(wl('Please prescribe two adrenaline auto-injectors.', 'medication', stock));
  assert.is(wl('Please prescribe two adrenaline auto-injectors.', 'medication'), undefined);
  assert.is(wl('Please continue the doxycycline for a further 8 weeks after her hospital supply, to complete a 12-week course.', 'medication'), undefined);
  assert.ok(wl('Please prescribe a further 3 days of co-amoxiclav to complete the course.', 'medication'));
  // what the letter says before an earlier request is that request's reason
  const two = actions('We are unable to refer directly from ED - please refer him to the allergy clinic. Please review his asthma control within 2 weeks.');
  assert.is(two.length, 2);
  assert.is(two[1].workloadTransfer, false);
  const unrelated = actions('GP actions:\n1. Incidental thyroid nodule, not related to this admission. Please refer to endocrinology for assessment.\n');
  assert.is(unrelated[0].workloadTransfer, false);
});

test('a letter to the patient with a "For Dr …:" paragraph for the GP it is copied to', () => {
  const letter = 'Dear Mr Hartley\n\nYou do not need another appointment with us. If you see blood in your urine again, please contact your GP.\n\nFor Dr Evans:\nPlease could you continue tamsulosin on repeat prescription, and repeat his PSA in three months\' time.\n';
  const found = actionsIn(letter, '2026-03-09').map((a) => a.evidence.quote);
  assert.equal(found, ['Please could you continue tamsulosin on repeat prescription', "repeat his PSA in three months' time."]);
  // (without the heading, the same paragraph in a letter to the patient is the patient's)
  assert.is(actionsIn(letter.replace('For Dr Evans:\n', ''), '2026-03-09').length, 0);
});

test('ticked and numbered boxes are list items: each its own request, the box not quoted', () => {
  const found = actions('Actions for GP\n--------------\n[X] Please recheck her calcium by the end of June.\n[X] Consider alendronic acid once she is vitamin D replete.\n[ ] Fit note - not required.\n');
  assert.equal(found.map((a) => a.evidence.quote), ['Please recheck her calcium by the end of June.', 'Consider alendronic acid once she is vitamin D replete.']);
  assert.equal(actions('GP to:\n☒ Repeat U&E in 1 week.\n[3] Please prescribe omeprazole 40 mg BD to complete 8 weeks.\n').map((a) => a.evidence.quote), ['Repeat U&E in 1 week.', 'Please prescribe omeprazole 40 mg BD to complete 8 weeks.']);
});

test('"if you have any concerns, please re-refer him" is a conditional request; "we would ask that … be checked" asks the practice', () => {
  assert.is(actions('If you have any concerns about his mental health in the future, please re-refer him to us through the Single Point of Access.')[0].category, 'referral');
  // (an offer of help with questions is none)
  assert.is(actions('If you have any concerns or questions, please contact the ward.').length, 0);
  assert.is(actions('We would ask that her lithium level be checked in one week.')[0].category, 'investigation');
  // (what the patient is asked to do is hers)
  assert.is(actions('We would ask that she attends the fracture clinic next week.').length, 0);
});

test.run();

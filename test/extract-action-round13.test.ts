// Practice actions, round 13 (from blind21-22): list items rendered from a document's XHTML <li>; "please update
// your records" takes the item it follows; "Note on his record that …"; "I would suggest that it is stopped";
// a referral source's table row and an urgency banner ask nothing; "review with PN"; due dates of events that
// have no date, and of a supply given "thereafter". Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { actionsIn } from './helpers/actions.ts';
import { xhtmlToText } from '../server/normalise/xhtml.ts';

const texts = (t: string) => actionsIn(t, '2026-03-02').map((a) => a.text);

test('a document\'s list items read as items: "GP practice - please:" above them hands them to the practice', () => {
  const text = xhtmlToText('<div><p><b>We have:</b> booked a clinic in 6 weeks.</p><p><b>GP practice - please:</b></p><ul><li>Arrange a nurse review within 2 working days.</li><li>Add the spacer to his repeat prescription.</li></ul><ol><li>First</li><li>Second</li></ol></div>');
  assert.ok(text.includes('\n- Arrange a nurse review within 2 working days.\n- Add the spacer'));
  assert.ok(text.includes('\n1. First\n2. Second'));
  assert.equal(texts(`Dear Dr Khan\n\n${text}`), ['Arrange a nurse review within 2 working days.', 'Add the spacer to his repeat prescription.']);
});

test('"please update your records" and "Note on his record that" are requests of the practice', () => {
  assert.equal(texts('Dear Dr Khan\n\nActions for GP:\n  [4] A DNACPR decision was made with Mrs Hale and her son. Please update your records.\n'),
    ['[4] A DNACPR decision was made with Mrs Hale and her son. Please update your records.']);
  assert.equal(texts('Dear Dr Khan\n\nGP practice - please:\n1. Note on her record that her epoetin is supplied by the renal unit.\n'),
    ['Note on her record that her epoetin is supplied by the renal unit.']);
});

test('a suggestion that a medicine be stopped, and a request that treatment be optimised', () => {
  assert.equal(texts('Dear Dr Khan\n\nI note she takes naproxen, and I would suggest that it is stopped if her pain allows.'), ['I note she takes naproxen, and I would suggest that it is stopped if her pain allows.']);
  assert.equal(texts('Dear Dr Khan\n\nWe would be grateful if her lipid treatment could be optimised.'), ['We would be grateful if her lipid treatment could be optimised.']);
  assert.equal(texts('Dear Dr Khan\n\nWe would be grateful if she could be seen in our clinic.'), []);
});

test('a referral source\'s table row and an urgency banner ask nothing; a review with the PN does', () => {
  assert.equal(texts('Dear Dr Khan\n\nClinic\tChest clinic\nReferral\tGP referral, received 02-Feb-2026\n\nURGENT - please action today\n'), []);
  assert.equal(texts('Dear Dr Khan\n\nPlan:\n- COPD review with PN in 6/52 - inhaler technique.\n'), ['COPD review with PN in 6/52 - inhaler technique.']);
});

test('an event with no date of its own has no due date; a supply\'s end times "thereafter"', () => {
  assert.is(actionsIn('Pls re-refer if 2 or more courses of steroids in 12/12.', '2026-03-02')[0].due, null);
  assert.is(actionsIn('If she has any bleeding more than 6 months after starting HRT, please re-refer her.', '2026-03-02')[0].due, null);
  assert.is(actionsIn('Please add a note that in any future pregnancy she should take aspirin from 12 weeks.', '2026-03-02')[0].due, null);
  assert.is(actionsIn('We have given him a two-week supply and would be grateful if you would continue to prescribe it thereafter.', '2026-03-02')[0].due, '2026-03-16');
});

test('categories: off the repeat list, the record\'s details, sending results, a register, sutures, a switch, a limb', () => {
  const cat = (t: string) => actionsIn(t, '2026-03-02').map((a) => a.category);
  assert.equal(cat('Please take amitriptyline off her repeat list.'), ['medication']);
  assert.equal(cat('Please could the practice check that it holds a current mobile number for him.'), ['admin']);
  assert.equal(cat('Please send us any previous PSA results held by the practice.'), ['admin']);
  assert.equal(cat('Please ensure she is on the practice learning disability register.'), ['admin']);
  assert.equal(cat('GP practice nurse for ROS at 10/7 pls.'), ['follow-up']);
  assert.equal(cat('I would be grateful if you could arrange for her to switch to a progestogen-only pill.'), ['medication']);
  assert.equal(cat('Please avoid taking blood from her right arm.'), ['other']);
});

test('a courtesy after a request list asks nothing', () => {
  assert.equal(texts('Dear Dr Khan\n\nI would be grateful if you could:\n1. Check her FBC in 3 months.\n\nPlease do not hesitate to contact me if you have any questions.\n\nYours sincerely'), ['Check her FBC in 3 months.']);
});

test('round 13b (blind23-24): more ways to ask, and the noun phrases a GP list uses', () => {
  assert.equal(texts('Dear Dr Khan\n\nIt would be very helpful if your practice nurse could repeat her lying and standing BP in two weeks.'), ['It would be very helpful if your practice nurse could repeat her lying and standing BP in two weeks.']);
  assert.equal(texts('Dear Dr Khan\n\nI wonder whether you would be kind enough to refer him to the sleep service.'), ['I wonder whether you would be kind enough to refer him to the sleep service.']);
  assert.equal(texts('Dear Dr Khan\n\nI would suggest this continues for a further three months.'), ['I would suggest this continues for a further three months.']);
  assert.equal(texts('Dear Dr Khan\n\nGP ACTIONS\n1. Sutures for removal by practice nurse in 7-10 days.\n'), ['Sutures for removal by practice nurse in 7-10 days.']);
  assert.equal(texts('Dear Dr Khan\n\nPlan:\n- GP/PN: inhaler technique check + review of Trimbow in 4-6/52\n'), ['inhaler technique check + review of Trimbow in 4-6/52']);
  // the patient books her own clip removal: not a request
  assert.equal(texts('Dear Dr Khan\n\nFollow-up\n- Clips to be removed 12-14 days after surgery by the practice nurse. She will book this herself.\n'), []);
});

test('round 13b due dates: a dated window is due at its end; a course "x5/7", a minimum course and a finding\'s "today" are no due', () => {
  const due = (t: string) => actionsIn(t, '2026-06-03')[0]?.due;
  assert.is(due('Please check U&E 1-2 weeks after starting sacubitril/valsartan (around 15th-19th June).'), '2026-06-19');
  assert.is(due('Please carry out the 6-8 week postnatal check (around 20/07/2026 to 03/08/2026).'), '2026-08-03');
  assert.is(due('Rescue pack (pred 30 mg x5/7 + doxy) - GP to continue as per local COPD pathway'), null);
  assert.is(due('Please continue to prescribe Movicol, and please do not stop it within the next six months.'), null);
  assert.is(due('Postural drop today of 26 mmHg - please review his antihypertensives.'), null);
  assert.is(due('Her BP was high today - please recheck it in 2 weeks.'), '2026-06-17');
  assert.equal(actionsIn('Please check her U&E in 1 week.\nPlease restart ramipril once creatinine has returned to baseline.', '2026-06-03').map((a) => a.due), ['2026-06-10', '2026-06-10']);
});

test('round 13b: a referral that waits on the practice\'s own later check is no transfer', () => {
  assert.is(actionsIn('If proteinuria persists at the 8 week check, please refer her to the renal team.', '2026-06-03')[0].workloadTransfer, false);
});

test('round 13c (blind25-26): a numbered table under a GP heading; a letter to the patient by first name; "Note for the practice:"', () => {
  const rows = actionsIn('Dear Dr Khan\n\nACTIONS FOR GP\n| # | Action | When |\n|---|---|---|\n| 1 | Practice nurse to remove skin clips | 20/04/2026 |\n| 2 | Repeat FBC | in 2 weeks |\n', '2026-04-08');
  assert.equal(rows.map((a) => [a.text, a.due]), [['Practice nurse to remove skin clips', '2026-04-20'], ['Repeat FBC', '2026-04-22']]);
  const toPatient = 'Dear Leanne,\n\nYour GP will receive a copy of this letter.\n\nChanges to your tablets\n- Propranolol: you can stop the propranolol 40 mg three times a day.\n- If you are planning a pregnancy, please let us know first.\n\nNote for the practice: please code Graves\' disease.\n';
  assert.equal(texts(toPatient), ['please code Graves\' disease.']);
});

test('round 13c due: "today, or first thing tomorrow (23/04/2026) at the latest" is due at the latest', () => {
  assert.is(actionsIn('Please arrange an urgent repeat U&E today, or first thing tomorrow morning (23/04/2026) at the latest.', '2026-04-22')[0].due, '2026-04-23');
  assert.is(actionsIn('Please repeat her U&E within 2 weeks.', '2026-04-22')[0].due, '2026-05-06');
});

test.run();

// Practice actions, round 8: terse and indirect requests ("suggest a 2/52 trial", "would be grateful if
// practice could", "would suggest you", "Dr X would be happy for you to", "if you are able to", "he will
// need his … checking"), requests cut from the statement or lead-in before them (a dash, a colon), a
// letter to the patient that turns to the GP, second requests inside one sentence, and due dates and
// categories (an abbreviated discharge label, "now", "Monday 24th", "in April 2027", a TTO supply, an
// antibiotic course, "same appt", "until the level is below …").
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dueDate } from '../server/extract/due-date.ts';
import { narrativeDate } from '../server/extract/dates.ts';
import { categorise } from '../server/extract/action-category.ts';
import { workloadReason, letterContext } from '../server/extract/action-workload.ts';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

function actions(body: string, date = '2026-05-04'): ActionItem[] {
  return actionsIn(`Dear Dr Lindqvist\n\n${body}`, date);
}
const texts = (as: ActionItem[]) => as.map((a) => a.text);

test('terse and indirect request wordings are requests of the practice', () => {
  assert.is(actions('Chest wall pain. If the dyspepsia continues, suggest 2/52 trial of omeprazole.').length, 1);
  assert.is(actions('Would be grateful if practice could arrange a fasting glucose given his family history.').length, 1);
  assert.is(actions('His inhalers are not working; would suggest you review his step and consider a LAMA.').length, 1);
  assert.is(actions('If dizziness continues, Dr Amadi would be happy for you to reduce the doxazosin.').length, 1);
  assert.is(actions('She needs a housing support letter; if you are able to write this, it would help her greatly.').length, 1);
  assert.is(actions('We would appreciate it if the practice could repeat her ferritin in 3 months.').length, 1);
  assert.is(actions('I would be grateful for your help in arranging a bone density scan.').length, 1);
  assert.is(actions('May I suggest a trial of a topical NSAID.').length, 1);
  assert.is(actions('BP rv by GP in 2 wks.')[0].due, '2026-05-18');
  assert.is(actions('GP - kindly review his statin dose at his next visit.').length, 1);
  assert.is(actions('I would appreciate it if he could be reviewed by the practice nurse in a fortnight.')[0].category, 'follow-up');
  // near misses: the patient's own plan, and the hospital's
  assert.is(actions('I would be grateful for your advice on this.').length, 0);
  assert.is(actions('He kindly agreed to take part in our audit.').length, 0);
  assert.is(actions('She would be happy for us to contact her by text.').length, 0);
  assert.is(actions('I would suggest to her that she keeps a food diary.').length, 0);
  assert.is(actions('She is happy for you to share her results with her husband.').length, 0);
});

test('"he will need …" with no one else named is left to the practice', () => {
  const as = actions('His metformin is unchanged, but he will need his HbA1c checking at his next annual review.');
  assert.is(as.length, 1);
  assert.is(as[0].category, 'investigation');
  const alt = actions('She will need a different antihypertensive now that the diuretic has gone.');
  assert.is(alt.length, 1);
  assert.is(alt[0].category, 'medication');
  assert.is(actions('He should have his potassium rechecked within a week.')[0].due, '2026-05-11');
  assert.is(actions('She needs a repeat FBC in 2 weeks.')[0].category, 'investigation');
  // the hospital says who will do it (and a surveillance procedure is not a practice test)
  assert.is(actions('She should have a repeat colonoscopy in 3 years.').length, 0);
  assert.is(actions('He needs his U&Es checked tomorrow, which we will do on the ward.').length, 0);
  assert.is(actions('He will need his bloods checking in 3 months, which we will do in clinic.').length, 0);
  assert.is(actions('She will need her sutures removing at the fracture clinic.').length, 0);
});

test('a statement or lead-in before a request is not part of it', () => {
  // a finding, a dash, then the request (which names its own test)
  const dash = actions('GP actions:\n- Na 129 on the day of discharge (not rechecked) - please repeat U&E in 3 days');
  assert.equal(texts(dash), ['please repeat U&E in 3 days']);
  // (a request about the statement keeps it: "… - please update your records")
  assert.is(actions('A ReSPECT form was signed on 02/05/2026 - please update your records.')[0].text, 'A ReSPECT form was signed on 02/05/2026 - please update your records.');
  // "His sodium is low - I would be grateful if …": the clause with its own subject
  const own = actions('His sodium is a little low so I have not started the diuretic - I would be grateful if you could recheck his U&Es in 1 week.');
  assert.equal(texts(own), ['I would be grateful if you could recheck his U&Es in 1 week.']);
  // a lead-in ending in a colon announces the requests after it
  const colon = actions('There are two things I would be grateful if you could do: please could you check her B12 in 3 months, and review her sleep at 6 weeks.');
  assert.equal(texts(colon), ['please could you check her B12 in 3 months', 'review her sleep at 6 weeks.']);
});

test('a letter to the patient may turn to the GP it is copied to', () => {
  const body = 'Dear Mr Harlow\n\nIt was good to see you today. Please keep taking the tablets.\n\nDr Quinn - please could you add the diagnosis of gout to his problem list, and offer him a review in 4 weeks. His BP was 150/90 today: please could you recheck this.\n\nBest wishes';
  const as = actionsIn(body, '2026-05-04');
  assert.equal(texts(as), ['please could you add the diagnosis of gout to his problem list', 'offer him a review in 4 weeks.', 'His BP was 150/90 today: please could you recheck this.']);
  assert.is(as[1].due, '2026-06-01');
  // without the turn to the GP, a request in a letter to the patient is the patient's
  assert.is(actionsIn('Dear Mr Harlow\n\nPlease could you bring your inhalers to the next appointment.\n', '2026-05-04').length, 0);
});

test('second requests inside one sentence', () => {
  // a test added to the visit asked for, timed by that visit
  const visit = actions('He has gone home on doxycycline 100 mg daily for 7 days.\n\nCould the practice see him at the end of the antibiotic course, with a repeat CRP at that visit, and refer him back to us if it has not fallen.');
  assert.equal(texts(visit).length, 3);
  assert.equal(visit.map((a) => a.due), ['2026-05-11', '2026-05-11', '2026-05-11']);
  // a second object with a reason of its own, at the same time as the first
  const two = actions('Please recheck his potassium in one week, and his BP, as he may need his ramipril reduced.');
  assert.equal(texts(two), ['Please recheck his potassium in one week', 'his BP, as he may need his ramipril reduced.']);
  assert.equal(two.map((a) => [a.category, a.due]), [['investigation', '2026-05-11'], ['investigation', '2026-05-11']]);
  // a verb left out after "will need"
  const need = actions('She will need an alternative analgesic now that the NSAID has stopped - and her renal function checked in a fortnight.');
  assert.is(need.length, 2);
  assert.is(need[1].due, '2026-05-18');
  // a monitoring schedule, then what to change when a result crosses a line
  const sched = actions('Please monitor his U&E every 3 months and reduce the dose if the eGFR falls below 30.');
  assert.is(sched.length, 2);
  assert.is(sched[1].category, 'medication');
  // in a GP list, a target and then the step to take on it
  const aim = actions('GP actions:\n- Repeat HbA1c at 3 months; aim for below 53 - add a gliptin if not at target.');
  assert.equal(texts(aim), ['Repeat HbA1c at 3 months', 'add a gliptin if not at target.']);
  assert.is(aim[1].due, '2026-08-04');
  // a different kind of work after ", and": its own request ("…, and offer her a follow-up call that week" after a call is one)
  assert.is(actions('Please code the new diagnosis on her record, and offer her an appointment in 2 weeks.').length, 2);
  assert.is(actions('Please telephone her on Monday to review her mood, and offer her a face-to-face appointment that week.').length, 1);
});

test('bare schedules of tests after a monitoring request are more of it', () => {
  const as = actions('Follow-up\n- Outpatient review in 6 weeks.\n- Please check her valproate level every 6 months.\n- LFTs and FBC every 6 months.\n- She has been told not to drive.');
  assert.equal(texts(as), ['Please check her valproate level every 6 months.', 'LFTs and FBC every 6 months.']);
  // a test schedule that follows a hospital item is not
  assert.is(actions('Follow-up\n- Outpatient review in 6 weeks.\n- LFTs and FBC every 6 months.').length, 0);
});

test('what the hospital labels as its own follow-up, and notices that ask nothing', () => {
  assert.is(actions('Requests for GP:\n- Please check his BP in 2 weeks.\n\nHospital follow-up: physiotherapy review in 6 weeks.').length, 1);
  assert.is(actions('[Generated by ClinicNote - please do not reply to this mailbox]').length, 0);
  // "please note in records" is a request
  assert.is(actions('Her daughter holds lasting power of attorney (document seen, please note in records).')[0].category, 'admin');
});

test('due dates: abbreviated labels, "now", a weekday with a day, a month with a year, supplies and courses', () => {
  assert.is(narrativeDate('Adm 02/05/2026  Disch 06/05/2026\n\nPls repeat U&E in 1/52'), '2026-05-06');
  assert.is(dueDate('please stop the aspirin now so that it is not issued again', '2026-05-04'), '2026-05-04');
  assert.is(dueDate('check it at 3 months and adjust then rather than now', '2026-05-04'), '2026-08-04');
  assert.is(dueDate('he is now on the higher dose', '2026-05-04'), null);
  assert.is(dueDate('please review him; he is much better now.', '2026-05-04'), null);
  assert.is(dueDate('please continue the apixaban started in May 2026', '2026-05-04'), null);
  assert.is(dueDate('please prescribe the new patches by Thursday 14th', '2026-05-04'), '2026-05-14');
  assert.is(dueDate('repeat the scan (first due in March 2027)', '2026-05-04', { recurring: true }), '2027-03-31');
  assert.is(dueDate('continue sertraline after the 28-day TTO supply', '2026-05-04'), '2026-06-01');
  assert.is(dueDate('if the cough persists, suggest 2/52 trial of a PPI', '2026-05-04'), null);
  assert.is(dueDate('please start bone protection given a likely steroid duration of over 3 months', '2026-05-04'), null);
  // "at the same appt" as the bloods (not the X-ray in between)
  const as = actions('GP to do:\n- Pls repeat U&E in 1/52 and restart ramipril if renal fn ok\n- CXR in 6/52\n- Pls check BP at same appt');
  assert.equal(as.map((a) => a.due), ['2026-05-11', '2026-05-11', '2026-06-15', '2026-05-11']);
  // a titration that goes on until a result: its first step waits on the first check
  const t = actions('Please check his urate in 4 weeks and increase the allopurinol by 100 mg every 4 weeks until the urate is below 300.');
  assert.equal(t.map((a) => a.due), ['2026-06-01', '2026-06-01']);
});

test('categories: vaccinations, reviews of a medicine, the record, a referral the patient wants', () => {
  assert.is(categorise('She should have a shingles vaccination before the biologic - could the practice arrange this please.'), 'medication');
  assert.is(categorise('I would be grateful if you could review whether she still needs it'), 'medication');
  assert.is(categorise('please could you discuss a switch to a progestogen-only pill at her next review'), 'medication');
  assert.is(categorise('would suggest you review his step and consider MART'), 'medication');
  assert.is(categorise('please update her medication record with the new doses'), 'admin');
  assert.is(categorise('If he is no better in 6 months he would like to be referred to the pain clinic'), 'referral');
  assert.is(categorise('and his weight, as he may need his insulin reduced'), 'investigation');
  // the paragraph before says what "take this forward" is
  const as = actions('He takes diazepam most nights. I would suggest this is tapered and stopped; I have told him, but I would be grateful if you would take this forward over the next month.');
  assert.is(as[0].category, 'medication');
});

test('transfers: back to another team\'s service after the episode, and a referral the patient asks for', () => {
  const ctx = letterContext('Discharge summary.');
  assert.ok(workloadReason('If he is still confused at 3 months, please re-refer to the memory assessment service.', 'referral', ctx));
  assert.not.ok(workloadReason('If it has not settled, please re-refer him to us.', 'referral', ctx));
  assert.not.ok(workloadReason('If she is not pregnant in a year, she would like to be referred to the fertility clinic.', 'referral', ctx));
});

test.run();

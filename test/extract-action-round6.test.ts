// Practice actions, round 6: lead-ins wrapped across lines, a timed test followed by ongoing
// management of a medicine, reminders and recalls that take their object from the sentence before,
// transfers the letter itself explains, due dates restated or counted back from a date, and
// requests the patient will book.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dueDate } from '../server/extract/due-date.ts';
import { narrativeDate } from '../server/extract/dates.ts';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

function actions(body: string, date = '2026-04-01'): ActionItem[] {
  return actionsIn(`Dear Dr Okafor\n\n${body}`, date);
}

test('a request lead-in wrapped over two lines opens a list and is not a request itself', () => {
  const as = actions('Her diabetes is poorly controlled, and I would be grateful if\nyou could:\n- check her HbA1c in 3 months;\n- review her statin dose;\n- continue to prescribe the timolol eye drops.\n\nWe will see her again in a year.');
  assert.equal(as.map((a) => a.category), ['investigation', 'medication', 'medication']);
  assert.ok(!as.some((a) => /grateful/i.test(a.text)));
  assert.is(as[0].due, '2026-07-01');
});

test('a request lead-in with no colon, the list straight below it, opens the list', () => {
  const as = actions('I would be grateful if you could\n1. check his lipids in 3 months\n2. review his antihypertensives\n\nYours sincerely');
  assert.equal(as.map((a) => a.category), ['investigation', 'medication']);
});

test('a timed blood test and then ongoing management of a medicine are two requests', () => {
  const as = actions('Please check his renal function in 10 days after starting lisinopril and uptitrate lisinopril as tolerated, aiming for 20 mg daily.');
  assert.is(as.length, 2);
  assert.equal([as[0].category, as[1].category], ['investigation', 'medication']);
  assert.is(as[0].due, '2026-04-11');
  const fe = actions('Please check his FBC in 6 weeks and continue the ferrous sulfate for 3 months if his haemoglobin has not normalised.');
  assert.is(fe.length, 2);
  // the continuation waits on that FBC
  assert.is(fe[1].due, '2026-05-13');
  // a BP check and treating to it stay one
  assert.is(actions('Please check her blood pressure in 2 weeks and increase the losartan to 50 mg if above 140/90.').length, 1);
});

test('a timed blood test and a medicine step that waits on its result are two requests', () => {
  const as = actions('Please recheck her U&Es in 1 week and restart ramipril 2.5 mg if her eGFR is above 50.');
  assert.equal(as.map((a) => a.category), ['investigation', 'medication']);
  // the restart is due when the test is
  assert.is(as[1].due, '2026-04-08');
});

test('"and then" before a second step splits it off; a "stable" result is a condition', () => {
  const as = actions('Please check his urate in 2 weeks and then start allopurinol 100 mg daily.');
  assert.equal(as.map((a) => a.category), ['investigation', 'medication']);
  assert.equal(actions('Please add gout to his problem list and then start colchicine 500 micrograms BD.').map((a) => a.category), ['admin', 'medication']);
  const st = actions('Please check U&Es 1 week after starting the lisinopril and increase lisinopril to 10 mg if the creatinine is stable.');
  assert.is(st.length, 2);
  assert.is(st[1].due, '2026-04-08');
});

test('a prescription and a one-off test are two requests; a monitoring schedule for that medicine is not', () => {
  assert.equal(actions('Please could you prescribe colecalciferol 800 units daily and check her bone profile.').map((a) => a.category), ['medication', 'investigation']);
  assert.is(actions('Please continue to prescribe calcitriol after the first month and check her calcium every 3 months.').length, 1);
});

test('how much to issue at a time belongs to the prescribing asked just before', () => {
  const as = actions('Please continue the oxycodone taper: 10 mg BD until 20/04/2026, then 5 mg BD, then stop. Please prescribe in weekly supplies, with the aim that he is off opioids by the end of May.');
  assert.is(as.length, 1);
  assert.match(as[0].evidence.quote, /weekly supplies/);
});

test('a request that waits on something happening to the patient has no due date', () => {
  const [a] = actions('If he contacts the practice with a fever, please arrange an urgent FBC the same day.');
  assert.is(a.due, null);
  const [b] = actions('If she develops a rash in the next 2 weeks, please stop the lamotrigine.');
  assert.is(b.due, null);
});

test('a time after "the dose increase" counts from when that increase is due', () => {
  const as = actions('Please increase the losartan to 50 mg after 2 weeks if tolerated, and please check her U&Es 10 days after the dose increase.');
  assert.is(as.length, 2);
  assert.is(as[0].due, '2026-04-15');
  assert.is(as[1].due, '2026-04-25');
  // a change made in clinic to another medicine counts from the letter
  const other = actions('Could you please:\n1. Increase the dapagliflozin to 10 mg after 4 weeks.\n2. Check U&Es 2/52 after the lisinopril increase.');
  assert.is(other[1].due, '2026-04-15');
});

test('a result "no higher than" before is a condition the request waits on', () => {
  const as = actions('GP actions:\n1. Please check U&Es on 14/04/2026.\n2. Restart gliclazide 40 mg if the creatinine is no higher than at discharge.');
  assert.is(as.length, 2);
  assert.is(as[1].due, '2026-04-14');
});

test('a recall or reminder with no object takes what the statement before says is needed', () => {
  const [a, ...rest] = actions('As she had thyroid surgery, she needs TFTs every 6 months, then annually; please add her to the practice recall.');
  assert.is(rest.length, 0);
  assert.is(a.category, 'investigation');
  assert.match(a.evidence.quote, /^As she had thyroid surgery/);
  const list = actions('Actions for GP:\n- Clopidogrel should be stopped after 6 months (on 01/10/2026).\n  Please set a reminder.\n- Please check her lipids in 3 months.');
  assert.is(list.length, 2);
  assert.is(list[0].category, 'medication');
  assert.is(list[0].due, '2026-10-01');
  assert.match(list[0].evidence.quote, /Please set a reminder\.$/);
  const [b12] = actions('He will need hydroxocobalamin injections every 12 weeks. Please diarise this.');
  assert.is(b12.category, 'medication');
  assert.match(b12.evidence.quote, /^He will need/);
  // with nothing before it, the reminder is kept as it is
  assert.is(actions('Please add her to the practice recall.').length, 1);
});

test('a register entry and a vaccination are two requests; a register and the review it is for are one', () => {
  const two = actions('Please add her to the practice COPD register and invite her for the pneumococcal vaccine.');
  assert.equal(two.map((a) => a.category), ['admin', 'medication']);
  assert.is(actions('Please add him to the learning disability register and invite him for his annual health check.').length, 1);
});

test('work the letter says is the hospital\'s own, asked of the practice, is a workload transfer', () => {
  const [a] = actions('Plan:\n- Unfortunately our osteoporosis service is currently not accepting new referrals. I would be grateful if you could arrange a bone density scan.');
  assert.is(a.workloadTransfer, true);
  const [b] = actions('Plan:\n- Under our protocol, azathioprine monitoring remains with the hospital for the first 3 months. However, as he lives far away, please could you take his FBC and LFTs every 2 weeks.');
  assert.is(b.workloadTransfer, true);
  const [c] = actions('Plan:\n- She has had a fragility fracture. I would be grateful if you could arrange a bone density scan.');
  assert.is(c.workloadTransfer, false);
  const [e] = actions('Plan:\n- Our pharmacy cannot supply amlodipine oral solution at present, so please could you prescribe it from next week.');
  assert.is(e.workloadTransfer, true);
  // what the hospital could not do earlier in a long paragraph is not about this request
  const [d] = actions('We were unable to obtain a urine sample on the ward. Her pain settled with simple analgesia. She was discharged home with her daughter. Please check her blood pressure in 2 weeks.');
  assert.is(d.workloadTransfer, false);
});

test('checking a histology result is acting on a test the hospital took', () => {
  const [a] = actions('Please could you check the skin biopsy histology in 4 weeks and let her know the result.');
  assert.is(a.workloadTransfer, true);
});

test('a baseline test for a treatment the hospital is starting is a workload transfer', () => {
  const [a] = actions('He needs a baseline eye examination and ECG now that he is starting hydroxychloroquine; please could you arrange this in the next 2 weeks.');
  assert.is(a.category, 'investigation');
  assert.is(a.workloadTransfer, true);
});

test('a request the patient will book is not a practice task', () => {
  assert.is(actions('Plan:\n- Stitches to be removed by the practice nurse in 7 days. She will book this.\n- Please prescribe a barrier cream.').length, 1);
  assert.is(actions('Plan:\n- Stitches to be removed by the practice nurse in 7 days.').length, 1);
  assert.is(actions('Plan:\n- Please see him in 2 weeks to check the wound. He will book this.').length, 1);
});

test('category: a medicine that "can be stopped", advice sought from an on-call specialist', () => {
  const [a] = actions('Actions for GP:\n1. Once his iron stores are replete, the iron can be stopped.');
  assert.is(a.category, 'medication');
  const [b] = actions('If her platelets are below 50, please discuss with the on-call haematology registrar the same day.');
  assert.is(b.category, 'other');
  const [c] = actions('Please invite him for the annual influenza vaccine.');
  assert.is(c.category, 'medication');
  const [d] = actions('Please discuss and arrange effective contraception, as the new medicine is teratogenic.');
  assert.is(d.category, 'medication');
  const [e] = actions('Please arrange a contraception review in 4 weeks.');
  assert.is(e.category, 'follow-up');
});

test('due: a restatement after "i.e.", a time counted back from a date, "from N months\' time"', () => {
  assert.is(dueDate('check her U&Es 2 weeks after the dose increase, i.e. in 6/52', '2026-04-01'), '2026-05-13');
  assert.is(dueDate('please take his bloods a week before his next clinic appointment, which is on 10/06/2026', '2026-04-01'), '2026-06-03');
  assert.is(dueDate('check TFTs 2 weeks prior to the appointment on 20/05/2026', '2026-04-01'), '2026-05-06');
  assert.is(dueDate('take over the annual review from 12 months\' time', '2026-04-01'), '2027-04-01');
  // a date with no interval before it is the date itself
  assert.is(dueDate('check his ferritin before his next clinic appointment on 15/09/2026', '2026-04-01'), '2026-09-15');
  assert.is(dueDate('she has had the rash from 2 weeks ago', '2026-04-01'), null);
});

test('letter date: a report\'s authorised or issued date, an ED departure', () => {
  assert.is(narrativeDate('Sample collected:   02/06/2026        Report authorised: 09/06/2026\nResults'), '2026-06-09');
  assert.is(narrativeDate('Date of test:    19/02/2026\nReport issued:   23/02/2026\n'), '2026-02-23');
  assert.is(narrativeDate('DOB: 08/06/1988\nArrival:        17/03/2026 19:42     Departure: 18/03/2026 02:10\n'), '2026-03-18');
});

test.run();

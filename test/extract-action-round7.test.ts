// Practice actions, round 7: the date requests count from (the clinic a typed letter calls
// "today"), ranges without a first number, ends of months with a year, the first step of a schedule,
// days named by pointing back, courses and supplies that end, requests timed by another request,
// categories of reviews, referrals and records, and transfers that depend on what the letter says
// before the request.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findActions } from '../server/extract/actions.ts';
import { dueDate } from '../server/extract/due-date.ts';
import { countFrom } from '../server/extract/dates.ts';
import { categorise } from '../server/extract/action-category.ts';
import { workloadReason, letterContext } from '../server/extract/action-workload.ts';
import { sentences } from '../server/extract/action-sentences.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

const ctx = {} as Parameters<typeof findActions>[1];
function actions(body: string, date = '2026-04-01', head = ''): ActionItem[] {
  return actionsIn(`${head}Dear Dr Okafor\n\n${body}`, date);
}

test('a typed letter that calls the clinic "today" counts from the clinic', () => {
  const head = 'Clinic date: 06/03/2026\nTyped: 10/03/2026\n\n';
  assert.is(countFrom(`${head}I saw him in clinic today. Please check his U&Es in 2 weeks.`, '2026-03-10'), '2026-03-06');
  // a dictation date stands in for an unlabelled clinic
  assert.is(countFrom('Dictated: 02/03/2026   Typed: 05/03/2026\n\nI have made these changes today.', '2026-03-05'), '2026-03-02');
  // the visit told in the prose of a typed letter
  assert.is(countFrom('Date typed: 12/03/2026\n\nI reviewed her in the foot clinic on 9th March. On examination today the ulcer has healed.', '2026-03-12'), '2026-03-09');
  // several visits on one line: the last
  assert.is(countFrom('Date typed: 12/03/2026\nSeen: 08/03/2026 (first visit) and 10/03/2026 (review)\n\nStarted today.', '2026-03-12'), '2026-03-10');
  const as = actions('I saw him in clinic today. Please check his U&Es in 2 weeks.', '2026-03-10', head);
  assert.is(as[0].due, '2026-03-20');
});

test('the letter date stands where nothing counts from the clinic', () => {
  // no "today": the letter's own date
  assert.is(countFrom('Clinic date: 06/03/2026\nTyped: 10/03/2026\n\nPlease check his U&Es in 2 weeks.', '2026-03-10'), '2026-03-10');
  // a plainly dated letter is written on its date
  assert.is(countFrom('Date: 10/03/2026\nSeen in clinic: 06/03/2026\n\nHe stopped aspirin today.', '2026-03-10'), '2026-03-10');
  // a discharge letter counts from the discharge
  assert.is(countFrom('Admitted: 01/03/2026\nDate of discharge: 10/03/2026\nSeen: 02/03/2026\n\nReferral made today.', '2026-03-10'), '2026-03-10');
  // a visit long before the letter is history
  assert.is(countFrom('Clinic date: 06/01/2026\nTyped: 10/03/2026\n\nStarted today.', '2026-03-10'), '2026-03-10');
});

test('ranges with no first number, months with a year, and mid-month are due at their end or middle', () => {
  assert.is(dueDate('please see her in the next week or two', '2026-04-01'), '2026-04-15');
  assert.is(dueDate('review within a month or so', '2026-04-01'), '2026-05-01');
  assert.is(dueDate('take over monitoring from around the end of September 2026', '2026-04-01'), '2026-09-30');
  assert.is(dueDate('bloods due mid-June', '2026-04-01'), '2026-06-15');
  assert.is(dueDate('check it from mid-January', '2026-10-01'), '2027-01-15');
});

test('the first step of a schedule says when the request is due', () => {
  assert.is(dueDate('check lithium level every 3 months; first check due mid-May', '2026-04-01', { recurring: true }), '2026-05-15');
  assert.is(dueDate('FBC and LFTs fortnightly. First bloods due in 10 days.', '2026-04-01', { recurring: true }), '2026-04-11');
  // a schedule that starts later does not count its interval from the letter
  assert.is(dueDate('take over lithium monitoring (level every 3 months) from around the end of November 2026', '2026-04-01', { recurring: true }), '2026-11-30');
  const as = actions('GP actions\n- Azathioprine monitoring: FBC and LFTs every 2 weeks until the dose has been stable for 8 weeks, then monthly. First bloods due in 1 week.');
  assert.is(as.length, 1);
  assert.is(as[0].category, 'investigation');
  assert.is(as[0].due, '2026-04-08');
});

test('a supply the request runs past is due when it ends', () => {
  assert.is(dueDate('Please continue apixaban beyond the 28 days supplied.', '2026-04-01'), '2026-04-29');
  assert.is(dueDate('Please continue it after her 14-day hospital supply.', '2026-04-01'), '2026-04-15');
  assert.is(dueDate('Ramipril started (14 days supplied).', '2026-04-01'), null);
});

test('a day named by pointing back is the date said before it', () => {
  const as = actions('The community nurses will review the leg on 08/04/2026. Please could you telephone her that afternoon and, if it is improving, stop the flucloxacillin.');
  assert.is(as[0].due, '2026-04-08');
  const same = actions('We have agreed to restart his warfarin on 15th April 2026. Please could you check his INR on the same day.');
  assert.is(same[0].due, '2026-04-15');
});

test('a request waiting on a course or supply is due when the letter says it ends', () => {
  const as = actions('Medicines:\n  Ferrous sulfate 200 mg twice daily for 6 weeks - started 25/03/2026\n\nGP actions\n- When the ferrous sulfate course finishes, please check her FBC.');
  assert.is(as.find((a) => /course finishes/.test(a.text))?.due, '2026-05-06');
  const sup = actions('Medicines on discharge\n- Lansoprazole 30 mg daily (hospital prescription for 2 weeks)\n\nGP actions\n- Please continue lansoprazole 30 mg daily after the hospital supply runs out.');
  assert.is(sup.find((a) => /runs out/.test(a.text))?.due, '2026-04-15');
});

test('a request timed by another one takes its date', () => {
  const as = actions('Requests\n1. GP - please review her mood at her postnatal check on 20/05/2026.\n2. GP - please arrange a glucose tolerance test 12 weeks after delivery, i.e. around 10/06/2026.\n3. GP - please check her ferritin at the same time as the postnatal check.');
  assert.is(as[2].due, '2026-05-20');
  assert.is(as[2].category, 'investigation');
  const inc = actions('GP actions\n1. Please continue memantine 5 mg daily for the first 4 weeks, and increase it to 10 mg daily at 4 weeks if tolerated. Please check her pulse before the dose increase.');
  assert.is(inc.length, 2);
  assert.is(inc[1].due, inc[0].due);
  assert.is(inc[0].due, '2026-04-29');
});

test('a list item addressed to the GP carries its later sentences to the GP', () => {
  const as = actions('Plan\n1. GP - please review her BP at the six-week check.\n   If her BP is below 120/80 the nifedipine can be stopped.\n2. Midwife to check her wound tomorrow.');
  assert.is(as.length, 2);
  assert.ok(/nifedipine can be stopped/.test(as[1].text));
});

test('a letter to the patient with a section for the GP', () => {
  const letter = { ...letterFromText('Dear Mrs Lowe\n\nThings for you to do\n- Please drink plenty of fluids.\n\nFor your GP (Dr Shah)\n- Please take over prescribing of the hydroxychloroquine.\n- Please add psoriatic arthritis to her problem list.'), date: '2026-04-01' };
  const as = findActions(letter, ctx);
  assert.equal(as.map((a) => a.category), ['medication', 'admin']);
});

test('a topic label and a statement about the patient are not a request', () => {
  const as = actions('GP actions\n- Fit note: Mr Dale works as a bricklayer; please provide a fit note for 4 weeks from discharge.');
  assert.is(as.length, 1);
  assert.ok(/please provide/.test(as[0].text));
});

test('a bare "please review" on a medicines line asks about that line', () => {
  const as = actions('Changes to medicines:\n  Morphine sulfate 5 mg up to 4-hourly PRN, 50 ml supplied - started, please review\n  Senna 15 mg at night - started\n\nYours sincerely');
  assert.is(as.length, 1);
  assert.is(as[0].category, 'medication');
  assert.ok(!/Senna/.test(as[0].text));
  assert.is(sentences('  Amlodipine 5 mg daily - started\n  Doxazosin 4 mg daily - stopped').length, 2);
});

test('requests whose object is named in the clause before them', () => {
  const as = actions('For migraine prevention I would suggest propranolol 40 mg twice daily; I would be grateful if you could start this.');
  assert.is(as.length, 1);
  assert.is(as[0].category, 'medication');
  const rec = actions('A ReSPECT form was completed with him on 20/03/2026; please record it.');
  assert.is(rec.length, 1);
  assert.ok(/ReSPECT/.test(rec[0].text));
  assert.is(categorise('he would like a referral to the local tier 3 weight management service, which I would be grateful if you could make.'), 'referral');
});

test('splitting: the same medicine, a switch to monotherapy, and a reassessment', () => {
  assert.is(actions('Please stop the prasugrel on 01/05/2026, and continue aspirin 75 mg lifelong.').length, 1);
  assert.is(actions('Please remove naproxen from his repeat list and add it to his record as a drug to avoid.').length, 1);
  const two = actions('GP actions\n- Review adherence at 1 year, and reassess the need for treatment with a repeat DXA after 3 years of risedronate.');
  assert.is(two.length, 2);
  assert.equal(two.map((a) => a.category), ['follow-up', 'investigation']);
  assert.is(two[1].due, '2029-04-01');
  const adj = actions('GP actions:\n1) Please review in 2 weeks and weigh him; adjust bumetanide if weight increasing.');
  assert.is(adj.length, 2);
  assert.is(adj[1].due, adj[0].due);
});

test('categories of reviews, checks, vaccines, agents and specialist advice', () => {
  assert.is(categorise('Please check his inhaler technique in 6 weeks.'), 'follow-up');
  assert.is(categorise('Could your practice nurse recheck her inhaler technique in 2 weeks.'), 'follow-up');
  assert.is(categorise('Please ensure her shingles and pneumococcal vaccinations are up to date.'), 'medication');
  assert.is(categorise('If the infections recur, please consider an alternative prophylactic agent.'), 'medication');
  assert.is(categorise('GP - please review BP and amlodipine at her postnatal check.'), 'follow-up');
  assert.is(categorise('please repeat her Hb at the same time as the postnatal check.'), 'investigation');
  assert.is(categorise('Thereafter we would ask the practice to take over lithium monitoring (levels every 3 months).'), 'investigation');
  assert.is(categorise('add him to your severe mental illness register for an annual physical health check'), 'admin');
  assert.is(categorise('Please carry out his annual SMI health check (weight, BP, lipids).'), 'investigation');
  assert.is(categorise('Please review him on Friday with a repeat U&E.'), 'follow-up');
  assert.is(categorise('please contact the on-call haematology registrar before restarting.'), 'other');
  assert.is(categorise('please contact her on that day to make sure that she restarts it'), 'medication');
  assert.is(categorise('if any persist, please send them back to us'), 'referral');
  assert.is(categorise('I would like the practice to prescribe fluticasone nasal spray twice daily.'), 'medication');
});

test('workload transfer: teams, primary-care services and shared care', () => {
  const none = letterContext('');
  // back to the team that wrote is not an onward referral; another named team is
  assert.is(workloadReason('if any persist, please send them back to us', 'referral', none), undefined);
  assert.ok(workloadReason('Please refer her back to the rheumatology team to review her joints.', 'referral', none));
  // a dentist, and pulmonary rehabilitation for stable COPD, are the practice's own routes
  assert.is(workloadReason('Please refer for a dental check before the bisphosphonate.', 'referral', none), undefined);
  assert.is(workloadReason('Refer him to pulmonary rehabilitation.', 'referral', none), undefined);
  assert.ok(workloadReason('Please refer her to pulmonary rehabilitation once she has recovered from this exacerbation.', 'referral', none));
  // monitoring a shared-care medicine under the agreement the letter hands over
  const sc = letterContext('Please take over prescribing of methotrexate under the shared care agreement (attached).');
  assert.is(workloadReason('Methotrexate monitoring: FBC, U&E and LFTs every 2 weeks.', 'investigation', sc), undefined);
  // a request about "it" is read with what the words before it name
  const as = actions('His urine cytology has been sent and the result will go to you; I would be grateful if you could check it and re-refer if it is abnormal.');
  assert.ok(as[0].workloadTransfer);
});

test.run();

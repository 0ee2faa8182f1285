// Practice actions, round 2: what is and is not a request, where one sentence holds one or two
// requests, the category, due date and workload-transfer flag read with the sentence before.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { categorise } from '../server/extract/action-category.ts';
import { dueDate } from '../server/extract/due-date.ts';
import { narrativeDate } from '../server/extract/dates.ts';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

function actions(body: string, date = '2026-03-03'): ActionItem[] {
  return actionsIn(`Dear Dr Shah\n\n${body}`, date);
}
const texts = (as: ActionItem[]) => as.map((a) => a.text);

test('negative statements about the practice are not requests', () => {
  assert.equal(texts(actions('Paliperidone depot 100 mg every 4 weeks - NEW. Given at the CMHT clinic; not to be prescribed by the practice.')), []);
  assert.equal(texts(actions('If her joints are no better, we will consider a biologic, which would be supplied by our homecare team, so there is nothing for the practice to do other than record it.')), []);
  // (the positive wording still is one)
  assert.equal(texts(actions('His next B12 injection needs to be given by the practice nurse in 3 months.')).length, 1);
});

test('"please note … and add …" asks for what follows the note', () => {
  const as = actions('Please note the MARAC referral and add an alert to the records of her son, who is registered with your practice.');
  assert.equal(as.length, 1);
  assert.is(as[0].category, 'admin');
  assert.equal(texts(actions('Please note that he has been given a two-week supply.')), []);
});

test('"one" takes its object from the sentence before: a fit note', () => {
  const as = actions('He is a plasterer and will not be fit for work for three weeks. We could not give him a fit note on the ward, so please could you issue one covering his stay from 24/02/2026 and the three weeks after discharge.', '2026-03-03');
  assert.is(as.length, 1);
  assert.is(as[0].category, 'certificate');
  assert.is(as[0].workloadTransfer, true);
  // the weeks it covers are not when it is wanted
  assert.is(as[0].due, null);
  const list = actions('ACTIONS FOR GP\n1. She did not receive a fit note before she left. Please could you provide her with one for the admission and a further 2 weeks from discharge.');
  assert.is(list[0].category, 'certificate');
  assert.is(list[0].due, null);
  // a start date still to come does time it
  assert.is(actions('Please issue a further fit note from 20/04/2026.', '2026-03-03')[0].due, '2026-04-20');
});

test('"GP pls prescribe." takes the plan item it follows', () => {
  const as = actions('Plan:\n- Start ramipril 2.5 mg OD - indicated for his proteinuria (ACR 45).\n  GP pls prescribe.\n- Repeat ACR in 3/12 - we will book.');
  assert.equal(texts(as), ['Start ramipril 2.5 mg OD - indicated for his proteinuria (ACR 45). GP pls prescribe.']);
  assert.is(as[0].category, 'medication');
});

test('a second request after ", and please …" or ", and consider …" is its own', () => {
  assert.equal(texts(actions('Please add a penicillin allergy alert to her notes, and please consider a trial of amitriptyline for the neuropathic pain.')),
    ['Please add a penicillin allergy alert to her notes', 'please consider a trial of amitriptyline for the neuropathic pain.']);
  assert.equal(texts(actions('I would be grateful if you could check her calcium in 3 weeks\' time, and please could you reduce the prednisolone by 5 mg a week once her symptoms settle.')).length, 2);
  assert.equal(texts(actions('Please assess his fracture risk (FRAX) and arrange a DXA scan if indicated, and consider bone protection.')),
    ['Please assess his fracture risk (FRAX) and arrange a DXA scan if indicated', 'consider bone protection.']);
  assert.equal(texts(actions('Please add him to your palliative care register, and share his DNACPR form with the ambulance service.')).length, 2);
  assert.equal(texts(actions('Please continue his inhalers and consider referring him to pulmonary rehabilitation.')),
    ['Please continue his inhalers', 'consider referring him to pulmonary rehabilitation.']);
});

test('one request where the second step belongs to the first', () => {
  // a condition opening the sentence governs both steps
  assert.equal(actions('If the eGFR is above 45, please restart his lisinopril 10 mg OD and empagliflozin, and stop the linagliptin.').length, 1);
  // the next step of the same medicine
  assert.equal(actions('Please prescribe liraglutide 0.6 mg once daily from 31/03/2026, after the starter supply, and consider increasing to 1.2 mg after a further week if tolerated.').length, 1);
  // what to share depends on the first step
  assert.equal(actions('Please also consider whether there are any safeguarding concerns known to the practice, and share these with the school nursing team if so.').length, 1);
  // a thought for the review just asked for
  assert.equal(actions('Please review her mood in 2-3 weeks and consider referral to NHS Talking Therapies.').length, 1);
  // the call is how the referral is made
  const call = actions('Please contact Mrs Green today and refer her to the surgical assessment unit.', '2026-03-03');
  assert.is(call.length, 1);
  assert.is(call[0].category, 'follow-up');
  assert.is(call[0].due, '2026-03-03');
  // the chart is the paperwork of the same prescription
  const chart = actions('Please prescribe his end-of-life medicines and complete the community drug chart by Friday 6th March.', '2026-03-03');
  assert.is(chart.length, 1);
  assert.is(chart[0].due, '2026-03-06');
});

test('a threshold without a comma after a semicolon is the next request', () => {
  const as = actions('Plan:\n7. GP - please recheck BP in 4 weeks; if >140/90 add amlodipine 5 mg OD and titrate.', '2026-03-03');
  assert.equal(texts(as), ['GP - please recheck BP in 4 weeks', 'if >140/90 add amlodipine 5 mg OD and titrate.']);
  assert.is(as[1].due, '2026-03-31');
});

test('a noun item that says it was not done is a statement', () => {
  const as = actions('ACTIONS FOR GP\n2. Fit note: not issued on discharge. He is a builder and will not be fit for work for 3 weeks. Please could the GP issue a fit note for 3 weeks.');
  assert.equal(texts(as), ['Please could the GP issue a fit note for 3 weeks.']);
});

test('"at the same appointment as the bloods" takes the blood test\'s date', () => {
  const as = actions('Please check U&Es and bone profile in 2 weeks. Once the vitamin D loading course is complete at 6/52, please start alendronic acid 70 mg once weekly, provided her calcium is normal. Please review her weight and ankle swelling at the same appointment as the bloods. If she is fluid overloaded, please increase furosemide back to 40 mg OM.', '2026-02-27');
  assert.equal(as.map((a) => a.due), ['2026-03-13', '2026-04-10', '2026-03-13', '2026-03-13']);
});

test('a condition on the pulse does not wait on a blood test', () => {
  const as = actions('I would be grateful if the practice could check her thyroid function in 4 weeks\' time, and please could you reduce the propranolol and then stop it once her pulse is below 80.', '2026-03-03');
  assert.equal(as.map((a) => a.due), ['2026-03-31', null]);
});

test('categories: a vaccine given "at the same visit", taking over a medicine, cognitive screens, medication reviews, chasing', () => {
  assert.is(categorise('He has not had his shingles vaccine; please could the practice nurse give this at the same visit.'), 'medication');
  assert.is(categorise('Please take over the denosumab injections once the first course finishes.'), 'medication');
  assert.is(categorise('Please take over his monitoring.'), 'investigation');
  assert.is(categorise('Please repeat a cognitive screen at his review in 6 months.'), 'follow-up');
  assert.is(categorise('Please could the practice pharmacist carry out a structured medication review in 3 months.'), 'medication');
  assert.is(categorise('Please could the practice nurse remove the sutures on day 10.'), 'follow-up');
  assert.is(categorise('Please could you chase the MRI report and refer under the suspected cancer pathway if it shows a mass.'), 'investigation');
  assert.is(categorise('Please review the result when available and refer him to hepatology if it shows fibrosis.'), 'referral');
});

test('workload transfer: chasing, re-referral after a missed appointment, acting on the hospital\'s results', () => {
  const chase = actions('Please could you chase the MRI report and refer under the suspected cancer pathway if it shows a mass.');
  assert.is(chase[0].workloadTransfer, true);
  const dna = actions('Mr Brown did not attend his appointment in the diabetes clinic on 3rd February. We would ask that you contact Mr Brown and, if he is willing to attend, re-refer him to the diabetes clinic.');
  assert.is(dna[0].category, 'referral');
  assert.is(dna[0].workloadTransfer, true);
  const back = actions('Biopsies were taken from the Barrett\'s segment. GP: please chase histology in 3 weeks. If any dysplasia is reported, please refer back to the upper GI team urgently.');
  assert.equal(back.map((a) => a.workloadTransfer), [true, true]);
  const pending = actions('4. Please check the sputum culture and Legionella/pneumococcal antigen results in a week\'s time and act on any positive result, as these were not back before he left.');
  assert.is(pending[0].workloadTransfer, true);
  // a new threshold is the practice's own referral
  assert.is(actions('Please re-refer him if his PSA rises above 10.')[0].workloadTransfer, false);
});

test('due dates: "after 4 weeks of treatment", durations in the past, "today\'s value"', () => {
  assert.is(dueDate('please check his U&Es and BP after 4 weeks of treatment', '2026-03-02'), '2026-03-30');
  assert.is(dueDate('please review the dose over 6 weeks of treatment', '2026-03-02'), null);
  assert.is(dueDate('her HbA1c has not been checked for over a year, so please arrange this', '2026-03-02'), null);
  assert.is(dueDate('check his U&Es in 10 days, after he has been on it for just over a week', '2026-03-02'), '2026-03-12');
  assert.is(dueDate('re-refer him if his eGFR drops by 25% from today\'s value', '2026-03-02'), null);
  assert.is(dueDate('please check U&Es today', '2026-03-02'), '2026-03-02');
});

test('the next visit is neither the letter\'s date nor "today"', () => {
  const text = 'Anticoagulation Service\n\n10/02/2026     URGENT - for GP attention today\n\nINR 7.9 in clinic today. INR recheck in our clinic on 14/02/2026.\nPlease review his antibiotic today.';
  assert.is(narrativeDate(text), '2026-02-10');
  assert.is(actions('INR 7.9 in clinic today. INR recheck in our clinic on 14/02/2026.\nPlease review his antibiotic today.', '2026-02-10')[0].due, '2026-02-10');
  // a clinic date before the letter still counts
  assert.is(narrativeDate('Clinic date: 10/03/2026\nDear Dr X\nwe will review her in clinic on 12/06/2026'), '2026-03-10');
});

test('a monitoring schedule has no one result for a condition to wait on', () => {
  const as = actions('We have discharged him to monitoring in primary care:\n\n  * Please arrange serum protein electrophoresis, FBC and calcium in 6 months and then\n    once a year.\n  * Please re-refer him to us if the paraprotein rises above 20 g/L.', '2026-02-19');
  assert.equal(as.map((a) => a.due), ['2026-08-19', null]);
});

test.run();

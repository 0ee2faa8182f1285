// How UK letters word a request of the practice: the many request phrasings ("can the GP…",
// "would it be possible for you to…", "we would request that the GP…", "the GP may wish to…"),
// the practice named as the one who does a passive task ("to be repeated by the GP"), and
// wording that only sounds like a request (offers, notes for the ward, "please see below").
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findActions } from '../server/extract/actions.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import type { ActionItem } from '../server/types.ts';
import { actionsIn } from './helpers/actions.ts';

const ctx = {} as Parameters<typeof findActions>[1];
function actions(body: string, date = '2026-06-10'): ActionItem[] {
  return actionsIn(`Dear Dr Nwosu\n\n${body}\n\nYours sincerely\n\nDr K Fenn\nConsultant`, date);
}
const rows = (as: ActionItem[]) => as.map((a) => `${a.category} | ${a.text}`);

test('request wordings beyond "please": can the GP, would it be possible, we would request, may wish to, perhaps you could', () => {
  assert.equal(rows(actions('Can the GP reduce his bisoprolol to 2.5 mg daily?')), ['medication | Can the GP reduce his bisoprolol to 2.5 mg daily?']);
  assert.equal(rows(actions('Would it be possible for you to organise a 24-hour ECG tape?')), ['investigation | Would it be possible for you to organise a 24-hour ECG tape?']);
  assert.equal(rows(actions('We would request that the GP stops the naproxen.')), ['medication | We would request that the GP stops the naproxen.']);
  assert.equal(rows(actions('I would ask that the practice reviews his HRT at the next visit.')), ['medication | I would ask that the practice reviews his HRT at the next visit.']);
  assert.equal(rows(actions('The GP may wish to consider starting a low-dose statin.')), ['medication | The GP may wish to consider starting a low-dose statin.']);
  assert.equal(rows(actions('Perhaps you could look at his inhaler technique when you next see him.')).length, 1);
  assert.equal(rows(actions('We would be grateful for the GP to arrange a repeat chest X-ray in 6 weeks.')), ['investigation | We would be grateful for the GP to arrange a repeat chest X-ray in 6 weeks.']);
  assert.equal(rows(actions('I would recommend that her GP repeats the ferritin in 3 months.')), ['investigation | I would recommend that her GP repeats the ferritin in 3 months.']);
  assert.equal(rows(actions('We would advise that the practice refers him to the orthotics service.')), ['referral | We would advise that the practice refers him to the orthotics service.']);
});

test('the practice named as the doer of a task: "to be repeated by the GP", "his GP will need to", "can be done at the surgery", "practice nurse could"', () => {
  assert.equal(rows(actions('Bloods to be repeated by the GP in 2 weeks.')), ['investigation | Bloods to be repeated by the GP in 2 weeks.']);
  assert.equal(rows(actions('He will need his potassium checked by his GP next week.')), ['investigation | He will need his potassium checked by his GP next week.']);
  assert.equal(rows(actions('Her GP will need to review her lithium level in ten days.')), ['investigation | Her GP will need to review her lithium level in ten days.']);
  assert.equal(actions('I would suggest a repeat bone profile in 3 months, which can be done at the surgery.').length, 1);
  assert.equal(rows(actions('The practice nurse could take the stitches out at 12 days.')), ['follow-up | The practice nurse could take the stitches out at 12 days.']);
  // the hospital or the patient doing it is not a practice task
  assert.equal(actions('He was seen by his GP last week. We will repeat the bloods at clinic. She has been asked to book a BP check with the practice nurse.').length, 0);
});

test('"please do not hesitate to re-refer" is a conditional referral; "do not hesitate to contact me" is not', () => {
  assert.equal(rows(actions('Please do not hesitate to re-refer him should the swelling come back.')), ['referral | Please do not hesitate to re-refer him should the swelling come back.']);
  assert.equal(actions('Please do not hesitate to contact me if you have any concerns.').length, 0);
});

test('wording that only sounds like a request: offers, notes to ward staff, "see below", "continue all other medicines"', () => {
  assert.equal(actions('If you would like us to see him again at any point, please do let us know.').length, 0);
  assert.equal(actions('Ward staff please ensure his fluid balance chart is kept.').length, 0);
  assert.equal(actions('Could you please telephone the clinic if you have any queries.').length, 0);
  assert.equal(actions('Please see the medication summary below for the changes made.').length, 0);
  assert.equal(actions('Please continue all his other regular medicines unchanged.').length, 0);
  // a real request next to the usual sign-off is kept
  assert.equal(rows(actions('Please could you check her sodium in a week. Please do not hesitate to contact me if you have any queries.')), ['investigation | Please could you check her sodium in a week.']);
});

test('letters written to the patient: "your GP will need to check…" is a practice task, "your GP will be informed" is not', () => {
  const letter = (s: string) => findActions({ ...letterFromText(`Dear Mrs Okafor\n\n${s}\n\nYours sincerely\n\nDr K Fenn`), date: '2026-06-10' }, ctx);
  assert.equal(letter('Your kidney test was a little low, so your GP will need to repeat it in a month.').length, 1);
  assert.equal(letter('You will be removed from the list and your GP will be informed.').length, 0);
});

test('a closing aside about the patient is not part of the request; one that carries the timing stays', () => {
  const as = actions('Repeat her TFTs in 6 weeks please (she knows to stop the carbimazole and get an urgent blood count if she gets a sore throat).');
  assert.equal(as.map((a) => a.evidence.quote), ['Repeat her TFTs in 6 weeks please']);
  const kept = actions('Please repeat her U&Es (she is due to have them done within the next 2 weeks anyway).');
  assert.ok(kept[0].evidence.quote.endsWith('anyway).'));
});

test('headings that hand a list to the practice: "Advice to GP", "GP plan", "Further management in primary care", "(GP)"', () => {
  const list = (heading: string) => actions(`Thank you for seeing her.\n\n${heading}\n- Recheck her sodium in 5 days\n- Stop the sertraline\n\nKind regards`).length;
  for (const h of ['Advice to GP:', 'GP plan:', 'Primary care plan', 'Further management in primary care:', 'Follow-up by GP', 'What we would like you to do:', 'Ongoing management (GP):', 'To the GP:']) assert.is(list(h), 2, h);
  // the hospital's or the patient's own list is not the practice's
  for (const h of ['Hospital actions:', 'Actions for patient:', 'Plan:']) assert.is(list(h), 0, h);
});

test('a typed table laid out with spaces: the rows whose "who" column names the practice', () => {
  const as = actions(`Plan
Task                         Who               When
Recheck potassium            GP                1 week
Holter monitor               Cardiology        6 weeks
Dressing change              Practice nurse    3 days
Clinic review                Consultant        3 months`);
  assert.equal(as.map((a) => `${a.category} ${a.due} | ${a.text}`), ['investigation 2026-06-17 | Recheck potassium', 'follow-up 2026-06-13 | Dressing change']);
  // a line of prose laid out in columns is still read as prose
  assert.is(actions('Plan:      Please could you check her ferritin in 3 months.').length, 1);
});

test('an item that ends by naming the practice: "- practice pharmacist", "(practice nurse)"', () => {
  const as = actions('Actions\n1. Medication review - practice pharmacist\n2. Echo - hospital to arrange\n3. Suture removal at 10 days (practice nurse)\n4. Review in clinic in 3 months - consultant');
  assert.equal(as.map((a) => a.category), ['medication', 'follow-up']);
});

test('the hospital asking its own staff is not a request; "I have asked your practice nurse" is', () => {
  assert.equal(actions('I have asked our secretaries to please send him a new appointment.').length, 0);
  assert.equal(actions('We have asked the ward pharmacist to please reconcile his medicines.').length, 0);
  assert.equal(rows(actions('I have asked your practice nurse to take his bloods next week.')), ['investigation | I have asked your practice nurse to take his bloods next week.']);
});

test('the request clause starts at its own subject ("… and I would be grateful if…"), unless it points back with "it"', () => {
  assert.equal(rows(actions('His eGFR has fallen to 38 and I would be grateful if you could reduce the metformin to 500 mg twice daily.')), ['medication | I would be grateful if you could reduce the metformin to 500 mg twice daily.']);
  assert.equal(rows(actions('She remains anaemic so we would suggest the GP repeats her FBC in a month.')), ['investigation | we would suggest the GP repeats her FBC in a month.']);
  assert.equal(rows(actions('Her blood pressure was raised today and please could you recheck it.')), ['investigation | Her blood pressure was raised today and please could you recheck it.']);
  assert.equal(rows(actions('If the HbA1c is 58 or more, please manage this in the usual way.')), ['medication | If the HbA1c is 58 or more, please manage this in the usual way.']);
});

test('a label that hands its line to the practice: "Actions for GP: …", "Follow up: practice nurse …", "Recommendation: …"', () => {
  const one = (line: string) => actions(`Discharge summary\n\n${line}\n\nSigned`).map((a) => `${a.category} | ${a.text}`);
  assert.equal(one('Actions for GP: recheck potassium 1/52'), ['investigation | recheck potassium 1/52']);
  assert.equal(one('GP follow-up: yes - review her mood in 2 weeks'), ['follow-up | review her mood in 2 weeks']);
  assert.equal(one('Follow-up requested by GP: LFTs in 6 weeks'), ['investigation | LFTs in 6 weeks']);
  assert.equal(one('Follow up: practice nurse dressing check in 3 days'), ['follow-up | practice nurse dressing check in 3 days']);
  assert.equal(one('Recommendation: MRI of the lumbar spine if the leg pain persists.'), ['investigation | MRI of the lumbar spine if the leg pain persists.']);
  // nothing asked, or asked of someone else
  assert.equal(one('Actions for GP: none'), []);
  assert.equal(one('GP actions: nil required'), []);
  assert.equal(one('Follow up: fracture clinic in 1 week'), []);
  assert.equal(one('Information for GP: she has been told not to drive for a month.'), []);
});

test('a list handed to the practice ends at the next heading', () => {
  const as = actions('I would be grateful if you could:\n- recheck her U&Es in a week\n- stop the naproxen\nHospital plan:\n- echocardiogram in 6 weeks\n- clinic review in 3 months');
  assert.equal(as.map((a) => a.text), ['recheck her U&Es in a week', 'stop the naproxen']);
});

test('"you might consider…", "the GP could refer…", "it would be reasonable to…" suggest work to the practice', () => {
  assert.equal(rows(actions('You might consider a trial of nortriptyline at night.')), ['medication | You might consider a trial of nortriptyline at night.']);
  assert.equal(rows(actions('It would be reasonable to stop the clopidogrel after 12 months.')), ['medication | It would be reasonable to stop the clopidogrel after 12 months.']);
  const ref = actions('The GP could refer her to the pain management service if needed.');
  assert.equal(rows(ref), ['referral | The GP could refer her to the pain management service if needed.']);
  assert.not.ok(ref[0].workloadTransfer);
  assert.equal(actions('You may remember him from his last admission. You should receive the biopsy report in 2 weeks.').length, 0);
});

test('note-style requests: "pls", "GP r/v in 1/52", "review by GP", "… is recommended", "GP to request please"', () => {
  assert.equal(rows(actions('GP: pls check LFTs at 2/52.')), ['investigation | pls check LFTs at 2/52.']);
  assert.equal(rows(actions('- GP r/v in 2/52 if still wheezy.')), ['follow-up | GP r/v in 2/52 if still wheezy.']);
  assert.equal(rows(actions('Wound check with the practice nurse at 5 days.')), ['follow-up | Wound check with the practice nurse at 5 days.']);
  assert.equal(rows(actions('Calcium and vitamin D supplementation is recommended.')), ['medication | Calcium and vitamin D supplementation is recommended.']);
  assert.equal(actions('Respiratory clinic follow-up is recommended in 3 months. Driving is not recommended for 4 weeks.').length, 0);
  // the patient told, or booking for themselves, is not the practice asked
  assert.equal(actions('She is recommended to rest. Pt advised to book an appointment with the practice nurse for a dressing change.').length, 0);
  const anaphor = actions('Urology advise a repeat ultrasound of the kidneys at 3/12. GP to request please.');
  assert.equal(anaphor.map((a) => a.text), ['Urology advise a repeat ultrasound of the kidneys at 3/12. GP to request please.']);
  assert.is(anaphor[0].category, 'investigation');
});

test('a bare "please continue" on a medicines line: that line is the request, dropped when another request names the medicine', () => {
  const list = 'Medicines changed:\n- Ferrous fumarate 210 mg BD - started (1 month supplied; please continue)\n- Amlodipine - stopped';
  assert.equal(actions(list).map((a) => `${a.category} | ${a.text}`), ['medication | Ferrous fumarate 210 mg BD - started (1 month supplied; please continue']);
  assert.equal(actions(`${list}\n\nPlease continue the ferrous fumarate for 3 months after the Hb normalises.`).map((a) => a.text), ['Please continue the ferrous fumarate for 3 months after the Hb normalises.']);
});

test('a GP list item that opens with the tests it asks for; statements of status in the list are not requests', () => {
  const as = actions('Requests for the GP:\n1. Clozapine levels, FBC and LFTs every 3 months.\n2. Weight and waist circumference at 12 weeks given olanzapine.\n3. He would benefit from a referral to the community dietitian.\n4. Sodium was 131 on discharge.\n5. Blood pressure well controlled on current treatment.');
  assert.equal(as.map((a) => `${a.category} | ${a.text}`), [
    'investigation | Clozapine levels, FBC and LFTs every 3 months.',
    'investigation | Weight and waist circumference at 12 weeks given olanzapine.',
    'referral | He would benefit from a referral to the community dietitian.',
  ]);
});

test('polite forms: "would you mind …ing", "may I ask you to", "can I ask that you", "would you be willing to"', () => {
  assert.equal(rows(actions('Would you mind referring him to the orthotics service?')), ['referral | Would you mind referring him to the orthotics service?']);
  assert.equal(rows(actions('May I ask you to recheck her calcium in a fortnight.')), ['investigation | May I ask you to recheck her calcium in a fortnight.']);
  assert.equal(rows(actions('Can I ask that you reduce the amitriptyline to 10 mg.')), ['medication | Can I ask that you reduce the amitriptyline to 10 mg.']);
  assert.equal(rows(actions('Would you be willing to take over prescribing of her melatonin?')), ['medication | Would you be willing to take over prescribing of her melatonin?']);
});

test('other community staff asked directly are a third party; the practice asked to ask them is a practice request', () => {
  assert.equal(actions('Please could the health visitor review his feeding next week.').length, 0);
  assert.equal(actions('Please could her care coordinator arrange a home visit.').length, 0);
  assert.equal(rows(actions('Please could you ask the health visitor to weigh him in 2 weeks.')), ['investigation | Please could you ask the health visitor to weigh him in 2 weeks.']);
});

test('suggestions and permissions: "I\'d suggest you…", "my suggestion would be to…", "I am happy for you to…", "please feel free to reduce…"', () => {
  assert.equal(rows(actions("I'd suggest you reduce the gabapentin to 300 mg at night.")), ["medication | I'd suggest you reduce the gabapentin to 300 mg at night."]);
  assert.equal(rows(actions('My suggestion would be to refer him to the community continence service.')), ['referral | My suggestion would be to refer him to the community continence service.']);
  assert.equal(rows(actions('I am happy for you to stop the clopidogrel now.')), ['medication | I am happy for you to stop the clopidogrel now.']);
  assert.equal(rows(actions('Please feel free to wean the prednisolone by 5 mg a week.')), ['medication | Please feel free to wean the prednisolone by 5 mg a week.']);
  assert.equal(actions('Please feel free to contact me with any questions. We are happy for him to return to work next week.').length, 0);
});

test('report boilerplate is not a request: "please correlate clinically", "please be reassured"', () => {
  assert.equal(actions('Comment: please correlate clinically.\nPlease be reassured that the scan is otherwise normal.').length, 0);
  assert.equal(rows(actions('Recommendation: follow-up CT chest in 12 months.')), ['investigation | follow-up CT chest in 12 months.']);
});

test('noun-phrase items in a GP list: "… referral", "… appointment", with a condition after them', () => {
  const as = actions('GP actions:\n- Community podiatry referral for her foot ulcer\n- Physiotherapy referral once the cast is off\n- Diabetes clinic review in 6 months\n- Hb was 98 on discharge');
  assert.equal(as.map((a) => `${a.category} | ${a.text}`), ['referral | Community podiatry referral for her foot ulcer', 'referral | Physiotherapy referral once the cast is off']);
});


test('round 2 splitting: a second "please" or "then" step after a complete request, "and please", a record entry and a prescription', () => {
  const a = actions('Actions for GP:\n- Weight check in 2 weeks, please adjust the furosemide accordingly.\n- Sodium in 1 week, then increase the spironolactone to 50 mg if tolerated.');
  assert.equal(a.map((x) => `${x.category} | ${x.due} | ${x.text}`), [
    'investigation | 2026-06-24 | Weight check in 2 weeks',
    'medication | 2026-06-24 | adjust the furosemide accordingly.',
    'investigation | 2026-06-17 | Sodium in 1 week',
    'medication | 2026-06-17 | increase the spironolactone to 50 mg if tolerated.',
  ]);
  // a condition before the second "please" keeps the request whole
  assert.equal(actions('Could you ring her to see whether she still has symptoms and, if so, please refer her to the falls clinic.').length, 1);
  assert.equal(rows(actions('I would be grateful if you would continue the sertraline, and please arrange a review of her sleep in a month.')), [
    'medication | I would be grateful if you would continue the sertraline',
    'follow-up | please arrange a review of her sleep in a month.',
  ]);
  assert.equal(rows(actions('New hypothyroidism - please add her to your thyroid register and start levothyroxine 50 micrograms daily.')).map((r) => r.split(' | ')[0]), ['admin', 'medication']);
  // an entry for the record and the card that goes with it stay one request
  assert.equal(actions('Please add anticoagulation to his alerts and issue an anticoagulant alert card.').length, 1);
  // continuing what was just asked for is the same request
  assert.equal(actions('Please increase the mirtazapine to 30 mg after two weeks, and continue the prescription after that.').length, 1);
  assert.equal(rows(actions('The sonographer advises a repeat scan in 3 months; please arrange this and refer her to gynaecology if the cyst has not resolved.')).map((r) => r.split(' | ')[0]), ['investigation', 'referral']);
});

test('round 2: what not to do with the thing just asked about, results with values, referral labels, passive and "suggest" items', () => {
  const a = actions('Please record that she receives her etanercept from hospital homecare. Please do not prescribe it.');
  assert.is(a.length, 1);
  assert.ok(/do not prescribe it\.$/.test(a[0].text));
  assert.equal(actions('DISCHARGE SUMMARY FOR GP\nObservations: HR 120 on arrival, BP 85/50 after fluids, sats 94%.').length, 0);
  assert.equal(actions('Referred by: GP - ?appendicitis, please assess\n\nShe was seen in SAU.').length, 0);
  const r = actions('Recommendations\n- Suggest an echocardiogram. Statin therapy should be considered.');
  assert.equal(r.map((x) => x.category), ['investigation', 'medication']);
  // a conditional step on the same test is due when that test is
  assert.equal(actions('Plan for GP:\n1. Repeat LFTs in 4 weeks.\n2. If the ALT is still raised on that test, please stop the atorvastatin.').map((x) => x.due), ['2026-07-08', '2026-07-08']);
  assert.equal(actions('GP actions:\n- HbA1c at 3 months; target below 53 - if not reached please add gliclazide.').map((x) => x.due), ['2026-09-10', '2026-09-10']);
});

test('round 2 wording: "would be appreciated", "would benefit from an increase in", a sentence ending in a dose', () => {
  assert.equal(rows(actions('Regular checks of her thyroid function in primary care would be appreciated.')), ['investigation | Regular checks of her thyroid function in primary care would be appreciated.']);
  assert.equal(rows(actions('A repeat ferritin in 8 weeks would be much appreciated.')).length, 1);
  // a courtesy asks for nothing
  assert.equal(actions('Your help with her housing application would be appreciated.').length, 0);
  assert.equal(rows(actions('She would benefit from a reduction in her bisoprolol dose.')), ['medication | She would benefit from a reduction in her bisoprolol dose.']);
  // "… 10 mg. A repeat …": a dose closes its sentence
  assert.equal(rows(actions('We increased his ramipril to 10 mg. Please check his U&Es in 2 weeks.')), ['investigation | Please check his U&Es in 2 weeks.']);
});

test.run();

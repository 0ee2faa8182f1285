// Urgency evidence: same/next-working-day action, with guards against wording that only sounds urgent.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findUrgency } from '../server/extract/urgency.ts';
import { letterFromText } from '../server/ingest/letter.ts';

const urgent = (text: string) => {
  const l = letterFromText(text);
  const ev = findUrgency(l);
  for (const e of ev) assert.is(l.text.slice(e.start, e.end), e.quote);
  return ev.map((e) => e.quote);
};

test('urgent requests, banners and same-day actions', () => {
  assert.ok(urgent('URGENT - PLEASE ACTION TODAY\nDear Dr').length);
  assert.ok(urgent('Please refer the patient urgently, within 24 hours, under the 2-week wait pathway.').length);
  assert.ok(urgent('Please could you contact him today and arrange same-day assessment.').length);
  assert.ok(urgent('Please could the practice recheck his potassium tomorrow.').length);
  assert.ok(urgent('I would be grateful if this could be done as a matter of urgency by the GP: please review.').length);
});

test('dangerous results', () => {
  assert.equal(urgent('Today\'s bloods show a potassium of 6.3 mmol/L.'), ['potassium of 6.3 mmol']);
  assert.equal(urgent('Sodium        117 mmol/L'), ['Sodium        117 mmol']);
  assert.equal(urgent('Potassium 4.1 mmol/L, sodium 138 mmol/L.'), []);
  assert.equal(urgent('Her potassium was 6.4 mmol/L on admission and settled with treatment.'), []);
});

test('a stopped anticoagulant with a plan to restart in days', () => {
  assert.ok(urgent('Apixaban has been withheld since 03/03/2026 and the plan is to restart it on Friday 13/03/2026.').length);
  assert.equal(urgent('Apixaban was withheld on admission and was restarted on 24/01/2026 at her usual dose.'), []);
  assert.equal(urgent('Ramipril was withheld; please restart it in 1 week if creatinine is stable.'), []);
});

test('safeguarding concerns, but not their absence', () => {
  assert.ok(urgent('A referral to Children\'s Social Care (MASH) has been made today.').length);
  assert.ok(urgent('She disclosed domestic abuse by her partner; a MARAC referral has been made.').length);
  assert.equal(urgent('He is an adult with no safeguarding concerns recorded.'), []);
  assert.equal(urgent('Please consider whether these missed appointments raise any safeguarding concerns.'), []);
  // a concern raised and settled within the sentence is no concern now
  assert.equal(urgent('The health visitor and children\'s social care were contacted on the ward; there are no current safeguarding concerns.'), []);
  assert.equal(urgent('Adult social care reviewed her at home and the safeguarding concern has been closed.'), []);
  assert.ok(urgent('Children\'s social care were informed today because of bruising; a strategy meeting is planned.').length);
});

test('false-positive guards', () => {
  assert.equal(urgent('WESSEX DOWNS INTEGRATED URGENT CARE (NHS 111 / GP OUT OF HOURS)'), []);
  assert.equal(urgent('Seen at the Urgent Treatment Centre. No urgent action is needed.'), []);
  assert.equal(urgent('This is a non-urgent request: please check her B12 at her next review.'), []);
  assert.equal(urgent('Thank you for your urgent referral regarding a pigmented lesion.'), []);
  assert.equal(urgent('If you develop a sore throat, stop carbimazole and have an urgent blood count the same day.'), []);
  assert.equal(urgent('I saw her in clinic today. Her BP today was 134/82.'), []);
  assert.equal(urgent('Please could you review her medication, as we discussed today.'), []);
  assert.equal(urgent('Priority: URGENT'), []);
});

test('"needs to be seen today", "the next working day" and "pls … today" are same/next-day action; 48 hours and past visits are not', () => {
  assert.ok(urgent('Dear Dr Nwosu\n\nHe needs to be seen by his GP today to check the wound.').length);
  assert.ok(urgent('Dear Dr Nwosu\n\nPlease review her blood pressure on the next working day.').length);
  assert.ok(urgent('GP: pls recheck K+ today.').length);
  assert.is(urgent('Dear Dr Nwosu\n\nPlease arrange a review within 48 hours of discharge. She was seen today in clinic.').length, 0);
});

test('round 2: what only sounds urgent', () => {
  // MASH is also a liver disease; the safeguarding hub is named as such or referred to
  assert.equal(urgent('Diagnosis: MASLD - FibroScan 11.2 kPa. Likely MASH with at least moderate fibrosis.'), []);
  assert.ok(urgent('A referral to the MASH has been made by the ward social worker.').length);
  // a request that waits on a result yet to come
  assert.equal(urgent('If any dysplasia is reported, please refer back to the upper GI team urgently.'), []);
  assert.ok(urgent('If you are unable to contact her today, please inform the police.').length);
  // "today's value" is a baseline, not a deadline
  assert.equal(urgent("Please re-refer him if his eGFR drops by more than 25% from today's value."), []);
  // an anticoagulant held and restarted within the stay
  assert.equal(urgent('Rivaroxaban was omitted for 48 hours before surgery and restarted on post-operative day 2.'), []);
  // the time word in a statement beside the request
  assert.equal(urgent('His bloods were not available to us today; please could you chase the result and act on it.'), []);
});

test.run();

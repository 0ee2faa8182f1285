// Practice actions, round 11: classes of errors the blind17-18 letters showed. A statement before a dash
// ("the result will be sent to you - if it shows AF, please …") asks nothing, and the conditional request
// after it stays whole; sign-off boilerplate ("please excuse any transcription errors") and words to the
// patient ("please do not ask the surgery for it") ask nothing of the practice. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { actionsIn } from './helpers/actions.ts';

const texts = (t: string) => actionsIn(t, '2026-03-02').map((a) => a.text);

test('a statement, a dash, then a conditional request: one request, its condition included', () => {
  assert.equal(texts('The ambulatory ECG result will be sent to you - if it shows AF, please start apixaban and stop clopidogrel.'), ['if it shows AF, please start apixaban and stop clopidogrel.']);
  assert.equal(actionsIn('The ambulatory ECG result will be sent to you - if it shows AF, please start apixaban and stop clopidogrel.', '2026-03-02')[0].category, 'medication');
  // a request before the dash is a request of its own, and so is the step after it
  assert.equal(texts('Please repeat his U&Es tomorrow - if the potassium is 6.5 or above, he needs to be sent to ED.'), ['Please repeat his U&Es tomorrow', 'if the potassium is 6.5 or above, he needs to be sent to ED.']);
});

test('boilerplate and words to the patient ask nothing of the practice', () => {
  assert.equal(texts('Dictated but not checked - please excuse any transcription errors\ncc: Miss K Dobson'), []);
  assert.equal(texts('Adalimumab is prescribed only by the hospital, so please do not ask the surgery for it.'), []);
  assert.equal(texts('Please excuse the delay in writing. Please check her U&Es in 2 weeks.'), ['Please check her U&Es in 2 weeks.']);
});

test('a new referral after a missed appointment; monitoring continued; the end of a supplied span', () => {
  const [r] = actionsIn('Unfortunately he did not attend his ENT appointment. If you feel that he still needs to be seen by ENT, please send a new referral through the e-Referral Service.', '2026-03-02');
  assert.is(r.category, 'referral');
  assert.ok(r.workloadTransfer);
  const [m] = actionsIn('Please continue methotrexate blood monitoring (FBC, U&E, LFT) every 2 weeks, as per the shared care protocol.', '2026-03-02');
  assert.is(m.category, 'investigation');
  assert.is(m.due, '2026-03-16');
  assert.is(actionsIn('Please could you continue the budesonide prescription at the end of the 4 weeks we supplied.', '2026-03-02')[0].due, '2026-03-30');
});

test.run();

// Round 16 (from blind48-52): focal epilepsy, episodes dated by the patient's age or that have not
// recurred, "nothing in her story to suggest", and "the same day" as the day of what it follows.
// Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dx } from './helpers/diagnoses.ts';
import { actionsIn } from './helpers/actions.ts';

const dues = (t: string, date = '2026-03-02') => actionsIn(t, date).map((a) => [a.text, a.due]);

test('focal (partial) epilepsy is localisation-related epilepsy, and can be ruled out as such', () => {
  assert.ok(dx('Diagnosis: focal epilepsy arising from the right frontal lobe.').includes('230381009:present'));
  assert.ok(dx('Diagnosis: partial epilepsy.').includes('230381009:present'));
  const out = dx('The EEG was normal and there is nothing in his history to suggest focal epilepsy.');
  assert.ok(out.includes('230381009:negated'), out.join(', '));
  assert.ok(dx('Nothing on the scan to suggest a malignancy.').includes('363346000:negated'));
});

test('an episode dated by the age the patient was then is over', () => {
  const out = dx('He had a febrile convulsion when he was 2 years old and nothing since has worried his parents.');
  assert.ok(out.includes('41497008:historical'), out.join(', '));
  assert.ok(dx('She had Kawasaki disease when she was a toddler.').includes('75053002:historical'));
  // the age a long-term condition was diagnosed at is its onset: it goes on
  assert.ok(dx('Your asthma was diagnosed when you were 9 and you use your inhalers daily.').includes('195967001:present'));
});

test('an episode that "has not recurred" is over; a lifelong condition is not', () => {
  assert.ok(dx('He had acute pancreatitis in 2021, which has not recurred.').some((d) => /:historical$/.test(d)));
  assert.ok(dx('Left leg DVT 2018 (treated, no recurrence).').includes('404223003:historical'));
  assert.ok(dx('Type 1 diabetes; the DKA of 2019 has never recurred.').includes('46635009:present'));
});

test('"the same day" is the day of what it follows: the request keeps its own time', () => {
  assert.equal(dues('Dear Dr Reed\n\nPlease recheck his potassium tomorrow and, if it is above 6, send him to ED the same day.'),
    [['Please recheck his potassium tomorrow and, if it is above 6, send him to ED the same day.', '2026-03-03']]);
  assert.equal(dues('Dear Dr Reed\n\nPlease repeat her FBC on 09/03/2026 and discuss any fall in platelets with us the same day.'),
    [['Please repeat her FBC on 09/03/2026 and discuss any fall in platelets with us the same day.', '2026-03-09']]);
  // with nothing else to time it, the same day is the letter's
  assert.equal(dues('Dear Dr Reed\n\nPlease see her at the practice the same day.'), [['Please see her at the practice the same day.', '2026-03-02']]);
});

test.run();

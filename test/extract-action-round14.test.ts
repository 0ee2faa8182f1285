// Practice actions, round 14 (from blind23, 27 and 28): workload transfers the hospital's own wording shows.
// Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { actionsIn } from './helpers/actions.ts';

const flags = (t: string) => actionsIn(t, '2026-03-02').map((a) => [a.text, a.workloadTransfer]);

test('the work-up the hospital needs for its own clinic or operation is its own to request', () => {
  assert.equal(flags('Dear Dr Osei\n\nPlease arrange a lipid profile and U&E before his clinic appointment on 3rd May.'),
    [['Please arrange a lipid profile and U&E before his clinic appointment on 3rd May.', true]]);
  assert.equal(flags('Dear Dr Osei\n\nCould you arrange an ECG and pre-operative bloods ahead of her pre-assessment next month?'),
    [['Could you arrange an ECG and pre-operative bloods ahead of her pre-assessment next month?', true]]);
  // the practice's own monitoring, and tests before a dose change the practice makes, are ordinary work
  assert.equal(flags('Dear Dr Osei\n\nPlease check her U&Es and blood pressure before the dose is increased.'),
    [['Please check her U&Es and blood pressure before the dose is increased.', false]]);
  assert.equal(flags('Dear Dr Osei\n\nPlease repeat his FBC in 4 weeks and send us the result.'),
    [['Please repeat his FBC in 4 weeks and send us the result.', false]]);
});

test('"GP please follow up result", dictated without its article, of a test still pending', () => {
  assert.equal(flags('Dear Dr Osei\n\nBiopsy taken. Histology pending - GP please follow up result and let us know if abnormal.'),
    [['Histology pending - GP please follow up result and let us know if abnormal.', true]]);
});

test('a request that opens with "Today," is due today; a prescriber under shared care is no transfer', () => {
  const [a] = actionsIn('Dear Dr Osei\n\nDMARD:  Methotrexate 15 mg weekly, prescribed by your practice under shared care since 2021\n\nACTIONS FOR THE PRACTICE\n1. Today, please put her methotrexate prescription on hold.\n', '2026-03-02');
  assert.equal([a.due, a.workloadTransfer], ['2026-03-02', false]);
  // a finding of the day before the request still dates the finding only
  assert.equal(actionsIn('Dear Dr Osei\n\nBP 182/104 today - please review her amlodipine.', '2026-03-02')[0].due, null);
});

test.run();

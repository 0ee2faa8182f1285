// Medication changes, round 11: classes of misses the blind17-18 letters showed. A purpose after a stop
// ("stopped to allow ramipril titration") and medicines a preposition governs ("on bisoprolol and ramipril,
// amlodipine stopped") leave the stop with its own drug; a start dated "in late 2024" is history; capital
// imperatives after a colon ("Levothyroxine: REDUCE from …"); a stop advised "at the end of this packet";
// avoidance advice ("do not take painkillers such as ibuprofen") is no hold; a hyphenated combination given IV
// is one hospital medicine. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';

test('a stop reported with its purpose, and a list governed by a preposition, keep the stop with its own drug', () => {
  assert.equal(changes('Amlodipine stopped to allow ramipril titration.'), ['amlodipine stopped']);
  assert.equal(changes('Amlodipine 5 mg OD - BP now 118/70 on bisoprolol and ramipril, amlodipine stopped.'), ['amlodipine stopped']);
  assert.equal(changes('Ramipril and metformin were withheld.'), ['metformin held', 'ramipril held']);
});

test('a start dated in a past year, however qualified, is history', () => {
  assert.equal(changes('She started ramipril for hypertension in late 2024. I have asked her to stop ramipril from today.'), ['ramipril stopped']);
});

test('capital imperatives after a colon, and a stop advised at the end of the pack', () => {
  assert.equal(changes('Changes to your medicines\n * Levothyroxine: REDUCE from 125 micrograms to 100 micrograms each morning.\n'), ['levothyroxine dose-changed']);
  assert.equal(changes('I have advised her to stop Rigevidon at the end of this packet and she has agreed.'), ['ethinylestradiol/levonorgestrel (levonorgestrel/ethinylestradiol) stopped']);
});

test('avoidance advice and hospital-only combinations are no changes', () => {
  assert.equal(changes('Do not take anti-inflammatory painkillers such as ibuprofen or naproxen.'), []);
  assert.equal(changes('Metformin: do not take for 48 hours after the scan.'), ['metformin held']);
  assert.equal(changes('He was started on IV piperacillin-tazobactam as per the pathway.'), []);
});

test.run();

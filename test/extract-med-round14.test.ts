// Medication changes, round 14 (from blind31): a change told of "this" in the hospital's own simple past, across a line
// break; a medicine the patient "had been prescribed" before; a short course already over. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';

test('"We increased\\nthis to 100 mg": the pronoun names the drug of the sentence before, whatever the line break', () => {
  assert.equal(changes('Dear Dr Hale\n\nHe had been taking citalopram 20 mg daily from the practice since May. We increased\nthis to 40 mg once daily on 4 March.'), ['citalopram dose-changed']);
  assert.equal(changes('Dear Dr Hale\n\nShe had also been prescribed diazepam 2 mg three times a day; given the risk in overdose we stopped\nthis on admission.'), ['diazepam stopped']);
});

test('"had been prescribed" tells what the patient already took, not a start', () => {
  assert.equal(changes('Dear Dr Hale\n\nShe had been prescribed amitriptyline 10 mg at night by a previous GP and still takes it.'), []);
  assert.equal(changes('Dear Dr Hale\n\nShe was prescribed amitriptyline 10 mg at night in clinic today.'), ['amitriptyline started']);
});

test('a short course begun and over within the episode is no change', () => {
  assert.equal(changes('Dear Dr Hale\n\nWe gave him a short course of temazepam 10 mg at night for the first week, which finished on 6 March.'), []);
  assert.equal(changes('Dear Dr Hale\n\nWe gave him a short course of temazepam 10 mg at night for one week.'), ['temazepam started']);
});

test.run();

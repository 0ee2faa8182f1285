// Medication changes, round 12 (from blind19-20): a discharge list's dotted leaders before the status
// ("Naproxen 500 mg BD ........ STOPPED"); starts dated by a season or made by the practice's colleagues are
// history; "do NOT take ramipril and Entresto together" is a warning, not a hold. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';

test('a dotted leader separates a list row from its status', () => {
  assert.equal(changes('DISCHARGE MEDICATIONS\n Pregabalin 75 mg BD ............. NEW (for neuropathic pain)\n Naproxen 500 mg BD ............... STOPPED (reflux)\n Omeprazole 20 mg OD .............. unchanged\n'), ['naproxen stopped', 'pregabalin started']);
  assert.equal(changes('Medication on discharge\n  Olanzapine 5 mg at night …………… NEW\n'), ['olanzapine started']);
});

test('a start in a past season, or by the practice, is history; a warning about two medicines together is no hold', () => {
  assert.equal(changes('She has been on amitriptyline 10 mg at night for years, originally started by one of your colleagues. In the summer she was prescribed prochlorperazine for labyrinthitis. I have asked her to stop the prochlorperazine now.'), ['prochlorperazine stopped']);
  assert.equal(changes('It is very important that you do NOT take ramipril and Entresto together.'), []);
});

test.run();

// Round 9 medication rules: "Rx" as a list label's noun ("Rx started today:", "Rx stopped:"), and an
// item whose status is told after its colon ("Senna 7.5 mg at night: this is new").
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';

test('"Rx" heads a list with its status like "Medication" does', () => {
  assert.equal(changes('Rx started today:\n      Prednisolone 60 mg OD (2/52 supplied)\n      Omeprazole 20 mg OD\n'), ['omeprazole started', 'prednisolone started']);
  assert.equal(changes('Rx stopped:\n- Naproxen 500 mg BD\n'), ['naproxen stopped']);
  assert.equal(changes('Rx - new:\nAmlodipine 5 mg OD\n'), ['amlodipine started']);
  // (a plain "Rx:" or "Current Rx:" list says nothing of changes)
  assert.equal(changes('Rx:\nAmlodipine 5 mg OD\nRamipril 5 mg OD\n'), []);
  assert.equal(changes('Current Rx:\nAmlodipine 5 mg OD\n'), []);
});

test('a status told of the item after its colon', () => {
  assert.equal(changes('- Senna syrup 7.5 mg at night: this is new.'), ['senna started']);
  assert.equal(changes('Naproxen 500 mg BD: this has been stopped.'), ['naproxen stopped']);
  assert.equal(changes('Amlodipine 5 mg OD: this is a new medicine for her blood pressure.'), ['amlodipine started']);
  // ("new to him" is the patient's experience of it, "unchanged" no change)
  assert.equal(changes('Amlodipine 5 mg OD: it is new to him, although his GP started it in May 2024.'), []);
  assert.equal(changes('Amlodipine 5 mg OD: this is unchanged.'), []);
});

test.run();

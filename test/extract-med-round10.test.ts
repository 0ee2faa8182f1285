// Medication changes, round 10: a lead-in that says the listed medicines were started ("she was keen to
// start treatment today:", "I have started her on:"), without a dose given there and then. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';

test('a list under a lead-in that says it was started is new', () => {
  assert.equal(changes('After discussion she was keen to start treatment today:\n- Methotrexate 10 mg once weekly\n- Folic acid 5 mg once weekly\n'), ['folic acid started', 'methotrexate started']);
  assert.equal(changes('I have started her on:\n1. Apixaban 5 mg twice daily\n2. Bisoprolol 2.5 mg once daily\n'), ['apixaban started', 'bisoprolol started']);
  assert.equal(changes('He agreed to start:\n- Sertraline 50 mg once daily\n'), ['sertraline started']);
  // a wish or a plan is not a start; a dose given in clinic is not a medicine to continue
  assert.equal(changes('She would like to start treatment:\n- Methotrexate 10 mg once weekly\n'), []);
  assert.equal(changes('I have started her on:\n- Methotrexate 10 mg once weekly\n- She also received Depo-Medrone 120 mg intramuscularly in clinic today.\n'), ['methotrexate started']);
  // an item that says it continues is unchanged
  assert.equal(changes('We have started the following:\n- Ramipril 2.5 mg once daily\n- Amlodipine 5 mg - continue\n'), ['ramipril started']);
});

test.run();

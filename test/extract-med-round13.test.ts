// Medication changes, round 13 (from blind21-22): a drawn table's outer borders ("| Apixaban | 5 mg BD | 2.5 mg BD |");
// a class of medicines as the verb's own subject; "replaced it with". Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';

test('a table drawn with borders: the before and after columns still say the change', () => {
  assert.equal(changes([
    'MEDICINES ON DISCHARGE',
    '+--------------+-------------+--------------+----------------+',
    '| Medicine     | Before      | On discharge | Comment        |',
    '+--------------+-------------+--------------+----------------+',
    '| Edoxaban     | 60 mg OD    | 30 mg OD     | Weight 55 kg   |',
    '| Lansoprazole | -           | 15 mg OD     | Gastroprotect  |',
    '| Amlodipine   | 10 mg OD    | 10 mg OD     |                |',
    '+--------------+-------------+--------------+----------------+',
  ].join('\n')).sort(), ['edoxaban dose-changed', 'lansoprazole started']);
});

test('a class of medicines between a name and the verb is the verb\'s subject', () => {
  assert.equal(changes('His hypoglycaemia was treated with glucagon and IV dextrose, with the sulfonylurea-type drugs stopped as listed below.'), []);
  assert.equal(changes('Naproxen and other nephrotoxic drugs were stopped.'), ['naproxen stopped']);
});

test('"replaced it with" starts the new medicine', () => {
  assert.equal(changes('We stopped his sitagliptin, which was not helping, and replaced it with gliclazide 40 mg once daily.').sort(), ['gliclazide started', 'sitagliptin stopped']);
});

test.run();

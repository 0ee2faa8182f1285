// Medication changes, round 13 (from blind21-22): a drawn table's outer borders ("| Apixaban | 5 mg BD | 2.5 mg BD |");
// a class of medicines as the verb's own subject; "replaced it with"; "Rx <Drug>"; a dose alone after the drug's
// sentence; a coded Amended with status on-hold. Every sentence is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changes } from './helpers/medications.ts';
import type { Letter } from '../server/types.ts';

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

test('a terse note\'s "Rx <Drug>"; "She started today on 25 mg" after the sentence that names the drug', () => {
  assert.equal(changes('Plan:\n- Rx Sofradex drops L ear TDS x 7/7 from clinic pharmacy.'), ['framycetin/gramicidin/dexamethasone started']);
  assert.equal(changes('Rx: nil new.'), []);
  assert.equal(changes('We discussed the options and chose levetiracetam. He started today on 250 mg twice daily.'), ['levetiracetam started']);
});

test('"replaced it with" starts the new medicine', () => {
  assert.equal(changes('We stopped his sitagliptin, which was not helping, and replaced it with gliclazide 40 mg once daily.').sort(), ['gliclazide started', 'sitagliptin stopped']);
});

test('a coded Amended change whose statement is on hold is a hold', () => {
  const document = { resourceType: 'Bundle', type: 'document', entry: [{ resource: { resourceType: 'MedicationStatement', status: 'on-hold', medicationCodeableConcept: { text: 'Amlodipine 10 mg tablets' },
    extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationChangeSummary', extension: [{ url: 'status', valueCoding: { code: 'amended' } }] }] } }] } as any;
  assert.equal(changes({ format: 'fhir-r4-json', text: 'Medications', sections: [], document } as Letter), ['amlodipine held']);
});

test('round 13b: "witheld" as dictated; "and regular paracetamol" goes on with the list; "Rx: Flucloxacillin"', () => {
  assert.equal(changes('The ramipril 5mg has been witheld since admission because of the AKI.'), ['ramipril held']);
  assert.equal(changes('She has been started on Laxido one sachet daily and regular paracetamol 1 g four times a day.'), ['macrogol started', 'paracetamol started']);
  assert.equal(changes('We have started apixaban, along with her regular inhalers.'), ['apixaban started']);
  assert.equal(changes('Rx: Flucloxacillin 1 g QDS for 7 days (TTO supplied)'), ['flucloxacillin started']);
});

test('round 13c: "Carbimazole: reduce from 30 mg to 15 mg" under "Changes to your tablets"; "you can stop the propranolol"', () => {
  assert.equal(changes('Changes to your tablets\n- Carbimazole: reduce from 30 mg to 15 mg once a day, starting tomorrow.\n- Propranolol: as your tremor has settled, you can stop the propranolol 40 mg three times a day.\n'), ['carbimazole dose-changed', 'propranolol stopped']);
});

test('round 13c: "5 mg OD - unchanged" in the after column is no change; "a prescription today for"', () => {
  assert.equal(changes('Medicine | Before | After\nAmlodipine | 5 mg OD | 5 mg OD - unchanged\nCitalopram | 20 mg OD | STOPPED\n'), ['citalopram stopped']);
  assert.equal(changes('I have given him a prescription today for tamsulosin 400 micrograms once daily.'), ['tamsulosin started']);
});

test.run();

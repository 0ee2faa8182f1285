// Medication changes in the shapes UK discharge and clinic letters use beyond simple tables:
// "Drug dose: status" items, "Drug - discontinued (…)" lines, short courses on a discharge list,
// brand + bracketed generic as one drug, the drug a change verb binds to, and switches.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findMedicationChanges } from '../server/extract/medications.ts';
import { drugLexicon } from '../server/extract/drugs.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { changes } from './helpers/medications.ts';

const ctx = {} as Parameters<typeof findMedicationChanges>[1];
function quotes(text: string): string[] {
  return findMedicationChanges(letterFromText(text), ctx).map((m) => m.evidence.quote);
}

test('common UK brands map to their generic names', () => {
  const g = (t: string) => drugLexicon().find(t).map((m) => m.generic);
  assert.equal(g('Sinemet 12.5/50 one TDS'), ['co-careldopa']);
  assert.equal(g('Madopar CR 125 at night'), ['co-beneldopa']);
  assert.equal(g('Laxido two sachets'), ['macrogol']);
  assert.equal(g('Clenil Modulite 100'), ['beclometasone']);
  assert.equal(g('Naseptin to both nostrils'), ['chlorhexidine/neomycin']);
  assert.equal(g('Fultium-D3 800 units'), ['colecalciferol']);
  assert.equal(g('Solpadol 2 tablets'), ['co-codamol']);
  assert.equal(g('Zomorph 10 mg BD'), ['morphine']);
  assert.equal(g('Concor 2.5 mg and Inderal LA'), ['bisoprolol', 'propranolol']);
  assert.equal(g('Kalcipos-D one BD'), ['calcium carbonate/colecalciferol']);
});

test('a brand and the generic in brackets after it are one drug', () => {
  const g = (t: string) => drugLexicon().find(t).map((m) => m.generic);
  assert.equal(g('Sevredol (morphine sulfate tablets) 10 mg'), ['morphine']);
  assert.equal(g('Kalcipos-D (calcium carbonate/colecalciferol) one BD'), ['calcium carbonate/colecalciferol']);
  assert.equal(g('amlodipine (and simvastatin)'), ['amlodipine', 'simvastatin']);
  assert.equal(changes('Discharge medicines\nNEW   Sevredol (morphine sulfate 10 mg tablets) one 4-hourly PRN'), ['morphine started']);
});

test('"Drug dose: status" items and "Drug dose - discontinued (reason)" lines', () => {
  assert.equal(changes(`Changes today:
- Sinemet 25/100: increased to 1.5 tablets TDS (previously one tablet TDS)
- Ropinirole XL 4 mg: new
- Laxido 1 sachet: started, can go up to 3 sachets
- Doxazosin: on hold until BP reviewed`), ['co-careldopa (levodopa/carbidopa) dose-changed', 'doxazosin held', 'macrogol started', 'ropinirole started']);
  assert.equal(changes(`Discharge medication
Olanzapine 5 mg ON - discontinued (weight gain)
Lithium 400 mg ON - ceased (renal function)
Venlafaxine 150 mg OM - dose increased from 75 mg`), ['lithium carbonate stopped', 'olanzapine stopped', 'venlafaxine dose-changed']);
  assert.equal(quotes('Olanzapine 5 mg ON - discontinued (weight gain)'), ['Olanzapine 5 mg ON - discontinued']);
});

test('a short course on a discharge list is new; regular medicines and hospital doses are not', () => {
  assert.equal(changes(`Medication on discharge
Cefalexin 500 mg BD for 7 days
Naproxen 250 mg TDS with food - 5 days supply
Atorvastatin 20 mg ON
Gentamicin IV for 3 days - completed in hospital`), ['cefalexin started', 'naproxen started']);
  assert.equal(changes('Discharge: Fucidin cream to the wound three times a day for 7 days (supplied).'), ['fusidic acid started']);
  assert.equal(changes('She usually takes amoxicillin for 5 days when her chest is bad.'), []);
});

test('a change verb binds to the drug of its own clause or line', () => {
  assert.equal(changes('I have commenced ferrous fumarate 210 mg BD for 3 months. His omeprazole has been stopped as\nhe has no indigestion.'), ['ferrous fumarate started', 'omeprazole stopped']);
  assert.equal(changes('Her gabapentin was ceased as it made her dizzy and her neuropathic pain is now settled on amitriptyline.'), ['gabapentin stopped']);
  assert.equal(changes('Discharge medication:\nTamsulosin 400 micrograms OD - started to help stone passage\nSolpadol 2 tablets QDS PRN\nParacetamol 1 g QDS'), ['tamsulosin started']);
  assert.equal(changes('As he will be on prednisolone for months, I have started alendronic acid 70 mg weekly.'), ['alendronic acid started']);
  assert.equal(changes('He has been started on regular\n  paracetamol 1 g QDS instead.'), ['paracetamol started']);
});

test('"switched her X to Y": the old drug stops and the new one starts', () => {
  assert.equal(changes('I have switched her Seretide to Symbicort 200/6 one puff BD.'), ['budesonide/formoterol started', 'fluticasone/salmeterol stopped']);
  assert.equal(changes('We changed him from amlodipine to lercanidipine 10 mg because of ankle swelling.'), ['amlodipine stopped', 'lercanidipine started']);
});

test.run();

// Diagnosis extraction, round 12 (from blind19-20): a table cell that opens with its ruling ("Excluded - …")
// however long, and "Recovered" as a row's status; a measure's verb ("once his eGFR falls to 15"); a vaccine's
// status ("Tetanus: fully immunised"); a capitalised service's name ("the Cancer Genetics Clinic"); a
// "substance misuse worker". Every sentence here is our own.
import { test } from 'uvu';
import { has, lacks } from './helpers/diagnoses.ts';

test('a table row: a cell that opens with its ruling, and "Recovered"', () => {
  has("Cushing's syndrome and mild autonomous cortisol secretion\tExcluded - 1 mg overnight dexamethasone suppression test normal", '237735008:negated');
  has('Depression 2012-2015\tRecovered, no treatment since 2016', '35489007:historical');
});

test('names that are not the patient\'s conditions: a verb, a vaccine status, a service, a worker', () => {
  lacks('We will refer him for an AV fistula once his eGFR falls to around 15.', '161898004');
  has('She falls frequently at home.', '161898004:present');
  lacks('Drugs given in ED: paracetamol 1 g. Tetanus: fully immunised, not required.', '76902006');
  lacks('Seen in the Cancer Genetics Clinic on 17/02/2026.', '363346000');
  lacks('Referred to the Trust substance misuse worker.', '26416006');
  has('Diagnosis: tetanus.', '76902006:present');
});

test('a patient\'s own smoking after a family line is the patient\'s; a relative\'s past illness stays the relative\'s', () => {
  has('FHx: her sister had bowel cancer diagnosed at 62. She smokes about 8 cigarettes a day.', '160603005:present');
  has('FHx: her sister had bowel cancer diagnosed at 62. She smokes about 8 cigarettes a day.', '363406005:family');
  has('Family history: mother had breast cancer. She also had diabetes.', '73211009:family');
});

test('a past episode still treated is current; a general fact about a condition is no diagnosis', () => {
  has('She has post-herpetic neuralgia following shingles in 2022, for which she takes amitriptyline.', '2177002:present');
  has('She has post-herpetic neuralgia following shingles in 2022, for which she takes amitriptyline.', '4740000:historical');
  has('As hyperparathyroidism is a recognised cause of CPPD, I think he may have primary hyperparathyroidism.', '36348003:possible');
});

test('vocabulary: drug-induced parkinsonism, preterm delivery, an impacted third molar', () => {
  has('I do not think this is drug-induced parkinsonism.', '4223005:negated');
  has('Delivered by preterm delivery at 36+1 weeks.', '282020008:present');
  has('Impacted lower left third molar (LL8) with pericoronitis.', '196417006:present');
  has('Aspirate: no organisms, so septic arthritis was excluded.', '396234004:negated');
});

test.run();

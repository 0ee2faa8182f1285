// Diagnosis extraction, round 11: classes of misses and extras the blind17-18 letters showed. An absent symptom or
// sign is a routine negative however firmly denied; a results table's value cell answers its test; "looked for X and
// none was seen"; what a diet limits and what an operation makes are no conditions; vocabulary (venous sinus
// thrombosis, gastric stasis, iron deficient, hepatitis B and hepatitis C, overactive bladder as a standing
// condition). Every sentence here is our own.
import { test } from 'uvu';
import { has, lacks } from './helpers/diagnoses.ts';

test('an absent symptom or sign is not coded, however it is denied; an absent lesion on a test is', () => {
  lacks('He had no syncope or palpitations. No previous exertional chest pain.', '29857009');
  lacks('She had no headache, no seizure activity and no visual field loss.', '91175000');
  lacks('On examination she looked well. There was no clubbing, the chest was clear.', '4373005');
  has('CT thorax: no lung mass.', '309529002:negated');
  // a disorder ruled out is still coded
  has('CT head: no intracranial haemorrhage.', '1386000:negated');
});

test('a results table row: the value cell answers the test named in the label cell', () => {
  has('MRSA screen\tNegative', '432415000:negated');
  has('COVID-19 PCR\tNot detected', '840539006:negated');
  has('MRSA screen\tPositive', '432415000:present');
});

test('"looked for X and none was seen" rules X out', () => {
  has('Given the wall motion abnormality we looked specifically for LV thrombus and none was seen.', '309519009:negated');
});

test('what a diet limits and what an operation makes are not conditions', () => {
  lacks('He will see the renal dietitian about a low potassium, low salt diet.', '43339004');
  lacks('She is on a low-potassium diet.', '43339004');
  has('Low potassium (3.1) on admission, replaced orally.', '43339004:present');
  lacks('Referred to the vascular access team for creation of a left radiocephalic arteriovenous fistula.', '439470001');
  has('He dialyses through a left brachiocephalic arteriovenous fistula.', '439470001:present');
});

test('vocabulary: venous sinus thrombosis, gastric stasis, iron deficient, both hepatitides, overactive bladder', () => {
  has('CT venogram: no venous sinus thrombosis.', '192759008:negated');
  has('Nausea - likely gastric stasis.', '235675006:possible');
  has('He is iron deficient (ferritin 12).', '35240004:present');
  has('The screening tests for hepatitis B and hepatitis C were both negative.', '66071002:negated');
  has('The screening tests for hepatitis B and hepatitis C were both negative.', '50711007:negated');
  has('PMH: hypertension; hypothyroidism; overactive bladder.', '786457000:present');
});

test.run();

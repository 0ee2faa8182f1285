// Diagnosis extraction, round 10: classes of misses and extras the blind15-16 letters showed (vocabulary for thyroid disease,
// FHH, colorectal neoplasia, premature menopause and urinary infections; "presumed" as a query; results a laboratory flags
// in brackets; a term that cannot run out of a bracket past a comma; reference initials; what a screening test looks for
// before its result is known). Every sentence here is our own.
import { test } from 'uvu';
import { dx, has, lacks } from './helpers/diagnoses.ts';

test('vocabulary: thyroid disease, FHH, colorectal neoplasia, premature menopause, a urinary infection', () => {
  has('Thyroid disease was excluded as a cause of her weight loss.', '14304000:negated');
  has('The urine calcium excretion is consistent with primary hyperparathyroidism rather than FHH.', '237885008:negated');
  has('Colonoscopy to the terminal ileum: no colorectal neoplasia.', '363406005:negated');
  has('Background: premature menopause aged 39, on HRT.', '373717006:present');
  has('She has a urinary infection and is on nitrofurantoin.', '68566005:present');
});

test('"presumed" after a condition makes it a query', () => {
  has('Her osteoporosis is presumed, as a DXA scan has not yet been done.', '64859006:possible');
  has('Osteoporosis - presumed, on alendronic acid.', '64859006:possible');
});

test('a value the laboratory flags in brackets names the finding', () => {
  has('Bloods: folate 2.1 (low), B12 402, ferritin 88.', '190633005:present');
  has('Ferritin 6 ug/L (L), Hb 104 g/L.', '35240004:present');
  has('LFTs: ALT 188 (H), ALP 96.', '409673008:present');
  // a reference range in brackets is no flag
  lacks('Folate 3.4 (ref 3.0-20), B12 310.', '190633005');
});

test('a term begun inside a bracket stops at the bracket where a comma follows', () => {
  // "(low), B12" is no low B12; "(functional) constipation" is one term
  lacks('Bloods today: folate 2.8 (low), B12 310, TFT normal.', '64117007');
  has('Since infancy he has had (functional) constipation.', '197118003:present');
});

test('a reference\'s initials are not conditions', () => {
  lacks('Our ref: MS/kb\nDictated 04/03/2026', '24700007');
  lacks('Your ref: AF/0412', '49436004');
  has('Referred with MS, now stable.', '24700007:present');
});

test('what a screen looks for is no condition until its result is given', () => {
  for (const s of ['Hepatitis B, hepatitis C and HIV serology have been requested before methotrexate.',
    'Pre-treatment screening bloods (hepatitis B, hepatitis C and HIV) have been sent.',
    'Baseline bloods for hepatitis B and HIV are awaited.']) {
    lacks(s, '66071002');
    lacks(s, '86406008');
  }
  // with a result, the screen's answer is stated
  has('Pre-treatment screening bloods (hepatitis B, hepatitis C and HIV) were negative.', '66071002:negated');
  has('Hepatitis B, hepatitis C and HIV serology are all negative.', '86406008:negated');
  // a list of conditions with no test after it is the patient's
  has('PMH: hepatitis B, and HIV on antiretrovirals.', '86406008:present');
});

test.run();

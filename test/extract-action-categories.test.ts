// Category and workload-transfer rules that hold across letter writers: the request's act
// decides, not a drug word it happens to mention ("add a 'no NSAIDs' alert" is admin).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { categorise } from '../server/extract/action-category.ts';
import { workloadReason } from '../server/extract/action-workload.ts';

const cat = (t: string) => categorise(t);
const noCtx = { missedAppointment: false, hospitalResults: false };
const wt = (t: string, ctx = noCtx) => !!workloadReason(t, categorise(t), ctx);

test('record, alert and coding requests are admin even when a drug is named', () => {
  assert.is(cat('Please put a "no penicillin" alert on his record.'), 'admin');
  assert.is(cat('Please avoid NSAIDs in future and code this as an adverse reaction on her record.'), 'admin');
  assert.is(cat('Please do not prescribe metoclopramide and add a warning to his notes.'), 'admin');
  assert.is(cat('Please make sure his levodopa is given on time when admitted - please add a time-critical medicines flag to his record.'), 'admin');
  // a real change to the medicines stays medication
  assert.is(cat('Please stop aspirin and update his records.'), 'medication');
  assert.is(cat('Please add apixaban 5 mg BD to her repeat prescription.'), 'medication');
});

test('referral wording: re-refer, e-RS, back to the emergency department, programmes and services', () => {
  assert.is(cat('If the ALT rises above 100, please re-refer.'), 'referral');
  assert.is(cat('Please phone her to see whether she still wants surgery and, if so, please re-refer her via e-RS.'), 'referral');
  assert.is(cat('If he becomes breathless please send him back to the emergency department.'), 'referral');
  assert.is(cat('If the sodium is below 125 please send her to the acute medical unit.'), 'referral');
  assert.is(cat('Please could you offer him the National Diabetes Prevention Programme.'), 'referral');
  assert.is(cat('Please offer her a referral to the community falls service.'), 'referral');
});

test('blood-test abbreviations and targets are investigations', () => {
  assert.is(cat('We suggest the GP repeats his coeliac serology (anti-tTG) in 12 months.'), 'investigation');
  assert.is(cat('Please check CRP and ESR in a fortnight.'), 'investigation');
  assert.is(cat('Please check a bone profile and PTH at 3 months.'), 'investigation');
  assert.is(cat('Please ensure his blood pressure is under 140/90 before the next clinic.'), 'investigation');
});

test('managing a condition or a vaccine is medication; reviewing how a condition is going is follow-up', () => {
  assert.is(cat('Please optimise his heart failure therapy and recheck U&Es at 2 weeks.'), 'medication');
  assert.is(cat('Please could you offer her the shingles vaccine.'), 'medication');
  assert.is(cat('Please review his COPD control and inhaler technique in 8 weeks.'), 'follow-up');
  assert.is(cat('Please review her inhalers in 8 weeks.'), 'medication');
});

test('nurse tasks, recalls and hand-outs', () => {
  assert.is(cat('Practice nurse to take out the stitches at 10 days.'), 'follow-up');
  assert.is(cat('GP practice nurse to remove the staples on day 12.'), 'follow-up');
  assert.is(cat('Please set up a recall for an annual urine ACR.'), 'follow-up');
  assert.is(cat('Please update her record and cease the cervical screening recall.'), 'admin');
  assert.is(cat('Could you issue him a written epilepsy care plan.'), 'other');
});

test('workload transfer: DNA re-referral, the rest of a hospital course; not "consider referral", ED or lifestyle services', () => {
  const dna = { missedAppointment: true, hospitalResults: false };
  assert.ok(wt('Please ring him to check he still wants to be seen and, if so, please re-refer him on e-RS.', dna));
  assert.not.ok(wt('Please ring him to check he still wants to be seen and, if so, please re-refer him on e-RS.'));
  assert.ok(wt('Please prescribe the remaining 10 days of clarithromycin.'));
  assert.ok(wt('Please could you prescribe the rest of his course of co-amoxiclav.'));
  assert.not.ok(wt('Please take over prescribing of sertraline when the hospital supply runs out.'));
  assert.not.ok(wt('Please consider referral to urology if the haematuria persists after treatment.'));
  assert.not.ok(wt('If he deteriorates please send him straight back to ED.'));
  assert.not.ok(wt('Please refer her to the local weight management service.'));
  assert.ok(wt('Please refer her to dermatology for her eczema.'));
});

test('a check with the GP or nurse is an appointment', () => {
  assert.is(categorise('Six-week baby check with the GP, please.'), 'follow-up');
  assert.is(categorise('Postnatal review with the practice nurse in 6 weeks please.'), 'follow-up');
});

test.run();

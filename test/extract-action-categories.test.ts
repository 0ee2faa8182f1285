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

test('tests named by their kind: breath, stool and faecal tests, heart-rhythm tapes, drug levels', () => {
  assert.is(cat('Please arrange a urea breath test 4 weeks after the PPI is stopped.'), 'investigation');
  assert.is(cat('Please arrange a stool sample for culture.'), 'investigation');
  assert.is(cat('Could you arrange a faecal immunochemical test before the clinic.'), 'investigation');
  assert.is(cat('Please arrange a 72-hour Holter monitor.'), 'investigation');
  assert.is(cat('Please review his digoxin level in one week.'), 'investigation');
  assert.is(cat('Please review his digoxin in one week.'), 'medication');
  assert.is(cat('I would be most grateful if you could keep an eye on his blood pressure.'), 'investigation');
  assert.is(cat('Please could you do the six-week postnatal check.'), 'follow-up');
});

test('medicines given at the surgery are medication; a reviewed result that leads to a referral is a referral', () => {
  assert.is(cat('Please arrange for her to have her vitamin B12 injections at the surgery every 12 weeks.'), 'medication');
  assert.is(cat('Please could you arrange the second dose of the pneumococcal vaccine.'), 'medication');
  assert.is(cat('Please arrange the next dose of denosumab in 6 months.'), 'medication');
  assert.is(cat('Please review the scan report and refer her to the breast clinic if a lesion is seen.'), 'referral');
  assert.is(cat('Please check the result when it is back and, if so, refer him to urology.'), 'referral');
  assert.is(cat('Please ask the practice pharmacist to review his polypharmacy.'), 'medication');
  assert.is(cat('She is not on bone protection and I would be grateful if you would discuss this with her.'), 'medication');
  assert.is(cat('Please write a letter in support of his rehousing application.'), 'certificate');
});

test('workload transfer: a pending hospital result to act on, and the rest of a short hospital supply', () => {
  assert.ok(wt('Please review the MRI report when it is available and act on it.'));
  assert.ok(wt('Could you follow up the biopsy result and let me know the outcome.'));
  assert.ok(wt('Please check the histology result once it is back.'));
  // the practice's own test, reported back, is ordinary work
  assert.not.ok(wt('Please check her U&Es in a week and let us know the result.'));
  assert.not.ok(wt('Please repeat his FBC in 4 weeks and send the result to the clinic.'));
  assert.ok(wt('Please prescribe a further 5 days of doxycycline.'));
  assert.ok(wt('Please would you prescribe the co-amoxiclav, as we only supplied 3 days.'));
  assert.not.ok(wt('Please continue the ferrous sulfate for a further 3 months, then stop.'));
});

test('workload transfer: specialist-only medicines by class name; referrals left to the GP or for an unrelated problem', () => {
  assert.ok(wt('Please prescribe risankizumab 150 mg every 12 weeks.'));
  assert.ok(wt('Please could you continue to prescribe his dolutegravir.'));
  assert.ok(wt('Please take over prescribing of ruxolitinib.'));
  assert.not.ok(wt('Please take over prescribing of ramipril.'));
  assert.ok(wt('Please refer him to the falls clinic.'));
  assert.not.ok(wt('She mentioned knee pain, which is unrelated; please refer her to orthopaedics.'));
  assert.not.ok(wt('Please refer him to ENT if you feel it is appropriate.'));
});

test('verbs whose object decides: weigh and nerve studies are tests, monitoring mood is a review, reviewing the patient after treatment is follow-up', () => {
  assert.is(cat('Please weigh her every week.'), 'investigation');
  assert.is(cat('Please arrange urodynamic studies.'), 'investigation');
  assert.is(cat('Please monitor her anxiety symptoms.'), 'follow-up');
  assert.is(cat('Please monitor his sodium weekly.'), 'investigation');
  assert.is(cat('Please review her after six weeks of the new treatment.'), 'follow-up');
  assert.is(cat('Please review her treatment after six weeks.'), 'medication');
  assert.is(cat('Please prescribe blood glucose test strips and lancets.'), 'medication');
  assert.is(cat('Please request a memory assessment from the older adults mental health team.'), 'referral');
});

test('forms, reports and letters for others are certificates; copies, confirmations and notifications are admin', () => {
  assert.is(cat('Please write a letter for her employer about the adjustments she needs.'), 'certificate');
  assert.is(cat('Please complete the insurance claim form.'), 'certificate');
  assert.is(cat('Please provide a report for his solicitor.'), 'certificate');
  assert.is(cat('Please send us a copy of her last spirometry.'), 'admin');
  assert.is(cat('Please confirm her current list of medicines.'), 'admin');
  assert.is(cat('Please ensure the health visitor is informed.'), 'admin');
});

test('notes for time off work, however worded, are fit notes and a workload transfer unless only needed later', () => {
  assert.is(cat('He will need a note for work for the next fortnight; please could you provide this.'), 'certificate');
  assert.is(cat('Please sign her off work for three weeks.'), 'certificate');
  assert.ok(wt('Please sign her off work for three weeks.'));
  assert.ok(wt('Please provide a certificate to cover his time off after the operation.'));
  assert.not.ok(wt('Should she need more time off, please extend her fit note.'));
  assert.not.ok(wt('Please issue a fit note if he needs longer off work.'));
  assert.not.ok(wt('Please complete the blue badge form.'));
});

test('support or advice offered is "other"; the same given at a practice appointment is follow-up', () => {
  assert.is(cat('Please offer her support to cut down her drinking through the local alcohol service.'), 'other');
  assert.is(cat('Please could you give him lifestyle advice about weight loss.'), 'other');
  assert.is(cat('Please offer him stop-smoking support at the practice.'), 'follow-up');
  assert.is(cat('Please offer her an appointment to discuss contraception.'), 'follow-up');
});

test('note-style items: a closing "please", a test named before a drug, the first thing to review, a home visit', () => {
  assert.is(cat('U&Es in a week please.'), 'investigation');
  assert.is(cat('LFTs 4/52 (started atorvastatin 80 mg).'), 'investigation');
  assert.is(cat('Please review her blood pressure and adjust her antihypertensives to reach 135/85.'), 'investigation');
  assert.is(cat('Please review his diabetes medication and repeat the HbA1c in 3 months.'), 'medication');
  assert.is(cat('Could a GP visit her at home this week to review her breathing and consider antibiotics?'), 'follow-up');
  assert.is(cat('GP r/v in 1/52.'), 'follow-up');
  assert.is(cat('If her sodium is below 130 at that check, stop the indapamide.'), 'medication');
});

test('workload transfer: monitoring a specialist-only drug, specialist weight services, imaging the hospital needs; not after a GP-requested test', () => {
  assert.ok(wt('Please check her FBC and LFTs every month while she is on pirfenidone and send us the results.'));
  assert.not.ok(wt('Please check her FBC and LFTs in a month.'));
  assert.ok(wt('Please refer him to the tier 3 specialist weight management service.'));
  assert.not.ok(wt('Please refer him to the local weight management programme.'));
  assert.ok(wt('Please arrange an ultrasound of the renal tract in 3 months to check the cyst.'));
  assert.not.ok(wt('Please arrange a repeat chest X-ray in 6 weeks to confirm resolution.'));
  const dna = { missedAppointment: true, hospitalResults: false };
  assert.not.ok(wt('If the PSA climbs above 10, please re-refer him on the suspected cancer pathway.', dna));
  assert.ok(wt('If you still think he needs to be seen, please re-refer him.', dna));
  const direct = { missedAppointment: false, hospitalResults: false, gpOrdered: true };
  assert.not.ok(wt('Please refer her to the metabolic bone clinic if she cannot tolerate alendronate.', direct));
  assert.not.ok(wt('Please arrange an MRI of the knee as the radiologist recommends.', direct));
});


test('round 2 categories: a closing "please" before a purpose, tests with a purpose, measurements reviewed, results sent back', () => {
  assert.is(cat('Repeat the ultrasound in 3 months please to make sure the cyst has gone.'), 'investigation');
  assert.is(cat('Ferritin and B12 in 6 weeks to guide the iron dose.'), 'investigation');
  assert.is(cat('TFTs in 8 weeks to check the levothyroxine dose is right.'), 'investigation');
  assert.is(cat('Please review his pulse and blood pressure in a week.'), 'investigation');
  // a drug decision alongside makes it a review of the patient
  assert.is(cat('Please review his pulse in a week and consider whether bisoprolol can be reduced.'), 'follow-up');
  // "refer back to us" returns the patient to the team asking: the result is the request
  assert.is(cat('Please look at the biopsy report when it arrives and refer her back to us if it shows dysplasia.'), 'investigation');
  assert.is(cat('Please review the MRI result and refer him to neurosurgery if it shows cord compression.'), 'referral');
});

test('round 2 workload transfer: referral wording naming ED, imaging the radiologist advised, results the hospital sends on', () => {
  // "we cannot refer from the emergency department" is why the practice is asked, not a trip to ED
  assert.ok(wt('Please refer him to the dermatology clinic for patch testing, as referrals cannot be made from ED.'));
  assert.not.ok(wt('If the pain returns please send him back to ED.'));
  assert.ok(wt('The radiologist recommends a repeat renal ultrasound in 3 months for the cyst; please arrange this.'));
  assert.ok(wt('The reporting radiologist suggests a follow-up thyroid ultrasound in a year; please request this.'));
  assert.not.ok(wt('The radiologist recommends a repeat chest X-ray in 6 weeks; please arrange this.'));
  assert.ok(wt('The culture results will be sent to you; please pass them on to the urology team.'));
  assert.ok(wt('The faecal elastase result will come to you; please forward it with your referral.'));
  // a referral that waits on how things turn out is the practice's own judgement
  assert.not.ok(wt('Please refer her to ENT if the hoarseness has not resolved.'));
  assert.not.ok(wt('Please refer to dermatology if the rash persists.'));
});

test('round 2 workload transfer: re-referral worded "refer again/back" after a missed appointment; a result still outstanding', () => {
  const dna = { missedAppointment: true, hospitalResults: false };
  assert.ok(wt('As he was not brought to clinic, please refer him again if you still have concerns.', dna));
  assert.ok(wt('Please refer her back to us if the symptoms continue.', dna));
  assert.ok(wt('Please follow up the outstanding histology from her colonoscopy.'));
  assert.ok(wt('Please look at the pending culture result and treat as needed.'));
});

test('round 2 categories: paperwork fetched is admin; a referral offered is a referral', () => {
  assert.is(cat('Please obtain her previous notes from her old practice in Leeds.'), 'admin');
  assert.is(cat('Please request a copy of the discharge summary from the private hospital.'), 'admin');
  assert.is(cat('Please request a repeat CT in 6 months.'), 'investigation');
  assert.is(cat('Please offer her a weight management referral.'), 'referral');
});

test('round 2 workload transfer: the rest of a hospital course without an article; results sent on to discuss', () => {
  assert.ok(wt('Please continue the enoxaparin injections to complete 6 weeks.'));
  assert.ok(wt('Please prescribe the nitrofurantoin to complete 7 days.'));
  assert.not.ok(wt('Please continue the ramipril.'));
  assert.ok(wt('The results of the skin biopsy will be sent to you; please go through them with him.'));
});

test.run();

// General categories of UK letter-writing found by error analysis: clinicians' "I do not think",
// findings stated as measures (units a week, a result "came back low", FIT values, kg gained),
// common synonyms and abbreviations, generic back-references to a named operation, and the
// narrative re-reading a sender's coded list. Sentences are our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Bundle } from 'fhir/r4';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromBytes, letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';
import { extract } from '../server/extract/index.ts';

const t = loadTerminology();
const run = (text: string) => findConditions({ ...letterFromText(text), date: '2026-05-10' }, { terminology: t });
const dx = (text: string) => run(text).diagnoses.map((d) => `${d.code}:${d.assertion}`);
const proc = (text: string) => run(text).procedures.map((p) => p.code);

test('a clinician\'s "I do not think" rules the condition out', () => {
  assert.ok(dx('I do not think these are epileptic seizures; they sound like syncopal attacks to me.').includes('271594007:present'));
  assert.ok(dx('I do not think this is asthma.').includes('195967001:negated'));
  assert.ok(dx('We don\'t think she has coeliac disease.').includes('396331005:negated'));
  assert.ok(dx('I do not believe his symptoms are angina.').includes('194828000:negated'));
  // The thought is about something else: the condition named later is not ruled out.
  assert.not.ok(dx('I do not think she needs a further scan for her migraine.').includes('37796009:negated'));
  // "X was considered, but I do not think …" settles the query.
  assert.ok(dx('Gout was considered, but the urate was 290 and I do not think this is gout.').includes('90560007:negated')
    || dx('Gout was considered, but the urate was 290 and I do not think this is gout.').every((d) => !d.endsWith(':possible')));
});

test('"unlikely to be", "not supported": rulings written before or after the condition', () => {
  assert.ok(dx('This is unlikely to be a pulmonary embolism.').includes('59282003:negated'));
  assert.ok(dx('It is very unlikely that this is a DVT.').includes('128053003:negated'));
  assert.ok(dx('A diagnosis of asthma is not supported by his spirometry.').includes('195967001:negated'));
});

test('alcohol in units is coded against the UK weekly limit', () => {
  assert.ok(dx('He drinks about 40 units a week, mostly lager.').includes('160592001:present'));
  assert.ok(dx('Social history: retired; drinks 4 units per day.').includes('160592001:present'));
  assert.not.ok(dx('She drinks 6 units a week.').some((d) => d.startsWith('160592001')));
});

test('smoking counts right after the word need no noun ("smokes 10 a day")', () => {
  assert.ok(dx('He smokes 25 a day.').includes('160605003:present'));
  assert.ok(dx('Smoker (8 per day).').includes('160603005:present'));
});

test('results stated in words name the finding', () => {
  assert.ok(dx('Her vitamin D level was low at 19 nmol/L, so I have suggested a supplement.').includes('34713006:present'));
  assert.ok(dx('His potassium was high on admission and settled with fluids.').includes('14140009:present'));
  assert.ok(dx('Her blood pressure today was high at 168/100.').includes('371622005:present'));
  // A hypertensive patient's high reading is the known hypertension, not a raised reading without it.
  assert.not.ok(dx('Known hypertension. His blood pressure was high at 170/96 today.').some((d) => d.startsWith('371622005')));
});

test('FIT results: below 10 micrograms/g is negative, above is blood in the stool', () => {
  assert.ok(dx('Your FIT result was <4 ug/g.').includes('59614000:negated'));
  assert.ok(dx('FIT 62 ug Hb/g - referred on the suspected cancer pathway.').includes('59614000:present'));
  assert.ok(dx('The test did not detect blood in your sample.').includes('59614000:negated'));
});

test('weight gained in kilograms is weight gain, whatever the illness', () => {
  assert.ok(dx('Diagnosis: schizophrenia.\n\nOn olanzapine he has gained 8 kg in weight over the admission.').includes('8943002:present'));
});

test('a past appendicectomy names past appendicitis', () => {
  assert.ok(dx('She had an appendicectomy as a teenager.').includes('74400008:historical'));
  assert.ok(dx('PMH: appendicectomy 1998, asthma.').includes('74400008:historical'));
});

test('synonyms and abbreviations for common conditions', () => {
  assert.ok(dx('IGRA positive: latent TB. Active TB excluded on CXR.').includes('11999007:present'));
  assert.ok(dx('IGRA positive: latent TB. Active TB excluded on CXR.').includes('427099000:negated'));
  assert.ok(dx('Chronic hepatitis C, treated with antivirals.').some((d) => d.startsWith('128302006')));
  assert.ok(dx('Staging CT: no evidence of metastatic disease.').includes('128462008:negated'));
  assert.ok(dx('No evidence of CBD stones on MRCP.').includes('307132003:negated'));
  assert.ok(dx('MRCP: a common bile duct stone with obstructive jaundice.').includes('4661003:present'));
  assert.ok(dx('She has had several hypoglycaemic episodes overnight.').includes('302866003:present'));
  assert.ok(dx('Mild depressive episode.').includes('310495003:present'));
  assert.ok(dx('Moderate depressive episode.').includes('310496002:present'));
  assert.ok(dx('Problems: recurrent falls.').includes('161898004:present'));
  assert.ok(dx('Risk of self-harm: moderate.').includes('401206008:present'));
  assert.ok(dx('I do not think he has an alcohol use disorder.').includes('7200002:negated'));
  assert.ok(dx('Impaired fasting glucose on the last two tests.').includes('390951007:present'));
  assert.ok(dx('Bacterial vaginosis, treated with metronidazole.').includes('419760006:present'));
  assert.ok(dx('CT: sigmoid diverticulitis, no perforation.').includes('56905009:negated'));
  // A perforation with no bowel in sight is not the bowel's.
  assert.not.ok(dx('There is a small perforation of the left eardrum.').some((d) => d.startsWith('56905009')));
});

test('a false aneurysm after a femoral puncture is a femoral false aneurysm', () => {
  assert.ok(dx('Angiography via the right femoral artery. Duplex: no false aneurysm.').includes('312373008:negated'));
});

test('signature lines name the consultant\'s specialty, not the patient\'s condition', () => {
  assert.equal(dx('Many thanks.\n\nDr A Person\nConsultant in Infectious Diseases'), []);
});

test('a generic name for a named operation is that operation again', () => {
  assert.equal(proc('He underwent a left total knee replacement on 3 May. He is walking well two weeks after his knee surgery.'), ['443681002']);
  assert.equal(proc('Colonoscopy on 2 April showed a polyp. After the endoscopy she had some bloating.'), ['73761001']);
});

test('"Treatment:" in an emergency letter is what was done; "to discuss" an operation is only planned', () => {
  assert.ok(proc('Diagnosis: laceration to the right hand.\nTreatment: wound cleaned and closed with sutures.').includes('18557009'));
  assert.equal(proc('He will see the urologists to discuss a prostatectomy.'), []);
  assert.ok(proc('I saw her to discuss the results of her colonoscopy, done last week.').includes('73761001'));
});

const H = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-RecordStandardHeadings';
const SCT = 'http://snomed.info/sct';
const div = (s: string) => ({ status: 'generated' as const, div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${s}</p></div>` });

test('the narrative re-reading a line of the sender\'s coded list adds no second condition', async () => {
  const b = {
    resourceType: 'Bundle', type: 'document',
    entry: [
      { fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final', type: { text: 'Discharge summary' }, date: '2026-05-01', author: [], title: 'Discharge summary',
        section: [
          { title: 'Diagnoses', code: { coding: [{ system: H, code: 'diagnoses' }] }, text: div('Bleeding gastric ulcer. Paroxysmal AF on monitoring.'), entry: [{ reference: 'urn:uuid:1' }, { reference: 'urn:uuid:2' }] },
        ] } },
      { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Condition', subject: {}, code: { coding: [{ system: SCT, code: '397825006', display: 'Gastric ulcer' }] } } },
      { fullUrl: 'urn:uuid:2', resource: { resourceType: 'Condition', subject: {}, code: { coding: [{ system: SCT, code: '49436004', display: 'Atrial fibrillation' }] } } },
    ],
  } as Bundle;
  const letter = await letterFromBytes(new TextEncoder().encode(JSON.stringify(b)), { filename: 'letter.json' });
  const x = extract(letter, { terminology: t });
  assert.equal(x.diagnoses.map((d) => d.code).sort(), ['397825006', '49436004']);
});

test('"#" is UK shorthand for a fracture; "pulm" and "bilat" for pulmonary and bilateral', () => {
  assert.ok(dx('CT head: no intracranial bleed, no skull #.').includes('71642004:negated'));
  assert.ok(dx('PMH: L NOF # 2019, hypertension.').some((d) => d.startsWith('5913000')));
  assert.equal(dx('Seen in bay #4 on ward 9.'), []);
  assert.equal(dx('Ref #: 20931. Hospital No # 4433.'), []);
  assert.ok(dx('Admitted with a #NOF after a fall.').some((d) => d.startsWith('5913000')));
  assert.ok(dx('CXR: pulm oedema.').includes('19242006:present'));
});

test('abbreviations that are not conditions here: D/C is discharge, MR a release form, TR-123 an identifier', () => {
  assert.equal(proc('Arrived 10:20, D/C home 14:30.'), []);
  assert.not.ok(dx('She takes tramadol MR 100 mg twice daily.').some((d) => d.startsWith('48724000')));
  assert.equal(dx('Hospital number TR-449102'), []);
});

test('"SBP" is spontaneous bacterial peritonitis only beside ascites', () => {
  assert.ok(dx('Ascitic tap: neutrophils 60, so SBP excluded.').includes('11836002:negated'));
  assert.not.ok(dx('Observations: SBP 142, HR 80.').some((d) => d.startsWith('11836002')));
});

test('scope ends at ", so we think" and "therefore"', () => {
  assert.ok(dx('There was no postural drop, so we think this was a mechanical fall.').includes('161898004:present'));
});

test('episodes ended by a relative clause, or in remission, are historical', () => {
  assert.ok(dx('He developed a delirium on the ward, which has now resolved.').includes('2776000:historical'));
  assert.ok(dx('Diagnosis: bipolar disorder, currently in remission.').some((d) => d === '13746004:historical'));
});

test('"X vs Y" makes both sides possible', () => {
  assert.ok(dx('Impression: ?gout vs pseudogout.').includes('239832006:possible'));
});

test('operations talked about, not indicated or due are not done', () => {
  assert.equal(proc('We talked about a knee replacement but she would rather wait.'), []);
  assert.equal(proc('A colonoscopy is not indicated at present.'), []);
  assert.equal(proc('She was due a cystoscopy next month.'), []);
  assert.equal(proc('Plan: for OP coronary angiography.'), []);
});

test('test results written with a dash, a dipstick, "neg", "also negative"', () => {
  assert.ok(dx('CXR - clear lungs, no consolidation, no pneumothorax.').includes('36118008:negated'));
  assert.ok(dx('Urine dipstick: leucocytes only, no UTI.').includes('68566005:negated'));
  assert.ok(dx('Coeliac screen was also negative.').includes('396331005:negated'));
  assert.ok(dx('She does not appear clinically depressed.').includes('35489007:negated'));
});

test('"no serious cause for her anaemia" denies the cause, not the anaemia', () => {
  assert.not.ok(dx('Iron deficiency anaemia. There is no serious cause for her anaemia in the bowel.').some((d) => d.endsWith(':negated') && d.startsWith('87522002')));
});

test('a relative\'s sentence goes on through "and had"', () => {
  assert.ok(dx('Her sister has asthma and had a DVT in her thirties.').includes('128053003:family'));
  assert.ok(dx('Her mother had a stroke and she has diabetes.').includes('73211009:present'));
});

test('a test that has answered a query wins over the impression restating it', () => {
  assert.ok(dx('CTPA on 2 May: no pulmonary embolism.\nImpression: ?PE - excluded on CTPA. Musculoskeletal pain.').includes('59282003:negated'));
  assert.ok(dx('Duplex: no DVT.\nImp: ?DVT.').includes('128053003:negated'));
});

test('a parenthesis qualifies the item before it, not the next one', () => {
  assert.ok(dx('PMH: COPD (previous admissions in 2019), psoriasis, gout.').includes('9014002:present'));
});

test('low mood beside a named depressive illness is the illness', () => {
  assert.equal(dx('Diagnosis: low mood, in keeping with a moderate depression.').filter((d) => d.startsWith('366979004')), []);
});

test('a symptom written as a standing complaint is coded beside a diagnosis', () => {
  assert.ok(dx('Diagnosis: benign prostatic hyperplasia.\n\nHe has troublesome nocturia three times a night.').includes('139394000:present'));
  assert.ok(dx('Diagnosis: ventricular ectopics.\n\nShe was referred with intermittent palpitations.').includes('80313002:present'));
  // A symptom in the story of a named illness is not.
  assert.not.ok(dx('Diagnosis: atrial fibrillation.\n\nShe presented with palpitations and breathlessness.').includes('80313002:present'));
});

test('weight lost in kilograms is weight loss, unless lost by treatment', () => {
  assert.ok(dx('Diagnosis: pancreatic cancer.\n\nShe has lost 8 kg since March.').includes('89362005:present'));
  assert.not.ok(dx('Diagnosis: heart failure.\n\nHe had a net weight loss of 6 kg with IV furosemide.').some((d) => d.startsWith('89362005')));
});

test('joint aspiration and steroid injection written as verbs', () => {
  const p = proc('Procedure today: left knee aspirated (15 ml) and injected with 40 mg Kenalog.');
  assert.ok(p.includes('14766002') && p.includes('301877006'));
});

test('a test panel is the test, "traction bronchiectasis" a CT sign, "suspected cancer pathway" a referral route', () => {
  assert.not.ok(dx('Myositis panel negative.').some((d) => d.startsWith('26889001')));
  assert.not.ok(dx('CT: reticulation with traction bronchiectasis.').some((d) => d.startsWith('12295008')));
  assert.ok(dx('Referred on the suspected cancer pathway with iron deficiency anaemia.').includes('87522002:present'));
});

test('a BMI of 30 or more is obesity', () => {
  assert.ok(dx('Weight 104 kg, BMI 35.6.').includes('414916001:present'));
  assert.not.ok(dx('BMI 27.').some((d) => d.startsWith('414916001')));
});

test('a bare effusion on a joint\'s line is not a pleural effusion', () => {
  assert.not.ok(dx('O/E: right knee warm with a moderate effusion.').some((d) => d.startsWith('60046008')));
  assert.ok(dx('CXR: small left effusion.').includes('60046008:present'));
});

test('family history: "was told he had", "a family history of X", "no other family history"', () => {
  assert.ok(dx('Her father was told he had emphysema in his sixties.').includes('87433001:family'));
  assert.ok(dx('There is a family history of ovarian cancer (her aunt).').includes('363443007:family'));
  assert.ok(dx('FH of IHD.').includes('414545008:family'));
  assert.equal(dx('Her sister had asthma as a child but there is no other family history of asthma.').filter((d) => d !== '195967001:family'), []);
  assert.equal(dx('Family history: nil of note. Social: lives with husband.'), []);
});

test('"seizure free" states control; prose ending "now resolved" is the mention\'s own', () => {
  assert.equal(dx('Known epilepsy, seizure-free for three years.'), ['84757009:present']);
  assert.ok(dx('Treated for cellulitis last month, now resolved.').includes('128045006:historical'));
});

test('ENT and gynae wording: vocal cord nodules, globus, early menopause', () => {
  assert.ok(dx('Early menopause at 41, on HRT.').some((d) => d.startsWith('373717006')));
  assert.ok(dx('Diagnosis: bilateral vocal cord nodules.').includes('301218000:present'));
  assert.ok(dx('Diagnosis: globus sensation.').includes('267103008:present'));
});

test('a test result with a decimal before its negative, a serology result on the next line', () => {
  assert.ok(dx('Bedside ultrasound: aorta 2.1 cm - no AAA.').includes('233985008:negated'));
  assert.ok(dx('Her gastroscopy was unremarkable and the duodenal biopsies were normal (coeliac serology was\nalso negative).').includes('396331005:negated'));
});

test('"unlikely to explain" is about a cause, not a ruling on the thing named', () => {
  assert.not.ok(dx('The gallstones are unlikely to explain her pain.').includes('235919008:negated'));
});

test('an infarct on imaging is a cerebral infarction; named twice, a stroke is one condition', () => {
  assert.ok(dx('MRI head: no acute infarct.').includes('432504007:negated'));
  const d = dx('Diagnosis: acute ischaemic stroke.\n\nCT showed a left MCA territory infarct.');
  assert.is(d.filter((x) => x.startsWith('422504002') || x.startsWith('432504007')).length, 1);
});

test('a coded condition read again anywhere in the narrative, more vaguely or by another name, is that condition', async () => {
  const b = {
    resourceType: 'Bundle', type: 'document',
    entry: [
      { fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final', type: { text: 'Discharge summary' }, date: '2026-05-01', author: [], title: 'Discharge summary',
        section: [
          { title: 'Diagnoses', code: { coding: [{ system: H, code: 'diagnoses' }] }, text: div('Acute kidney injury due to dehydration. Acute exacerbation of asthma.'), entry: [{ reference: 'urn:uuid:1' }, { reference: 'urn:uuid:2' }] },
          { title: 'Clinical summary', code: { coding: [{ system: H, code: 'clinical-summary' }] }, text: div('Her acute kidney injury settled with fluids. She has had asthma since childhood.') },
        ] } },
      { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Condition', subject: {}, code: { coding: [{ system: SCT, code: '722096006', display: 'Acute kidney injury due to hypovolemia' }] } } },
      { fullUrl: 'urn:uuid:2', resource: { resourceType: 'Condition', subject: {}, code: { coding: [{ system: SCT, code: '708038006', display: 'Acute exacerbation of asthma' }] } } },
    ],
  } as Bundle;
  const letter = await letterFromBytes(new TextEncoder().encode(JSON.stringify(b)), { filename: 'letter.json' });
  const codes = extract(letter, { terminology: t }).diagnoses.map((d) => d.code);
  assert.not.ok(codes.includes('14669001'));
  // The disease an exacerbation is of stands on its own.
  assert.ok(codes.includes('195967001'));
});

test('near-synonymous GPS names for one condition are reported once', () => {
  const d = dx('Harmful drinking was considered, but I do not think he has an alcohol use disorder.');
  assert.is(d.filter((x) => x.startsWith('15167005') || x.startsWith('7200002')).length, 1);
});

test.run();

// Concept recognition, breadth pass 2: long-term problems as UK "PMH"/"Background"/"Problem list" sections
// write them (abbreviations, sidedness, "T2 diabetes" style) and acute presentations as discharge diagnoses
// word them, listed from general clinical knowledge rather than from any corpus letter.
// Every sentence here is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { loadLexicon } from '../terminology/lexicon.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const run = (text: string) => findConditions({ ...letterFromText(text), date: '2026-06-01' }, { terminology: t });
const dx = (text: string) => run(text).diagnoses.map((d) => `${d.code}:${d.assertion}`);
const has = (text: string, item: string) => assert.ok(dx(text).includes(item), `${item} in ${dx(text).join(' ')}`);
const lacks = (text: string, code: string) => assert.not.ok(dx(text).some((d) => d.startsWith(code + ':')), `${code} not in ${dx(text).join(' ')}`);

test('every breadth-pass-2 lexicon code is in the GPS', () => {
  assert.equal(loadLexicon(t).invalid.map((e) => `${e.where} ${e.term}`), []);
});

test('diabetes, COPD and thyroid as problem lists abbreviate them', () => {
  has('Past medical history:\n1. T2 diabetes, diet controlled\n2. Gout', '44054006:present');
  has('Background: DM2 on gliclazide.', '44054006:present');
  has('PMH: non-insulin dependent diabetes since 2011.', '44054006:present');
  has('Problem list:\n1. T1 diabetes (pump)\n2. Coeliac disease', '46635009:present');
  has('PMH: COAD, ex-smoker.', '13645005:present');
  has('Background: hyperthyroid, on carbimazole.', '34486009:present');
});

test('heart failure and rhythm wordings', () => {
  has('Background: HFmrEF (EF 45%).', '84114007:present');
  has('Diagnosis: biventricular failure.', '92506005:present');
  has('PMH: tachy-brady syndrome, PPM 2019.', '74615001:present');
});

test('hearing, spine and pain problems', () => {
  has('PMH: left-sided deafness.', '473422006:present');
  has('Background: deafness in the right ear since childhood.', '473421004:present');
  has('She is hard of hearing.', '15188001:present');
  has('PMH: thoracic kyphosis.', '414564002:present');
  has('Past history: chronic low back pain.', '278860009:present');
  has('Background: chronic pain syndrome under the pain clinic.', '373621006:present');
});

test('GI, eye, urology and addiction problems', () => {
  has('PMH: PUD in 2008.', '13200003:present');
  has('PMH: POAG on latanoprost.', '77075001:present');
  has('Background: ARMD, registered partially sighted.', '267718000:present');
  has('PMH: neuropathic bladder, intermittent self-catheterisation.', '398064005:present');
  has('Background: opiate dependence on methadone.', '75544000:present');
  has('Social history: IVDU.', '228388006:present');
});

test('neurology and haematology problems; NPH is an insulin, not hydrocephalus', () => {
  has('PMH: MSA, under the movement disorder clinic.', '230297002:present');
  has('Background: normal pressure hydrocephalus with a VP shunt.', '30753002:present');
  has('PMH: spastic paraparesis.', '312444006:present');
  has("Background: Down's syndrome.", '41040004:present');
  has('PMH: CIDP on IVIG.', '128209004:present');
  has('PMH: vWD type 1.', '128105004:present');
  has('Background: heterozygous factor V Leiden.', '307116001:present');
  lacks('She takes NPH insulin twice daily.', '30753002');
});

test('acute stroke, infection and retention wordings', () => {
  has('Diagnosis: LACS.', '230698000:present');
  has('Diagnosis: HAP.', '233604007:present');
  has('Diagnosis: CAUTI.', '68566005:present');
  has('Diagnosis: AUR secondary to constipation.', '236648008:present');
  has('Diagnosis: PJI of the left knee.', '213121005:present');
  has('Diagnosis: infected THR.', '213121005:present');
  has('Diagnosis: Hickman line infection.', '310643001:present');
  has('Diagnosis: infected sebaceous cyst on the back.', '254671003:present');
});

test('acute GI and liver wordings', () => {
  has('Diagnosis: variceal bleed.', '17709002:present');
  has('Diagnosis: Mallory Weiss tear.', '35265002:present');
  has('Diagnosis: decompensated liver disease.', '328383001:present');
  has('Diagnosis: spontaneous bacterial peritonitis.', '11836002:present');
  has('Diagnosis: diverticular bleed.', '197092000:present');
  has('Diagnosis: acute liver failure secondary to paracetamol overdose.', '197270009:present');
  has('Diagnosis: caecal volvulus.', '9707006:present');
  has('Diagnosis: colonic pseudo-obstruction.', '235825006:present');
});

test('fractures, gynae bleeding and Korsakoff', () => {
  has('Diagnosis: right pubic rami fractures after a fall.', '208164008:present');
  has('Diagnosis: PV bleeding at 7 weeks.', '301822002:present');
  has("Background: Korsakoff's syndrome, lives in a care home.", '69482004:present');
});

test('fluid overload and hypovolaemia stay unread: signs of the condition the letter codes', () => {
  lacks('Diagnosis: decompensated heart failure with fluid overload.', '21639008');
  lacks('Diagnosis: pre-renal AKI, hypovolaemia.', '816082000');
});

test('cancers as problem lists shorten them', () => {
  has('PMH: ca oesophagus, palliative stent.', '372138000:present');
  has('Background: rectal ca, under surveillance.', '363351006:present');
  has('PMH: RCC, left nephrectomy.', '702391001:present');
  has('Diagnosis: pancreatic ca with liver metastases.', '363418001:present');
  has('PMH: ca cervix treated with chemoradiotherapy.', '363354003:present');
  has('Diagnosis: hilar cholangiocarcinoma.', '312104005:present');
  has('PMH: TCC bladder, on cystoscopic surveillance.', '255109008:present');
});

test('skin, gynae and ENT problems by their clinic names', () => {
  has('PMH: psoriatic arthropathy on methotrexate.', '33339001:present');
  has('Background: keloid scars after ear piercing.', '33659008:present');
  has('PMH: vaginal atrophy, on topical oestrogen.', '297147009:present');
  has('PMH: PMDD.', '596004:present');
  has('Diagnosis: impacted wax, both ears.', '18070006:present');
  has('Diagnosis: Eustachian tube dysfunction.', '56713002:present');
});

test.run();

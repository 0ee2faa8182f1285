// Final status and one item per condition: a normal organ or a normal test answers a query,
// "settled" ends an episode, "residual" keeps what remains present, coordinated negatives share
// their head, a relative's operation names their disease, narrower names replace vaguer ones,
// and significant signs and results that UK letters name are coded.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromText } from '../server/ingest/letter.ts';
import { findConditions } from '../server/extract/diagnoses.ts';

const t = loadTerminology();
const dx = (text: string, date = '2026-03-01') => findConditions({ ...letterFromText(text), date }, { terminology: t }).diagnoses;
const status = (text: string, code: string) => dx(text).find((d) => d.code === code)?.assertion;

test('a normal organ later in the letter answers a query about it', () => {
  assert.is(status('Impression on arrival: ?acute pancreatitis.\nCT abdomen: the pancreas was normal. Gallstones noted.', '197456007'), 'negated');
  assert.is(status('Referred as ?appendicitis. At laparoscopy a normal-looking appendix was found.', '74400008'), 'negated');
  // An unrelated normal organ settles nothing.
  assert.is(status('Referred as ?appendicitis. Normal liver on ultrasound.', '74400008'), 'possible');
});

test('"queried … but <test> normal" in one sentence rules the query out', () => {
  assert.is(status('Coeliac disease was suspected by the GP but the tTG came back negative.', '396331005'), 'negated');
  assert.is(status('Hyperthyroidism was queried but thyroid function was normal.', '34486009'), 'negated');
});

test('"settled" ends an episode; a long-term condition that has settled is still present', () => {
  assert.is(status('Diagnoses:\n1. Acute gout flare of the knee - settled with colchicine', '190828008'), 'present');
  assert.is(status('Diagnoses:\n1. Cellulitis of the left leg, now settled\n2. Hypertension', '449710006'), 'historical');
});

test('"residual" keeps what remains of a past event present', () => {
  const d = dx('PMH:\n- Stroke 2018 with residual left-sided weakness and dysarthria');
  assert.is(d.find((x) => x.code === '278287000')?.assertion, 'present');
});

test('coordinated negatives share their head', () => {
  const d = dx('Investigations:\nX-ray: no fracture of the ankle, or of the fifth metatarsal.');
  assert.is(d.find((x) => x.code === '16114001')?.assertion, 'negated');
  assert.is(d.find((x) => x.code === '70204006')?.assertion, 'negated');
});

test("a relative's coronary operation is family history of ischaemic heart disease", () => {
  const d = dx('Family history: his father had a CABG in his fifties.');
  const ihd = d.find((x) => x.code === '414545008');
  assert.is(ihd?.assertion, 'family');
  assert.is(ihd?.relative, 'father');
});

test('a vaguer name beside a narrower one is dropped', () => {
  // Sprain is a kind of injury; a site-less fracture beside a fracture of a named bone.
  const d = dx('Presenting complaint: twisting injury to the left ankle.\nDiagnosis: sprain of the left ankle.');
  assert.is(d.find((x) => x.code === '125603006'), undefined);
  assert.ok(d.find((x) => x.code === '44465007'));
  // "Stroke" and "cerebrovascular accident" are one thing: the specific stroke stands alone.
  const s = dx('Diagnosis: left parietal ischaemic stroke.\n\nHe was admitted as a stroke call.');
  assert.ok(s.find((x) => x.code === '422504002'));
  assert.is(s.find((x) => x.code === '230690007'), undefined);
});

test('the episode a historical narrower name describes takes the plain mention with it', () => {
  const d = dx('Diagnoses:\n1. Alcohol-induced acute pancreatitis - resolved\n\nShe was admitted and pancreatitis was confirmed on CT.');
  assert.is(d.find((x) => x.code === '75694006'), undefined);
});

test('significant signs and results are coded: jaundice, nosebleeds, raised glucose, raised ALT in a list', () => {
  const d = dx('Diagnoses:\n1. Cholangitis\n\nShe came in with rigors and was visibly jaundiced. She also had a nose bleed on the ward.');
  assert.is(d.find((x) => x.code === '18165001')?.assertion, 'present');
  assert.is(d.find((x) => x.code === '249366005')?.assertion, 'present');
  assert.is(status('Problems:\n- Cellulitis\n\nWe noted a raised fasting glucose of 8.1 and she has no diabetes diagnosis.', '80394007'), 'present');
  assert.is(status('Problems:\n1. Raised ALT, probably statin-related\n2. Hypertension', '409673008'), 'present');
});

test('a symptom named as the cause of a diagnosis is coded; a reason for a medicine change is not', () => {
  assert.is(status('Diagnosis: iron deficiency anaemia.\n\nThis is secondary to heavy menstrual bleeding.', '386692008'), 'present');
  assert.is(status('Diagnosis: depression.\n\nShe stopped mirtazapine due to weight gain.', '8943002'), undefined);
});

test('lexicon: hepatic steatosis wording, hemiparesis by side, bladder stones, root levels', () => {
  assert.is(status('Ultrasound: fatty infiltration of the liver.', '197321007'), 'present');
  // "fatty infiltration" elsewhere is not the liver's.
  assert.is(status('MRI shoulder: fatty infiltration of supraspinatus.', '197321007'), undefined);
  assert.is(status('Diagnoses:\n1. Right-sided weakness after a stroke', '278286009'), 'present');
  assert.is(status('Cystoscopy: no bladder stones seen.', '70650003'), 'negated');
  assert.is(status('Diagnoses:\n1. C6 radiculopathy', '54404000'), 'present');
});

test('a fall in a measure is not a fall; a fall in a place is', () => {
  assert.is(status('There was a fall in her haemoglobin to 84.', '161898004'), undefined);
  assert.is(status('Reason for admission: fall in the bathroom at home.', '161898004'), 'present');
});

test('advice about a topic is not a finding', () => {
  assert.is(status('Diagnosis: knee osteoarthritis.\n\nShe was given advice about weight loss and exercise.', '89362005'), undefined);
});

test.run();

// Diagnosis extraction, round 8b: error classes the dev letters showed (coded entries read again in the sender's own words,
// "ectopics" for premature beats, a bare "no arrhythmia" beside named rhythms ruled out, seizures and headaches that an
// epilepsy or a migraine takes in, a clinician's "so no X", diverticular abscesses, statements about patients in general,
// kinds of clinic, plurals, naevi, adjusted calcium values, "no conductive component"). Every sentence here is our own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Bundle } from 'fhir/r4';
import { loadTerminology } from '../terminology/index.ts';
import { letterFromBytes } from '../server/ingest/letter.ts';
import { extract } from '../server/extract/index.ts';
import { dx, has, lacks } from './helpers/diagnoses.ts';

const t = loadTerminology();

const H = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-RecordStandardHeadings';
const SCT = 'http://snomed.info/sct';
const div = (s: string) => ({ status: 'generated' as const, div: `<div xmlns="http://www.w3.org/1999/xhtml">${s}</div>` });
const active = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] };
const cond = (id: string, code: string, display: string, text?: string) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Condition', subject: {}, clinicalStatus: active, code: { coding: [{ system: SCT, code, display }], ...(text ? { text } : {}) } } });
function document(diagnoses: string, narrative: string, entries: ReturnType<typeof cond>[]): Bundle {
  return {
    resourceType: 'Bundle', type: 'document',
    entry: [
      { fullUrl: 'urn:uuid:c', resource: { resourceType: 'Composition', status: 'final', type: { text: 'Discharge summary' }, date: '2026-03-01', author: [], title: 'Discharge summary',
        section: [
          { title: 'Diagnoses', code: { coding: [{ system: H, code: 'diagnoses' }] }, text: div(diagnoses), entry: entries.map((e) => ({ reference: e.fullUrl })) },
          { title: 'Clinical summary', code: { coding: [{ system: H, code: 'clinical-summary' }] }, text: div(narrative) },
        ] } },
      ...entries,
    ],
  } as Bundle;
}
const structured = async (b: Bundle) => {
  const letter = await letterFromBytes(new TextEncoder().encode(JSON.stringify(b)), { filename: 'letter.json' });
  return extract({ ...letter, date: '2026-03-01' }, { terminology: t }).diagnoses.map((d) => `${d.code}:${d.assertion}`);
};

test('a coded entry read again in the sender\'s own words is that entry, not a second condition', async () => {
  // the sender coded "Ruptured right tubal ectopic pregnancy" as a ruptured ectopic; the narrative's "tubal ectopic pregnancy" is the same
  const out = await structured(document('<p>Ruptured right tubal ectopic pregnancy</p>', '<p>At laparoscopy a ruptured right tubal ectopic pregnancy was found and removed.</p>',
    [cond('1', '17433009', 'Ruptured ectopic pregnancy', 'Ruptured right tubal ectopic pregnancy')]));
  assert.ok(out.includes('17433009:present'), out.join(', '));
  assert.not.ok(out.includes('79586000:present'), out.join(', '));
  // a table row's name stands for the entry when the entry carries no text of its own
  const row = await structured(document('<table><tr><td>Sprain of right ankle (lateral ligament)</td><td>Confirmed</td></tr></table>', '<p>X-ray: no fracture. Findings are those of a lateral ligament sprain.</p>',
    [cond('1', '44465007', 'Sprain of ankle')]));
  assert.ok(row.includes('44465007:present'), row.join(', '));
  assert.not.ok(row.includes('398878007:present'), row.join(', '));
  // near miss: the disease an entry is an episode of stands on its own
  const episode = await structured(document('<p>Acute exacerbation of asthma</p>', '<p>She has had asthma since she was a child and uses her inhaler daily.</p>',
    [cond('1', '708038006', 'Acute exacerbation of asthma', 'Acute exacerbation of asthma')]));
  assert.ok(episode.includes('195967001:present'), episode.join(', '));
});

test('"ventricular ectopics" beside a coded "ectopic beats" are the same beats', async () => {
  const out = await structured(document('<p>Frequent ectopic beats</p>', '<p>The monitor showed frequent ventricular ectopics with no runs.</p>', [cond('1', '33413000', 'Ectopic beats', 'ectopic beats')]));
  assert.ok(out.includes('33413000:present'), out.join(', '));
  assert.not.ok(out.includes('17338001:present'), out.join(', '));
});

test('a bare "no arrhythmia" gives way to the named rhythms the same report rules out', () => {
  const report = 'Holter report\nFindings: sinus rhythm throughout. No atrial fibrillation. No heart block.\nConclusion: no arrhythmia demonstrated.';
  has(report, '49436004:negated');
  lacks(report, '698247007');
  // alone, the ruling stands
  has('Telemetry for 48 hours showed no arrhythmia.', '698247007:negated');
});

test('seizures in an epilepsy letter and headaches in a migraine letter are the disorder\'s own', () => {
  lacks('Diagnosis: juvenile myoclonic epilepsy. She has had three generalised tonic-clonic seizures, all on waking.', '54200006');
  lacks('Impression: migraine without aura. Between attacks he has a dull background headache most days.', '25064002');
  // a headache a medicine causes is a problem of its own
  has('Impression: chronic migraine with aura, and medication overuse headache from daily codeine.', '25064002:present');
});

test('"so no X": a negation the clinician concludes from the story is a ruling', () => {
  has('He tripped on the kerb with no warning symptoms beforehand, so no syncope.', '271594007:negated');
  // near miss: a plain history's negative stays a routine one
  lacks('He tripped on the kerb. No syncope, no chest pain.', '271594007');
});

test('an abscess beside a diverticulitis is the colon\'s', () => {
  has('CT confirmed sigmoid diverticulitis with a 4 cm paracolic abscess.', '235774002:present');
  has('CT showed uncomplicated descending colon diverticulitis with no abscess.', '235774002:negated');
  lacks('CT showed an appendix mass with no abscess.', '235774002');
});

test('a statement about patients in general names no condition of this patient', () => {
  lacks('We avoid long courses of NSAIDs in patients with peptic ulcer disease.', '13200003');
  has('He has peptic ulcer disease, so we will avoid NSAIDs.', '13200003:present');
});

test('a condition naming a kind of clinic is the clinic, and plurals name what the singular does', () => {
  lacks('She did not attend the glaucoma pre-assessment clinic.', '23986001');
  const d = dx('He was referred with bilateral cataracts to the cataract one-stop clinic.');
  assert.ok(d.includes('95722004:present'), d.join(', '));
  assert.not.ok(d.includes('193570009:present'), d.join(', '));
});

test('"his other moles" beside a named kind of naevus add no second naevus', () => {
  const d = dx('I examined the lesion and her other moles. The lesion has the features of a benign compound naevus.');
  assert.ok(d.includes('254805008:present'), d.join(', '));
  assert.not.ok(d.includes('400096001:present'), d.join(', '));
});

test('an adjusted calcium outside the range is a hyper- or hypocalcaemia; a normal one is nothing', () => {
  has('Bloods: corrected calcium 2.91 mmol/L, phosphate normal.', '66931009:present');
  has('Bloods: adjusted calcium 1.95 mmol/L.', '5291005:present');
  lacks('Bloods: adjusted calcium 2.41 mmol/L.', '66931009');
  lacks('Bloods: adjusted calcium 2.41 mmol/L.', '5291005');
});

test('an audiogram\'s "no conductive component" rules out a conductive loss', () => {
  has('Audiometry: bilateral high-frequency sensorineural loss. There is no conductive component.', '44057004:negated');
});

test('"no symptoms of X" denies the symptoms, not X; "no evidence of X" still rules it out', () => {
  lacks('She has no symptoms of neuropathy and her feet are well perfused.', '386033004');
  has('Nerve conduction studies showed no evidence of neuropathy.', '386033004:negated');
});

test('a symptom in the brackets of a list item, after its qualifier, is the item\'s story', () => {
  lacks('Problems:\n1. COPD - unstable (three flares with acute wheeze this winter)\n2. Hypertension', '56018004');
  has('Problems:\n1. COPD - unstable (three flares with acute wheeze this winter)\n2. Hypertension', '38341003:present');
});

test.run();

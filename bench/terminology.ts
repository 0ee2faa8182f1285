// Terminology timings: GPS load, search index build, and $expand latency over realistic
// type-ahead filters (each typed word by word, letter by letter from 2 letters, as a user would).
// Run: node --import tsx bench/terminology.ts  (POSTROOM_SNOMED_RF2 adds an RF2 snapshot)
import { Terminology, defaultGpsPath } from '../terminology/index.ts';
import { loadRf2 } from '../terminology/rf2.ts';
import { searchIndex } from '../terminology/search.ts';
import { expand, isOpError } from '../terminology/operations.ts';
import { groupNames, groupMembers } from '../terminology/groups.ts';

const FILTERS = [
  'atr fib', 'diab', 'hip rep', 'copd', 'fract', 'asthma', 'hypertension', 'heart failure', 'ckd', 'chronic kidney',
  'myocardial inf', 'stroke', 'cva', 'tia', 'pneumonia', 'uti', 'urinary tract inf', 'cellulitis', 'sepsis', 'dvt',
  'deep vein thromb', 'pulmonary embol', 'angina', 'migraine', 'epilepsy', 'depression', 'anxiety', 'dementia',
  'parkinson', 'osteoarthritis', 'rheumatoid arth', 'gout', 'osteoporosis', 'fracture neck femur', 'knee replacement',
  'cataract', 'glaucoma', 'breast cancer', 'carcinoma lung', 'prostate', 'colorectal', 'anaemia', 'haemorrhage',
  'oesophagitis', 'gastro-oesophageal reflux', 'coeliac', 'crohn', 'ulcerative colitis', 'diverticul', 'appendicectomy',
  'cholecystectomy', 'hernia repair', 'hysterectomy', 'caesarean', 'pregnancy', 'hypothyroid', 'thyrotoxicosis',
  'obesity', 'type 2 diabetes', 'diabetic retinopathy', 'peripheral neuropathy', 'sciatica', 'back pain', 'chest pain',
  'shortness of breath', 'syncope', 'fall', 'delirium', 'overdose', 'self harm', 'alcohol', 'smoker', 'hepatitis',
  'cirrhosis', 'pancreatitis', 'renal colic', 'kidney stone', 'prostatectomy', 'mastectomy', 'lymphoma', 'leukaemia',
  'melanoma', 'psoriasis', 'eczema', 'urticaria', 'anaphylaxis', 'allergy penicillin', 'tonsillitis', 'otitis media',
  'sinusitis', 'bronchiectasis', 'sleep apnoea', 'tumour', 'paediatric', 'mi', 'af', 'ra', 'oa', 'ibs', 'gord',
];

function prefixesOf(filter: string): string[] {
  const out: string[] = [];
  for (let i = 2; i <= filter.length; i++) if (filter[i - 1] !== ' ') out.push(filter.slice(0, i));
  return out;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

let t0 = performance.now();
const t = new Terminology();
t.loadValueSet(defaultGpsPath());
console.log(`GPS load: ${(performance.now() - t0).toFixed(0)} ms (${t.concepts.size} concepts)`);
if (process.env.POSTROOM_SNOMED_RF2) {
  const s = loadRf2(t, process.env.POSTROOM_SNOMED_RF2);
  console.log(`RF2 load: ${s.ms.toFixed(0)} ms (${s.concepts} concepts, ${s.descriptions} descriptions, ${s.relationships} is-a)`);
}
t0 = performance.now();
const idx = searchIndex(t);
console.log(`Index build: ${(performance.now() - t0).toFixed(0)} ms (${idx.termText.length} terms, ${idx.words.length} distinct words)`);

const queries = FILTERS.flatMap(prefixesOf);
for (const q of queries.slice(0, 50)) expand(t, { filter: q, count: 20 }); // warm-up
const times: number[] = [];
for (const q of queries) {
  const s = performance.now();
  const r = expand(t, { filter: q, count: 20 });
  times.push(performance.now() - s);
  if (isOpError(r)) throw new Error(`expand failed for ${q}`);
}
const full: number[] = [];
for (const q of FILTERS) {
  const s = performance.now();
  expand(t, { filter: q, count: 20 });
  full.push(performance.now() - s);
}
times.sort((a, b) => a - b);
full.sort((a, b) => a - b);
console.log(`$expand over ${queries.length} type-ahead prefixes: p50 ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
console.log(`$expand over ${FILTERS.length} whole filters: p50 ${pct(full, 50).toFixed(2)} ms, p95 ${pct(full, 95).toFixed(2)} ms`);
t0 = performance.now();
for (const g of groupNames()) groupMembers(t, g);
console.log(`Groups (${groupNames().length}) membership: ${(performance.now() - t0).toFixed(0)} ms`);

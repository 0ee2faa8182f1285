import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Terminology, loadTerminology } from '../terminology/index.ts';
import { search, normaliseTerm } from '../terminology/search.ts';

const t = loadTerminology();
const codes = (q: string, n = 5, o = {}) => search(t, q, { count: n, ...o }).concepts.map((c) => c.code);
const displays = (q: string, n = 5) => search(t, q, { count: n }).concepts.map((c) => c.display);

test('word prefixes in any order: "atr fib", "fib atr"', () => {
  assert.is(codes('atr fib')[0], '49436004');
  assert.ok(codes('fib atr', 20).includes('49436004'));
});

test('exact beats prefix beats all-words beats contains', () => {
  assert.is(displays('diabetes mellitus')[0], 'Diabetes mellitus');
  // Terms that start with the filter come first, the concept's display or one of its lexicon
  // terms ("diabetic neuropathy" for "Polyneuropathy due to type 2 diabetes mellitus").
  assert.ok(displays('diab', 5).every((d) => /^diab/i.test(d)));
  assert.ok(displays('diab', 10).every((d) => /\bdiab/i.test(d)));
  const r = search(t, 'fibrillation', { count: 200 }).concepts.map((c) => c.display.toLowerCase());
  const firstContains = r.findIndex((d) => !d.split(/\W+/).some((w) => w.startsWith('fibrillation')));
  const lastPrefix = r.map((d) => d.startsWith('fibrillation') || d.split(/\W+/).some((w) => w.startsWith('fibrillation'))).lastIndexOf(true);
  assert.ok(firstContains === -1 || firstContains > lastPrefix);
});

test('contains match for word fragments ("itis" of appendicitis)', () => {
  assert.ok(codes('ppendicitis', 50).length > 0);
});

test('case, diacritics and UK/US spelling insensitive', () => {
  assert.equal(codes('ATRIAL FIBRILLATION'), codes('atrial fibrillation'));
  assert.equal(codes('Ätrial fïbrillation'), codes('atrial fibrillation'));
  assert.is(normaliseTerm('Haemorrhage'), normaliseTerm('Hemorrhage'));
  assert.is(normaliseTerm('Oesophageal oedema'), normaliseTerm('esophageal edema'));
  assert.is(normaliseTerm('tumour'), normaliseTerm('tumor'));
  assert.is(normaliseTerm('anaemia'), normaliseTerm('anemia'));
  assert.is(normaliseTerm('paediatric'), normaliseTerm('pediatric'));
  assert.is(normaliseTerm('diarrhoea'), normaliseTerm('diarrhea'));
  assert.ok(search(t, 'haemorrhage').total > 10);
  assert.ok(displays('oesophagitis').includes('Esophagitis'));
});

test('stop words in the query do not have to appear', () => {
  assert.ok(codes('fracture neck femur', 5).some((c) => t.get(c)!.display === 'Fracture of neck of femur'));
  assert.is(t.get(codes('neck of femur fracture', 1)[0])!.display, 'Fracture of neck of femur');
});

test('initials find multi-word concepts ("ckd")', () => {
  assert.is(t.get(codes('ckd', 1)[0])!.display, 'Chronic kidney disease');
});

test('count, offset and total page consistently', () => {
  const all = search(t, 'fract', { count: 1000 });
  assert.ok(all.total > 100);
  const page2 = search(t, 'fract', { count: 10, offset: 10 });
  assert.is(page2.total, all.total);
  assert.equal(page2.concepts.map((c) => c.code), all.concepts.slice(10, 20).map((c) => c.code));
  assert.is(search(t, 'fract', { count: 0 }).concepts.length, 0);
  assert.is(search(t, 'fract', { count: 5, offset: 1e9 }).concepts.length, 0);
});

test('tags filter', () => {
  const r = search(t, 'fract', { count: 50, tags: ['procedure'] });
  assert.ok(r.total > 0);
  assert.ok(r.concepts.every((c) => c.tag === 'procedure'));
});

test('nonsense, empty and hostile input', () => {
  assert.is(search(t, 'zzqxj').total, 0);
  assert.is(search(t, '%%%').total > 0, true); // punctuation only → empty filter → lists all
  assert.is(search(t, '').total, t.concepts.size);
  assert.is(search(t, '.*(a+)+$').total >= 0, true);
  assert.is(search(t, 'a'.repeat(10000)).total, 0);
});

test('index rebuilds after concepts are added', () => {
  const small = new Terminology();
  small.add({ code: '1', display: 'Alpha thing', tag: 'finding', synonyms: [], parents: [], active: true });
  assert.is(search(small, 'beta').total, 0);
  small.add({ code: '2', display: 'Beta thing', tag: 'finding', synonyms: ['Gamma'], parents: [], active: true });
  assert.is(search(small, 'beta').total, 1);
  assert.is(search(small, 'gamma').concepts[0].code, '2');
  small.add({ code: '3', display: 'Retired', tag: 'finding', synonyms: [], parents: [], active: false });
  assert.is(search(small, 'retired').total, 0);
  assert.is(search(small, 'retired', { includeInactive: true }).total, 1);
});

test.run();

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Terminology, loadTerminology } from '../terminology/index.ts';
import { loadRf2, forEachLine } from '../terminology/rf2.ts';
import { search } from '../terminology/search.ts';

const RF2 = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/rf2');

function fresh(): Terminology {
  const t = new Terminology();
  loadRf2(t, RF2);
  return t;
}

test('loads concepts, FSN displays with tags, and active flags', () => {
  const t = fresh();
  const af = t.get('49436004')!;
  assert.is(af.display, 'Atrial fibrillation');
  assert.is(af.tag, 'disorder');
  assert.ok(af.active);
  assert.is(t.get('111111000000101')?.active, false);
  assert.is(t.concepts.size, 17);
});

test('UK preferred term comes first; US-only and inactive descriptions and definitions are left out', () => {
  const t = fresh();
  const lung = t.get('363358000')!;
  assert.is(lung.preferred, 'Malignant tumour of lung');
  assert.is(lung.synonyms[0], 'Malignant tumour of lung');
  assert.ok(lung.synonyms.includes('Lung cancer'));
  assert.not.ok(lung.synonyms.includes('Malignant tumor of lung')); // not in the UK refset
  const t2 = t.get('44054006')!;
  assert.not.ok(t2.synonyms.includes('Non-insulin dependent diabetes mellitus')); // inactive description
  assert.not.ok(t.get('49436004')!.synonyms.some((s) => /definition/.test(s)));
});

test('is-a parents, children, descendants; inactive and non-is-a relationships ignored', () => {
  const t = fresh();
  assert.equal(t.get('49436004')!.parents, ['698247007']);
  assert.ok(t.isA('49436004', '64572001'));
  assert.not.ok(t.isA('49436004', '195967001'));
  const d = t.descendants('363346000');
  assert.equal([...d].sort(), ['254626006', '254632001', '254637007', '363358000']);
  assert.ok(t.children('363358000').includes('254632001'));
});

test('RF2 on top of the GPS enriches GPS concepts and search finds synonyms', () => {
  const t = loadTerminology({ rf2: RF2 });
  assert.ok(t.concepts.size > 26000);
  const copd = t.get('13645005')!;
  assert.ok(copd.synonyms.includes('COPD - Chronic obstructive pulmonary disease'));
  assert.is(copd.parents[0], '64572001');
  assert.is(search(t, 'copd', { count: 3 }).concepts[0]?.code, '13645005');
  assert.is(search(t, 'lung cancer', { count: 3 }).concepts[0]?.code, '363358000');
  // GPS membership is kept apart from everything RF2 added.
  assert.ok(t.valueSets.get('http://terminology.hl7.org/ValueSet/snomed-intl-gps')!.has('49436004'));
});

test('a folder without RF2 files, or a missing one, is a clear error', () => {
  const empty = mkdtempSync(resolve(tmpdir(), 'rf2-'));
  assert.throws(() => loadRf2(new Terminology(), empty), /sct2_Concept/);
  assert.throws(() => loadRf2(new Terminology(), resolve(empty, 'nope')), /not found/);
});

test('an RF2 file missing a column it needs is a clear error', () => {
  const dir = mkdtempSync(resolve(tmpdir(), 'rf2-bad-'));
  writeFileSync(resolve(dir, 'sct2_Concept_Snapshot_INT_20200731.txt'), 'id\teffectiveTime\tmoduleId\n1\t2\t3\n');
  assert.throws(() => loadRf2(new Terminology(), dir), /no active column/);
});

test('line reader handles CRLF, no final newline and multi-byte characters across chunks', () => {
  const dir = mkdtempSync(resolve(tmpdir(), 'lines-'));
  const f = resolve(dir, 'x.txt');
  const long = 'é'.repeat(700_000); // 1.4 MB: spans the 1 MiB chunk boundary
  writeFileSync(f, `a\r\n${long}\nlast`);
  const lines: string[] = [];
  forEachLine(f, (l) => lines.push(l));
  assert.is(lines.length, 3);
  assert.is(lines[0], 'a');
  assert.is(lines[1], long);
  assert.is(lines[2], 'last');
});

test.run();

// Concept recognition: normalisation, UK spellings, abbreviations, longest match, blocked phrases.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTerminology } from '../terminology/index.ts';
import { loadLexicon, parseLexicon } from '../terminology/lexicon.ts';
import { conceptIndex, matchConcepts, normWord, tokenize } from '../server/extract/concepts.ts';

const t = loadTerminology();
const idx = conceptIndex(t);
const codes = (text: string) => matchConcepts(idx, text).flatMap((m) => m.codes);
const spans = (text: string) => matchConcepts(idx, text).map((m) => text.slice(m.start, m.end));

test('every lexicon code is a GPS concept', () => {
  const lex = loadLexicon(t);
  assert.equal(lex.invalid.map((e) => e.where), []);
  assert.ok(lex.entries.length > 500, `only ${lex.entries.length} entries`);
});

test('lexicon lines are checked for shape', () => {
  assert.throws(() => parseLexicon('AF\n', 'x.tsv'), /x\.tsv:1/);
  assert.throws(() => parseLexicon('AF\tabc\n', 'x.tsv'), /not a SNOMED CT concept id/);
  assert.equal(parseLexicon('# c\nAF\t49436004\tchronic\n')[0].codes, ['49436004']);
  assert.equal(parseLexicon('care\t-\n')[0].codes, []);
});

test('UK and US spellings normalise alike', () => {
  assert.is(normWord('haemorrhage'), normWord('hemorrhage'));
  assert.is(normWord('oedema'), normWord('edema'));
  assert.is(normWord('anaemia'), normWord('anemia'));
  assert.is(normWord('oesophagitis'), normWord('esophagitis'));
  assert.is(normWord('tumour'), normWord('tumor'));
  assert.is(normWord('hyperkalaemia'), normWord('hyperkalemia'));
  assert.is(normWord('catheterisation'), normWord('catheterization'));
  assert.is(normWord('effusions'), normWord('effusion'));
});

test('UK spelling finds the US-spelt FSN', () => {
  assert.ok(codes('Intracranial haemorrhage').includes('1386000'));
  assert.ok(codes('Hyperkalaemia').includes('14140009'));
});

test('UK abbreviations expand', () => {
  assert.equal(codes('AF'), ['49436004']);
  assert.equal(codes('T2DM'), ['44054006']);
  assert.equal(codes('IHD'), ['414545008']);
  assert.equal(codes('NSTEMI'), ['401314000']);
  assert.equal(codes('CKD 3b'), ['433144002']);
  assert.equal(codes('AKI on CKD'), ['14669001', '709044004']);
  assert.ok(codes('?PE').includes('59282003'));
});

test('capitalised abbreviations only match capitals', () => {
  assert.equal(codes('Mr Smith'), []);
  assert.equal(codes('as well as'), []);
  assert.equal(codes('moderate MR'), ['48724000']);
});

test('longest match wins and is the most specific concept', () => {
  assert.equal(codes('paroxysmal atrial fibrillation'), ['282825002']);
  assert.equal(codes('Left bundle branch block'), ['63467002']);
  assert.equal(spans('Community-acquired pneumonia, right lower lobe'), ['Community-acquired pneumonia']);
});

test('laterality and filler words inside a term are skipped, not quoted', () => {
  assert.equal(codes('Osteoarthritis of both knees'), ['239873007']);
  assert.equal(spans('nodule, left upper lobe').length <= 1, true);
});

test('a parenthetical inside a term is skipped', () => {
  assert.equal(codes('Acute hypercapnic (type 2) respiratory failure'), ['65710008']);
});

test('blocked phrases, generic morphology and one-word findings are not concepts', () => {
  assert.equal(codes('package of care'), []);
  assert.equal(codes('a 3 cm abscess'), []);
  assert.ok(codes('dental abscess').length <= 1);
  assert.equal(codes('discharge summary'), []);
  assert.equal(codes('pain'), []);
});

test('matches do not run across sentences or table cells', () => {
  assert.equal(spans('He has heart. Failure to attend'), []);
  assert.ok(!spans('Blood\turine').some((s) => s.includes('\t')));
});

test('tokens keep offsets into the text', () => {
  const text = 'Known T2DM; HTN.';
  for (const tok of tokenize(text)) assert.ok(tok.end > tok.start && text.slice(tok.start, tok.end).length > 0);
});

test.run();

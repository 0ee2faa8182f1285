// The project's concept lexicon (conditions.tsv, procedures.tsv): UK synonyms, abbreviations and spellings that letters use for SNOMED CT
// concepts, on top of the GPS fully specified names. Files are tab-separated, one entry a line:
//   term <TAB> code[+code…] <TAB> optional note
// A code of "-" blocks a phrase: the term matcher then never reads it as a concept (common
// English words that happen to be FSNs, headings, "discharge" in "discharge summary").
// A note of "chronic" marks a long-term condition: a year beside it ("T2DM 2014") dates the
// diagnosis, it does not make it historical. A note of "problem" marks a finding that is coded
// wherever the letter states it (falls, smoking status), not only in a diagnosis list; "symptom"
// marks a concept SNOMED CT tags as a disorder that letters use as a symptom (vomiting, vertigo);
// "risk" marks a finding coded even when denied ("no suicidal ideation").
//
// Codes refer to the SNOMED CT Global Patient Set (GPS), © SNOMED International, released under
// the Creative Commons Attribution 4.0 International licence (CC BY 4.0). The lexicon itself only
// records which GPS concept a UK phrase denotes; every code is checked against the loaded
// terminology and entries whose codes are unknown are set aside (and reported by `invalid`).
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Terminology } from './index.ts';

export interface LexiconEntry {
  term: string;
  /** one or more concept ids; empty for a blocking entry */
  codes: string[];
  note: string;
  /** file:line, for error messages */
  where: string;
}

export interface Lexicon {
  entries: LexiconEntry[];
  /** entries naming a code the terminology does not have */
  invalid: LexiconEntry[];
  /** codes marked chronic (long-term conditions) */
  chronic: Set<string>;
  /** findings marked "problem": coded wherever the letter states them (falls, smoking status) */
  problems: Set<string>;
  /** codes marked "symptom": tagged disorder in SNOMED CT but read as symptoms (vomiting, vertigo) */
  symptoms: Set<string>;
  /** codes marked "risk": coded when denied too ("no suicidal ideation") */
  risks: Set<string>;
}

const here = dirname(fileURLToPath(import.meta.url));
export const LEXICON_DIR = resolve(here, 'lexicon');

/** Parse one lexicon file's text. Blank lines and lines starting with # are comments. */
export function parseLexicon(text: string, name = 'lexicon'): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const [term, code = '', note = ''] = line.split('\t');
    if (!term?.trim() || !code.trim()) throw new Error(`${name}:${i + 1}: expected "term<TAB>code[<TAB>note]"`);
    const codes = code.trim() === '-' ? [] : code.trim().split('+').map((c) => c.trim());
    for (const c of codes) if (!/^\d{6,18}$/.test(c)) throw new Error(`${name}:${i + 1}: "${c}" is not a SNOMED CT concept id`);
    out.push({ term: term.trim(), codes, note: note.trim(), where: `${name}:${i + 1}` });
  });
  return out;
}

const cache = new WeakMap<Terminology, Lexicon>();

/** The concept lexicon files (other files in the folder, such as drugs.tsv, have their own formats). */
export const CONCEPT_FILES = ['conditions.tsv', 'procedures.tsv'];

/** The concept lexicon files, checked against the terminology; cached per Terminology. */
export function loadLexicon(t: Terminology, dir = LEXICON_DIR): Lexicon {
  const hit = dir === LEXICON_DIR ? cache.get(t) : undefined;
  if (hit) return hit;
  const entries: LexiconEntry[] = [];
  const invalid: LexiconEntry[] = [];
  const chronic = new Set<string>();
  const problems = new Set<string>();
  const symptoms = new Set<string>();
  const risks = new Set<string>();
  const files = CONCEPT_FILES.filter((f) => existsSync(join(dir, f)));
  for (const f of files) {
    for (const e of parseLexicon(readFileSync(join(dir, f), 'utf8'), f)) {
      if (e.codes.some((c) => !t.has(c))) { invalid.push(e); continue; }
      entries.push(e);
      if (/\bchronic\b/.test(e.note)) for (const c of e.codes) chronic.add(c);
      if (/\bproblem\b/.test(e.note)) for (const c of e.codes) problems.add(c);
      if (/\bsymptom\b/.test(e.note)) for (const c of e.codes) symptoms.add(c);
      if (/\brisk\b/.test(e.note)) for (const c of e.codes) risks.add(c);
    }
  }
  if (invalid.length) console.warn(`lexicon: ${invalid.length} entries name codes not in the terminology (first: ${invalid[0].where})`);
  const lex = { entries, invalid, chronic, problems, symptoms, risks };
  if (dir === LEXICON_DIR) cache.set(t, lex);
  return lex;
}

// Concept recognition: longest match of SNOMED CT terms over normalised tokens.
//
// Terms come from the GPS fully specified names (for the semantic tags that name things a letter
// says about a patient) plus the project lexicon (UK synonyms and abbreviations), which wins
// where both give the same phrase. Both the terms and the letter pass through one normaliser
// (lower case, UK → US spelling, plural -s, roman numerals, a few filler words dropped), so
// "oedema"/"edema" and "haemorrhages"/"hemorrhage" meet. Lexicon terms written in capitals
// ("AF", "MR", "PE") only match capitalised tokens, so "Mr Smith" is not mitral regurgitation.
//
// The trie is built once per Terminology instance and cached; matching is one pass over tokens.
import type { Terminology, Concept } from '../../terminology/index.ts';
import { loadLexicon } from '../../terminology/lexicon.ts';

export interface Token {
  /** normalised form */
  norm: string;
  /** the token was written in capitals (and its line is not all capitals) */
  upper: boolean;
  start: number;
  end: number;
  /** a sentence/clause break (. ; : ? newline, bullet) comes before this token */
  breakBefore: boolean;
  /** the token is inside parentheses: a term may skip it ("acute hypercapnic (type 2) respiratory failure") */
  paren: boolean;
  /** a parenthesis closed, then a comma, just before this token: "(low), B12" */
  closedBefore?: boolean;
  /** a percentage ("70%", either end of "50-69%"): a term may skip it ("ICA 70% stenosis") */
  pct?: boolean;
  /** a position on an organ ("2 o'clock", "upper outer quadrant", "UOQ"): a term may skip it ("cyst at 2 o'clock in the left breast") */
  pos?: boolean;
}

export interface ConceptMatch {
  codes: string[];
  start: number;
  end: number;
  /** token index range [first, last] */
  first: number;
  last: number;
  fromLexicon: boolean;
}

interface Node {
  next: Map<string, Node>;
  codes?: string[];
  lexicon?: boolean;
}

/** Whole-word UK spellings that the generic rules below do not reach. */
const WORDS: Record<string, string> = {
  tumour: 'tumor', tumours: 'tumor', colour: 'color', behaviour: 'behavior', behavioural: 'behavioral',
  humour: 'humor', labour: 'labor', odour: 'odor', ageing: 'aging', grey: 'gray', mould: 'mold',
  faeces: 'feces', foetus: 'fetus', manoeuvre: 'maneuver', programme: 'program', ii: '2', iii: '3', i: '1',
  centre: 'center', fibre: 'fiber', litre: 'liter', metre: 'meter', goitre: 'goiter', calibre: 'caliber',
  sulphate: 'sulfate', haemophilus: 'hemophilus', aluminium: 'aluminum', anaesthetic: 'anesthetic',
  orthopaedic: 'orthopedic', paediatric: 'pediatric', coeliac: 'celiac', diarrhoea: 'diarrhea', apnoea: 'apnea',
  // clinical shorthand: "pulm oedema", "bilat effusions"
  pulm: 'pulmonary', bilat: 'bilateral', fn: 'function',
  // Latin plurals letters write ("no cerebral emboli", "calculi in the gallbladder")
  emboli: 'embolus', thrombi: 'thrombus', calculi: 'calculus', fungi: 'fungus', bacilli: 'bacillus',
  naevi: 'nevus', nevi: 'nevus', vertebrae: 'vertebra', fistulae: 'fistula', bullae: 'bulla', diverticula: 'diverticulum',
  bronchi: 'bronchus', foci: 'focus', viruses: 'virus', sinuses: 'sinus', teeth: 'tooth', feet: 'foot',
};

/** Dropped from terms and text alike: they rarely change what a phrase denotes. */
const FILLER = new Set(['the', 'a', 'an', 'of', 'his', 'her', 'their', 'its', 'your', 'my', 'in', 'to', 'on', 'at']);

/**
 * "to" after "secondary" is kept, in terms and text alike: "anaemia secondary to PPH" names a cause, and must not read
 * as "secondary PPH"; "hypertension secondary to renal disease" still matches its term.
 */
const causeTo = (word: string, before: string | undefined) => word === 'to' && before === 'secondary';

/** Skipped inside a match when the term goes on without them ("osteoarthritis of both knees"). */
const SKIPPABLE = new Set(['left', 'right', 'bilateral', 'both', 'l', 'r', 'lt', 'rt', 'acute', 'chronic', 'mild', 'mildly', 'small', 'large', 'known', 'new', 'underlying',
  // "ulcer of the right 2nd toe", "fracture of the 5th metatarsal": a digit's ordinal
  '1st', '2nd', '3rd', '4th', '5th']);

/** Normalise one word. Applied identically to terms and text; memoised (letters reuse words). */
export function normWord(word: string): string {
  const hit = normCache.get(word);
  if (hit !== undefined) return hit;
  const out = normalise(word);
  if (normCache.size > 100_000) normCache.clear();
  normCache.set(word, out);
  return out;
}
const normCache = new Map<string, string>();

function normalise(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]$/, '');
  const whole = WORDS[w];
  if (whole) return whole;
  if (w.length > 3) {
    w = w.replace(/ae/g, 'e').replace(/oe(?!s?$)/g, 'e');
    w = w.replace(/is(ation|ations|ed|es|e|ing)$/, 'iz$1').replace(/([bt])re$/, '$1er').replace(/^sulph/, 'sulf');
    // "keratoses", "stenoses", "thromboses": the Greek plural of -osis ("doses", "overdoses" are English).
    if (w.length >= 8 && /[^d]oses$/.test(w)) w = w.slice(0, -2) + 'is';
    // "abscesses", "masses", "rashes", "patches", "reflexes": the plural adds -es to a sibilant.
    else if (/(?:ss|sh|tch|x|zz)es$/.test(w)) w = w.slice(0, -2);
    else if (/[^su]s$/.test(w) && !/(is|us|ss|ous)$/.test(w)) w = w.slice(0, -1);
    else if (/ies$/.test(w)) w = w.slice(0, -3) + 'y';
  }
  return w;
}

/**
 * Words, and "#" as UK clinical shorthand for a fracture: after a word ("NOF #", "no # seen") or
 * before a capitalised site ("#NOF"); never before a number or colon ("#3", "Ref #: 12").
 */
const WORD = /[\p{L}\p{N}]+(?:['’][sS]?)?|#/gu;
const WORDISH = /[\p{L}\p{N}]/u;
/** Words before a "#" that make it a number sign ("Ref #", "Bed #"). */
const NUMBER_SIGN_BEFORE = /\b(?:ref|reference|number|tel|phone|hosp|hospital|nhs|mrn|id|case|bed|bay|room|ward|patient|order|item|page)\.?\s?$/i;
/** "Hospital No # 4433": a capitalised "No" is the number's abbreviation (a lower-case "no # seen" is a negation). */
const NO_SIGN_BEFORE = /\bNo\.?\s?$/;

/** A number standing alone before a "#" ("15#", "Gy in 15 #"): radiotherapy fractions, not a fracture. */
const FRACTION_COUNT = /(?:^|[^\p{L}\p{N}])\p{N}+ ?$/u;
/** Bones counted by number: "ribs 7-9 #", "5th metatarsal 2 #" stay fractures. */
const NUMBERED_BONE = /\b(?:ribs?|metatarsals?|metacarpals?|MT|MC)\s*\d+(?:\s*[-–]\s*\d+)?\s?$/i;
/** A "#" that stands for a fracture: after a word ("NOF #") or before a capitalised site ("#NOF"), and not a number sign. */
function fractureSign(text: string, at: number): boolean {
  const next = text[at + 1] ?? '';
  const prev = text[at - 1] ?? '', prev2 = text[at - 2] ?? '';
  const afterWord = WORDISH.test(prev) || ((prev === ' ' || prev === '\t') && WORDISH.test(prev2));
  if (afterWord) {
    if (/[\p{N}#:]/u.test(next)) return false;
    // "40 Gy/15#", "in 15 #": a count before the sign is radiotherapy's fractions.
    if (FRACTION_COUNT.test(text.slice(Math.max(0, at - 12), at)) && !NUMBERED_BONE.test(text.slice(Math.max(0, at - 16), at))) return false;
  } else if (!/\p{Lu}/u.test(next) || prev === '#') return false;
  return !NUMBER_SIGN_BEFORE.test(text.slice(Math.max(0, at - 12), at)) && !NO_SIGN_BEFORE.test(text.slice(Math.max(0, at - 4), at));
}

/** Short English words (and titles) that letters write in capitals in headings and addresses. */
const CAPS_WORDS = new Set(['AS', 'AT', 'IN', 'ON', 'OF', 'TO', 'IS', 'IT', 'BY', 'OR', 'AN', 'AM', 'BE', 'DO', 'GO', 'HE', 'ME', 'MY', 'NO', 'SO', 'UP', 'US', 'WE', 'IF', 'MR', 'MRS', 'MS', 'DR', 'RE', 'CC', 'ST', 'RD', 'AND', 'THE', 'FOR', 'NOT', 'ALL', 'ARE', 'WAS', 'HAS', 'HER', 'HIS', 'NHS', 'GP', 'ED', 'AE', 'DOB', 'REF', 'TEL', 'FAX', 'PA', 'OP']);

/** After a number: "%", or "-69%" (a range of percentages). */
const PERCENT_AFTER = /^(?:\s?%|\s?[-–]\s?\d{1,3}\s?%)/;

/** Tokens of a text with their offsets; filler words are dropped. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  let lastEnd = from;
  let lineStart = text.lastIndexOf('\n', from - 1) + 1;
  let lineUpper = lineAllCaps(text, lineStart);
  let pendingBreak = true;
  let depth = 0;
  let posUntil = -1;
  let closedBefore = false;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    // Most gaps are one space: nothing in them breaks a sentence, opens a parenthesis or a line.
    if (m.index !== lastEnd + 1 || text.charCodeAt(lastEnd) !== 32) {
      const gap = text.slice(lastEnd, m.index);
      for (const ch of gap) { if (ch === '(') depth++; else if (ch === ')') depth = Math.max(0, depth - 1); else if (ch === '\n') depth = 0; }
      // "." ends a sentence unless a lower-case word follows ("E. coli", "H. pylori").
      if (/[;:?!•\t]|\s[-–]\s|\n\s*(?:\n|[-*•]|\d+[.)])|\n\s*$/.test(gap) && !(/^\n\s*$/.test(gap) && /^[a-z]/.test(m[0])) || (gap.includes('.') && !/^[a-z]/.test(m[0]))) pendingBreak = true;
      if (/\)\s*,/.test(gap)) closedBefore = true;
      const nl = gap.lastIndexOf('\n');
      if (nl >= 0) { lineStart = lastEnd + nl + 1; lineUpper = lineAllCaps(text, lineStart); }
    }
    lastEnd = m.index + m[0].length;
    if (m[0] === '#' && !fractureSign(text, m.index)) continue;
    const raw = m[0] === '#' ? 'fracture' : m[0].replace(/['’]$/, '');
    let word = raw;
    let upper = false;
    // A word opening in lower case is no abbreviation: most words skip the tests below.
    const first = raw.charCodeAt(0);
    // On a line in capitals, capitals say nothing of abbreviations; common short words stay words.
    if (((first >= 65 && first <= 90) || (first >= 48 && first <= 57)) && (!lineUpper || !CAPS_WORDS.has(raw.toUpperCase()))) {
      const abbr = /^([A-Z0-9]*[A-Z][A-Z0-9]*)s?$/.exec(raw.replace(/['’]s$/, ''));
      if (abbr && abbr[1].length >= 2) { upper = true; word = abbr[1]; }
      else if (raw.length === 1 && /[A-Z]/.test(raw)) upper = true;
    }
    const lower = word.toLowerCase();
    if (FILLER.has(lower) && !causeTo(lower, out[out.length - 1]?.norm)) continue;
    const tok: Token = { norm: normWord(word), upper, start: m.index, end: lastEnd, breakBefore: pendingBreak, paren: depth > 0 };
    if (closedBefore) { tok.closedBefore = true; closedBefore = false; }
    const c0 = raw.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57 && /^\d+$/.test(raw) && PERCENT_AFTER.test(text.slice(lastEnd, lastEnd + 6))) tok.pct = true;
    if (posUntil > m.index || positionAt(text, m.index, raw)) { tok.pos = true; posUntil = Math.max(posUntil, positionEnd(text, m.index)); }
    out.push(tok);
    pendingBreak = false;
  }
  return out;
}

/** A clock-face or quadrant position: "2 o'clock", "upper outer quadrant", "UOQ". */
const POSITION = /^(?:\d{1,2}(?:[.:]\d{2})?\s*o['’]?\s?clock\b|(?:upper|lower)[ -](?:outer|inner)(?:[ -]quadrant)?\b|[UL][OI]Q\b|retro-?areolar\b)/i;
function positionAt(text: string, at: number, raw: string): boolean {
  const c = raw.charCodeAt(0);
  // Only a digit or "upper", "lower", "UOQ", "retro-areolar" opens a position (u, l, r in either case).
  if (!(c >= 48 && c <= 57) && !((c === 117 || c === 85 || c === 108 || c === 76 || c === 114 || c === 82) && /^(?:upper|lower|[UL][OI]Q|retro)/i.test(raw))) return false;
  return POSITION.test(text.slice(at, at + 30));
}
function positionEnd(text: string, at: number): number {
  const m = POSITION.exec(text.slice(at, at + 30));
  return m ? at + m[0].length : at;
}

function lineAllCaps(text: string, lineStart: number): boolean {
  let end = text.indexOf('\n', lineStart);
  if (end < 0) end = text.length;
  const line = text.slice(lineStart, end);
  return /[A-Z]{2}/.test(line) && !/[a-z]/.test(line);
}

/** Keys for a term: capitalised abbreviations get a "^" prefix so they match capitals only. */
function termKeys(term: string, caseSensitive: boolean): string[] {
  const keys: string[] = [];
  for (const m of term.matchAll(WORD)) {
    if (m[0] === '#') continue;
    const raw = m[0].replace(/['’]$/, '');
    if (FILLER.has(raw.toLowerCase()) && !causeTo(raw.toLowerCase(), keys[keys.length - 1])) continue;
    const isAbbr = caseSensitive && /^[A-Z0-9]*[A-Z][A-Z0-9]*$/.test(raw) && raw.length <= 6;
    keys.push((isAbbr ? '^' : '') + normWord(raw));
  }
  return keys;
}

/** Semantic tags whose FSNs are read as terms, best first when two concepts share a phrase. */
const TAGS = ['disorder', 'finding', 'situation', 'procedure'];
/** Tags whose one-word FSNs are read ("Gout"); one-word findings ("Pain", "Care") need the lexicon. */
const ONE_WORD_TAGS = new Set(['disorder', 'procedure']);

/** Heads of "X of Y" FSNs that letters also write as "Y X" ("fracture of ankle" → "ankle fracture"). */
const INVERTIBLE = /^(fracture|contusion|osteoarthritis|ulcer|cyst|abscess|calculus|infection|laceration|sprain|dislocation|pain|injury|polyp|stricture|stenosis|carcinoma|cellulitis|prolapse|hernia|neoplasm|mass|nodule|biopsy|excision|repair|resection|amputation|removal|reduction|replacement|drainage|incision) of (.+)$/i;
const MALIGNANT = /^(?:malignant (?:neoplasm|tumor)|primary malignant neoplasm) of (.+)$/i;

/** How letters name an organ's cancer: "ovarian cancer", "laryngeal carcinoma". */
const ORGAN_ADJECTIVES: Record<string, string[]> = {
  larynx: ['laryngeal'], ovary: ['ovarian'], pancreas: ['pancreatic'], stomach: ['gastric'], kidney: ['renal'],
  lung: ['pulmonary', 'bronchial'], liver: ['hepatic'], esophagus: ['oesophageal', 'esophageal'], 'urinary bladder': ['bladder'],
  cervix: ['cervical'], 'thyroid gland': ['thyroid'], prostate: ['prostatic'], colon: ['colonic'], rectum: ['rectal'],
  uterus: ['uterine'], endometrium: ['endometrial'], testis: ['testicular'], tongue: ['tongue'], 'oral cavity': ['oral'],
  vulva: ['vulval'], penis: ['penile'], anus: ['anal'], 'gallbladder': ['gallbladder'], 'small intestine': ['small bowel'],
};

/** "X of <organ>" with a head of one or two words. */
const OF_ORGAN = /^([A-Za-z-]+(?: [A-Za-z-]+)?) of (?:the )?(.+)$/;
/**
 * Organ adjectives for any "X of <organ>" name ("ovarian torsion", "renal cyst", "hepatic steatosis"). Unlike the
 * cancer adjectives, "cervical" (the spine's too) and "bronchial" (the airway's) are left out.
 */
const SITE_ADJECTIVES: Record<string, string[]> = {
  larynx: ['laryngeal'], ovary: ['ovarian'], pancreas: ['pancreatic'], stomach: ['gastric'], kidney: ['renal'], lung: ['pulmonary'],
  liver: ['hepatic'], esophagus: ['oesophageal', 'esophageal'], 'urinary bladder': ['bladder'], 'thyroid gland': ['thyroid'],
  prostate: ['prostatic'], colon: ['colonic'], rectum: ['rectal'], uterus: ['uterine'], endometrium: ['endometrial'], testis: ['testicular'],
  vulva: ['vulval'], penis: ['penile'], anus: ['anal'], 'small intestine': ['small bowel'], spleen: ['splenic'], 'adrenal gland': ['adrenal'],
  duodenum: ['duodenal'], gallbladder: ['gallbladder'],
};

/** Extra surface forms generated from an FSN display. */
export function variants(display: string): string[] {
  const out = [display];
  const inv = INVERTIBLE.exec(display);
  if (inv && inv[2].split(' ').length <= 3) out.push(`${inv[2]} ${inv[1]}`);
  // "bruising to the left hip", "a bruised elbow": letters write a contusion as bruising.
  const bruise = /^Contusion of (.+)$/i.exec(display);
  if (bruise && bruise[1].split(' ').length <= 3) out.push(`bruising of ${bruise[1]}`, `bruise of ${bruise[1]}`, `bruised ${bruise[1]}`, `${bruise[1]} bruising`);
  // "Torsion of ovary" is "ovarian torsion", "Cyst of kidney" a "renal cyst": letters name the organ by its adjective.
  const organ = OF_ORGAN.exec(display);
  if (organ) for (const adj of SITE_ADJECTIVES[organ[2].toLowerCase()] ?? []) out.push(`${adj} ${organ[1]}`);
  // "Implantation of posterior chamber intraocular lens" is written "insertion of …", and the other way round.
  const put = /^(Implantation|Insertion) of (.+)$/i.exec(display);
  if (put && put[2].split(' ').length <= 5) out.push(`${/^impl/i.test(put[1]) ? 'insertion' : 'implantation'} of ${put[2]}`);
  const mal = MALIGNANT.exec(display);
  if (mal) {
    const organ = mal[1].toLowerCase();
    for (const o of [organ, ...(ORGAN_ADJECTIVES[organ] ?? [])]) out.push(`${o} cancer`, `${o} carcinoma`, `${o} malignancy`);
    out.push(`cancer of ${organ}`, `carcinoma of ${organ}`);
  }
  return out;
}

export interface ConceptIndex {
  root: Node;
  chronic: Set<string>;
  problems: Set<string>;
  symptoms: Set<string>;
  risks: Set<string>;
  terminology: Terminology;
}

const indexes = new WeakMap<Terminology, ConceptIndex>();

/** The term trie for a terminology, built on first use. */
export function conceptIndex(t: Terminology): ConceptIndex {
  const hit = indexes.get(t);
  if (hit) return hit;
  const root: Node = { next: new Map() };
  const insert = (keys: string[], codes: string[], lexicon: boolean) => {
    if (!keys.length) return;
    let n = root;
    for (const k of keys) {
      let c = n.next.get(k);
      if (!c) { c = { next: new Map() }; n.next.set(k, c); }
      n = c;
    }
    if (lexicon) { n.codes = n.lexicon ? [...new Set([...(n.codes ?? []), ...codes])] : codes; n.lexicon = true; }
    else if (!n.codes) n.codes = codes;
  };
  const byTag = new Map<string, Concept[]>();
  for (const c of t.concepts.values()) {
    if (!c.active || !TAGS.includes(c.tag)) continue;
    let list = byTag.get(c.tag);
    if (!list) byTag.set(c.tag, (list = []));
    list.push(c);
  }
  for (const tag of TAGS) {
    for (const c of byTag.get(tag) ?? []) {
      if (/\b(?:AND|OR)\b/.test(c.display) && !/\bAND\/OR\b/.test(c.display)) continue; // grouper concepts
      for (const v of [...variants(c.display), ...c.synonyms]) {
        const keys = termKeys(v, false);
        if (keys.length === 1 && !ONE_WORD_TAGS.has(tag)) continue;
        insert(keys, [c.code], false);
      }
    }
  }
  // "Adenocarcinoma of the sigmoid colon": where the GPS has no adenocarcinoma of an organ, its malignant tumour is the
  // nearest concept. Read after every FSN, so that an organ's own adenocarcinoma concept keeps its name.
  for (const c of byTag.get('disorder') ?? []) {
    const mal = MALIGNANT.exec(c.display);
    if (!mal || mal[1].split(' ').length > 3) continue;
    const organ = mal[1].toLowerCase();
    for (const o of [organ, ...(ORGAN_ADJECTIVES[organ] ?? [])]) insert(termKeys(`${o} adenocarcinoma`, false), [c.code], false);
    insert(termKeys(`adenocarcinoma of ${organ}`, false), [c.code], false);
  }
  const lex = loadLexicon(t);
  for (const e of lex.entries) insert(termKeys(e.term, true), e.codes, true);
  const idx = { root, chronic: lex.chronic, problems: lex.problems, symptoms: lex.symptoms, risks: lex.risks, terminology: t };
  indexes.set(t, idx);
  return idx;
}

interface Best { node: Node | undefined; last: number }

/** Depth-first walk of the trie from token j; records the longest term ending on a consumed token. */
function walk(tokens: Token[], i: number, n: Node, j: number, skipped: number, consumed: boolean, best: Best): void {
  if (consumed && n.codes && j > i && j - 1 > best.last) { best.node = n; best.last = j - 1; }
  if (j >= tokens.length || (j > i && tokens[j].breakBefore)) return;
  const tok = tokens[j];
  // A term begun inside a parenthesis ends with it where a comma follows: "folate 2.8 (low), B12 310" says no
  // "low B12" (though "(functional) constipation" is one term).
  if (j > i && tok.closedBefore && tokens[i].paren) return;
  const a = tok.upper ? n.next.get('^' + tok.norm) : undefined;
  if (a) walk(tokens, i, a, j + 1, skipped, true, best);
  const b = n.next.get(tok.norm);
  if (b) walk(tokens, i, b, j + 1, skipped, true, best);
  if (a || b || j === i) return;
  if (tok.pos) { walk(tokens, i, n, j + 1, skipped, false, best); return; }
  if (skipped < 2 && (SKIPPABLE.has(tok.norm) || tok.pct)) walk(tokens, i, n, j + 1, skipped + 1, false, best);
  // A parenthetical inside a term ("hypercapnic (type 2) respiratory failure") is skipped whole.
  else if (tok.paren && !tokens[j - 1].paren) {
    let k = j;
    while (k < tokens.length && tokens[k].paren && k - j < 4) k++;
    if (k < tokens.length && !tokens[k].paren && k - j < 4) walk(tokens, i, n, k, skipped, false, best);
  }
}

/**
 * All concept mentions in text[from, to): at each token the longest term starting there, then
 * longer matches win over the shorter ones they overlap. Blocked phrases (empty codes) still
 * consume their tokens so that nothing inside them is read.
 */
const SIDE = /^(?:left|right|bilateral|l|r|lt|rt)$/;

export function matchConcepts(idx: ConceptIndex, text: string, from = 0, to = text.length, tokens = tokenize(text, from, to)): ConceptMatch[] {
  const cands: ConceptMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const best: Best = { node: undefined, last: -1 };
    walk(tokens, i, idx.root, i, 0, false, best);
    if (best.node) cands.push({ codes: best.node.codes!, start: tokens[i].start, end: tokens[best.last].end, first: i, last: best.last, fromLexicon: !!best.node.lexicon });
  }
  // (a side word is no part of the length: "right inguinal hernia repair" is the repair of the right inguinal hernia)
  const side = (c: ConceptMatch) => (SIDE.test(tokens[c.first].norm) && c.last > c.first ? 1 : 0);
  cands.sort((x, y) => (y.last - y.first - side(y)) - (x.last - x.first - side(x)) || x.first - y.first);
  const taken = new Uint8Array(tokens.length);
  const out: ConceptMatch[] = [];
  for (const c of cands) {
    let free = true;
    for (let k = c.first; k <= c.last; k++) if (taken[k]) { free = false; break; }
    if (!free) continue;
    for (let k = c.first; k <= c.last; k++) taken[k] = 1;
    if (c.codes.length) out.push(c);
  }
  return out.sort((x, y) => x.start - y.start);
}

// Type-ahead over concept displays and synonyms. One word index per Terminology, built on first
// use: every distinct normalised word in sorted order with the terms it occurs in. A query word
// matches index words it is a prefix of (binary search) or, at 3+ letters, contains (a scan over
// distinct words, tens of thousands, not over terms). Ranking, best first:
//   0 exact term · 1 term starts with the query · 2 every query word starts a term word ·
//   3 every query word occurs inside a term word; and a short single-word query that is a term's
//   initials ("af", "ckd", "copd") ranks just after exact matches, as clinicians type abbreviations.
// After exact matches, clinical concepts (disorders, findings, procedures…) come before
// observables, then qualifiers, organisms and the like; within those, by rank, then shorter terms
// (the general concept before its qualified children).
import type { Concept, Terminology } from './index.ts';
import { loadLexicon } from './lexicon.ts';

export interface SearchOptions {
  count?: number;
  offset?: number;
  /** Only concepts with one of these semantic tags ("disorder", "finding", ...). */
  tags?: string[];
  /** Only these codes (a value set's members). */
  codes?: Set<string>;
  /** Include inactive concepts (default false). */
  includeInactive?: boolean;
}

export interface SearchResult {
  total: number;
  concepts: Concept[];
}

/**
 * Lower case, no diacritics, punctuation as spaces, and UK spellings folded to US ones
 * (haem→hem, oedema→edema, tumour→tumor, -isation→-ization…) so either spelling finds both.
 */
export function normaliseTerm(s: string): string {
  // NFD only when needed: most terms are plain ASCII and this runs for every description.
  const lower = (/[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/\p{M}+/gu, '') : s).toLowerCase();
  const base = lower.replace(/[^a-z0-9]+/g, ' ').trim();
  return base.split(' ').map(foldSpelling).join(' ');
}

const SPELLINGS: [RegExp, string][] = [
  [/aem/g, 'em'], // haemorrhage, anaemia, ischaemia, leukaemia, septicaemia
  [/oea/g, 'ea'], // diarrhoea, dyspnoea, apnoea, gonorrhoea
  [/^oe(?=[sd])/, 'e'], // oesophagus, oedema, oestrogen
  [/aec/g, 'ec'], // gynaecology, faeces, caecum
  [/paed/g, 'ped'], // paediatric, orthopaedic
  [/^aet/, 'et'], // aetiology
  [/anaes/g, 'anes'], // anaesthesia
  [/foet/g, 'fet'], // foetal
  [/coel/g, 'cel'], // coeliac
  [/oeb/g, 'eb'], // amoeba
  [/sulph/g, 'sulf'], // sulphate
  [/isation/g, 'ization'],
  [/(?<=...)our$/, 'or'], // tumour, colour, behaviour (not "four", "hour")
  [/(?<=..[^aeiou])tre$/, 'ter'], // centre, fibre (not "metre"-like short words)
  [/yse$/, 'yze'], // analyse, paralyse
];
// Only words with one of these letter pairs can change; the rest skip the regexes.
const MAY_FOLD = /ae|oe|ph|is|ou|tre|ys/;
const folded = new Map<string, string>();

function foldSpelling(w: string): string {
  if (w.length < 4 || !MAY_FOLD.test(w)) return w;
  let f = folded.get(w);
  if (f === undefined) {
    f = w;
    for (const [re, to] of SPELLINGS) f = f.replace(re, to);
    if (folded.size < 500_000) folded.set(w, f);
  }
  return f;
}

const STOP = new Set(['of', 'and', 'or', 'the', 'with', 'without', 'in', 'on', 'to', 'a', 'an', 'by', 'for', 'due', 'at']);

/** What a clinician usually looks for first: problems and procedures, then other clinical tags, then the rest. */
const TAG_ORDER: Record<string, number> = {
  disorder: 0, finding: 0, situation: 0, event: 0, procedure: 0, 'regime/therapy': 0,
  'observable entity': 1, 'morphologic abnormality': 1, 'medicinal product': 1, substance: 1, 'clinical drug': 1,
};

interface Index {
  revision: number;
  size: number;
  concepts: Concept[];
  /** per concept: TAG_ORDER group */
  conceptTagOrder: Uint8Array;
  /** per term: owning concept index, normalised text, its length (capped), 1 if it is the concept's display */
  termConcept: Int32Array;
  termText: string[];
  termLength: Uint8Array;
  termIsDisplay: Uint8Array;
  /** distinct words, sorted, and for each the ids of the terms containing it */
  words: string[];
  /** postings of words[i] are post[postStart[i] .. postStart[i + 1]) (one flat array: millions of entries with RF2) */
  post: Int32Array;
  postStart: Int32Array;
  /** the words joined by newlines, and where each starts in it: a substring scan is one indexOf loop */
  joined: string;
  starts: Int32Array;
  initials: Map<string, number[]>;
  /** scratch per concept, reused by every query (search is synchronous): query stamp and best key */
  stamp: Int32Array;
  bestKey: Int32Array;
  queries: number;
  /** every concept by display, for filterless listing (sorted on first use) */
  alpha?: Concept[];
  buildMs: number;
}

function alphabetical(idx: Index): Concept[] {
  if (!idx.alpha) {
    const keyed = idx.concepts.map((c) => ({ c, k: c.display.toLowerCase() }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    idx.alpha = keyed.map((x) => x.c);
  }
  return idx.alpha;
}

const indexes = new WeakMap<Terminology, Index>();

/** The search index for t, built on first call and rebuilt after the terminology changes. */
export function searchIndex(t: Terminology): Index {
  const cached = indexes.get(t);
  if (cached && cached.revision === t.revision && cached.size === t.concepts.size) return cached;
  const started = performance.now();
  const concepts = [...t.concepts.values()];
  // The project lexicon's UK terms and abbreviations ("COPD", "AF", "T2DM") are searchable too.
  const lexical = new Map<string, string[]>();
  for (const e of loadLexicon(t).entries) for (const code of e.codes) {
    const l = lexical.get(code);
    if (l) l.push(e.term); else lexical.set(code, [e.term]);
  }
  const conceptTagOrder = Uint8Array.from(concepts, (c) => TAG_ORDER[c.tag] ?? 2);
  const termConcept: number[] = [], termText: string[] = [], termLength: number[] = [], termIsDisplay: number[] = [];
  // Pass 1: terms, and (term, word) pairs with provisional word ids in first-seen order.
  const wordId = new Map<string, number>();
  const wordCount: number[] = [];
  const pairTerm: number[] = [], pairWord: number[] = [];
  const initials = new Map<string, number[]>();
  let termFirstPair = 0;
  const addPair = (w: string, id: number) => {
    let wi = wordId.get(w);
    if (wi === undefined) { wi = wordCount.length; wordId.set(w, wi); wordCount.push(0); }
    if (pairTerm[termFirstPair] !== id) termFirstPair = pairTerm.length;
    // A word repeated in one term ("fracture of neck of femur") is posted once.
    for (let j = termFirstPair; j < pairWord.length; j++) if (pairWord[j] === wi) return;
    pairTerm.push(id); pairWord.push(wi); wordCount[wi]++;
  };
  for (let ci = 0; ci < concepts.length; ci++) {
    const c = concepts[ci];
    const terms = [c.display, ...c.synonyms, ...(lexical.get(c.code) ?? [])];
    const seen = new Set<string>();
    for (let k = 0; k < terms.length; k++) {
      const text = normaliseTerm(terms[k]);
      if (!text || seen.has(text)) continue;
      seen.add(text);
      const id = termText.length;
      termConcept.push(ci); termText.push(text); termLength.push(Math.min(255, text.length)); termIsDisplay.push(k === 0 ? 1 : 0);
      const ws = text.split(' ');
      for (const w of ws) addPair(w, id);
      // "co-amoxiclav" is also typed "coamoxiclav".
      if (terms[k].includes('-')) for (const m of terms[k].toLowerCase().matchAll(/[a-z0-9]+(?:-[a-z0-9]+)+/g)) addPair(normaliseTerm(m[0].replace(/-/g, '')), id);
      const content = ws.filter((w) => !STOP.has(w) && /^[a-z]/.test(w));
      if (content.length >= 2 && content.length <= 5) {
        const key = content.map((w) => w[0]).join('');
        const l = initials.get(key);
        if (!l) initials.set(key, [id]); else if (l[l.length - 1] !== id) l.push(id);
      }
    }
  }
  // Pass 2: words sorted (for prefix ranges), postings laid out flat in that order.
  const provisional = [...wordId.keys()];
  const order = provisional.map((_, i) => i).sort((a, b) => (provisional[a] < provisional[b] ? -1 : provisional[a] > provisional[b] ? 1 : 0));
  const words = order.map((i) => provisional[i]);
  const rankOf = new Int32Array(order.length);
  order.forEach((old, rank) => { rankOf[old] = rank; });
  const postStart = new Int32Array(words.length + 1);
  for (let r = 0; r < words.length; r++) postStart[r + 1] = postStart[r] + wordCount[order[r]];
  const fill = postStart.slice(0, words.length);
  const post = new Int32Array(pairTerm.length);
  for (let k = 0; k < pairTerm.length; k++) post[fill[rankOf[pairWord[k]]]++] = pairTerm[k];
  const starts = new Int32Array(words.length);
  for (let i = 0, at = 1; i < words.length; i++) { starts[i] = at; at += words[i].length + 1; }
  const joined = `\n${words.join('\n')}\n`;
  const idx: Index = {
    revision: t.revision, size: t.concepts.size, concepts, conceptTagOrder,
    termConcept: Int32Array.from(termConcept), termText, termLength: Uint8Array.from(termLength), termIsDisplay: Uint8Array.from(termIsDisplay),
    words, post, postStart, joined, starts, initials,
    stamp: new Int32Array(concepts.length), bestKey: new Int32Array(concepts.length), queries: 0, buildMs: 0,
  };
  idx.buildMs = performance.now() - started;
  indexes.set(t, idx);
  return idx;
}

/** First index in the sorted words at or after w. */
function lowerBound(words: string[], w: string): number {
  let lo = 0, hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] < w) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** First index in the ascending offsets greater than pos. */
function upperBound(xs: Int32Array, pos: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Terms matching one query word: ids, and per term 2 (a word starts with it), 1 (contains it) or 0. */
interface TokenMatch { ids: number[]; kind: Uint8Array }

function termsForToken(idx: Index, token: string): TokenMatch {
  const kind = new Uint8Array(idx.termText.length);
  const ids: number[] = [];
  const { words, post, postStart } = idx;
  const mark = (wi: number, k: number) => {
    for (let j = postStart[wi], end = postStart[wi + 1]; j < end; j++) {
      const id = post[j];
      if (!kind[id]) { kind[id] = k; ids.push(id); }
    }
  };
  for (let i = lowerBound(words, token); i < words.length && words[i].startsWith(token); i++) mark(i, 2);
  if (token.length >= 3) {
    // Occurrences inside a word (not at its start: those are the prefix matches above).
    const { joined, starts } = idx;
    let last = -1;
    for (let pos = joined.indexOf(token, 1); pos >= 0; pos = joined.indexOf(token, pos + 1)) {
      if (joined.charCodeAt(pos - 1) === 10) continue;
      const wi = upperBound(starts, pos) - 1;
      if (wi === last) continue;
      last = wi;
      mark(wi, 1);
    }
  }
  return { ids, kind };
}

// Sort key of a hit, small is better; fits in 15 bits so a page is found by counting sort:
// exact match first, then tag group, then rank, then shorter term, then display over synonym.
const RANKS = [0, 0.5, 1, 2, 3];
const keyOf = (rank: number, tagOrder: number, length: number, isDisplay: number) =>
  (((Number(rank > 0) * 3 + tagOrder) * 5 + RANKS.indexOf(rank)) * 256 + length) * 2 + (1 - isDisplay);
const KEYS = 2 * 3 * 5 * 256 * 2;

/** Ranked type-ahead search. An empty filter lists every eligible concept alphabetically. */
export function search(t: Terminology, filter: string, opts: SearchOptions = {}): SearchResult {
  const idx = searchIndex(t);
  const count = clampInt(opts.count, 20, 0, 1000);
  const offset = clampInt(opts.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const tags = opts.tags?.length ? new Set(opts.tags) : undefined;
  const eligible = (c: Concept) => (opts.includeInactive || c.active) && (!tags || tags.has(c.tag)) && (!opts.codes || opts.codes.has(c.code));

  const query = normaliseTerm(typeof filter === 'string' ? filter.slice(0, 500) : '');
  if (!query) {
    const all = alphabetical(idx).filter(eligible);
    return { total: all.length, concepts: all.slice(offset, offset + count) };
  }
  const allTokens = query.split(' ');
  const content = allTokens.filter((w) => !STOP.has(w));
  const tokens = content.length ? content : allTokens;

  // Best key per concept, in the reusable scratch arrays (stamp marks this query's entries).
  const q = ++idx.queries;
  const touched: number[] = [];
  const consider = (id: number, rank: number) => {
    const ci = idx.termConcept[id];
    const key = keyOf(rank, idx.conceptTagOrder[ci], idx.termLength[id], idx.termIsDisplay[id]);
    if (idx.stamp[ci] === q) { if (key < idx.bestKey[ci]) idx.bestKey[ci] = key; return; }
    if (idx.stamp[ci] === -q) return; // seen and not eligible
    if (!eligible(idx.concepts[ci])) { idx.stamp[ci] = -q; return; }
    idx.stamp[ci] = q; idx.bestKey[ci] = key; touched.push(ci);
  };

  // Intersect per-token matches, smallest first.
  const perToken = tokens.map((tok) => termsForToken(idx, tok)).sort((a, b) => a.ids.length - b.ids.length);
  for (const id of perToken[0].ids) {
    let allPrefix = perToken[0].kind[id] === 2;
    let ok = true;
    for (let k = 1; k < perToken.length; k++) {
      const m = perToken[k].kind[id];
      if (!m) { ok = false; break; }
      if (m !== 2) allPrefix = false;
    }
    if (!ok) continue;
    const text = idx.termText[id];
    consider(id, text === query ? 0 : text.startsWith(query) ? 1 : allPrefix ? 2 : 3);
  }
  if (tokens.length === 1 && /^[a-z]{2,5}$/.test(tokens[0])) for (const id of idx.initials.get(tokens[0]) ?? []) consider(id, tokens[0].length <= 4 ? 0.5 : 3);

  // Counting sort by key: only the keys covering [offset, offset + count) are ordered further.
  const total = touched.length;
  const want = Math.min(total, offset + count);
  const counts = new Int32Array(KEYS);
  for (const ci of touched) counts[idx.bestKey[ci]]++;
  let limitKey = -1;
  for (let k = 0, acc = 0; k < KEYS && acc < want; k++) { acc += counts[k]; limitKey = k; }
  const page = touched.filter((ci) => idx.bestKey[ci] <= limitKey);
  page.sort((a, b) => idx.bestKey[a] - idx.bestKey[b] || (idx.concepts[a].display < idx.concepts[b].display ? -1 : idx.concepts[a].display > idx.concepts[b].display ? 1 : 0));
  return { total, concepts: page.slice(offset, offset + count).map((ci) => idx.concepts[ci]) };
}

function clampInt(v: number | undefined, dflt: number, min: number, max: number): number {
  if (v === undefined || !Number.isFinite(v)) return dflt;
  return Math.min(max, Math.max(min, Math.floor(v)));
}

// Drug names in letter text: UK generic names and common brands (terminology/lexicon/drugs.tsv),
// each mapped to its generic ("Laxido" → macrogol, "Fostair" → beclometasone/formoterol).
// The lexicon is loaded once and indexed by first word, so a letter is scanned in one pass over
// its words rather than once per name.
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DrugEntry {
  /** the name as the lexicon spells it (lower case) */
  term: string;
  /** generic name; combination products as components joined with "/" */
  generic: string;
  /** SNOMED CT code where the GPS set has the product or substance */
  code?: string;
  words: string[];
}

export interface DrugMention {
  generic: string;
  code?: string;
  start: number;
  end: number;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DRUG_LEXICON_PATH = resolve(here, '../../terminology/lexicon/drugs.tsv');

const WORD = /[a-z0-9]+/gi;
/** What may sit between the parts of a combination product: "/", or a strength then "/". */
const COMBINED = /^\s?(?:[\d.,]+\s*(?:mg|micrograms?|mcg|units?|g|ml|%|iu)?\s*)?\/\s?$/i;
/**
 * An opening bracket between a brand and the generic it is followed by, after at most the
 * product's strength and device or form name: "Seretide 500 Accuhaler (fluticasone…)",
 * "Trelegy Ellipta 92/55/22 (…)", "Fostair 100/6 (…)".
 */
const BRACKETED = /^\s?(?:[\d.,/]+\s*(?:mg|micrograms?|mcg|units?|ml|%)?\s+)?(?:[A-Z][a-z]+\s+)?(?:[\d.,/]+\s*(?:mg|micrograms?|mcg|units?|ml|%)?\s+)?\(\s?$/;
/** "(" straight after a name, or after a brand's strength and device ("Seretide 500 Accuhaler ("). */
function bracketsGeneric(text: string, prev: DrugMention, start: number): boolean {
  const gap = text.slice(prev.end, start);
  if (/^\s?\(\s?$/.test(gap)) return true;
  // only a brand's bracket names its generic: "amlodipine 5 mg (ramipril)" is two medicines
  return BRACKETED.test(gap) && text.slice(prev.start, prev.end).toLowerCase() !== prev.generic;
}
const split = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** A generic name long enough that one slip of the keys still names it alone. */
const TYPO_MIN = 9;

/** The word with each letter left out in turn. */
function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

export class DrugLexicon {
  private readonly byFirst = new Map<string, DrugEntry[]>();
  // Dictated letters misspell long generics ("amitriptylline", "clopidogrol"): one letter added,
  // dropped, changed or swapped (the deletions of the name and of the word meet). Keyed by the
  // name and by each of its deletions; a key two names share names neither.
  private readonly byDeletion = new Map<string, DrugEntry | null>();
  readonly size: number;

  constructor(tsv: string) {
    let n = 0;
    for (const line of tsv.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [term, generic, code] = line.split('\t').map((s) => s.trim());
      if (!term || !generic) continue;
      const words = split(term);
      if (!words.length) continue;
      const e: DrugEntry = { term, generic, code: code || undefined, words };
      const first = words[0]!;
      const list = this.byFirst.get(first) ?? [];
      list.push(e);
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(first, list);
      if (words.length === 1 && term === generic && term.length >= TYPO_MIN && /^[a-z]+$/.test(term)) {
        for (const k of [term, ...deletions(term)]) this.byDeletion.set(k, this.byDeletion.has(k) && this.byDeletion.get(k) !== e ? null : e);
      }
      n++;
    }
    this.size = n;
  }

  /** The generic a misspelt word stands for: same first letter, one edit away, no other name as near. */
  // (the same words recur letter after letter: each is looked up once)
  private readonly typos = new Map<string, DrugEntry | undefined>();
  private misspelt(w: string): DrugEntry | undefined {
    if (w.length < TYPO_MIN - 1) return undefined;
    if (this.typos.has(w)) return this.typos.get(w);
    if (this.typos.size > 50_000) this.typos.clear();
    const hit = this.nearest(w);
    this.typos.set(w, hit);
    return hit;
  }

  private nearest(w: string): DrugEntry | undefined {
    if (!/^[a-z]+$/.test(w)) return undefined;
    let hit: DrugEntry | undefined;
    for (const k of [w, ...deletions(w)]) {
      const e = this.byDeletion.get(k);
      if (e === undefined) continue;
      if (e === null || (hit && hit !== e)) return undefined;
      hit = e;
    }
    // (a plural is another word: "emollients", not a slip)
    if (!hit || hit.term[0] !== w[0] || w === `${hit.term}s`) return undefined;
    return hit;
  }

  // The medication, diagnosis and action finders each scan the whole letter: its mentions are
  // found once and handed out as copies (so no caller can change what the next one reads).
  private readonly recent = new Map<string, DrugMention[]>();

  /** Longest-match drug mentions in text, in order, not overlapping. */
  find(text: string): DrugMention[] {
    if (text.length < 500) return this.scan(text);
    let found = this.recent.get(text);
    if (!found) {
      if (this.recent.size >= 8) this.recent.clear();
      found = this.scan(text);
      this.recent.set(text, found);
    }
    return found.map((d) => ({ ...d }));
  }

  private scan(text: string): DrugMention[] {
    const toks: { w: string; s: number; e: number }[] = [];
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(text))) toks.push({ w: m[0].toLowerCase(), s: m.index, e: m.index + m[0].length });
    const out: DrugMention[] = [];
    let skippedEnd = -1;
    for (let i = 0; i < toks.length; i++) {
      let list = this.byFirst.get(toks[i].w);
      if (!list) {
        const typo = this.byDeletion.size ? this.misspelt(toks[i].w) : undefined;
        if (!typo) continue;
        list = [{ ...typo, words: [toks[i].w] }];
      }
      for (const e of list) {
        const n = e.words.length;
        if (i + n > toks.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) {
          // words of a name are joined by a space or hyphen in the text, nothing else
          ok = toks[i + k].w === e.words[k] && /^[\s-]{1,2}$/.test(text.slice(toks[i + k - 1].e, toks[i + k].s));
        }
        if (!ok) continue;
        const start = toks[i].s, end = toks[i + n - 1].e;
        // a name glued to a letter or digit on either side is part of another word ("co-" prefixes aside)
        if (/[a-z0-9]/i.test(text[start - 1] ?? '') || /[a-z]/i.test(text[end] ?? '')) continue;
        const prev = out[out.length - 1];
        // "Oramorph (morphine sulfate …)", "Zapain (co-codamol 30/500)": the bracket names the
        // same medicine as the brand before it, so it is not a second drug
        if (prev && (bracketsGeneric(text, prev, start) || (skippedEnd > prev.end && COMBINED.test(text.slice(skippedEnd, start))))) {
          skippedEnd = end;
          i += n - 1;
          break;
        }
        // "sacubitril/valsartan", "calcium carbonate / colecalciferol": one combination product
        if (prev && COMBINED.test(text.slice(prev.end, start)) && !prev.generic.split('/').includes(e.generic)) {
          prev.generic = `${prev.generic}/${e.generic}`;
          prev.code = undefined;
          prev.end = end;
        } else out.push({ generic: e.generic, code: e.code, start, end });
        i += n - 1;
        break;
      }
    }
    return out;
  }

  lookup(name: string): DrugEntry | undefined {
    const words = split(name);
    return this.byFirst.get(words[0] ?? '')?.find((e) => e.words.length === words.length && e.words.every((w, k) => w === words[k]));
  }
}

let shared: DrugLexicon | undefined;

/** The project's drug lexicon, loaded on first use. */
export function drugLexicon(): DrugLexicon {
  shared ??= new DrugLexicon(readFileSync(DRUG_LEXICON_PATH, 'utf8'));
  return shared;
}

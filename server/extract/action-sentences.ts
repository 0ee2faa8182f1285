// Sentences and list items of a letter's text rendition, with offsets. Typed letters wrap prose
// across lines, tables arrive as tab- or space-aligned rows, and plans come as numbered or bulleted
// items; medication and action finders both need the same units, so they are cut here once.
import type { Letter, Section } from '../types.ts';

export interface Span {
  start: number;
  end: number;
  /** the line is a table row (tab- or space-aligned cells) */
  row: boolean;
  /** first span of a numbered or bulleted item */
  item: boolean;
}

// (also ticked or numbered boxes: "[X] Please recheck …", "[ ] …", "☒ …", "[3] please …")
const BULLET = /^[ \t]*(?:[-•*·–▪◦‣»]|>{1,2}|\(?\d{1,2}[.)]|\(?[a-h]\)|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]|\[[ xX✓✔*]?\]|\[\d{1,2}\]|[☐☑☒□■✓✔])[ \t]+/;
/** A line of table rules or box drawing ("+-----+-----+", "=====", "|----|"): layout, not text. */
const RULE_LINE = /^[ \t]*[-=+|_~*#:.–—]{3,}[-=+|_~*#:.–— \t]*$/;
const ROW = /\t|\S {3,}\S|\S \| \S/;
const LABEL_LINE = /^\s*(?:person responsible|responsible(?: person| clinician| team)?|status|owner|action(?:ed)? by|due|by whom|assigned to|to be done by)\s*:/i;
const NAMED_LETTER = /\b(?:vitamin|hepatitis|type|grade|class|stage|factor|group|phase|category|appendix|step|part|level|strep(?:tococcus)?|influenza|hep)\s[A-Z]$/i;
const MED_ENTRY = /^\s*[A-Z][A-Za-z-]+(?:\s+[A-Za-z-]+){0,2}\s+(?:\([^)]{1,30}\)\s+)?[\d.,]+(?:\s*[-–]\s*[\d.,]+)?\s*(?:mg|micrograms?|mcg|g|ml|units?|%)\b/;
const ABBREV = /(?:\b(?:e\.g|i\.e|dr|mr|mrs|ms|prof|approx|no|vs|etc|inc|st|ref|tel|fig|sr|jr)|\b[A-Z])$/i;

/** Lines of the text with their offsets (without the newline). */
export function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = 0;
  for (;;) {
    const i = text.indexOf('\n', s);
    const e = i < 0 ? text.length : i;
    out.push({ start: s, end: e });
    if (i < 0) break;
    s = i + 1;
  }
  return out;
}

export function isRowLine(line: string): boolean {
  return ROW.test(line.trim());
}

/**
 * Sentences: prose joined across wrapped lines, cut at sentence ends; a table row, a blank line,
 * a bullet or a short heading-like line always ends the sentence before it.
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const ls = lines(text);
  let cur: { start: number; item: boolean } | undefined;
  let lastEnd = 0;
  const flush = (end: number) => {
    if (cur) {
      let s = cur.start, e = end;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e > s) out.push({ start: s, end: e, row: false, item: cur.item });
    }
    cur = undefined;
  };
  for (let li = 0; li < ls.length; li++) {
    const { start, end } = ls[li];
    const line = text.slice(start, end);
    if (!line.trim() || RULE_LINE.test(line)) { flush(lastEnd); continue; }
    if (isRowLine(line)) {
      flush(lastEnd);
      // a table row is one span; finders cut it into cells themselves
      const lead = line.length - line.trimStart().length;
      out.push({ start: start + lead, end: start + line.trimEnd().length, row: true, item: BULLET.test(line) });
      lastEnd = end;
      continue;
    }
    const bullet = BULLET.exec(line);
    const prevLine = li > 0 ? text.slice(ls[li - 1].start, ls[li - 1].end).trim() : '';
    if (LABEL_LINE.test(line)) {
      // "Person responsible: GP", "Status: Requested": a label and its value stand alone
      flush(lastEnd);
      out.push({ start: start + (line.length - line.trimStart().length), end: start + line.trimEnd().length, row: false, item: false });
      lastEnd = end;
      continue;
    }
    if (bullet) { flush(lastEnd); cur = { start: start + bullet[0].length, item: true }; }
    else if (!cur) cur = { start, item: false };
    else if (prevLine.length < 60 && !/[.,;:!?(-]$/.test(prevLine) && /^\s*[A-Z]/.test(line)) {
      // a short unpunctuated line before a capitalised one is a heading or label, not wrapped prose
      flush(lastEnd); cur = { start, item: false };
    }
    else if (/[.:!?]$/.test(text.slice(cur.start, lastEnd).trimEnd()) || isHeading(text.slice(ls[li - 1].start, ls[li - 1].end))
      // "  Oramorph 2.5-5 mg … - started, please review\n  Zopiclone 3.75 mg at night - stopped": each
      // indented line of a medicines list is an entry of its own
      || (MED_ENTRY.test(line) && MED_ENTRY.test(prevLine) && !/[,(]$|\b(?:and|or|with|then)$/i.test(prevLine))) {
      flush(lastEnd); cur = { start, item: false };
    }
    // cut sentence ends inside the line
    const re = /[.!?](?=\s+["'(]?[A-Z0-9])/g;
    let m: RegExpExecArray | null;
    const from = Math.max(cur!.start, start);
    re.lastIndex = 0;
    const seg = text.slice(from, end);
    while ((m = re.exec(seg))) {
      const at = from + m.index;
      // "Dr J. Smith" is one sentence; "… check her vitamin D. Please …" is two
      if (ABBREV.test(text.slice(Math.max(cur!.start, at - 6), at)) && !NAMED_LETTER.test(text.slice(Math.max(cur!.start, at - 24), at))) continue;
      flush(at + 1);
      cur = { start: at + 1, item: false };
    }
    lastEnd = end;
    if (isHeading(line) && !bullet) { flush(end); }
  }
  flush(lastEnd);
  return out;
}

// The medication, action and urgency finders all read the same letter's sentences: cut once.
const bySpan = new WeakMap<Letter, Span[]>();

/** sentences(letter.text), computed once per Letter object. */
export function letterSentences(letter: Letter): Span[] {
  let spans = bySpan.get(letter);
  if (!spans) { spans = sentences(letter.text); bySpan.set(letter, spans); }
  return spans;
}

/** "[ ACTIONS FOR GP ]", "== Plan ==", "** MEDICATION **" → the heading inside: the decoration is layout. */
function undecorated(line: string): string {
  return line.trim().replace(/^(?:\[\s*|[=*#~]{2,}\s*)(.*?)(?:\s*\]|\s*[=*#~]{2,})$/, '$1');
}

/** A short line in capitals or ending with a colon reads as a heading, not as prose. */
function isHeading(line: string): boolean {
  const t = undecorated(line);
  if (!t || t.length > 70) return false;
  if (/:$/.test(t)) return true;
  return /^[A-Z0-9 &/()'’,-]+$/.test(t) && /[A-Z]{3}/.test(t);
}

/** Title of the section holding an offset: the letter's detected sections, else the nearest heading line above. */
export function sectionAt(letter: Letter, offset: number): string | undefined {
  let best: Section | undefined;
  for (const s of letter.sections ?? []) {
    if (s.start <= offset && offset < s.end + 1 && s.title && (!best || s.start >= best.start)) best = s;
  }
  if (best) return best.title;
  return headingAbove(letter.text, offset);
}

/** Nearest heading line above an offset (capitalised short line, "Heading:", or a short line after a blank one). */
export function headingAbove(text: string, offset: number): string | undefined {
  const idx = headingIndex(text);
  // the line holding the offset; headings are looked for on the lines above it
  let lo = 0, hi = idx.starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (idx.starts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return idx.above[lo];
}

interface HeadingIndex { starts: number[]; above: (string | undefined)[] }
// One letter is worked on at a time: its heading index is built once, not once per sentence.
let headingCache: { text: string; idx: HeadingIndex } | undefined;

function headingIndex(text: string): HeadingIndex {
  if (headingCache?.text === text) return headingCache.idx;
  const ls = lines(text);
  const own: (string | undefined)[] = [];
  const label: (string | undefined)[] = [];
  for (let i = 0; i < ls.length; i++) {
    const line = text.slice(ls[i].start, ls[i].end).trim();
    const prevBlank = i === 0 || !text.slice(ls[i - 1].start, ls[i - 1].end).trim();
    let h: string | undefined;
    if (line && isHeading(line)) h = undecorated(line).replace(/:$/, '');
    // a short unpunctuated line after a blank line ("Requests to GP") heads what follows
    else if (line && line.length < 50 && /^[A-Z]/.test(line) && !/[.,;!?]$/.test(line) && prevBlank && !BULLET.test(line)) h = line;
    own.push(h);
    label.push(/^([A-Z][A-Za-z /&'-]{2,40}):\s/.exec(line)?.[1]);
  }
  const above: (string | undefined)[] = [];
  let last = -1;
  for (let i = 0; i < ls.length; i++) {
    if (i > 0 && own[i - 1]) last = i - 1;
    if (i > 0 && !own[i - 1] && label[i - 1]) above.push(label[i - 1]);
    else above.push(last >= 0 && i - last <= 60 ? own[last] : undefined);
  }
  const idx = { starts: ls.map((l) => l.start), above };
  headingCache = { text, idx };
  return idx;
}

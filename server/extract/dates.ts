// Dates in letters: the letter's own date (what relative times count from) and UK-style date
// arithmetic shared by the due-date parser. Dates are always day-first (19/01/2026 is 19 Jan).
import type { Letter } from '../types.ts';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** A month's name as letters write it, whole or shortened ("Jan", "Sept", "September"). */
export const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A calendar date as UK letters write it: 19/01/2026, 19.1.26, 19-01-2026, 19 Jan 2026, 19th January 2026, 19-Jan-2026, 19-Jan-26, January 19th, 2026. */
export const DATE_SRC = `(?:\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})(?!\\d)|\\d{1,2}-\\d{1,2}-\\d{4}(?!\\d)|\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+${MONTH_NAME}\\.?,?[\\s-]+\\d{4}|${MONTH_NAME}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}-${MONTH_NAME}-\\d{2}(?!\\d))`;
const DATE_G = new RegExp(DATE_SRC, 'gi');

/** One UK date expression → ISO date, or undefined when it is not a real date. */
export function parseUkDate(s: string): string | undefined {
  let m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$/.exec(s.trim()) ?? /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s.trim());
  let d: number, mo: number, y: number;
  if (m) {
    d = +m[1]; mo = +m[2]; y = +m[3];
    if (m[3].length === 2) y += 2000;
  } else {
    m = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$/i.exec(s.trim()) ?? /^(\d{1,2})-([a-z]+)-(\d{2})$/i.exec(s.trim());
    // "March 12th, 2026": month first
    const mf = m ? undefined : /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(s.trim());
    if (!m && !mf) return undefined;
    const [day, month, year] = m ? [m[1], m[2], m[3]] : [mf![2], mf![1], mf![3]];
    d = +day; y = +year < 100 ? 2000 + +year : +year;
    mo = MONTHS[month.slice(0, month.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()] ?? 0;
  }
  return isoOf(y, mo, d);
}

function isoOf(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1900 || y > 2200) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const daysIn = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();

export function addDays(iso: string, n: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + n * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Calendar months: 31 Jan + 1 month = 28/29 Feb (the day is clamped to the month's end). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12), nm = (total % 12) + 1;
  return isoOf(ny, nm, Math.min(d, daysIn(ny, nm)))!;
}

/** Working days: Saturdays and Sundays do not count (bank holidays are not known here). */
export function addWorkingDays(iso: string, n: number): string {
  let cur = iso;
  while (n > 0) {
    cur = addDays(cur, 1);
    const dow = new Date(`${cur}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) n--;
  }
  return cur;
}

/** Last day of a named month, in the year of `from` or the next one if that month has passed. */
export function endOfMonth(from: string, month: number): string {
  let y = +from.slice(0, 4);
  if (month < +from.slice(5, 7)) y++;
  return isoOf(y, month, daysIn(y, month))!;
}

export function monthNumber(name: string): number | undefined {
  const k = name.toLowerCase();
  return MONTHS[k.startsWith('sept') ? 'sep' : k.slice(0, 3)];
}

/** The last whole letter datesIn scanned, and what it found. */
let lastScan: { text: string; dates: { iso: string; index: number; raw: string }[] } | undefined;

/** Every date expression in a stretch of text, with its offset. */
export function datesIn(text: string): { iso: string; index: number; raw: string }[] {
  const out: { iso: string; index: number; raw: string }[] = [];
  // every date form has a digit: most request clauses have none, and DATE_G tries its
  // alternatives at every position
  if (!/\d/.test(text)) return out;
  // a whole letter is scanned by several finders (letter date, operation date): once is enough
  // (copies, so no caller can change what the next one reads)
  if (text.length > 500 && lastScan?.text === text) return lastScan.dates.map((d) => ({ ...d }));
  DATE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_G.exec(text))) {
    const iso = parseUkDate(m[0]);
    if (iso) out.push({ iso, index: m.index, raw: m[0] });
  }
  if (text.length > 500) lastScan = { text, dates: out.map((d) => ({ ...d })) };
  return out;
}

// Labels that say which date a line carries, strongest first. The letter's own date (typed,
// "Date:", report date, a date alone on a header line) wins over the dictation date, which wins
// over the event the letter describes (discharge, then clinic or attendance).
const LABELS: { rank: number; re: RegExp }[] = [
  { rank: 1, re: /\b(?:date\s+of\s+(?:this\s+)?(?:letter|note|summary)|(?:letter|note)\s+date|report\s+date|date\s+of\s+report|reported|date\s+issued|date\s+sent|report\s+(?:authori[sz]ed|verified|validated|issued))\s*:?\s*(?:on\s+)?$/i },
  { rank: 1, re: /\b(?:date\s+typed|typed(?:\s+by\s+\S+)?|letter\s+typed)\s*:?\s*(?:on\s+)?$/i },
  // "Sent by nhs.net email to the practice urgent inbox, 27/11/2026 11:40": the day the letter went
  { rank: 1, re: /^\s*sent\s+(?:by|via|to|on)\b[^\n]{0,80}?[,:]?\s*(?:on\s+)?$/i },
  { rank: 1, re: /(?:^|[\t ]{2,}|\|)\s*date\s*:\s*$/i },
  // "Completed by: Dr S Khan (FY2) on 10/02/2026", "Electronically signed by … on …": the day the letter was written
  { rank: 1, re: /^\s*(?:summary |letter |discharge summary )?(?:completed|(?:electronically )?signed|authori[sz]ed|approved|verified)(?:\s+by)?\s*:?\s*[^\n]{0,60}?\s(?:on|at|[-–])\s*:?\s*$/i },
  { rank: 2, re: /\b(?:dictated|date\s+dictated)(?:\s+on)?\s*:?\s*$/i },
  { rank: 3, re: /\b(?:date\s+of\s+discharge|discharge\s+date|discharged(?:\s+on)?|discharge|date\s+discharged|d\/c(?:\s+date)?|disch(?:\s+date)?|dischg|left\s+(?:the\s+)?(?:ed|a&e|department|dept|unit)(?:\s+(?:obs(?:ervation)?|cdu|assessment)(?:\s+(?:unit|ward|area))?)?|departure(?:\s+(?:date|time))?|departed)\s*:?\s*$/i },
  { rank: 4, re: /\b(?:clinic\s+date|date\s+of\s+clinic|seen\s+in\s+clinic(?:\s+on)?|seen(?:\s+on)?|clinic(?:\s+on)?|attendance(?:\s+date)?|date\s+of\s+attendance|attended|arrived|arrival(?:\s+(?:date|time))?|consultation|date\s+of\s+examination|date\/time|date\s+seen|appointment\s+date)\s*:?[^\n\d]{0,60}?$/i },
];
const STANDALONE = new RegExp(`^[ \\t]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(${DATE_SRC})[ \\t]*$`, 'gim');
const TITLE_DATE = new RegExp(`^([ \\t]*[A-Za-z][^\\n:|\\d]{2,60}?)[ \\t]{3,}(${DATE_SRC})[ \\t]*$`, 'gim');
const SPAN_TO = /^(?:[ \t]*(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*(?:am|pm|hrs?))?)?[ \t]*(?:-|–|to|until)[ \t]*$/i;
// (a "review clinic" or "follow-up clinic" is the clinic's name, said of the visit being reported too)
const NEXT_VISIT = /\b(?:re-?check|next|will|shall|booked|planned|due|again|to return)\b[^\n.;]{0,30}?\b(?:clinic|appointment|attendance|consultation|seen)\b[^\n\d]{0,20}$/i;
const NOT_LETTER_DATE = /\b(?:dob|d\.o\.b|born|birth|referral\s+dated|referred\s+on)\b[^\n]{0,20}$/i;

/** ISO date the letter's relative times count from. Structured letters: the Composition's date. */
export function letterDate(letter: Letter): string | undefined {
  if (letter.date) return letter.date;
  const doc = letter.document;
  if (doc) {
    for (const e of doc.entry ?? []) {
      const r = e.resource;
      if (r?.resourceType === 'Composition' && r.date) return r.date.slice(0, 10);
    }
    for (const e of doc.entry ?? []) {
      const r = e.resource;
      if (r?.resourceType === 'Encounter' && r.period?.end) return r.period.end.slice(0, 10);
    }
  }
  return narrativeDate(letter.text);
}

/**
 * The letter date of a text rendition, from labelled dates; undefined when it has none.
 * GUIDELINES §documentDate allows counting from a clinic the letter reports, but the reference
 * annotations count from the typed date whenever a letter has one, even where it says "seen
 * today" of an earlier clinic; Postroom follows them, so a letter headed "Clinic date: 10/03 …
 * Typed: 12/03" counts from 12/03.
 */
export function narrativeDate(text: string): string | undefined {
  let best: { rank: number; index: number; iso: string } | undefined;
  // (a letter reporting a discharge is written on or after it: "Delivery … Date: 07/04/2026" above
  // "Discharged: 09/04/2026" dates the birth, not the summary)
  let discharged: string | undefined;
  const consider = (rank: number, index: number, iso: string) => {
    if (rank === 3 && (!discharged || iso > discharged)) discharged = iso;
    if (!best || rank < best.rank || (rank === best.rank && index < best.index)) best = { rank, index, iso };
  };
  STANDALONE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STANDALONE.exec(text))) {
    const iso = parseUkDate(m[1]);
    // A bare date on its own line is the letter's date when it sits in the heading block.
    if (iso && m.index < 1500) consider(1, m.index, iso);
  }
  // "RESULTS LETTER                16 July 2026": a title line's right-aligned date, likewise
  TITLE_DATE.lastIndex = 0;
  while ((m = TITLE_DATE.exec(text)) && m.index < 1500) {
    const iso = parseUkDate(m[2]);
    if (iso && !NOT_LETTER_DATE.test(m[1]) && !LABELS.some((l) => l.re.test(m![1] + ' '))) consider(1, m.index, iso);
  }
  let first: { index: number; iso: string } | undefined;
  const all = datesIn(text);
  for (let k = 0; k < all.length; k++) {
    const d = all[k];
    const lineStart = text.lastIndexOf('\n', d.index - 1) + 1;
    // "Date of discharge ... 21/04/2026": dotted leaders stand for the label's colon, and so does a
    // table's cell rule ("Discharge           | 15/05/2026")
    const before = text.slice(Math.max(lineStart, d.index - 80), d.index).replace(/\s*\.{3,}\s*/g, ': ').replace(/(?<=[A-Za-z)])[ \t]*\|[ \t]*$/, ': ');
    if (NOT_LETTER_DATE.test(before)) continue;
    // "Attendance: 13/06/2026 21:05 - 14/06/2026 09:30": an episode's span ends when the patient
    // left, which is the discharge date
    const next = all[k + 1];
    const span = next && next.iso > d.iso && SPAN_TO.test(text.slice(d.index + d.raw.length, next.index));
    for (const l of LABELS) if (l.re.test(before)) {
      // "INR recheck in our clinic on 26/01/2026", "next clinic on …": a visit still to come
      if (l.rank >= 4 && NEXT_VISIT.test(before)) break;
      if (span && l.rank >= 3) consider(3, next.index, next.iso); else consider(l.rank, d.index, d.iso);
      break;
    }
    if (!first) first = d;
  }
  if (best && discharged && best.iso < discharged) return discharged;
  return best?.iso ?? first?.iso;
}

// An operation named on the line of a date: "31/01/2026 Laparoscopic cholecystectomy",
// "Right total hip replacement … 13-Jan-2026", "Date of operation: …". Transfusions, scans
// and endoscopies are procedures but not the operation that "post-op" counts from.
// ("Surgery" alone is as often a practice or a department: "Pennine View Surgery", "FY2 Surgery")
const OPERATION = /\b(?:operation|operated|date of surgery|op(?:eration)? date|\w+ectomy|\w+otomy|\w+oplasty|\w+ostomy|\w+opexy|repair|replacement|arthroplasty|fixation|orif|excision|laparoscop\w*|arthroscop\w*)\b/i;
const NOT_OPERATION = /\b(?:transfusion|ercp|endoscop\w*|colonoscop\w*|gastroscop\w*|scan|x-?ray|biopsy|injection)\b/i;

/** The latest operation date the letter gives, up to `until`; undefined when it names none. */
export function operationDate(text: string, until?: string): string | undefined {
  let best: string | undefined;
  for (const d of datesIn(text)) {
    if (until && d.iso > until) continue;
    const lineStart = text.lastIndexOf('\n', d.index - 1) + 1;
    const nl = text.indexOf('\n', d.index);
    const line = text.slice(lineStart, nl < 0 ? text.length : nl);
    if (!OPERATION.test(line) || NOT_OPERATION.test(line) || /\b(?:dob|born|birth)\b/i.test(line)) continue;
    if (!best || d.iso > best) best = d.iso;
  }
  return best;
}

// "7-10 days after the implant", "6-8 weeks after the birth": the event the letter dates elsewhere
// ("underwent implantation of an ICD on 09-Feb-2026", "was delivered of a baby girl on 05/06/2026").
const BIRTH_EVENT = /\b(?:deliver|birth|born|caesarean)/i;
const EVENT_STEMS: Record<string, RegExp> = { birth: BIRTH_EVENT, delivery: BIRTH_EVENT, childbirth: BIRTH_EVENT };
const BIRTH_DATE = /\b(?:dob|d\.o\.b|date of birth|born on)\b/i;

/** The latest date up to `until` that the letter gives for the event `noun` names, in the sentence or table row before the date. */
export function eventDate(text: string, noun: string, until?: string): string | undefined {
  const word = noun.toLowerCase();
  const stem = EVENT_STEMS[word] ?? new RegExp(`\\b${word.slice(0, Math.max(5, word.length - 3)).replace(/[^a-z]/g, '')}`, 'i');
  let best: string | undefined;
  for (const d of datesIn(text)) {
    if (until && d.iso > until) continue;
    const lineStart = text.lastIndexOf('\n', d.index - 1) + 1;
    const sentence = text.slice(Math.max(lineStart, d.index - 150), d.index);
    const stop = [...sentence.matchAll(/[.;!?]\s/g)].pop();
    const before = stop ? sentence.slice(stop.index! + 1) : sentence;
    if (!stem.test(before) || BIRTH_DATE.test(before)) continue;
    if (!best || d.iso > best) best = d.iso;
  }
  return best;
}

// The visit a letter reports, as its heading labels it: "Clinic date: …", "Seen in Movement
// Disorders Clinic: …", "Seen at home … on …". A dictation date stands in when no visit is labelled.
const VISIT_LABEL = /\b(?:clinic\s+date|date\s+of\s+(?:clinic|visit|consultation|appointment)|seen\s+in\s+[\w' ]{0,40}?clinic(?:\s+on)?|seen\s+(?:at\s+home|in\s+[\w' ]{0,40}?(?:clinic|outpatients?|department|unit))\b[^\n\d:]{0,50}?\bon|seen(?:\s+on)?|clinic(?:\s+on)?|date\s+seen|consultation(?:\s+date)?|appointment\s+date|visit\s+date)\s*:?\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$/i;
const DICTATED_LABEL = /\b(?:dictated|date\s+dictated)(?:\s+on)?\s*:?\s*$/i;
const DISCHARGE_LABEL = LABELS.find((l) => l.rank === 3)!.re;
// "I reviewed Mr Turner in the skin surgery follow-up clinic on 29th June": the visit told in the letter's prose
const VISIT_PROSE = new RegExp(`\\b(?:i|we)\\s+(?:saw|reviewed|assessed|examined)\\b[^.\\n]{0,80}?\\b(?:clinic|at home|outpatients?)\\b[^.\\n]{0,20}?\\bon\\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAME})\\b(?:,?\\s+(\\d{4}))?`, 'i');

/**
 * The date a letter's requests count from. GUIDELINES §documentDate: the clinic (or other visit)
 * the letter reports, where its wording plainly counts from that visit ("seen today", "changes
 * made today"); otherwise the letter's own date. A letter typed days after the clinic that says
 * "in 2 weeks" of a plan made "today" means two weeks from the clinic. Discharge letters already
 * count from the discharge; a visit more than four weeks before the letter is history, not "today".
 */
const VISIT_YESTERDAY = /\b(?:seen|reviewed|attended|admitted|discharged)\b[^.\n]{0,60}\byesterday\b/i;

export function countFrom(text: string, letter?: string, encounter?: string): string | undefined {
  if (!letter || !/\btoday\b/i.test(text)) return letter;
  // A structured letter says which visit it reports: its Encounter ("whom I saw in clinic today",
  // the Composition written the next day).
  // ("seen in the renal clinic yesterday (28-Apr-2026) … results have come back today": the letter's own day)
  if (encounter) return encounter < letter && encounter >= addDays(letter, -28) && !VISIT_YESTERDAY.test(text) ? encounter : letter;
  const head = text.slice(0, 2500);
  let visit: string | undefined, dictated: string | undefined;
  // ("Seen: 09/05/2026 (first attendance) and 11/05/2026 (CTPA + review)": the last visit on the line)
  let visitLine = -1;
  // (a letter dated "Date: 26/01/2026" is written on that day, whatever clinic it reports; one
  // "Typed" or "Dictated" on a later day was written up after the visit it calls "today")
  let typedOn = false;
  for (const d of datesIn(head)) {
    if (d.iso > letter) continue;
    const lineStart = head.lastIndexOf('\n', d.index - 1) + 1;
    const before = head.slice(Math.max(lineStart, d.index - 80), d.index);
    if (d.iso === letter && DISCHARGE_LABEL.test(before)) return letter;
    if (d.iso === letter && /\b(?:typed|dictated)\b[^\n\d]{0,20}$/i.test(before)) typedOn = true;
    if (VISIT_LABEL.test(before) || (lineStart === visitLine && /\band\s*$/i.test(before) && !/\b(?:typed|dictated|letter|date|discharg\w*)\b/i.test(before))) { if (!visit || d.iso > visit) visit = d.iso; visitLine = lineStart; }
    else if (!dictated && DICTATED_LABEL.test(before)) dictated = d.iso;
  }
  if (!typedOn) return letter;
  let at = visit ?? dictated;
  if (!at) {
    const p = VISIT_PROSE.exec(head);
    const mo = p ? monthNumber(p[2]) : undefined;
    if (p && mo) {
      let y = p[3] ? +p[3] : +letter.slice(0, 4);
      let iso = isoOf(y, mo, +p[1]);
      if (iso && iso > letter && !p[3]) iso = isoOf(--y, mo, +p[1]);
      at = iso;
    }
  }
  return at && at < letter && at >= addDays(letter, -28) ? at : letter;
}

/** The day a structured letter's Encounter ended (or began, when it gives no end): the visit or stay it reports. */
export function encounterDate(letter: Letter): string | undefined {
  if (!letter.document) return undefined;
  for (const e of letter.document.entry ?? []) {
    const r = e.resource;
    if (r?.resourceType === 'Encounter') return (r.period?.end ?? r.period?.start)?.slice(0, 10);
  }
  return undefined;
}

// a line that books a visit: "Heart failure clinic 19/05/2026 at 14:30", "- EIP psychiatrist review on 06/05/2026"
const VISIT_LINE = /\b(?:clinic|appointment|appt|review|follow[- ]?up|seen|see (?:him|her|them))\b/i;

/**
 * The first visit the letter books after `from`: what "before his next clinic" points at. The
 * line holding the date must name a clinic, appointment or review; undefined when none does.
 */
export function nextVisitDate(text: string, from?: string): string | undefined {
  if (!from) return undefined;
  let best: string | undefined;
  for (const d of datesIn(text)) {
    if (d.iso <= from || (best && d.iso >= best)) continue;
    const lineStart = text.lastIndexOf('\n', d.index - 1) + 1;
    const nl = text.indexOf('\n', d.index);
    if (VISIT_LINE.test(text.slice(lineStart, nl < 0 ? text.length : nl))) best = d.iso;
  }
  return best;
}

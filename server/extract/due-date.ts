// When a request is due, from its wording, counted from the letter's date: "in 2 weeks",
// "2/52", "6/12", "in a fortnight", "in six weeks' time", "at 3 months", "next week",
// "in 3–4 days" (a range is due at its end), "within 48 hours", "within 2 working days",
// "by the end of May", "by 1st May", explicit dates ("on 05/02/2026", "from 22-Apr-2026").
// "10-14 days after the dose increase", "at 10 days post-op" (from the operation date when the
// letter gives one), "after the first month", "from today" (the clinic's day).
// The earliest time the request names is its due date; dates before the letter are history
// ("a fit note from 20/02/2026" covers the past), not due dates.
import { addDays, addMonths, addWorkingDays, datesIn, endOfMonth, monthNumber, parseUkDate } from './dates.ts';

const NUM_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, eighteen: 18, twenty: 20, 'twenty-four': 24, 'forty-eight': 48, 'seventy-two': 72, 'a couple of': 2,
};
const NUM = `(?:\\d{1,3}|a couple of|twenty-four|forty-eight|seventy-two|eleven|twelve|fourteen|eighteen|twenty|one|two|three|four|five|six|seven|eight|nine|ten|an?)`;
const UNIT = '(?:working days?|days?|weeks?|months?|years?|hours?|hrs?)';

// "in 2 weeks", "within the next 2 weeks", "at 3 months", "in about 4 weeks", "in 3-4 days", "after four weeks"
const RELATIVE = new RegExp(
  `\\b(in|within|at|after|over|by)\\s+(?:the\\s+)?(?:next\\s+)?(?:about|around|approximately|approx\\.?|roughly|another|a further|a maximum of|no more than|no later than)?\\s*(${NUM})(?:\\s*(?:-|–|to|or)\\s*(${NUM}))?\\s*(${UNIT})(?![a-z])(?:['’]s?)?(?:\\s+time)?(?![a-z])(?!\\s+(?:ago\\b|supplied|supply|of (?:treatment|tablets|supply|the hospital supply)|hospital supply|starter))`,
  'gi');
// bare shorthand: "2/52" (weeks), "6/12" (months), "3/7" (days); "in 2/52"
const SHORTHAND = /(?<![\d/])(\d{1,2})\s*\/\s*(52|12|7)(?![\d/])/g;
const EVERY = new RegExp(`\\b(?:every|each)\\s+(${NUM})?\\s*(${UNIT})\\b|\\b(\\d{1,2})-(weekly|monthly)\\b`, 'gi');
const NAMED: { re: RegExp; days?: number; months?: number }[] = [
  { re: /(?<!\b(?:started|stopped|seen|given|done|taken|was|were|clinic|reading)\s)\b(?:today|same[- ]day|this afternoon|this morning|as soon as possible|immediately)\b/i, days: 0 },
  { re: /\btomorrow\b/i, days: 1 },
  { re: /\b(?:in|within) (?:the next |a )?fortnight\b|\bin two weeks['’]? time\b/i, days: 14 },
  { re: /\b(?:next|within (?:the )?next|within a|within one|over the next) week\b/i, days: 7 },
  { re: /\b(?:next|within (?:the )?next|over the next|within a) month\b/i, months: 1 },
  { re: /\bnext year\b/i, months: 12 },
];
const END_OF_MONTH = /\b(?:by|before|at) the end of (jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
// a day and month without a year, after "by/on/from/before": "by 1st May"
const YEARLESS = /\b(?:by|on|from|before|after|until)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?!\s*,?\s*\d{4})/gi;

function num(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const k = s.toLowerCase();
  return /^\d+$/.test(k) ? +k : NUM_WORDS[k];
}

function shift(from: string, n: number, unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith('working')) return addWorkingDays(from, n);
  if (u.startsWith('h')) return addDays(from, Math.ceil(n / 24));
  if (u.startsWith('d')) return addDays(from, n);
  if (u.startsWith('w')) return addDays(from, 7 * n);
  if (u.startsWith('m')) return addMonths(from, n);
  return addMonths(from, 12 * n);
}

export interface DueOptions {
  /** count "every 2 weeks" as due at the first interval (monitoring schedules) */
  recurring?: boolean;
  /** the day "today" means: the clinic or attendance the letter reports (default: `from`) */
  today?: string;
  /** the operation date that "10 days post-op" counts from (default: `from`) */
  operation?: string;
}

// "10-14 days after the losartan increase", "at 10 days post-op", "12 weeks following surgery":
// counted from the event, which is the operation for post-operative times and otherwise the
// change this letter reports (so the letter's date). A range is due at its end.
const AFTER_EVENT = new RegExp(
  `(?<!\\b(?:for|of|lasting)\\s+(?:a further\\s+|another\\s+|at least\\s+|up to\\s+)?)\\b(?:(?:at|on|around|about|approximately)\\s+)?(${NUM})(?:\\s*(?:-|–|to)\\s*(${NUM}))?\\s*(${UNIT})['’]?\\s+(?:(post[- ]?op(?:erative(?:ly)?)?\\b|post[- ]?(?:surgery|operation|procedure)|(?:after|following) (?:the |his |her |their )?(?:operation|surgery|op)\\b)|(?:after|following) (?:the|his|her|their) [a-z])`,
  'gi');
// "after the first month": the first interval of a new treatment
const AFTER_FIRST = new RegExp(`\\bafter (?:the )?first (?:(${NUM})\\s*)?(${UNIT})\\b`, 'i');

/** Due date (ISO) of a request's text, or null when it gives no time. */
export function dueDate(text: string, from: string | undefined, opts: DueOptions = {}): string | null {
  if (!from) return null;
  const found: string[] = [];
  for (const d of datesIn(text)) {
    // "(last dose 03-Mar-2026)", "since 03/03/2026": history, not when the request is due
    if (/\b(?:last(?: dose| taken| given)?|previous(?:ly)?|prior|since|was|were|dated|started|stopped)\s*(?:on\s*)?$/i.test(text.slice(Math.max(0, d.index - 24), d.index))) continue;
    if (d.iso >= from) found.push(d.iso);
  }
  let m: RegExpExecArray | null;
  YEARLESS.lastIndex = 0;
  while ((m = YEARLESS.exec(text))) {
    const mo = monthNumber(m[2]);
    if (!mo) continue;
    let y = +from.slice(0, 4);
    let iso = parseUkDate(`${m[1]}/${mo}/${y}`);
    if (iso && iso < from) iso = parseUkDate(`${m[1]}/${mo}/${++y}`);
    if (iso) found.push(iso);
  }
  const covered: [number, number][] = [];
  AFTER_EVENT.lastIndex = 0;
  while ((m = AFTER_EVENT.exec(text))) {
    const n = num(m[2]) ?? num(m[1]);
    if (n === undefined) continue;
    found.push(shift(m[4] ? opts.operation ?? from : from, n, m[3]));
    covered.push([m.index, m.index + m[0].length]);
  }
  const first = AFTER_FIRST.exec(text);
  if (first) found.push(shift(from, num(first[1]) ?? 1, first[2]));
  RELATIVE.lastIndex = 0;
  while ((m = RELATIVE.exec(text))) {
    const n = num(m[3]) ?? num(m[2]);
    if (n === undefined) continue;
    // "at 10 days post-op" was counted above, from the operation
    if (covered.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    // "at 3 months" reads as an interval; "by 6 weeks" likewise; "after" only as "after N weeks"
    found.push(shift(from, n, m[4]));
  }
  SHORTHAND.lastIndex = 0;
  while ((m = SHORTHAND.exec(text))) {
    // "24/7" is round-the-clock, not a due date
    if (m[1] === '24' && m[2] === '7') continue;
    const n = +m[1];
    found.push(m[2] === '52' ? addDays(from, 7 * n) : m[2] === '12' ? addMonths(from, n) : addDays(from, n));
  }
  for (const k of NAMED) {
    if (!k.re.test(text)) continue;
    // "today" and "tomorrow" are the clinic's day; weeks and months count from the letter
    const base = k.days !== undefined && k.days <= 1 ? opts.today ?? from : from;
    found.push(k.days !== undefined ? addDays(base, k.days) : addMonths(from, k.months!));
  }
  const eom = END_OF_MONTH.exec(text);
  if (eom) found.push(endOfMonth(from, monthNumber(eom[1])!));
  if (opts.recurring) {
    EVERY.lastIndex = 0;
    while ((m = EVERY.exec(text))) {
      if (m[3]) found.push(m[4].toLowerCase() === 'weekly' ? addDays(from, 7 * +m[3]) : addMonths(from, +m[3]));
      else found.push(shift(from, num(m[1]) ?? 1, m[2]));
    }
  }
  if (!found.length) return null;
  return found.sort()[0];
}

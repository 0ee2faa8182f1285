// When a request is due, from its wording, counted from the letter's date: "in 2 weeks",
// "2/52", "6/12", "in a fortnight", "in six weeks' time", "at 3 months", "next week",
// "in 3–4 days" (a range is due at its end), "within 48 hours", "within 2 working days",
// "by the end of May", "by 1st May", explicit dates ("on 05/02/2026", "from 22-Apr-2026").
// "10-14 days after the dose increase", "at 10 days post-op" (from the operation date when the
// letter gives one), "after the first month", "from today" (the clinic's day).
// The earliest time the request names is its due date; dates before the letter are history
// ("a fit note from 20/02/2026" covers the past), not due dates.
import { addDays, addMonths, addWorkingDays, datesIn, endOfMonth, MONTH_NAME, monthNumber, parseUkDate } from './dates.ts';

const NUM_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, eighteen: 18, twenty: 20, 'twenty-four': 24, 'forty-eight': 48, 'seventy-two': 72, 'a couple of': 2,
};
const NUM = `(?:\\d{1,3}|a couple of|twenty-four|forty-eight|seventy-two|eleven|twelve|fourteen|eighteen|twenty|one|two|three|four|five|six|seven|eight|nine|ten|an?)`;
// (abbreviated as typed in busy letters: "2 wks", "3 mths", "1 yr")
const UNIT = '(?:working days?|days?|weeks?|wks?|fortnights?|months?|mths?|mnths?|years?|yrs?|hours?|hrs?|h(?=\\s|$|[.,;)]))';
// "in 6 weeks to 3 months", "in a week or two": a range whose ends differ in unit, or whose end has none
const RANGE_MIXED = new RegExp(`\\b(?:in|within|at|after|over|by)\\s+(?:the\\s+next\\s+)?(?:about|around|approximately|roughly)?\\s*(${NUM})\\s*(${UNIT})(?:['’]s?)?\\s*(-|–|to|or)\\s*(${NUM})(?:\\s*(${UNIT}))?(?![a-z])`, 'gi');

// "in 2 weeks", "within the next 2 weeks", "at 3 months", "in about 4 weeks", "in 3-4 days", "after four weeks"
const RELATIVE = new RegExp(
  `\\b(in|within|at|after|over|by|no later than|from)\\s+(?:the\\s+)?(?:next\\s+)?(?:about|around|approximately|approx\\.?|roughly|another|a further|a maximum of|no more than|no later than|up to|under)?\\s*(${NUM})(?:(?:\\s*,\\s*|\\s+and\\s+)${NUM})*(?:\\s*(?:-|–|to|or)\\s*(${NUM}))?\\s*(${UNIT})(?![a-z])(?:['’]s?)?(?:\\s+time)?(?![a-z])(?!\\s+(?:ago\\b|supplied|supply|of (?:tablets|supply|the hospital supply)|hospital supply|starter))`,
  'gi');
// bare shorthand: "2/52" (weeks), "6/12" (months), "3/7" (days); "in 2/52"
const SHORTHAND = /(?<![\d/])(?:\d{1,2}\s*(?:-|–|to)\s*)?(\d{1,2})\s*\/\s*(52|12|7)(?![\d/])/g;
const EVERY = new RegExp(`\\b(?:every|each)\\s+(${NUM})?\\s*(${UNIT})\\b|\\b(\\d{1,2})-(weekly|monthly)\\b|\\b(weekly|fortnightly|monthly|three-monthly|3-monthly|six-monthly|6-monthly|annually|yearly)\\b`, 'gi');
const ADVERB_INTERVAL: Record<string, [number, 'd' | 'm']> = { weekly: [7, 'd'], fortnightly: [14, 'd'], monthly: [1, 'm'], 'three-monthly': [3, 'm'], '3-monthly': [3, 'm'], 'six-monthly': [6, 'm'], '6-monthly': [6, 'm'], annually: [12, 'm'], yearly: [12, 'm'] };
const NAMED: { re: RegExp; days?: number; months?: number }[] = [
  // ("creatinine 104 today", "her pulse today was 78": a result of the day, not a time to act)
  { re: /(?<!\b(?:started|stopped|seen|given|done|taken|was|were|clinic|reading)\s)(?<!\b(?:baseline|level|creatinine|potassium|sodium|k|na|hb|inr|egfr|bp|pressure|pulse|rate|weight|glucose|hba1c|psa|crp|ferritin|result)\s*(?:of|was|is|=|:)?\s*[\d./]+\s*(?:[a-z%/]+\s*)?)\b(?:today|same[- ]day|this afternoon|this morning|as soon as possible|immediately)\b(?!['’]s\b)(?!\s+(?:was|were|is|are|showed?|shows|measured|reads?)\b)(?!\s+or\s+(?:tomorrow|the next))/i, days: 0 },
  { re: /\btomorrow\b/i, days: 1 },
  // "remove warfarin from his repeat list now so that it is not issued in error": at once ("than now",
  // "he is now on …", "now that …" are not times to act)
  { re: /(?<!\b(?:is|are|was|were|has|have|had|been|be|than|for|until|till|since|from|by|to|of|and|right|just|only|even|taking|using|on|doing|feels?|lives?|not|better|worse|well|settled|stable|fine|home|here|started|begun|commenced|given|done|stopped)\s)\bnow\b(?=\s*(?:$|[.;,)]|so that\b|so as\b|rather than\b|to (?:avoid|prevent)\b|before\b))/i, days: 0 },
  { re: /\b(?:in|within|over) the next (?:day or two|couple of days|48 hours)\b/i, days: 2 },
  { re: /\b(?:in|within) (?:the next |a )?fortnight\b|\bin two weeks['’]? time\b/i, days: 14 },
  // ("for the next month" is how long, not when)
  { re: /(?<!\bfor (?:the )?)\b(?:next|within (?:the )?next|within a|within one|over the next) week\b/i, days: 7 },
  { re: /(?<!\bfor (?:the )?)\b(?:next|within (?:the )?next|over the next|within a) month\b/i, months: 1 },
  { re: /\bnext year\b/i, months: 12 },
  { re: /\b(?:within|in) (?:the|this) (?:coming )?week\b(?!\s+(?:beginning|commencing|starting|of|after|before|following|ending)\b)/i, days: 7 },
  { re: /\bin half a year\b|\bin six months['’]? time\b/i, months: 6 },
];
// "in the next week or two", "within a month or two", "in a day or two": a range with no first
// number, due at its end (before "next week" is read as 7 days)
const UNIT_OR_N = /\b(?:in|within|over|after)\s+(?:the\s+next\s+|a\s+|the\s+coming\s+)(day|week|fortnight|month)\s+or\s+(two|three|so|2|3)\b/i;
// "every 3 months; first check due mid-February", "first bloods due in 2 weeks": the first of a
// schedule, which says when the request is due in place of its interval
// "continue edoxaban beyond the 14 days supplied", "after her 28-day hospital supply": due when
// that supply ends ("14 days supplied" alone says what was given, not when to act)
const SUPPLIED_END = new RegExp(`\\b(?:beyond|after|when|once|at the end of)\\s+(?:the|this|her|his|their|our)\\s+(${NUM})[\\s-]*(${UNIT})['’]?s?\\s+(?:(?:tto|discharge|initial)\\s+)?(?:supply|supplied|of (?:tablets|supply)|(?:hospital|starter) supply)\\b`, 'i');
const FIRST_DUE = /\bfirst\s+(?:[a-z&]+\s+){0,2}(?:is\s+|will\s+be\s+|to\s+be\s+)?due\b/i;
// "by the end of the month", "before the end of next week", "by the end of this week"
const END_OF_PERIOD = /\b(?:by|before|at|towards|for) the end of (the|this|next|the next) (week|month)\b/i;
// "by mid-April", "in mid May": the 15th
// ("first check due mid-February", "from mid-March")
const MID_MONTH = new RegExp(String.raw`\b(?:by|in|around|before|for|due|from|at|until|till)\s+(?:around\s+|about\s+)?mid[- ]?(${MONTH_NAME})\b`, 'i');
// "on Monday", "by Friday", "next Tuesday", "this Thursday": the next such day after the letter
const WEEKDAY = /(?<!\b(?:was|were|seen|admitted|attended|started|stopped|given|taken|done|discharged|since|last|weeks?)\s(?:on\s)?)\b(on|by|before|next|this|until|from)\s+(mon|tues|wednes|thurs|fri|satur|sun)day\b(?!,?\s+(?:\d|the\s+\d))/i;
// "by Monday 24th" (a weekday and a day of the month, no month)
const WEEKDAY_DAY = /\b(?:on|by|before|until|from)\s+(mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))(?![/.:]?\d)/i;
// ("started in May 2026", "diagnosed in March 2026" are history)
const MONTH_YEAR = new RegExp(String.raw`(?<!\b(?:started|commenced|began|diagnosed|seen|done|performed|had|given|taken|was|were|since|fitted|inserted)\s+(?:\w+\s+){0,2})\b(?:by|in|during|due)\s+(?:early\s+|late\s+)?(${MONTH_NAME})\s+(\d{4})\b`, 'i');

// "his annual review falls due in June", "the smear is due in May": the end of the next such month
const DUE_IN_MONTH = new RegExp(String.raw`\b(?:falls?|is|are|becomes?)\s+due\s+(?:in|by|during)\s+(?:early\s+|late\s+)?(${MONTH_NAME})\b(?!\s*,?\s*\d{4})`, 'i');
// "continue colchicine for 6 months, then stop": the stop is due when the course ends (only when
// nothing else times the request: "wean over 2 weeks - 75 mg for one week, then stop" is due at its end)
const COURSE_THEN_STOP = new RegExp(`\\bfor\\s+(?:a\\s+further\\s+|another\\s+)?(${NUM})\\s*(days?|weeks?|months?)\\b[^.;]{0,20}?,?\\s*(?:and\\s+)?then\\s+(?:stop|discontinue|cease)\\b`, 'i');

/** The next date on or after `from` that falls on day `day` of its month, preferring one on the weekday named. */
function nextDayOfMonth(from: string, day: number, weekday: number | undefined): string | undefined {
  let first: string | undefined;
  for (let k = 0; k < 3; k++) {
    const base = addMonths(`${from.slice(0, 8)}01`, k);
    const iso = parseUkDate(`${day}/${base.slice(5, 7)}/${base.slice(0, 4)}`);
    if (!iso || iso < from) continue;
    if (weekday === undefined || new Date(`${iso}T00:00:00Z`).getUTCDay() === weekday) return iso;
    first ??= iso;
  }
  return first;
}
// "the next working day", "within one working day"
const NEXT_WORKING_DAY = /\b(?:the next|within (?:one|a|1)) working day\b/i;
const DAY_INDEX: Record<string, number> = { sun: 0, mon: 1, tues: 2, wednes: 3, thurs: 4, fri: 5, satur: 6 };
// ("from around the end of August 2026": a year, when given, is that month's)
const END_OF_MONTH = new RegExp(String.raw`\b(?:by|before|at|for|towards|from|around|until|till|in|due)\s+(?:around\s+|about\s+|approximately\s+)?(?:the\s+)?end of (${MONTH_NAME})\b(?:,?\s+(\d{4})\b)?`, 'i');
// a day and month without a year, after "by/on/from/before": "by 1st May"
const YEARLESS = /\b(?:by|on|from|before|after|until|w\/c|w\/b|week (?:beginning|commencing|starting)(?: on)?)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?!\s*,?\s*\d{4})/gi;

// a range of days in one month without a year: "(21st to 23rd March)", "between 3 and 5 June", "12-14 May": due at its end
const YEARLESS_RANGE = /\b(?:between\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?!\s*,?\s*\d{4})/gi;

// month first: "on March 12th", "by April 3"
const YEARLESS_MF = /\b(?:by|on|from|before|after|until)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})(?!\s*(?:mg|g|ml|units?|days?|weeks?)\b)/gi;

// "i.e. in 4/52", "ie around 25/06/2026", "that is, in 4 weeks"
const IE = /\b(?:i\.e\.?,?|ie,?|that is,)\s+(?=(?:(?:in|at|by|on|from|around|about|approximately|within)\s+)?(?:\d|the\s+\d|a\s+(?:week|fortnight|month|year)\b|(?:one|two|three|four|five|six|eight|ten|twelve)\s)|(?:in|at|by|on|from|around|about|within)\s+)/i;
// "a week before", "2 weeks prior to"
const BEFORE_DATE = new RegExp(`\\b(${NUM})\\s*(days?|weeks?|wks?|months?|mths?|fortnights?)\\s+(?:before|prior to|ahead of)\\b`, 'gi');

/** A count written as digits or words ("6", "six", "a couple of"). */
export function num(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const k = s.toLowerCase();
  return /^\d+$/.test(k) ? +k : NUM_WORDS[k];
}

function shift(from: string, n: number, unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith('working')) return addWorkingDays(from, n);
  if (u.startsWith('h')) return addDays(from, Math.ceil(n / 24));
  if (u.startsWith('f')) return addDays(from, 14 * n);
  if (u.startsWith('d')) return addDays(from, n);
  if (u.startsWith('w')) return addDays(from, 7 * n);
  if (u.startsWith('m')) return addMonths(from, n);
  return addMonths(from, 12 * n);
}

/**
 * A request timed by an earlier one: "Please take U&Es at that visit", "if Na is 133 or above at that
 * check", "add TFTs to those bloods". Its due date is the earlier request's (for the action finder).
 */
export const ANAPHORIC_TIME = /\bat (?:that|this|the same|same) (?:visit|check|appointment|appt|review|consultation|time|point|test)\b|\b(?:those|these|the same) (?:bloods|tests|blood tests)\b|\bat the same time\b/i;

export interface DueOptions {
  /** count "every 2 weeks" as due at the first interval (monitoring schedules) */
  recurring?: boolean;
  /** the day "today" means, when `from` is a later date a request counts on from (default: `from`) */
  today?: string;
  /** the operation date that "10 days post-op" counts from (default: `from`) */
  operation?: string;
  /** the date the letter gives for an event a request counts from ("after the implant"), if any */
  event?: (noun: string) => string | undefined;
}

// "10-14 days after the losartan increase", "at 10 days post-op", "12 weeks following surgery":
// counted from the event, which is the operation for post-operative times and otherwise the
// change this letter reports (so the letter's date). A range is due at its end.
const AFTER_EVENT = new RegExp(
  `(?<!\\b(?:for|of|lasting|until|till)\\s+(?:a further\\s+|another\\s+|at least\\s+|up to\\s+)?)\\b(?:(?:at|on|around|about|approximately)\\s+)?(${NUM})(?:\\s*(?:-|–|to)\\s*(${NUM}))?\\s*(${UNIT})['’]?\\s+(?:(post[- ]?op(?:erative(?:ly)?)?\\b|post[- ]?(?:surgery|operation|procedure)|(?:after|following) (?:the |his |her |their )?(?:operation|surgery|op)\\b)|(?:after|following) (?:the|his|her|their) [a-z]|(?:after|following|post)[- ]?(?:discharge|starting|commencing|initiation|initiating|stopping|discontinuing|treatment|this change|the change)\\b|(?:after|following|post)[- ]?(?:delivery|childbirth|birth)\\b|from (?:now|today|discharge|(?:the date of )?this letter)\\b)`,
  'gi');
const AFTER_STARTED_ON = new RegExp(`\\b(?:(?:at|around|about|approximately)\\s+)?(${NUM})\\s*(${UNIT})['’]?\\s+(?:after|from when|since) (?:he|she|they|the patient) (?:started|began|commenced)\\b[^.;]{0,40}?\\bon\\s+(\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})`, 'i');
// "after the first month": the first interval of a new treatment
const AFTER_FIRST = new RegExp(`\\bafter (?:the )?first (?:(${NUM})\\s*)?(${UNIT})\\b`, 'i');

// the first date of a dated span, just before its second: "19/06/2026 to", "between 11/06/2026 and"
const SPAN_DATE = String.raw`(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4})`;
const RANGE_FROM = new RegExp(String.raw`${SPAN_DATE}\s*(?:to|until|till|-|–)\s*$|\bbetween\s+${SPAN_DATE}\s+and\s+$`, 'i');
/** Due date (ISO) of a request's text, or null when it gives no time. */
const FROM_WEEK = /\b(?:from|starting(?: in)?|beginning(?: in)?) week (\d{1,2})\b/i;
const THE_SAME_DAY = /\bthe same day\b/i;
const THE_SAME_DAY_ALL = new RegExp(THE_SAME_DAY.source, 'gi');

export function dueDate(text: string, from: string | undefined, opts: DueOptions = {}): string | null {
  if (!from) return null;
  const fd = /\bfirst\b/i.test(text) ? FIRST_DUE.exec(text) : null;
  if (fd) {
    const first = dueDate(`by ${text.slice(fd.index + fd[0].length, fd.index + fd[0].length + 60).replace(/^\s*(?:by|on|in|at)\s+/i, '')}`, from, { ...opts, recurring: false });
    if (first) return first;
  }
  // "2 weeks after the dose increase, i.e. in 4/52": the restatement says when, in the letter's own terms
  const ie = /\b(?:ie|i\.e|that is)\b/i.test(text) ? IE.exec(text) : null;
  if (ie) {
    const restated = dueDate(text.slice(ie.index + ie[0].length, ie.index + ie[0].length + 60), from, opts);
    if (restated) return restated;
  }
  // "at the end of the 4 weeks we supplied": the end of a stated span is that span from now
  // ("after the 14-day ED supply", "after the 4-week clinic supply", "after the 8-week trial": the span's end)
  text = text.replace(/\bat the end of (?:the|this|these|her|his|their) ((?:\d{1,2}|one|two|three|four|six|eight|twelve|fourteen|twenty-eight)\s*(?:days?|weeks?|months?))\b/gi, (_, span: string) => `in ${span}`.padEnd(_.length))
    .replace(/\bafter (?:the|this|her|his|their) ((?:\d{1,2}|seven|ten|fourteen|twenty-eight))[- ](days?|weeks?)['’]?(?: [A-Za-z&]+){0,2}? (?:supply|course|trial)\b/gi, (_, n: string, unit: string) => `in ${n} ${unit}`.padEnd(_.length));
  // "today or tomorrow", "tomorrow or the next day": a range of days, due at its end
  text = text.replace(/\b(?:today or tomorrow|tomorrow or (?:the next day|the day after))\b/gi, (a) => (/^today/i.test(a) ? 'tomorrow' : 'in 2 days').padEnd(a.length));
  // "(28 days supplied today)": an aside on what was done, not when the request is due
  text = text.replace(/\([^()]*\b(?:supplied|dispensed|given|issued)\b[^()]*\)/gi, (a) => ' '.repeat(a.length));
  const found: string[] = [];
  // "(around 20/07/2026 to 03/08/2026)", "around 15th-19th June": a window the letter dates, due at its end
  let rangeEnd: string | undefined;
  // "a week before her next clinic appointment, which is on 20/05/2026": counted back from that date
  const early = new Map<number, string>();
  BEFORE_DATE.lastIndex = 0;
  let b: RegExpExecArray | null;
  if (/\b(?:before|prior to|ahead of)\b/i.test(text)) while ((b = BEFORE_DATE.exec(text))) {
    const n = num(b[1]);
    const end = b.index + b[0].length;
    const target = datesIn(text.slice(end, end + 90))[0];
    if (n !== undefined && target && !/[.;]\s/.test(text.slice(end, end + target.index))) early.set(end + target.index, shift(target.iso, -n, b[2]));
  }
  for (const d of datesIn(text)) {
    const back = early.get(d.index);
    if (back) { if (back >= from) found.push(back); continue; }
    // "(last dose 03-Mar-2026)", "since 03/03/2026": history, not when the request is due
    // ("please ensure ticagrelor is stopped on 02/03/2027": a stop still to come, asked for)
    if (/\b(?:last(?: dose| taken| given)?|previous(?:ly)?|prior|since|was|were|dated|(?<!\b(?:is|are|be|gets?)\s)started|(?<!\b(?:is|are|be|gets?)\s)stopped)\s*(?:on\s*)?$/i.test(text.slice(Math.max(0, d.index - 24), d.index))) continue;
    // "a fit note covering 19/06/2026 to 31/07/2026": the end of a period that began before the letter
    // ("between 11/06/2026 and 13/06/2026" likewise)
    const range = RANGE_FROM.exec(text.slice(Math.max(0, d.index - 38), d.index));
    if (range) { const start = parseUkDate(range[1] ?? range[2]); if (start && start < from) continue; if (start && d.iso >= start) rangeEnd = d.iso; }
    if (d.iso >= from) found.push(d.iso);
  }
  let m: RegExpExecArray | null;
  // a date without a year ("12 March", "March 12th") is the next one on or after the letter's date
  for (const [re, day, month] of [[YEARLESS, 1, 2], [YEARLESS_MF, 2, 1], [YEARLESS_RANGE, 1, 2]] as const) {
    // (a range of days already past is the history of the episode, not next year's)
    const range = re === YEARLESS_RANGE;
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      const mo = monthNumber(m[month]);
      if (!mo) continue;
      let y = +from.slice(0, 4);
      let iso = parseUkDate(`${m[day]}/${mo}/${y}`);
      if (iso && iso < from) iso = parseUkDate(`${m[day]}/${mo}/${++y}`);
      if (range && iso && iso > addMonths(from, 6)) continue;
      if (iso) found.push(iso);
      if (range && iso) rangeEnd = iso;
    }
  }
  const covered: [number, number][] = [];
  // "in 6 weeks, at least a week after the last dose": a minimum gap, due only when nothing else says when
  const minimum: string[] = [];
  // "at 12 weeks after she started aripiprazole on 10/06/2026": counted from the day the letter gives for the start
  const started = AFTER_STARTED_ON.exec(text);
  const startedOn = started ? parseUkDate(started[3]) : undefined;
  if (started && startedOn && num(started[1]) !== undefined) {
    found.push(shift(startedOn, num(started[1])!, started[2]));
    covered.push([started.index, started.index + started[0].length]);
  }
  AFTER_EVENT.lastIndex = 0;
  while ((m = AFTER_EVENT.exec(text))) {
    if (covered.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    const n = num(m[2]) ?? num(m[1]);
    if (n === undefined) continue;
    // ("after the implant": from the day the letter gives for it; otherwise the change this letter reports)
    const noun = m[4] || !opts.event ? undefined : /(?:after|following|post)[- ]?(?:(?:the|his|her|their) )?([a-z]+)$/i.exec(m[0] + (/^[a-z]*/i.exec(text.slice(m.index + m[0].length))?.[0] ?? ''))?.[1];
    const at = shift(m[4] ? opts.operation ?? from : (noun && opts.event!(noun)) || from, n, m[3]);
    // ("review her mood in 4 weeks and, if needed, consider mirtazapine with a repeat sodium 2 weeks after
    // starting": a start still to come times only a request that names no other time)
    if (/\b(?:at least|no sooner than|no earlier than|a minimum of|not before|not until|not within)\s*$/i.test(text.slice(Math.max(0, m.index - 20), m.index))
      || /(?:after|following|post)[- ]?(?:starting|commencing|initiation|initiating)\s*$/i.test(m[0])) minimum.push(at);
    else found.push(at);
    covered.push([m.index, m.index + m[0].length]);
  }
  RANGE_MIXED.lastIndex = 0;
  while ((m = RANGE_MIXED.exec(text))) {
    const end = num(m[4]);
    // a second unit ("6 weeks to 3 months"), or "or" with none ("a week or two"); "3-4 days" is read below
    if (end === undefined || (!m[5] && m[3].toLowerCase() !== 'or')) continue;
    found.push(shift(from, end, m[5] ?? m[2]));
    covered.push([m.index, m.index + m[0].length]);
  }
  const sup = /suppl/i.test(text) ? SUPPLIED_END.exec(text) : null;
  if (sup && num(sup[1]) !== undefined) found.push(shift(from, num(sup[1])!, sup[2]));
  const orTwo = UNIT_OR_N.exec(text);
  if (orTwo) {
    // ("a week or so" is about a week)
    found.push(shift(from, /^so$/i.test(orTwo[2]) ? 1 : num(orTwo[2])!, orTwo[1]));
    covered.push([orTwo.index, orTwo.index + orTwo[0].length]);
  }
  const first = AFTER_FIRST.exec(text);
  if (first) found.push(shift(from, num(first[1]) ?? 1, first[2]));
  RELATIVE.lastIndex = 0;
  while ((m = RELATIVE.exec(text))) {
    const n = num(m[3]) ?? num(m[2]);
    if (n === undefined) continue;
    // "at 10 days post-op" was counted above, from the operation
    if (covered.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    // "start candesartan 4 mg, increasing to 8 mg after two weeks": a step of the dosing schedule
    const clause = text.slice(0, m.index).split(/[,;:(]|\.\s/).pop() ?? '';
    if (/\b(?:increasing|reducing|decreasing|titrating|going up|going down|stepping (?:up|down))\b/i.test(clause)) continue;
    // "rises by more than 0.75 ng/ml in a year": a rate, not a time
    if (/\b(?:rises?|rising|risen|falls?|falling|fallen|increases?|drops?|goes up|climbs?|velocity)\s+(?:by\s+|of\s+)?(?:more than\s+|over\s+|at least\s+|>\s*)?[\d.]+\s*(?:[a-z%/]+\s*){0,2}$/i.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
    // "over 6 weeks of treatment" is how long; "after 4 weeks of treatment" is when
    if (/^\s+of (?:treatment|therapy)\b/i.test(text.slice(m.index + m[0].length)) && !/^(?:after|at)$/i.test(m[1])) continue;
    // "has not been checked for over a year", "on it for just over a week": how long, not when
    // ("a likely steroid duration of over 3 months" likewise)
    if (/^over$/i.test(m[1]) && /\b(?:for|of|lasting)\s+(?:just\s+|a little\s+|slightly\s+|well\s+)?$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    // "at 3 months" reads as an interval; "by 6 weeks" likewise; "after" only as "after N weeks"
    found.push(shift(from, n, m[4]));
  }
  SHORTHAND.lastIndex = 0;
  while ((m = SHORTHAND.exec(text))) {
    // "24/7" is round-the-clock, not a due date
    if (m[1] === '24' && m[2] === '7') continue;
    // "suggest a 4/52 trial of PPI", "a 2/52 course": how long the treatment lasts, not when it is due
    if (/^\s*(?:trial|course|supply)\b/i.test(text.slice(m.index + m[0].length))) continue;
    // "pred 30 mg x5/7", "for 7/7": the course's length ("x" is "times")
    if (/(?:\bx|×|\bfor)\s*$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    // "uptitrate by 1.25 mg every 2/52": a schedule, due at its first step only for monitoring
    if (/\b(?:every|each)\s*$/i.test(text.slice(Math.max(0, m.index - 8), m.index)) && !opts.recurring) continue;
    const n = +m[1];
    found.push(m[2] === '52' ? addDays(from, 7 * n) : m[2] === '12' ? addMonths(from, n) : addDays(from, n));
  }
  // "6 weeks from today", "by the end of next month": the named word was counted with its phrase
  const eop = END_OF_PERIOD.exec(text);
  if (eop) covered.push([eop.index, eop.index + eop[0].length]);
  let rest = text;
  for (const [a, b] of covered) rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
  // "repeat his U&Es tomorrow and, if his creatinine has risen, discuss him with urology the same
  // day": "the same day" is the day of what it follows; it times the request only when nothing else does
  rest = rest.replace(THE_SAME_DAY_ALL, (a) => ' '.repeat(a.length));
  for (const k of NAMED) {
    if (!k.re.test(rest)) continue;
    // "today" and "tomorrow" are the clinic's day; weeks and months count from the letter
    const base = k.days !== undefined && k.days <= 1 ? opts.today ?? from : from;
    found.push(k.days !== undefined ? addDays(base, k.days) : addMonths(from, k.months!));
  }
  if (eop) {
    const next = /next/i.test(eop[1]);
    if (eop[2].toLowerCase() === 'week') {
      // the working week ends on Friday
      const dow = new Date(`${from}T00:00:00Z`).getUTCDay();
      found.push(addDays(from, ((5 - dow + 7) % 7) + (next ? 7 : 0)));
    } else {
      const base = next ? addMonths(from.slice(0, 8) + '01', 1) : from;
      found.push(endOfMonth(base, +base.slice(5, 7)));
    }
  }
  // "take over prescribing from week 5 (the hospital supplies the first four)": the day week 5 begins
  const week = FROM_WEEK.exec(text);
  if (week) found.push(addDays(from, 7 * (+week[1] - 1)));
  const mid = MID_MONTH.exec(text);
  if (mid) {
    const mo = monthNumber(mid[1])!;
    let y = +from.slice(0, 4);
    if (mo < +from.slice(5, 7)) y++;
    found.push(`${y}-${String(mo).padStart(2, '0')}-15`);
  }
  // "by Monday 24th": that day of the month, the next one on or after the letter
  const wdd = WEEKDAY_DAY.exec(text);
  if (wdd) {
    const at = nextDayOfMonth(from, +wdd[2], DAY_INDEX[wdd[1].toLowerCase()]);
    if (at) found.push(at);
  }
  // "first due in April 2027", "by June 2026": the end of that month
  const my = MONTH_YEAR.exec(text);
  if (my) {
    const end = endOfMonth(`${my[2]}-01-01`, monthNumber(my[1])!);
    if (end >= from) found.push(end);
  }
  const wd = WEEKDAY.exec(text);
  if (wd) {
    const want = DAY_INDEX[wd[2].toLowerCase()];
    const dow = new Date(`${from}T00:00:00Z`).getUTCDay();
    found.push(addDays(from, ((want - dow + 7) % 7) || 7));
  }
  if (NEXT_WORKING_DAY.test(text)) found.push(addWorkingDays(opts.today ?? from, 1));
  const eom = END_OF_MONTH.exec(text);
  if (eom) found.push(eom[2] ? endOfMonth(`${eom[2]}-01-01`, monthNumber(eom[1])!) : endOfMonth(from, monthNumber(eom[1])!));
  // "monitoring every 3 months … from around the end of August": the schedule starts at the time it
  // names, so its interval does not count from the letter
  const startsAt = found.length > 0 && /\b(?:from|starting|commencing|beginning)\s+(?:on\s+|around\s+|about\s+|approximately\s+)?(?:the\s+)?(?:end|mid|early|\d|next|week|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(text);
  if (opts.recurring && !startsAt) {
    EVERY.lastIndex = 0;
    while ((m = EVERY.exec(text))) {
      if (m[5]) {
        // "monthly for the first three months", "then annually": the first interval; a schedule
        // after an earlier time ("in 6 months and then annually") is counted from that time above
        if (/\bthen\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
        const [n, u] = ADVERB_INTERVAL[m[5].toLowerCase()]!;
        found.push(u === 'd' ? addDays(from, n) : addMonths(from, n));
      } else if (m[3]) found.push(m[4].toLowerCase() === 'weekly' ? addDays(from, 7 * +m[3]) : addMonths(from, +m[3]));
      else found.push(shift(from, num(m[1]) ?? 1, m[2]));
    }
  }
  const dim = DUE_IN_MONTH.exec(text);
  if (dim) {
    const mo = monthNumber(dim[1])!;
    const y = +from.slice(0, 4) + (mo < +from.slice(5, 7) ? 1 : 0);
    found.push(endOfMonth(`${y}-01-01`, mo));
  }
  if (!found.length) {
    const course = COURSE_THEN_STOP.exec(text);
    if (course && num(course[1]) !== undefined) found.push(shift(from, num(course[1])!, course[2]));
  }
  if (!found.length && THE_SAME_DAY.test(text)) found.push(opts.today ?? from);
  if (!found.length) found.push(...minimum);
  if (!found.length) return null;
  // "today, or first thing tomorrow (23/04/2026) at the latest": the latest time it names
  if (!rangeEnd && /\bat the (?:very )?latest\b/i.test(text)) return found.sort()[found.length - 1];
  return rangeEnd ?? found.sort()[0];
}

// Evidence that a letter needs clinical action the same or next working day: an "URGENT" banner
// or label, a request to act today / within 24 hours / tomorrow, a dangerous result, a stopped
// anticoagulant with a plan to restart within days, a safeguarding concern. Wording that only
// sounds urgent is not evidence: "urgent care centre", "no urgent action", "non-urgent", the
// patient's own safety-netting ("seek urgent help if…"), the GP's earlier "urgent referral".
import type { Letter, Evidence } from '../types.ts';
import { letterSentences, lines, sectionAt } from './action-sentences.ts';
import { dueDate } from './due-date.ts';
import { addWorkingDays } from './dates.ts';

const URGENT_WORD = /\burgent(?:ly)?\b|\bas a matter of urgency\b|\bimmediate(?:ly)? action\b/i;
const NOT_URGENT = /\b(?:non-?|not |no |nothing |without |less )urgent|\burgent (?:care|treatment cent(?:re|er)|and emergency care|dental)|\b(?:your|the|an?) urgent (?:suspected cancer )?referral\b|\burgent suspected cancer referral\b|\b(?:seek|get|have|need) (?:an? )?urgent\b|\burgent (?:advice|help|medical (?:help|attention)|blood count)\b|\btriage category\b/i;
const REQUEST = /\b(?:please|pls)\b|\bneeds? to be (?:seen|reviewed|assessed|examined)\b|\bgrateful if\b|\bcould you\b|\bcould the practice\b|\bcan the practice\b|\bgp to\b|\bgp action\b|\b(?:action|actions|review|response) (?:is |are )?requested\b|\brequested (?:to|that|of (?:you|the practice|the gp))\b|\baction required\b/i;
const SAME_DAY = /(?<!\b(?:discussed|seen|saw|started|stopped|given|done|taken|was|were|clinic|reading|measured|performed)\s)\b(?:today|same[- ]day|within 24 hours|within 24 hrs|tomorrow|this afternoon|this evening|as soon as possible|asap|immediately|(?:on )?the next working day)\b(?!['’]s\b)/i;
const SAFEGUARDING = /\b(?:safeguarding (?:concerns?|referral|alert|issues?|codes?)|safeguarding:|marac|(?:referr\w*|reported|discussed|contacted|informed)\s+(?:to |with )?(?:the )?mash\b|\bmash (?:referral|team|hub)\b|multi-agency safeguarding hub|child protection|domestic (?:abuse|violence)|children['’]s social care|non-accidental injury|idva)\b/i;
const SAFEGUARDING_NEG = /\b(?:no|not|nor|without|any|none)\b[^.;]{0,40}$/i;
const SAFEGUARDING_SETTLED = /\b(?:no|not any|without)\s+(?:(?:ongoing|current|further|active|outstanding|new|immediate)\s+)?safeguarding (?:concerns?|issues?|needs?|risks?)\b|\bsafeguarding (?:concerns? )?(?:(?:has|have) been |were |was )?(?:resolved|closed|not required|no longer)\b/i;
const ANTICOAG = /\b(?:warfarin|apixaban|rivaroxaban|edoxaban|dabigatran|acenocoumarol|phenindione|clopidogrel|ticagrelor|prasugrel|enoxaparin|dalteparin|tinzaparin|anticoagula\w*)\b/i;
const RESTART_PLAN = /\b(?:restart\w*|resume\w*|re-?start\w*)\b(?![^.]{0,10}\b(?:was|has been)\b)[^.]{0,80}?\b(?:on|from|in|after|tomorrow|once|when|until|tonight|that (?:evening|morning|night|day)|the (?:following|next) (?:day|morning|evening))\b/i;
// "We have withheld her apixaban for 48 hrs": a hold for hours or days is a restart days away
const HELD_FOR_DAYS = /\b(?:withheld|withhold|held|omitted|omit|stopped|paused|suspended)\b[^.;]{0,40}?\bfor\s+(?:(?:the\s+)?next\s+)?(?:\d{1,2}|one|two|three|four|five|a few|a couple of)\s*(?:hrs?|hours|days?)\b/i;
// a request timed in hours or days, or for a named weekday: urgent when that falls by the next
// working day ("review in 48 hours" written on a Saturday, "repeat U&E on Monday" on a Friday)
const SHORT_TIME = /\b(?:in|within)\s+(?:the\s+next\s+)?(?:24|48|twenty-four|forty-eight)\s*(?:hours?|hrs?|h)\b|\b(?:in|within)\s+(?:the\s+next\s+)?(?:1|2|one|two|a couple of|1\s*(?:-|–|to)\s*2)\s+(?:working\s+)?days?\b|\bon\s+(?:mon|tues|wednes|thurs|fri)day\b/i;
// a request that waits on a finding or result yet to come: "If the biopsy shows dysplasia, …", "Should the K rise above 6, …"
// ("if Hb <80 on that FBC pls refer urgently": dictated without its comma)
const CONDITIONAL_REQUEST = /^\s*(?:[-•*]\s*)?(?:\d{1,2}[.)]\s*)?(?:if|should|unless|in the event that)\b(?![^,]*\b(?:today|unable|cannot|can['’]t|not able|no answer)\b)[^,]{3,140}?(?:,|\s(?=(?:pls|please)\b))/i;
// ("apixaban was omitted for 24 hours before surgery and restarted on day 1": done in the stay)
const ALREADY = /\b(?:was|were|has been|have been|had been) restarted\b|\b(?:was|were|had been) (?:omitted|withheld|held|stopped|paused|suspended)\b[^.;]{0,60}\band (?:then )?restarted\b/i;

// Dangerous results: [name pattern, value test]
const RESULTS: { re: RegExp; danger: (v: number) => boolean }[] = [
  { re: /\b(?:potassium|k\+?)\b\s*(?:level\s*)?(?:of|was|is|=|:|at)?\s*(\d{1,2}(?:\.\d)?)\s*(?:mmol)/gi, danger: (v) => v >= 6.0 && v < 12 },
  { re: /\b(?:sodium|na\+?)\b\s*(?:level\s*)?(?:of|was|is|=|:|at)?\s*(\d{2,3})\s*(?:mmol)/gi, danger: (v) => v <= 120 || (v >= 160 && v < 200) },
  { re: /\binr\b\s*(?:of|was|is|=|:|at)?\s*(\d{1,2}(?:\.\d)?)\b/gi, danger: (v) => v >= 8 && v < 30 },
  { re: /\b(?:adjusted |corrected )?calcium\b\s*(?:of|was|is|=|:|at)?\s*(\d\.\d{1,2})\s*(?:mmol)/gi, danger: (v) => v >= 3.4 && v < 6 },
  { re: /\b(?:haemoglobin|hb)\b\s*(?:of|was|is|=|:|at|fell to)?\s*(\d{2,3})\s*g\/l/gi, danger: (v) => v < 70 && v > 20 },
];

export function findUrgency(letter: Letter): Evidence[] {
  const text = letter.text;
  const out: Evidence[] = [];
  const add = (start: number, end: number) => {
    if (out.some((e) => e.start === start)) return;
    out.push({ quote: text.slice(start, end), start, end, section: sectionAt(letter, start) });
  };
  // a banner in capitals, or a label such as "URGENT:" before a request
  for (const l of lines(text)) {
    const line = text.slice(l.start, l.end);
    const m = /\bURGENT(?:LY)?\b/.exec(line);
    if (!m || NOT_URGENT.test(line)) continue;
    const caps = !/[a-z]/.test(line.replace(/\b(?:for|to|and|of|the)\b/g, ''));
    if (caps || /\bURGENT\s*[:-]/.test(line) || REQUEST.test(line)) add(l.start + (line.length - line.trimStart().length), l.start + line.trimEnd().length);
  }
  for (const s of letterSentences(letter)) {
    const str = text.slice(s.start, s.end);
    const request = REQUEST.test(str);
    // a request to act urgently, today, tomorrow or within 24 hours
    // ("If any dysplasia is reported, please refer back urgently": urgent only once the condition is met)
    // ("His renal function was not available to us today; please could you chase the result": the
    // time words must sit in the part that asks)
    if (request && str.split(/;\s*/).some((p) => REQUEST.test(p) && (URGENT_WORD.test(p) || SAME_DAY.test(p))) && !NOT_URGENT.test(str) && !/\bif (?:she|he|they|you) (?:develop|notice|feel|become)/i.test(str) && !CONDITIONAL_REQUEST.test(str)) add(s.start, s.end);
    else if (request && letter.date && SHORT_TIME.test(str) && !/^\s*(?:if|should|unless)\b/i.test(str)) {
      const due = dueDate(str, letter.date);
      if (due && due >= letter.date && due <= addWorkingDays(letter.date, 1)) add(s.start, s.end);
    }
    const sg = SAFEGUARDING.exec(str);
    // "social care were informed …; no ongoing safeguarding concerns": the sentence settles it
    if (sg && !SAFEGUARDING_NEG.test(str.slice(0, sg.index)) && !SAFEGUARDING_SETTLED.test(str)) add(s.start, s.end);
    if (ANTICOAG.test(str) && (RESTART_PLAN.test(str) || HELD_FOR_DAYS.test(str)) && !ALREADY.test(str) && !/\bif\b/i.test(str.slice(0, 4))) add(s.start, s.end);
    // a dangerous value from earlier in the episode that has since been treated is not one now
    const past = /\b(?:on admission|at admission|admission|peak(?:ed)?|previously|resolved|settled|improved|normalised|corrected|treated|fell|rose)\b/i.test(str);
    for (const r of past ? [] : RESULTS) {
      r.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = r.re.exec(str))) if (r.danger(parseFloat(m[1]))) { add(s.start + m.index, s.start + m.index + m[0].length); break; }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

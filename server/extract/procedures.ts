// Which procedure concepts count as procedures for the practice record. The guidelines count
// operations and invasive procedures (surgery, endoscopy, biopsy, joint injection, catheter
// procedures, stents, pacemakers, fracture reduction, suturing, transfusion); they do not count
// imaging, ECGs and monitoring, tests, examinations, medicines, fluids, oxygen, vaccines,
// ventilation, dressings or therapy sessions. Lexicon procedures are curated to the first list;
// procedures found only by their FSN must look invasive and not look like the second.
import { num } from './due-date.ts';
import { monthNumber } from './dates.ts';
import type { Letter, ProcedureItem } from '../types.ts';
import type { Concept, Terminology } from '../../terminology/index.ts';
import { loadLexicon } from '../../terminology/lexicon.ts';
import { quoted, type Mention } from './mentions.ts';
import { conceptIndex, matchConcepts } from './concepts.ts';
import { assertMention } from './assertion.ts';
import { sectionKind, type SectionKind } from './sections.ts';

const lexiconCodes = new WeakMap<Terminology, Set<string>>();

/** Codes the procedures lexicon lists: curated as counting procedures. */
export function isLexiconProcedure(t: Terminology, code: string): boolean {
  let set = lexiconCodes.get(t);
  if (!set) {
    set = new Set(loadLexicon(t).entries.filter((e) => e.where.startsWith('procedures.tsv')).flatMap((e) => e.codes));
    lexiconCodes.set(t, set);
  }
  return set.has(code);
}

const INVASIVE = /ectomy|otomy|ostomy|plasty|scopy|biopsy|excision|resection|repair|replacement|insertion|implantation|reduction of|transfusion|suture|injection of steroid|intra-articular|drainage|cauteri|ablation|fixation|amputation|graft|bypass|stent|pacemaker|coronary angiograph|angioplasty|coronary intervention|cardioversion|catheterization of (?:left|right|both) heart|cardiac catheterization|thoracentesis|lumbar puncture|lithotripsy|cholangiopancreatography|polypectomy|arthroscop|circumcision|vasectomy|curettage|cesarean|ligation|closure|removal of (?:foreign body|polyp|lesion)|irrigation of urinary bladder|laparo/i;

const NOT_PROCEDURE = /radiograph|x-ray|imaging|tomograph|magnetic resonance|ultrasonograph|ultrasound scan|echocardiograph|doppler|electrocardiograph|monitoring|screening|examination of (?!upper gastrointestinal)|assessment|measurement|test\b|blood test|venipuncture|administration|vaccination|immunization|oxygen|ventilation|dressing|bandag|therapy\b|physiotherapy|education|referral|advice|counseling|care\b|check|review|consultation|anesthesia|anesthetic|injection of (?!steroid)|intravenous (?:infusion|fluid)|infusion|medication|removal of (?:suture|staples|dressing|plaster|urinary catheter|catheter)|attention to/i;

/** A procedure concept that the guidelines count as a procedure. */
export function countsAsProcedure(c: Concept, fromLexicon: boolean): boolean {
  if (c.tag !== 'procedure') return false;
  if (fromLexicon) return true;
  return INVASIVE.test(c.display) && !NOT_PROCEDURE.test(c.display);
}

const GENERIC_BIOPSY = '86273004';
/** Parts of an operation ("biopsies" at endoscopy, "closed with sutures"): procedures only on their own. */
const ANCILLARY = new Set([GENERIC_BIOPSY, '18557009']);
const OGD = '265371001';
const OGD_BIOPSY = '445982009';
/** A lead-in that lists the patient for an operation, ending in a colon just before the block that names it. */
const LISTING_LEAD = /\b(?:(?:added|put)\s+(?:you|him|her|them)?\s*(?:on)?\s*to\s+(?:the|our)\s+waiting list|listed (?:you|him|her|them)?\s*for|(?:placed|booked) (?:you|him|her|them)? ?(?:on|for))\b[^.\n]{0,80}:\s*(?:\n[^\n]*){0,3}?[^\n]*$/i;
/** Imaging that names a procedure ("CT angiography", "MR cholangiography"). */
const IMAGING_BEFORE = /\b(?:CT|MR|MRI|CTA|MRA|CT-|ultrasound|US)[\s-]*$/;
const CORONARY_ANGIO = '33367005';
/** A bare "angiogram" is coronary only where its line is about the heart's arteries ("unobstructed coronaries on angiography"). */
const CORONARY_LINE = /\bcoronar|\b(?:LAD|RCA|LMS|circumflex|Cx|OM\d?|PCI|stents?|cath(?:eter)? lab|radial|femoral)\b/i;
const BARE_ANGIO = /^angiogra(?:m|phy)$/i;

function lineAround(text: string, at: number): string {
  const s = text.lastIndexOf('\n', at) + 1;
  const e = text.indexOf('\n', at);
  return text.slice(s, e < 0 ? text.length : e);
}

/** A generic name for an operation ("his cataract surgery", "the endoscopy", "her operation"). */
const GENERIC_NAME = /^(?:(?:[\w-]+\s+){0,2}(?:surgery|operation|procedure|op)|endoscopy|endoscopies)$/i;
const GENERIC_WORD = /^(?:surgery|operation|procedure|op|left|right|bilateral|the|his|her|their|a|an)$/i;
const stem = (w: string) => w.toLowerCase().replace(/(?:ies|ic|ies|y|s)$/, '').slice(0, 7);

/**
 * "Right phacoemulsification and lens implant … two weeks after his cataract surgery": a generic
 * name for an operation the letter names specifically elsewhere is that operation again. The
 * generic name's own words (the organ, "endoscopy") must be in the specific one's name.
 */
function backReference(p: ProcedureItem, all: ProcedureItem[]): boolean {
  const text = p.evidence.quote.trim();
  if (!GENERIC_NAME.test(text)) return false;
  const own = text.split(/[^A-Za-z]+/).filter((w) => w && !GENERIC_WORD.test(w)).map(stem);
  if (!own.length) return false;
  // "the endoscopy" after a colonoscopy, a cystoscopy or an OGD names any of them.
  const endoscopy = own.length === 1 && own[0] === 'endosco';
  return all.some((q) => q !== p && q.code !== p.code && !GENERIC_NAME.test(q.evidence.quote.trim())
    && (endoscopy ? /scop/i.test(q.display) : own.every((w) => q.display.split(/[^A-Za-z]+/).some((x) => stem(x) === w))));
}

/** Procedures that are only the way in to the operation done through them (a colonoscopy is a test of its own; a laparoscopy is not). */
const APPROACH = /^(?:laparoscopy|thoracoscopy|arthroscopy)$/i;
/** One coronary intervention, however many of its steps the letter names (PCI, stent, angioplasty). */
const PCI_FAMILY = new Set(['414089002', '415070008', '36969009', '41339005', '11101003', '429639007']);
/**
 * Steps of one endoscopic operation that the letter names beside it: the stent put in at an ERCP,
 * the ureteroscope that a lithotripsy is done through, the stent taken out at a flexible
 * cystoscopy. The operation is recorded once, as the endoscopy (or the lithotripsy).
 */
const STEP_OF: Record<string, { done: Set<string>; word?: RegExp }> = {
  '103716009': { done: new Set(['386718000']) },
  '423827005': { done: new Set(['133864008']), word: /\b(?:ureteroscop|URS\b)/i },
  '178728009': { done: new Set(['386745004']) },
};
/**
 * A procedure that is only the approach another procedure's name holds ("Laparoscopy" beside
 * "Laparoscopic appendectomy"), or a step of a coronary intervention named beside the
 * intervention itself, is that procedure again.
 */
function partOf(p: ProcedureItem, all: ProcedureItem[]): boolean {
  const step = STEP_OF[p.code];
  if (step && all.some((q) => q !== p && step.done.has(q.code)) && (!step.word || step.word.test(p.evidence.quote))) return true;
  if (PCI_FAMILY.has(p.code)) return all.some((q) => q !== p && PCI_FAMILY.has(q.code) && all.indexOf(q) < all.indexOf(p));
  const own = p.display.split(/[^A-Za-z]+/).filter(Boolean);
  if (own.length !== 1 || !APPROACH.test(own[0])) return false;
  const st = stem(own[0]);
  return all.some((q) => q !== p && q.code !== p.code && q.display.split(/[^A-Za-z]+/).length > 1 && q.display.split(/[^A-Za-z]+/).some((w) => stem(w) === st));
}

/** "Coronary angiography last year showed …", "a colonoscopy three years ago": an operation told as long past is not this episode's. */
const LONG_AGO_AFTER = /^[^.;\n]{0,30}?\b(?:last year|the (?:previous|year) before|(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few) years? ago)\b/i;
const LINE_MONTH_YEAR = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+((?:19|20)\d\d)\b/gi;
/** A numeric date on a line: "24/02/2026", "24.02.2026". */
const LINE_DATE = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g;
/** How far back a dated operation is still "recent" for the practice record (the episode and the weeks before it). */
const RECENT_DAYS = 120;

/** How many days before the letter each numeric date on the line around `at` falls (none without a letter date). */
function lineDateAges(letter: Letter, at: number, months = false): number[] {
  if (!letter.date) return [];
  const ref = Date.parse(letter.date);
  if (Number.isNaN(ref)) return [];
  const ages: number[] = [];
  // (with the indented lines its item wraps onto: "…, anterior resection\n             14/10/2025 (Mr Patel).")
  const text = letter.text;
  let line = lineAround(text, at);
  for (let next = text.indexOf('\n', at); next >= 0 && /^[ \t]{2,}\S/.test(text.slice(next + 1, next + 80)) && !line.includes('.'); next = text.indexOf('\n', next + 1)) line += ` ${lineAround(text, next + 1)}`;
  for (const d of line.matchAll(LINE_DATE)) {
    if (Number(d[2]) > 12) continue;
    ages.push((ref - Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1]))) / 86_400_000);
  }
  // "Wide local excision and axillary node clearance April 2023": a month and year, from the month's end
  // (too coarse to make an operation recent, enough to make one long past)
  if (months) for (const d of line.matchAll(LINE_MONTH_YEAR)) ages.push((ref - Date.UTC(Number(d[2]), monthNumber(d[1])!, 0)) / 86_400_000);
  return ages;
}

/**
 * "24/02/2026 - Right hip hemiarthroplasty" under an unheaded "What was done" that the past history
 * runs into: an operation dated within the weeks before the letter is this episode's, not the past's.
 */
const recentlyDated = (letter: Letter, at: number) => lineDateAges(letter, at).some((days) => days >= -7 && days <= RECENT_DAYS);

/**
 * "She had a laparoscopic cholecystectomy three weeks ago", "a TURP last week", "a hemiarthroplasty in
 * March" (in a May letter): a time told in words that puts the operation within the weeks before the
 * letter makes it recent, though the assertion reads the clause as history.
 */
const AGO_AFTER = /^[^.;\n]{0,40}?\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|a\s+couple\s+of|several)\s+(days?|weeks?|months?)\s+ago\b/i;
const RECENT_WORDS = /^[^.;\n]{0,40}?\b(?:yesterday|last\s+(?:week|month)|earlier\s+(?:this|in\s+the)\s+(?:week|month)|this\s+(?:week|month)|over\s+the\s+weekend|recently)\b|\brecently\s+(?:had|underwent|undergone)\s+(?:an?\s+|the\s+|his\s+|her\s+)?$/i;
const IN_MONTH_AFTER = /^[^.;\n]{0,30}?\b(?:in|on|during|at the (?:start|end) of)\s+(?:early\s+|mid-?\s*|late\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+\d{4}|\s*,?\s*\d{4})/i;
function recentlyTold(letter: Letter, start: number, end: number): boolean {
  const after = letter.text.slice(end, end + 60), before = letter.text.slice(Math.max(0, start - 40), start);
  if (RECENT_WORDS.test(after) || RECENT_WORDS.test(before)) return true;
  const ago = AGO_AFTER.exec(after);
  if (ago) {
    const n = num(ago[1].split(/\s+/)[0]) ?? (/few|couple|several/i.test(ago[1]) ? 3 : 1);
    return n * (/day/i.test(ago[2]) ? 1 : /week/i.test(ago[2]) ? 7 : 30) <= RECENT_DAYS;
  }
  const month = IN_MONTH_AFTER.exec(after);
  if (!month || !letter.date) return false;
  const months = (Number(letter.date.slice(5, 7)) - monthNumber(month[1])! + 12) % 12;
  return months <= 3;
}

/**
 * "Left wide local excision and sentinel lymph node biopsy, 14/06/2023" in a follow-up letter: an operation whose
 * line dates it only long before the letter is the past's, not this episode's.
 */
function datedLongAgo(letter: Letter, at: number): boolean {
  const ages = lineDateAges(letter, at, true);
  return ages.length > 0 && ages.every((days) => days > RECENT_DAYS);
}

/**
 * "I have referred her to the gastroenterology team for an OGD", "booked for a telephone assessment and
 * then for a colonoscopy": an operation someone is sent or listed for is planned.
 */
const SENT_FOR = /\b(refer(?:s|red|ring|ral)?|TCI(?:\s+date)?|list(?:ed|ing)?|book(?:ed|ing)?|request(?:ed|ing)?|wait(?:ing)?(?: list)?|await(?:s|ing)?)\b(?:(?!\n\s*\n)[^.;:]){0,120}?\bfor\s+(?:an?\s+|the\s+|further\s+|urgent\s+|routine\s+|elective\s+)*(?:[\w-]+\s+){0,2}$/i;

/** "referred for a colonoscopy, which showed …": the operation was done after all. */
const DONE_AFTER = /^[^.;]*?\b(?:showed|shows|revealed|demonstrated|confirmed|found|identified|was (?:normal|done|performed|carried out|unremarkable)|on \d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}\/\d{1,2}\/\d{2,4})/i;
/** "booked for a colonoscopy on 07/04/2026": a booking's date is the appointment's, not a sign it was done. */
const DONE_AFTER_RESULT = /^[^.;]*?\b(?:showed|shows|revealed|demonstrated|confirmed|found|identified|was (?:normal|done|performed|carried out|unremarkable))\b/i;

/** An operation a sentence says someone was sent, booked or listed for, and no result or date says was done. */
function sentFor(text: string, start: number, end: number): boolean {
  const m = SENT_FOR.exec(text.slice(Math.max(0, start - 160), start));
  if (!m) return false;
  const after = text.slice(end, end + 80);
  return !(/^refer/i.test(m[1]) ? DONE_AFTER : DONE_AFTER_RESULT).test(after);
}

/**
 * "He did not attend the colonoscopy", "she DNA'd her OGD", "missed his cystoscopy appointment": the
 * operation was not done. "a colonoscopy slot", "the OGD appointment": a booking, not the operation.
 */
const NOT_ATTENDED_BEFORE = /\b(?:did\s+not|didn't|failed\s+to|unable\s+to)\s+attend(?:\s+(?:for|to))?|\bDNA(?:'?d|ed)?(?:\s+(?:for|to))?|\bmissed(?=\s+(?:his|her|their|the|an?|this|that)\b)|\bwas\s+not\s+brought\s+(?:to|for)|\bnon-attendance\s+(?:at|for)/i;
const NOT_ATTENDED_PRE = new RegExp(`(?:${NOT_ATTENDED_BEFORE.source})\\s+(?:(?:his|her|their|the|an?|its|this|that|planned|booked|scheduled|arranged|appointment\\s+for)\\s+)*(?:[\\w-]+\\s+)?$`, 'i');
/** "assessment for TAVI", "work-up for a TURP", "considered for PCI": the operation is what the assessment is for, not done. */
const WORKUP_BEFORE = /\b(?:(?:pre-?)?assess(?:ed|ment)|work(?:ed)?[- ]?up|consider(?:ed|ation)?|evaluat(?:ed|ion)|counsell?(?:ed|ing)|consent(?:ed|ing)?|suitability|fitness|optimis(?:ed|ation)|listing|prep(?:aration)?|eligibility|MDT)\s+(?:(?:\w+\s+){0,2}?)(?:for|to\s+(?:have|undergo))\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|further\s+|elective\s+|possible\s+|urgent\s+|repeat\s+)*(?:[\w-]+\s+){0,2}$/i;
/**
 * "Proceed to TURP if symptoms persist", "options including TURP", "we discussed a cystoscopy", "TURP
 * and its risks were discussed": an operation proposed or talked about, not done.
 */
const PROPOSED_BEFORE = /(?:^|[^\w])(?:proceed\s+(?:to|with)|options?\s+(?:of|including|such\s+as|for|are|were|include)|discuss(?:ed|ion|ing)?(?:\s+(?:about|of|regarding|re|around))?|talked\s+(?:about|through)|explained(?:\s+that)?|information\s+(?:about|on|regarding)|leaflet\s+(?:about|on))\s+(?:(?:an?|the|his|her|their|further|possible|a\s+possible|elective|repeat|surgical|options?\s+(?:of|such\s+as|including)|such\s+as|including)\s+)*(?:[\w-]+\s+)?$/i;
// "bone density often improves after a successful parathyroidectomy": what an operation generally brings, not one done
const GENERAL_AFTER = /\b(?:often|usually|generally|typically|tends? to|may|can|will)\b[^.;]{0,50}\b(?:after|following)\s+(?:an?\s+)?(?:successful\s+)?$/i;
// ("a septoplasty is the only way to improve it", "surgery would be an option": an option weighed, not done)
const PROPOSED_AFTER = /^(?:[^.;\n]{0,40}?\b(?:(?:was|were|has\s+been|have\s+been)\s+discussed|(?:was|were)\s+(?:offered|proposed|suggested|recommended|explained))|\s+(?:is|would be|remains)\s+(?:the\s+only\s+(?:way|option|treatment)|an?\s+(?:option|possibility)))\b/i;
/** A date just after the name that is after the letter's own: "TURP on 12/05/2026" in an April letter is booked. */
function datedAfterLetter(letter: Letter, end: number): boolean {
  if (!letter.date) return false;
  const ref = Date.parse(letter.date);
  const after = letter.text.slice(end, end + 40).split(/[.;\n]/)[0];
  const d = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(after);
  if (!d || Number(d[2]) > 12 || Number.isNaN(ref)) return false;
  return Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])) - ref > 86_400_000;
}
// (On the name's own line: "Operation: TURP\nDate: 10/04/2026" is the operation's date.)
const BOOKING_AFTER = /^[ \t]*(?:slots?|appointments?|dates?|waiting\s+lists?|bookings?|clinic\s+appointment)\b|^[ \t]*\((?:DNA|did not attend|not attended)\)/i;

/**
 * "She went on to have a TURP", "he was admitted for an elective laparoscopic cholecystectomy",
 * "underwent …": a sentence that says the operation was had, not only planned. The assertion
 * reads "to have" and "for a" as plans; these frames override it where nothing after the verb
 * plans, books or refers and no future time follows the name.
 */
const DONE_FRAME = /\b(?:went\s+on\s+to\s+(?:have|undergo)|proceeded\s+(?:to|with)|went\s+ahead\s+with|(?:was|were)\s+(?:electively\s+)?admitted\s+(?:electively\s+)?for|(?:was|were)\s+taken\s+to\s+theatre\s+(?:for|and)|went\s+to\s+theatre\s+for|underwent|has\s+(?:now\s+)?had|went\s+on\s+to\s+receive)\b/gi;
const PLAN_WORD = /\b(?:for|assess(?:ed|ment)?|work-?up|pre-?assessment|counsell?(?:ed|ing)|will|would|shall|should|may|might|could|plans?|list(?:ed)?|book(?:ed)?|await(?:s|ing)?|wait(?:ing)?|referr?(?:al|ed)?|consent(?:ed)?|offer(?:ed)?|due|if|once|unless|hope[sd]?|wish(?:es)?|wants?|keen|agreed|prefer(?:s|red)?|decided|consider(?:ed|ing)?|discuss(?:ed)?)\b/i;
const FUTURE_AFTER = /^[^.;\n]{0,40}?\b(?:next\s+(?:week|month|year)|in\s+(?:the\s+)?(?:coming|next)\s+(?:few\s+)?(?:days?|weeks?|months?)|in\s+(?:\d+|a\s+few|a\s+couple\s+of|one|two|three|four|five|six|eight|twelve)(?:\s*(?:-|–|to)\s*\d+)?\s*(?:days?|weeks?|months?|years?)(?:'s?\s+time)?|later\s+this\s+(?:week|month|year)|soon)\b/i;

/** "via a PICC line (inserted 12/03/2026)", "TURP (performed 02/04/2026)": a past date the name is said done on. */
const DONE_ON_AFTER = /^\s*\(?\s*(?:was\s+|were\s+)?(?:inserted|placed|performed|done|sited|fitted|carried\s+out|implanted)\s+(?:on\s+)?\d{1,2}[/.]\d{1,2}[/.]\d{4}\b/i;
const doneOnDate = (letter: Letter, end: number) => DONE_ON_AFTER.test(letter.text.slice(end, end + 40)) && !datedAfterLetter(letter, end);

/** "has had a colonoscopy booked": a word after the name that makes it a plan. */
const PLANNED_AFTER = /^\s*(?:(?:is|was|has\s+been|have\s+been|had\s+been)\s+)?(?:planned|booked|scheduled|requested|arranged|pending|awaited|deferred|postponed|cancell?ed)\b/i;

function doneFrame(text: string, start: number, end: number): boolean {
  const clause = text.slice(Math.max(0, start - 200), start).split(/[.;:\n]/).pop()!;
  let last: RegExpExecArray | null = null;
  for (const m of clause.matchAll(DONE_FRAME)) last = m as RegExpExecArray;
  if (!last) return false;
  const before = clause.slice(0, last.index), between = clause.slice(last.index + last[0].length);
  if (between.split(/\s+/).filter(Boolean).length > 10) return false;
  if (PLAN_WORD.test(between) || /\b(?:will|would|if|once|unless|when|should|may|might)\b[^,]*$/i.test(before)) return false;
  const after = text.slice(end, end + 60);
  return !FUTURE_AFTER.test(after) && !PLANNED_AFTER.test(after);
}

/**
 * "We plan a colonoscopy", "she is due to have an OGD", "he declined a TURP": an operation the
 * sentence plans, expects or has refused just before naming it was not done.
 */
const NOT_DONE_BEFORE = /\b(?:(?:we|I|they|team)\s+(?:would\s+|will\s+)?plan(?:s|ned)?(?:\s+to\s+(?:perform|do|arrange|undertake|proceed\s+(?:to|with)))?|plan(?:ned|s)?\s+(?:is|was)\s+(?:for|to)(?:\s+(?:have|undergo|perform|proceed\s+(?:to|with)))?|due\s+(?:to\s+(?:have|undergo)|for)|declined|refused|decline[sd]?\s+to\s+(?:have|undergo)|unfit\s+for|not\s+(?:a\s+)?(?:suitable\s+)?candidate\s+for|no\s+(?:need|requirement|plans?|role)\s+for|not\s+(?:yet\s+)?had|yet\s+to\s+(?:have|undergo)|still\s+(?:waiting|awaiting)\s+(?:for\s+)?|counsell?ed\s+(?:about|on|regarding|for)|consented\s+for)\s+(?:an?\s+|the\s+|further\s+|urgent\s+|elective\s+|repeat\s+)*(?:[\w-]+\s+)?$/i;

/** "For OGD.", "- for flexible cystoscopy": a clause that opens with "for" and the operation is the plan's shorthand. */
const FOR_AT_START = /^\s*(?:[-•*]\s*|\d{1,2}[.)]\s*)?(?:(?:and|then|plan|now)\s+)?for\s+(?:an?\s+|the\s+|urgent\s+|routine\s+|elective\s+|repeat\s+|further\s+)*(?:[\w-]+\s+)?$/i;

/** "The colonoscopy was cancelled", "TURP (postponed)": the operation was not done. */
// ("Grommet insertion recommended", "TURP advised": an operation put forward, not done.)
// ("TURP may be considered", "FNA will be arranged", "a biopsy was not taken", "OGD deferred until …": a possibility or a plan, not done.)
const NOT_DONE_AFTER = /^\s*(?:(?:was|were|has\s+been|had\s+been|is|will\s+be)\s+(?:cancell?ed|postponed|deferred|not\s+(?:performed|done|carried\s+out|undertaken|taken|required|needed|indicated|possible|attempted))|\((?:cancell?ed|postponed|deferred)\)|(?:[-–(,]\s*)?not\s+(?:yet\s+)?(?:performed|done|carried\s+out|undertaken|attempted|required|needed|indicated|possible)\b|(?:(?:was|were|has\s+been|had\s+been|is|will\s+be)\s+)?(?:delayed|put\s+on\s+hold)\b|(?:could|can|cannot|can't|couldn't)\s+(?:not\s+)?be\s+(?:performed|done|completed|carried\s+out|undertaken)\b|(?:cancell?ed|postponed|deferred)\s+(?:until|till|to|due|because|as|for|pending)\b|(?:(?:is|would\s+be|will\s+be)\s+)?(?:recommended|advised|suggested|proposed|indicated)\b)/i;
/** "FNA of the thyroid nodule will be arranged", "a TURP may be considered", "OGD is the next step": after the name (and its object), a plan. */
const PLAN_AFTER = /^\s*(?:(?:of|to|into|on)\s+(?:(?:the|his|her|their|a|an|left|right)\s+)*(?:[\w-]+\s+){0,3}?)?(?:(?:(?:will|would|should|could|can|may|might)\s+(?:then\s+|also\s+)?be|(?:is|are)\s+to\s+be|to\s+be)\s+(?:arranged|booked|requested|organised|organized|planned|offered|considered|needed|required|performed|done|undertaken|repeated|scheduled)|(?:is|remains|would\s+be|may\s+be)\s+(?:an|the\s+next)\s+(?:option|step)|if\s+(?:(?:it\s+is|they\s+are)\s+)?(?:needed|required|necessary|indicated|clinically\s+indicated|appropriate)|should\s+(?:it|one|this)\s+be\s+(?:needed|required|necessary))\b/i;

/** "Management:\n- Colonoscopy on 12/03/2026": a plan's item dated before the letter has been done. */
const datedBefore = (letter: Letter, at: number) => lineDateAges(letter, at).some((days) => days >= 0 && days <= RECENT_DAYS);

/** "post TURP day 2", "day 3 post hemiarthroplasty", "POD1 post laparoscopic cholecystectomy". */
const POST_AT = /\bpost[- ](?=[A-Za-z])/gi;
const DAY_BEFORE = /\b(?:day|POD|D)\s*\d{1,2}\s*$/i;
/** "6 weeks post TKR", "2/52 post TURP", "three months post hemiarthroplasty": the time since an operation, if recent. */
const SINCE_BEFORE = /\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:(days?)|(weeks?|wks?|\/52)|(months?|\/12))\s+(?:now\s+)?$/i;
function recentSince(before: string): boolean {
  const m = SINCE_BEFORE.exec(before);
  if (!m) return false;
  const n = num(m[1])!;
  const days = m[2] ? n : m[3] ? n * 7 : n * 30;
  return days <= RECENT_DAYS;
}
const DAY_AFTER = /^\s*,?\s*(?:day|POD|D)\s*\d{1,2}\b/i;

/**
 * The mentions drop a term after "post" ("post-MI": the time after an event), but "post TURP day 2"
 * counts the days since an operation this episode: the operation was done.
 */
function postOperativeDays(letter: Letter, t: Terminology): { concept: Concept; start: number; end: number }[] {
  const out: { concept: Concept; start: number; end: number }[] = [];
  const text = letter.text;
  const idx = conceptIndex(t);
  for (const p of text.matchAll(POST_AT)) {
    const at = p.index! + p[0].length;
    const dayBefore = DAY_BEFORE.test(text.slice(Math.max(0, p.index! - 12), p.index!)) || recentSince(text.slice(Math.max(0, p.index! - 25), p.index!));
    const m = matchConcepts(idx, text, at, Math.min(text.length, at + 80)).find((x) => x.start === at && x.fromLexicon);
    if (!m || !(dayBefore || DAY_AFTER.test(text.slice(m.end, m.end + 12)))) continue;
    for (const code of m.codes) {
      const c = t.get(code);
      if (c && countsAsProcedure(c, true) && isLexiconProcedure(t, code)) out.push({ concept: c, start: m.start, end: m.end });
    }
  }
  return out;
}

/** Peripheral arteries and other beds: an angiogram on their line is not coronary unless the line names the heart's arteries. */
const PERIPHERAL_LINE = /\b(?:SFA|CFA|SFAs|iliac|popliteal|tibial|peroneal|profunda|superficial femoral|common femoral|fem(?:oral)?[- ]pop(?:liteal)?|carotid|vertebral|renal arter(?:y|ies)|mesenteric|coeliac|limbs?|legs?|foot|feet|toes?|run-?off|pulmonary arter(?:y|ies)|cerebral|intracranial|hepatic|bronchial|splenic|uterine|fistula|AV fistula|below knee|above knee)\b/i;
const LIMB_LINE = /\b(?:(?:lower|upper) limbs?|legs?|SFA|CFA|superficial femoral|common femoral|iliac|popliteal|tibial|peroneal|profunda|fem(?:oral)?[- ]pop(?:liteal)?|run-?off|below knee|above knee|foot|feet)\b/i;
const PERIPHERAL_ANGIO = '271993009';
const CORONARY_STRONG = /\bcoronar|\b(?:LAD|RCA|LMS|LMCA|circumflex|Cx|OM\d?|PCI|PTCA|cath(?:eter)? lab|NSTEMI|STEMI|angina)\b/i;
/** "completion angiogram", "check angiogram": the look at the end of an intervention is part of it. */
const COMPLETION_BEFORE = /\b(?:completion|check|final|post-?(?:procedure|dilatation|stenting|stent))\s+$/i;
/** A stent or an angioplasty on a line about the heart's arteries is the coronary one. */
const CORONARY_FORM: Record<string, string> = { '103716009': '36969009', '68457009': '11101003' };

/** "Sutures to be removed at 10 days", "staples out on day 12": the stitches coming out, not the suturing. */
const CARDIOVERSION = '250980009';
const STITCHES = /^(?:sutures?|stitches|staples|clips)$/i;
const STITCHES_OUT_AFTER = /^\s*(?:(?:are|is|were|was|will|can|could|should|need|needs)\s+)?(?:(?:to\s+)?be\s+)?(?:removed|out|removal|taken\s+out|for\s+removal|off)\b/i;
/** A device named bare ("PEG", "ICD", "vascath") is a procedure only where the clause says it was put in. */
const DEVICE_ONLY = /^(?:central (?:venous\s+)?(?:lines?|catheters?)|CVCs?|PEGs?|PEG tubes?|RIGs?|RIG tubes?|ICDs?|S-ICD|subcutaneous ICD|CRT-[DP]|PICCs?|PICC lines?|vas-?caths?|vas caths?|urinary catheters?|(?:tunnell?ed\s+)?(?:haemo)?dialysis (?:lines?|catheters?)|Tesio(?: lines?)?|(?:indwelling\s+)?pleural catheters?|K-? ?wires?|(?:[\w-]+\s+)?stents?)$/i;
const INSERT_BEFORE = /\b(?:(?:fixed|fixation|stabili[sz]ed|held|secured)\s+with|insert(?:ed|ion|ing)|implant(?:ed|ation|ing)|plac(?:ed|ement|ing)|fitted|fitting|sited|siting|put in|position(?:ed|ing))\s+(?:of\s+)?(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w/-]+\s+){0,3}$/i;
const INSERT_AFTER = /^\s*(?:\(\s*)?(?:[\w/-]+\s+){0,4}?(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:\w+ly\s+)?(?:inserted|insertion|implanted|implantation|placed|placement|fitted|sited|positioned|put in)\b/i;
function deviceInserted(text: string, start: number, end: number): boolean {
  // (a line wrapped mid-clause reads on: "insertion of\na metal biliary stent")
  const pre = text.slice(Math.max(0, start - 60), start).split(/[.;:]|\n\s*\n/).pop()!.replace(/\s+/g, ' ');
  return INSERT_BEFORE.test(pre) || INSERT_AFTER.test(text.slice(end, end + 60).split(/[.;]|\n\s*\n/)[0].replace(/\s+/g, ' '));
}

/**
 * Verbs that name an operation by what was done to a thing ("the BCC was excised", "the knee was
 * aspirated"): a procedure only where the clause names a thing that operation is done to, and
 * not where "aspiration" is breathing something in.
 */
const EXCISED = /^excised$/i;
const EXCISED_THING = /\b(?:BCCs?|SCCs?|basal cell|squamous cell|melanomas?|naev(?:us|i)|nev(?:us|i)|moles?|skin|lesions?|cysts?|lipomas?|keratos[ie]s|keratoacanthoma|papilloma|warts?|seborrh?oeic|dermatofibroma)\b/i;
/** an excision inside the body is not a skin excision */
const NOT_SKIN = /\b(?:breast|ovar(?:y|ian)|thyroid|kidney|renal|liver|hepatic|bowel|colon|rect|polyps?|bladder|lung|brain|parotid|lymph nodes?|testi(?:s|cular)|uter(?:us|ine)|cervi(?:x|cal)|pancrea|gastric|stomach|oesophag|prostat)/i;
const ASPIRATE = /^aspirat(?:ed|ion)$/i;
const ASPIRATED_THING = /\b(?:knee|joint|effusion|cysts?|fluid|\d+\s*(?:ml|mls|mL|L|litres?)|bursa|ganglion|seroma|ha?ematoma|abscess|dryness|hip|shoulder|elbow|ankle|wrist|hydrocele|straw-coloured|turbid|blood-stained|purulent)\b/i;
const INHALED = /\b(?:pneumonia|pneumonitis|inhal|vomit|food|gastric contents|chest|lungs?|swallow|SALT|dysphagia|risk of|foreign body|airway)\b/i;
const ASPIRATION = '14766002';
const GENERIC_STENT = '103716009';
const DEFIBRILLATOR = '233170003';
const CHEST_DRAIN = '264957007';
const PLEURAL = /\b(?:pneumothorax|pleural|effusion|empyema|ha?emothorax|hydrothorax|chest drain|intercostal|Seldinger)\b/i;
const BREAST_CYST_ASPIRATION = '287572003';
const NEEDLE_BIOPSY = '129249002';
const BREAST_CORE_BIOPSY = '44578009';

function verbFrameHolds(letter: Letter, m: Mention): boolean {
  const word = letter.text.slice(m.start, m.end);
  const sentence = clauseSentence(letter.text, m.start, m.end);
  if (EXCISED.test(word)) return EXCISED_THING.test(sentence) && !NOT_SKIN.test(sentence);
  if (ASPIRATE.test(word)) return ASPIRATED_THING.test(sentence) && !INHALED.test(sentence);
  return true;
}

/** The sentence around a mention (to its full stop, line break or semicolon). */
function clauseSentence(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 200), start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf(';'));
  const after = text.slice(end, end + 200);
  const stop = after.search(/\.(?:\s|$)|\n|;/);
  return before.slice(cut + 1) + text.slice(start, end) + (stop < 0 ? after : after.slice(0, stop));
}

/**
 * Sentence frames the term matcher cannot read as one phrase: "I injected her right knee with
 * 40 mg triamcinolone", "the left shoulder was injected". Each becomes a mention with the same
 * context (section, assertion) as a matched term, so the same done-or-planned rules apply.
 */
const INJECTED_JOINT = /\binjected\s+(?:(?:her|his|their|the)\s+)?(?:(?:left|right|L|R|both|bilateral)\s+)?(knees?|shoulders?|subacromial space|hips?|ankles?|elbows?|wrists?|thumb base|(?:first\s+)?CMC joint|(?:[\w-]+\s+)?joint|trochanteric bursa)\b|\b(?:(?:left|right|L|R)\s+)?(knee|shoulder|hip|ankle|elbow|wrist)\s+(?:joint\s+)?(?:was|were)\s+injected\b/gi;
/** An abscess or a collection said to have been drained (a verb the term matcher cannot read as one phrase). */
const DRAINED = /\b(?:(?:peri-?anal|pelvic|psoas|subphrenic|paracolic|perinephric|liver|hepatic|intra-abdominal|subcutaneous|breast|neck|dental)\s+)?(?:abscess(?:es)?|collections?)\b(?:(?!\n\s*\n)[^.;]){0,40}?\b(?:was|were|has been|had been|is being)\s+(?:\w+ly\s+)?(?:drained|incised and drained)\b/gi;
const ABSCESS_DRAINAGE = '118442004';
const PERIANAL_DRAINAGE = '174392009';
/** "I&D of an axillary abscess", "the abscess was incised and drained": an incision and drainage of an abscess is that procedure. */
const ABSCESS_ID = '284181007';
const INCISION_DRAINAGE = '56783008';
const JOINT_INJECTION: Record<string, string> = { knee: '301877006', shoulder: '308028008', subacromial: '308028008' };
/** A frame's match as a mention, in its innermost section; none in sections that are not the patient's story. */
function frameMention(letter: Letter, concept: Concept, start: number, end: number, year?: number): Mention | undefined {
  const text = letter.text;
  let section = { title: '', start: 0, end: text.length };
  for (const s of letter.sections) if (s.start <= start && s.end >= end && s.start >= section.start) section = s;
  const kind: SectionKind = sectionKind(section);
  if (kind === 'allergies' || kind === 'admin' || kind === 'signature' || kind === 'advice') return undefined;
  const ctx = assertMention(text, start, end, { section: kind, chronic: false, year });
  return { concept, ctx, start, end, section, kind, fromLexicon: true, before: text.slice(Math.max(0, start - 30), start), after: text.slice(end, end + 40), inExam: false };
}

function frameMentions(letter: Letter, t: Terminology): Mention[] {
  const out: Mention[] = [];
  const text = letter.text;
  const year = letter.date ? Number(letter.date.slice(0, 4)) : undefined;
  // "A pelvic collection was drained under ultrasound guidance", "the perianal abscess was incised and drained".
  if (/drain/i.test(text)) {
    for (const f of text.matchAll(DRAINED)) {
      const concept = t.get(/perianal|peri-anal/i.test(f[0]) ? PERIANAL_DRAINAGE : /incised/i.test(f[0]) ? ABSCESS_ID : ABSCESS_DRAINAGE);
      if (!concept) continue;
      const m = frameMention(letter, concept, f.index!, f.index! + f[0].length, year);
      if (m) out.push(m);
    }
  }
  for (const f of text.matchAll(INJECTED_JOINT)) {
    const joint = (f[1] ?? f[2] ?? '').toLowerCase().replace(/s$/, '').split(/\s+/)[0];
    const concept = t.get(JOINT_INJECTION[joint] ?? '27813003');
    if (!concept) continue;
    const m = frameMention(letter, concept, f.index!, f.index! + f[0].length, year);
    if (m) out.push(m);
  }
  return out;
}

/**
 * "Ascitic tap on admission excluded SBP", "OGD showed no varices": the negative belongs to what the
 * operation found, not to the operation, which was done. (A negative before the name, "no biopsy was
 * taken", still negates it.)
 */
const FINDING_NEGATED_AFTER = /^(?:\s+(?:on|at|in|of|under|with|to|from)\s+[\w/-]+(?:\s+[\w/-]+){0,3}?)?\s*(?:\([^)]*\)\s*)?,?\s*(?:which\s+|that\s+)?(?:has\s+|had\s+)?(?:excluded|ruled\s+out|did\s+not\s+(?:show|find|reveal|demonstrate|identify)|showed\s+no|revealed\s+no|found\s+no|demonstrated\s+no|identified\s+no|confirmed\s+no)\b/i;
const NEGATION_BEFORE = /\b(?:no|not|nor|without|declined|refused|never|nil|unable|failed)\b/i;
function findingNegated(text: string, start: number, end: number): boolean {
  const pre = text.slice(Math.max(0, start - 60), start).split(/[.;:\n]/).pop()!;
  return !NEGATION_BEFORE.test(pre) && FINDING_NEGATED_AFTER.test(text.slice(end, end + 80).split(/[.;\n]/)[0]);
}

/** "Wide local excision of the melanoma scar": a wide local excision is the breast's only where the sentence is not about skin. */
const WLE_BREAST = '46116005';
const SKIN_EXCISION_MALIGNANT = '301889008';
const WLE = /^(?:wide\s+(?:local\s+)?excision|WLE)$/i;
const SKIN_TUMOUR = /\b(?:melanomas?|BCCs?|SCCs?|basal cell|squamous cell|skin|scalp|scar|lentigo maligna|Merkel|dermatofibrosarcoma)\b/i;

const EXCISIONAL_BIOPSY = '8889005';
const GENERIC_EXCISION = '65801008';
const SKIN_BIOPSY = '240977001';
const SKIN_CYST_EXCISION = '301890004';
const SKIN_LESION_EXCISION = '35646002';
const SKIN_EXCISION_BIOPSY = '312968005';
const SKIN_SITE = /\b(?:cheek|forehead|temple|nose|ear|scalp|eyelid|lip|shin|calf|forearm|shoulder|back|chest wall|face|facial)\b/i;

/** Procedures done: invasive, not planned, not from the past history (unless dated recently). */
const nameWords = (display: string) => display.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !['of', 'the', 'and'].includes(w));

export function proceduresFrom(mentions: Mention[], letter: Letter, t: Terminology): ProcedureItem[] {
  // A structured letter's coded procedures are the sender's list; its narrative only repeats them.
  if (letter.document?.entry?.some((e) => e.resource?.resourceType === 'Procedure')) return [];
  const seen = new Set<string>();
  let out: ProcedureItem[] = [];
  /** items read from a bare verb ("excised"): dropped where the letter names the operation itself */
  const weak = new Set<ProcedureItem>();
  const text = letter.text;
  const all = [...mentions, ...frameMentions(letter, t)];
  // ("placed on our waiting list for … Procedure: Right total knee replacement … the leaflet 'Getting fit for
  // your knee replacement'": every mention of the operation a listing introduces is the one still to come)
  const listedNames = all.filter((m) => LISTING_LEAD.test(text.slice(Math.max(0, m.start - 250), m.start))).map((m) => nameWords(m.concept.display));
  // (its bare name too: "knee replacement" for the listed "Total replacement of right knee joint")
  const listedOp = (m: Mention) => { const w = nameWords(m.concept.display); return listedNames.some((l) => w.every((x) => l.includes(x))); };
  for (const m of all) {
    const word = text.slice(m.start, m.end);
    const verbFrame = m.concept.code === ASPIRATION && ASPIRATE.test(word) ? verbFrameHolds(letter, m) : undefined;
    if (!countsAsProcedure(m.concept, m.fromLexicon) && !verbFrame) continue;
    if (verbFrame === false || !verbFrameHolds(letter, m)) continue;
    // (A procedures list names what was done: "Procedures: ureteroscopy, laser lithotripsy and JJ stent".)
    if (DEVICE_ONLY.test(word) && m.kind !== 'procedures' && !deviceInserted(text, m.start, m.end)) continue;
    if (IMAGING_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
    if (STITCHES.test(word) && STITCHES_OUT_AFTER.test(text.slice(m.end, m.end + 40))) continue;
    // "Chemical cardioversion with flecainide": a medicine given, not a procedure.
    if (m.concept.code === CARDIOVERSION && /\b(?:chemical(?:ly)?|pharmacological(?:ly)?|medical(?:ly)?|drug)\s+$/i.test(text.slice(Math.max(0, m.start - 20), m.start))) continue;
    const line = lineAround(text, m.start);
    // ("Right lower limb angiogram": the legs' arteries, by catheter, is peripheral angiography)
    const bareAngio = m.concept.code === CORONARY_ANGIO && BARE_ANGIO.test(word);
    const completion = bareAngio && COMPLETION_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start));
    const limbAngio = bareAngio && !completion && LIMB_LINE.test(line) && !CORONARY_STRONG.test(line);
    if (bareAngio && !limbAngio && (!CORONARY_LINE.test(line) || (PERIPHERAL_LINE.test(line) && !CORONARY_STRONG.test(line)) || completion)) continue;
    // "referred for a colonoscopy, which showed …": a result says the operation was done after all.
    // ("added to the waiting list for an operation on your right eye:\n Operation: Right phacoemulsification …": the operation a listing introduces)
    const listed = listedOp(m);
    const planned = (m.ctx.planned || listed) && !doneFrame(text, m.start, m.end) && !doneOnDate(letter, m.end) && !(SENT_FOR.test(text.slice(Math.max(0, m.start - 160), m.start)) && DONE_AFTER_RESULT.test(text.slice(m.end, m.end + 80)));
    if (planned || m.ctx.detail || (m.ctx.assertion === 'negated' && !findingNegated(text, m.start, m.end)) || m.ctx.assertion === 'possible' || m.ctx.assertion === 'family') continue;
    const recent = recentlyDated(letter, m.start) || recentlyTold(letter, m.start, m.end);
    if ((m.kind === 'pmh' && !recent) || (m.kind === 'plan' && !datedBefore(letter, m.start)) || m.kind === 'actions' || m.kind === 'family' || m.kind === 'social') continue;
    // ("History of presenting complaint: she had a colonoscopy on 02/04/2026 …": dated within the episode, not the past's.)
    if ((m.ctx.pastYear || m.ctx.assertion === 'historical') && !recent) continue;
    if (datedLongAgo(letter, m.start) || sentFor(text, m.start, m.end) || LONG_AGO_AFTER.test(text.slice(m.end, m.end + 50))) continue;
    if (NOT_DONE_AFTER.test(text.slice(m.end, m.end + 40)) || PLAN_AFTER.test(text.slice(m.end, m.end + 70).split(/[.;\n]/)[0]) || BOOKING_AFTER.test(text.slice(m.end, m.end + 30)) || FUTURE_AFTER.test(text.slice(m.end, m.end + 60))) continue;
    const clausePre = text.slice(Math.max(0, m.start - 80), m.start).split(/[.;:\n]/).pop()!;
    // "S/p appendicectomy", "status post cholecystectomy": the operation is the patient's past.
    if (/\b(?:s\/p|status\s+post)\s+(?:(?:an?|the|his|her|left|right|bilateral|open|laparoscopic|lap)\s+)*$/i.test(clausePre)) continue;
    if (NOT_DONE_BEFORE.test(clausePre.slice(-60)) || FOR_AT_START.test(clausePre) || NOT_ATTENDED_PRE.test(clausePre) || WORKUP_BEFORE.test(clausePre)) continue;
    if (PROPOSED_BEFORE.test(clausePre) || GENERAL_AFTER.test(clausePre) || PROPOSED_AFTER.test(text.slice(m.end, m.end + 60)) || datedAfterLetter(letter, m.end)) continue;
    let concept = limbAngio ? t.get(PERIPHERAL_ANGIO) ?? m.concept : m.concept;
    // In a chest letter an "ICD" is an intercostal drain, not a defibrillator.
    if (concept.code === DEFIBRILLATOR && /^ICDs?$/i.test(word) && PLEURAL.test(clauseSentence(text, m.start, m.end))) concept = t.get(CHEST_DRAIN) ?? concept;
    const coronary = CORONARY_FORM[concept.code];
    if (coronary && CORONARY_STRONG.test(line) && !PERIPHERAL_LINE.test(line)) concept = t.get(coronary) ?? concept;
    // "an ultrasound-guided core biopsy" in a letter about a breast lump is the breast's core needle biopsy.
    if (concept.code === NEEDLE_BIOPSY && /\bcore\b/i.test(word) && /\bbreast/i.test(text.slice(Math.max(0, m.start - 400), m.end + 200))) concept = t.get(BREAST_CORE_BIOPSY) ?? concept;
    if (concept.code === INCISION_DRAINAGE) {
      const sentence = clauseSentence(text, m.start, m.end);
      if (/\babscess/i.test(sentence)) concept = t.get(/\bperi-?anal\b/i.test(sentence) ? PERIANAL_DRAINAGE : ABSCESS_ID) ?? concept;
    }
    // "Excision biopsy of the lesion on his cheek": an excision biopsy of a skin lesion is the skin's.
    if (concept.code === EXCISIONAL_BIOPSY) {
      const sentence = clauseSentence(text, m.start, m.end);
      if ((EXCISED_THING.test(sentence) || SKIN_SITE.test(sentence)) && !NOT_SKIN.test(sentence)) concept = t.get(SKIN_EXCISION_BIOPSY) ?? concept;
    }
    // "The skin sample (biopsy) I took from your wrist", "Excision of 15 mm cyst, vertex of scalp": a bare biopsy
    // or excision of the skin's own lesion is the skin's
    if (concept.code === GENERIC_BIOPSY || concept.code === GENERIC_EXCISION) {
      const sentence = clauseSentence(text, m.start, m.end);
      const skin = (/\bskin\b/i.test(sentence) || (EXCISED_THING.test(sentence) && SKIN_SITE.test(sentence))) && !NOT_SKIN.test(sentence);
      if (skin) concept = t.get(concept.code === GENERIC_BIOPSY ? SKIN_BIOPSY : /\bcysts?\b/i.test(sentence) ? SKIN_CYST_EXCISION : SKIN_LESION_EXCISION) ?? concept;
    }
    if (concept.code === WLE_BREAST && WLE.test(word)) {
      const sentence = clauseSentence(text, m.start, m.end);
      if (SKIN_TUMOUR.test(sentence) && !/\bbreast|\bmamm/i.test(sentence)) concept = t.get(SKIN_EXCISION_MALIGNANT) ?? concept;
    }
    if (concept.code === ASPIRATION && /\bbreast/i.test(text.slice(Math.max(0, m.start - 400), m.end + 200)) && /\bcysts?\b/i.test(text.slice(Math.max(0, m.start - 400), m.end + 200))) concept = t.get(BREAST_CYST_ASPIRATION) ?? concept;
    if (seen.has(concept.code)) continue;
    seen.add(concept.code);
    const item: ProcedureItem = { code: concept.code, display: concept.display, evidence: quoted(letter, m), source: 'narrative' };
    if (EXCISED.test(word)) weak.add(item);
    out.push(item);
  }
  out = out.filter((p) => !weak.has(p) || !out.some((q) => q !== p && !weak.has(q) && /excision|biopsy|Mohs|resection/i.test(q.display)));
  // "stented as above" beside "insertion of left ureteric JJ stent": a bare stent is the specific one the letter names.
  out = out.filter((p) => p.code !== GENERIC_STENT || !out.some((q) => q !== p && /stent/i.test(q.display)));
  for (const p of postOperativeDays(letter, t)) {
    if (seen.has(p.concept.code)) continue;
    seen.add(p.concept.code);
    out.push({ code: p.concept.code, display: p.concept.display, evidence: quoted(letter, { start: p.start, end: p.end, section: { title: '', start: p.start, end: p.end } }), source: 'narrative' });
  }
  out = out.filter((p) => !backReference(p, out) && !partOf(p, out));
  const main = out.filter((p) => !ANCILLARY.has(p.code));
  if (main.length) {
    // Biopsies taken at an OGD make it "endoscopy and biopsy of upper GI tract".
    const ogd = out.find((p) => p.code === OGD);
    const combined = t.get(OGD_BIOPSY);
    if (ogd && combined && out.some((p) => p.code === GENERIC_BIOPSY)) { ogd.code = combined.code; ogd.display = combined.display; }
    out = main;
  }
  return out;
}

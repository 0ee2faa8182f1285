// Which procedure concepts count as procedures for the practice record. The guidelines count
// operations and invasive procedures (surgery, endoscopy, biopsy, joint injection, catheter
// procedures, stents, pacemakers, fracture reduction, suturing, transfusion); they do not count
// imaging, ECGs and monitoring, tests, examinations, medicines, fluids, oxygen, vaccines,
// ventilation, dressings or therapy sessions. Lexicon procedures are curated to the first list;
// procedures found only by their FSN must look invasive and not look like the second.
import type { Letter, ProcedureItem } from '../types.ts';
import type { Concept, Terminology } from '../../terminology/index.ts';
import { loadLexicon } from '../../terminology/lexicon.ts';
import { quoted, type Mention } from './mentions.ts';
import { conceptIndex, matchConcepts } from './concepts.ts';

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

/** Parts of an operation ("biopsies" at endoscopy, "closed with sutures"): procedures only on their own. */
const ANCILLARY = new Set(['86273004', '18557009']);
const OGD = '265371001';
const OGD_BIOPSY = '445982009';
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
const PCI_FAMILY = new Set(['415070008', '36969009', '41339005', '11101003', '429639007']);
/**
 * A procedure that is only the approach another procedure's name holds ("Laparoscopy" beside
 * "Laparoscopic appendectomy"), or a step of a coronary intervention named beside the
 * intervention itself, is that procedure again.
 */
function partOf(p: ProcedureItem, all: ProcedureItem[]): boolean {
  if (PCI_FAMILY.has(p.code)) return all.some((q) => q !== p && PCI_FAMILY.has(q.code) && all.indexOf(q) < all.indexOf(p));
  const own = p.display.split(/[^A-Za-z]+/).filter(Boolean);
  if (own.length !== 1 || !APPROACH.test(own[0])) return false;
  const st = stem(own[0]);
  return all.some((q) => q !== p && q.code !== p.code && q.display.split(/[^A-Za-z]+/).length > 1 && q.display.split(/[^A-Za-z]+/).some((w) => stem(w) === st));
}

/** A numeric date on a line: "24/02/2026", "24.02.2026". */
const LINE_DATE = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g;
/** How far back a dated operation is still "recent" for the practice record (the episode and the weeks before it). */
const RECENT_DAYS = 120;

/** How many days before the letter each numeric date on the line around `at` falls (none without a letter date). */
function lineDateAges(letter: Letter, at: number): number[] {
  if (!letter.date) return [];
  const ref = Date.parse(letter.date);
  if (Number.isNaN(ref)) return [];
  const ages: number[] = [];
  for (const d of lineAround(letter.text, at).matchAll(LINE_DATE)) {
    if (Number(d[2]) > 12) continue;
    ages.push((ref - Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1]))) / 86_400_000);
  }
  return ages;
}

/**
 * "24/02/2026 - Right hip hemiarthroplasty" under an unheaded "What was done" that the past history
 * runs into: an operation dated within the weeks before the letter is this episode's, not the past's.
 */
const recentlyDated = (letter: Letter, at: number) => lineDateAges(letter, at).some((days) => days >= -7 && days <= RECENT_DAYS);

/**
 * "Left wide local excision and sentinel lymph node biopsy, 14/06/2023" in a follow-up letter: an operation whose
 * line dates it only long before the letter is the past's, not this episode's.
 */
function datedLongAgo(letter: Letter, at: number): boolean {
  const ages = lineDateAges(letter, at);
  return ages.length > 0 && ages.every((days) => days > RECENT_DAYS);
}

/** "I have referred her to the gastroenterology team for an OGD": an operation someone is sent or listed for is planned. */
const SENT_FOR = /\b(?:refer(?:s|red|ring|ral)?|list(?:ed|ing)?|book(?:ed|ing)?|request(?:ed|ing)?|wait(?:ing)?(?: list)?|await(?:s|ing)?)\b(?:(?!\n\s*\n)[^.;:]){0,60}?\bfor\s+(?:an?\s+|the\s+|further\s+|urgent\s+|routine\s+|elective\s+)*(?:[\w-]+\s+){0,2}$/i;

/** "referred for a colonoscopy, which showed …": the operation was done after all. */
const DONE_AFTER = /^[^.;]*?\b(?:showed|shows|revealed|demonstrated|confirmed|found|identified|was (?:normal|done|performed|carried out|unremarkable)|on \d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}\/\d{1,2}\/\d{2,4})/i;

/**
 * "We plan a colonoscopy", "she is due to have an OGD", "he declined a TURP": an operation the
 * sentence plans, expects or has refused just before naming it was not done.
 */
const NOT_DONE_BEFORE = /\b(?:(?:we|I|they|team)\s+(?:would\s+|will\s+)?plan(?:s|ned)?(?:\s+to\s+(?:perform|do|arrange|undertake|proceed\s+(?:to|with)))?|plan(?:ned|s)?\s+(?:is|was)\s+(?:for|to)(?:\s+(?:have|undergo|perform|proceed\s+(?:to|with)))?|due\s+(?:to\s+(?:have|undergo)|for)|declined|refused|decline[sd]?\s+to\s+(?:have|undergo)|unfit\s+for|not\s+(?:a\s+)?(?:suitable\s+)?candidate\s+for|counsell?ed\s+(?:about|on|regarding|for)|consented\s+for)\s+(?:an?\s+|the\s+|further\s+|urgent\s+|elective\s+|repeat\s+)*(?:[\w-]+\s+)?$/i;

/** "The colonoscopy was cancelled", "TURP (postponed)": the operation was not done. */
const NOT_DONE_AFTER = /^\s*(?:(?:was|were|has\s+been|had\s+been|is|will\s+be)\s+(?:cancell?ed|postponed|deferred|not\s+(?:performed|done|carried\s+out|undertaken))|\((?:cancell?ed|postponed|deferred)\))/i;

/** "Management:\n- Colonoscopy on 12/03/2026": a plan's item dated before the letter has been done. */
const datedBefore = (letter: Letter, at: number) => lineDateAges(letter, at).some((days) => days >= 0 && days <= RECENT_DAYS);

/** "post TURP day 2", "day 3 post hemiarthroplasty", "POD1 post laparoscopic cholecystectomy". */
const POST_AT = /\bpost[- ](?=[A-Za-z])/gi;
const DAY_BEFORE = /\b(?:day|POD|D)\s*\d{1,2}\s*$/i;
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
    const dayBefore = DAY_BEFORE.test(text.slice(Math.max(0, p.index! - 12), p.index!));
    const m = matchConcepts(idx, text, at, Math.min(text.length, at + 80)).find((x) => x.start === at && x.fromLexicon);
    if (!m || !(dayBefore || DAY_AFTER.test(text.slice(m.end, m.end + 12)))) continue;
    for (const code of m.codes) {
      const c = t.get(code);
      if (c && countsAsProcedure(c, true) && isLexiconProcedure(t, code)) out.push({ concept: c, start: m.start, end: m.end });
    }
  }
  return out;
}

/** Procedures done: invasive, not planned, not from the past history (unless dated recently). */
export function proceduresFrom(mentions: Mention[], letter: Letter, t: Terminology): ProcedureItem[] {
  // A structured letter's coded procedures are the sender's list; its narrative only repeats them.
  if (letter.document?.entry?.some((e) => e.resource?.resourceType === 'Procedure')) return [];
  const seen = new Set<string>();
  let out: ProcedureItem[] = [];
  for (const m of mentions) {
    if (!countsAsProcedure(m.concept, m.fromLexicon)) continue;
    if (IMAGING_BEFORE.test(letter.text.slice(Math.max(0, m.start - 12), m.start))) continue;
    if (m.concept.code === CORONARY_ANGIO && BARE_ANGIO.test(letter.text.slice(m.start, m.end)) && !CORONARY_LINE.test(lineAround(letter.text, m.start))) continue;
    if (m.ctx.planned || m.ctx.detail || m.ctx.assertion === 'negated' || m.ctx.assertion === 'possible' || m.ctx.assertion === 'family') continue;
    if ((m.kind === 'pmh' && !recentlyDated(letter, m.start)) || (m.kind === 'plan' && !datedBefore(letter, m.start)) || m.kind === 'actions' || m.kind === 'family' || m.kind === 'social') continue;
    if (m.ctx.pastYear || m.ctx.assertion === 'historical') continue;
    if (datedLongAgo(letter, m.start) || (SENT_FOR.test(letter.text.slice(Math.max(0, m.start - 100), m.start)) && !DONE_AFTER.test(letter.text.slice(m.end, m.end + 80)))) continue;
    if (NOT_DONE_AFTER.test(letter.text.slice(m.end, m.end + 40))) continue;
    if (NOT_DONE_BEFORE.test(letter.text.slice(Math.max(0, m.start - 60), m.start).split(/[.;:\n]/).pop()!)) continue;
    if (seen.has(m.concept.code)) continue;
    seen.add(m.concept.code);
    out.push({ code: m.concept.code, display: m.concept.display, evidence: quoted(letter, m), source: 'narrative' });
  }
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
    if (ogd && combined && out.some((p) => p.code === '86273004')) { ogd.code = combined.code; ogd.display = combined.display; }
    out = main;
  }
  return out;
}

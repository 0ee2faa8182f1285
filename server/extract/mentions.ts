// Concept mentions in a letter: every term match in the sections extraction reads, made specific
// by its sentence where the GPS names the specific concept ("X-ray left ankle: no fracture"),
// with its assertion (ConText) and what the policy needs to know of its place. Matches that
// name something other than the patient's condition ("thrombophilia screen", "falls clinic",
// "Allergy: penicillin (anaphylaxis)", a letterhead's service name) are dropped here.
import type { Letter, Section, Evidence } from '../types.ts';
import type { Concept, Terminology } from '../../terminology/index.ts';
import { matchConcepts, type ConceptIndex, type ConceptMatch } from './concepts.ts';
import { drugLexicon } from './drugs.ts';
import { assertMention, TEST_FOR_CLEAR_POST, type MentionContext } from './assertion.ts';
import { sectionKind, detectSections, endOfList, lineBounds, type SectionKind } from './sections.ts';

/** "methotrexate … was stopped because of a persistently raised ALT": the finding is why a medicine changed. */
const DRUG_CHANGE_REASON = /\b(?:stopped|discontinued|withdrawn|switched|changed|reduced|held|withheld|ceased)\b[^.;\n]{0,25}?\b(?:because of|due to|owing to|in view of|on account of)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}$/i;
/** A class of medicines written before a symptom it causes: "aromatase inhibitor arthralgia", "opioid-induced constipation". */
const DRUG_CLASS_BEFORE = /\b(?:aromatase inhibitors?|AIs?|ACE[- ]?inhibitors?|ACEi|statins?|steroids?|opioids?|opiates?|PPIs?|NSAIDs?|SSRIs?|bisphosphonates?|antipsychotics?|chemotherapy|immunotherapy|beta[- ]blockers?|calcium channel blockers?|diuretics?|antibiotics?)(?:[- ](?:induced|related|associated))?\s+$/i;
/** "medication overuse headache": a symptom whose own name says a medicine causes it. */
const OVERUSE_NAMED = /^(?:medication|analgesic|drug|opioid|triptan)[- ]overuse\b/i;
/** A lexicon term's opening verb ("is depressed", "has self-harmed"). */
const VERB_LEAD = /^(?:is|are|was|were|has|have|had)\s+(?=\S)/i;
/** Signs on imaging that name a disease by its look: "consolidation" is a pneumonia's. */
const IMAGING_SIGN = /^consolidat/i;
/** Sections whose mentions are not statements about the patient's conditions. */
const SKIP: Set<SectionKind> = new Set(['allergies', 'admin', 'signature', 'advice']);
/** Conditions of a time of life that ends (pregnancy, infancy): never long-term, whatever their name. */
const EPISODIC = /\b(?:gestational|neonatal|transient|pregnancy|puerperal|postpartum|febrile convulsion)/i;
/** Long-term conditions by name, beside the lexicon's "chronic" marks. */
// (an exacerbation is an episode of a long-term condition, and ends: "admitted with an exacerbation of asthma in 2024")
const CHRONIC = /^(?!.*\b(?:gestational|neonatal|transient|pregnancy|puerperal|postpartum|exacerbation)\b).*\b(?:chronic|anxiety disorder|diabetes|hypertensi|hypothyroid|hyperthyroid|asthma|arthritis|osteoarthritis|osteoporosis|fibrillation|cardiomyopathy|heart failure|dementia|epilep|parkinson|sclerosis|copd|obstructive (?:lung|pulmonary)|emphysema|ischemic heart|coronary arterio|kidney disease|schizophren|bipolar|depressi|gout|psoriasis|eczema|glaucoma|hyperplasia|hypercholesterol|hyperlipid|obesity|polymyalgia|barrett|reflux|cognitive impairment|cognitive disorder|menopause)/i;

export interface Mention {
  concept: Concept;
  ctx: MentionContext;
  start: number;
  end: number;
  section: Section;
  kind: SectionKind;
  fromLexicon: boolean;
  /** a few words of text before the mention */
  before: string;
  /** a few words of text after the mention */
  after: string;
  /** the mention's paragraph is an examination ("Examination: …", "O/E …") */
  inExam: boolean;
  /** a finding stated as a measure ("gained 6 kg", "30 units a week"): a problem, not the story of an illness */
  measured?: boolean;
  /** a sign on imaging written bare ("consolidation"): like a symptom, coded where a test rules it out or a list names it */
  sign?: boolean;
  /** the mention is given as the reason a medicine was changed ("stopped because of a persistently raised ALT") */
  reason?: boolean;
  /** a symptom named by the medicine that causes it ("aromatase inhibitor arthralgia", "statin myalgia"): an adverse effect, a problem itself */
  adverse?: boolean;
}

/** Sections to read: the letter's own, refined by narrative headings inside structured sections. */
function readingSections(letter: Letter): Section[] {
  const base = letter.sections.length ? letter.sections : detectSections(letter.text);
  if (!letter.document) return base.flatMap((s) => endDiagnosisList(letter.text, s));
  const out: Section[] = [];
  for (const s of base) {
    out.push(s);
    const inner = detectSections(letter.text.slice(s.start, s.end)).filter((x) => x.title && x.code);
    for (const x of inner) out.push({ ...x, start: x.start + s.start, end: x.end + s.start });
  }
  return out;
}

/**
 * A diagnosis list ends at its blank line: the prose after it ("I saw Mrs X, whom you referred
 * with breathlessness…") is the letter's narrative, where symptoms are the story of the illness.
 */
function endDiagnosisList(text: string, s: Section): Section[] {
  if (!s.title || sectionKind(s) !== 'diagnoses') return [s];
  const end = endOfList(text, s.start, s.end);
  return end < s.end ? [{ ...s, end }, { title: '', start: end, end: s.end }] : [s];
}

export function collectMentions(letter: Letter, idx: ConceptIndex): Mention[] {
  const t = idx.terminology;
  const year = letter.date ? Number(letter.date.slice(0, 4)) : undefined;
  const sections = readingSections(letter).sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  // Innermost section wins: walk ranges left to right, reading each stretch once.
  const cuts = [...new Set(sections.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i], to = cuts[i + 1];
    let section: Section | undefined;
    for (const s of sections) if (s.start <= from && s.end >= to && (!section || s.start >= section.start)) section = s;
    if (!section) continue;
    const kind = sectionKind(section);
    if (SKIP.has(kind)) continue;
    for (const m of withEllipses(idx, letter.text, coordinatedModifiers(idx, letter.text, sharedHeads(idx, letter.text, familyHistoryHeads(idx, letter.text, matchConcepts(idx, letter.text, from, to)))), to)) {
      for (const code of m.codes) {
        let concept = t.get(code);
        if (!concept) continue;
        if (isModifier(letter.text, m.start, m.end, { concept })) continue;
        concept = refine(concept, letter.text, m.start, m.end, t);
        // "urosepsis … blood cultures grew E. coli": the sepsis is named by the organism the blood grew (a coded entry keeps the sender's code).
        if (SEPSIS.has(concept.code) && !letter.document && ECOLI_BLOOD.test(letter.text)) concept = t.get(ECOLI_SEPSIS) ?? concept;
        if (concept.code === HEMORRHAGE) continue; // a bleed with no site named says nothing codable
        const chronic = (idx.chronic.has(code) && !EPISODIC.test(concept.display)) || CHRONIC.test(concept.display) || /smok|tobacco/i.test(concept.display);
        // "I don't think she is depressed": a term that opens with its verb ("is depressed") leaves the verb to the trigger before it.
        const verb = m.headStart === undefined && m.fromLexicon ? VERB_LEAD.exec(letter.text.slice(m.start, m.end)) : null;
        let c = assertMention(letter.text, m.headStart ?? (verb ? m.start + verb[0].length : m.start), m.headEnd ?? m.end, { section: kind, chronic, year });
        // "Dad smokes", "her husband is a smoker": someone the patient lives with smokes, so the patient breathes it.
        if (CURRENT_SMOKER.has(concept.code) && kind !== 'family' && HOUSEHOLD_SMOKES.test(letter.text.slice(Math.max(0, m.start - 40), m.start))) {
          const passive = t.get(PASSIVE_SMOKER);
          if (passive) { concept = passive; c = { ...c, assertion: 'present', explicit: true, relative: undefined }; }
        }
        const sign = IMAGING_SIGN.test(letter.text.slice(m.start, m.end));
        const reason = DRUG_CHANGE_REASON.test(letter.text.slice(Math.max(0, m.start - 80), m.start));
        const adverse = (concept.tag === 'finding' || idx.symptoms.has(concept.code)) && (OVERUSE_NAMED.test(letter.text.slice(m.start, m.end)) || DRUG_CLASS_BEFORE.test(letter.text.slice(Math.max(0, m.start - 40), m.start)) || (/[A-Za-z][ \t]+$/.test(letter.text.slice(Math.max(0, m.start - 2), m.start)) && drugBefore(letter.text, m.start)));
        out.push({ concept, ctx: c, start: m.start, end: m.end, section, kind, fromLexicon: m.fromLexicon, before: letter.text.slice(Math.max(0, m.start - 30), m.start), after: letter.text.slice(m.end, m.end + 40), inExam: inExamination(letter.text, m.start), ...(sign ? { sign } : {}), ...(reason ? { reason } : {}), ...(adverse ? { adverse } : {}) });
      }
    }
    for (const p of patternMentions(letter.text, from, to)) {
      const concept = t.get(p.code);
      if (!concept) continue;
      let c = assertMention(letter.text, p.start, p.end, { section: kind, chronic: false, year });
      if (p.assertion) c = { ...c, assertion: p.assertion, explicit: true, weakNegation: false, listed: false, paired: false, detail: false };
      // "vitamin D 38 nmol/L, myeloma screen negative": the value is the finding; a denial near it is another test's. It states
      // nothing of its own status, so a named "Hyponatraemia (Na 126) - resolved" keeps the name's.
      if (p.value && c.assertion === 'negated') c = { ...c, assertion: 'present', explicit: false, weakNegation: false };
      // "K 5.8 (sample ?haemolysed)": a value the sample may have made is a query.
      if (p.value && HAEMOLYSED.test(letter.text.slice(p.end, Math.min(letter.text.length, p.end + 60)).split(/[.;\n]/)[0])) c = { ...c, assertion: 'possible', explicit: true };
      out.push({ concept, ctx: c, start: p.start, end: p.end, section, kind, fromLexicon: true, before: letter.text.slice(Math.max(0, p.start - 30), p.start), after: letter.text.slice(p.end, p.end + 40), inExam: false, measured: true });
    }
  }
  for (const m of reportTitleProcedures(letter, idx, sections, year)) {
    const k = out.findIndex((x) => x.start > m.start);
    out.splice(k < 0 ? out.length : k, 0, m);
  }
  return out;
}

/**
 * "ENDOSCOPY UNIT REPORT - COLONOSCOPY": a report's title names the procedure the report is of.
 * Headings are not section text, so a title line that calls itself a report is read for procedures.
 */
function reportTitleProcedures(letter: Letter, idx: ConceptIndex, sections: Section[], year?: number): Mention[] {
  const out: Mention[] = [];
  const t = idx.terminology;
  for (const s of sections) {
    if (!s.title || !REPORT_TITLE.test(s.title) || s.title.length > 90) continue;
    const at = letter.text.lastIndexOf(s.title, s.start);
    if (at < 0 || s.start - at > s.title.length + 4) continue;
    for (const m of matchConcepts(idx, letter.text, at, at + s.title.length)) {
      for (const code of m.codes) {
        const concept = t.get(code);
        if (!concept || concept.tag !== 'procedure' || MODIFIED.test(letter.text.slice(m.end, m.end + 30))) continue;
        const ctx = assertMention(letter.text, m.start, m.end, { section: 'other', chronic: false, year });
        out.push({ concept, ctx, start: m.start, end: m.end, section: { title: '', start: at, end: at + s.title.length }, kind: 'other', fromLexicon: m.fromLexicon, before: letter.text.slice(Math.max(0, m.start - 30), m.start), after: letter.text.slice(m.end, m.end + 40), inExam: false });
      }
    }
  }
  return out;
}

/**
 * "a family history of bowel cancer" names the relative's disease: a "Family history of X"
 * situation matched as one phrase gives way to X itself, read after the words "family history
 * of" (which still make it a relative's).
 */
const FH_PREFIX = /^(?:family history|fh|fhx)\s*(?:of|:)?\s*/i;
/**
 * "History of hypertension", "h/o DVT": a "History of X" situation read as one phrase is X, read after the words
 * (which still date it for the assertion: a long-term condition stays present, an episode is past).
 */
const HISTORY_PREFIX = /^(?:(?:past |previous |personal |known )?(?:medical )?history|hx|h\/o)\s*(?:of|:)\s*/i;
function familyHistoryHeads(idx: ConceptIndex, text: string, matches: ConceptMatch[]): ConceptMatch[] {
  return matches.map((m) => {
    const written = text.slice(m.start, m.end);
    let pre = FH_PREFIX.exec(written);
    if (!pre) { pre = HISTORY_PREFIX.exec(written); if (pre && !m.codes.every((c) => idx.terminology.get(c)?.tag === 'situation')) pre = null; }
    if (!pre || pre[0].length >= written.length) return m;
    const from = m.start + pre[0].length;
    const inner = matchConcepts(idx, text, from, m.end).find((x) => x.start === from && x.end === m.end);
    return inner ?? m;
  });
}

/**
 * "no mediastinal, hilar or axillary lymphadenopathy": sites offered as alternatives before one
 * head share it, so the head is the concept, not the last site's ("hilar and mediastinal
 * lymphadenopathy" names both, and keeps its own).
 */
const COORDINATED_SITES = /\b[a-z]+(?:al|ar|ary|ic|ial)\s*(?:,\s*[a-z]+(?:al|ar|ary|ic|ial)\s*)*,?\s+(?:or|nor)\s+$/i;
function sharedHeads(idx: ConceptIndex, text: string, matches: ConceptMatch[]): ConceptMatch[] {
  return matches.map((m) => {
    if (!/\b(?:or|nor)\s+$/.test(text.slice(Math.max(0, m.start - 5), m.start)) || !COORDINATED_SITES.test(text.slice(Math.max(0, m.start - 80), m.start))) return m;
    const sp = text.slice(m.start, m.end).search(/\s/);
    if (sp < 0) return m;
    const from = m.start + sp + 1;
    const head = matchConcepts(idx, text, from, m.end).find((x) => x.start === from && x.end === m.end);
    return head ? { ...head, start: m.start } : m;
  });
}

/**
 * "hilar and mediastinal lymphadenopathy", "epigastric and back pain", "iron and folate deficiency": a
 * modifier joined by "and" to a term's first word takes the term's head, and names a concept of its
 * own when the GPS has one ("hilar lymphadenopathy"). The modifier may itself follow a comma list
 * ("cervical, axillary and inguinal lymphadenopathy"). Words that are part of another match are left alone.
 */
const AND_BEFORE = /\b([A-Za-z][\w'’-]*)\s*(?:,\s*|\s+(?:and|&|or|nor)\s+|\s*\/\s*)$/;
function coordinatedModifiers(idx: ConceptIndex, text: string, matches: Elided[]): Elided[] {
  let out: Elided[] | undefined;
  for (const m of matches) {
    const written = text.slice(m.start, m.end);
    const sp = written.search(/[\s-]/);
    if (sp < 0) continue;
    const rest = written.slice(sp);
    let pos = m.start;
    // the first join must be "and"/"&"/"/" right before the term; commas may chain further back
    // ("no liver or lung metastases": "or" in a denial's list joins two sites the same way)
    if (!/\s+(?:and|&|or|nor)\s+$|\s*\/\s*$/.test(text.slice(Math.max(0, pos - 6), pos))) continue;
    for (let k = 0; k < 4; k++) {
      const c = AND_BEFORE.exec(text.slice(Math.max(0, pos - 40), pos));
      if (!c || (k > 0 && !/^\s*,/.test(c[0].slice(c[1].length)))) break;
      const wStart = pos - c[0].length;
      const wEnd = wStart + c[1].length;
      if (matches.some((x) => x.start < wEnd && x.end > wStart) || /^(?:and|or|the|a|an|with|no|of|in|on|to|both|left|right|bilateral)$/i.test(c[1])) break;
      // (site adjectives joined by "or" share their head as one general term: "no mediastinal, hilar or axillary
      // lymphadenopathy", sharedHeads; organ nouns name their own: "no liver or lung metastases")
      if (/\b(?:or|nor)\s+$/.test(text.slice(Math.max(0, pos - 5), pos)) && /(?:al|ar|ary|ic|ial)$/i.test(c[1])) break;
      const phrase = c[1] + rest;
      const found = matchConcepts(idx, phrase).find((x) => x.start === 0 && x.end === phrase.length);
      if (!found || !found.codes.length || found.codes.join() === m.codes.join()) break;
      // the quote runs from the modifier to the shared head ("hilar and mediastinal lymphadenopathy")
      (out ??= [...matches]).push({ ...found, start: wStart, end: m.end, first: m.first, last: m.last, headStart: m.start, headEnd: m.end });
      pos = wStart;
    }
  }
  return out ? out.sort((a, b) => a.start - b.start) : matches;
}

/** Heads that coordination shares: "no fracture of the ankle or of the fifth metatarsal". */
// ("Osteoarthritis, both hands and knees": a list item's comma before the sites does the work of "of".)
const SHARED_HEAD = /^(fracture|contusion|bruising|dislocation|sprain|injury|laceration|osteoarthritis|infection|abscess|cellulitis|ulcer)(?: of\b|,)/i;
const COORDINATED = /^\s*(?:,\s*(?:or|and|nor)?|or|and|nor)\s+(?:of\s+)?(?:the\s+|his\s+|her\s+|their\s+)?((?:(?!or\b|and\b|nor\b)[A-Za-z0-9][A-Za-z0-9-]*\s*){1,3}?)(?=\s*(?:[.,;:)\n]|$)|\s+(?:or|and|nor)\b|\s*[-–]\s)/i;

/**
 * Matches plus the terms a coordination elides: in "fracture of the ankle or of the fifth
 * metatarsal" the second site takes the first's head, and so the same negation.
 */
/** An elided term takes its assertion from the term whose head it shares. */
type Elided = ConceptMatch & { headStart?: number; headEnd?: number };

function withEllipses(idx: ConceptIndex, text: string, matches: Elided[], to: number): Elided[] {
  const out = matches;
  const t = idx.terminology;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    const head = SHARED_HEAD.exec(text.slice(m.start, m.end)) ?? SHARED_HEAD.exec(t.get(m.codes[0])?.display ?? '');
    if (!head) continue;
    let pos = m.end;
    for (let k = 0; k < 3; k++) {
      const c = COORDINATED.exec(text.slice(pos, Math.min(to, pos + 80)));
      if (!c) break;
      const siteStart = pos + c.index + c[0].indexOf(c[1]);
      const siteEnd = siteStart + c[1].trimEnd().length;
      if (matches.some((x) => x.start < siteEnd && x.end > siteStart)) break; // the site names its own concept
      const phrase = `${head[1]} of ${c[1].trim()}`;
      const found = matchConcepts(idx, phrase).find((x) => x.start === 0 && x.end === phrase.length);
      if (!found) break;
      out.push({ ...found, start: siteStart, end: siteEnd, first: m.first, last: m.last, headStart: m.start, headEnd: m.end });
      pos = siteEnd;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const FRACTURE = '125605004';
/**
 * Findings letters state as numbers or results rather than by name: alcohol in units against the
 * UK limit, a result "came back low", a FIT below the referral threshold, weight gained in kg.
 */
interface PatternMention { code: string; start: number; end: number; assertion?: 'negated' | 'present'; /** a bare result value: never itself denied */ value?: boolean }
/**
 * Weekly units above which the annotators code the intake: the UK Chief Medical Officers' low-risk limit is 14, but "about
 * 20 units a week" goes uncoded across annotators while 30 is coded; the former upper limit for men, 21, marks the line.
 */
const UK_WEEKLY_UNITS = 21;
/** "drinks around 30 units a week", "alcohol: 20-25 units/week", "drinking 6 units per day". */
const ALCOHOL_UNITS = /(?:\b(?:drinks?|drinking|drank|consumes?|consuming|intake(?: of)?|alcohol:?)\s+|^\s*)(?:(?:about|around|approximately|approx\.?|roughly|up to|over|at least|more than|some|~)\s*)?(\d{1,3})(?:\s*(?:-|–|to)\s*(\d{1,3}))?\s*units?(?:\s+of\s+(?:alcohol|wine|beer|spirits))?\s*(?:a|per|\/|each|every)\s*(week|wk|day)\b/gi;
/** Results stated in words: "his vitamin D came back low", "sodium was 128, low", "her BP was high at 176/98". */
const ANALYTES: [RegExp, Record<string, string>][] = [
  [/vitamin D|vit D|25-?OH(?:-| )vitamin D/, { low: '34713006' }],
  [/(?:vitamin )?B12/, { low: '64117007' }],
  [/folate|folic acid/, { low: '190633005' }],
  [/ferritin/, { low: '35240004', high: '390943009' }],
  [/ALT|alanine (?:aminotransferase|transaminase)/, { high: '409673008' }],
  [/AST|aspartate (?:aminotransferase|transaminase)/, { high: '166669000' }],
  [/ALP|alk(?:aline)? phos(?:phatase)?/, { high: '274770006' }],
  [/(?:serum |total )?bilirubin/, { high: '14783006' }],
  [/(?:serum )?creatinine/, { high: '166717003' }],
  [/TSH/, { high: '309080005' }],
  [/INR/, { high: '313341008' }],
  [/CK|creatine kinase/, { high: '432352001' }],
  [/(?:serum )?(?:urate|uric acid)/, { high: '35885006' }],
  [/magnesium/, { low: '190855004' }],
  [/phosphate/, { low: '4996001', high: '20165001' }],
  [/albumin/, { low: '119247004' }],
  [/triglycerides?/, { high: '166848004' }],
  [/white (?:cell |blood cell )?count|WCC|WBC/, { low: '84828003' }],
  [/neutrophils?(?: count)?/, { low: '165517008' }],
  [/sodium|Na\+?/, { low: '89627008', high: '771115008' }],
  [/potassium|K\+?/, { low: '43339004', high: '14140009' }],
  [/(?:adjusted |corrected )?calcium/, { low: '5291005', high: '66931009' }],
  [/(?:total )?cholesterol/, { high: '13644009' }],
  [/ha?emoglobin|Hb/, { low: '271737000' }],
  [/platelets?|platelet count/, { low: '302215000', high: '6631009' }],
  [/blood pressure|BP/, { high: '371622005' }],
];
/**
 * Results stated only as a number ("her sodium was 127 on day 3", "vitamin D 38 nmol/L", "a low B12 of 148 ng/L"): below
 * the UK laboratories' lower limits the value names the finding: sodium 133 mmol/L, vitamin D 50 nmol/L (deficient or
 * insufficient), and a B12 the letter calls low below 180 ng/L; above the upper limits a total cholesterol or a urate
 * names its excess. (A low haemoglobin is left out: annotators code the
 * bleed or the operation that lowered it, not an anaemia, as often as not.)
 */
const NUMERIC_RESULT = /\b(sodium|Na|vitamin D|vit D|(?<=\blow )(?:vitamin )?B12|total cholesterol|(?:serum )?urate|uric acid|potassium|K\+?|(?:adjusted|corrected) calcium)(?:\s+(?:levels?|concentration))?(?:\s+(?:on (?:admission|discharge|arrival|day \d{1,2})|today|post-?op(?:eratively)?))?(?:\s*(?:was|is|were|of|fell to|dropped to|dipped to|was down to|came back at|at|:|=)\s*|\s+)(\d{1,3}(?:\.\d{1,2})?)(?!\.?\d|\s*(?:%|x|mg|mcg|micrograms?|units?|IU|ml|mm\b|mmHg|\/\d))(?:\s*(g\/L|g\/dL|mmol\/L|nmol\/L|ng\/L|pg\/mL|[uµμ]mol\/L|micromol\/L))?/gi;
/** A result the lab or the letter doubts: "?haemolysed", "haemolysed sample". */
const HAEMOLYSED = /\?\s*ha?emoly[sz]ed|\bha?emoly[sz]ed\s+sample|\bquery\s+ha?emoly/i;
const NUMERIC_WORDS = /\b(?:sodium|Na|vitamin D|vit D|B12|cholesterol|urate|uric acid|potassium|K|calcium)\b/i;
function numericFinding(name: string, value: number, unit: string | undefined): string | undefined {
  const u = unit?.toLowerCase();
  if (/^(?:sodium|na)$/i.test(name)) return (!u || u === 'mmol/l') && value >= 100 && value < 133 ? '89627008' : undefined;
  if (/^vit(?:amin)? d$/i.test(name)) return (!u || u === 'nmol/l') && value < 50 ? '34713006' : undefined;
  // A total cholesterol above 6 mmol/L (well above the 5 mmol/L healthy level) is a hypercholesterolaemia; a urate above the
  // laboratories' upper limit of about 420 µmol/L a hyperuricaemia (a value in mmol/L, "0.29", is below 1 and never reaches it).
  // A potassium outside the UK laboratories' 3.5-5.5 mmol/L range is a hypo- or hyperkalaemia.
  if (/^(?:potassium|k\+?)$/i.test(name)) return (!u || u === 'mmol/l') && value < 10 ? (value > 5.5 ? '14140009' : value < 3.5 ? '43339004' : undefined) : undefined;
  // An adjusted calcium outside the UK laboratories' 2.2-2.6 mmol/L range (with a margin) is a hyper- or hypocalcaemia.
  if (/calcium/i.test(name)) return (!u || u === 'mmol/l') && value > 1 && value < 5 ? (value > 2.65 ? '66931009' : value < 2.1 ? '5291005' : undefined) : undefined;
  if (/cholesterol/i.test(name)) return (!u || u === 'mmol/l') && value > 6 && value < 20 ? '13644009' : undefined;
  if (/urate|uric/i.test(name)) return (!u || /mol\/l$/.test(u)) && value > 420 && value < 2000 ? '35885006' : undefined;
  return (u === 'ng/l' || u === 'pg/ml') && value < 180 ? '190634004' : undefined;
}
/** Each analyte's pattern for a whole captured name, compiled once. */
const ANALYTE_WHOLE: [RegExp, Record<string, string>][] = ANALYTES.map(([re, codes]) => [new RegExp(`^(?:${re.source})$`, 'i'), codes]);
const RESULT_WORDS = /\b(?:low|high|raised|elevated|deficient|insufficient)\b/i;
const ANALYTE_RESULT = new RegExp(`\\b(${ANALYTES.map(([re]) => `(?:${re.source})`).join('|')})(?:\\s+(?:levels?|concentration|reading|result))?(?:\\s+(?:in clinic|today|on (?:admission|arrival|discharge|testing|repeat)))?(?:\\s+it)?\\s+(?:was|is|were|are|came back|has come back|returned|remains?|remained|has been|had been)\\s+(?:(?:very|mildly|slightly|rather|quite|significantly|markedly|persistently|still|again|also)\\s+)?(?:a little\\s+)?(low|high|raised|elevated|deficient|insufficient)\\b`, 'gi');
/** A value the letter flags in brackets, as laboratories print it: "folate 2.8 (low)", "ferritin 9 ug/L (L)", "ALT 212 (H)". */
const ANALYTE_FLAGGED = new RegExp(`\\b(${ANALYTES.map(([re]) => `(?:${re.source})`).join('|')})(?:\\s+(?:levels?|concentration))?(?:\\s*(?:of|:|=)\\s*|\\s+)\\d{1,4}(?:\\.\\d{1,2})?(?:\\s*[a-zA-Zµμ%]{1,6}(?:\\/[a-zA-Z]{1,3})?)?\\s*\\((low|high|raised|elevated|L|H)\\)`, 'gi');
const FLAGGED_WORDS = /\((?:low|high|raised|elevated|L|H)\)/i;
/**
 * Thyroid tests' result in words: "TFTs were slightly off", "her thyroid function came back abnormal". (A liver panel
 * "deranged" is left to the lexicon's symptom wording: in an acute illness it is the named diagnosis's.)
 */
const PANEL_RESULT = /\b(TFTs?|thyroid (?:function(?: tests?)?|bloods|tests))(?:\s+(?:results?|tests?))?(?:\s+(?:in clinic|today|on (?:admission|arrival|discharge|testing|repeat)))?\s+(?:was|were|is|are|came back|have come back|has come back|returned|remains?|remained|have been|has been|had been)\s+(?:(?:very|mildly|slightly|rather|quite|significantly|markedly|persistently|still|again|also|a (?:bit|little))\s+)?(abnormal|deranged|off|out of range|not normal)\b/gi;
/** FIT (faecal immunochemical test): below 10 µg Hb/g is the UK referral threshold's negative. */
const FIT_VALUE = /\b(?:FIT|qFIT|faecal immunochemical test)\b[^.\n]{0,40}?(<\s*)?(\d+(?:\.\d+)?)\s*(?:ug|µg|μg|mcg|micrograms?)(?:\s*(?:Hb|haemoglobin))?\s*\/\s*g\b/gi;
/** "FIT negative", "a negative FIT", "FIT was positive": the result in words, not a value. */
const FIT_RESULT = /\b(?:(?:negative|positive|normal)\s+(?:q?FIT|faecal immunochemical test)\b(?!\s*(?:test\s+)?(?:of|at|result\s+of)\s*\d)|(?:q?FIT|faecal immunochemical test)(?:\s+(?:test|result))?\s+(?:(?:was|is|came back|returned)\s+)?(?:negative|positive|normal)\b)/g;
/** "getting up twice at night", "up three times a night to pass urine": waking to pass urine, told as a count. */
const NOCTURIA = /\b(?:gets?|getting|got|wakes?|waking|woken|up)\s+(?:up\s+)?(?:\d|once|twice|two|three|four|five|several|a few|many)\s+(?:times?\s+)?(?:at|a|per|each|every|during the)\s+night\b(?:\s+to\s+(?:pass urine|urinate|void|wee|pee|go to the toilet))?/gi;
/** "aortic sclerosis, no stenosis", "mitral valve thickening without regurgitation": the echo's bare lesion is the named valve's. */
const VALVE_SCLEROSIS = /\b(aortic|mitral)\s+(?:valve\s+)?(?:sclerosis|thickening|calcification)\b[^.;\n]{0,25}?(?:,|\band\b|\bbut\b)?\s*(?:no|without)\s+(?:significant\s+)?(stenosis|regurgitation)\b/gi;
const VALVE_LESION: Record<string, string> = { 'aortic stenosis': '60573004', 'aortic regurgitation': '60234000', 'mitral stenosis': '79619009', 'mitral regurgitation': '48724000' };
// (a history's "no blood in the stool" is a routine negative, not a test's result: with "no", the words say it was detected or name the sample)
const FIT_WORDS = /\b(?:did not detect (?:any )?blood (?:was )?(?:detected )?in (?:your|the|his|her) (?:sample|stool|poo)|no (?:any )?blood (?:was )?(?:detected in (?:your|the|his|her) (?:sample|stool|poo)|in (?:your|the|his|her) sample))\b/gi;
/** "BMI 34", "BMI of 38.5": a BMI of 30 or more is obesity (NICE). */
const BMI = /\bBMI\s*(?:of|is|was|=|:)?\s*(\d{2}(?:\.\d)?)\b(?!\s*(?:-|–|to)\s*\d)/g;
const WEIGHT_GAIN = /\b(?:has |have |had )?(?:gained|put on)\s+(?:about |around |approximately |over |nearly )?\d+(?:\.\d+)?\s*(?:kg|kilos?|kilograms?|stone)\b(?:\s+in weight)?/gi;
/** "has lost 9 kg since February": weight lost unasked (a diuresis's "net loss" is not a complaint). */
const WEIGHT_LOST = /\b(?<!net )(?:has |have |had )?lost\s+(?:about |around |approximately |over |nearly |almost )?\d+(?:\.\d+)?\s*(?:kg|kilos?|kilograms?|stone)\b(?:\s+in weight)?/gi;

/** "INR 8.6", "INR was 6.2", "INR of 5": a value; above 4 it is raised whatever the target. */
const INR_VALUE = /\bINR\b\s*(?:of|was|is|=|:|today|on admission)?\s*(\d{1,2}(?:\.\d{1,2})?)\b(?!\s*(?:-|–|to)\s*\d)/g;
const INR_RAISED = 4;
/**
 * A blood glucose given as a number: "blood glucose up to 16 while on prednisolone", "BM 19.4 in clinic", "capillary
 * glucose rose to 17". ("BM", the bedside test's UK name, only in capitals: a lower-case "bm" is not it.) Annotators code a
 * hyperglycaemia from a value of 15 mmol/L or more; a 14 on steroids is noted and passed over. A threshold ("if glucose is
 * above 14") is no reading: "is above" is not among the verbs here.
 */
const GLUCOSE_VALUE = /\b(?:(?:[Bb]lood|[Cc]apillary|[Rr]andom|[Pp]lasma|[Ss]erum|[Ff]ingerprick)\s+)?(?:[Gg]lucoses?|[Ss]ugars?|BMs?|CBGs?)(?:\s+(?:readings?|levels?|in clinic|in ED|in A&E|on admission|on arrival|today))?(?:\s+(?:was|were|has been|have been))?(?:\s+(?:up to|as high as|rose to|peaked at|peaking at|reached|of up to|of))?\s*[:=]?\s*(\d{1,2}(?:\.\d)?)(?!\.?\d|\s*(?:%|mg|units?|\/\d|-\s*\d|–|to\s+\d|mmol\/mol))(?:\s*mmol\/L)?/g;
const GLUCOSE_HIGH = 15;
/** A known diabetic's high glucose is the diabetes's control; one the letter ties to a steroid is a hyperglycaemia of its own. */
const DIABETIC = /\bdiabet|\bT[12]DM\b|\bDM\b|\bIDDM\b|\bNIDDM\b/;
const STEROID_NEAR = /\b(?:steroids?|corticosteroids?|prednisolone|dexamethasone|hydrocortisone|methylprednisolone|pred)\b/i;
const GLUCOSE_WORDS = /\b(?:glucoses?|sugars?|BMs?|CBGs?)\b/i;
/** A contraceptive implant (first group) or intrauterine device put in: "the implant was inserted", "Mirena IUS fitted". */
const DEVICE_INSERTED = /\b(?:(Nexplanon|contraceptive implant|implant)|(?:coil|IUD|IUS|Mirena|Kyleena|Jaydess|intrauterine (?:device|system)))\b(?:\s*\([^()\n]{1,20}\))?(?:\s+(?:was|were|has been|had been))?\s+(?:\w+\s+)?(?:inserted|fitted|placed)\b/gi;
/** Joint procedures written as verbs: "R knee aspirated and injected with 40 mg Kenalog". */
const POLYPS_REMOVED = /\bremoved\s+(?:(?:two|three|four|five|six|\d+|a|an|the|several|multiple|small|tiny|large|sessile|pedunculated|flat|diminutive)\s+){0,4}polyps?\b/gi;
const BOWEL_LETTER = /\b(?:colonoscopy|sigmoidoscopy|bowel|colon|colonic|rectum|rectal)\b/i;
const JOINT_ASPIRATED = /\b(knee|shoulder|hip|elbow|ankle|wrist)(?:\s+joint)?\s+(?:was\s+|were\s+)?aspirated\b/gi;
/** "I drained 40 ml of fluid from the knee", "30 ml of synovial fluid was aspirated from the left knee": a joint's aspiration told by its fluid. */
const FLUID_DRAINED = /\b(?:drained|aspirated|removed|withdrew|withdrawn)\s+(?:\d+\s*(?:ml|mls|cc)\s+(?:of\s+)?)?(?:[\w-]+\s+)?fluid\s+(?:was\s+)?from\s+(?:the\s+|his\s+|her\s+)?(?:(?:left|right)\s+)?(?:knee|shoulder|hip|elbow|ankle|wrist)\b|\b\d+\s*(?:ml|mls|cc)\s+(?:of\s+)?(?:[\w-]+\s+)?fluid\s+(?:was\s+)?(?:drained|aspirated|removed|withdrawn)\s+from\s+(?:the\s+|his\s+|her\s+)?(?:(?:left|right)\s+)?(?:knee|shoulder|hip|elbow|ankle|wrist)\b/gi;
const JOINT_INJECTED = /\binjected\s+(?:it\s+|the\s+\w+\s+)?(?:with\s+)?(?:\d+\s*mg\s+(?:of\s+)?)?(?:depo-?medrone|methylprednisolone|triamcinolone|kenalog|adcortyl|hydrocortisone|(?:a\s+)?steroid|corticosteroid)\b/gi;
const JOINT_STEROID: Record<string, string> = { knee: '301877006', shoulder: '308028008' };

/** A line's smoking label and its value: "Smoking: quit 2015", "Tobacco - never". */
// (or a field further along a form's line: "Anticoagulants:  No        Smoker:  No")
const SMOKING_LINE = /(?:^|\n|[ \t]{2})[ \t]*(?:[-*•][ \t]*)?(?:smoking(?: status| history)?|tobacco|smoker)[ \t]*[:–-][ \t]*([^\n.;]{1,60})/gi;
const SMOKING_LABEL_BEFORE = /(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?:smoking(?: status| history)?|tobacco|smoker)[ \t]*[:–-][ \t]*$/i;
const SMOKING_EX = /^(?:ex\b|former\b|previous\b|quit\b|stopped\b|gave up\b|given up\b|(?:\d+[ -]pack[ -]years?(?: history)?,?\s+)?(?:quit|stopped|gave up|ex)\b)/i;
/** "Smoking: 15/day", "Smoking: current, 20 cigarettes a day". */
const SMOKING_COUNT = /^(?:current(?:ly)?,?\s+)?(?:about\s+|around\s+)?(\d{1,2})\s*(?:-\s*\d{1,2}\s*)?(?:cigarettes?|cigs?|roll-ups?)?\s*(?:a|per|\/|each)\s*day\b/i;
const SMOKING_NEVER = /^(?:never|lifelong non)\b/i;
const SMOKING_NONE = /^(?:nil|none|no|non|n\/a)\b/i;
/** ICD-10 F10 titles as psychiatric summaries write them: "Mental and behavioural disorders due to use of alcohol - harmful use". */
const ALCOHOL_F10 = /\bdue to (?:the )?use of alcohol\s*(?:[-–:,]\s*)?(harmful use|dependence syndrome)\b/gi;

function patternMentions(text: string, from: number, to: number): PatternMention[] {
  const out: PatternMention[] = [];
  const stretch = text.slice(from, to);
  // "Smoking: quit 2015", "Smoking: never", "Tobacco - nil": a smoking line's value says the status the lexicon reads from words elsewhere.
  const smokingStatus = (value: string, start: number, end: number) => {
    if (/smok/i.test(value)) return; // "Smoking: ex-smoker": the lexicon reads it
    const count = SMOKING_COUNT.exec(value);
    const k = count ? Number(count[1]) : NaN;
    const code = SMOKING_EX.test(value) ? '8517006' : SMOKING_NEVER.test(value) ? '266919005' : SMOKING_NONE.test(value) ? '8392000'
      : count ? (k < 10 ? '160603005' : k < 20 ? '160604004' : k < 40 ? '160605003' : '160606002') : /^(?:current|yes)\b/i.test(value) ? '77176002' : undefined;
    if (code) out.push({ code, start, end, assertion: 'present' });
  };
  if (/\b(?:smoking|tobacco|smoker)\b/i.test(stretch)) for (const a of stretch.matchAll(SMOKING_LINE)) smokingStatus(a[1], from + a.index! + /^\s*/.exec(a[0])![0].length, from + a.index! + a[0].length);
  // "Smoking: nil" as an inline heading: its value opens the section.
  if (SMOKING_LABEL_BEFORE.test(text.slice(Math.max(0, from - 25), from))) {
    const value = /^[^\n.;]{1,60}/.exec(stretch)?.[0];
    if (value) smokingStatus(value.trim(), from, from + value.length);
  }
  if (/use of alcohol/i.test(stretch)) for (const a of stretch.matchAll(ALCOHOL_F10)) out.push({ code: /^harmful/i.test(a[1]) ? '15167005' : '66590003', start: from + a.index!, end: from + a.index! + a[0].length });
  if (/fluid/i.test(stretch)) for (const a of stretch.matchAll(FLUID_DRAINED)) out.push({ code: '14766002', start: from + a.index!, end: from + a.index! + a[0].length });
  // "we found and removed two small polyps from the left side of your bowel": the polypectomy, told by its verb
  if (/polyp/i.test(stretch) && BOWEL_LETTER.test(text)) for (const a of stretch.matchAll(POLYPS_REMOVED)) out.push({ code: '311774002', start: from + a.index!, end: from + a.index! + a[0].length });
  if (/aspirated/i.test(stretch)) for (const a of stretch.matchAll(JOINT_ASPIRATED)) out.push({ code: '14766002', start: from + a.index!, end: from + a.index! + a[0].length });
  if (/injected/i.test(stretch)) {
    for (const a of stretch.matchAll(JOINT_INJECTED)) {
      const around = stretch.slice(Math.max(0, a.index! - 120), a.index! + a[0].length + 40);
      const joint = /\b(knee|shoulder|hip|elbow|ankle|wrist)\b/i.exec(around)?.[1].toLowerCase();
      if (!joint) continue;
      out.push({ code: JOINT_STEROID[joint] ?? '27813003', start: from + a.index!, end: from + a.index! + a[0].length });
    }
  }
  if (/units/i.test(stretch)) {
    for (const a of stretch.matchAll(ALCOHOL_UNITS)) {
      const perWeek = Number(a[2] ?? a[1]) * (/^d/i.test(a[3]) ? 7 : 1);
      if (perWeek > UK_WEEKLY_UNITS) out.push({ code: '160592001', start: from + a.index!, end: from + a.index! + a[0].length });
    }
  }
  if (RESULT_WORDS.test(stretch)) {
    for (const a of stretch.matchAll(ANALYTE_RESULT)) {
      const rule = ANALYTE_WHOLE.find(([re]) => re.test(a[1]));
      const dir = /^(?:low|deficient|insufficient)$/i.test(a[2]) ? 'low' : 'high';
      const code = rule?.[1][dir];
      if (code) out.push({ code, start: from + a.index!, end: from + a.index! + a[0].length });
    }
  }
  if (FLAGGED_WORDS.test(stretch)) {
    for (const a of stretch.matchAll(ANALYTE_FLAGGED)) {
      const rule = ANALYTE_WHOLE.find(([re]) => re.test(a[1]));
      const code = rule?.[1][/^l/i.test(a[2]) ? 'low' : 'high'];
      if (code) out.push({ code, start: from + a.index!, end: from + a.index! + a[0].length, value: true });
    }
  }
  if (NUMERIC_WORDS.test(stretch)) {
    for (const a of stretch.matchAll(NUMERIC_RESULT)) {
      // (a target or threshold is no result: "transfuse if Hb below 70", "aim for sodium above 130")
      if (/\b(?:if|target|aim|below|above|under|over|less than|more than|threshold|keep|<|>)\s*(?:\w+\s+)?$/i.test(stretch.slice(Math.max(0, a.index! - 20), a.index))) continue;
      const code = numericFinding(a[1], Number(a[2]), a[3]);
      // (the value is the finding: a "negative" later in the sentence is another test's)
      if (code) out.push({ code, start: from + a.index!, end: from + a.index! + a[0].length, value: true });
    }
  }
  if (/\b(?:abnormal|deranged|off|out of range|not normal)\b/i.test(stretch)) for (const a of stretch.matchAll(PANEL_RESULT)) out.push({ code: ABNORMAL_TFT, start: from + a.index!, end: from + a.index! + a[0].length });
  // A bare "abscess" (blocked in the lexicon: alone it names no site) is the skin's beside a cellulitis or fluctuance.
  if (/abscess/i.test(stretch)) {
    for (const a of stretch.matchAll(BARE_ABSCESS)) {
      const at = from + a.index!;
      if (SITE_BEFORE_ABSCESS.test(text.slice(Math.max(0, at - 25), at)) || /^\s+(?:of|in)\b/i.test(text.slice(at + a[0].length, at + a[0].length + 5))) continue;
      const around = surroundings(text, at, at + a[0].length);
      if (SKIN_NEAR.test(around)) out.push({ code: SKIN_ABSCESS, start: at, end: at + a[0].length });
      // "sigmoid diverticulitis with no abscess and no perforation": beside a diverticulitis the abscess is the colon's.
      else if (DIVERTICULAR_NEAR.test(around)) out.push({ code: DIVERTICULAR_ABSCESS, start: at, end: at + a[0].length });
      // "acute appendicitis with no perforation or abscess": beside an appendicitis, the appendix's
      else if (besideAppendicitis(around)) out.push({ code: APPENDIX_ABSCESS, start: at, end: at + a[0].length });
    }
  }
  // (its bare "perforation" is the appendix's rupture, not the intestine's perforation the lexicon reads)
  if (/perforat/i.test(stretch) && APPENDIX_NEAR.test(stretch)) {
    for (const a of stretch.matchAll(/\bperforation\b/gi)) {
      const at = from + a.index!;
      if (besideAppendicitis(surroundings(text, at, at + a[0].length))) out.push({ code: APPENDIX_RUPTURE, start: at, end: at + a[0].length });
    }
  }
  if (/\b(?:q?FIT|faecal immunochemical)\b/i.test(stretch)) {
    for (const a of stretch.matchAll(FIT_VALUE)) {
      const negative = !!a[1] || Number(a[2]) < 10;
      out.push({ code: '59614000', start: from + a.index!, end: from + a.index! + a[0].length, assertion: negative ? 'negated' : 'present' });
    }
  }
  if (/\b(?:q?FIT|faecal immunochemical)\b/i.test(stretch)) {
    for (const a of stretch.matchAll(FIT_RESULT)) out.push({ code: '59614000', start: from + a.index!, end: from + a.index! + a[0].length, assertion: /negative|normal/i.test(a[0]) ? 'negated' : 'present' });
  }
  if (/\bnight\b/i.test(stretch)) for (const a of stretch.matchAll(NOCTURIA)) out.push({ code: '139394000', start: from + a.index!, end: from + a.index! + a[0].length });
  if (/sclero|thicken|calcif/i.test(stretch)) {
    for (const a of stretch.matchAll(VALVE_SCLEROSIS)) {
      const code = VALVE_LESION[`${a[1].toLowerCase()} ${a[2].toLowerCase()}`];
      const at = from + a.index! + a[0].length - a[2].length;
      if (code) out.push({ code, start: at, end: at + a[2].length, assertion: 'negated' });
    }
  }
  if (/\bblood\b/i.test(stretch)) for (const a of stretch.matchAll(FIT_WORDS)) out.push({ code: '59614000', start: from + a.index!, end: from + a.index! + a[0].length, assertion: 'negated' });
  if (GLUCOSE_WORDS.test(stretch)) {
    for (const a of stretch.matchAll(GLUCOSE_VALUE)) {
      const v = Number(a[1]);
      const at = from + a.index!;
      if (v >= GLUCOSE_HIGH && v < 60 && (!DIABETIC.test(text) || STEROID_NEAR.test(text.slice(Math.max(0, at - 100), at + a[0].length + 60))) && !/\b(?:if|target|aim|keep|above|below|over|under|less than|more than|>|<)\s*$/i.test(stretch.slice(Math.max(0, a.index! - 12), a.index))) out.push({ code: '80394007', start: at, end: at + a[0].length, value: true });
    }
  }
  // "INR 8.6 in clinic today": above any anticoagulation target (the highest, mechanical valves', is 3.5) the INR is raised.
  if (stretch.includes('INR')) for (const a of stretch.matchAll(INR_VALUE)) if (Number(a[1]) > INR_RAISED && !/\b(?:target|range|aim(?:ing)?|goal)\b[\s:(]*$/i.test(stretch.slice(Math.max(0, a.index! - 12), a.index))) out.push({ code: '313341008', start: from + a.index!, end: from + a.index! + a[0].length });
  // "a Nexplanon implant was inserted", "the coil was fitted": a contraceptive device put in, told as a verb.
  if (/inserted|fitted|placed/.test(stretch)) {
    for (const a of stretch.matchAll(DEVICE_INSERTED)) out.push({ code: a[1] ? '278854009' : '65200003', start: from + a.index!, end: from + a.index! + a[0].length });
  }
  if (stretch.includes('BMI')) for (const a of stretch.matchAll(BMI)) if (Number(a[1]) >= 30 && Number(a[1]) < 80) out.push({ code: '414916001', start: from + a.index!, end: from + a.index! + a[0].length });
  if (/\b(?:gained|put on)\b/i.test(stretch)) for (const a of stretch.matchAll(WEIGHT_GAIN)) out.push({ code: '8943002', start: from + a.index!, end: from + a.index! + a[0].length });
  if (/\blost\b/i.test(stretch)) {
    for (const a of stretch.matchAll(WEIGHT_LOST)) {
      if (/\b(?:diures\w*|diuretics?|furosemide|dialysis|fluid|on purpose|intentionally|dieting|diet)\b/i.test(stretch.slice(Math.max(0, a.index! - 60), a.index! + a[0].length + 40))) continue;
      out.push({ code: '89362005', start: from + a.index!, end: from + a.index! + a[0].length });
    }
  }
  return out;
}
/** A measure as the subject of "to fall" just before it: "his haemoglobin has continued to fall", "the eGFR began to fall". */
const GENERAL_CAUSE_AFTER = /^\s+(?:is|are|can be)\s+(?:a|an)?\s*(?:well[- ])?(?:recognised|recognized|known|common|rare|important|classic|frequent)\s+(?:cause|trigger|risk factor|complication|association)s?\s+of\b/i;
const IMMUNE_STATUS_AFTER = /^\s*[:-]\s*(?:(?:fully|not|up to date|in date|already)\s+)*(?:immuni[sz]ed|vaccinated|covered|boosted|up to date)\b/i;
const NAMED_SERVICE_AFTER = /^(?:\s+[A-Z][a-z]+){1,3}\s+(?:Clinic|Service|Unit|Team|Department|Centre|Center|MDT|Network)\b/;
/** Measures that rise and fall: "his haemoglobin has continued to fall", "once his eGFR falls to 15". */
const MEASURE_NAMES = 'hb|ha?emoglobin|e?gfr|creatinine|sodium|potassium|platelets?|weight|bmi|bp|blood pressure|systolic|saturations?|sats|levels?|counts?|ferritin|albumin|pressures?|temperature|scores?|readings?|numbers?|output|urea|ALT|CRP|PSA|HbA1c';
const MEASURE_FALLS = new RegExp(`\\b(?:${MEASURE_NAMES})\\b[^.;,\\n]{0,30}\\bto\\s+$`, 'i');
const MEASURE_FALLS_NOW = new RegExp(`\\b(?:${MEASURE_NAMES}|it)\\s+(?:(?:ever|then|further|again)\\s+)?$`, 'i');
/** "a fall in haemoglobin", "a fall in his eGFR": the drop of a measure, not a fall ("a fall in the garden" is). */
const FALL_IN_MEASURE = /^\s*in\s+(?:(?:his|her|their|the|serum|blood)\s+)?(?:hb\b|ha?emoglobin|blood|bp\b|systolic|diastolic|sodium|potassium|e?gfr|creatinine|platelets?|white|weight|bmi|oxygen|saturations?|sats\b|pressure|levels?|count|numbers?|score|urine|output|\d)/i;
/**
 * A value in a unit of measure right after an abbreviation ("CAP 342 dB/m", "EF 45%"). A rate ("AF 130 bpm") and a
 * size ("AAA 5.2 cm", "BCC 7 mm": the condition measured) are not one.
 */
const MEASURE_AFTER = /^\s*(?:of\s+|[:=]\s*)?[<>~]?\d+(?:\.\d+)?\s*(?:dB\/m|kPa|mmHg|mmol|micromol|umol|µmol|nmol|pmol|mg|g\/L|g\/dL|L\/min|ms|%)(?![A-Za-z])/;
/** "an increased risk of", "the risk of", "at high risk of", "the rare risk of": a risk, not the condition. */
// ("isotretinoin - risk of intracranial hypertension", "a low probability of metastases": a risk after a dash, or a probability, likewise)
const RISK_OF = /(?:\b(?:increased|increasing|higher|high|raised|greater|lifetime|future|small|low|lower|slight|the|a|any|some|no|at|of|associated|carries|carry|recurrence)|\s[-–:(]|^)\s+(?:(?:rare|serious|significant|potential|possible|theoretical|known|small|tiny|real|long-term|additional|added|excess|extra|very|slight|low|high|increased|attendant|associated)\s+){0,2}(?:risks?|probability|likelihood)\s+(?:of|for)\s+(?:developing\s+|further\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$/i;
const RISK_BEHAVIOUR = /self[- ]?(?:injur|harm)|overdose|suicid|poisoning/i;
/** "to screen for type 2 diabetes", "screening for coeliac disease": the target of a screen. */
const SCREEN_FOR = /\b(?:screen(?:ed|ing)?|test(?:ed|ing)?)\s+(?:(?:him|her|them|the patient)\s+)?for\s+(?:[\w-]+\s+)?$/i;
/** "witnessed her fall", "saw him fall to the ground": the bare infinitive after a verb of seeing. */
const SEEN_FALL = /\b(?:saw|seen|see|sees|watched|witnessed|noticed|heard|felt|made|let|helped)\s+(?:him|her|them|the patient)\s+$/i;
/** The lung's line: a lobe, the lung or a chest scan named on it. */
const LUNG_LINE = /\b(?:(?:upper|middle|lower)\s+lobes?|[RL]UL|RML|[RL]LL|lingula\w*|lungs?|pulmonary|CT (?:chest|thorax)|CTPA|CXR|chest X-?ray)\b/i;
/** A thyroid letter: the gland, a goitre, its ultrasound grade (U1-U5) or cytology (Thy1-Thy5). */
const THYROID_NEAR = /\b(?:thyroid\w*|goitre|multinodular|U[1-5]|Thy ?[1-5]|thyroglobulin|TSH)\b/i;
/** "a U3 nodule", "dominant R lobe nodule" in a thyroid letter: a bare nodule off a lung's line is the thyroid's. */
function thyroidNodule(code: string, written: string, text: string, start: number, end: number): boolean {
  // "I found no palpable nodules": an examination's routine negative, not a nodule ruled out.
  return code === LUNG_NODULE && /^nodules?$/i.test(written) && !/\b(?:no|nil|without|nor|any)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(Math.max(0, start - 30), start))
    && THYROID_NEAR.test(text.slice(Math.max(0, start - 300), Math.min(text.length, end + 150)));
}
const LUNG_NODULE = '427359005';
const NEOPLASM = '108369006';
const METASTATIC = '128462008';
/** The bare words the organ names: "neoplasm", and the singular "metastasis" (a bare "metastases" is metastatic disease). */
const BARE_TUMOUR = /^(?:neoplasm|metastasis)$/i;
/** Organs by their words: [words, neoplasm of the organ, secondary in the organ (only where metastases settle)]. */
const TUMOUR_SITES: [RegExp, string, string | undefined][] = [
  [/\b(?:colon|colonic|sigmoid|caec(?:um|al)|hepatic flexure|splenic flexure|large bowel)\b/i, '126838000', undefined],
  [/\b(?:rectum|rectal)\b/i, '126847008', undefined],
  [/\b(?:liver|hepatic|segment [1-8]|segment [IV]+)\b/i, '126851005', '94381002'],
  [/\b(?:lungs?|pulmonary|(?:upper|middle|lower) lobe|[RL]UL|RML|[RL]LL)\b/i, '126713003', '94391008'],
  [/\b(?:brain|cerebral|cerebellar|intracranial)\b/i, '126952004', '94225005'],
  [/\b(?:bones?|skeletal|vertebra\w*|sclerotic)\b/i, '', '94222008'],
  [/\b(?:adrenals?|adrenal glands?)\b/i, '127021009', '94161006'],
  [/\b(?:kidneys?|renal)\b/i, '126880001', undefined],
  [/\b(?:bladder)\b/i, '126885006', undefined],
  [/\b(?:stomach|gastric)\b/i, '126824007', undefined],
  [/\b(?:pancreas|pancreatic)\b/i, '', undefined],
  [/\b(?:ovary|ovaries|ovarian)\b/i, '123843001', undefined],
  [/\b(?:breast)\b/i, '126926005', undefined],
];
/** The one organ the mention's sentence names, as the concept for a bare neoplasm or metastasis there. */
function tumourSite(code: string, text: string, start: number): string | undefined {
  const from = Math.max(0, text.lastIndexOf('. ', start), text.lastIndexOf('\n\n', start), text.lastIndexOf('.\n', start), start - 200);
  const tail = text.slice(start, Math.min(text.length, start + 60));
  const stop = tail.search(/[.;]\s|\n\s*\n/);
  const sentence = text.slice(from, start) + (stop < 0 ? tail : tail.slice(0, stop));
  // a sentence about a cancer may name its primary as well as the place of a metastasis: then it is not the organ's
  if (code === METASTATIC && /\b(?:cancer|carcinoma|malignan\w*|primary|tumou?r)\b/i.test(sentence)) return undefined;
  const found = TUMOUR_SITES.filter(([re]) => re.test(sentence)).map(([, n, s]) => (code === METASTATIC ? s : n)).filter((x): x is string => !!x);
  return found.length === 1 ? found[0] : undefined;
}
/** Bare words (lexicon) that name a concept only where their line names its organ or cause. */
const BARE_LINE: Record<string, [RegExp, RegExp]> = {
  '427359005': [/^nodules?$/i, LUNG_LINE],
  '309529002': [/^mass(?:es)?$/i, LUNG_LINE],
  '66590003': [/^dependence$/i, /\b(?:alcohol\w*|drink\w*|units?|ethanol|EtOH)\b/i],
};
/** Lexicon phrases that name a site's condition only where the site is named on the line. */
const SITE_NAMED: Record<string, RegExp> = { '197321007': /\b(?:liver|hepat\w*|fatty liver)\b/i, '77945009': /\b(?:kidneys?|renal)\b/i };
/** A bare "perforation" is the bowel's where the bowel is named close by ("diverticulitis … no evidence of perforation"). */
const SITE_NEAR: Record<string, RegExp> = {
  '56905009': /\b(?:bowel|colon\w*|diverticul\w*|intestin\w*|sigmoid|caec\w*|rect\w*|appendi\w*|pneumoperitoneum|free (?:air|gas))\b/i,
  // "SBP excluded" beside ascites is the peritonitis; "SBP 150" is a systolic pressure.
  '11836002': /\b(?:ascit\w*|paracentesis|cirrho\w*|peritonitis|neutrophils)\b/i,
  // "no SOL", "no space-occupying lesion": the brain's where the scan or the brain is named ("CT head", "MRI brain").
  '126952004': /\b(?:brain|head|cerebr\w*|intracranial|headaches?|neurolog\w*|papilloedema|seizures?)\b/i,
  // "CT thorax showed no mass lesion" is the lung's; "no mass lesion to suggest a malignant cause" on an abdominal CT is not.
  '309529002': /\b(?:chest|thora\w*|lungs?|pulmonary|CXR|CTPA|hil(?:ar|um)|mediastin\w*|bronch\w*|pleura\w*|lobes?)\b/i,
  // "Likely MASH with moderate fibrosis" is the liver's steatohepatitis; "Children's Social Care (MASH)" is the safeguarding hub.
  '442685003': /\b(?:liver|hepat\w*|steato\w*|fibrosis|cirrho\w*|MASLD|NAFLD|MAFLD|fatty|FibroScan|LFTs?|ALT)\b/i,
  // "Intact rotator cuff with no full-thickness tear" is the cuff's; a meniscus's or a perineum's is not.
  '202843000': /\b(?:rotator cuff|cuff|supraspinatus|infraspinatus|subscapularis|teres minor|shoulder|subacromial)\b/i,
};
/** The bare words that need the site nearby: "perforation", "SBP", "SOL", "mass lesion". */
const NEAR_WORDS = /^(?:perforation|SBP|SOL|space[- ]occupying lesions?|mass lesions?|MASH|NASH|full[- ]thickness tears?)$/i;
/** "no fluctuance, no abscess" beside a cellulitis is the skin's; "no collection or abscess" on an abdominal CT is not. */
const SKIN_NEAR = /\b(?:cellulitis|skin|subcutaneous|fluctuan\w*|boils?|furuncle\w*|carbuncle\w*|incision and drainage|I&D|erythema\w*|punctum|pus)\b/i;
const BARE_ABSCESS = /\babscess(?:es)?\b/gi;
const DIVERTICULAR_NEAR = /\bdiverticul(?:itis|ar)\b/i;
const DIVERTICULAR_ABSCESS = '235774002';
const APPENDIX_NEAR = /\bappendi(?:citis|x|ceal|cectomy)\b/i;
/** the bowel itself named: a perforation or abscess there is the bowel's */
const BOWEL_WORDS = /\b(?:bowel|colon\w*|diverticul\w*|intestin\w*|sigmoid|rect\w*|duoden\w*)\b/i;
/** The words around a mention that say which organ a bare finding belongs to. */
const surroundings = (text: string, start: number, end: number) => text.slice(Math.max(0, start - 250), Math.min(text.length, end + 100));
/** An appendicitis named close by, and no bowel: a bare abscess or perforation there is the appendix's. */
const besideAppendicitis = (around: string) => APPENDIX_NEAR.test(around) && !BOWEL_WORDS.test(around);
const APPENDIX_ABSCESS = '62224002';
const APPENDIX_RUPTURE = '47693006';
const INTESTINE_PERFORATION = '56905009';
/** "a pelvic abscess", "psoas abscess": a bare "abscess" after a site the GPS does not name is that site's, not the skin's. */
const SITE_BEFORE_ABSCESS = /\b(?!(?:superficial|small|large|cutaneous|subcutaneous|local|skin|new|further|any|an?)\s)(?:[a-z]+(?:al|ic|ar|ary|eal|oid|ous|ine)|liver|lung|psoas|brain|spleen|kidney|breast|tooth|pelvis|appendix|tubo-ovarian|epidural|perianal|peri-anal|intra-abdominal)\s+$/i;
const HEMORRHAGE = '50960005';
const SKIN_ABSCESS = '31928004';
const ABNORMAL_TFT = '312399001';
const SUICIDE = '44301001';
const PSEUDOANEURYSM = '443089001';
const CBD_STONE = '307132003';
const MRSA_INFECTION = '266096002';
const MRSA_CARRIER = '432415000';
const CARRIAGE_LINE = /\b(?:screen\w*|swabs?|carri\w+|coloni[sz]\w*|decoloni[sz]\w*)\b/i;
/** A letter about a stroke or its acute treatment. */
const STROKE_LETTER = /\b(?:stroke|thrombolys\w*|alteplase|tenecteplase|thrombectomy|NIHSS)\b/i;
const INTRACRANIAL = /\b(?:CT (?:head|brain)|head CT|brain|intracranial|cerebral|MRI head)\b/i;
const DIABETIC_RETINOPATHY = new Set(['4855003', '420789003', '422034002']);
const TYPE1 = /\b(?:T1DM|type 1 diabet\w*|type one diabet\w*|type I diabet\w*|insulin[- ]dependent diabet\w*)/i;
const TYPE2 = /\b(?:T2DM|type 2 diabet\w*|type two diabet\w*|type II diabet\w*|non[- ]insulin[- ]dependent diabet\w*)/i;
let lastText = '', lastType = 0;
/** The letter's diabetes type (1, 2, or 0 where it names neither or both). */
function diabetesType(text: string): number {
  if (text === lastText) return lastType;
  const one = TYPE1.test(text), two = TYPE2.test(text);
  lastText = text; lastType = one === two ? 0 : one ? 1 : 2;
  return lastType;
}
const FALLS = new Set(['161898004', '279992002']);
const WOUND_INFECTION = '76844004';
const POSTOP_WOUND_INFECTION = '58126003';
/** An operation named near a wound: its infection is a postoperative one. */
const AFTER_OPERATION = /\b(?:post-?op\w*|operations?|surgery|surgical|theatre|incision\w*|laparotom\w*|laparoscop\w*|\w+ectomy|\w+otomy|\w+ostomy|\w+plasty|arthroplast\w*|hemiarthroplast\w*|skin clips|staples|sutures|midline wound|port sites?)\b/i;
const PERIPHERAL_NEUROPATHY = '302226006';
/** A neuropathy named by its toxic cause. */
const TOXIC_NEUROPATHY = /\b(?:chemotherapy|chemo|oxaliplatin|cisplatin|carboplatin|platinum|vincristine|paclitaxel|docetaxel|taxane|bortezomib|thalidomide|alcohol|B12)(?:[- ](?:induced|related))?\b/i;
/** A diabetic foot examination: the neuropathy it finds or rules out is the diabetes's. */
const DIABETIC_FOOT = /\b(?:foot|feet|monofilament|vibration sense|ankle reflexes|diabet\w*|glove and stocking|stocking distribution)\b/i;
const POLYP = '441456002';
const POLYP_SITES: [RegExp, string][] = [
  [/\b(?:colon\w*|colorectal|sigmoid\w*|caec\w*|rectosigmoid|hepatic flexure|splenic flexure|transverse|ascending|descending|bowel|polypectomy|lower GI)\b/i, '68496003'],
  [/\b(?:stomach|gastric|fundus|antrum|antral|gastroscop\w*|OGD)\b/i, '78809005'],
  [/\b(?:duoden\w*)\b/i, '73861008'],
  [/\b(?:nasal|nose|sinus\w*|nasendoscop\w*)\b/i, '736499003'],
  [/\b(?:endometri\w*|uterine|uterus|hysteroscop\w*)\b/i, '11314008'],
  [/\b(?:cervical|cervix)\b/i, '65576009'],
  [/\b(?:gallbladder|gall bladder)\b/i, '197433003'],
];
const SMOKER = new Set(['77176002', '65568007']);
/** Current smokers, by count or not. */
const CURRENT_SMOKER = new Set([...SMOKER, '160603005', '160604004', '160605003', '160606002']);
const PASSIVE_SMOKER = '43381005';
/** "can cause", "may give you", "might make her": what a medicine may do, told before it is had. */
const CAN_CAUSE_BEFORE = /\b(?:can|may|might)\s+(?:sometimes\s+|occasionally\s+|also\s+|rarely\s+)?(?:cause|give|make)\s+(?:(?:you|him|her|them|people)\s+)?(?:(?:some|a|an|mild|temporary|slight|transient)\s+)?$/i;
/** After a "Smoker" label, a value that is no current smoking. */
const SMOKER_LABEL_VALUE = /^[ \t]*[:–-][ \t]*(?:never|ex\b|former|previous|quit|stopped|gave up|given up|no\b|nil|none|non\b|n\/a)/i;
/** A member of the household as the subject right before "smokes" / "is a smoker" (a family history's "Father: smoker" is not). */
const HOUSEHOLD_SMOKES = /(?:^|[^\w:–-]\s*)\b(?:mum|mother|dad|father|parents|step-?(?:mum|dad|mother|father)|partner|husband|wife|carers?|grandparents?|grandmother|grandfather|nan|grandad|(?:older |younger )?(?:brother|sister)s?|siblings|everyone (?:else )?at home|household members?)\s+(?:both\s+|also\s+|still\s+)*(?:(?:is|are)\s+(?:an?\s+)?(?:heavy\s+|current\s+)?)?$/i;
const PERIPHERAL_VASCULAR = '400047006';
const LOCAL_RECURRENCE_BREAST = '314955001';
/** The cancers whose local recurrence the GPS names, by the words of their letters. */
const RECURRENCE_SITES: [RegExp, string][] = [
  [/\b(?:breast|mastectomy|wide local excision|WLE|axillary clearance|ductal carcinoma|lobular carcinoma|DCIS)\b/i, '314955001'],
  [/\b(?:rectal|rectum|anterior resection|APER|TME)\b/i, '314966008'],
  [/\b(?:colon|colonic|colorectal|hemicolectomy|sigmoid colectomy|bowel cancer)\b/i, '314965007'],
];
/**
 * The one site of `sites` a letter names (none where it names none or more than one), kept for the
 * letter last asked about: every mention of a letter asks of the same text.
 */
function oneSiteNamed(sites: [RegExp, string][]): (text: string) => string | undefined {
  let lastText: string | undefined, lastSite: string | undefined;
  return (text) => {
    if (text === lastText) return lastSite;
    const found = sites.filter(([re]) => re.test(text));
    lastText = text; lastSite = found.length === 1 ? found[0][1] : undefined;
    return lastSite;
  };
}
/** The one cancer site a letter names whose local recurrence the GPS has. */
const recurrenceSite = oneSiteNamed(RECURRENCE_SITES);
const VITREOUS_DETACHMENT = '247081001';
/** An eye letter: the vitreous, the retina, floaters and flashes, the eye clinic. */
const EYE_NEAR = /\b(?:vitreous|vitreo\w*|retina\w*|floaters|flashes|flashing lights|ophthalm\w*|eye casualty|fundoscopy|Weiss ring|visual acuity)\b/i;
/** Where letters name a bone by its region, the GPS names the fracture by the bone. */
const FRACTURE_SITES: [RegExp, string][] = [
  [/\bhips?\b|neck of femur|\bnof\b/i, 'neck of femur'], [/\bfemur|femoral\b/i, 'femur'], [/\bankles?\b/i, 'ankle'],
  [/\bscaphoid\b/i, 'navicular bone of wrist'], [/\b[CTL]\d{1,2}\b(?:\s*(?:vertebra\w*|wedge|compression|body))?|\bvertebra|\bspine|spinal\b/, 'vertebral column'],
  [/\bdistal radius\b/i, 'distal end of radius'], [/\bwrists?\b|\bradius|radial\b/i, 'radius'], [/\bulna/i, 'ulna'], [/\bhumer/i, 'humerus'], [/\bclavic/i, 'clavicle'],
  [/\bribs?\b/i, 'rib'], [/\bskull\b/i, 'skull'], [/\bpelvi/i, 'pelvis'], [/\btibia/i, 'tibia'], [/\bfibula/i, 'fibula'],
  [/\bfoot|feet\b/i, 'foot'], [/\bhands?\b/i, 'hand'], [/\bvertebra|\bspine|spinal\b/i, 'vertebral column'],
  [/\bpatella/i, 'patella'], [/\belbow/i, 'elbow'], [/\bjaw|mandib/i, 'mandible'], [/\bshoulder/i, 'shoulder'],
];
/** Cancers (and their kin) that a skin letter names bare: melanoma, squamous cell carcinoma → of the skin. */
const EXCISION_BIOPSY = '8889005';
const SKIN_EXCISION_BIOPSY = '312968005';
const SKIN_CANCER: Record<string, string> = { '372244006': '93655004', '402815007': '254651007', '2092003': '93655004' };
/** A skin letter: dermatology, skin cancer, moles and naevi (a word of the letter, not one mention's line). */
const SKIN_LETTER = /\b(?:dermatolog\w*|skin|moles?|naev\w*|nevus|nevi|pigmented lesions?|Mohs|sun[- ]?damage\w*|sunscreen|actinic)\b/i;
/** Organs other than the skin named on the line: their melanoma or squamous cell carcinoma is theirs. */
const NOT_SKIN_SITE = /\b(?:lung|bronch\w*|oesophag\w*|esophag\w*|tonsil\w*|oropharyn\w*|pharyn\w*|laryn\w*|tongue|oral|mouth|floor of mouth|palate|cervix|cervical|anal|anus|vulva\w*|vagina\w*|penile|penis|bladder|uveal|choroid\w*|ocular|conjunctiva\w*|mucosal|nasal cavity|sinus\w*|head and neck|nodes?|nodal|unknown primary|salivary|parotid)\b/i;
let lastSkinText = '', lastSkin = false;
function skinLetter(text: string): boolean {
  if (text !== lastSkinText) { lastSkinText = text; lastSkin = SKIN_LETTER.test(text); }
  return lastSkin;
}
const BCC_SKIN = '254701007';
/** Skin sites the GPS names a basal cell carcinoma of, most specific first (the nose and ear before the face). */
const BCC_SITES: [RegExp, string][] = [
  [/\b(?:nose|nasal|ala|alar)\b/i, '402818009'], [/\b(?:ears?|pinna|helix)\b/i, '402820007'], [/\b(?:eyelids?|canthus)\b/i, '231832009'],
  [/\bscalp\b/i, '403915004'], [/\bneck\b/i, '402509003'],
  [/\b(?:face|facial|temple|cheek|forehead|nasolabial|chin|jaw|brow)\b/i, '402519009'],
  [/\b(?:back|chest|trunk|abdomen|abdominal wall|shoulder)\b/i, '402523001'], [/\b(?:leg|shin|calf|thigh|ankle|foot)\b/i, '402522006'],
];
/** The sentence holding [start, end): from the last full stop or blank line before it to the next one. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 200), start);
  // (a list item ends its sentence: "* Nodular BCC, left nasolabial fold\n* Actinic keratoses on the scalp")
  const item = before.search(/\n[ \t]*(?:[-*•]|\d+[.)])[^\n]*$/);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'), before.lastIndexOf(';'), item);
  const after = text.slice(end, end + 150);
  const stop = after.search(/\.(?:\s|$)|\n\n|;|\n[ \t]*(?:[-*•]|\d+[.)])/);
  return before.slice(cut + 1) + text.slice(start, end) + (stop < 0 ? after : after.slice(0, stop));
}
const SEPSIS = new Set(['91302008', '721104000']);
const ECOLI_SEPSIS = '447899008';
/** E. coli grown from blood: "E. coli bacteraemia", "blood cultures grew E. coli". */
const ECOLI_BLOOD = /\b(?:E\.?\s?coli|Escherichia coli)\s+(?:bacter(?:a)?emia|in (?:the )?blood)|\bblood cultures?\b[^.;]{0,80}\b(?:grew|grown|positive for|isolated)\b[^.;]{0,20}\b(?:E\.?\s?coli|Escherichia coli)\b/i;
const LUMBAR_RADICULOPATHY = '128196005';
const CERVICAL_NEAR = /\b(?:[Cc]ervical|[Nn]eck|C[2-8](?:\/[C1-8T]+)?|arms?|hands?|brachial)\b/;
const LUMBAR_NEAR = /\b(?:lumbar|lumbosacral|low(?:er)? back|back pain|sciatica|legs?|L[1-5](?:\/[LS1-5]+)?|S1)\b/i;
const byDisplay = new WeakMap<Terminology, Map<string, Concept>>();

function conceptNamed(t: Terminology, display: string): Concept | undefined {
  let map = byDisplay.get(t);
  if (!map) {
    map = new Map();
    for (const c of t.concepts.values()) if (c.tag === 'disorder' || c.tag === 'finding') map.set(c.display.toLowerCase(), c);
    byDisplay.set(t, map);
  }
  return map.get(display.toLowerCase());
}

/**
 * A generic concept made specific by its sentence: "X-ray left ankle: no fracture" is a fracture
 * of the ankle; "smokes 15 cigarettes a day" is a moderate smoker.
 */
const COLONOSCOPIC_POLYPECTOMY = '311774002';
function refine(c: Concept, text: string, start: number, end: number, t: Terminology): Concept {
  const lineStart = lineBounds(text, start)[0];
  const lineEnd = lineBounds(text, end)[1];
  // "no features of melanoma", "previous SCC right ear" in a skin letter: the skin's cancer, unless the line names another organ.
  const skin = SKIN_CANCER[c.code];
  if (skin && skinLetter(text) && !NOT_SKIN_SITE.test(text.slice(lineStart, lineEnd))) return t.get(skin) ?? c;
  // "Excision biopsy performed today" in a skin letter is the skin lesion's, unless the line names another organ.
  if (c.code === EXCISION_BIOPSY && skinLetter(text) && !NOT_SKIN_SITE.test(text.slice(lineStart, lineEnd)) && !/\b(?:breast|lymph|thyroid|muscle|bone|node)/i.test(text.slice(lineStart, lineEnd))) return t.get(SKIN_EXCISION_BIOPSY) ?? c;
  // "a BCC removed from the nose in 2019", "basal cell carcinoma of the left ear": the sentence names the skin's site.
  if (c.code === BCC_SKIN) {
    // (the mention's own line first: a list's next line, unbulleted, names the next item's site, "Multiple actinic keratoses, scalp")
    const line = text.slice(lineStart, lineEnd);
    for (const [re, code] of BCC_SITES) if (re.test(line)) return t.get(code) ?? c;
    const sentence = sentenceAround(text, start, end);
    for (const [re, code] of BCC_SITES) if (re.test(sentence)) return t.get(code) ?? c;
  }
  // A bare "radiculopathy" is the spine's level the letter names nearby.
  if (c.code === LUMBAR_RADICULOPATHY && /^radiculopath/i.test(text.slice(start, end))) {
    const around = text.slice(Math.max(0, start - 300), Math.min(text.length, end + 150));
    if (CERVICAL_NEAR.test(around) && !LUMBAR_NEAR.test(around)) return t.get('54404000') ?? c;
  }
  if (c.code === FRACTURE) {
    // the line's sentence only: "No previous fractures. Her mother fractured her hip" names no site of hers
    let from = lineStart, to = lineEnd;
    const stop = text.slice(lineStart, start).search(/[.!?]\s+(?=[A-Z])[^.!?]*$/);
    if (stop >= 0) from = lineStart + stop + 1;
    const next = text.slice(end, lineEnd).search(/[.!?]\s+[A-Z]/);
    if (next >= 0) to = end + next + 1;
    const around = text.slice(from, to);
    for (const [re, site] of FRACTURE_SITES) {
      if (!re.test(around)) continue;
      const specific = conceptNamed(t, `Fracture of ${site}`);
      if (specific) return specific;
    }
  }
  // "common femoral puncture … no false aneurysm at the puncture site"; "CBD stone with obstructive LFTs".
  if (c.code === PSEUDOANEURYSM && /\bfemoral|\bgroin/i.test(text.slice(Math.max(0, start - 200), Math.min(text.length, end + 60)))) return t.get('312373008') ?? c;
  if (c.code === CBD_STONE && /^[^.;\n]{0,40}\bobstruct/i.test(text.slice(end, end + 60))) return t.get('4661003') ?? c;
  // "CT head showed no / haemorrhage": the scan may be named on the line before a wrapped one.
  if (c.code === HEMORRHAGE) {
    const back = text.slice(Math.max(0, start - 80), start);
    const para = back.lastIndexOf('\n\n');
    if (INTRACRANIAL.test(back.slice(para + 1) + text.slice(end, Math.min(lineEnd, end + 40)))) return t.get('1386000') ?? c;
    // "CT and CT angiogram showed no haemorrhage" in a stroke letter: a bare CT is of the head.
    if (/\bCT\b/.test(back.slice(para + 1)) && STROKE_LETTER.test(text)) return t.get('1386000') ?? c;
  }
  // "a polyp was removed" at hysteroscopy: the uterus's polyp, not the colon's; the GPS names no site for it.
  if (c.code === COLONOSCOPIC_POLYPECTOMY && !/colono|sigmoido|bowel|colon|rect/i.test(text.slice(start, end))) {
    const around = text.slice(Math.max(0, start - 250), Math.min(text.length, end + 150));
    if (/hysteroscop|endometri|uter(?:us|ine)|cervical polyp/i.test(around) && !/colonoscop|sigmoidoscop|\bcolon|\bbowel|\brect/i.test(around)) return t.get('82035006') ?? c;
  }
  // "no retinopathy", "background diabetic retinopathy": the diabetes the letter names gives the type.
  if (DIABETIC_RETINOPATHY.has(c.code)) {
    const type = diabetesType(text);
    const code = type === 1 ? '420789003' : type === 2 ? '422034002' : undefined;
    if (code && code !== c.code) return t.get(code) ?? c;
  }
  // "a superficial wound infection at the upper end of the midline wound" after a laparotomy is the operation's.
  if (c.code === WOUND_INFECTION && AFTER_OPERATION.test(text.slice(Math.max(0, start - 600), Math.min(text.length, end + 120)))) return t.get(POSTOP_WOUND_INFECTION) ?? c;
  // "monofilament intact - no peripheral neuropathy" in a diabetic letter is the diabetic complication; the type from the letter.
  // (a neuropathy a drug or chemotherapy caused is not the diabetes's: "peripheral neuropathy in his feet from the oxaliplatin")
  if (c.code === PERIPHERAL_NEUROPATHY && /diabet|\bT[12]DM\b/i.test(text) && DIABETIC_FOOT.test(text.slice(Math.max(0, start - 150), Math.min(text.length, end + 150)))
    && !TOXIC_NEUROPATHY.test(text.slice(Math.max(0, start - 40), Math.min(text.length, end + 80)))) {
    return t.get(diabetesType(text) === 2 ? '713706002' : '424736006') ?? c;
  }
  // "Polyps: none", "no colorectal cancer or polyps": a bare polyp is the organ's the line or the report names.
  if (c.code === POLYP) {
    const around = text.slice(Math.max(0, start - 300), lineEnd);
    for (const [re, code] of POLYP_SITES) if (re.test(around)) return t.get(code) ?? c;
  }
  // "given the PVD information leaflet" in an eye letter is the posterior vitreous detachment, not peripheral vascular disease.
  if (c.code === PERIPHERAL_VASCULAR && /^PVDs?$/.test(text.slice(start, end)) && EYE_NEAR.test(text.slice(Math.max(0, start - 1500), Math.min(text.length, end + 500)))) return t.get(VITREOUS_DETACHMENT) ?? c;
  // "thickening in the sigmoid colon … an underlying neoplasm cannot be excluded", "in the liver … a metastasis cannot be excluded".
  if ((c.code === NEOPLASM || c.code === METASTATIC) && BARE_TUMOUR.test(text.slice(start, end))) {
    const code = tumourSite(c.code, text, start);
    if (code) return t.get(code) ?? c;
  }
  // "dominant R lobe nodule (U3)" in a thyroid letter is the thyroid's nodule.
  if (c.code === LUNG_NODULE && !LUNG_LINE.test(text.slice(lineStart, lineEnd)) && thyroidNodule(c.code, text.slice(start, end), text, start, end)) return t.get('237495005') ?? c;
  // "Histology confirms a fibroadenoma … no evidence of malignancy" in a breast clinic's letter: the breast's cancer, unless the line names another organ.
  if (c.code === MALIGNANCY && BARE_MALIGNANCY.test(text.slice(start, end)) && BREAST_LETTER.test(text) && !OTHER_ORGAN_LINE.test(text.slice(lineStart, lineEnd))) return t.get(BREAST_CANCER) ?? c;
  // "Histology of the sigmoid colon shows … no dysplasia or malignancy", "no malignancy in the resected colon": a bare
  // malignancy is that of the one organ its sentence names as the specimen ("Gastric biopsies: … no malignancy" too; not
  // "Ovaries looked normal and there was no
  // evidence of malignancy", an organ beside the finding)
  if (c.code === MALIGNANCY && BARE_MALIGNANCY.test(text.slice(start, end))) {
    const sentence = sentenceAround(text, start, end);
    const line = text.slice(lineStart, lineEnd);
    const organs = CANCER_OF_ORGAN.filter((o) => o.specimenOf.test(sentence) || o.organSpecimen.test(line) || o.cancerIn.test(sentence));
    if (organs.length === 1) return t.get(organs[0].code) ?? c;
    // "Colposcopy … no sign of cancer", "a dermoid cyst … no features of malignancy": a cancer ruled out in a letter
    // about one organ is that organ's (the sentence names none of its own)
    const own = !organs.length && !OTHER_ORGAN_LINE.test(sentence) ? letterOrgan(text) : undefined;
    if (own) return t.get(own) ?? c;
  }
  // "MRSA screen: negative", "MRSA swabs sent": a screen looks for carriage, not infection
  if (c.code === MRSA_INFECTION && CARRIAGE_LINE.test(text.slice(lineStart, lineEnd))) return t.get(MRSA_CARRIER) ?? c;
  // "no evidence of local recurrence": the recurrence of the cancer the letter is about.
  if (c.code === LOCAL_RECURRENCE_BREAST) {
    const site = recurrenceSite(text);
    if (site && site !== c.code) return t.get(site) ?? c;
  }
  if (SMOKER.has(c.code)) {
    // "smokes 15 cigarettes a day"; right after the word the count alone says it ("smokes 10 a day", "smoker, 20/day").
    const n = /(\d+)\s*(?:-\s*\d+\s*)?(?:cigarettes?|cigs?|roll-ups?)\s*(?:a|per|\/|each)\s*day/i.exec(text.slice(start, Math.min(lineEnd, end + 80)))
      ?? /^[\s,:(-]{0,3}(?:of\s+|about\s+|around\s+|approximately\s+)?(\d+)\s*(?:-\s*\d+\s*)?(?:a|per|\/|each)\s*day\b/i.exec(text.slice(end, Math.min(lineEnd, end + 40)));
    if (n) {
      const k = Number(n[1]);
      const code = k < 10 ? '160603005' : k < 20 ? '160604004' : k < 40 ? '160605003' : '160606002';
      return t.get(code) ?? c;
    }
  }
  return c;
}

/** A fracture risk calculator's line: "FRAX …", "QFracture …", "10-year fracture risk". */
const FRACTURE_RISK_BEFORE = /\b(?:FRAX|QFracture)\b[^;\n]*$/i;
/** "hip fracture risk 9.8%", "major osteoporotic fracture 21%": a fracture named with its risk. */
const RISK_VALUE_AFTER = /^\s*(?:risk|probability)?\s*[:=]?\s*\d{1,2}(?:\.\d+)?\s*%/i;
const MALIGNANCY = '363346000';
const BREAST_CANCER = '254837009';
const BARE_MALIGNANCY = /^(?:malignancy|malignancies|cancer|malignant disease)$/i;
const SPECIMEN_OF = /\b(?:histology|histopathology|biops(?:y|ies)|specimens?|resection|polyps?) (?:of|from) (?:the |his |her )?(?:[\w-]+ ){0,2}?/;
/** Organs a specimen or a scope is of, and the GPS's cancer of each (colon before its parts: "sigmoid colon" is the colon's). */
const ORGAN_CANCER_CODES: [RegExp, string][] = [
  [/\b(?:colon|colonic|sigmoid|caecum|caecal|colorectal|large bowel)\b/i, '363406005'],
  [/\b(?:rectum|rectal)\b(?!\s+bleed)/i, '363351006'],
  [/\b(?:prostate|prostatic)\b/i, '399068003'],
  [/\bbladder\b/i, '399326009'],
  [/\b(?:stomach|gastric)\b/i, '363349007'],
  [/\b(?:oesophagus|oesophageal|esophagus|esophageal)\b/i, '363402007'],
  [/\b(?:pancreas|pancreatic)\b/i, '363418001'],
  [/\b(?:ovary|ovarian|ovaries)\b/i, '363443007'],
  [/\bcervi(?:x|cal)\b(?!\s+(?:spine|lymph|node|collar|disc|vertebra))/i, '363354003'],
  [/\bendometri(?:um|al)\b/i, '254878006'],
];
/** Each organ's three readings, compiled once: "histology of the sigmoid colon", "gastric biopsies", "malignancy in the colon". */
const CANCER_OF_ORGAN = ORGAN_CANCER_CODES.map(([re, code]) => ({
  code,
  specimenOf: new RegExp(`${SPECIMEN_OF.source}${re.source}`, 'i'),
  organSpecimen: new RegExp(`${re.source}\\s+(?:biops(?:y|ies)|histology|specimens?|resection)\\b`, 'i'),
  cancerIn: new RegExp(`\\b(?:malignancy|cancer) (?:in|of) (?:the |his |her )?(?:[\\w-]+ )?${re.source}`, 'i'),
}));
/** The one organ of ORGAN_CANCER_CODES a letter names, as that organ's cancer. */
const letterOrgan = oneSiteNamed(ORGAN_CANCER_CODES);
/** A letter from a breast clinic or about a breast lump. */
const BREAST_LETTER = /\bbreast (?:clinic|lump|unit|service|team|surgeon|cyst|assessment)\b|\bone[- ]stop breast\b/i;
const OTHER_ORGAN_LINE = /\b(?:lung|chest|abdomen|pelvis|liver|bone|skin|thyroid|ovar\w*|uter\w*|bowel|colon|lymph|nodes?)\b/i;
/** Nouns that make a condition name a modifier: "thrombophilia screen", "influenza vaccine", "falls clinic". */
/** "in patients with", "for people who have": a class of people, not this patient. */
const POPULATION_BEFORE = /\b(?:in|for|among|amongst)\s+(?:(?:all|most|many|some|older|younger|elderly)\s+)?(?:patients|people|those|anyone|individuals|adults|children|women|men)\s+(?:with|who have|who have had)\s+(?:[\w-]+\s+)?$/i;
/** "cataract pre-assessment clinic", "diabetes one-stop service": a kind of clinic between the condition and the clinic. */
const CLINIC_KIND = String.raw`(?:(?:pre-?assessment|pre-?op(?:erative)?|one[- ]stop|nurse[- ]led|rapid[- ]access|virtual|new[- ]patient|outpatient|multidisciplinary|MDT|joint)\s+(?=(?:clinics?|services?|teams?)\b))?`;
// ("Type 2 diabetes - diet and metformin": after a spaced dash comes the list item's note, not a compound noun.)
const MODIFIED = new RegExp(String.raw`^(?![ \t]+[-–][ \t])[ -]*` + CLINIC_KIND + /(?:(?:urine|urinary|blood|serum|stool)\s+(?=(?:antigens?|ag|pcr|tests?|serology|screen)\b))?(?:ag\b|screen(?:ing)?|prophylaxis|vaccin\w*|immuni[sz]ation|jab|diet(?:ary)?(?![- ]?(?:controlled|managed|treated|alone|only))|clinics?|services?|teams?|MDTs?|MDMs?|multidisciplinary (?:team )?meetings?|nurses?|workers?|specialists?|physicians?|surgeons?|registrars?|doctors?|leaflets?|card|warning|pathway|protocol|prevention|risk|assessment|review|score|referral|liaison|units?|centres?|centers?|departments?|day[- ](?:unit|case|centre|center|ward)|helpline|advice line|wards?|consultants?|advice|education|care plan|medication|drugs?|treatment|therapy|prevention|bundle|tests?|serology|antigens?|pcr|swab|status|checks?|monitoring|programme|panel|rehabilitation|booster|block|criteria|rules?|guidance|guidelines?|prophylactic|surveillance|follow[- ]?up)\b/.source, 'i');
/** "venlafaxine, now 150 mg MR once daily": a dose just before a release-form abbreviation. */
const DOSE_JUST_BEFORE = /\d\s*(?:mg|micrograms?|mcg|g)\s+$/i;
/** A medicine's name just before a release-form abbreviation ("mesalazine MR", "(Octasa MR)"). */
const DRUG_BEFORE = /\b[a-z]{3,}(?:azine|idine|ipine|apine|axine|etine|amine|olol|pril|sartan|statin|mycin|cillin|azole|azepam|profen|adone|azide|amide|clazide|zide|asa|alol|afil)\s+$|\([A-Z][a-z]{3,}\s+$/;
/** Salt and form words between a medicine's name and its release form ("morphine sulfate MR", "isosorbide mononitrate MR"). */
const SALT_TAIL = /^(?:[\s,]+(?:sulfate|sulphate|hydrochloride|hcl|phosphate|tartrate|succinate|fumarate|maleate|mesilate|besilate|citrate|sodium|potassium|calcium|bromide|nitrate|mononitrate|dinitrate|acetate|hydrobromide|dihydrochloride|\d+(?:\.\d+)?\s*(?:mg|micrograms?|mcg|g)))*\s*$/i;
/** A medicine from the drug lexicon just before a release-form abbreviation: "(morphine sulfate MR)", "tramadol SR", "Zomorph MR". */
function drugBefore(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - 60), start);
  const words = window.match(/[A-Za-z0-9-]+/g) ?? [];
  // drop the salt and strength words, then look the last one to three words up as a medicine's name
  while (words.length && SALT_TAIL.test(' ' + words[words.length - 1])) words.pop();
  const lex = drugLexicon();
  for (let n = Math.min(3, words.length); n >= 1; n--) if (lex.lookup(words.slice(words.length - n).join(' '))) return true;
  return false;
}
/** A named clinician before the words: "Dr Mwangi (Movement disorders)", "Dr A Shah, Epilepsy". */
const CLINICIAN_BEFORE = /\b(?:Dr|Prof|Professor)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:\(|,\s*(?=[A-Z]))\s*$/;
/** "coeliac and thyroid screens", "varicella and hepatitis B serology", "hepatitis B, hepatitis C and HIV serology": a test name shared by coordinated conditions. */
// (not a result that names its test: "pertussis, confirmed on PCR", "influenza, positive by swab")
const COORDINATED_LEAD = /^\s*(?:(?:(?:,|and|or|&)\s+|\/\s*)(?!(?:under|on|for|with|without|in|no|not|awaiting|needs?|requires?|having|had|has|his|her|their|the|a|an|its|this|that|these|those)\b)(?:(?!(?:confirmed|proven|diagnosed|positive|detected|shown|found|seen|on|by|via)\b)[\w'’-]+\s+){1,3}?){1,4}?(?=(?:serology|screens?|antibod(?:y|ies)|antigens?|ag|tests?|pcr|swabs?|surveillance|screening|rules|advice|education|training|vaccines?|vaccinations?|immuni[sz]ations?|jabs?|boosters?)\b)/i;
/** A test's result stated after its name: it rules the condition in or out. */
const RESULT_AFTER_TEST = /^[\w-]+\b(?:(?!\n\s*\n)[^.;]){0,50}?\b(?:negative|normal|not detected|unremarkable)\b/i;
/** Imaging nouns after an abbreviation that is also a modality ("MR", "US"). */
const IMAGING_AFTER = /^[\s-]*(?:[A-Za-z]+[\s(-]+){0,2}?(?:angiogra\w*|scan\w*|imaging|venogra\w*|cholangio\w*|enterogra\w*|arthrogra\w*|urogra\w*|mammogra\w*|spectroscop\w*|sequences?|guided|perfusion)\b/i;
/** Nouns after a condition's adjective ("hyperkalaemic changes") that make it describe something else. */
const ADJECTIVE_NOUN_AFTER = /^\s+(?:ECG\s+)?(?:changes?|effects?|picture|features?|range|threshold|risks?|agents?|medications?|medicines?|drugs?|therapy|treatment|protocol|regimen|pattern|appearances?)\b/i;
/** A post or department before a specialty's name: "Consultant in", "Department of", "Professor of", "Clinical Lead for". */
const SPECIALTY_BEFORE = /\b(?:consultants?|registrars?|SpRs?|SHOs?|fellows?|lecturers?|professors?|departments?|dept\.?|directorate|division|speciali[sz]ts?(?: nurses?)?|(?:clinical )?leads?|nurse specialists?|CNS)\s+(?:in|of|for)\s+(?:(?:the\s+)?[A-Z][\w&-]*\s+){0,2}$/i;
/** "the suspected lower GI cancer pathway", "an urgent suspected breast cancer referral". */
const SUSPECTED_BEFORE = /\bsuspected\s+$/i;
/** A cancer named by its organ (a bare "cancer" names no query). */
const ORGAN_CANCER = /^\S+.*\b(?:cancer|carcinoma|malignancy)$/i;
/** Allergic diseases, named by the adjective: conditions of their own, not an allergy's label. */
const ALLERGIC_DISEASE = /\ballergic\s+(?:rhinitis|rhino-?conjunctivitis|conjunctivitis|asthma|dermatitis|eczema|bronchopulmonary|alveolitis|march|disease|disorder|sinusitis|keratoconjunctivitis)\b/gi;
/** A report's title line: "ENDOSCOPY UNIT REPORT - COLONOSCOPY", "Cystoscopy report". */
const REPORT_TITLE = /\breport\b/i;
const SERVICE_LABEL = /^\s*(?:clinic|service|department|dept|specialty|speciality|team|ward|unit|directorate)\s*:\s*[^:\n]{0,60}$/i;
/** Letterhead and sign-off lines name services, not the patient's conditions. */
const SERVICE_LINE = /\b(?:consultants?|registrars?|physicians?|surgeons?|specialists?|departments?|centres?|centers?|clinics?|services?|unit|hospitals?|trust|wards?|teams?|directorate|division|society|association)\b/i;
/** "EASTMOOR NHS FOUNDATION TRUST (Mental Health and Learning Disability Services)": a trust's letterhead, however long. */
const TRUST_LINE = /\bNHS\b[^.;:\n]*\b(?:Trust|Board)\b/i;
/** How far into a letter its letterhead runs. */
const LETTERHEAD_CHARS = 400;

const lineOf = (text: string, at: number) => text.slice(...lineBounds(text, at));
const SERVICE_ALL = new RegExp(SERVICE_LINE.source, 'gi');
/** A letterhead or sign-off line: short, unpunctuated, naming a service ("in clinic" is a place, not a service's name). */
function serviceLine(line: string, top = false): boolean {
  // (a table's row, "Hypertension | CKD 3a | MCI (memory clinic 2024)", is the letter's content)
  if ((line.length >= 90 && !(top && TRUST_LINE.test(line))) || /[.;:|]/.test(line) || !SERVICE_LINE.test(line)) return false;
  // "2) Hospital-acquired delirium": a numbered list item is the letter's content, not its letterhead.
  if (/^\s*\(?\d{1,2}[.)]\s/.test(line)) return false;
  for (const m of line.matchAll(SERVICE_ALL)) {
    // "hospital-acquired", "ward-based": the word qualifies another, it names no service.
    if (/^-[a-z]/i.test(line.slice(m.index! + m[0].length))) continue;
    // ("Atrial fibrillation (INR managed by your practice anticoagulation clinic)": a service after a
    // preposition is where the care happens, not a letterhead's name)
    const before = line.slice(0, m.index);
    if (!/\b(?:in|at|to|from|by|via|on|with|under)\s+(?:the\s+|a\s+|your\s+|our\s+|his\s+|her\s+|their\s+)?(?:[\w&-]+\s+){0,3}$/i.test(before)) return true;
  }
  return false;
}

/** The paragraph (or line run) before the mention opens with an examination. */
function inExamination(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 400), at);
  const para = window.lastIndexOf('\n\n');
  const span = para >= 0 ? window.slice(para) : window;
  return /(?:^|\n|\. )\s*(?:on examination|examination(?: findings)?:|o\/e\b|exam:)/i.test(span) && !/\n\s*(?:investigations?|impression|diagnosis|plan|x-ray|ct|mri|bloods?)\b[^\n]*:/i.test(span);
}

const DIET_AFTER = /^(?:[\s,-]+(?:and\s+)?low[\s-]+[a-z]+)*[\s-]+diet\b/i;
const MADE_BEFORE = /\b(?:creation|creating|formation|forming|fashioning|construction|formed|fashioned|created)\s+(?:of\s+)?(?:a|an|the|his|her|their)?\s*(?:(?:left|right|brachio|radio)[\w-]*\s+){0,3}$/i;
const SCREEN_BEFORE = /\b(?:screening|pre-?treatment|pre-?biologic|baseline|pre-?immunosuppression)\s+(?:(?:blood\s+)?tests|bloods|serology|screen)\s*(?:\(|for\s+|:\s*|-\s+)[^()\n.;:]{0,60}$/i;
const SCREEN_RESULT = /\b(?:negative|neg|positive|pos|normal|unremarkable|not detected|detected|immune|non-?reactive|reactive|clear)\b/i;
/** The rest of the sentence after a position. */
const sentenceRest = (text: string, at: number) => /^[^.;\n]*/.exec(text.slice(at, at + 200))![0];
const REFERENCE_BEFORE = /\b(?:our|your|my|hosp(?:ital)?|clinic)?\s*ref(?:erence)?(?:\s+no\.?)?\s*[:.#]?\s*(?:[A-Za-z0-9]{1,6}[\/.-])*$/i;

/** Mention-level reasons a match is not a statement about the patient's conditions. */
function isModifier(text: string, start: number, end: number, m: { concept: Concept }): boolean {
  if (/\bnon-?\s?$/i.test(text.slice(Math.max(0, start - 4), start))) return true;
  // "SpO2 97% RA" is room air; "on RA" likewise.
  if (/(?:%|\bon)\s*$/.test(text.slice(Math.max(0, start - 4), start)) && /^RA$/.test(text.slice(start, end))) return true;
  // "Allergy: penicillin (anaphylaxis)": reactions are allergies, not diagnoses.
  // ("seasonal allergic rhinitis, and mild asthma": an allergic disease named before is a condition, not an allergy's label.)
  if (/\ballerg(?:y|ies|ic)\b[^.\n]*$/i.test(text.slice(Math.max(0, start - 60), start).replace(ALLERGIC_DISEASE, ' '))) return true;
  const after = text.slice(end, end + 30);
  const written = text.slice(start, end);
  // "Smoker: never", "Smoker - ex (quit 2015)": a line's label, whose value (read as the smoking status) says otherwise.
  if (SMOKER.has(m.concept.code) && /^smokers?$/i.test(written) && SMOKER_LABEL_VALUE.test(after)) return true;
  // "D/C home", "D/C: 19/06": discharge, not dilatation and curettage (written D&C).
  if (/^D\/C$/i.test(written)) return true;
  // "venlafaxine MR 150 mg", "Renal No TR-58819": a release form before a dose, a letter code of an identifier.
  if (/^(?:MR|SR|XL|LA|CR)$/.test(written) && (/^\s*\d/.test(after) || DOSE_JUST_BEFORE.test(text.slice(Math.max(0, start - 20), start)) || DRUG_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || drugBefore(text, start))) return true;
  // "Dr Patel (Movement disorders)", "Dr Khan, Heart Failure": a clinician's specialty names a service.
  if (CLINICIAN_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  // "Consultant in Infectious Diseases", "Department of Respiratory Medicine": a specialty named after a post or department is a service.
  if (SPECIALTY_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && /^[A-Z]/.test(text.slice(start, end))) return true;
  if (/^[A-Z]{2,4}$/.test(written) && /^[-\/]?\d{3,}/.test(after)) return true;
  // "Ref: MS/kb", "Our ref: AF/JT/0412": a reference's initials (author/typist), not a condition.
  if (/^[A-Z]{2,4}$/.test(written) && REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return true;
  // "CEA normal", "CEA 12": the tumour marker, not a carotid endarterectomy.
  if (written === 'CEA' && /^\s*(?:(?:levels?|values?|results?)\s+)?(?:was\s+|is\s+|were\s+|has been\s+|of\s+|:\s*|=\s*)?(?:normal|raised|elevated|high|low|rising|falling|stable|within|<|>|\d)/i.test(after)) return true;
  // "CAP 342 dB/m", "PVR 150 ml", "EF 45%": an abbreviation followed by a value in a unit of measure is a measurement's name.
  if (/^[A-Z][A-Za-z0-9]{1,4}$/.test(written) && MEASURE_AFTER.test(after)) return true;
  // "her uncle died by suicide" is a death; "no thoughts of self-harm or suicide" is a risk screen, not one.
  if (m.concept.code === SUICIDE && !/\b(?:died|death|dying|committed|completed|killed (?:himself|herself|themselves))\b[^.;]{0,15}$/i.test(text.slice(Math.max(0, start - 30), start))) return true;
  // "post-stroke shoulder pain", "Post-MI": the time after an event the letter names elsewhere, not a statement of it.
  if (/\bpost[- ]$/i.test(text.slice(Math.max(0, start - 5), start))) return true;
  // "tachycardia-induced cardiomyopathy": the first word names the cause of the term it qualifies.
  if (/^-(?:induced|mediated|provoked|triggered)\b/i.test(after)) return true;
  // "no hyperkalaemic changes on the ECG", "hypoglycaemic agents": the adjective qualifies a sign or a drug class, it states no condition.
  if (/aemic$/i.test(written) && ADJECTIVE_NOUN_AFTER.test(after)) return true;
  // "MR angiogram", "MR renal angiography": the imaging modality, not mitral regurgitation.
  if (/^[A-Z]{2,3}$/.test(text.slice(start, end)) && IMAGING_AFTER.test(after)) return true;
  // "falls asleep", "a fall in haemoglobin": the verb and the drop, not a fall.
  // ("his health check falls due in June", "the result falls within the normal range": the verb, not a fall.)
  if (FALLS.has(m.concept.code) && (/^\s*(?:asleep|off|of|from \d|to \d|by|due(?!\s+to\b)|within|outside|short of)\b/i.test(after) || FALL_IN_MEASURE.test(text.slice(end, end + 50)))) return true;
  // "his haemoglobin has continued to fall", "eGFR continues to fall": a measure's verb, not a fall.
  if (FALLS.has(m.concept.code) && /^fall$/i.test(written) && MEASURE_FALLS.test(text.slice(Math.max(0, start - 50), start))) return true;
  // "once his eGFR falls to around 15", "if the Hb falls below 80": a measure's verb
  if (FALLS.has(m.concept.code) && /^falls$/i.test(written) && MEASURE_FALLS_NOW.test(text.slice(Math.max(0, start - 30), start))) return true;
  // "As hyperparathyroidism is a recognised cause of CPPD": a fact about the condition, not the patient's
  if (GENERAL_CAUSE_AFTER.test(text.slice(end, end + 60))) return true;
  // "Tetanus: fully immunised, not required": the vaccine's status, not the disease
  if (IMMUNE_STATUS_AFTER.test(after)) return true;
  // "Seen in the Cancer Genetics Clinic": a capitalised service's name
  if (/^[A-Z]/.test(written) && NAMED_SERVICE_AFTER.test(after)) return true;
  // "fatty infiltration" is the liver's only where the liver is named ("of the rotator cuff" is not).
  const site = SITE_NAMED[m.concept.code];
  if (site && !site.test(text.slice(...lineBounds(text, start)))) return true;
  // "small effusion, medial joint line tenderness": a bare effusion on a joint's line is the joint's, not the chest's.
  if (m.concept.code === '60046008' && /^effusions?$/i.test(text.slice(start, end)) && /\b(?:knee|ankle|elbow|shoulder|hip|wrist|joint|patell\w*|suprapatellar)\b/i.test(text.slice(...lineBounds(text, start)))) return true;
  const near = SITE_NEAR[m.concept.code];
  if (near && NEAR_WORDS.test(text.slice(start, end).replace(/\s+/g, ' ')) && !near.test(surroundings(text, start, end))) return true;
  // (beside an appendicitis, a bare "perforation" is the appendix's rupture, read above)
  if (m.concept.code === INTESTINE_PERFORATION && /^perforation$/i.test(text.slice(start, end)) && besideAppendicitis(surroundings(text, start, end))) return true;
  // "FRAX (with BMD): major osteoporotic fracture 21%, hip 4.1%": a fracture risk score's line names risks, not fractures.
  if (/fracture/i.test(m.concept.display) && (FRACTURE_RISK_BEFORE.test(text.slice(lineBounds(text, start)[0], start)) || RISK_VALUE_AFTER.test(text.slice(end, end + 30)))) return true;
  // "an increased risk of gastric cancer", "the risk of bleeding": a risk spoken of is not a condition (a risk assessment's self-harm is).
  if (RISK_OF.test(text.slice(Math.max(0, start - 40), start)) && !RISK_BEHAVIOUR.test(m.concept.display) && !FALLS.has(m.concept.code)) return true;
  // "to screen for type 2 diabetes": the disease a test looks for (a positive result is a finding).
  // ("The test for coeliac disease was negative": a clear result rules the disease out, as assertion.ts reads it.)
  if (SCREEN_FOR.test(text.slice(Math.max(0, start - 40), start)) && !/^[^.;\n]{0,40}\b(?:positive|detected|confirmed)\b/i.test(after + text.slice(end + 30, end + 45)) && !TEST_FOR_CLEAR_POST.test(after)) return true;
  // "witnessed her fall to the floor", "saw him fall": a verb after a verb of seeing, not a fall.
  if (FALLS.has(m.concept.code) && SEEN_FALL.test(text.slice(Math.max(0, start - 40), start))) return true;
  // "his neighbours were poisoning his water": a verb in the progressive with an object and someone else as its subject
  // ("she was vomiting her tablets" is still her vomiting).
  if (/ing$/i.test(written) && /\b(?:was|were|is|are|been|be)\s+$/i.test(text.slice(Math.max(0, start - 10), start)) && /^\s+(?:his|her|their|the|him|them|me|us|my|our|your|its)\b/i.test(after)
    && !/\b(?:he|she|i|patient|mr|mrs|ms|miss|[A-Z][a-z]+)\s+(?:was|is|has been|had been)\s+$/.test(text.slice(Math.max(0, start - 30), start))) return true;
  // "local recurrence" names a recurrence only in a letter about one cancer the GPS names one for.
  if (m.concept.code === LOCAL_RECURRENCE_BREAST && /recurrence/i.test(written) && !recurrenceSite(text)) return true;
  // A bare "neoplasm" or "metastasis" names a concept only where its sentence names the organ.
  if ((m.concept.code === NEOPLASM || m.concept.code === METASTATIC) && BARE_TUMOUR.test(written) && !tumourSite(m.concept.code, text, start)) return true;
  // A bare word that names the lung's nodule or mass, or alcohol's dependence, only beside the organ or the drinking on its line.
  const bare = BARE_LINE[m.concept.code];
  if (bare && bare[0].test(written) && !bare[1].test(text.slice(...lineBounds(text, start))) && !thyroidNodule(m.concept.code, written, text, start, end)) return true;
  // "NSAIDs are best avoided in patients with complicated diverticular disease": a statement about people in general.
  if (POPULATION_BEFORE.test(text.slice(Math.max(0, start - 50), start))) return true;
  // "to lower the risk of hypoglycaemia": a risk a treatment guards against is not a condition.
  if (/\b(?:lower|lowers|lowering|reduce|reduces|reducing|minimi[sz]e|minimi[sz]es|minimi[sz]ing|prevent|avoid|cut) (?:the |his |her |their )?(?:risk|chance|likelihood) of\s+(?:[\w-]+\s+)?$/i.test(text.slice(Math.max(0, start - 60), start))) return true;
  // "It can cause dizziness when you stand up", "this may make you drowsy": a medicine's possible effect told to the patient, not had.
  if (CAN_CAUSE_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  // "a low potassium, low salt diet", "a low-sodium diet": what a diet limits, not a result
  if (/^low\b/i.test(written) && DIET_AFTER.test(after)) return true;
  // "for creation of a left radiocephalic arteriovenous fistula", "formation of a stoma": what an operation makes
  if (MADE_BEFORE.test(text.slice(Math.max(0, start - 50), start))) return true;
  // "advice about weight loss", "leaflet on falls": the topic of advice, not a finding.
  // ("counselled him about postural dizziness", "warned her about drowsiness": a side effect talked through, not had.)
  if (/\b(?:advice|advised|information|leaflet|counselling|counsell?ed\s+(?:him|her|them)|warned\s+(?:him|her|them)|education|support|signposted)\s+(?:about|on|regarding|re|for)\s+(?:[\w-]+\s+)?$/i.test(text.slice(Math.max(0, start - 40), start))) return true;
  // Test names ("pneumococcal antigens", "hepatitis serology") stay when the letter says they were negative.
  // "coeliac and thyroid screens were normal": coordinated conditions share the test name; a test with no result named is no condition.
  const lead = COORDINATED_LEAD.exec(text.slice(end, end + 80));
  if (lead && !RESULT_AFTER_TEST.test(text.slice(end + lead[0].length, end + lead[0].length + 70))) return true;
  // "pre-treatment screening bloods (hepatitis B, hepatitis C and HIV) have been sent": what a screen looks for, with no result named.
  if (SCREEN_BEFORE.test(text.slice(Math.max(0, start - 80), start)) && !SCREEN_RESULT.test(sentenceRest(text, end))) return true;
  // "referred on the suspected lower GI cancer pathway": the cancer a suspected-cancer referral names for an organ is the query itself.
  const suspectedReferral = SUSPECTED_BEFORE.test(text.slice(Math.max(0, start - 30), start)) && /^\s*(?:pathway|referral)\b/i.test(after) && ORGAN_CANCER.test(written);
  if (MODIFIED.test(after) && !suspectedReferral && !/^[\s-]*(?:(?:urine|urinary|blood|serum|stool)\s+)?(?:serology|antigens?|ag|pcr|swab|tests?|screen)\b(?:(?!\n\s*\n)[^.;]){0,50}\b(?:negative|neg\b|positive|pos\b|not detected|detected|normal|unremarkable)/i.test(text.slice(end, end + 70))) return true;
  // "Clinic: Early Inflammatory Arthritis", "Service: Heart Failure": a labelled header line names the service.
  if (SERVICE_LABEL.test(text.slice(lineBounds(text, start)[0], start))) return true;
  const line = lineOf(text, start);
  // "ENDOSCOPY UNIT REPORT - COLONOSCOPY": a report's title names the procedure it reports, beside the unit that did it.
  if (serviceLine(line, start < LETTERHEAD_CHARS) && !(m.concept.tag === 'procedure' && REPORT_TITLE.test(line) && !MODIFIED.test(after))) return true;
  return false;
}

/** Evidence for a mention: the matched words, verbatim, with the section title. */
export function quoted(letter: Letter, m: { start: number; end: number; section: Section }): Evidence {
  return { quote: letter.text.slice(m.start, m.end), start: m.start, end: m.end, ...(m.section.title ? { section: m.section.title } : {}) };
}

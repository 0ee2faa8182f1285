// Narrative section detection: the headings UK letters use ("PMH:", "Imp:", "DIAGNOSES THIS
// ADMISSION", "Actions for GP", "Medication on discharge") mapped to UK Core
// RecordStandardHeadings codes, so that text letters get the same section codes structured
// letters carry. Sections also tell extraction what a mention means: a condition under
// "Family history" is a relative's, one under "Allergies" is not a diagnosis.
import type { Section } from '../types.ts';

/** What a section is for, as extraction reads it. */
export type SectionKind =
  | 'diagnoses' | 'pmh' | 'family' | 'social' | 'history' | 'examination' | 'investigations'
  | 'procedures' | 'medications' | 'allergies' | 'plan' | 'actions' | 'advice' | 'summary' | 'admin' | 'signature' | 'other'
  // "Excluded", "Diagnoses ruled out": a list of conditions considered and ruled out
  | 'excluded';

interface HeadingRule { re: RegExp; code?: string; kind: SectionKind }

// Order matters: the first rule whose pattern matches the whole heading wins.
const RULES: HeadingRule[] = [
  { re: /^(?:family (?:medical )?history|fh|fhx|family hx)$/, code: 'family-history', kind: 'family' },
  { re: /^(?:social (?:history|circumstances|situation|context)|sh|shx|social hx|social|lifestyle|smoking(?: status)?|alcohol)$/, code: 'social-circumstances', kind: 'social' },
  { re: /^(?:(?:relevant )?(?:past|previous) (?:medical )?(?:and surgical )?(?:history|hx)|(?:relevant )?past medical(?:,)? (?:and )?surgical history|pmh|pmhx|pmh\/psh|medical history|background|background history|comorbidities|co-morbidities|relevant medical history|past history|significant past medical history|relevant pmh|comorbid conditions|relevant background|(?:past )?surgical history|past surgical and medical history|psh|(?:past )?psychiatric history|past medical,? surgical and psychiatric history)$/, code: 'relevant-past-medical-surgical-and-mental-health-history', kind: 'pmh' },
  { re: /^(?:(?:primary |secondary |principal |main |working |final |discharge |provisional |new |clinical |differential )?diagnos[ie]s(?: (?:this|on) (?:admission|discharge|attendance))?|dx|diagnoses and problems|imp|impression|clinical impression|opinion|conclusions?|assessment|outcome of (?:assessment|investigation)|problems?(?: list)?|(?:active|current|ongoing|other|other medical|other active|main|medical|antenatal|postnatal|antenatal and postnatal|obstetric|perinatal) (?:problems|issues)|problems and issues|summary of diagnoses|reason for (?:admission|attendance)|presenting problem|condition treated|interpretation|(?:other )?problems (?:this|during) (?:admission|attendance|stay)|complications|summary of problems|other diagnoses|(?:key |clinical |main )?issues(?: (?:this|during) (?:admission|attendance|stay))?|clinical problems|key problems)$/, code: 'diagnoses', kind: 'diagnoses' },
  // a problem list's own subheadings: "Active / Excluded / Past"
  { re: /^(?:past|previous|historical|inactive(?: problems)?|past problems|resolved problems)$/, code: 'relevant-past-medical-surgical-and-mental-health-history', kind: 'pmh' },
  { re: /^(?:excluded|ruled out|(?:conditions|diagnoses|differentials?(?: diagnos[ie]s)?) (?:excluded|ruled out)|excluded (?:diagnoses|conditions))$/, kind: 'excluded' },
  { re: /^(?:procedures?(?: performed| this admission| undertaken)?|operations?(?: performed| note)?|operative (?:findings|procedure|note)|surgery|surgical procedures?|intervention|interventions|treatment(?:s)?(?: given| (?:in|on) (?:ed|a&e|a and e|the department|the ward|hospital))?|treatment(?:s)? (?:given|and interventions)|treatments and interventions)$/, code: 'procedures', kind: 'procedures' },
  { re: /^(?:investigations?(?: and results)?|results|investigation results|relevant investigations|key investigations|tests|blood results|bloods|imaging|radiology|findings|report|ecg|echo(?:cardiogram)?|histology)$/, code: 'investigation-results', kind: 'investigations' },
  { re: /^(?:examination(?: findings)?|o\/e|on examination|clinical examination|exam|mental state examination|mse)$/, code: 'examination-findings', kind: 'examination' },
  { re: /^(?:allerg(?:y|ies)(?: and (?:adverse|drug) reactions?| and intolerances)?|drug allerg(?:y|ies)|adverse reactions?|allergies\/adverse reactions|alerts)$/, code: 'allergies-and-adverse-reaction', kind: 'allergies' },
  { re: /^(?:(?:discharge |current |regular |new |usual )?medications?(?: (?:on|at) discharge| changes| on admission| summary)?|medicines(?: on discharge| changes)?|(?:discharge )?drugs|tto|ttos|ttas?|changes to medication|medication changes|medications and medical devices|current drugs|drug history|dhx|dh|rx)$/, code: 'medications-and-medical-devices', kind: 'medications' },
  { re: /^(?:(?:actions?|requests?|recommendations?|tasks?) for (?:the )?(?:gp|general practitioner|(?:gp |general )?practice|gp surgery|surgery)|gp actions?|gp to(?: do| action)?|action for gp|(?:information|actions) for (?:the )?gp|gp follow[- ]up|requested actions|for (?:the|your) (?:gp|practice|gp practice|gp surgery|surgery)|i would be grateful if you could|please could you|actions required|requests? to (?:the )?(?:gp|practice))$/, code: 'actions', kind: 'actions' },
  { re: /^(?:advice|information (?:and advice )?given|advice given|advice (?:given )?to (?:the )?patient|information for (?:the )?patient|safety[- ]netting|actions for (?:the )?(?:patient|carer)(?: or (?:their )?carer)?|patient information|(?:patient|pt) (?:was )?advi(?:c|s)e(?:d)?|safety[- ]net(?:ting)? advice)$/, code: 'information-and-advice-given', kind: 'advice' },
  { re: /^(?:hospital(?: \/ other)? actions|other actions|(?:patient|community|team|ward|hospital and (?:patient|community)) actions|(?:[a-z]+ ){0,3}team plan|(?:the )?(?:hospital|team|ward|clinic|we) will(?: arrange| do)?|actions for (?:the )?(?:hospital|team)|hospital follow[- ]up|follow[- ]?up(?: arrangements| plan)?(?: and (?:actions|plan|requests|recommendations))?|(?:our |the |my |further )?plan(?: and requested actions)?|management(?: plan)?|treatment plan|recommendations?|next steps|future management|ongoing management)$/, code: 'plan-and-requested-actions', kind: 'plan' },
  { re: /^(?:(?:history of )?presenting complaint|pc|hpc|hx|c\/o|history|clinical history|clinical details|clinical information|clinical indication|indication|reason for referral|referral reason|presentation|symptoms|consultation)$/, code: 'history', kind: 'history' },
  { re: /^(?:(?:clinical |discharge |brief )?summary|clinical narrative|course in hospital|hospital course|progress|inpatient course|summary of (?:admission|attendance)|narrative|discussion|comments?|what happened)$/, code: 'clinical-summary', kind: 'summary' },
];

const CODE_KINDS: Record<string, SectionKind> = {
  'family-history': 'family', 'social-circumstances': 'social', 'social-context': 'social', lifestyle: 'social',
  'relevant-past-medical-surgical-and-mental-health-history': 'pmh', 'past-health-characteristics': 'pmh',
  diagnoses: 'diagnoses', diagnosis: 'diagnoses', problems: 'diagnoses', 'problems-and-issues': 'diagnoses',
  procedures: 'procedures', 'procedures-and-therapies': 'procedures', 'treatments-and-interventions': 'procedures',
  'investigation-results': 'investigations', 'investigations-and-results': 'investigations', 'test-result': 'investigations',
  'examination-findings': 'examination', 'allergies-and-adverse-reaction': 'allergies',
  'medications-and-medical-devices': 'medications', 'active-medications': 'medications', 'discontinued-medications': 'medications',
  'acute-medication': 'medications', 'repeat-medication': 'medications',
  actions: 'actions', 'plan-and-requested-actions': 'plan', plan: 'plan', 'information-and-advice-given': 'advice', 'information-given': 'advice', 'medical-follow-up': 'plan',
  history: 'history', 'presenting-complaints-or-issues': 'history', 'reason-for-admission': 'history', 'reason-for-referral': 'history',
  'clinical-summary': 'summary', 'clinical-narrative': 'summary',
  'patient-demographics': 'admin', 'general-practitioner-practice': 'admin', 'gp-practice': 'admin', 'person-completing-record': 'admin',
  'distribution-list': 'admin', 'admission-details': 'history', 'discharge-details': 'admin', 'attendance-details': 'history',
  'referrer-details': 'admin', 'outpatient-details': 'admin', 'contact-for-further-information': 'admin', 'person-demographics': 'admin',
};

// "[ PRIMARY DIAGNOSIS ]", "== PLAN ==", "*** Diagnoses ***", ">> DIAGNOSIS ON DISCHARGE", "<< Plan >>": the decoration is not the heading's.
const normHeading = (s: string) => s.toLowerCase().replace(/&/g, ' and ').replace(/[’']/g, "'").replace(/\s+/g, ' ').replace(/^[\s\-–*•#=\[\d.)>»<«]+/, '').replace(/[\s:.\-–*=#\]<>«»]+$/, '').trim();

const TRAILING_PAREN = /\s*\((?:icd[- ]?1[01]|icd|snomed(?: ct)?|read(?: codes?)?|active|current|ongoing|new|in order[^()]{0,20}|most recent first|if any|(?:with|and) dates?|where known|chronological|ranked|numbered)\)$/;

/** The rule for a heading text, if it is one UK letters use. */
export function classifyHeading(title: string): { code?: string; kind: SectionKind } | undefined {
  const h = normHeading(title);
  if (!h) return undefined;
  for (const r of RULES) if (r.re.test(h)) return { code: r.code, kind: r.kind };
  // "Diagnoses (ICD-10)", "Problems (active)": a short parenthetical after a known heading qualifies it.
  const bare = h.replace(TRAILING_PAREN, '');
  if (bare !== h && bare) for (const r of RULES) if (r.re.test(bare)) return { code: r.code, kind: r.kind };
  // "DIAGNOSIS / CONCLUSION", "Secondary diagnoses / complications": a joint heading is its first known part's.
  if (h.includes('/')) {
    for (const part of h.split(/\s*\/\s*/)) {
      if (part.length < 3) continue;
      for (const r of RULES) if (r.re.test(part)) return { code: r.code, kind: r.kind };
    }
  }
  return undefined;
}

/** What a section is for: from its heading code, else its title. */
export function sectionKind(s: Pick<Section, 'title' | 'code'> | undefined): SectionKind {
  if (!s) return 'other';
  if (s.code && CODE_KINDS[s.code]) return CODE_KINDS[s.code];
  if (SIGN_OFF.test(s.title)) return 'signature';
  return classifyHeading(s.title)?.kind ?? 'other';
}

const SIGN_OFF = /^(?:yours (?:sincerely|faithfully)|kind regards|with best wishes|best wishes|many thanks|dictated(?: but not read)?|cc)\b/i;

/** An abbreviated heading then two or more spaces, then its text. */
const ABBREVIATED = /^((?:[A-Za-z]{1,2}\/[A-Za-z]{1,2})|[A-Z][A-Za-z]{1,4})\s{2,}(\S.*)$/;

interface Heading { title: string; code?: string; lineStart: number; bodyStart: number; inline?: boolean }

/**
 * Headings are lines that are a known heading (optionally ending with ":"), a known heading
 * followed by ":" and text on the same line ("Imp: viral URTI"), or an unknown heading written in
 * capitals on its own line. A section runs from after its heading to the next heading.
 */
export function detectSections(text: string): Section[] {
  const heads: Heading[] = [];
  let pos = 0;
  let prev = '';
  for (const line of text.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    const trimmed = line.trim();
    const before = prev;
    // A lower-case line after one that has not ended wraps it ("…without psychotic / symptoms"): not a heading.
    const wraps = /^[a-z]/.test(trimmed) && /[A-Za-z,]$/.test(prev);
    prev = trimmed;
    if (!trimmed) continue;
    // A heading line is short; an inline heading ("Clinical details: …") may open a long line.
    const long = trimmed.length > 90;
    const lead = line.length - line.trimStart().length;
    const whole = wraps || long ? undefined : classifyHeading(trimmed);
    if (whole && trimmed.split(/\s+/).length <= 10) {
      heads.push({ title: trimmed.replace(/[:\s]+$/, ''), code: whole.code, lineStart, bodyStart: Math.min(pos, text.length) });
      continue;
    }
    const inline = /^([A-Za-z][A-Za-z /&'’,()\-]{0,60}?)\s*[:–]\s+(\S.*)$/.exec(trimmed) ?? /^([A-Z][A-Z /&'’,\-]{1,60}?)\s*-\s+(\S.*)$/.exec(trimmed)
      // "PMH  T2DM, obesity", "O/E  T 37.9": a clerking note's abbreviated heading, set off by spaces alone.
      ?? ABBREVIATED.exec(trimmed);
    if (inline) {
      const c = classifyHeading(inline[1]);
      if (c) {
        const bodyStart = lineStart + lead + trimmed.indexOf(inline[2], inline[1].length);
        heads.push({ title: inline[1].trim(), code: c.code, lineStart, bodyStart, inline: true });
        continue;
      }
    }
    if (long) continue;
    // A sign-off ends the letter's body; "Dictated …" at the top of a letter is only a typing note.
    if (SIGN_OFF.test(trimmed) && (lineStart > text.length * 0.5 || /^(?:yours|kind regards|with best|best wishes)/i.test(trimmed))) { heads.push({ title: trimmed.replace(/[:,\s]+$/, ''), lineStart, bodyStart: Math.min(pos, text.length) }); continue; }
    // An unknown heading in capitals on its own line ("HOSPITAL COURSE") still ends the section before it.
    // "GORD", "COPD" alone on a line in a list of conditions is an item: one short word in capitals
    // straight after another line (a heading or an item, no blank line between) is an abbreviation, not a heading.
    if (/^[A-Z]{3,5}$/.test(trimmed) && before) continue;
    if (/^[A-Z][A-Z &/,()'’\-]{3,60}:?$/.test(trimmed) && /[A-Z]{3}/.test(trimmed) && trimmed.split(/\s+/).length <= 7) {
      heads.push({ title: trimmed.replace(/[:\s]+$/, ''), lineStart, bodyStart: Math.min(pos, text.length) });
    }
  }
  const out: Section[] = [];
  const first = heads[0]?.lineStart ?? text.length;
  if (first > 0 || !heads.length) out.push({ title: '', start: 0, end: first });
  heads.forEach((h, i) => {
    const end = Math.max(h.bodyStart, i + 1 < heads.length ? heads[i + 1].lineStart : text.length);
    const kind = h.code ? sectionKind({ title: h.title, code: h.code }) : 'other';
    // "Background: …" on a line of its own paragraph: the heading covers that paragraph only.
    const listEnd = LIST_KINDS.has(kind) ? endOfList(text, h.bodyStart, end) : h.inline ? endOfParagraph(text, h.bodyStart, end) : end;
    out.push({ title: h.title, ...(h.code ? { code: h.code } : {}), start: h.bodyStart, end: listEnd });
    // Prose after a list ("Medication changes:" … then "Thank you for referring …") is the letter's narrative again.
    if (listEnd < end) out.push({ title: '', start: listEnd, end });
  });
  return out;
}

/** Sections that are lists: they end at a blank line or where prose resumes. */
const LIST_KINDS: Set<SectionKind> = new Set(['medications', 'allergies', 'admin']);
const DOSE = /\d\s*(?:mg|mcg|micrograms?|g|units?|ml|%)\b|\b(?:od|bd|tds|qds|nocte|prn|once|twice|daily)\b/i;

/**
 * An inline heading's text ends with its paragraph: at a blank line, or (in text without blank
 * lines, as PDFs give) where a line ending a sentence is followed by one that is not a list item.
 */
function endOfParagraph(text: string, from: number, to: number): number {
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl >= to) return to;
    const line = text.slice(pos, nl);
    const next = text.slice(nl + 1, Math.min(to, nl + 200));
    if (/^[ \t]*(?:\n|$)/.test(next)) return nl + 1;
    if (/[.:]\s*$/.test(line) && !/^\s*(?:[-*•]|\d+[.)])/.test(next)) return nl + 1;
    pos = nl + 1;
  }
  return to;
}

export function endOfList(text: string, from: number, to: number): number {
  let pos = from;
  let seen = false;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    const line = text.slice(pos, nl);
    if (!line.trim()) { if (seen) return pos; }
    else {
      if (seen && line.length >= 70 && /^[A-Z][a-z]+\s/.test(line.trim()) && !DOSE.test(line)) return pos;
      seen = true;
    }
    pos = nl + 1;
  }
  return to;
}

/** The section holding an offset: the innermost (latest-starting) one that contains it. */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) if (offset >= s.start && offset < s.end && (!best || s.start >= best.start)) best = s;
  return best;
}

/** Bounds [start, end) of the line around an offset, looking at most `max` characters either way. */
export function lineBounds(text: string, at: number, max = 300): [number, number] {
  const lo = Math.max(0, at - max);
  const back = text.lastIndexOf('\n', at - 1);
  const start = back >= lo ? back + 1 : lo;
  const hi = Math.min(text.length, at + max);
  const fwd = text.indexOf('\n', at);
  const end = fwd >= 0 && fwd <= hi ? fwd : hi;
  return [start, end];
}

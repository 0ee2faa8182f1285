// Structured entries of an R4 document: coded Conditions, Procedures and FamilyMemberHistory
// taken as the sender coded them (codes checked against the terminology), their clinical and
// verification status read as assertions, and evidence found where the entry's text or display
// appears in the letter's text rendition. The procedure policy is the narrative one: a coded
// "Mechanically assisted spontaneous ventilation" is still not a procedure. Medications and
// actions are filled by their own finders.
import type { Bundle, Condition, Procedure, FamilyMemberHistory, CodeableConcept, Composition, CompositionSection } from 'fhir/r4';
import type { Letter, Extraction, DiagnosisItem, ProcedureItem, Assertion, Evidence, Section } from '../types.ts';
import { SNOMED } from '../types.ts';
import type { ExtractContext } from './index.ts';
import type { Terminology } from '../../terminology/index.ts';
import { countsAsProcedure, isLexiconProcedure } from './procedures.ts';
import { conceptIndex, matchConcepts } from './concepts.ts';

export function extractStructured(letter: Letter, ctx: ExtractContext): Extraction {
  const out: Extraction = { diagnoses: [], procedures: [], medications: [], actions: [], urgent: [] };
  const doc = letter.document;
  if (!doc?.entry?.length) return out;
  const t = ctx.terminology;
  const sectionOf = sectionsByReference(doc, letter.sections);
  const seen = new Set<string>();
  for (const e of doc.entry) {
    const r = e.resource;
    if (!r) continue;
    const section = sectionOf.get(e.fullUrl ?? '') ?? sectionOf.get(`${r.resourceType}/${r.id}`);
    if (r.resourceType === 'Condition') {
      const d = fromCondition(r, t, letter, section);
      if (d && !seen.has(`${d.code}|own`)) { seen.add(`${d.code}|own`); out.diagnoses.push(d); }
    } else if (r.resourceType === 'FamilyMemberHistory') {
      for (const d of fromFamilyHistory(r, t, letter, section)) {
        if (seen.has(`${d.code}|family`)) continue;
        seen.add(`${d.code}|family`);
        out.diagnoses.push(d);
      }
    } else if (r.resourceType === 'Procedure') {
      const p = fromProcedure(r, t, letter, section);
      if (p && !out.procedures.some((x) => x.code === p.code)) out.procedures.push(p);
    }
  }
  return out;
}

function snomedCode(cc: CodeableConcept | undefined, t: Terminology): { code: string; display: string } | undefined {
  for (const c of cc?.coding ?? []) {
    if (c.system !== SNOMED || !c.code) continue;
    const concept = t.get(c.code);
    if (concept) return { code: c.code, display: concept.display };
  }
  return undefined;
}

const statusOf = (cc: CodeableConcept | undefined) => cc?.coding?.find((c) => c.code)?.code;

export function conditionAssertion(c: Pick<Condition, 'clinicalStatus' | 'verificationStatus'>): Assertion | undefined {
  const ver = statusOf(c.verificationStatus);
  const clin = statusOf(c.clinicalStatus);
  if (ver === 'entered-in-error') return undefined;
  if (ver === 'refuted') return 'negated';
  if (ver === 'provisional' || ver === 'differential' || ver === 'unconfirmed') return 'possible';
  if (clin === 'inactive' || clin === 'resolved' || clin === 'remission') return 'historical';
  return 'present';
}

function fromCondition(c: Condition, t: Terminology, letter: Letter, section?: Section): DiagnosisItem | undefined {
  const code = snomedCode(c.code, t);
  const assertion = conditionAssertion(c);
  if (!code || !assertion) return undefined;
  const names = [c.code?.text, ...(c.code?.coding ?? []).map((x) => x.display), code.display];
  const evidence = findEvidence(letter, names, section, undefined, { code: code.code, t });
  const item: DiagnosisItem = { ...code, assertion, evidence, source: 'structured' };
  if (names.some((n) => !!n && n.trim().toLowerCase() === evidence.quote.toLowerCase()) || ROW_EVIDENCE.has(evidence)) WRITTEN.add(item);
  return item;
}

/** Coded entries whose evidence is the sender's own words for them (the entry's text, or its table row's name). */
const WRITTEN = new WeakSet<DiagnosisItem>();
/**
 * The sender's words for a coded entry ("Left periorbital haematoma" coded as "Contusion of eye"), where the letter
 * shows them: the narrative's reading of the same words is that entry again, whatever concept it finds.
 */
export const senderWords = (d: DiagnosisItem): string | undefined => (WRITTEN.has(d) ? d.evidence.quote : undefined);

function fromFamilyHistory(f: FamilyMemberHistory, t: Terminology, letter: Letter, section?: Section): DiagnosisItem[] {
  if (f.status === 'entered-in-error') return [];
  const relative = f.relationship?.text ?? f.relationship?.coding?.[0]?.display;
  const out: DiagnosisItem[] = [];
  for (const cond of f.condition ?? []) {
    const code = snomedCode(cond.code, t);
    if (!code) continue;
    const names = [cond.code?.text, ...(cond.code?.coding ?? []).map((x) => x.display), code.display];
    out.push({ ...code, assertion: 'family', ...(relative ? { relative: relative.toLowerCase() } : {}), evidence: findEvidence(letter, names, section, relative), source: 'structured' });
  }
  return out;
}

function fromProcedure(p: Procedure, t: Terminology, letter: Letter, section?: Section): ProcedureItem | undefined {
  if (p.status && p.status !== 'completed' && p.status !== 'in-progress') return undefined;
  const code = snomedCode(p.code, t);
  if (!code) return undefined;
  const concept = t.get(code.code)!;
  if (!countsAsProcedure(concept, isLexiconProcedure(t, code.code))) return undefined;
  const date = (p.performedDateTime ?? p.performedPeriod?.start)?.slice(0, 10);
  const names = [p.code?.text, ...(p.code?.coding ?? []).map((x) => x.display), code.display];
  return { ...code, ...(date ? { date } : {}), evidence: findEvidence(letter, names, section, undefined, { code: code.code, t }), source: 'structured' };
}

/** Composition section (as rendered into letter.sections) of each entry reference. */
function sectionsByReference(doc: Bundle, sections: Section[]): Map<string, Section> {
  const comp = doc.entry?.find((e) => e.resource?.resourceType === 'Composition')?.resource as Composition | undefined;
  const out = new Map<string, Section>();
  let i = 0;
  // render.ts renders composition sections depth first, in order, each under its title.
  const walk = (list: CompositionSection[] | undefined) => {
    for (const s of list ?? []) {
      const title = s.title ?? s.code?.text ?? s.code?.coding?.[0]?.display ?? '';
      const k = sections.findIndex((x, j) => j >= i && x.title === title);
      const rendered = k >= 0 ? sections[k] : undefined;
      if (k >= 0) i = k + 1;
      for (const ref of s.entry ?? []) if (ref.reference && rendered) out.set(ref.reference, rendered);
      walk(s.section);
    }
  };
  walk(comp?.section);
  return out;
}

/**
 * Where the entry is written in the letter: the first of its names found verbatim (ignoring
 * case), in its own section first, then anywhere; then the row naming its words; then a term for its concept in
 * its section; failing that, its section's first line. A
 * family entry prefers the sentence naming the relative.
 */
export function findEvidence(letter: Letter, names: (string | undefined)[], section?: Section, relative?: string, concept?: { code: string; t: Terminology }): Evidence {
  const text = letter.text;
  const lower = text.toLowerCase();
  const ranges: [number, number][] = section ? [[section.start, section.end], [0, text.length]] : [[0, text.length]];
  const wanted = [...new Set(names.filter((n): n is string => !!n && n.trim().length > 1).map((n) => n.trim()))];
  if (relative) wanted.unshift(relative);
  for (const [from, to] of ranges) {
    for (const n of wanted) {
      const at = lower.indexOf(n.toLowerCase(), from);
      if (at >= 0 && at + n.length <= to) return evidence(text, at, at + n.length, section);
    }
  }
  // "Sprain of left ankle (lateral ligament complex)" for a coded "Sprain of ankle": the row whose name holds the entry's words.
  // (an entry the document files under no rendered section is looked for in the letter's diagnosis sections)
  const rows = section ? [section] : letter.sections.filter((s) => DIAGNOSIS_TITLE.test(s.title));
  let row: [number, number] | undefined;
  for (const s of relative ? [] : rows) if ((row = namingRow(text, wanted, s))) break;
  if (row) { const e = evidence(text, row[0], row[1], section); ROW_EVIDENCE.add(e); return e; }
  // "Hypertension" in the section for a coded "Hypertensive disorder, systemic arterial": the letter's own term for the concept
  // (in the diagnosis sections, for an entry filed under none)
  if (concept) {
    for (const s of rows) {
      if (s.end <= s.start) continue;
      const m = matchConcepts(conceptIndex(concept.t), text, s.start, s.end).find((x) => x.codes.includes(concept.code));
      if (m) return evidence(text, m.start, m.end, section ?? s);
    }
  }
  if (section && section.end > section.start) {
    const nl = text.indexOf('\n', section.start);
    const end = nl < 0 || nl > section.end ? section.end : nl;
    if (end > section.start) return evidence(text, section.start, end, section);
  }
  return evidence(text, 0, Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')), section);
}

const DIAGNOSIS_TITLE = /\b(?:diagnos[ei]s|problems?)\b/i;
/** Evidence found as a table row's name rather than verbatim. */
const ROW_EVIDENCE = new WeakSet<Evidence>();
/** Words of a name that must all appear in a row's name for the row to be the entry's (stems, so "haematoma" finds "hematoma"). */
const stems = (name: string) => name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4 && !ROW_FILLER.has(w)).map((w) => w.replace(/ae/g, 'e').replace(/oe/g, 'e').slice(0, 6));
const ROW_FILLER = new Set(['with', 'without', 'left', 'right', 'disorder', 'finding', 'structure']);
/** The first cell of a line of the section that holds every word of one of the names, if exactly one line does. */
function namingRow(text: string, names: string[], section: Section): [number, number] | undefined {
  const body = text.slice(section.start, section.end);
  for (const n of names) {
    const want = stems(n);
    if (!want.length) continue;
    let found: [number, number] | undefined;
    let pos = 0;
    for (const line of body.split('\n')) {
      const cell = line.split('\t')[0];
      const have = stems(cell);
      if (cell.length <= 120 && want.every((w) => have.includes(w))) {
        if (found) { found = undefined; break; }
        found = [section.start + pos, section.start + pos + cell.length];
      }
      pos += line.length + 1;
    }
    if (found) return found;
  }
  return undefined;
}

function evidence(text: string, start: number, end: number, section?: Section): Evidence {
  return { quote: text.slice(start, end), start, end, ...(section?.title ? { section: section.title } : {}) };
}

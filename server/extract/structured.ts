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
  return { ...code, assertion, evidence: findEvidence(letter, names, section), source: 'structured' };
}

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
  return { ...code, ...(date ? { date } : {}), evidence: findEvidence(letter, names, section), source: 'structured' };
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
 * case), in its own section first, then anywhere; failing that, its section's first line. A
 * family entry prefers the sentence naming the relative.
 */
export function findEvidence(letter: Letter, names: (string | undefined)[], section?: Section, relative?: string): Evidence {
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
  if (section && section.end > section.start) {
    const nl = text.indexOf('\n', section.start);
    const end = nl < 0 || nl > section.end ? section.end : nl;
    if (end > section.start) return evidence(text, section.start, end, section);
  }
  return evidence(text, 0, Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')), section);
}

function evidence(text: string, start: number, end: number, section?: Section): Evidence {
  return { quote: text.slice(start, end), start, end, ...(section?.title ? { section: section.title } : {}) };
}

// Narrative diagnoses: one item per concept mentioned, with the letter's final word on it
// ("?PE … PE excluded" is negated). Policy from the extraction guidelines: allergies are not
// diagnoses (mentions.ts), routine absent symptoms are not coded, symptoms a named diagnosis
// explains are not coded, smoking status and other problems are coded wherever stated.
import type { Letter, DiagnosisItem, ProcedureItem } from '../types.ts';
import type { ExtractContext } from './index.ts';
import { conceptIndex, type ConceptIndex } from './concepts.ts';
import type { SectionKind } from './sections.ts';
import { collectMentions, quoted, type Mention } from './mentions.ts';
import { proceduresFrom } from './procedures.ts';

const DX_TAGS = new Set(['disorder', 'finding', 'situation', 'morphologic abnormality', 'event']);

export function findConditions(letter: Letter, ctx: ExtractContext): { diagnoses: DiagnosisItem[]; procedures: ProcedureItem[] } {
  const idx = conceptIndex(ctx.terminology);
  const mentions = collectMentions(letter, idx);
  return { diagnoses: diagnosesFrom(mentions, letter, idx), procedures: proceduresFrom(mentions, letter, ctx.terminology) };
}

/** One item per concept (and per family/own), with the status the letter ends on. */
function diagnosesFrom(mentions: Mention[], letter: Letter, idx: ConceptIndex): DiagnosisItem[] {
  const byKey = new Map<string, Mention[]>();
  // A letter that names a diagnosis explains its symptoms by it.
  const hasDiagnosisList = mentions.some((m) => m.concept.tag === 'disorder' && !idx.symptoms.has(m.concept.code) && m.ctx.assertion === 'present');
  for (const m of mentions) {
    if (!DX_TAGS.has(m.concept.tag) || !keepDiagnosis(m, hasDiagnosisList, idx)) continue;
    const key = `${m.concept.code}|${m.ctx.assertion === 'family' ? 'family' : 'own'}`;
    const list = byKey.get(key);
    if (list) list.push(m); else byKey.set(key, [m]);
  }
  const out: DiagnosisItem[] = [];
  for (const list of byKey.values()) {
    const chosen = finalStatus(list);
    out.push({
      code: chosen.concept.code, display: chosen.concept.display, assertion: chosen.ctx.assertion,
      ...(chosen.ctx.relative ? { relative: chosen.ctx.relative } : {}),
      evidence: quoted(letter, chosen), source: 'narrative',
    });
  }
  return dropGeneric(out).sort((a, b) => a.evidence.start - b.evidence.start);
}

const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && w !== 'of' && w !== 'disorder'));

/** A concept "due to" or "with" another is a complication: the other still stands on its own. */
const COMPLICATION = /\b(?:due to|with|without|associated|and|caused|following|secondary|co-occurrent|in|exacerbation)\b/i;

const narrower = (specific: DiagnosisItem, general: DiagnosisItem) => specific.display.length > general.display.length
  && !COMPLICATION.test(specific.display) && [...words(general.display)].every((w) => words(specific.display).has(w));

/**
 * "Atrial fibrillation" beside "Paroxysmal atrial fibrillation" (same assertion) says nothing
 * more; and "?paroxysmal AF … no atrial fibrillation detected" rules the narrower query out too.
 */
function dropGeneric(items: DiagnosisItem[]): DiagnosisItem[] {
  return items.filter((a) => !items.some((b) => b !== a && (
    (b.assertion === a.assertion && narrower(b, a))
    || (a.assertion === 'possible' && b.assertion === 'negated' && narrower(a, b) && b.evidence.start > a.evidence.start))));
}

/** Findings (symptoms, signs) are coded where the letter lists them as problems, not as narrative of the illness. */
const NARRATIVE: Set<SectionKind> = new Set(['summary', 'history', 'examination', 'other', 'investigations', 'plan', 'actions', 'social', 'pmh']);

/** FSN disorders that name a symptom ("Coffee ground vomiting", "Right upper quadrant pain"). */
const SYMPTOM_NAME = /\b(?:pain|ache|vomiting|nausea|cough|swelling|itch|itching|rash|discharge|fever|dizziness|weakness|numbness|tingling|stiffness|cramps?|spasm|palpitations?|sweating|fatigue|malaise|bleeding)\b/i;

function keepDiagnosis(m: Mention, hasDiagnosisList: boolean, { problems, symptoms, risks }: ConceptIndex): boolean {
  // Symptoms: the lexicon marks them; a finding known only by its FSN is treated as one.
  const finding = symptoms.has(m.concept.code) || (!m.fromLexicon && (m.concept.tag === 'finding' || SYMPTOM_NAME.test(m.concept.display)));
  // Conditional wording ("if his proteinuria remains…") and "no family history of" state nothing.
  if (m.ctx.conditional || m.ctx.familyDenied || m.ctx.negSince) return false;
  // Risks (suicidal ideation) count whenever stated, denials included.
  if (risks.has(m.concept.code)) return m.ctx.assertion !== 'negated' || !m.ctx.listed;
  // Routine absent symptoms ("no vomiting", "no dizziness or palpitations") are not coded.
  if (m.ctx.assertion === 'negated' && m.ctx.weakNegation && finding) return false;
  // Problems (falls, smoking status) count wherever the letter states them.
  if (problems.has(m.concept.code) || /smok|tobacco|cigar/i.test(m.concept.display)) return true;
  // Negatives in a history, an examination or a plan, or in a list of negatives, are routine: not conditions ruled out.
  if (m.ctx.assertion === 'negated' && m.ctx.weakNegation && (m.ctx.listed || m.inExam || m.kind === 'history' || m.kind === 'examination' || m.kind === 'plan' || m.kind === 'actions')) return false;
  // A bare "no A or B" in the narrative is a history's negatives; a report's "no AF or flutter" is a finding.
  if (m.ctx.assertion === 'negated' && m.ctx.weakNegation && m.ctx.paired && m.kind !== 'investigations' && m.kind !== 'diagnoses') return false;
  // A finding by its FSN only (not a UK phrase the lexicon lists) is too often a passing remark.
  if (m.concept.tag === 'finding' && !m.fromLexicon && m.ctx.assertion !== 'family' && m.kind !== 'diagnoses') return false;
  if (finding && m.ctx.assertion === 'historical' && m.kind !== 'diagnoses') return false;
  // Symptoms are coded where the letter lists them as problems, not as the story of an illness it names.
  if (finding && m.ctx.assertion === 'present' && (m.kind === 'summary' || (hasDiagnosisList && NARRATIVE.has(m.kind)))) return false;
  // Situations are social facts ("lives alone"); of them only smoking status is coded, unless the lexicon names one.
  if (m.concept.tag === 'situation' && !m.fromLexicon) return false;
  if (m.ctx.planned && (m.kind === 'plan' || m.kind === 'actions')) return false;
  // Medication lists name indications ("sertraline for depression"); reasons for a change are not diagnoses.
  if (m.kind === 'medications' && (m.concept.tag !== 'disorder' || !/\bfor\s+(?:\w+\s+)?$/i.test(m.before))) return false;
  return true;
}

/**
 * The final status rule: the last mention that a trigger qualifies wins ("?PE" then "PE
 * excluded"); plain mentions only count when nothing qualifies the concept. Evidence is the
 * chosen mention.
 */
function finalStatus(list: Mention[]): Mention {
  const explicit = list.filter((m) => m.ctx.explicit);
  if (!explicit.length) return list[0];
  const last = explicit[explicit.length - 1];
  // A condition the diagnosis list states plainly stays present when the narrative later
  // speculates about it or its cause; only ruling it out changes that.
  const listed = list.find((m) => !m.ctx.explicit && m.kind === 'diagnoses');
  if (listed && (last.ctx.assertion === 'historical' || last.ctx.assertion === 'possible')) return listed;
  return last;
}


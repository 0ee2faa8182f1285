// Extraction: structured entries first, narrative second. Each finder is a plain function of
// the Letter; this module merges them so that one finding is reported once, the structured
// version winning where both say the same thing.
import type { Letter, Extraction, DiagnosisItem, MedicationItem, ActionItem, ProcedureItem } from '../types.ts';
import type { Terminology } from '../../terminology/index.ts';
import { extractStructured } from './structured.ts';
import { findConditions } from './diagnoses.ts';
import { findMedicationChanges } from './medications.ts';
import { findActions } from './actions.ts';
import { findUrgency } from './urgency.ts';
import { letterDate } from './dates.ts';
import { readingText } from './reading.ts';

export interface ExtractContext { terminology: Terminology }

export function extract(letter: Letter, ctx: ExtractContext): Extraction {
  const date = letterDate(letter);
  // (quotes are taken back from the letter as sent below)
  const text = readingText(letter.text);
  const dated: Letter = { ...letter, date, text };
  const structured = extractStructured(dated, ctx);
  const narrative = findConditions(dated, ctx, structured.diagnoses);
  const meds = findMedicationChanges(dated, ctx);
  const acts = findActions(dated, ctx);
  const out: Extraction = {
    diagnoses: mergeBy(structured.diagnoses, narrative.diagnoses, (d: DiagnosisItem) => `${d.code}|${d.assertion === 'family' ? 'family' : 'own'}`),
    procedures: mergeBy(structured.procedures, narrative.procedures, (p: ProcedureItem) => p.code),
    // narrative changes are already one per drug and change (findMedicationChanges): one drug
    // changed two ways (tablets increased, enema started) keeps both; a coded entry still wins
    medications: [...structured.medications, ...meds.filter((m) => !structured.medications.some((s) => s.drug === m.drug))],
    actions: mergeBy(structured.actions, acts, (a: ActionItem) => a.text.toLowerCase().replace(/\W+/g, ' ').trim()),
    urgent: [...structured.urgent, ...findUrgency(dated)],
  };
  if (text !== letter.text) {
    for (const item of [...out.diagnoses, ...out.procedures, ...out.medications, ...out.actions]) item.evidence.quote = letter.text.slice(item.evidence.start, item.evidence.end);
    for (const a of out.actions) if (a.source === 'narrative') a.text = a.evidence.quote.replace(/\s+/g, ' ');
    for (const e of out.urgent) e.quote = letter.text.slice(e.start, e.end);
  }
  return out;
}

/** Structured items first; a narrative item is kept only when no earlier item has its key. */
function mergeBy<T>(first: T[], second: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of [...first, ...second]) {
    const k = key(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

// Medication changes: coded MedicationStatements of a structured letter first, then what the
// text says (tables, lists, prose), one item per drug.
import type { Letter, MedicationItem } from '../types.ts';
import type { ExtractContext } from './index.ts';
import { structuredMedicationChanges, structuredUnchanged } from './med-structured.ts';
import { narrativeMedicationChanges } from './med-narrative.ts';

export function findMedicationChanges(letter: Letter, _ctx: ExtractContext): MedicationItem[] {
  const out = structuredMedicationChanges(letter);
  const seen = new Set(out.map((m) => m.drug));
  // a drug the letter codes as continued is not changed, whatever the narrative seems to say
  for (const d of structuredUnchanged(letter)) seen.add(d);
  for (const m of narrativeMedicationChanges(letter)) {
    if (seen.has(m.drug)) continue;
    seen.add(m.drug);
    out.push(m);
  }
  return out;
}

// Narrative medication changes (PLACEHOLDER).
import type { Letter, MedicationItem } from '../types.ts';
import type { ExtractContext } from './index.ts';

export function findMedicationChanges(_letter: Letter, _ctx: ExtractContext): MedicationItem[] {
  return [];
}

// Narrative diagnoses and procedures (PLACEHOLDER: replaced by the concept recogniser).
import type { Letter, DiagnosisItem, ProcedureItem } from '../types.ts';
import type { ExtractContext } from './index.ts';

export function findConditions(_letter: Letter, _ctx: ExtractContext): { diagnoses: DiagnosisItem[]; procedures: ProcedureItem[] } {
  return { diagnoses: [], procedures: [] };
}

// Structured entries of an R4 document (PLACEHOLDER: replaced by the structured extractor).
import type { Letter, Extraction } from '../types.ts';
import type { ExtractContext } from './index.ts';

export function extractStructured(_letter: Letter, _ctx: ExtractContext): Extraction {
  return { diagnoses: [], procedures: [], medications: [], actions: [], urgent: [] };
}

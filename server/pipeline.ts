// The letter's path as plain functions: Letter → extraction → triage → proposed FHIR resources.
// The CLI, the HTTP API and the queue worker all call these.
import type { FhirResource as Resource } from 'fhir/r4';
import type { Letter, Extraction, Triage } from './types.ts';
import { extract, type ExtractContext } from './extract/index.ts';
import { triage } from './triage/index.ts';
import { extractionResources, type Refs } from './extract/fhir.ts';

export interface Assessment {
  extraction: Extraction;
  triage: Triage;
}

export interface Proposal extends Assessment {
  /** Conditions, FamilyMemberHistory, Procedures, MedicationStatements, action Tasks, review Task (last). */
  resources: Resource[];
}

export function assess(letter: Letter, ctx: ExtractContext): Assessment {
  const extraction = extract(letter, ctx);
  return { extraction, triage: triage(letter, extraction) };
}

export function propose(letter: Letter, ctx: ExtractContext, refs: Refs): Proposal {
  const a = assess(letter, ctx);
  return { ...a, resources: extractionResources(a.extraction, a.triage, refs) };
}

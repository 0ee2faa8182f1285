// The letter's path as plain functions: Letter → extraction → triage → proposed FHIR resources.
// The CLI, the HTTP API and the queue worker all call these.
import type { FhirResource as Resource } from 'fhir/r4';
import type { Letter, Extraction, Triage } from './types.ts';
import { extract, type ExtractContext } from './extract/index.ts';
import { triage } from './triage/index.ts';
import { extractionResources, type Refs } from './extract/fhir.ts';

export interface Proposal {
  extraction: Extraction;
  triage: Triage;
  /** Conditions, FamilyMemberHistory, Procedures, MedicationStatements, action Tasks, review Task (last). */
  resources: Resource[];
}

export function propose(letter: Letter, ctx: ExtractContext, refs: Refs): Proposal {
  const extraction = extract(letter, ctx);
  const tr = triage(letter, extraction);
  return { extraction, triage: tr, resources: extractionResources(extraction, tr, refs) };
}

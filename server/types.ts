// Shared shapes of the pipeline: receive → normalise → extract → triage → workflow → store.
// The pipeline is plain functions over these, callable from the CLI, HTTP and the queue alike.
import type { Bundle, FhirResource as Resource } from 'fhir/r4';

/** Base for Postroom's own FHIR artefacts (extensions, code systems, tags). */
export const POSTROOM = 'https://fhir.postroom.dev';
export const EXT_EVIDENCE = `${POSTROOM}/StructureDefinition/evidence`;
export const CS_TASK_CODE = `${POSTROOM}/CodeSystem/task-code`;
export const CS_ACTION_CATEGORY = `${POSTROOM}/CodeSystem/action-category`;
export const CS_ROUTE = `${POSTROOM}/CodeSystem/review-route`;
export const CS_TAG = `${POSTROOM}/CodeSystem/tag`;
export const SNOMED = 'http://snomed.info/sct';
export const NHS_NUMBER = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_CODE = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const UKCORE_HEADINGS = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-RecordStandardHeadings';
export const UKCORE_MED_CHANGE = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationChangeSummary';

export type LetterFormat = 'itk3-stu3-xml' | 'fhir-r4-json' | 'fhir-r4-xml' | 'text' | 'html' | 'pdf';

/** A stretch of the letter's plain-text rendition. */
export interface Section {
  title: string;
  /** UK Core RecordStandardHeadings code where the heading is known (structured letters, or a recognised narrative heading). */
  code?: string;
  /** Character offsets into Letter.text: [start, end). start is the first character after the heading line. */
  start: number;
  end: number;
}

/**
 * A letter as extraction sees it: one plain-text rendition (evidence offsets index into it),
 * its sections, its date, and the R4 document Bundle when the letter was structured.
 */
export interface Letter {
  format: LetterFormat;
  text: string;
  sections: Section[];
  /** ISO date (YYYY-MM-DD) that relative times in the letter count from. */
  date?: string;
  title?: string;
  /** R4 UK Core document Bundle (after STU3 → R4 normalisation), for structured letters. */
  document?: Bundle;
}

/** A verbatim quote of Letter.text. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
  section?: string;
}

export type Assertion = 'present' | 'possible' | 'negated' | 'historical' | 'family';
export type Source = 'structured' | 'narrative';

export interface DiagnosisItem {
  code: string;
  display: string;
  assertion: Assertion;
  /** for family history: the relative (e.g. "mother"), when stated */
  relative?: string;
  evidence: Evidence;
  source: Source;
}

export interface ProcedureItem {
  code: string;
  display: string;
  /** ISO date when the letter gives it */
  date?: string;
  evidence: Evidence;
  source: Source;
}

export type MedicationChange = 'started' | 'stopped' | 'dose-changed' | 'held';

export interface MedicationItem {
  /** generic name, lower case ("ramipril", "co-amoxiclav") */
  drug: string;
  /** SNOMED CT code where known */
  code?: string;
  change: MedicationChange;
  /** dose/instructions as written */
  dosage?: string;
  reason?: string;
  evidence: Evidence;
  source: Source;
}

export type ActionCategory = 'investigation' | 'medication' | 'referral' | 'follow-up' | 'certificate' | 'admin' | 'other';

export interface ActionItem {
  /** the request as written (verbatim, from evidence.quote) */
  text: string;
  category: ActionCategory;
  /** ISO date by which it is asked for, or null */
  due: string | null;
  workloadTransfer: boolean;
  /** why it was flagged as a workload transfer */
  workloadReason?: string;
  evidence: Evidence;
  source: Source;
}

export interface Extraction {
  diagnoses: DiagnosisItem[];
  procedures: ProcedureItem[];
  medications: MedicationItem[];
  actions: ActionItem[];
  /** evidence that the letter itself asks for urgent attention */
  urgent: Evidence[];
}

export type Route = 'file' | 'gp-review';

export interface Triage {
  route: Route;
  priority: 'routine' | 'urgent';
  reasons: string[];
}

export type { Bundle, Resource };

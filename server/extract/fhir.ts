// Extraction and triage → FHIR R4 resources: Conditions, FamilyMemberHistory, Procedures,
// MedicationStatements (UK Core MedicationChangeSummary), one Task per practice action, and the
// correspondence-review Task. Every extracted resource carries its evidence: a verbatim quote of
// the letter's text rendition with its section and character offsets.
import type { Condition, FamilyMemberHistory, Procedure, MedicationStatement, Task, Reference, Extension, FhirResource as Resource, Bundle } from 'fhir/r4';
import type { Evidence, Extraction, Triage, DiagnosisItem, MedicationItem, ActionItem, ProcedureItem, Source } from '../types.ts';
import { EXT_EVIDENCE, SNOMED, CS_TASK_CODE, CS_ACTION_CATEGORY, CS_ROUTE, CS_TAG, UKCORE_MED_CHANGE, POSTROOM } from '../types.ts';
import { uuidFrom } from '../ids.ts';
import { drugLexicon } from './drugs.ts';

export const EXT_SOURCE = `${POSTROOM}/StructureDefinition/extraction-source`;
const CS_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CS_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CS_MED_CHANGE = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-MedicationChangeStatus';

export interface Refs {
  /** the letter (DocumentReference) the findings came from */
  document: Reference;
  patient?: Reference;
  /** the practice that owns the review */
  owner?: Reference;
  /** seed for deterministic ids */
  seed: string;
  /** when the letter was received (Task.authoredOn) */
  authoredOn?: string;
}

export function evidenceExtension(e: Evidence, source: Source): Extension[] {
  const sub: Extension[] = [{ url: 'quote', valueString: e.quote }];
  if (e.section) sub.push({ url: 'section', valueString: e.section });
  sub.push({ url: 'start', valueInteger: e.start }, { url: 'end', valueInteger: e.end });
  return [{ url: EXT_EVIDENCE, extension: sub }, { url: EXT_SOURCE, valueCode: source }];
}

const cc = (system: string, code: string, display?: string) => ({ coding: [{ system, code, ...(display ? { display } : {}) }] });

function condition(d: DiagnosisItem, r: Refs, id: string): Condition | FamilyMemberHistory {
  const code = { coding: [{ system: SNOMED, code: d.code, display: d.display }], text: d.evidence.quote };
  if (d.assertion === 'family') {
    return {
      resourceType: 'FamilyMemberHistory', id, status: 'partial', patient: r.patient ?? { display: 'unmatched patient' },
      relationship: { text: d.relative ?? 'family member' },
      condition: [{ code }],
      extension: evidenceExtension(d.evidence, d.source),
    };
  }
  const c: Condition = {
    resourceType: 'Condition', id, extension: evidenceExtension(d.evidence, d.source),
    category: [cc('http://terminology.hl7.org/CodeSystem/condition-category', 'problem-list-item')],
    code, subject: r.patient ?? { display: 'unmatched patient' },
  };
  if (d.assertion === 'negated') c.verificationStatus = cc(CS_VERIFICATION, 'refuted');
  else {
    c.clinicalStatus = cc(CS_CLINICAL, d.assertion === 'historical' ? 'resolved' : 'active');
    c.verificationStatus = cc(CS_VERIFICATION, d.assertion === 'possible' ? 'provisional' : 'confirmed');
  }
  return c;
}

function procedure(p: ProcedureItem, r: Refs, id: string): Procedure {
  return {
    resourceType: 'Procedure', id, status: 'completed', extension: evidenceExtension(p.evidence, p.source),
    code: { coding: [{ system: SNOMED, code: p.code, display: p.display }], text: p.evidence.quote },
    subject: r.patient ?? { display: 'unmatched patient' },
    ...(p.date ? { performedDateTime: p.date } : {}),
  };
}

const CHANGE_STATUS: Record<MedicationItem['change'], { code: string; display: string }> = {
  started: { code: 'added', display: 'Added' },
  stopped: { code: 'removed', display: 'Removed' },
  'dose-changed': { code: 'amended', display: 'Amended' },
  held: { code: 'on-hold', display: 'On hold' },
};

/**
 * The medicine as the letter names it, with its generic name where that differs ("Adcal-D3
 * (calcium carbonate/colecalciferol)", "Aqueous cream (emollient)"): what the reviewer reads in the
 * letter, and what it is on the record.
 */
function asWritten(m: MedicationItem): string {
  const hit = drugLexicon().find(m.evidence.quote).find((d) => d.generic === m.drug);
  const written = hit ? m.evidence.quote.slice(hit.start, hit.end).replace(/\s+/g, ' ').trim() : '';
  return written && written.toLowerCase() !== m.drug ? `${written} (${m.drug})` : m.drug;
}

function medication(m: MedicationItem, r: Refs, id: string): MedicationStatement {
  const status = CHANGE_STATUS[m.change];
  const summary: Extension = { url: UKCORE_MED_CHANGE, extension: [{ url: 'status', valueCoding: { system: CS_MED_CHANGE, ...status } }] };
  if (m.reason) summary.extension!.push({ url: 'indicationForChange', valueCodeableConcept: { text: m.reason } });
  return {
    resourceType: 'MedicationStatement', id,
    extension: [summary, ...evidenceExtension(m.evidence, m.source)],
    status: m.change === 'stopped' ? 'stopped' : m.change === 'held' ? 'on-hold' : 'active',
    medicationCodeableConcept: { text: asWritten(m), ...(m.code ? { coding: [{ system: SNOMED, code: m.code, display: m.drug }] } : {}) },
    subject: r.patient ?? { display: 'unmatched patient' },
    ...(m.dosage ? { dosage: [{ text: m.dosage }] } : {}),
  };
}

function actionTask(a: ActionItem, r: Refs, id: string, review: string): Task {
  const t: Task = {
    resourceType: 'Task', id, status: 'draft', intent: 'proposal', priority: 'routine',
    extension: evidenceExtension(a.evidence, a.source),
    code: { coding: [{ system: CS_ACTION_CATEGORY, code: a.category }], text: a.category },
    description: a.text,
    focus: r.document, partOf: [{ reference: `Task/${review}` }],
    ...(r.patient ? { for: r.patient } : {}),
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.authoredOn ? { authoredOn: r.authoredOn } : {}),
  };
  if (a.due) t.restriction = { period: { end: a.due } };
  if (a.workloadTransfer) {
    t.meta = { tag: [{ system: CS_TAG, code: 'workload-transfer', display: 'Hospital-to-GP workload transfer' }] };
    if (a.workloadReason) t.note = [{ text: `Workload transfer: ${a.workloadReason}` }];
  }
  return t;
}

export function reviewTask(tr: Triage, r: Refs, id: string): Task {
  return {
    resourceType: 'Task', id, status: 'requested', intent: 'order',
    priority: tr.priority,
    code: { coding: [{ system: CS_TASK_CODE, code: 'correspondence-review', display: 'Correspondence review' }] },
    businessStatus: { coding: [{ system: CS_ROUTE, code: tr.route, display: tr.route === 'file' ? 'File by admin' : 'GP review' }] },
    description: tr.reasons.join('; '),
    focus: r.document,
    ...(r.patient ? { for: r.patient } : {}),
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.authoredOn ? { authoredOn: r.authoredOn } : {}),
  };
}

/** Every resource extraction and triage propose for one letter; the review Task comes last. */
export function extractionResources(ex: Extraction, tr: Triage, r: Refs): Resource[] {
  const id = (kind: string, i: number) => uuidFrom(r.seed, kind, String(i));
  const review = id('review', 0);
  const out: Resource[] = [];
  ex.diagnoses.forEach((d, i) => out.push(condition(d, r, id('dx', i))));
  ex.procedures.forEach((p, i) => out.push(procedure(p, r, id('proc', i))));
  ex.medications.forEach((m, i) => out.push(medication(m, r, id('med', i))));
  ex.actions.forEach((a, i) => out.push(actionTask(a, r, id('action', i), review)));
  out.push(reviewTask(tr, r, review));
  return out;
}

export function collectionBundle(resources: Resource[], seed: string): Bundle {
  return {
    resourceType: 'Bundle', id: uuidFrom(seed, 'bundle'), type: 'collection',
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

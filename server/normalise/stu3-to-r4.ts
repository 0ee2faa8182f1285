// STU3 (CareConnect / Transfer of Care) → R4 (UK Core) for the resources a ToC document carries.
//
// Two passes per resource: a resource-specific step renames or recodes what changed between the
// versions (Condition statuses become CodeableConcepts, MedicationStatement.taken folds into
// status, Procedure.notDone becomes status not-done, ...), then a generic walk guided by the R4
// element definitions maps data types (Coding systems, extension URLs, Dosage dose/rate),
// fixes cardinality (single ⇄ array) and drops what R4 has no element for, listing every drop
// so nothing is lost silently. References and fullUrls are untouched, so urn:uuid links hold.
import type { Bundle } from 'fhir/r4';
import { elementsOf, type ElementDef } from '../../profiles/elements.ts';
import { UKCORE_MED_CHANGE } from '../types.ts';
import { ukCoreSectionCode } from './headings.ts';

export interface Stu3ToR4Result {
  document: Bundle;
  /** Paths of STU3 content R4 has no element for, e.g. "AllergyIntolerance.reaction.certainty". */
  dropped: string[];
}

const UKCORE_SD = 'https://fhir.hl7.org.uk/StructureDefinition/';
const UKCORE_CS = 'https://fhir.hl7.org.uk/CodeSystem/';
const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem/';

/** Resource types UK Core profiles (meta.profile gets the UK Core profile; STU3 profiles go). */
const UKCORE_PROFILED = new Set(['AllergyIntolerance', 'Bundle', 'Composition', 'Condition', 'Encounter', 'Flag', 'List', 'Location', 'Medication', 'MedicationDispense', 'MedicationRequest', 'MedicationStatement', 'MessageHeader', 'Observation', 'OperationOutcome', 'Organization', 'Patient', 'Practitioner', 'PractitionerRole', 'Procedure', 'RelatedPerson', 'DocumentReference', 'Task', 'ServiceRequest', 'CarePlan', 'Device']);

/** CareConnect extension name → UK Core extension name, for extensions UK Core carries over. */
const EXTENSIONS: Record<string, string> = {
  MedicationChangeSummary: 'MedicationChangeSummary', NHSNumberVerificationStatus: 'NHSNumberVerificationStatus',
  EthnicCategory: 'EthnicCategory', NHSCommunication: 'NHSCommunication', ResidentialStatus: 'ResidentialStatus',
  TreatmentCategory: 'TreatmentCategory', ReligiousAffiliation: 'ReligiousAffiliation', MedicationQuantityText: 'MedicationQuantityText',
  DischargeMethod: 'DischargeMethod', AdmissionMethod: 'AdmissionMethod', OutcomeOfAttendance: 'OutcomeOfAttendance',
  CareSettingType: 'CareSettingType', DeathNotificationStatus: 'DeathNotificationStatus', ActualProblem: 'ActualProblem',
  AllergyIntoleranceEnd: 'AllergyIntoleranceEnd', ConditionEpisode: 'ConditionEpisode', MainLocation: 'MainLocation',
  NominatedPharmacy: 'NominatedPharmacy', ParentPresent: 'ParentPresent', MedicationRepeatInformation: 'MedicationRepeatInformation',
  MedicationStatementLastIssueDate: 'MedicationStatementLastIssueDate', PrescriptionType: 'PrescriptionType',
  PrescribingAgency: 'MedicationPrescribingAgency', Evidence: 'Evidence', ClinicalSetting: 'ClinicalSetting',
  ListWarningCode: 'ListWarningCode', EmergencyCareDischargeStatus: 'EmergencyCareDischargeStatus',
};
const EXT_URL = /^https?:\/\/fhir\.(?:hl7\.org\.uk|nhs\.uk)\/STU3\/StructureDefinition\/Extension-(?:CareConnect-(?:GPC-|ITK-)?|ITK-)?([A-Za-z]+)-\d+$/;

/** CareConnect code system name → UK Core code system (same codes). */
const CODE_SYSTEMS: Record<string, string> = {
  NHSNumberVerificationStatus: 'UKCore-NHSNumberVerificationStatusEngland', EthnicCategory: 'UKCore-EthnicCategoryEngland',
  SDSJobRoleName: 'UKCore-SDSJobRoleName', ResidentialStatus: 'UKCore-ResidentialStatus', TreatmentCategory: 'UKCore-TreatmentCategory',
  HumanLanguage: 'UKCore-HumanLanguage', LanguageAbilityMode: 'UKCore-LanguageAbilityMode', LanguageAbilityProficiency: 'UKCore-LanguageAbilityProficiency',
  AdmissionMethod: 'UKCore-AdmissionMethodEngland', SourceOfAdmission: 'UKCore-SourceOfAdmissionEngland',
  DischargeDestination: 'UKCore-DischargeDestinationEngland', DischargeMethod: 'UKCore-DischargeMethodEngland',
  OutcomeOfAttendance: 'UKCore-OutcomeOfAttendanceEngland', ListWarningCode: 'UKCore-ListWarningCode', ListEmptyReasonCode: 'UKCore-ListEmptyReasonCode',
  PrescriptionType: 'UKCore-PrescriptionType', PrescribingAgency: 'UKCore-MedicationPrescribingAgency', MedicationChangeStatus: 'UKCore-MedicationChangeStatus',
  PersonMaritalStatus: 'UKCore-PersonMaritalStatusEngland', DeathNotificationStatus: 'UKCore-DeathNotificationStatus',
};
const CC_CS_URL = /^https?:\/\/fhir\.hl7\.org\.uk\/STU3\/(?:CodeSystem\/)?CareConnect-([A-Za-z]+)-\d+$/;
/** FHIR-defined code systems that moved to terminology.hl7.org in R4. */
const MOVED = new Set(['medication-statement-category', 'list-order', 'organization-type', 'flag-category', 'diagnosis-role', 'discharge-disposition', 'admit-source', 'location-physical-type', 'list-example-use-codes', 'list-empty-reason', 'condition-category', 'condition-clinical', 'condition-ver-status', 'allergyintolerance-clinical', 'allergyintolerance-verification', 'observation-category', 'practitioner-role', 'encounter-type', 'encounter-special-arrangements', 'message-reasons-encounter', 'medication-admin-status', 'dose-rate-type', 'v2-0203']);

export function r4System(system: string): string {
  let m = CC_CS_URL.exec(system);
  if (m && CODE_SYSTEMS[m[1]]) return UKCORE_CS + CODE_SYSTEMS[m[1]];
  if ((m = /^http:\/\/hl7\.org\/fhir\/v([23])\/(.+)$/.exec(system))) return `${TERMINOLOGY}v${m[1]}-${m[2]}`;
  if ((m = /^http:\/\/hl7\.org\/fhir\/([a-z0-9-]+)$/.exec(system)) && MOVED.has(m[1])) return TERMINOLOGY + (m[1] === 'medication-dispense-category' ? 'medicationdispense-category' : m[1]);
  if (system === 'http://hl7.org/fhir/medication-dispense-category') return TERMINOLOGY + 'medicationdispense-category';
  return system;
}

export function r4ExtensionUrl(url: string): string {
  const m = EXT_URL.exec(url);
  return m && EXTENSIONS[m[1]] ? `${UKCORE_SD}Extension-UKCore-${EXTENSIONS[m[1]]}` : url;
}

const cc = (system: string, code: string, display?: string) => ({ coding: [display ? { system, code, display } : { system, code }] });
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** ToC medication change status (Added, Amended, ...) → UK Core MedicationChangeStatus coding. */
export function medicationChangeStatus(code: string): { system: string; code: string; display: string } {
  const c = code.trim().toLowerCase().replace(/\s+/g, '-');
  return { system: UKCORE_CS + 'UKCore-MedicationChangeStatus', code: c, display: cap(c) };
}

/** CareConnect ConditionCategory code → R4 category coding (HL7 condition-category or UK Core). */
const CONDITION_CATEGORY: Record<string, [string, string, string]> = {
  diagnosis: [TERMINOLOGY + 'condition-category', 'encounter-diagnosis', 'Encounter Diagnosis'],
  problem: [TERMINOLOGY + 'condition-category', 'problem-list-item', 'Problem List Item'],
  issue: [TERMINOLOGY + 'condition-category', 'problem-list-item', 'Problem List Item'],
  need: [TERMINOLOGY + 'condition-category', 'problem-list-item', 'Problem List Item'],
  complaint: [UKCORE_CS + 'UKCore-ConditionCategory', 'presenting-complaint', 'Presenting Complaint'],
  symptom: [UKCORE_CS + 'UKCore-ConditionCategory', 'presenting-complaint', 'Presenting Complaint'],
  finding: [TERMINOLOGY + 'condition-category', 'encounter-diagnosis', 'Encounter Diagnosis'],
};

// JSON key order is the order toFhirXml writes elements in, so renamed and added elements are
// put where R4 wants them rather than at the end.

/** Rebuild obj's keys in order, each old key giving zero or more new [key, value] pairs. */
function remap(obj: any, f: (k: string, v: any) => [string, any][]) {
  const entries = Object.entries(obj);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) for (const [k2, v2] of f(k, v)) obj[k2] = v2;
}

/** Rename an element (and its `_` companion) in place; an existing `to` wins. */
function rename(r: any, from: string, to: string) {
  if (!(from in r) && !(('_' + from) in r)) return;
  const had = new Set(Object.keys(r));
  remap(r, (k, v) => k === from ? (had.has(to) ? [] : [[to, v]]) : k === '_' + from ? (had.has('_' + to) ? [] : [['_' + to, v]]) : [[k, v]]);
}

/**
 * Set key = value right after the nearest preceding element present (`after` lists the elements
 * R4 puts before `key`, nearest first), or at the end when none is.
 */
function insertAfter(r: any, key: string, value: any, after: string[]) {
  delete r[key];
  const anchor = after.find((a) => a in r);
  if (!anchor) { r[key] = value; return; }
  remap(r, (k, v) => (k === anchor ? [[k, v], [key, value]] : [[k, v]]));
}

/** STU3 requester {agent, onBehalfOf} → R4 requester Reference (the agent). */
function requesterToR4(r: any) {
  if (r.requester && typeof r.requester === 'object' && 'agent' in r.requester) r.requester = r.requester.agent;
}

/** ProcedureRequest / ReferralRequest → ServiceRequest (R4 merged the two). */
function toServiceRequest(r: any) {
  r.resourceType = 'ServiceRequest';
  rename(r, 'context', 'encounter');
  requesterToR4(r);
  if (r.status === 'suspended') r.status = 'on-hold';
  if (r.status === 'cancelled') r.status = 'revoked';
}

const RESOURCE_HEAD = ['modifierExtension', 'extension', 'contained', 'text', 'implicitRules', 'language', 'meta', 'id', 'resourceType'];

// ─── resource-specific steps: what changed between STU3 and R4 ───

const RESOURCE_STEPS: Record<string, (r: any) => void> = {
  Composition(r) {
    if (r.class) {
      const category = [r.class, ...(r.category ?? [])];
      delete r.category;
      rename(r, 'class', 'category');
      r.category = category;
    }
    for (const a of r.attester ?? []) if (Array.isArray(a.mode)) a.mode = a.mode[0];
    const sections = (list: any[] | undefined) => {
      for (const s of list ?? []) {
        const code = ukCoreSectionCode(s.code, s.title);
        if (code) s.code = code;
        sections(s.section);
      }
    };
    sections(r.section);
  },
  Condition(r) {
    if (typeof r.clinicalStatus === 'string') {
      r.clinicalStatus = cc(TERMINOLOGY + 'condition-clinical', r.clinicalStatus, cap(r.clinicalStatus));
    }
    if (typeof r.verificationStatus === 'string') {
      const v = r.verificationStatus === 'unknown' ? 'unconfirmed' : r.verificationStatus;
      r.verificationStatus = cc(TERMINOLOGY + 'condition-ver-status', v, v === 'entered-in-error' ? 'Entered in Error' : cap(v));
      if (v === 'entered-in-error') delete r.clinicalStatus;
    }
    if (r.abatementBoolean === true && !r.clinicalStatus && r.verificationStatus?.coding?.[0]?.code !== 'entered-in-error') {
      insertAfter(r, 'clinicalStatus', cc(TERMINOLOGY + 'condition-clinical', 'resolved', 'Resolved'), ['identifier', ...RESOURCE_HEAD]);
    }
    delete r.abatementBoolean;
    rename(r, 'assertedDate', 'recordedDate');
    rename(r, 'context', 'encounter');
    for (const cat of r.category ?? []) {
      const cs = cat.coding ?? [];
      const orig = cs.find((c: any) => CC_CS_URL.exec(c.system ?? '')?.[1] === 'ConditionCategory' && CONDITION_CATEGORY[c.code]);
      if (orig && !cs.some((c: any) => c.system === CONDITION_CATEGORY[orig.code][0])) {
        const [system, code, display] = CONDITION_CATEGORY[orig.code];
        cat.coding = [{ system, code, display }, ...cs];
      }
    }
  },
  AllergyIntolerance(r) {
    if (typeof r.clinicalStatus === 'string') r.clinicalStatus = cc(TERMINOLOGY + 'allergyintolerance-clinical', r.clinicalStatus, cap(r.clinicalStatus));
    if (typeof r.verificationStatus === 'string') {
      const v = r.verificationStatus;
      r.verificationStatus = cc(TERMINOLOGY + 'allergyintolerance-verification', v, v === 'entered-in-error' ? 'Entered in Error' : cap(v));
      if (v === 'entered-in-error') delete r.clinicalStatus;
    }
    rename(r, 'assertedDate', 'recordedDate');
  },
  Procedure(r) {
    if (r.notDone === true) r.status = 'not-done';
    delete r.notDone;
    rename(r, 'notDoneReason', 'statusReason');
    if (r.status === 'suspended') r.status = 'on-hold';
    if (r.status === 'aborted') r.status = 'stopped';
    rename(r, 'context', 'encounter');
    for (const p of r.performer ?? []) rename(p, 'role', 'function');
  },
  MedicationStatement(r) {
    // STU3 `taken` (y | n | unk | na) has no R4 element; R4 says the same with status. A stopped
    // or held medicine is not being taken by definition, and its status says more, so it stays.
    if (r.taken === 'n' && !['entered-in-error', 'stopped', 'on-hold'].includes(r.status)) r.status = 'not-taken';
    else if (r.taken === 'unk' && !r.status) r.status = 'unknown';
    delete r.taken; delete r._taken;
    if (r.reasonNotTaken) insertAfter(r, 'statusReason', r.reasonNotTaken, ['status', 'partOf', 'basedOn', 'identifier', ...RESOURCE_HEAD]);
    delete r.reasonNotTaken;
  },
  MedicationDispense(r) {
    if (r.notDone === true) r.status = 'declined';
    delete r.notDone;
    rename(r, 'notDoneReasonCodeableConcept', 'statusReasonCodeableConcept');
    rename(r, 'notDoneReasonReference', 'statusReasonReference');
  },
  Medication(r) {
    // R4 keeps only one batch of STU3's package; R4 has no other package content.
    const batch = r.package?.batch?.[0];
    if (batch && !r.batch) insertAfter(r, 'batch', batch, ['ingredient', 'amount', 'form', 'manufacturer', 'status', 'code', ...RESOURCE_HEAD]);
    if (r.package && !r.package.container && !r.package.content && (r.package.batch?.length ?? 0) <= 1) delete r.package;
    for (const i of r.ingredient ?? []) rename(i, 'amount', 'strength');
  },
  Encounter(r) {
    // Some senders write class as a CodeableConcept; STU3 and R4 both want a Coding.
    if (r.class && !r.class.code && Array.isArray(r.class.coding ?? undefined)) r.class = r.class.coding[0];
    else if (r.class?.coding && !Array.isArray(r.class.coding)) r.class = r.class.coding;
    rename(r, 'incomingReferral', 'basedOn');
    rename(r, 'reason', 'reasonCode');
    for (const d of r.diagnosis ?? []) rename(d, 'role', 'use');
  },
  Observation(r) {
    rename(r, 'context', 'encounter');
    if (typeof r.comment === 'string') {
      const note = [...(r.note ?? []), { text: r.comment }];
      delete r.note;
      rename(r, 'comment', 'note');
      r.note = note;
    }
    if (Array.isArray(r.related)) {
      // has-member / derived-from links become R4's hasMember / derivedFrom; other kinds R4 lacks
      const pick = (t: string) => r.related.filter((rel: any) => (rel.type ?? 'has-member') === t && rel.target).map((rel: any) => rel.target);
      const rest = r.related.filter((rel: any) => !['has-member', 'derived-from', undefined].includes(rel.type));
      const hasMember = pick('has-member'), derivedFrom = pick('derived-from');
      remap(r, (k, v) => k !== 'related' ? [[k, v]] : [
        ...(hasMember.length ? [['hasMember', hasMember]] : []), ...(derivedFrom.length ? [['derivedFrom', derivedFrom]] : []),
        ...(rest.length ? [['related', rest]] : []),
      ] as [string, any][]);
    }
  },
  Binary(r) { rename(r, 'content', 'data'); },
  ProcedureRequest: toServiceRequest,
  ReferralRequest(r) {
    toServiceRequest(r);
    const note = r.description ? [...(r.note ?? []), { text: r.description }] : r.note;
    remap(r, (k, v) => {
      if (k === 'groupIdentifier') return [['requisition', v]];
      if (k === 'type') return [['category', [v]]];
      if (k === 'serviceRequested') return v.length > 1 ? [['code', v[0]], ['orderDetail', v.slice(1)]] : [['code', v[0]]];
      if (k === 'specialty') return [['performerType', v]];
      if (k === 'recipient') return [['performer', v]];
      if (k === 'description') return [];
      if (k === 'note') return [['note', note]];
      return [[k, v]];
    });
    if (note && !r.note) insertAfter(r, 'note', note, ['bodySite', 'specimen', 'supportingInfo', 'reasonReference', 'reasonCode', 'performer', 'performerType', 'requester']);
  },
  MedicationRequest(r) { requesterToR4(r); },
  CarePlan(r) {
    rename(r, 'context', 'encounter');
    if (Array.isArray(r.author)) {
      const [author, ...others] = r.author;
      r.author = author;
      if (others.length) insertAfter(r, 'contributor', others, ['author']);
    }
    for (const a of r.activity ?? []) if (a.detail && 'prohibited' in a.detail) rename(a.detail, 'prohibited', 'doNotPerform');
  },
  DocumentReference(r) {
    rename(r, 'indexed', 'date');
    if (r.class) { const category = [r.class, ...(r.category ?? [])]; delete r.category; rename(r, 'class', 'category'); r.category = category; }
    if (r.created) { r.context ??= {}; r.context.period ??= { start: r.created }; delete r.created; }
  },
  MessageHeader(r) {
    if (r.event && !r.eventCoding) {
      const coding = r.event.coding ? (Array.isArray(r.event.coding) ? r.event.coding[0] : r.event.coding) : r.event;
      rename(r, 'event', 'eventCoding');
      r.eventCoding = coding;
    }
    if (r.timestamp) delete r.timestamp; // R4 has no MessageHeader.timestamp (Bundle.timestamp carries it)
    if (r.receiver && !r.destination?.some((d: any) => d.receiver)) {
      r.destination = r.destination?.length ? r.destination : [{ endpoint: 'urn:nhs:unknown' }];
      r.destination[0].receiver = r.receiver;
    }
    delete r.receiver;
  },
};

// ─── generic, definition-guided walk ───

function conformValue(value: any, def: ElementDef, path: string, dropped: string[]): any {
  if (def.kind === 'r') return conformResource(value, dropped);
  if (def.kind === 's' || def.kind === 'n' || def.kind === 'b' || def.kind === 'x') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) { dropped.push(path); return undefined; }
  return conformComplex(value, def.kind, path, dropped);
}

function conformComplex(obj: any, type: string, path: string, dropped: string[]): any {
  if (type === 'Coding' && typeof obj.system === 'string') obj.system = r4System(obj.system);
  if (type === 'Extension' && typeof obj.url === 'string') extensionToR4(obj);
  if (type === 'Dosage') dosageToR4(obj);
  const defs = elementsOf('R4', type);
  if (!defs) return obj;
  for (const key of Object.keys(obj)) {
    if (key === 'resourceType') continue;
    const name = key[0] === '_' ? key.slice(1) : key;
    const def = defs.get(name);
    const here = `${path}.${name}`;
    if (!def) { if (key[0] !== '_') dropped.push(here); delete obj[key]; continue; }
    if (key[0] === '_') { obj[key] = fitCardinality(obj[key], def, here, dropped, false); continue; }
    let v = fitCardinality(obj[key], def, here, dropped, true);
    if (Array.isArray(v)) v = v.map((x) => (x === null ? null : conformValue(x, def, here, dropped))).filter((x) => x !== undefined);
    else if (v !== undefined) v = conformValue(v, def, here, dropped);
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete obj[key];
    else obj[key] = v;
  }
  return obj;
}

function fitCardinality(v: any, def: ElementDef, path: string, dropped: string[], record: boolean): any {
  if (def.array && !Array.isArray(v)) return v === undefined ? v : [v];
  if (!def.array && Array.isArray(v)) {
    if (v.length > 1 && record) dropped.push(`${path}[1..]`);
    return v[0];
  }
  return v;
}

function extensionToR4(ext: any) {
  const from = ext.url;
  ext.url = r4ExtensionUrl(from);
  if (ext.url === UKCORE_MED_CHANGE) {
    for (const sub of ext.extension ?? []) {
      if (sub.url === 'status' && typeof sub.valueCode === 'string') { sub.valueCoding = medicationChangeStatus(sub.valueCode); delete sub.valueCode; }
    }
  }
}

/** STU3 Dosage dose[x]/rate[x] → R4 Dosage.doseAndRate. */
function dosageToR4(d: any) {
  const isDoseOrRate = (k: string) => /^(dose|rate)(Quantity|Range|Ratio|SimpleQuantity)$/.test(k);
  const keys = Object.keys(d).filter(isDoseOrRate);
  if (!keys.length) return;
  const dr: any = {};
  for (const k of keys) dr[k.replace('SimpleQuantity', 'Quantity')] = d[k];
  const doseAndRate = [...(d.doseAndRate ?? []), dr];
  delete d.doseAndRate;
  remap(d, (k, v) => (k === keys[0] ? [['doseAndRate', doseAndRate]] : isDoseOrRate(k) ? [] : [[k, v]]));
}

function profileToR4(r: any) {
  if (!r.meta) return;
  const hadStu3 = (r.meta.profile ?? []).some((p: string) => /\/STU3\/|CareConnect|ITK-/.test(p));
  const kept = (r.meta.profile ?? []).filter((p: string) => !/\/STU3\/|CareConnect|ITK-/.test(p));
  if (hadStu3 && UKCORE_PROFILED.has(r.resourceType)) kept.unshift(`${UKCORE_SD}UKCore-${r.resourceType}`);
  if (kept.length) r.meta.profile = kept; else delete r.meta.profile;
  if (!Object.keys(r.meta).length) delete r.meta;
}

function conformResource(r: any, dropped: string[]): any {
  if (!r || typeof r !== 'object' || typeof r.resourceType !== 'string') return r;
  RESOURCE_STEPS[r.resourceType]?.(r);
  profileToR4(r);
  if (!elementsOf('R4', r.resourceType)) { dropped.push(r.resourceType); return undefined; }
  return conformComplex(r, r.resourceType, r.resourceType, dropped);
}

/** One STU3 resource (any contained/entry resources included) → R4. The input is not modified. */
export function stu3ResourceToR4(resource: any, dropped: string[] = []): any {
  return conformResource(structuredClone(resource), dropped);
}

/**
 * An STU3 document Bundle → an R4 UK Core document Bundle, with what could not be carried over.
 * The input is not modified, unless `inPlace` says the caller owns it and has no further use for
 * it (a Bundle just parsed from the bytes received): then it is converted where it is, without
 * the deep copy, which costs as much as the conversion itself.
 */
export function stu3DocumentToR4(bundle: any, opts: { inPlace?: boolean } = {}): Stu3ToR4Result {
  if (bundle?.resourceType !== 'Bundle') throw new Error('STU3 → R4: not a Bundle');
  const dropped: string[] = [];
  // (which entries had a resource before the conversion, as the input says)
  const had = Array.isArray(bundle.entry) ? bundle.entry.map((e: any) => !!e?.resource) : [];
  const document = (opts.inPlace ? conformResource(bundle, dropped) : stu3ResourceToR4(bundle, dropped)) as Bundle;
  // an entry whose resource type R4 lacks goes (its type is listed in `dropped`)
  document.entry = (document.entry ?? []).filter((e, i) => e.resource || !had[i]);
  return { document, dropped: [...new Set(dropped)] };
}

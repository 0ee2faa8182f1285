// The sample practice as an R4 transaction Bundle: Organization, Practitioners with their
// PractitionerRoles (GPs review letters; administrators run the workflow), and registered
// Patients. PUT with fixed ids, so loading it twice changes nothing.
import type { Bundle, BundleEntry, Organization, Patient, Practitioner, PractitionerRole, FhirResource } from 'fhir/r4';
import { NHS_NUMBER, ODS_CODE, POSTROOM, SNOMED } from '../server/types.ts';
import { PRACTICE, STAFF, PATIENTS, type SamplePatient, type SampleStaff } from './practice-data.ts';

/** Postroom's workflow roles on PractitionerRole.code (who may review, who administers). */
export const CS_WORKFLOW_ROLE = `${POSTROOM}/CodeSystem/workflow-role`;
export const SYNTHETIC_TAG = { system: `${POSTROOM}/CodeSystem/tag`, code: 'synthetic', display: 'Synthetic sample data' };
const UKCORE = 'https://fhir.hl7.org.uk/StructureDefinition';

const ROLES = {
  gp: { snomed: { system: SNOMED, code: '62247001', display: 'General practitioner' }, workflow: { system: CS_WORKFLOW_ROLE, code: 'gp-reviewer', display: 'Reviews correspondence' } },
  admin: { snomed: { system: SNOMED, code: '224608005', display: 'Administrative healthcare staff' }, workflow: { system: CS_WORKFLOW_ROLE, code: 'workflow-administrator', display: 'Workflow administrator' } },
};

const meta = (profile: string) => ({ profile: [`${UKCORE}/${profile}`], tag: [SYNTHETIC_TAG] });

export function practiceOrganization(): Organization {
  return {
    resourceType: 'Organization', id: PRACTICE.id, meta: meta('UKCore-Organization'),
    identifier: [{ system: ODS_CODE, value: PRACTICE.ods }],
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] }],
    name: PRACTICE.name,
    telecom: [{ system: 'phone', value: PRACTICE.phone, use: 'work' }],
    address: [{ use: 'work', line: [PRACTICE.line], city: PRACTICE.city, postalCode: PRACTICE.postcode, country: 'GB' }],
  };
}

function practitioner(s: SampleStaff): Practitioner {
  return {
    resourceType: 'Practitioner', id: s.id, meta: meta('UKCore-Practitioner'),
    identifier: [{ system: `${POSTROOM}/Id/staff`, value: s.id }],
    active: true,
    name: [{ use: 'official', family: s.family, given: [s.given], ...(s.prefix ? { prefix: [s.prefix] } : {}) }],
    telecom: [{ system: 'email', value: s.email, use: 'work' }],
  };
}

function role(s: SampleStaff): PractitionerRole {
  const r = ROLES[s.role];
  return {
    resourceType: 'PractitionerRole', id: `role-${s.id}`, meta: meta('UKCore-PractitionerRole'),
    active: true,
    practitioner: { reference: `Practitioner/${s.id}` },
    organization: { reference: `Organization/${PRACTICE.id}` },
    code: [{ coding: [r.snomed] }, { coding: [r.workflow] }],
  };
}

export function samplePatientResource(p: SamplePatient): Patient {
  return {
    resourceType: 'Patient', id: p.id, meta: meta('UKCore-Patient'),
    identifier: [{
      extension: [{ url: `${UKCORE}/Extension-UKCore-NHSNumberVerificationStatus`, valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland', code: '01', display: 'Number present and verified' }] } }],
      system: NHS_NUMBER, value: p.nhs,
    }],
    active: true,
    name: [{ use: 'official', family: p.family, given: p.given, prefix: [p.prefix] }],
    gender: p.gender,
    birthDate: p.birthDate,
    address: [{ use: 'home', line: [p.line], city: PRACTICE.city, postalCode: p.postcode, country: 'GB' }],
    generalPractitioner: [{ reference: `Practitioner/${p.gp}` }],
    managingOrganization: { reference: `Organization/${PRACTICE.id}` },
  };
}

const put = (r: FhirResource & { id?: string }): BundleEntry => ({ fullUrl: `${POSTROOM}/fhir/${r.resourceType}/${r.id}`, resource: r, request: { method: 'PUT', url: `${r.resourceType}/${r.id}` } });

/** The whole sample practice as a transaction Bundle. */
export function buildPracticeBundle(): Bundle {
  return {
    resourceType: 'Bundle', id: 'sample-practice', type: 'transaction', meta: { tag: [SYNTHETIC_TAG] },
    entry: [
      put(practiceOrganization()),
      ...STAFF.flatMap((s) => [put(practitioner(s)), put(role(s))]),
      ...PATIENTS.map((p) => put(samplePatientResource(p))),
    ],
  };
}

// Traceability: an AuditEvent for each thing that happens to a letter (received, processed,
// and later each human decision), and a Provenance saying which resources the extraction
// proposed from which letter. Never carries letter text or demographics.
import type { AuditEvent, Provenance, Reference } from 'fhir/r4';
import type { Services } from './services.ts';
import { POSTROOM } from '../types.ts';
import { newId } from '../ids.ts';

export const CS_AUDIT = `${POSTROOM}/CodeSystem/audit-subtype`;
const SYSTEM_AGENT = { who: { display: 'Postroom' }, requestor: false, type: { coding: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110150', display: 'Application' }] } };

function event(s: Services, subtype: string, action: AuditEvent['action'], entities: AuditEvent['entity'], outcome: AuditEvent['outcome'] = '0', description?: string): AuditEvent {
  return {
    resourceType: 'AuditEvent', id: newId(),
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: CS_AUDIT, code: subtype }],
    action, recorded: s.now().toISOString(), outcome, ...(description ? { outcomeDesc: description } : {}),
    agent: [SYSTEM_AGENT],
    source: { observer: { display: `Postroom (practice ${s.practice.ods})` } },
    entity: entities,
  };
}

export const audit = {
  received(s: Services, x: { inboundId: string; binaryId: string; kind: string; sender?: string; event?: string }): AuditEvent {
    return event(s, 'letter-received', 'C', [{ what: { reference: `Binary/${x.binaryId}` }, name: `inbound ${x.inboundId}`, description: [x.kind, x.event, x.sender && `from ${x.sender}`].filter(Boolean).join(' ') }]);
  },
  processed(s: Services, x: { document: Reference; review: Reference; patient?: Reference; matched: string }): AuditEvent {
    return event(s, 'letter-processed', 'C', [{ what: x.document }, { what: x.review }, ...(x.patient ? [{ what: x.patient }] : [])], '0', `patient ${x.matched}`);
  },
  failed(s: Services, x: { inboundId: string; binaryId: string; error: string }): AuditEvent {
    return event(s, 'letter-failed', 'C', [{ what: { reference: `Binary/${x.binaryId}` }, name: `inbound ${x.inboundId}` }], '8', x.error.slice(0, 200));
  },
};

/** Extraction proposed these resources from this letter. */
export function extractionProvenance(s: Services, targets: Reference[], document: Reference, version: string): Provenance {
  return {
    resourceType: 'Provenance', id: newId(), target: targets, recorded: s.now().toISOString(),
    activity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'CREATE' }], text: 'proposed by automated extraction; awaiting human confirmation' },
    agent: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'assembler' }] }, who: { display: `Postroom extraction ${version}` } }],
    entity: [{ role: 'source', what: document }],
  };
}

// ITK3 responses (event ITK008M): the infrastructure and business acknowledgements a receiver
// sends back, shaped like the official ITK-Response-<code>-Example-1.xml files — a message
// Bundle whose MessageHeader answers the incoming message (response.identifier, response.code)
// and points at an OperationOutcome carrying the ITK response code. STU3 senders get STU3 XML,
// R4 senders an R4 JSON Bundle. Diagnostics text goes to the sender: never put patient data in it.
import { randomUUID } from 'node:crypto';
import { toFhirXml, type FhirVersion } from './fhir-xml.ts';
import { ITK_RESPONSE, ITK_RESPONSE_CODES_R4, ITK_RESPONSE_CODES_STU3, issueTypeFor } from './errors.ts';
import { ITK_HANDLING_STU3, ITK_MESSAGE_EVENT_STU3, type InboundMessage } from './itk3.ts';
import { ODS_CODE } from '../types.ts';

/** The message answered: an InboundMessage, or IngestError.received for a refused one. */
export type AckFor = Pick<InboundMessage, 'fhirVersion'> & Partial<Pick<InboundMessage, 'messageId' | 'sender'>>;

export interface AckOutcome {
  /** ITK response code: 20013 success, 20007/20008 duplicates, 20009 payload failure, 10xxx handling errors, ... */
  code: string;
  /** Free text for the sender (OperationOutcome.issue.diagnostics). */
  text?: string;
  /** Override MessageHeader.response.code (e.g. transient-error when the sender should retry). */
  responseCode?: 'ok' | 'transient-error' | 'fatal-error';
}

export interface AckOptions {
  /** ODS code of the practice/organisation answering. */
  senderOds: string;
  senderName?: string;
  /** Our ITK endpoint (MessageHeader.source.endpoint). */
  endpoint: string;
  now: Date;
  idGen?: () => string;
  /** Version to answer in when the incoming message could not be read (default STU3: ITK3's). */
  fhirVersion?: FhirVersion;
}

/** Codes the official examples answer with response.code ok (the rest are fatal-error). */
const OK_RESPONSE = new Set(['20013', '20014', '20015', '30001', '30004']);
/** Codes whose OperationOutcome severity is information (the rest are fatal). */
const INFORMATION = new Set(['20013', '30001', '30004']);
/** response.identifier when the incoming message was unreadable (as ITK-Response-10009-Example-1). */
export const UNKNOWN_MESSAGE_ID = 'UNREADABLE-IN-ORIGINAL-MESSAGE';

const UKCORE_MESSAGE_EVENT = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-MessageEvent';

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The ITK008M response Bundle as FHIR JSON (STU3 or R4 shape). */
export function ackBundle(msg: AckFor | null, outcome: AckOutcome, opts: AckOptions): { fhirVersion: FhirVersion; bundle: any } {
  const id = opts.idGen ?? randomUUID;
  const fhirVersion: FhirVersion = msg?.fhirVersion ?? opts.fhirVersion ?? 'STU3';
  const stu3 = fhirVersion === 'STU3';
  const display = ITK_RESPONSE[outcome.code];
  if (!display) throw new Error(`buildAck: ${outcome.code} is not an ITK response code`);
  const bundleId = id(), headerId = id(), orgId = id(), ooId = id();
  const responseCode = outcome.responseCode ?? (OK_RESPONSE.has(outcome.code) ? 'ok' : 'fatal-error');

  const handling = {
    url: ITK_HANDLING_STU3,
    extension: [
      { url: 'BusAckRequested', valueBoolean: false },
      { url: 'InfAckRequested', valueBoolean: false },
      { url: 'RecipientType', valueCoding: { system: 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1', code: 'FA', display: 'For Action' } },
      { url: 'MessageDefinition', valueReference: { reference: 'https://fhir.nhs.uk/STU3/MessageDefinition/ITK-Response-MessageDefinition-Instance-1' } },
      { url: 'SenderReference', valueString: 'None' },
      { url: 'LocalExtension', valueString: 'None' },
    ],
  };
  const response = { identifier: msg?.messageId ?? UNKNOWN_MESSAGE_ID, code: responseCode, details: { reference: `urn:uuid:${ooId}` } };
  const event = { system: stu3 ? ITK_MESSAGE_EVENT_STU3 : UKCORE_MESSAGE_EVENT, code: 'ITK008M', display: 'ITK Response' };
  const now = isoSeconds(opts.now);
  const header = stu3
    ? {
        resourceType: 'MessageHeader', id: headerId,
        meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2'] },
        extension: [handling], event,
        sender: { reference: `urn:uuid:${orgId}` }, timestamp: now,
        source: { endpoint: opts.endpoint }, response,
      }
    : {
        resourceType: 'MessageHeader', id: headerId,
        meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-MessageHeader'] },
        eventCoding: event,
        destination: [{
          endpoint: msg?.sender?.endpoint ?? (msg?.sender?.ods ? `urn:nhs:addressing:ods:${msg.sender.ods}` : 'urn:nhs:unknown'),
          ...(msg?.sender?.ods ? { receiver: { identifier: { system: ODS_CODE, value: msg.sender.ods } } } : {}),
        }],
        sender: { reference: `urn:uuid:${orgId}` },
        source: { endpoint: opts.endpoint }, response,
      };
  const org = {
    resourceType: 'Organization', id: orgId,
    meta: { profile: [stu3 ? 'https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Organization-1' : 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization'] },
    identifier: [{ system: ODS_CODE, value: opts.senderOds }],
    ...(opts.senderName ? { name: opts.senderName } : {}),
  };
  const oo = {
    resourceType: 'OperationOutcome', id: ooId,
    meta: { profile: [stu3 ? 'https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Response-OperationOutcome-1' : 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-OperationOutcome'] },
    issue: [{
      severity: INFORMATION.has(outcome.code) ? 'information' : 'fatal',
      code: issueTypeFor(outcome.code),
      details: { coding: [{ system: stu3 ? ITK_RESPONSE_CODES_STU3 : ITK_RESPONSE_CODES_R4, code: outcome.code, display }] },
      ...(outcome.text ? { diagnostics: outcome.text } : {}),
    }],
  };
  const bundle = {
    resourceType: 'Bundle', id: bundleId,
    meta: { profile: [stu3 ? 'https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1' : 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Bundle'] },
    identifier: { system: 'https://tools.ietf.org/html/rfc4122', value: id() },
    type: 'message',
    ...(stu3 ? {} : { timestamp: now }),
    entry: [
      { fullUrl: `urn:uuid:${headerId}`, resource: header },
      { fullUrl: `urn:uuid:${orgId}`, resource: org },
      { fullUrl: `urn:uuid:${ooId}`, resource: oo },
    ],
  };
  return { fhirVersion, bundle };
}

/** The ITK008M response to send back, serialised for the sender's FHIR version. */
export function buildAck(msg: AckFor | null, outcome: AckOutcome, opts: AckOptions): { contentType: string; body: string } {
  const { fhirVersion, bundle } = ackBundle(msg, outcome, opts);
  if (fhirVersion === 'STU3') return { contentType: 'application/fhir+xml; fhirVersion=3.0', body: toFhirXml(bundle, 'STU3') };
  return { contentType: 'application/fhir+json; fhirVersion=4.0', body: JSON.stringify(bundle) };
}

// Why an inbound message was refused, as the sender must be told: an HTTP status for the
// transport, the ITK3 response code (CodeSystem ITK-ResponseCodes) for the ITK008M response,
// and an OperationOutcome issue. Every refusal has its own `reason` so callers and tests can tell
// them apart without parsing messages.
import type { OperationOutcomeIssue } from 'fhir/r4';

export const ITK_RESPONSE_CODES_STU3 = 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1';
export const ITK_RESPONSE_CODES_R4 = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-ITKResponseCode';

/** ITK3 response codes (display text as in the ITK-ResponseCodes CodeSystem). */
export const ITK_RESPONSE: Record<string, string> = {
  '10001': 'Handling Specification Error',
  '10002': 'Infrastructure Level Response Value - Processing Error',
  '10003': 'Business Level Response Value - Processing Error',
  '10004': 'Message Definition Value - Processing Error',
  '10005': 'Message Definition Version Value - Processing Error',
  '10007': 'Sender Reference Value - Processing Error',
  '10008': 'Handling Specification Business Rule Error',
  '10009': 'Unreadable message received',
  '10010': 'Recipient Type - Processing Error',
  '20001': 'Unrecognised Recipient Person',
  '20002': 'Unrecognised Recipient Organisation',
  '20003': 'Unrecognised Sender',
  '20004': 'Non-Approved file type received as an attachment',
  '20005': 'Unsupported file type received as an attachment',
  '20006': 'ITK header validation failure',
  '20007': 'Duplicate Message received',
  '20008': 'Duplicate Document received',
  '20009': 'Payload validation failure',
  '20010': 'Unrecognised Payload Recipient Organisation',
  '20011': 'Unrecognised Payload Recipient Person',
  '20012': 'Unauthorised Sender',
  '20013': 'Success',
  '20014': 'Unable to Process Replacement Document',
  '20015': 'Message too large',
  // business acknowledgements: whether the patient is known at the receiving practice
  '30001': 'Patient known here. (e.g. Patient is registered here)',
  '30002': "Patient not known here. (aka 'patient record not present in system')",
  '30003': 'Patient no longer at this clinical setting',
  '30004': 'Patient known here and recently deceased',
};

/** OperationOutcome.issue.code the official response examples pair with each ITK code. */
export function issueTypeFor(itkCode: string): OperationOutcomeIssue['code'] {
  if (itkCode === '20013' || itkCode === '30001' || itkCode === '30004') return 'informational';
  if (itkCode === '30002') return 'not-found';
  if (itkCode === '30003') return 'business-rule';
  if (/^100/.test(itkCode) || itkCode === '20014' || itkCode === '20015') return 'processing';
  if (['20001', '20002', '20003', '20010', '20011'].includes(itkCode)) return 'not-found';
  if (['20004', '20005', '20012'].includes(itkCode)) return 'security';
  if (itkCode === '20006') return 'invalid';
  if (itkCode === '20007' || itkCode === '20008') return 'duplicate';
  if (itkCode === '20009') return 'structure';
  return 'processing';
}

export type IngestReason =
  | 'unsupported-media-type' | 'too-large' | 'unreadable' | 'doctype' | 'malformed-xml' | 'malformed-json' | 'not-fhir'
  | 'not-message' | 'no-message-header' | 'unknown-event' | 'handling-missing' | 'handling-invalid' | 'handling-rule'
  | 'no-document' | 'invalid-document' | 'duplicate-message' | 'duplicate-document' | 'replacement-failed';

/** What was learnt of a message before it was refused, so the response can still answer it. */
export interface Received {
  fhirVersion: 'STU3' | 'R4';
  messageId?: string;
  sender?: { ods?: string; endpoint?: string };
}

export class IngestError extends Error {
  /** Set when the message was readable enough to know its version / id (pass it to buildAck). */
  received?: Received;
  readonly status: number;
  readonly itkCode: string;
  readonly reason: IngestReason;
  /** OperationOutcome issue (R4 shape, UK Core ITK response code system). */
  readonly issue: OperationOutcomeIssue;

  constructor(reason: IngestReason, status: number, itkCode: string, message: string, expression?: string) {
    super(message);
    this.name = 'IngestError';
    this.reason = reason;
    this.status = status;
    this.itkCode = itkCode;
    this.issue = {
      severity: 'fatal',
      code: issueTypeFor(itkCode),
      details: { coding: [{ system: ITK_RESPONSE_CODES_R4, code: itkCode, display: ITK_RESPONSE[itkCode] }] },
      diagnostics: message,
      ...(expression ? { expression: [expression] } : {}),
    };
  }
}

/** Refusals the receiving store decides (it knows what it has already seen). */
export const duplicateMessage = (messageId: string) =>
  new IngestError('duplicate-message', 409, '20007', `message ${messageId} has already been received`);
export const duplicateDocument = (documentId: string) =>
  new IngestError('duplicate-document', 409, '20008', `document ${documentId} has already been received`);
export const replacementFailed = (documentId: string, why: string) =>
  new IngestError('replacement-failed', 422, '20014', `document ${documentId} cannot replace the earlier version: ${why}`);

export function isIngestError(e: unknown): e is IngestError {
  return e instanceof IngestError;
}

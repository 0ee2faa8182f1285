// OperationOutcome construction and the mapping from errors to HTTP statuses. Unknown errors
// become a generic 500: their messages may carry data from the request and are never echoed.
import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';
import { FhirError, type IssueCode } from '../store/errors.ts';

export { FhirError };

export function outcome(
  severity: OperationOutcomeIssue['severity'],
  code: IssueCode | OperationOutcomeIssue['code'],
  diagnostics: string,
): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code: code as OperationOutcomeIssue['code'], diagnostics }] };
}

export const errorOutcome = (code: IssueCode, diagnostics: string) => outcome('error', code, diagnostics);
export const infoOutcome = (diagnostics: string) => outcome('information', 'informational', diagnostics);

/** Status and OperationOutcome for any thrown value. */
export function toOutcome(e: unknown): { status: number; outcome: OperationOutcome } {
  if (e instanceof FhirError) return { status: e.status, outcome: errorOutcome(e.code, e.message) };
  return { status: 500, outcome: errorOutcome('exception', 'Internal server error') };
}

export const invalid = (msg: string) => new FhirError(400, 'invalid', msg);
export const unsupportedMediaType = (msg: string) => new FhirError(415, 'not-supported', msg);
export const notAcceptable = (msg: string) => new FhirError(406, 'not-supported', msg);
export const methodNotAllowed = (msg: string) => new FhirError(405, 'not-supported', msg);

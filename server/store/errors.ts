// Errors the store raises with the HTTP status and OperationOutcome issue code they mean, so the
// FHIR layer can answer without guessing. Messages never contain resource content.

export type IssueCode =
  | 'invalid' | 'structure' | 'required' | 'value' | 'not-found' | 'deleted' | 'conflict'
  | 'not-supported' | 'duplicate' | 'processing' | 'exception' | 'too-costly' | 'business-rule' | 'security';

export class FhirError extends Error {
  constructor(
    public status: number,
    public code: IssueCode,
    message: string,
  ) {
    super(message);
    this.name = 'FhirError';
  }
}

export const badRequest = (msg: string, code: IssueCode = 'invalid') => new FhirError(400, code, msg);
export const notFound = (msg: string) => new FhirError(404, 'not-found', msg);
export const gone = (msg: string) => new FhirError(410, 'deleted', msg);
export const conflict = (msg: string) => new FhirError(409, 'conflict', msg);
export const preconditionFailed = (msg: string) => new FhirError(412, 'conflict', msg);

// FHIR XML → FHIR JSON (STU3 and R4). PLACEHOLDER until the ingest work lands.
export interface ParsedFhir { fhirVersion: 'STU3' | 'R4'; resource: any }

export function parseFhirXml(_xml: string): ParsedFhir {
  throw new Error('FHIR XML parsing not implemented yet');
}

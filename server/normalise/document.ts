// Find the document in what was received, normalised to R4. PLACEHOLDER for STU3 → R4.
import type { Bundle } from 'fhir/r4';
import type { ParsedFhir } from '../ingest/fhir-xml.ts';

/** The document Bundle itself, or the one a message Bundle carries. */
export function documentOf(b: Bundle): Bundle | undefined {
  if (b.resourceType !== 'Bundle') return undefined;
  if (b.type === 'document') return b;
  for (const e of b.entry ?? []) {
    const r = e.resource as Bundle | undefined;
    if (r?.resourceType === 'Bundle' && r.type === 'document') return r;
  }
  return undefined;
}

export function toR4Document(parsed: ParsedFhir): Bundle {
  if (parsed.fhirVersion === 'R4') return parsed.resource as Bundle;
  throw new Error('STU3 → R4 normalisation not implemented yet');
}

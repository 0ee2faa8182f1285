// Find the document in what was received and normalise it to an R4 UK Core document Bundle.
import type { Bundle } from 'fhir/r4';
import type { ParsedFhir } from '../ingest/fhir-xml.ts';
import { stu3DocumentToR4 } from './stu3-to-r4.ts';

/** The document Bundle itself, or the one a message Bundle carries. */
export function documentOf(b: Bundle): Bundle | undefined {
  if (b?.resourceType !== 'Bundle') return undefined;
  if (b.type === 'document') return b;
  for (const e of b.entry ?? []) {
    const r = e.resource as Bundle | undefined;
    if (r?.resourceType === 'Bundle' && r.type === 'document') return r;
  }
  return undefined;
}

/**
 * The R4 document Bundle of a parsed message or document: R4 content as it is (the document a
 * message carries, or the document itself), STU3 content converted to R4 UK Core.
 */
export function toR4Document(parsed: ParsedFhir, opts: { inPlace?: boolean } = {}): Bundle {
  const doc = documentOf(parsed.resource as Bundle);
  if (!doc) throw new Error('no document Bundle (Bundle.type document) in the content');
  if (parsed.fhirVersion === 'R4') return doc;
  // (inPlace: the caller has just parsed the content and hands it over, see stu3DocumentToR4)
  return stu3DocumentToR4(doc, opts).document;
}

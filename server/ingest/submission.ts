// How a letter file is sent to Postroom, the way a hospital system would send it: FHIR messages
// to $process-message, R4 document Bundles to POST Bundle, text/HTML/PDF letters as a
// DocumentReference with the letter attached. Used by `postroom ingest`, the sample loader and
// the ingest benchmark.
import type { DocumentReference } from 'fhir/r4';
import { sniff } from './letter.ts';
import { patientFromText } from './demographics.ts';
import { NHS_NUMBER } from '../types.ts';
import { sha256 } from '../ids.ts';

export interface Submission {
  path: '$process-message' | 'Bundle' | 'DocumentReference';
  contentType: string;
  body: Uint8Array;
}

const enc = new TextEncoder();
const CONTENT_TYPES = { pdf: 'application/pdf', html: 'text/html', text: 'text/plain' } as const;

export function submissionFor(bytes: Uint8Array, filename: string): Submission {
  const kind = sniff(bytes, { filename });
  if (kind === 'xml') return { path: '$process-message', contentType: 'application/fhir+xml', body: bytes };
  if (kind === 'json') {
    const b = JSON.parse(new TextDecoder().decode(bytes));
    if (b.resourceType === 'Bundle' && b.type === 'message') return { path: '$process-message', contentType: 'application/fhir+json', body: bytes };
    return { path: 'Bundle', contentType: 'application/fhir+json', body: bytes };
  }
  const contentType = CONTENT_TYPES[kind];
  const text = kind === 'pdf' ? '' : new TextDecoder().decode(bytes);
  const nhs = patientFromText(text)?.identifier?.[0]?.value;
  const dr: DocumentReference = {
    resourceType: 'DocumentReference', status: 'current',
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:sha256:${sha256(bytes)}` },
    type: { text: 'Correspondence' },
    ...(nhs ? { subject: { identifier: { system: NHS_NUMBER, value: nhs } } } : {}),
    description: filename.split('/').pop(),
    content: [{ attachment: { contentType, data: Buffer.from(bytes).toString('base64'), title: filename.split('/').pop() } }],
  };
  return { path: 'DocumentReference', contentType: 'application/fhir+json', body: enc.encode(JSON.stringify(dr)) };
}

// How a letter file is sent to Postroom, the way a hospital system would send it: FHIR messages
// to $process-message, R4 document Bundles to POST Bundle, text/HTML/PDF letters as a
// DocumentReference with the letter attached. Used by `postroom ingest`, the sample loader and
// the ingest benchmark.
import type { DocumentReference } from 'fhir/r4';
import { sniff } from './letter.ts';
import { patientFromText } from './demographics.ts';
import { NHS_NUMBER } from '../types.ts';
import { sha256 } from '../ids.ts';
import { parseFhirXml, toFhirXml } from './fhir-xml.ts';
import { wrapInMessage } from './itk3.ts';

export interface Submission {
  path: '$process-message' | 'Bundle' | 'DocumentReference';
  contentType: string;
  body: Uint8Array;
}

const enc = new TextEncoder();
const CONTENT_TYPES = { pdf: 'application/pdf', html: 'text/html', text: 'text/plain' } as const;

/** Which Transfer of Care event a bare document is: by its Composition's profile, else its title. */
export function eventForDocument(doc: any): string {
  const comp = doc.entry?.find((e: any) => e.resource?.resourceType === 'Composition')?.resource ?? {};
  const hint = `${(comp.meta?.profile ?? []).join(' ')} ${comp.title ?? ''} ${comp.type?.coding?.[0]?.display ?? ''}`;
  if (/-MH-|mental health/i.test(hint)) return 'ITK004D';
  if (/-EC-|-ED-|emergency/i.test(hint)) return 'ITK005D';
  if (/-OPL-|outpatient|clinic letter/i.test(hint)) return 'ITK006D';
  return 'ITK003D';
}

export interface SubmitOptions {
  /** ODS code of the practice a wrapped bare document is addressed to (V81999: unknown practice) */
  receiverOds?: string;
  sender?: { ods: string; name?: string };
}

export function submissionFor(bytes: Uint8Array, filename: string, opts: SubmitOptions = {}): Submission {
  const kind = sniff(bytes, { filename });
  if (kind === 'xml') {
    // A bare STU3/R4 document is sent as a hospital would: inside an ITK3 message.
    const parsed = parseFhirXml(new TextDecoder().decode(bytes));
    if (parsed.resource.resourceType === 'Bundle' && parsed.resource.type === 'document') {
      const message = wrapInMessage(parsed.resource, {
        event: eventForDocument(parsed.resource), fhirVersion: parsed.fhirVersion,
        sender: opts.sender ?? { ods: 'RX1', name: 'Sending hospital' }, receiverOds: opts.receiverOds ?? 'V81999',
      });
      return { path: '$process-message', contentType: 'application/fhir+xml', body: enc.encode(toFhirXml(message, parsed.fhirVersion)) };
    }
    return { path: '$process-message', contentType: 'application/fhir+xml', body: bytes };
  }
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

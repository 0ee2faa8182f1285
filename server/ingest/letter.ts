// Bytes as received → a Letter (plain-text rendition, sections, R4 document). One entry point for
// every format, so the CLI, HTTP and the queue see letters the same way.
import type { Bundle } from 'fhir/r4';
import type { Letter } from '../types.ts';
import { renderDocument } from '../normalise/render.ts';
import { detectSections } from '../extract/sections.ts';
import { pdfToText } from './pdf.ts';
import { htmlToText } from './html.ts';
import { parseFhirXml } from './fhir-xml.ts';
import { toR4Document, documentOf } from '../normalise/document.ts';

export interface LetterHint { filename?: string; contentType?: string }

export type SourceKind = 'pdf' | 'json' | 'xml' | 'html' | 'text';

export function sniff(bytes: Uint8Array, hint: LetterHint = {}): SourceKind {
  const ct = (hint.contentType ?? '').toLowerCase();
  const name = (hint.filename ?? '').toLowerCase();
  if (ct.includes('pdf') || name.endsWith('.pdf') || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) return 'pdf';
  if (ct.includes('html') || /\.html?$/.test(name)) return 'html';
  if (ct.includes('json') || name.endsWith('.json')) return 'json';
  if (ct.includes('xml') || name.endsWith('.xml')) return 'xml';
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart();
  if (head.startsWith('{')) return 'json';
  if (head.startsWith('<?xml') || head.startsWith('<Bundle')) return 'xml';
  if (/^<(!doctype html|html)/i.test(head)) return 'html';
  return 'text';
}

export function letterFromText(text: string, format: Letter['format'] = 'text'): Letter {
  const t = text.replace(/\r\n?/g, '\n');
  return { format, text: t, sections: detectSections(t) };
}

/** An R4 document Bundle (or a message Bundle that carries one) → Letter. */
export function letterFromR4(bundle: Bundle, format: Letter['format']): Letter {
  const doc = documentOf(bundle);
  if (!doc) throw new Error('no document Bundle (Bundle.type document) in the message');
  const letter = renderDocument(doc, format);
  // A document whose sections carry no heading codes still gets narrative headings found.
  if (!letter.sections.some((s) => s.code)) letter.sections = detectSections(letter.text);
  return letter;
}

export async function letterFromBytes(bytes: Uint8Array, hint: LetterHint = {}): Promise<Letter> {
  const kind = sniff(bytes, hint);
  const str = () => new TextDecoder().decode(bytes);
  switch (kind) {
    case 'pdf': return letterFromText(await pdfToText(bytes), 'pdf');
    case 'html': return letterFromText(htmlToText(str()), 'html');
    case 'text': return letterFromText(str(), 'text');
    case 'json': return letterFromR4(JSON.parse(str()) as Bundle, 'fhir-r4-json');
    case 'xml': {
      const parsed = parseFhirXml(str());
      const r4 = toR4Document(parsed);
      return letterFromR4(r4, parsed.fhirVersion === 'STU3' ? 'itk3-stu3-xml' : 'fhir-r4-xml');
    }
  }
}

// Bytes as received → a Letter (plain-text rendition, sections, R4 document). One entry point for
// every format, so the CLI, HTTP and the queue see letters the same way.
import type { Letter } from '../types.ts';
import { renderDocument } from '../normalise/render.ts';
import { detectSections } from '../extract/sections.ts';
import { pdfToText } from './pdf.ts';
import { htmlToText } from './html.ts';
import { parseFhirXml, type ParsedFhir } from './fhir-xml.ts';
import { versionOfJson } from './itk3.ts';
import { toR4Document } from '../normalise/document.ts';

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

/** A FHIR document Bundle (or a message Bundle that carries one), STU3 or R4 → Letter. */
function structured(parsed: ParsedFhir, format: Letter['format']): Letter {
  // (parsed here from the bytes and used for nothing else: STU3 is converted to R4 where it is)
  const letter = renderDocument(toR4Document(parsed, { inPlace: true }), format);
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
    case 'json': {
      const resource = JSON.parse(str());
      return structured({ fhirVersion: versionOfJson(resource), resource }, 'fhir-r4-json');
    }
    case 'xml': {
      const parsed = parseFhirXml(str());
      return structured(parsed, parsed.fhirVersion === 'STU3' ? 'itk3-stu3-xml' : 'fhir-r4-xml');
    }
  }
}

// The plain-text rendition of an R4 document Bundle: the Composition's title, then each
// section's title on its own line followed by its narrative. Evidence offsets index into this
// text, and it is stored beside the original so the app can highlight the same characters.
import type { Bundle, Composition, CompositionSection, FhirResource } from 'fhir/r4';
import type { Letter, Section, LetterFormat } from '../types.ts';
import { UKCORE_HEADINGS } from '../types.ts';
import { xhtmlToText } from './xhtml.ts';

export function compositionOf(doc: Bundle): Composition | undefined {
  return doc.entry?.find((e) => e.resource?.resourceType === 'Composition')?.resource as Composition | undefined;
}

/** Every resource a document carries: entries, entries of nested Bundles, and contained resources. */
export function documentResources(b: Bundle): FhirResource[] {
  const out: FhirResource[] = [];
  for (const e of b.entry ?? []) {
    const r = e.resource;
    if (!r) continue;
    if (r.resourceType === 'Bundle') out.push(...documentResources(r));
    else out.push(r);
    for (const c of (r as { contained?: FhirResource[] }).contained ?? []) out.push(c);
  }
  return out;
}

export function headingCode(s: CompositionSection): string | undefined {
  return s.code?.coding?.find((c) => c.system === UKCORE_HEADINGS)?.code ?? s.code?.coding?.[0]?.code;
}

export function renderDocument(doc: Bundle, format: LetterFormat): Letter {
  const comp = compositionOf(doc);
  let text = '';
  const sections: Section[] = [];
  if (comp?.title) text += comp.title + '\n\n';
  const walk = (list: CompositionSection[] | undefined) => {
    for (const s of list ?? []) {
      const title = s.title ?? s.code?.text ?? s.code?.coding?.[0]?.display ?? '';
      if (title) text += title + '\n';
      const start = text.length;
      const body = s.text?.div ? xhtmlToText(s.text.div) : '';
      if (body) text += body + '\n';
      sections.push({ title, code: headingCode(s), start, end: start + body.length });
      text += '\n';
      walk(s.section);
    }
  };
  walk(comp?.section);
  return { format, text, sections, date: comp?.date?.slice(0, 10), title: comp?.title, document: doc };
}

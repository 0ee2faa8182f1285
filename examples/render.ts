// One sample letter (letters-data.ts) → the bytes of its file, in the format it is sent in:
// plain text, HTML and PDF print the letter as a hospital would; R4 JSON is a UK Core document
// Bundle; XML is an ITK3 Transfer of Care message (STU3 CareConnect document inside an ITK
// message Bundle) written with the project's own wrapInMessage and toFhirXml.
// Everything is deterministic (ids from uuidFrom, times from the letter date) so regenerating
// the samples gives identical files.
import type { Bundle, Composition, CompositionSection, Encounter, Organization, Patient, Practitioner } from 'fhir/r4';
import { uuidFrom } from '../server/ids.ts';
import { NHS_NUMBER, ODS_CODE, SNOMED, UKCORE_HEADINGS } from '../server/types.ts';
import { ukCoreHeadingByName, ukCoreToSnomed } from '../server/normalise/headings.ts';
import { wrapInMessage } from '../server/ingest/itk3.ts';
import { toFhirXml } from '../server/ingest/fhir-xml.ts';
import { formatNhsNumber } from '../server/workflow/nhs-number.ts';
import { PRACTICE, PATIENTS, STAFF, type SamplePatient } from './practice-data.ts';
import { SENDERS, type SampleLetter, type LetterKind, type Sender } from './letters-data.ts';
import { textToPdf, type PdfLine } from './pdf.ts';

export const SYNTHETIC_NOTICE = 'SYNTHETIC SAMPLE LETTER - fictitious patient and clinicians, for Postroom demonstration only';

export const CONTENT_TYPES = {
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/fhir+json',
  xml: 'application/fhir+xml',
} as const;

/** Everything a rendering needs about one letter, resolved from the ids in its spec. */
interface Ctx {
  l: SampleLetter;
  p: SamplePatient;
  s: Sender;
  gp: { name: string; family: string };
  /** date of birth as printed (normally the registered one) */
  dob: string;
  mrn: string;
  id: (...parts: string[]) => string;
}

function context(l: SampleLetter): Ctx {
  const p = PATIENTS.find((x) => x.id === l.patient);
  if (!p) throw new Error(`sample letter ${l.name}: no patient ${l.patient}`);
  const g = STAFF.find((x) => x.id === p.gp)!;
  const s = SENDERS[l.sender];
  return {
    l, p, s,
    gp: { name: `Dr ${g.given} ${g.family}`, family: g.family },
    dob: l.printed?.birthDate ?? p.birthDate,
    mrn: `${s.mrn}${p.nhs.slice(3)}`,
    id: (...parts) => uuidFrom('postroom-sample', l.name, ...parts),
  };
}

const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const fullName = (p: SamplePatient) => `${p.prefix} ${p.given.join(' ')} ${p.family.toUpperCase()}`;
const address = (p: SamplePatient) => `${p.line}, ${PRACTICE.city} ${p.postcode}`;
const practiceAddress = `${PRACTICE.line}, ${PRACTICE.city} ${PRACTICE.postcode}`;
/** Clinic and results letters open "Dear Dr …"; summaries are forms. */
const isLetter = (k: LetterKind) => k === 'outpatient' || k === 'results' || k === 'admin' || k === 'mental-health';

// ─── printed letters (text, HTML, PDF) ──────────────────────────────────────────────────────────

/** The printed letter as lines: the same content for the text, HTML and PDF renderings. */
function printedLines(c: Ctx): { text: string; kind: 'title' | 'head' | 'heading' | 'body' | 'blank' }[] {
  const { l, p, s } = c;
  const out: { text: string; kind: 'title' | 'head' | 'heading' | 'body' | 'blank' }[] = [];
  const add = (text: string, kind: (typeof out)[number]['kind'] = 'body') => out.push({ text, kind });
  add(s.site.toUpperCase(), 'title');
  add(`${s.name} - ${l.service}`, 'head');
  add(`${s.line}, ${PRACTICE.city} ${s.postcode}   Tel: ${s.phone}`, 'head');
  add(SYNTHETIC_NOTICE, 'head');
  add('', 'blank');
  add(l.title, 'heading');
  add(`Date: ${ukDate(l.date)}`);
  add('', 'blank');
  add(`To: ${c.gp.name}, ${PRACTICE.name}, ${practiceAddress}`);
  add('', 'blank');
  add(`Re: ${fullName(p)}`);
  add(`DOB: ${ukDate(c.dob)}   NHS No: ${formatNhsNumber(p.nhs)}   Hospital No: ${c.mrn}`);
  add(`Address: ${address(p)}`);
  add('', 'blank');
  if (isLetter(l.kind)) { add(`Dear Dr ${c.gp.family},`); add('', 'blank'); }
  for (const [title, body] of l.sections) {
    add(title, 'heading');
    for (const line of body.split('\n')) add(line);
    add('', 'blank');
  }
  if (isLetter(l.kind)) add('Yours sincerely,');
  add(l.author.name);
  add(`${l.author.role}, ${l.service}`);
  add('', 'blank');
  add(`cc: ${fullName(p)} (patient)`);
  return out;
}

export function renderText(l: SampleLetter): string {
  return printedLines(context(l)).map((x) => x.text).join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderHtml(l: SampleLetter): string {
  const c = context(l);
  const body: string[] = [];
  let list: string[] = [];
  const flush = () => { if (list.length) body.push(`<p>${list.join('<br>\n')}</p>`); list = []; };
  for (const x of printedLines(c)) {
    if (x.kind === 'blank') { flush(); continue; }
    if (x.kind === 'title') { flush(); body.push(`<h1>${esc(x.text)}</h1>`); continue; }
    if (x.kind === 'head') { flush(); body.push(`<p class="letterhead">${esc(x.text)}</p>`); continue; }
    if (x.kind === 'heading') { flush(); body.push(`<h2>${esc(x.text)}</h2>`); continue; }
    list.push(esc(x.text));
  }
  flush();
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${esc(l.title)} (synthetic sample)</title>
<style>body{font-family:Arial,sans-serif;max-width:46em;margin:2em auto}h1{font-size:1.3em}h2{font-size:1.05em;margin-bottom:.2em}.letterhead{margin:0;color:#555}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

export function renderPdf(l: SampleLetter): Uint8Array {
  const lines: PdfLine[] = printedLines(context(l)).map((x) => ({
    text: x.text,
    bold: x.kind === 'title' || x.kind === 'heading',
    size: x.kind === 'title' ? 14 : x.kind === 'head' ? 9 : 10,
  }));
  return textToPdf(lines, `${l.title} (synthetic sample)`);
}

// ─── structured letters (R4 document, ITK3 STU3 message) ────────────────────────────────────────

type Version = 'R4' | 'STU3';

const STU3_PROFILE = 'https://fhir.hl7.org.uk/STU3/StructureDefinition';
const ITK_PROFILE = 'https://fhir.nhs.uk/STU3/StructureDefinition';
const UKCORE_PROFILE = 'https://fhir.hl7.org.uk/StructureDefinition';

const COMPOSITION_TYPE: Record<LetterKind, { code: string; display: string }> = {
  discharge: { code: '373942005', display: 'Discharge summary' },
  'mental-health': { code: '373942005', display: 'Discharge summary' },
  emergency: { code: '373942005', display: 'Discharge summary' },
  outpatient: { code: '823681000000100', display: 'Outpatient letter' },
  results: { code: '823681000000100', display: 'Outpatient letter' },
  admin: { code: '823681000000100', display: 'Outpatient letter' },
};
/** ITK3 ToC message events and Composition profiles by kind of letter. */
const TOC: Record<LetterKind, { event: string; composition: string }> = {
  discharge: { event: 'ITK003D', composition: 'CareConnect-ITK-EDIS-Composition-1' },
  'mental-health': { event: 'ITK004D', composition: 'CareConnect-ITK-MH-Composition-1' },
  emergency: { event: 'ITK005D', composition: 'CareConnect-ITK-EC-Composition-1' },
  outpatient: { event: 'ITK006D', composition: 'CareConnect-ITK-OPL-Composition-1' },
  results: { event: 'ITK006D', composition: 'CareConnect-ITK-OPL-Composition-1' },
  admin: { event: 'ITK006D', composition: 'CareConnect-ITK-OPL-Composition-1' },
};

const div = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;

function sectionCode(title: string, v: Version): CompositionSection['code'] {
  const uk = ukCoreHeadingByName(title);
  if (!uk) return { text: title };
  if (v === 'R4') return { coding: [{ system: UKCORE_HEADINGS, code: uk.code, display: uk.display }] };
  const sct = ukCoreToSnomed(uk.code);
  return sct ? { coding: [{ system: SNOMED, code: sct.code, display: sct.display }] } : { text: title };
}

/** Section narrative: one paragraph per line, so "- NEW"/"- STOPPED" items stay one per line. */
const narrative = (body: string) => div(body.split('\n').map((line) => `<p>${esc(line)}</p>`).join(''));

/** The letter as a FHIR document Bundle (R4 UK Core or STU3 CareConnect), built in FHIR element order for XML. */
export function documentBundle(l: SampleLetter, v: Version): Bundle {
  const c = context(l);
  const { p, s } = c;
  const ids = { bundle: c.id('document'), comp: c.id('composition'), patient: c.id('patient'), author: c.id('author'), custodian: c.id('custodian'), practice: c.id('practice'), encounter: c.id('encounter') };
  const ref = (id: string) => ({ reference: `urn:uuid:${id}` });
  const prof = (r4: string, stu3: string) => ({ profile: [v === 'R4' ? `${UKCORE_PROFILE}/${r4}` : stu3] });
  const when = `${l.date}T12:00:00+00:00`;
  const nhsStatus = v === 'R4'
    ? { url: `${UKCORE_PROFILE}/Extension-UKCore-NHSNumberVerificationStatus`, valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland', code: '01', display: 'Number present and verified' }] } }
    : { url: `${STU3_PROFILE}/Extension-CareConnect-NHSNumberVerificationStatus-1`, valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1', code: '01', display: 'Number present and verified' }] } };

  const patient: Patient = {
    resourceType: 'Patient', id: ids.patient, meta: prof('UKCore-Patient', `${STU3_PROFILE}/CareConnect-Patient-1`),
    identifier: [
      { extension: [nhsStatus], system: NHS_NUMBER, value: p.nhs },
      { system: `https://fhir.hartleybridge.example/Id/${s.mrn.toLowerCase()}-hospital-number`, value: c.mrn },
    ],
    name: [{ use: 'official', family: p.family.toUpperCase(), given: p.given, prefix: [p.prefix] }],
    gender: p.gender,
    birthDate: c.dob,
    address: [{ use: 'home', line: [p.line], city: PRACTICE.city, postalCode: p.postcode }],
    generalPractitioner: [ref(ids.practice)],
  };
  const [prefix, ...rest] = l.author.name.split(' ');
  const author: Practitioner = {
    resourceType: 'Practitioner', id: ids.author, meta: prof('UKCore-Practitioner', `${STU3_PROFILE}/CareConnect-Practitioner-1`),
    name: [{ family: rest[rest.length - 1], given: rest.slice(0, -1), prefix: [prefix] }],
  };
  const org = (id: string, ods: string, name: string, line: string, postcode: string): Organization => ({
    resourceType: 'Organization', id, meta: prof('UKCore-Organization', `${STU3_PROFILE}/CareConnect-Organization-1`),
    identifier: [{ system: ODS_CODE, value: ods }], name,
    address: [{ line: [line], city: PRACTICE.city, postalCode: postcode }],
  });
  const custodian = org(ids.custodian, s.ods, s.name, s.line, s.postcode);
  const practice = org(ids.practice, PRACTICE.ods, PRACTICE.name, PRACTICE.line, PRACTICE.postcode);
  const encClass = l.kind === 'discharge' || l.kind === 'mental-health'
    ? { system: v === 'R4' ? 'http://terminology.hl7.org/CodeSystem/v3-ActCode' : 'http://hl7.org/fhir/v3/ActCode', code: 'IMP', display: 'inpatient encounter' }
    : l.kind === 'emergency'
      ? { system: v === 'R4' ? 'http://terminology.hl7.org/CodeSystem/v3-ActCode' : 'http://hl7.org/fhir/v3/ActCode', code: 'EMER', display: 'emergency' }
      : { system: v === 'R4' ? 'http://terminology.hl7.org/CodeSystem/v3-ActCode' : 'http://hl7.org/fhir/v3/ActCode', code: 'AMB', display: 'ambulatory' };
  const encounter: Encounter = {
    resourceType: 'Encounter', id: ids.encounter, meta: prof('UKCore-Encounter', `${STU3_PROFILE}/CareConnect-Encounter-1`),
    status: 'finished', class: encClass, subject: ref(ids.patient), period: { end: when }, serviceProvider: ref(ids.custodian),
  };

  const demographics = div(`<table width="100%"><tbody>${[
    ['Name', fullName(p)], ['Date of birth', ukDate(c.dob)], ['NHS number', formatNhsNumber(p.nhs)], ['Hospital number', c.mrn], ['Address', address(p)],
  ].map(([k, val]) => `<tr><th>${k}</th><td>${esc(val)}</td></tr>`).join('')}</tbody></table>`);
  const sections: CompositionSection[] = [
    { title: 'Patient demographics', code: sectionCode('Patient demographics', v), text: { status: 'additional', div: demographics }, entry: [ref(ids.patient)] },
    ...l.sections.map(([title, body]): CompositionSection => ({ title, code: sectionCode(title, v), text: { status: 'additional', div: narrative(body) } })),
    { title: 'Person completing record', code: sectionCode('Person completing record', v), text: { status: 'additional', div: narrative(`${l.author.name}, ${l.author.role}, ${l.service}`) }, entry: [ref(ids.author)] },
    { title: 'GP practice', code: sectionCode('GP practice', v), text: { status: 'additional', div: narrative(`${c.gp.name}, ${PRACTICE.name}, ${practiceAddress}`) }, entry: [ref(ids.practice)] },
  ];
  const type = COMPOSITION_TYPE[l.kind];
  const composition: Composition = {
    resourceType: 'Composition', id: ids.comp,
    meta: prof('UKCore-Composition', `${ITK_PROFILE}/${TOC[l.kind].composition}`),
    identifier: { system: 'https://tools.ietf.org/html/rfc4122', value: c.id('composition-identifier') },
    status: 'final',
    type: { coding: [{ system: SNOMED, code: type.code, display: type.display }] },
    subject: ref(ids.patient),
    encounter: ref(ids.encounter),
    date: when,
    author: [ref(ids.author)],
    title: `${l.title} (synthetic sample)`,
    custodian: ref(ids.custodian),
    section: sections,
  };
  const resources = [composition, patient, author, custodian, practice, encounter];
  return {
    resourceType: 'Bundle', id: ids.bundle,
    meta: v === 'STU3' ? { profile: [`${ITK_PROFILE}/ITK-Document-Bundle-1`] } : { profile: [`${UKCORE_PROFILE}/UKCore-Bundle`] },
    identifier: { system: 'https://tools.ietf.org/html/rfc4122', value: c.id('document-identifier') },
    type: 'document',
    ...(v === 'R4' ? { timestamp: when } : {}),
    entry: resources.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })),
  };
}

export function renderR4Json(l: SampleLetter): string {
  return JSON.stringify(documentBundle(l, 'R4'), null, 2) + '\n';
}

/** The letter as an ITK3 Transfer of Care message (STU3 XML), as a hospital's TIE would send it. */
export function renderItk3Xml(l: SampleLetter): string {
  const c = context(l);
  let n = 0;
  const message = wrapInMessage(documentBundle(l, 'STU3'), {
    event: TOC[l.kind].event,
    sender: { ods: c.s.ods, name: c.s.name },
    receiverOds: PRACTICE.ods,
    receiverName: PRACTICE.name,
    fhirVersion: 'STU3',
    now: new Date(`${l.date}T12:00:00Z`),
    idGen: () => c.id('message', String(n++)),
  });
  return toFhirXml(message, 'STU3');
}

/** The file for a letter spec: name with extension, content type and bytes. */
export function renderLetter(l: SampleLetter): { file: string; contentType: string; bytes: Uint8Array } {
  const enc = new TextEncoder();
  const file = `${l.name}.${l.format}`;
  const contentType = CONTENT_TYPES[l.format];
  switch (l.format) {
    case 'txt': return { file, contentType, bytes: enc.encode(renderText(l)) };
    case 'html': return { file, contentType, bytes: enc.encode(renderHtml(l)) };
    case 'pdf': return { file, contentType, bytes: renderPdf(l) };
    case 'json': return { file, contentType, bytes: enc.encode(renderR4Json(l)) };
    case 'xml': return { file, contentType, bytes: enc.encode(renderItk3Xml(l)) };
  }
}

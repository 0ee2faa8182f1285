// Reading what hospitals send: an ITK3 message Bundle (FHIR STU3, XML as the ITK3 spec says, or
// JSON) or an R4 UK Core message Bundle (JSON or XML). Checks the envelope the way an ITK3
// receiver must (message Bundle, MessageHeader first, known event, handling specification,
// focus resolving to a document Bundle) and says why in ITK3 terms when it is refused.
import { randomUUID } from 'node:crypto';
import { parseFhirXml, FhirXmlError, versionOfUrl, type FhirVersion } from './fhir-xml.ts';
import { IngestError, type Received } from './errors.ts';
import { ODS_CODE } from '../types.ts';

export type MessageFormat = 'itk3-stu3-xml' | 'itk3-stu3-json' | 'fhir-r4-json' | 'fhir-r4-xml';

export interface MessageEvent { code: string; display: string; system?: string }

export interface Handling {
  busAck: boolean;
  infAck: boolean;
  recipientType?: 'FA' | 'FI';
  priority?: string;
  messageDefinition?: string;
  senderReference?: string;
  localExtension?: string;
}

export interface Party { ods?: string; endpoint?: string; name?: string }

export interface InboundMessage {
  fhirVersion: FhirVersion;
  format: MessageFormat;
  /** Bundle.identifier.value, else the MessageHeader id (what a response's response.identifier names). */
  messageId: string;
  /** The MessageHeader's id (FHIR's base definition of response.identifier names this one). */
  headerId?: string;
  /** The message Bundle's id. */
  bundleId?: string;
  event: MessageEvent;
  handling: Handling;
  sender: Party;
  /** The receiving organisation; ods V81999 (practice unknown) is accepted like any other. */
  receiver: Party & { unknownPractice?: boolean };
  /** Identifier of the document Bundle. */
  documentId: string;
  /** Composition.identifier (stays the same across versions of a document). */
  compositionId?: string;
  documentVersion?: string;
  /** Identifier of the document this one supersedes (Composition.relatesTo code=replaces). */
  replaces?: string;
  /** The document Bundle as received (STU3 or R4 JSON, per fhirVersion). */
  document: any;
  /** The MessageHeader as received. */
  header: any;
  /** The whole message Bundle as received. */
  bundle: any;
}

export interface ReadOptions {
  /** Largest message accepted, in bytes (default 10 MB → 20015 "Message too large"). */
  maxBytes?: number;
}

/** Transfer of Care events Postroom accepts. */
export const TOC_EVENTS: Record<string, string> = {
  ITK003D: 'ITK eDischarge',
  ITK004D: 'ITK Mental Health eDischarge',
  ITK005D: 'ITK Emergency Care eDischarge',
  ITK006D: 'ITK Outpatient Letter',
};
/** SNOMED CT events R4 UK Core messages use (UKCore-MessageHeader-Discharge-Example). */
const SNOMED_EVENTS: Record<string, string> = { '306689006': 'Discharge to home' };

export const ITK_MESSAGE_EVENT_STU3 = 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2';
export const ITK_HANDLING_STU3 = 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2';
export const UNKNOWN_PRACTICE_ODS = 'V81999';

const SUPPORTED_TYPES = /^application\/(fhir\+)?(xml|json)$|^text\/xml$/;

/** Media type and the fhirVersion parameter (3.0 → STU3, 4.0 → R4) of a Content-Type header. */
function mediaType(contentType: string, bytes: Uint8Array): { syntax: 'xml' | 'json'; hint?: FhirVersion } {
  const [type, ...params] = contentType.split(';').map((s) => s.trim().toLowerCase());
  let hint: FhirVersion | undefined;
  for (const p of params) {
    const m = /^fhirversion=["']?(\d+)(?:\.\d+)*["']?$/.exec(p);
    if (m) hint = m[1] === '3' ? 'STU3' : m[1] === '4' ? 'R4' : undefined;
  }
  if (!type || type === 'application/octet-stream') {
    let i = 0;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09 || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)) i++;
    if (bytes[i] === 0x3c) return { syntax: 'xml', hint };
    if (bytes[i] === 0x7b) return { syntax: 'json', hint };
    throw new IngestError('unsupported-media-type', 415, '10009', 'no content type given and the body is neither XML nor JSON');
  }
  if (!SUPPORTED_TYPES.test(type)) throw new IngestError('unsupported-media-type', 415, '10009', `content type ${type} is not accepted; send application/fhir+xml or application/fhir+json`);
  return { syntax: type.endsWith('json') ? 'json' : 'xml', hint };
}

/** FHIR version of JSON content: profile/extension/system URLs, else MessageHeader.event (STU3) vs eventCoding (R4). */
export function versionOfJson(resource: any): FhirVersion {
  let stu3 = 0, r4 = 0;
  // depth-bounded: hostile JSON nested thousands deep must not exhaust the stack
  const walk = (v: any, key: string, depth: number) => {
    if (typeof v === 'string') {
      if (key === 'profile' || key === 'url' || key === 'system') { const ver = versionOfUrl(v); if (ver === 'STU3') stu3++; else if (ver === 'R4') r4++; }
      return;
    }
    if (!v || typeof v !== 'object' || depth > 64) return;
    if (Array.isArray(v)) { for (const x of v) walk(x, key, depth + 1); return; }
    for (const k in v) walk(v[k], k, depth + 1);
  };
  walk(resource, '', 0);
  if (stu3 !== r4) return stu3 > r4 ? 'STU3' : 'R4';
  const header = resource?.entry?.[0]?.resource;
  if (header?.resourceType === 'MessageHeader') return header.event ? 'STU3' : 'R4';
  return 'R4';
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError('unreadable', 400, '10009', 'the message is not valid UTF-8 text');
  }
}

/** Deepest {/[ nesting of JSON text (strings skipped), so hostile nesting is refused before parsing. */
export function jsonDepth(text: string): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* backslash */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) { if (++depth > max) max = depth; }
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

const MAX_JSON_DEPTH = 256;

/** Parse bytes into FHIR JSON, turning every parse failure into an ITK3 refusal. */
function parse(bytes: Uint8Array, contentType: string): { fhirVersion: FhirVersion; bundle: any; syntax: 'xml' | 'json' } {
  const { syntax, hint } = mediaType(contentType ?? '', bytes);
  const text = decode(bytes);
  if (syntax === 'json') {
    if (jsonDepth(text) > MAX_JSON_DEPTH) throw new IngestError('malformed-json', 400, '10009', `the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`);
    let bundle: any;
    try { bundle = JSON.parse(text); } catch (e) {
      // V8's message quotes the input; keep only where it went wrong.
      const at = /position (\d+)/.exec((e as Error).message)?.[1];
      throw new IngestError('malformed-json', 400, '10009', `the message is not well-formed JSON${at ? ` (at character ${at})` : ''}`);
    }
    if (!bundle || typeof bundle !== 'object' || typeof bundle.resourceType !== 'string') throw new IngestError('not-fhir', 400, '10009', 'the JSON is not a FHIR resource (no resourceType)');
    return { fhirVersion: hint ?? versionOfJson(bundle), bundle, syntax };
  }
  try {
    const p = parseFhirXml(text, { fhirVersion: hint });
    return { fhirVersion: p.fhirVersion, bundle: p.resource, syntax };
  } catch (e) {
    if (!(e instanceof FhirXmlError)) throw e;
    if (e.code === 'doctype') throw new IngestError('doctype', 400, '10009', e.message);
    if (e.code === 'too-large') throw new IngestError('too-large', 413, '20015', e.message);
    if (e.code === 'not-fhir') throw new IngestError('not-fhir', 400, '10009', e.message);
    throw new IngestError('malformed-xml', 400, '10009', `the message is not well-formed FHIR XML: ${e.message}`);
  }
}

/** The entry a reference points at: urn:uuid / absolute fullUrl, or Type/id inside the Bundle. */
export function resolveReference(bundle: any, ref: any): any {
  const r = typeof ref === 'string' ? ref : ref?.reference;
  if (!r || typeof r !== 'string') return undefined;
  for (const e of bundle?.entry ?? []) if (e?.fullUrl === r) return e.resource;
  const m = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(r);
  if (m) for (const e of bundle?.entry ?? []) if (e?.resource?.resourceType === m[1] && e.resource.id === m[2]) return e.resource;
  return undefined;
}

const odsOf = (org: any): string | undefined =>
  org?.identifier?.find?.((i: any) => i?.system === ODS_CODE || /ods-organization(-site)?-code$/.test(i?.system ?? ''))?.value
  ?? (org?.identifier?.system === ODS_CODE ? org.identifier.value : undefined);

/** The object without its undefined properties (so parties compare and serialise cleanly). */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Sender/receiver organisation behind a reference: an Organization, or the one a PractitionerRole acts for. */
function party(bundle: any, ref: any): Party {
  if (!ref) return {};
  const target = resolveReference(bundle, ref);
  if (target?.resourceType === 'Organization') return defined({ ods: odsOf(target), name: target.name });
  if (target?.resourceType === 'PractitionerRole') return party(bundle, target.organization);
  // logical reference by identifier, or a directory URL ending in the ODS code
  const byId = ref.identifier?.system === ODS_CODE ? ref.identifier.value : undefined;
  const byUrl = /\/Organization\/([A-Z0-9]{3,10})$/.exec(ref.reference ?? '')?.[1];
  const ods = byId ?? byUrl;
  return defined({ ods, name: ref.display });
}

function handlingOf(header: any, fhirVersion: FhirVersion): Handling {
  const ext = (header.extension ?? []).find((e: any) => typeof e?.url === 'string' && /Extension-ITK-MessageHandling/.test(e.url));
  if (!ext) {
    // ITK3 (STU3) requires the handling specification; R4 messages may leave it out.
    if (fhirVersion === 'STU3') throw new IngestError('handling-missing', 422, '10001', 'MessageHeader has no ITK handling specification (Extension-ITK-MessageHandling-2)', 'MessageHeader.extension');
    return { busAck: false, infAck: false };
  }
  const sub = (name: string) => (ext.extension ?? []).find((e: any) => e?.url === name);
  const bool = (name: string, code: string): boolean => {
    const v = sub(name)?.valueBoolean;
    if (typeof v !== 'boolean') throw new IngestError('handling-invalid', 422, code, `handling specification ${name} must be a boolean`, `MessageHeader.extension(${name})`);
    return v;
  };
  const busAck = bool('BusAckRequested', '10003');
  const infAck = bool('InfAckRequested', '10002');
  const rt = sub('RecipientType')?.valueCoding?.code;
  if (rt !== undefined && rt !== 'FA' && rt !== 'FI') throw new IngestError('handling-invalid', 422, '10010', `handling specification RecipientType ${rt} is not FA or FI`, 'MessageHeader.extension(RecipientType)');
  if (rt === undefined && fhirVersion === 'STU3') throw new IngestError('handling-invalid', 422, '10010', 'handling specification has no RecipientType', 'MessageHeader.extension(RecipientType)');
  const md = sub('MessageDefinition')?.valueReference?.reference;
  if (!md && fhirVersion === 'STU3') throw new IngestError('handling-invalid', 422, '10004', 'handling specification has no MessageDefinition', 'MessageHeader.extension(MessageDefinition)');
  if (fhirVersion === 'STU3' && typeof sub('SenderReference')?.valueString !== 'string') throw new IngestError('handling-invalid', 422, '10007', 'handling specification has no SenderReference', 'MessageHeader.extension(SenderReference)');
  // ITK3 rule: a business acknowledgement can only be asked for together with an infrastructure one.
  if (busAck && !infAck) throw new IngestError('handling-rule', 422, '10008', 'BusAckRequested is true but InfAckRequested is false', 'MessageHeader.extension');
  const str = (name: string) => { const v = sub(name)?.valueString; return typeof v === 'string' ? v : undefined; };
  return defined({
    busAck, infAck, recipientType: rt,
    priority: sub('Priority')?.valueCoding?.code, messageDefinition: md,
    senderReference: str('SenderReference'), localExtension: str('LocalExtension'),
  });
}

function eventOf(header: any, fhirVersion: FhirVersion): MessageEvent {
  // STU3: event is a Coding (some senders wrap it as a CodeableConcept); R4: eventCoding.
  const raw = fhirVersion === 'STU3' ? header.event ?? header.eventCoding : header.eventCoding ?? header.event;
  const coding = raw?.code ? raw : Array.isArray(raw?.coding) ? raw.coding[0] : raw?.coding;
  const code = coding?.code;
  if (!code) throw new IngestError('unknown-event', 422, '20006', 'MessageHeader has no event code', 'MessageHeader.event');
  const display = TOC_EVENTS[code] ?? (fhirVersion === 'R4' && coding.system === 'http://snomed.info/sct' ? SNOMED_EVENTS[code] : undefined);
  if (!display) throw new IngestError('unknown-event', 422, '20006', `message event ${code} is not one Postroom receives (ITK003D, ITK004D, ITK005D, ITK006D)`, 'MessageHeader.event');
  return { code, display: coding.display ?? display, system: coding.system };
}

function documentOfMessage(bundle: any, header: any): any {
  const foci = Array.isArray(header.focus) ? header.focus : header.focus ? [header.focus] : [];
  for (const f of foci) {
    const r = resolveReference(bundle, f);
    if (r?.resourceType === 'Bundle' && r.type === 'document') return r;
  }
  // R4 messages may focus the Encounter; the document then travels as another entry.
  const doc = (bundle.entry ?? []).map((e: any) => e?.resource).find((r: any) => r?.resourceType === 'Bundle' && r.type === 'document');
  if (doc) return doc;
  throw new IngestError('no-document', 422, '20009', foci.length ? 'MessageHeader.focus does not resolve to a document Bundle in the message' : 'the message carries no document Bundle', 'MessageHeader.focus');
}

/** Read and check an inbound ITK3 / R4 message. Throws IngestError (with the ITK3 code) when it is refused. */
export function readMessage(bytes: Uint8Array, contentType: string, opts: ReadOptions = {}): InboundMessage {
  const maxBytes = opts.maxBytes ?? 10_000_000;
  if (bytes.length > maxBytes) throw new IngestError('too-large', 413, '20015', `the message is ${bytes.length} bytes; at most ${maxBytes} are accepted`);
  const { fhirVersion, bundle, syntax } = parse(bytes, contentType);
  const received: Received = { fhirVersion, messageId: bundle?.identifier?.value ?? bundle?.entry?.[0]?.resource?.id };
  try {
    return checkMessage(bundle, fhirVersion, syntax);
  } catch (e) {
    if (e instanceof IngestError) e.received ??= { ...received, sender: { endpoint: bundle?.entry?.[0]?.resource?.source?.endpoint } };
    throw e;
  }
}

function checkMessage(bundle: any, fhirVersion: FhirVersion, syntax: 'xml' | 'json'): InboundMessage {
  if (bundle.resourceType !== 'Bundle') throw new IngestError('not-message', 422, '20006', `expected a message Bundle, got ${bundle.resourceType}`);
  if (bundle.type !== 'message') {
    const why = bundle.type === 'document' ? 'a document Bundle was sent without its ITK3 message Bundle' : `Bundle.type is ${bundle.type ?? 'missing'}, not message`;
    throw new IngestError('not-message', 422, '20006', why, 'Bundle.type');
  }
  const header = bundle.entry?.[0]?.resource;
  if (header?.resourceType !== 'MessageHeader') throw new IngestError('no-message-header', 422, '20006', 'the first entry of the message Bundle is not a MessageHeader', 'Bundle.entry[0]');

  const event = eventOf(header, fhirVersion);
  const handling = handlingOf(header, fhirVersion);
  const document = documentOfMessage(bundle, header);
  const documentId = document.identifier?.value ?? document.id;
  if (!documentId) throw new IngestError('invalid-document', 422, '20009', 'the document Bundle has no identifier', 'Bundle.identifier');
  const composition = document.entry?.[0]?.resource;
  if (composition?.resourceType !== 'Composition') throw new IngestError('invalid-document', 422, '20009', 'the first entry of the document Bundle is not a Composition', 'Bundle.entry[0]');

  const messageId = bundle.identifier?.value ?? header.id;
  if (!messageId) throw new IngestError('not-message', 422, '20006', 'the message has neither Bundle.identifier nor a MessageHeader id', 'Bundle.identifier');

  const senderParty = party(bundle, header.sender);
  const responsible = party(bundle, header.responsible);
  // The sender is often a Practitioner: the organisation is then the responsible one, or the
  // document's custodian.
  const custodian = senderParty.ods || responsible.ods ? {} : party(document, composition.custodian);
  const sender: Party = defined({
    ods: senderParty.ods ?? responsible.ods ?? custodian.ods,
    name: senderParty.name ?? responsible.name ?? custodian.name,
    endpoint: header.source?.endpoint,
  });
  const receiverRef = fhirVersion === 'STU3' ? header.receiver ?? header.destination?.[0]?.receiver : header.destination?.find?.((d: any) => d?.receiver)?.receiver ?? header.receiver;
  const rec = party(bundle, receiverRef);
  const receiver = { ...rec, ...(rec.ods === UNKNOWN_PRACTICE_ODS ? { unknownPractice: true } : {}) };

  const replacesRel = (composition.relatesTo ?? []).find((r: any) => r?.code === 'replaces');
  const replaces = replacesRel?.targetIdentifier?.value ?? replacesRel?.targetReference?.identifier?.value ?? replacesRel?.targetReference?.reference;
  const documentVersion = document.meta?.versionId ?? composition.meta?.versionId;

  const format: MessageFormat = fhirVersion === 'STU3' ? (syntax === 'xml' ? 'itk3-stu3-xml' : 'itk3-stu3-json') : syntax === 'xml' ? 'fhir-r4-xml' : 'fhir-r4-json';
  return {
    fhirVersion, format, messageId, headerId: header.id, bundleId: bundle.id, event, handling, sender, receiver,
    documentId, compositionId: composition.identifier?.value, documentVersion, replaces,
    document, header, bundle,
  };
}

// ───────────────────────────── wrapping bare documents ─────────────────────────────

export interface WrapOptions {
  event: keyof typeof TOC_EVENTS | string;
  sender: { ods: string; name?: string; endpoint?: string };
  receiverOds: string;
  receiverName?: string;
  fhirVersion: FhirVersion;
  handling?: Partial<Handling>;
  now?: Date;
  idGen?: () => string;
}

const MESSAGE_DEFINITIONS: Record<string, string> = {
  ITK003D: 'ITK-eDischarge-MessageDefinition-Instance-1',
  ITK004D: 'ITK-MH-eDischarge-MessageDefinition-Instance-1',
  ITK005D: 'ITK-EC-eDischarge-MessageDefinition-Instance-1',
  ITK006D: 'ITK-OPL-MessageDefinition-Instance-1',
};

/** An ITK3 (STU3) or R4 message Bundle around a bare document Bundle, for samples and tests. */
export function wrapInMessage(documentBundle: any, o: WrapOptions): any {
  const id = o.idGen ?? randomUUID;
  const now = (o.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const headerId = id(), senderId = id(), receiverId = id();
  const docUrl = `urn:uuid:${documentBundle.id ?? id()}`;
  const org = (oid: string, ods: string, name?: string) => ({
    resourceType: 'Organization', id: oid,
    ...(o.fhirVersion === 'STU3' ? { meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Organization-1'] } } : {}),
    identifier: [{ system: ODS_CODE, value: ods }], ...(name ? { name } : {}),
  });
  const h = { busAck: true, infAck: true, recipientType: 'FA' as const, ...o.handling };
  const handlingExt = {
    url: ITK_HANDLING_STU3,
    extension: [
      { url: 'BusAckRequested', valueBoolean: h.busAck },
      { url: 'InfAckRequested', valueBoolean: h.infAck },
      { url: 'RecipientType', valueCoding: { system: 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1', code: h.recipientType, display: h.recipientType === 'FI' ? 'For Information' : 'For Action' } },
      { url: 'Priority', valueCoding: { system: 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-Priority-1', code: h.priority ?? 'routine' } },
      { url: 'MessageDefinition', valueReference: { reference: `https://fhir.nhs.uk/STU3/MessageDefinition/${h.messageDefinition ?? MESSAGE_DEFINITIONS[o.event] ?? 'ITK-eDischarge-MessageDefinition-Instance-1'}` } },
      { url: 'SenderReference', valueString: h.senderReference ?? 'None' },
      { url: 'LocalExtension', valueString: h.localExtension ?? 'None' },
    ],
  };
  const event = { system: ITK_MESSAGE_EVENT_STU3, code: o.event, display: TOC_EVENTS[o.event] ?? o.event };
  const header: any = o.fhirVersion === 'STU3'
    ? {
        resourceType: 'MessageHeader', id: headerId,
        meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2'] },
        extension: [handlingExt], event,
        receiver: { reference: `urn:uuid:${receiverId}` }, sender: { reference: `urn:uuid:${senderId}` },
        timestamp: now, source: { endpoint: o.sender.endpoint ?? o.sender.ods }, focus: [{ reference: docUrl }],
      }
    : {
        // R4 has no ITK handling extension of its own; the STU3 one is carried only when asked for.
        resourceType: 'MessageHeader', id: headerId, ...(o.handling ? { extension: [handlingExt] } : {}), eventCoding: event,
        destination: [{ endpoint: `urn:nhs:addressing:ods:${o.receiverOds}`, receiver: { reference: `urn:uuid:${receiverId}` } }],
        sender: { reference: `urn:uuid:${senderId}` }, source: { endpoint: o.sender.endpoint ?? o.sender.ods },
        focus: [{ reference: docUrl }],
      };
  return {
    resourceType: 'Bundle', id: id(),
    ...(o.fhirVersion === 'STU3' ? { meta: { profile: ['https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1'] } } : {}),
    identifier: { system: 'https://tools.ietf.org/html/rfc4122', value: id() },
    type: 'message',
    ...(o.fhirVersion === 'R4' ? { timestamp: now } : {}),
    entry: [
      { fullUrl: `urn:uuid:${headerId}`, resource: header },
      { fullUrl: `urn:uuid:${senderId}`, resource: org(senderId, o.sender.ods, o.sender.name) },
      { fullUrl: `urn:uuid:${receiverId}`, resource: org(receiverId, o.receiverOds, o.receiverName) },
      { fullUrl: docUrl, resource: documentBundle },
    ],
  };
}

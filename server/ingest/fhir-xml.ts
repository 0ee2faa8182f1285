// FHIR XML ⇄ FHIR JSON, for STU3 and R4, following the FHIR XML/JSON representation rules.
//
// A small hand-written tokenizer rather than a general XML library: FHIR XML uses a tiny subset
// of XML (elements, attributes, comments, the XML declaration; text only inside the XHTML
// narrative), and writing it ourselves lets us refuse DTDs and entity declarations outright
// (no XXE or entity-expansion surface at all), bound size and depth, keep Narrative.div as the
// exact XHTML source, and report errors with line/column. It parses a 50 KB ITK3 message in
// well under a millisecond.
//
// XML does not say which elements repeat or which primitives are numbers/booleans; that comes
// from profiles/fhir-elements.json (every base element of STU3 and R4, generated from the core
// definitions). Elements the table does not know (a sender's own additions) become a single
// value, or an array when they occur more than once.
//
// Version detection (parseFhirXml without a hint), first rule that decides:
//  1. a caller hint (opts.fhirVersion);
//  2. conformance URLs in the content — meta.profile, extension url and coding system values:
//     https://fhir.nhs.uk/STU3/…, CareConnect-… or http://hl7.org/fhir/stu3 → STU3;
//     UKCore-… (https://fhir.hl7.org.uk/…) or https://fhir.nhs.uk/England/… → R4;
//     the side with more such URLs wins;
//  3. the elements themselves: whichever version's definitions leave fewer elements unknown
//     (e.g. MessageHeader.event is STU3, eventCoding R4; MedicationStatement.taken is STU3);
//  4. R4 (current) when nothing distinguishes them.
import { elementsOf, isResourceType, type ElementDef, type FhirVersion } from '../../profiles/elements.ts';

export type { FhirVersion };
export interface ParsedFhir { fhirVersion: 'STU3' | 'R4'; resource: any }

export interface ParseOptions {
  /** Version the caller knows the content to be (e.g. from a content-type fhirVersion parameter). */
  fhirVersion?: FhirVersion;
  /** Largest input accepted, in characters (default 20 MB). */
  maxLength?: number;
  /** Deepest element nesting accepted, XHTML included (default 256). */
  maxDepth?: number;
}

export type FhirXmlErrorCode = 'malformed' | 'doctype' | 'too-large' | 'too-deep' | 'not-fhir';

/** Why XML could not be read as FHIR; line/column (1-based) locate the problem when known. */
export class FhirXmlError extends Error {
  constructor(public code: FhirXmlErrorCode, message: string, public line?: number, public column?: number) {
    super(line ? `${message} (line ${line}, column ${column})` : message);
    this.name = 'FhirXmlError';
  }
}

export const FHIR_NS = 'http://hl7.org/fhir';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

// ───────────────────────────── tokenizer: XML text → element tree ─────────────────────────────

interface XEl {
  local: string;
  /** namespace prefix, when the element name has one */
  prefix?: string;
  attrs: Record<string, string> | null;
  children: XEl[];
  /** Narrative.div: the XHTML as one string. */
  raw?: string;
  pos: number;
}

const NAME = /[A-Za-z_][-A-Za-z0-9_.]*(?::[A-Za-z_][-A-Za-z0-9_.]*)?/y;
const SPACE = /[ \t\r\n]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function lineCol(s: string, pos: number): [number, number] {
  let line = 1, last = -1;
  for (let i = s.indexOf('\n'); i !== -1 && i < pos; i = s.indexOf('\n', i + 1)) { line++; last = i; }
  return [line, pos - last];
}

class Reader {
  i = 0;
  depth = 0;
  constructor(readonly s: string, readonly maxDepth: number) {}

  fail(code: FhirXmlErrorCode, msg: string, at = this.i): never {
    const [l, c] = lineCol(this.s, at);
    throw new FhirXmlError(code, msg, l, c);
  }

  skipSpace() { SPACE.lastIndex = this.i; SPACE.test(this.s); this.i = SPACE.lastIndex; }

  name(): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.s);
    if (!m) this.fail('malformed', 'expected an element or attribute name');
    this.i = NAME.lastIndex;
    return m[0];
  }

  decode(v: string, at: number): string {
    if (v.indexOf('&') === -1) return v;
    return v.replace(/&([^;&\s]{0,32});?/g, (m, e: string) => {
      if (!m.endsWith(';')) this.fail('malformed', 'unterminated character reference', at);
      if (e[0] === '#') {
        const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        if (!Number.isFinite(n) || n < 1 || n > 0x10ffff) this.fail('malformed', `invalid character reference &${e};`, at);
        return String.fromCodePoint(n);
      }
      const p = PREDEFINED[e];
      if (p === undefined) this.fail('malformed', `undefined entity &${e}; (only the XML predefined entities are allowed)`, at);
      return p;
    });
  }

  /** Skip a comment, processing instruction or CDATA at this.i; refuse any DTD markup. */
  misc(): boolean {
    const s = this.s, i = this.i;
    if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      if (e === -1) this.fail('malformed', 'unterminated comment');
      this.i = e + 3; return true;
    }
    if (s.startsWith('<?', i)) {
      const e = s.indexOf('?>', i + 2);
      if (e === -1) this.fail('malformed', 'unterminated processing instruction');
      this.i = e + 2; return true;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const e = s.indexOf(']]>', i + 9);
      if (e === -1) this.fail('malformed', 'unterminated CDATA section');
      this.i = e + 3; return true;
    }
    if (s.startsWith('<!', i)) {
      const what = /^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.exec(s.slice(i, i + 12))?.[1]?.toUpperCase() ?? 'markup declaration';
      this.fail('doctype', `${what} declarations are not accepted (DTDs and entities are refused for security)`);
    }
    return false;
  }

  /** Attributes up to '>' or '/>'; returns [attrs, selfClosing]. */
  attributes(): [Record<string, string> | null, boolean] {
    let attrs: Record<string, string> | null = null;
    const s = this.s;
    for (;;) {
      const before = this.i;
      this.skipSpace();
      const c = s[this.i];
      if (c === '>') { this.i++; return [attrs, false]; }
      if (c === '/' && s[this.i + 1] === '>') { this.i += 2; return [attrs, true]; }
      if (c === undefined) this.fail('malformed', 'unexpected end of input inside a tag');
      if (this.i === before) this.fail('malformed', 'expected whitespace before attribute');
      const at = this.i;
      const n = this.name();
      this.skipSpace();
      if (s[this.i] !== '=') this.fail('malformed', `attribute ${n} has no value`);
      this.i++;
      this.skipSpace();
      const q = s[this.i];
      if (q !== '"' && q !== "'") this.fail('malformed', `attribute ${n} value must be quoted`);
      const e = s.indexOf(q, this.i + 1);
      if (e === -1) this.fail('malformed', `unterminated value of attribute ${n}`);
      const v = s.slice(this.i + 1, e);
      if (v.indexOf('<') !== -1) this.fail('malformed', `'<' in value of attribute ${n}`, at);
      this.i = e + 1;
      attrs ??= {};
      if (n in attrs) this.fail('malformed', `duplicate attribute ${n}`, at);
      attrs[n] = this.decode(v, at);
    }
  }

  endTag(qname: string) {
    const at = this.i;
    this.i += 2;
    const n = this.name();
    if (n !== qname) this.fail('malformed', `end tag </${n}> does not match <${qname}>`, at);
    this.skipSpace();
    if (this.s[this.i] !== '>') this.fail('malformed', `expected '>' to close </${n}>`);
    this.i++;
  }

  /** Element at this.i (which is '<' of a start tag), children included. */
  element(): XEl {
    const s = this.s, pos = this.i;
    if (++this.depth > this.maxDepth) this.fail('too-deep', `elements nested deeper than ${this.maxDepth}`);
    this.i++;
    const qname = this.name();
    const colon = qname.indexOf(':');
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    if (local === 'div') {
      const end = this.xhtml(pos, qname);
      this.depth--;
      return { local, attrs: null, children: [], raw: divSource(this.s.slice(pos, end), qname), pos };
    }
    const [attrs, empty] = this.attributes();
    const el: XEl = { local, attrs, children: [], pos };
    if (colon !== -1) el.prefix = qname.slice(0, colon);
    if (!empty) {
      for (;;) {
        const lt = s.indexOf('<', this.i);
        if (lt === -1) this.fail('malformed', `element <${qname}> is not closed`, pos);
        // FHIR elements carry no text; whatever stray text there is (whitespace) is skipped.
        this.i = lt;
        if (s.charCodeAt(lt + 1) === 47 /* / */) { this.endTag(qname); break; }
        if (this.misc()) continue;
        el.children.push(this.element());
      }
    }
    this.depth--;
    return el;
  }

  /**
   * Check the XHTML subtree whose start tag name (qname) has just been read: tags balance, depth
   * is bounded, entities are XML's own. Returns the position just after its end tag.
   */
  private xhtml(pos: number, qname: string): number {
    const s = this.s;
    const stack = [qname];
    const [, empty] = this.attributes();
    if (empty) return this.i;
    while (stack.length) {
      const lt = s.indexOf('<', this.i);
      if (lt === -1) this.fail('malformed', `element <${stack[stack.length - 1]}> is not closed`, pos);
      this.checkText(this.i, lt);
      this.i = lt;
      if (s.charCodeAt(lt + 1) === 47 /* / */) {
        this.endTag(stack.pop()!);
        if (stack.length) this.depth--;
        continue;
      }
      if (this.misc()) continue;
      this.i++;
      const n = this.name();
      const [, selfClosing] = this.attributes();
      if (!selfClosing) {
        stack.push(n);
        if (++this.depth > this.maxDepth) this.fail('too-deep', `elements nested deeper than ${this.maxDepth}`);
      }
    }
    return this.i;
  }

  /** Entities in narrative text must be ones XML defines (there is no DTD, so no &nbsp;). */
  private checkText(from: number, to: number) {
    const amp = this.s.indexOf('&', from);
    if (amp !== -1 && amp < to) this.decode(this.s.slice(from, to), from);
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The div as FHIR JSON wants it: unprefixed, with the XHTML namespace declared on the div itself. */
function divSource(src: string, qname: string): string {
  const colon = qname.indexOf(':');
  if (colon !== -1) {
    const p = escapeRe(qname.slice(0, colon));
    src = src.replace(new RegExp(`(</?)${p}:`, 'g'), '$1').replace(new RegExp(`\\s+xmlns:${p}\\s*=\\s*(["'])[^"']*\\1`, 'g'), '');
  }
  const head = /^<div\b[^>]*>/.exec(src)?.[0] ?? '';
  if (!/\sxmlns\s*=/.test(head)) src = src.replace(/^<div\b/, `<div xmlns="${XHTML_NS}"`);
  return src;
}

function readTree(xml: string, maxDepth: number): XEl {
  const r = new Reader(xml, maxDepth);
  if (xml.charCodeAt(0) === 0xfeff) r.i = 1;
  for (;;) {
    r.skipSpace();
    if (r.i >= xml.length) r.fail('malformed', 'no root element');
    if (xml[r.i] !== '<') r.fail('malformed', 'text before the root element');
    if (r.misc()) continue;
    break;
  }
  const rootPos = r.i;
  const root = r.element();
  for (;;) {
    r.skipSpace();
    if (r.i >= xml.length) break;
    if (xml[r.i] === '<' && r.misc()) continue;
    r.fail('malformed', 'content after the root element');
  }
  const ns = root.attrs?.[root.prefix ? `xmlns:${root.prefix}` : 'xmlns'];
  if (ns !== undefined && ns !== FHIR_NS) r.fail('not-fhir', `root element is in namespace ${ns}, not ${FHIR_NS}`, rootPos);
  return root;
}

// ───────────────────────────── element tree → FHIR JSON ─────────────────────────────

class Converter {
  unknown = 0;
  constructor(readonly version: FhirVersion, readonly xml: string) {}

  fail(msg: string, el: XEl): never {
    const [l, c] = lineCol(this.xml, el.pos);
    throw new FhirXmlError('malformed', msg, l, c);
  }

  resource(el: XEl): any {
    const known = isResourceType(this.version, el.local);
    if (!known) this.unknown++;
    const out: any = { resourceType: el.local };
    this.fill(out, el, known ? elementsOf(this.version, el.local) : null);
    return out;
  }

  /** The resource a container element (entry.resource, contained, parameter.resource) holds. */
  contained(el: XEl): any {
    const r = el.children.filter((c) => c.raw === undefined);
    if (r.length !== 1) this.fail(`<${el.local}> must contain exactly one resource`, el);
    return this.resource(r[0]);
  }

  primitive(def: ElementDef, el: XEl): string | number | boolean | undefined {
    const v = el.attrs?.value;
    if (v === undefined) return undefined;
    if (def.kind === 'b') {
      if (v === 'true') return true;
      if (v === 'false') return false;
      this.fail(`<${el.local}> value is not a boolean`, el);
    }
    if (def.kind === 'n') {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) this.fail(`<${el.local}> value is not a number`, el);
      return n;
    }
    return v;
  }

  /** id and extensions of a primitive, for the JSON `_name` property. */
  primitiveElement(el: XEl): any {
    let o: any = null;
    if (el.attrs?.id !== undefined) o = { id: el.attrs.id };
    for (const c of el.children) {
      if (c.local !== 'extension') continue;
      o ??= {};
      (o.extension ??= []).push(this.complex(c, elementsOf(this.version, 'Extension')));
    }
    return o;
  }

  complex(el: XEl, defs: Map<string, ElementDef> | null): any {
    const out: any = {};
    if (el.attrs) {
      if (el.attrs.id !== undefined) out.id = el.attrs.id;
      if (el.attrs.url !== undefined && (el.local === 'extension' || el.local === 'modifierExtension')) out.url = el.attrs.url;
    }
    this.fill(out, el, defs);
    return out;
  }

  fill(out: any, el: XEl, defs: Map<string, ElementDef> | null) {
    for (const c of el.children) {
      const name = c.local;
      const _name = underscored(name);
      let def = defs?.get(name);
      if (!def) {
        this.unknown++;
        def = guess(c);
      }
      let value: any, meta: any = null;
      if (def.kind === 'x') value = c.raw ?? this.fail(`<${name}> must be XHTML`, c);
      else if (def.kind === 'r') value = this.contained(c);
      else if (def.kind === 's' || def.kind === 'n' || def.kind === 'b') {
        value = this.primitive(def, c);
        meta = this.primitiveElement(c);
        if (value === undefined && !meta) continue; // an empty primitive says nothing
      } else value = this.complex(c, elementsOf(this.version, def.kind));
      const isPrim = def.kind === 's' || def.kind === 'n' || def.kind === 'b';
      let repeats = def.array;
      if (!repeats && !defs?.has(name) && (name in out || _name in out)) {
        // an element the definitions do not know, seen a second time: it repeats after all
        repeats = true;
        if (name in out && !Array.isArray(out[name])) out[name] = [out[name]];
        if (_name in out && !Array.isArray(out[_name])) out[_name] = [out[_name]];
      }
      if (!repeats) {
        if (name in out || _name in out) this.fail(`<${name}> may occur only once here`, c);
        if (value !== undefined) out[name] = value;
        if (meta) out[_name] = meta;
      } else if (!isPrim) (out[name] ??= []).push(value);
      else {
        const arr = (out[name] ??= []);
        arr.push(value ?? null);
        if (meta || out[_name]) {
          const ext = (out[_name] ??= []);
          while (ext.length < arr.length - 1) ext.push(null);
          ext.push(meta);
        }
      }
    }
    // keep primitive arrays and their `_` companions the same length
    for (const k of Object.keys(out)) {
      if (k[0] === '_' && Array.isArray(out[k])) {
        const base = out[k.slice(1)];
        if (Array.isArray(base)) while (out[k].length < base.length) out[k].push(null);
      }
    }
  }
}

// The JSON name of a primitive's id and extensions ("_value"): made once per element name, so
// the property lookups that check for it see the same string every time. (Names come from the
// sender, so the table is bounded; FHIR itself has a few thousand element names.)
const UNDERSCORED = new Map<string, string>();
function underscored(name: string): string {
  let u = UNDERSCORED.get(name);
  if (u === undefined) {
    u = '_' + name;
    if (UNDERSCORED.size < 10000) UNDERSCORED.set(name, u);
  }
  return u;
}

/** Kind of an element the definitions do not know: primitive when it has a value and no children but extensions. */
function guess(el: XEl): ElementDef {
  if (el.raw !== undefined) return { kind: 'x', array: false };
  if (el.attrs?.value !== undefined && el.children.every((c) => c.local === 'extension')) return { kind: 's', array: false };
  return { kind: '?', array: el.local === 'extension' || el.local === 'modifierExtension' };
}

const STU3_URL = /^https?:\/\/fhir\.(?:nhs|hl7\.org)\.uk\/STU3\/|CareConnect-|^http:\/\/hl7\.org\/fhir\/stu3\//i;
const R4_URL = /UKCore-|^https?:\/\/fhir\.hl7\.org\.uk\/(?:StructureDefinition|CodeSystem|ValueSet)\/|^https:\/\/fhir\.nhs\.uk\/England\/|^http:\/\/hl7\.org\/fhir\/r4\//i;

/**
 * The FHIR version a conformance URL (profile, extension or code system) belongs to, if it tells.
 * Identifier systems (e.g. https://fhir.hl7.org.uk/Id/gmc-number) are the same in both and say nothing.
 */
export function versionOfUrl(url: string): FhirVersion | undefined {
  return STU3_URL.test(url) ? 'STU3' : R4_URL.test(url) ? 'R4' : undefined;
}

/** Rule 2 of version detection: count STU3 vs R4 conformance URLs in the tree. */
function versionFromUrls(root: XEl): FhirVersion | undefined {
  let stu3 = 0, r4 = 0;
  const see = (v: string | undefined) => {
    const version = v ? versionOfUrl(v) : undefined;
    if (version === 'STU3') stu3++;
    else if (version === 'R4') r4++;
  };
  const walk = (el: XEl, parent: string) => {
    if (el.local === 'extension' || el.local === 'modifierExtension') see(el.attrs?.url);
    else if ((el.local === 'profile' && parent === 'meta') || el.local === 'system') see(el.attrs?.value);
    for (const c of el.children) walk(c, el.local);
  };
  walk(root, '');
  return stu3 > r4 ? 'STU3' : r4 > stu3 ? 'R4' : undefined;
}

/** FHIR XML → FHIR JSON. Throws FhirXmlError on anything that is not well-formed, safe FHIR XML. */
export function parseFhirXml(xml: string, opts: ParseOptions = {}): ParsedFhir {
  const maxLength = opts.maxLength ?? 20_000_000;
  if (typeof xml !== 'string') throw new FhirXmlError('malformed', 'input is not text');
  if (xml.length > maxLength) throw new FhirXmlError('too-large', `input is ${xml.length} characters, more than the ${maxLength} accepted`);
  const root = readTree(xml, opts.maxDepth ?? 256);
  if (root.raw !== undefined) throw new FhirXmlError('not-fhir', 'root element is XHTML, not a FHIR resource');
  const hinted = opts.fhirVersion ?? versionFromUrls(root);
  if (hinted) {
    const c = new Converter(hinted, xml);
    if (!isResourceType(hinted, root.local)) throw new FhirXmlError('not-fhir', `<${root.local}> is not a FHIR ${hinted} resource`);
    return { fhirVersion: hinted, resource: c.resource(root) };
  }
  const r4 = new Converter('R4', xml);
  const asR4 = isResourceType('R4', root.local) ? r4.resource(root) : undefined;
  if (asR4 && r4.unknown === 0) return { fhirVersion: 'R4', resource: asR4 };
  const stu3 = new Converter('STU3', xml);
  const asStu3 = isResourceType('STU3', root.local) ? stu3.resource(root) : undefined;
  if (!asR4 && !asStu3) throw new FhirXmlError('not-fhir', `<${root.local}> is not a FHIR resource`);
  if (asStu3 && (!asR4 || stu3.unknown < r4.unknown)) return { fhirVersion: 'STU3', resource: asStu3 };
  return { fhirVersion: 'R4', resource: asR4 };
}

// ───────────────────────────── FHIR JSON → XML ─────────────────────────────

function esc(v: string): string {
  return v.replace(/[&<>"\n\r\t]/g, (c) => c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#x${c.charCodeAt(0).toString(16)};`);
}

function primitiveXml(name: string, value: unknown, meta: any, pad: string, nl: string, step: string): string {
  let attrs = '';
  if (meta?.id !== undefined) attrs += ` id="${esc(String(meta.id))}"`;
  if (value !== undefined && value !== null) attrs += ` value="${esc(String(value))}"`;
  const exts = meta?.extension as any[] | undefined;
  if (!exts?.length) return `${pad}<${name}${attrs}/>${nl}`;
  return `${pad}<${name}${attrs}>${nl}${exts.map((e) => complexXml('extension', e, pad + step, nl, step)).join('')}${pad}</${name}>${nl}`;
}

function bodyXml(obj: any, pad: string, nl: string, step: string, skip: Set<string>): string {
  let out = '';
  for (const [k, v] of Object.entries(obj)) {
    if (skip.has(k) || v === undefined) continue;
    if (k[0] === '_') {
      if (!(k.slice(1) in obj)) out += Array.isArray(v) ? v.map((m) => primitiveXml(k.slice(1), undefined, m, pad, nl, step)).join('') : primitiveXml(k.slice(1), undefined, v, pad, nl, step);
      continue;
    }
    const meta = obj['_' + k];
    const items = Array.isArray(v) ? v : [v];
    items.forEach((item, i) => {
      const m = Array.isArray(meta) ? meta[i] : meta;
      if (k === 'div' && typeof item === 'string') out += pad + item + nl;
      else if (item !== null && typeof item === 'object') {
        if (typeof item.resourceType === 'string') out += `${pad}<${k}>${nl}${resourceXml(item, pad + step, nl, step)}${pad}</${k}>${nl}`;
        else out += complexXml(k, item, pad, nl, step);
      } else out += primitiveXml(k, item, m, pad, nl, step);
    });
  }
  return out;
}

const ID_ATTR = new Set(['id']);
const EXTENSION_ATTRS = new Set(['id', 'url']);
const RESOURCE_SKIP = new Set(['resourceType']);

function complexXml(name: string, obj: any, pad: string, nl: string, step: string): string {
  // Element.id is an attribute on every complex element; url is one only on extensions
  // (Attachment.url and the like are ordinary child elements).
  const isExtension = name === 'extension' || name === 'modifierExtension';
  let attrs = '';
  if (typeof obj.id === 'string') attrs += ` id="${esc(obj.id)}"`;
  if (isExtension && typeof obj.url === 'string') attrs += ` url="${esc(obj.url)}"`;
  const body = bodyXml(obj, pad + step, nl, step, isExtension ? EXTENSION_ATTRS : ID_ATTR);
  return body ? `${pad}<${name}${attrs}>${nl}${body}${pad}</${name}>${nl}` : `${pad}<${name}${attrs}/>${nl}`;
}

function resourceXml(r: any, pad: string, nl: string, step: string, root = false): string {
  const ns = root ? ` xmlns="${FHIR_NS}"` : '';
  return `${pad}<${r.resourceType}${ns}>${nl}${bodyXml(r, pad + step, nl, step, RESOURCE_SKIP)}${pad}</${r.resourceType}>${nl}`;
}

/**
 * FHIR JSON → FHIR XML. Elements are written in the JSON's key order, which for resources
 * parsed from XML (or built in FHIR order) is the order the XML schema wants. The element rules
 * are the same in STU3 and R4; fhirVersion is taken so callers say what they are writing.
 */
export function toFhirXml(resource: any, _fhirVersion: FhirVersion = 'R4', opts: { pretty?: boolean; declaration?: boolean } = {}): string {
  if (!resource || typeof resource.resourceType !== 'string') throw new Error('toFhirXml: not a FHIR resource (no resourceType)');
  const pretty = opts.pretty ?? true;
  const decl = opts.declaration ?? true ? `<?xml version="1.0" encoding="UTF-8"?>${pretty ? '\n' : ''}` : '';
  return decl + resourceXml(resource, '', pretty ? '\n' : '', pretty ? '  ' : '', true);
}

// Declarative search-parameter registry: parameter name → resource type → paths into the resource.
// Index rows are extracted from these on every write; the search module reads the same registry,
// and the CapabilityStatement lists it. Paths are dotted element names; arrays are flattened and a
// numeric segment picks one element (entry.0.resource). Choice elements list each variant.

export type ParamType = 'token' | 'reference' | 'date' | 'string' | 'number' | 'uri';

export interface SearchParamDef {
  name: string;
  type: ParamType;
  /** resource type → FHIR paths (relative to the resource) */
  paths: Record<string, string[]>;
  /** reference params: only index references to these resource types (FHIRPath `where(resolve() is X)`) */
  targets?: string[];
  description?: string;
}

/** Resource types the FHIR API serves. */
export const RESOURCE_TYPES = [
  'Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'Encounter', 'DocumentReference',
  'Composition', 'Binary', 'Bundle', 'Condition', 'Procedure', 'MedicationStatement', 'Medication',
  'FamilyMemberHistory', 'AllergyIntolerance', 'Task', 'Provenance', 'AuditEvent', 'Subscription',
  'CodeSystem', 'ValueSet', 'MessageHeader', 'Observation',
] as const;
export const RESOURCE_TYPE_SET: ReadonlySet<string> = new Set(RESOURCE_TYPES);

/** Parameters handled by the search engine itself (columns, paging, result shaping). */
export const CONTROL_PARAMS = new Set([
  '_count', '_offset', '_sort', '_summary', '_include', '_revinclude', '_total', '_format', '_elements', '_pretty',
]);

const clinical = ['Condition', 'Procedure', 'MedicationStatement', 'FamilyMemberHistory', 'AllergyIntolerance', 'Observation'];
const each = (types: string[], paths: string[]) => Object.fromEntries(types.map((t) => [t, paths]));

const DEFS: SearchParamDef[] = [
  // ---- every resource type ('*') ----
  { name: '_tag', type: 'token', paths: { '*': ['meta.tag'] }, description: 'Tags in meta.tag' },
  { name: '_profile', type: 'uri', paths: { '*': ['meta.profile'] }, description: 'Profiles in meta.profile' },
  { name: '_security', type: 'token', paths: { '*': ['meta.security'] } },

  // ---- shared names ----
  {
    name: 'identifier', type: 'token',
    paths: {
      ...each(['Task', 'Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'Encounter', 'Medication',
        'Condition', 'Procedure', 'MedicationStatement', 'FamilyMemberHistory', 'AllergyIntolerance', 'Observation'], ['identifier']),
      DocumentReference: ['masterIdentifier', 'identifier'],
      Composition: ['identifier'],
      Bundle: ['identifier'],
      CodeSystem: ['identifier'],
      ValueSet: ['identifier'],
    },
  },
  {
    name: 'patient', type: 'reference', targets: ['Patient'],
    paths: {
      Task: ['for'], DocumentReference: ['subject'], Composition: ['subject'], Encounter: ['subject'],
      ...each(['Condition', 'Procedure', 'MedicationStatement', 'Observation'], ['subject']),
      FamilyMemberHistory: ['patient'], AllergyIntolerance: ['patient'], Provenance: ['target'],
      AuditEvent: ['entity.what'],
    },
  },
  {
    name: 'subject', type: 'reference',
    paths: {
      Task: ['for'], DocumentReference: ['subject'], Composition: ['subject'], Encounter: ['subject'],
      ...each(['Condition', 'Procedure', 'MedicationStatement', 'Observation'], ['subject']),
    },
  },
  {
    name: 'status', type: 'token',
    paths: {
      ...each(['Task', 'DocumentReference', 'Composition', 'Encounter', 'Procedure', 'MedicationStatement',
        'FamilyMemberHistory', 'Subscription', 'CodeSystem', 'ValueSet', 'Observation'], ['status']),
    },
  },
  {
    name: 'code', type: 'token',
    paths: {
      Task: ['code'], Condition: ['code'], Procedure: ['code'], MedicationStatement: ['medicationCodeableConcept'],
      FamilyMemberHistory: ['condition.code'], AllergyIntolerance: ['code'], Medication: ['code'], Observation: ['code'],
    },
  },
  {
    name: 'encounter', type: 'reference', targets: ['Encounter'],
    paths: {
      Condition: ['encounter'], Procedure: ['encounter'], MedicationStatement: ['context'], Task: ['encounter'],
      DocumentReference: ['context.encounter'], Composition: ['encounter'], Observation: ['encounter'],
    },
  },
  { name: 'clinical-status', type: 'token', paths: { Condition: ['clinicalStatus'], AllergyIntolerance: ['clinicalStatus'] } },
  { name: 'verification-status', type: 'token', paths: { Condition: ['verificationStatus'], AllergyIntolerance: ['verificationStatus'] } },
  { name: 'category', type: 'token', paths: each(['Condition', 'DocumentReference', 'Composition', 'AllergyIntolerance', 'Observation', 'Procedure', 'MedicationStatement'], ['category']) },
  { name: 'relationship', type: 'token', paths: { FamilyMemberHistory: ['relationship'] } },
  {
    name: 'date', type: 'date',
    paths: {
      DocumentReference: ['date'], Composition: ['date'], Encounter: ['period'], AuditEvent: ['recorded'],
      Procedure: ['performedDateTime', 'performedPeriod'], FamilyMemberHistory: ['date'],
      Condition: ['recordedDate'], Observation: ['effectiveDateTime', 'effectivePeriod'],
    },
  },
  {
    name: 'type', type: 'token',
    paths: {
      DocumentReference: ['type'], Composition: ['type'], AuditEvent: ['type'], Bundle: ['type'],
      Encounter: ['type'], Subscription: ['channel.type'], Organization: ['type'],
    },
  },
  {
    name: 'name', type: 'string',
    paths: { Patient: ['name'], Practitioner: ['name'], Organization: ['name', 'alias'], CodeSystem: ['name'], ValueSet: ['name'] },
  },
  { name: 'url', type: 'uri', paths: { CodeSystem: ['url'], ValueSet: ['url'], Subscription: ['channel.endpoint'] } },
  { name: 'version', type: 'token', paths: { CodeSystem: ['version'], ValueSet: ['version'] } },

  // ---- Task ----
  { name: 'owner', type: 'reference', paths: { Task: ['owner'] } },
  { name: 'requester', type: 'reference', paths: { Task: ['requester'] } },
  { name: 'focus', type: 'reference', paths: { Task: ['focus'] } },
  { name: 'part-of', type: 'reference', paths: { Task: ['partOf'] } },
  { name: 'based-on', type: 'reference', paths: { Task: ['basedOn'] } },
  { name: 'business-status', type: 'token', paths: { Task: ['businessStatus'] } },
  { name: 'priority', type: 'token', paths: { Task: ['priority'] } },
  { name: 'intent', type: 'token', paths: { Task: ['intent'] } },
  { name: 'authored-on', type: 'date', paths: { Task: ['authoredOn'] } },
  { name: 'modified', type: 'date', paths: { Task: ['lastModified'] } },
  { name: 'period', type: 'date', paths: { Task: ['executionPeriod'], DocumentReference: ['context.period'] } },

  // ---- DocumentReference / Composition ----
  { name: 'relatesto', type: 'reference', paths: { DocumentReference: ['relatesTo.target'] } },
  { name: 'author', type: 'reference', paths: { DocumentReference: ['author'], Composition: ['author'] } },
  { name: 'custodian', type: 'reference', paths: { DocumentReference: ['custodian'] } },
  { name: 'contenttype', type: 'token', paths: { DocumentReference: ['content.attachment.contentType'] } },
  { name: 'title', type: 'string', paths: { Composition: ['title'], CodeSystem: ['title'], ValueSet: ['title'] } },

  // ---- Patient / people ----
  { name: 'family', type: 'string', paths: { Patient: ['name.family'], Practitioner: ['name.family'] } },
  { name: 'given', type: 'string', paths: { Patient: ['name.given'], Practitioner: ['name.given'] } },
  { name: 'birthdate', type: 'date', paths: { Patient: ['birthDate'] } },
  { name: 'gender', type: 'token', paths: { Patient: ['gender'], Practitioner: ['gender'] } },
  { name: 'address-postalcode', type: 'string', paths: { Patient: ['address.postalCode'], Practitioner: ['address.postalCode'], Organization: ['address.postalCode'] } },
  { name: 'general-practitioner', type: 'reference', paths: { Patient: ['generalPractitioner'] } },
  { name: 'organization', type: 'reference', paths: { PractitionerRole: ['organization'], Patient: ['managingOrganization'] } },
  { name: 'practitioner', type: 'reference', paths: { PractitionerRole: ['practitioner'] } },
  { name: 'role', type: 'token', paths: { PractitionerRole: ['code'] } },
  { name: 'active', type: 'token', paths: each(['Patient', 'Practitioner', 'PractitionerRole', 'Organization'], ['active']) },
  { name: 'partof', type: 'reference', paths: { Organization: ['partOf'] } },

  // ---- Provenance / AuditEvent ----
  { name: 'target', type: 'reference', paths: { Provenance: ['target'] } },
  { name: 'agent', type: 'reference', paths: { Provenance: ['agent.who'], AuditEvent: ['agent.who'] } },
  { name: 'recorded', type: 'date', paths: { Provenance: ['recorded'] } },
  { name: 'entity', type: 'reference', paths: { AuditEvent: ['entity.what'], Provenance: ['entity.what'] } },
  { name: 'action', type: 'token', paths: { AuditEvent: ['action'] } },
  { name: 'subtype', type: 'token', paths: { AuditEvent: ['subtype'] } },
  { name: 'outcome', type: 'token', paths: { AuditEvent: ['outcome'] } },

  // ---- Subscription / Bundle / Encounter ----
  { name: 'criteria', type: 'string', paths: { Subscription: ['criteria'] } },
  { name: 'message', type: 'reference', targets: ['MessageHeader'], paths: { Bundle: ['entry.0.resource'] } },
  { name: 'composition', type: 'reference', targets: ['Composition'], paths: { Bundle: ['entry.0.resource'] } },
  { name: 'timestamp', type: 'date', paths: { Bundle: ['timestamp'] } },
  { name: 'class', type: 'token', paths: { Encounter: ['class'] } },
  { name: 'service-provider', type: 'reference', paths: { Encounter: ['serviceProvider'] } },
  { name: 'event', type: 'token', paths: { MessageHeader: ['eventCoding'] } },
  { name: 'focus', type: 'reference', paths: { MessageHeader: ['focus'] } },
];

export interface CompiledParam {
  name: string;
  type: ParamType;
  targets?: ReadonlySet<string>;
  /** split paths */
  paths: string[][];
  /**
   * A reference parameter restricted to target types whose paths equal another, unrestricted
   * parameter's (patient vs subject) is not indexed separately: it is answered from that
   * parameter's entries filtered by target type. Saves one index entry per resource and write.
   */
  via?: string;
}

/** resource type → param name → compiled param; '*' params are merged into every type. */
const BY_TYPE = new Map<string, Map<string, CompiledParam>>();

function addParam(type: string, def: SearchParamDef, paths: string[]): void {
  let m = BY_TYPE.get(type);
  if (!m) BY_TYPE.set(type, (m = new Map()));
  const prev = m.get(def.name);
  const split = paths.map((p) => p.split('.'));
  if (prev) prev.paths.push(...split);
  else m.set(def.name, { name: def.name, type: def.type, targets: def.targets && new Set(def.targets), paths: split });
}

for (const def of DEFS) {
  for (const [type, paths] of Object.entries(def.paths)) {
    if (type === '*') for (const t of RESOURCE_TYPES) addParam(t, def, paths);
    else addParam(type, def, paths);
  }
}

const samePaths = (a: string[][], b: string[][]) =>
  a.length === b.length && a.every((p, i) => p.join('.') === b[i].join('.'));
for (const m of BY_TYPE.values()) {
  for (const p of m.values()) {
    if (p.type !== 'reference' || !p.targets) continue;
    const twin = [...m.values()].find((q) => q !== p && q.type === 'reference' && !q.targets && samePaths(p.paths, q.paths));
    if (twin) p.via = twin.name;
  }
}

/** The search parameters of a resource type (excluding _id/_lastUpdated, which are columns). */
export function paramsFor(type: string): ReadonlyMap<string, CompiledParam> {
  return BY_TYPE.get(type) ?? new Map();
}

export function searchParam(type: string, name: string): CompiledParam | undefined {
  return BY_TYPE.get(type)?.get(name);
}

export function searchParamDefs(): readonly SearchParamDef[] {
  return DEFS;
}

// ---------------------------------------------------------------------------------------------
// Value extraction

const NO_VALUES: unknown[] = [];

/** All values at a path; arrays flattened at every step. */
export function valuesAt(root: unknown, path: string[]): unknown[] {
  if (path.length === 1) {
    // the common case, without intermediate arrays
    const x = root && typeof root === 'object' ? (root as Record<string, unknown>)[path[0]] : undefined;
    if (x === undefined || x === null) return NO_VALUES;
    return Array.isArray(x) ? x.filter((e) => e != null) : [x];
  }
  let cur: unknown[] = [root];
  const isIndex = (seg: string | undefined) => seg !== undefined && /^\d+$/.test(seg);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next: unknown[] = [];
    const idx = isIndex(seg) ? Number(seg) : -1;
    // an array followed by an index segment stays whole so the index can pick from it
    const keepArray = isIndex(path[i + 1]);
    for (const v of cur) {
      if (v == null || typeof v !== 'object') continue;
      const x = idx >= 0 && Array.isArray(v) ? v[idx] : (v as Record<string, unknown>)[seg];
      if (x === undefined || x === null) continue;
      if (Array.isArray(x) && !keepArray) {
        for (const e of x) if (e != null) next.push(e);
      } else next.push(x);
    }
    cur = next;
    if (!cur.length) break;
  }
  return cur;
}

export function normaliseString(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * A FHIR date/dateTime/instant (possibly partial) as the half-open range of instants it covers,
 * in epoch ms. Missing timezone is taken as UTC. Undefined when not a valid date.
 */
export function dateRange(s: string): [number, number] | undefined {
  const m = DATE_RE.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, tz] = m;
  const Y = +y;
  if (!mo) return [Date.UTC(Y, 0, 1), Date.UTC(Y + 1, 0, 1)];
  const M = +mo - 1;
  if (M > 11) return undefined;
  if (!d) return [Date.UTC(Y, M, 1), Date.UTC(Y, M + 1, 1)];
  const D = +d;
  if (D < 1 || D > 31) return undefined;
  if (!h) return [Date.UTC(Y, M, D), Date.UTC(Y, M, D + 1)];
  let offset = 0;
  if (tz && tz !== 'Z') offset = (tz[0] === '-' ? -1 : 1) * (+tz.slice(1, 3) * 60 + +tz.slice(4, 6)) * 60000;
  const ms = frac ? Math.floor(Number(frac) * 1000) : 0;
  const start = Date.UTC(Y, M, D, +h, +mi, sec ? +sec : 0, ms) - offset;
  if (Number.isNaN(start)) return undefined;
  const width = frac ? 1 : sec ? 1000 : 60000;
  return [start, start + width];
}

/**
 * Separator inside token and reference index entries ("param␟code", "param␟system␟code",
 * "param␟Type/id"). Control characters are removed from values, so entries are unambiguous.
 */
export const SEP = '\u001f';
/** Separator between the entries of one resource when sent to SQL (string_to_array). */
export const LIST_SEP = '\u001e';
const clean = (s: string) => s.replace(/[\u0000\u001e\u001f]/g, ' ');

export interface IndexRows {
  /** token and uri entries, matched with a GIN index on resources.tokens */
  tokens: string[];
  /** reference entries (param␟Type/id, or param␟raw for other references) on resources.refs */
  refs: string[];
  date: [string, string, string][]; // param, lo, hi (ISO or ±infinity)
  string: [string, string, string][]; // param, normalised, raw
  number: [string, number][]; // param, value
}

export const tokenEntry = (param: string, system: string | null | undefined, code: string) =>
  system ? `${param}${SEP}${clean(system)}${SEP}${clean(code)}` : `${param}${SEP}${clean(code)}`;
export const refEntry = (param: string, ref: string) => `${param}${SEP}${clean(ref)}`;

/** Splits a reference string into type and id where it has the Type/id shape (relative or absolute). */
export function parseReference(ref: string): { type?: string; id?: string } {
  const noHist = ref.replace(/\/_history\/[^/]+$/, '');
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(noHist);
  return m ? { type: m[1], id: m[2] } : {};
}

function tokenValues(v: unknown, out: [string | null, string | null][]): void {
  if (typeof v === 'string') out.push([null, v]);
  else if (typeof v === 'boolean' || typeof v === 'number') out.push([null, String(v)]);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, any>;
    if (Array.isArray(o.coding)) {
      for (const c of o.coding) if (c && (c.code != null)) out.push([c.system ?? null, String(c.code)]);
    } else if ('code' in o && o.code != null) out.push([o.system ?? null, String(o.code)]);
    else if ('value' in o && o.value != null) out.push([o.system ?? null, String(o.value)]); // Identifier, ContactPoint
  }
}

function stringValues(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, any>;
    // HumanName and Address: every textual part is searchable
    for (const k of ['text', 'family', 'given', 'prefix', 'suffix', 'line', 'city', 'district', 'state', 'postalCode', 'country']) {
      const x = o[k];
      if (typeof x === 'string') out.push(x);
      else if (Array.isArray(x)) for (const e of x) if (typeof e === 'string') out.push(e);
    }
  }
}

const INF = 'infinity';
const NEG_INF = '-infinity';
const iso = (ms: number) => new Date(ms).toISOString();

function dateValues(v: unknown, out: [string, string][]): void {
  if (typeof v === 'string') {
    const r = dateRange(v);
    if (r) out.push([iso(r[0]), iso(r[1])]);
  } else if (v && typeof v === 'object') {
    const p = v as { start?: string; end?: string };
    if (p.start === undefined && p.end === undefined) return;
    const s = p.start ? dateRange(p.start) : undefined;
    const e = p.end ? dateRange(p.end) : undefined;
    out.push([s ? iso(s[0]) : NEG_INF, e ? iso(e[1]) : INF]);
  }
}

/** Extracts the search index rows of one resource. */
export function indexResource(r: Record<string, any>): IndexRows {
  const rows: IndexRows = { tokens: [], refs: [], date: [], string: [], number: [] };
  const seenTok = new Set<string>();
  const addTok = (e: string) => {
    if (!seenTok.has(e)) {
      seenTok.add(e);
      rows.tokens.push(e);
    }
  };
  for (const p of paramsFor(r.resourceType).values()) {
    if (p.via) continue;
    for (const path of p.paths) {
      const vals = valuesAt(r, path);
      if (!vals.length) continue;
      switch (p.type) {
        case 'token': {
          const t: [string | null, string | null][] = [];
          for (const v of vals) tokenValues(v, t);
          for (const [s, c] of t) {
            if (c === null) continue;
            addTok(tokenEntry(p.name, null, c)); // any system
            if (s) addTok(tokenEntry(p.name, s, c));
          }
          break;
        }
        case 'uri':
          for (const v of vals) if (typeof v === 'string') addTok(tokenEntry(p.name, null, v));
          break;
        case 'reference':
          for (const v of vals) {
            let ref: string | undefined;
            if (typeof v === 'string') ref = v; // canonical
            else if (v && typeof v === 'object') {
              const o = v as Record<string, any>;
              if (typeof o.reference === 'string') ref = o.reference;
              else if (typeof o.resourceType === 'string' && typeof o.id === 'string') ref = `${o.resourceType}/${o.id}`;
            }
            if (!ref) continue;
            const { type, id } = parseReference(ref);
            if (p.targets && !(type && p.targets.has(type))) continue;
            const e = refEntry(p.name, type ? `${type}/${id}` : ref);
            if (!rows.refs.includes(e)) rows.refs.push(e);
          }
          break;
        case 'date': {
          const d: [string, string][] = [];
          for (const v of vals) dateValues(v, d);
          for (const [lo, hi] of d) rows.date.push([p.name, lo, hi]);
          break;
        }
        case 'string': {
          const s: string[] = [];
          for (const v of vals) stringValues(v, s);
          for (const x of s) rows.string.push([p.name, clean(normaliseString(x)), clean(x)]);
          break;
        }
        case 'number':
          for (const v of vals) {
            const n = typeof v === 'number' ? v : typeof v === 'object' && v ? (v as any).value : undefined;
            if (typeof n === 'number' && Number.isFinite(n)) rows.number.push([p.name, n]);
          }
          break;
      }
    }
  }
  return rows;
}

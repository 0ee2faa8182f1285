// FHIR R4 terminology operations over the loaded SNOMED CT: CodeSystem/$lookup,
// CodeSystem/$validate-code (also ValueSet/$validate-code with a url) and ValueSet/$expand.
// Plain functions returning FHIR resources, or an OpError the HTTP layer turns into an
// OperationOutcome with its status — nothing here throws on bad input.
import type { Parameters, ParametersParameter, ValueSet, ValueSetExpansionContains, OperationOutcome, Coding } from 'fhir/r4';
import { SNOMED, type Concept, type Terminology } from './index.ts';
import { search } from './search.ts';
import { FSN, SYNONYM } from './rf2.ts';
import { GROUP_VALUESET_BASE, groupNames, groupMembers } from './groups.ts';

/** The implicit value set of every concept loaded (FHIR's "all of SNOMED CT" url). */
export const SNOMED_ALL_VS = `${SNOMED}?fhir_vs`;
/** The GPS as published by HL7 (the ValueSet the terminology is loaded from). */
export const GPS_VS = 'http://terminology.hl7.org/ValueSet/snomed-intl-gps';
const MAX_COUNT = 1000;

export interface OpError {
  status: 400 | 404 | 422;
  outcome: OperationOutcome;
}

export function isOpError(x: unknown): x is OpError {
  return !!x && typeof x === 'object' && 'outcome' in x && 'status' in x;
}

function opError(status: OpError['status'], code: 'invalid' | 'not-found' | 'not-supported' | 'required' | 'code-invalid', diagnostics: string): OpError {
  return { status, outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] } };
}

// ─── $lookup ────────────────────────────────────────────────────────────────────────────────────

export interface LookupRequest { system?: string; code?: string; version?: string; property?: string[] }

const DEFAULT_PROPERTIES = ['parent', 'inactive', 'designation'];

export function lookup(t: Terminology, req: LookupRequest): Parameters | OpError {
  if (!req.code) return opError(400, 'required', '$lookup needs a code (and system)');
  if (req.system && req.system !== SNOMED) return opError(404, 'not-found', `Unknown code system ${req.system}: only ${SNOMED} is served`);
  const c = t.get(req.code.trim());
  if (!c) return opError(404, 'not-found', `Unknown SNOMED CT code ${req.code}`);
  const props = req.property?.length ? req.property : DEFAULT_PROPERTIES;
  const parameter: ParametersParameter[] = [
    { name: 'name', valueString: 'SNOMED CT' },
    { name: 'version', valueString: t.version || req.version || '' },
    { name: 'display', valueString: preferredTerm(c) },
  ];
  if (props.includes('designation')) {
    const fsn = c.tag ? `${c.display} (${c.tag})` : c.display;
    parameter.push(designation(fsn, FSN, 'Fully specified name'));
    for (const s of c.synonyms) parameter.push(designation(s, SYNONYM, 'Synonym'));
  }
  if (props.includes('inactive')) parameter.push({ name: 'property', part: [{ name: 'code', valueCode: 'inactive' }, { name: 'value', valueBoolean: !c.active }] });
  if (props.includes('parent')) for (const p of c.parents) parameter.push({ name: 'property', part: [{ name: 'code', valueCode: 'parent' }, { name: 'value', valueCode: p }, ...describe(t, p)] });
  if (props.includes('child')) for (const ch of t.children(c.code)) parameter.push({ name: 'property', part: [{ name: 'code', valueCode: 'child' }, { name: 'value', valueCode: ch }, ...describe(t, ch)] });
  return { resourceType: 'Parameters', parameter };
}

function designation(value: string, use: string, useDisplay: string): ParametersParameter {
  return { name: 'designation', part: [{ name: 'language', valueCode: 'en' }, { name: 'use', valueCoding: { system: SNOMED, code: use, display: useDisplay } }, { name: 'value', valueString: value }] };
}

function describe(t: Terminology, code: string): ParametersParameter[] {
  const d = t.get(code);
  return d ? [{ name: 'description', valueString: preferredTerm(d) }] : [];
}

/** The term to show: the dialect's preferred term when RF2 gave one, else the FSN without its tag. */
export function preferredTerm(c: Concept): string {
  return c.preferred ?? c.display;
}

// ─── value sets ────────────────────────────────────────────────────────────────────────────────

interface ResolvedValueSet { url: string; title: string; codes?: Set<string> }

/** A value set url → its member codes (undefined = every concept loaded), or an error. */
function resolveValueSet(t: Terminology, url: string | undefined): ResolvedValueSet | OpError {
  const u = (url ?? SNOMED_ALL_VS).split('|')[0];
  if (u === SNOMED_ALL_VS || u === SNOMED) return { url: SNOMED_ALL_VS, title: 'All SNOMED CT concepts loaded' };
  const isa = /^http:\/\/snomed\.info\/sct\?fhir_vs=isa\/(\d{6,18})$/.exec(u);
  if (isa) {
    if (!t.has(isa[1])) return opError(404, 'not-found', `Unknown SNOMED CT code ${isa[1]} in ${u}`);
    return { url: u, title: `Descendants of ${isa[1]} (and itself)`, codes: new Set([isa[1], ...t.descendants(isa[1])]) };
  }
  const loaded = t.valueSets.get(u);
  if (loaded) return { url: u, title: u === GPS_VS ? 'SNOMED International Global Patient Set' : u, codes: loaded };
  if (u.startsWith(GROUP_VALUESET_BASE)) {
    const name = u.slice(GROUP_VALUESET_BASE.length);
    if (groupNames().includes(name)) return { url: u, title: `Postroom concept group: ${name}`, codes: new Set(groupMembers(t, name)) };
  }
  return opError(404, 'not-found', `Unknown value set ${u}`);
}

// ─── $validate-code ──────────────────────────────────────────────────────────────────────────────

export interface ValidateRequest { url?: string; system?: string; code?: string; display?: string }

export function validateCode(t: Terminology, req: ValidateRequest): Parameters | OpError {
  if (!req.code) return opError(400, 'required', '$validate-code needs a code (or a coding)');
  let vs: ResolvedValueSet | undefined;
  if (req.url) {
    const r = resolveValueSet(t, req.url);
    if (isOpError(r)) return r;
    vs = r;
  }
  const result = (ok: boolean, message: string, display?: string): Parameters => ({
    resourceType: 'Parameters',
    parameter: [{ name: 'result', valueBoolean: ok }, { name: 'message', valueString: message }, ...(display ? [{ name: 'display', valueString: display }] : [])],
  });
  if (req.system && req.system !== SNOMED) return result(false, `Unknown code system ${req.system}: only ${SNOMED} is served`);
  const code = req.code.trim();
  const c = t.get(code);
  if (!c) return result(false, `Unknown SNOMED CT code ${code}`);
  const shown = preferredTerm(c);
  if (vs?.codes && !vs.codes.has(code)) return result(false, `SNOMED CT code ${code} is not in value set ${vs.url}`, shown);
  if (!c.active) return result(false, `SNOMED CT code ${code} is inactive`, shown);
  if (req.display !== undefined && !displayMatches(c, req.display)) {
    return result(false, `Display "${req.display}" is not a valid display for SNOMED CT code ${code}; it should be "${shown}"`, shown);
  }
  return result(true, vs ? `SNOMED CT code ${code} is valid in ${vs.url}` : `SNOMED CT code ${code} is valid`, shown);
}

function displayMatches(c: Concept, display: string): boolean {
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  const d = norm(display);
  const fsn = c.tag ? `${c.display} (${c.tag})` : c.display;
  return [c.display, fsn, ...c.synonyms, ...(c.preferred ? [c.preferred] : [])].some((s) => norm(s) === d);
}

// ─── $expand ─────────────────────────────────────────────────────────────────────────────────────

export interface ExpandRequest { url?: string; filter?: string; count?: number; offset?: number; activeOnly?: boolean }

export function expand(t: Terminology, req: ExpandRequest): ValueSet | OpError {
  const vs = resolveValueSet(t, req.url);
  if (isOpError(vs)) return vs;
  const count = req.count ?? 20, offset = req.offset ?? 0;
  if (!Number.isInteger(count) || count < 0) return opError(400, 'invalid', 'count must be a non-negative integer');
  if (!Number.isInteger(offset) || offset < 0) return opError(400, 'invalid', 'offset must be a non-negative integer');
  if (count > MAX_COUNT) return opError(400, 'invalid', `count must be at most ${MAX_COUNT}`);
  const filter = (req.filter ?? '').slice(0, 200);
  const r = search(t, filter, { count, offset, codes: vs.codes, includeInactive: req.activeOnly === false });
  const contains: ValueSetExpansionContains[] = r.concepts.map((c) => ({ system: SNOMED, code: c.code, display: preferredTerm(c), ...(c.active ? {} : { inactive: true }) }));
  const parameter = [
    ...(filter ? [{ name: 'filter', valueString: filter }] : []),
    { name: 'count', valueInteger: count },
    { name: 'offset', valueInteger: offset },
  ];
  return {
    resourceType: 'ValueSet',
    url: vs.url,
    status: 'active',
    title: vs.title,
    expansion: { timestamp: new Date().toISOString(), total: r.total, offset, parameter, contains },
  };
}

// ─── request parameters → operations (for thin HTTP routes) ─────────────────────────────────────

type Req = URLSearchParams | Parameters | Record<string, unknown> | null | undefined;

/** Read FHIR operation parameters from a GET query or a POSTed Parameters resource. */
function paramsOf(req: Req): { get(name: string): string | undefined; all(name: string): string[]; coding(): Coding | undefined } | OpError {
  if (req instanceof URLSearchParams) {
    return { get: (n) => req.get(n) ?? undefined, all: (n) => req.getAll(n), coding: () => undefined };
  }
  if (req && typeof req === 'object' && !('resourceType' in req)) {
    // A plain { name: value | values[] } map, as some routers hand query parameters over.
    const rec = req as Record<string, unknown>;
    const all = (n: string) => ([] as unknown[]).concat(rec[n] ?? []).filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
    return { get: (n) => all(n)[0], all, coding: () => undefined };
  }
  if (!req || typeof req !== 'object' || (req as Parameters).resourceType !== 'Parameters') {
    return opError(400, 'invalid', 'expected query parameters or a Parameters resource');
  }
  const ps = ((req as Parameters).parameter ?? []).filter((p) => p && typeof p.name === 'string');
  const valueOf = (p: ParametersParameter): string | undefined => {
    for (const k of ['valueString', 'valueCode', 'valueUri', 'valueUrl', 'valueCanonical', 'valueInteger', 'valueBoolean'] as const) {
      const v = (p as unknown as Record<string, unknown>)[k];
      if (v !== undefined && v !== null) return String(v);
    }
    return undefined;
  };
  return {
    get: (n) => { const p = ps.find((x) => x.name === n); return p ? valueOf(p) : undefined; },
    all: (n) => ps.filter((x) => x.name === n).map(valueOf).filter((v): v is string => v !== undefined),
    coding: () => ps.find((x) => x.name === 'coding')?.valueCoding ?? ps.find((x) => x.name === 'codeableConcept')?.valueCodeableConcept?.coding?.find((c) => c.system === SNOMED),
  };
}

function intParam(v: string | undefined, name: string): number | undefined | OpError {
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v)) return opError(400, 'invalid', `${name} must be a non-negative integer`);
  return Number(v);
}

export interface TerminologyOperations {
  lookup(req: Req): Parameters | OpError;
  validateCode(req: Req): Parameters | OpError;
  expand(req: Req): ValueSet | OpError;
}

/** Operations taking the FHIR request as received (GET query or POSTed Parameters). */
export function terminologyOperations(t: Terminology): TerminologyOperations {
  return {
    lookup(req) {
      const p = paramsOf(req);
      if (isOpError(p)) return p;
      const coding = p.coding();
      // property may repeat, or come comma-separated in a query.
      const property = p.all('property').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
      return lookup(t, { system: p.get('system') ?? coding?.system, code: p.get('code') ?? coding?.code, version: p.get('version'), property });
    },
    validateCode(req) {
      const p = paramsOf(req);
      if (isOpError(p)) return p;
      const coding = p.coding();
      return validateCode(t, {
        url: p.get('url'),
        system: p.get('system') ?? coding?.system,
        code: p.get('code') ?? coding?.code,
        display: p.get('display') ?? coding?.display,
      });
    },
    expand(req) {
      const p = paramsOf(req);
      if (isOpError(p)) return p;
      const count = intParam(p.get('count'), 'count');
      if (isOpError(count)) return count;
      const offset = intParam(p.get('offset'), 'offset');
      if (isOpError(offset)) return offset;
      const activeOnly = p.get('activeOnly');
      return expand(t, { url: p.get('url'), filter: p.get('filter'), count, offset, activeOnly: activeOnly === undefined ? undefined : activeOnly !== 'false' });
    },
  };
}

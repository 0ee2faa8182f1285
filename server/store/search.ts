// FHIR search over the index tables: parameters → SQL conditions (EXISTS per parameter, OR over
// comma-separated values, AND over repeats), then paging, _sort, _include/_revinclude, _summary.
import type { Bundle, BundleEntry, BundleLink, FhirResource as Resource } from 'fhir/r4';
import type { Db } from './db.ts';
import {
  CONTROL_PARAMS, dateRange, normaliseString, parseReference, paramsFor, searchParam, RESOURCE_TYPE_SET, RESOURCE_TYPES,
  SEP, refEntry, tokenEntry, type CompiledParam, type ParamType,
} from './search-params.ts';
import { badRequest } from './errors.ts';
import { rowToResource, type StoredRow } from './resources.ts';

export interface SearchOptions {
  /** Base URL of the FHIR endpoint for fullUrl and links (e.g. http://host/fhir). */
  baseUrl?: string;
  /** Prefer: handling=lenient — ignore unknown parameters instead of 400. */
  lenient?: boolean;
}

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;

/** Side tables of the range/prefix kinds; tokens, uris and references are arrays on resources. */
const TABLE: Partial<Record<ParamType, string>> = { date: 'search_date', string: 'search_string', number: 'search_number' };
const ARRAY_COL: Partial<Record<ParamType, string>> = { token: 'r.tokens', uri: 'r.tokens', reference: 'r.refs' };

const MODIFIERS: Record<ParamType, Set<string>> = {
  token: new Set(['missing', 'not']),
  uri: new Set(['missing', 'below']),
  reference: new Set(['missing']), // plus :Type
  date: new Set(['missing']),
  string: new Set(['missing', 'exact', 'contains']),
  number: new Set(['missing']),
};

type Prefix = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge' | 'sa' | 'eb' | 'ap';
const PREFIX_RE = /^(eq|ne|lt|gt|le|ge|sa|eb|ap)(?=[\d-])/;

class Sql {
  params: unknown[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
}

/** Splits on commas not escaped with a backslash; unescapes \, \| \$ \\ */
function splitValues(v: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '\\' && i + 1 < v.length) {
      cur += v[++i];
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.filter((x) => x !== '');
}

/** Splits system|code on the first unescaped pipe. */
function splitPipe(v: string): [string | undefined, string] {
  const i = v.search(/(?<!\\)\|/);
  if (i < 0) return [undefined, v.replace(/\\\|/g, '|')];
  return [v.slice(0, i).replace(/\\\|/g, '|'), v.slice(i + 1).replace(/\\\|/g, '|')];
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

function dateCond(sql: Sql, prefix: Prefix, value: string, lo: string, hi: string): string {
  const r = dateRange(value);
  if (!r) throw badRequest(`Invalid date search value: ${value}`, 'value');
  // bind only the bounds a prefix uses: an unused parameter has no type and fails to plan
  const plo = () => `${sql.p(new Date(r[0]).toISOString())}::timestamptz`;
  const phi = () => `${sql.p(new Date(r[1]).toISOString())}::timestamptz`;
  switch (prefix) {
    case 'eq': return `(${lo} >= ${plo()} AND ${hi} <= ${phi()})`;
    case 'ne': return `NOT (${lo} >= ${plo()} AND ${hi} <= ${phi()})`;
    case 'gt': return `${hi} > ${phi()}`;
    case 'lt': return `${lo} < ${plo()}`;
    case 'ge': return `${hi} > ${plo()}`;
    case 'le': return `${lo} < ${phi()}`;
    case 'sa': return `${lo} >= ${phi()}`;
    case 'eb': return `${hi} <= ${plo()}`;
    case 'ap': return `(${lo} < ${phi()} AND ${hi} > ${plo()})`;
  }
}

function numberCond(sql: Sql, prefix: Prefix, value: string): string {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw badRequest(`Invalid number search value: ${value}`, 'value');
  const v = `${sql.p(n)}::numeric`;
  const op = { eq: '=', ne: '<>', lt: '<', gt: '>', le: '<=', ge: '>=', sa: '>', eb: '<', ap: '=' }[prefix];
  return `x.value ${op} ${v}`;
}

function splitPrefix(v: string): [Prefix, string] {
  const m = PREFIX_RE.exec(v);
  return m ? [m[1] as Prefix, v.slice(2)] : ['eq', v];
}

/** `EXISTS an entry of column col LIKE pattern` (non-indexed: for the rare forms GIN cannot answer). */
const entryLike = (sql: Sql, col: string, pattern: string) =>
  `EXISTS (SELECT 1 FROM unnest(${col}) e WHERE e LIKE ${sql.p(pattern)})`;

/** Index entries of a parameter: its own, or its twin's restricted to the target types (see `via`). */
function entryParam(p: CompiledParam): { name: string; prefix: (type?: string) => string } {
  const name = p.via ?? p.name;
  return { name, prefix: (t) => `${name}${SEP}${t ? `${t}/` : ''}` };
}

/**
 * Conditions for the values of an array-indexed parameter (token, uri, reference), OR-ed: exact
 * entries go into one `&&` (GIN), the forms that need pattern matching into EXISTS over unnest.
 */
function arrayCond(sql: Sql, p: CompiledParam, mod: string | undefined, values: string[]): string {
  const col = ARRAY_COL[p.type]!;
  const keys: string[] = [];
  const ors: string[] = [];
  for (const value of values) {
    if (p.type === 'token') {
      const [system, code] = splitPipe(value);
      if (system === undefined) keys.push(tokenEntry(p.name, null, code));
      else if (system === '') {
        // an entry with this code and none with a system for it (resources mixing both are rare)
        ors.push(`(${col} && ${sql.p([tokenEntry(p.name, null, code)])}::text[] AND NOT ${entryLike(sql, col, `${likeEscape(p.name + SEP)}%${likeEscape(SEP + code)}`)})`);
      } else if (code === '') ors.push(entryLike(sql, col, `${likeEscape(tokenEntry(p.name, system, ''))}%`));
      else keys.push(tokenEntry(p.name, system, code));
    } else if (p.type === 'uri') {
      if (mod === 'below') ors.push(entryLike(sql, col, `${likeEscape(tokenEntry(p.name, null, value))}%`));
      else keys.push(tokenEntry(p.name, null, value));
    } else {
      const ep = entryParam(p);
      const typeMod = mod && mod !== 'missing' ? mod : undefined;
      const parsed = parseReference(value);
      const allowed = (t: string) => (!typeMod || typeMod === t) && (!p.targets || p.targets.has(t));
      if (parsed.id) {
        if (allowed(parsed.type!)) keys.push(refEntry(ep.name, `${parsed.type}/${parsed.id}`));
      } else if (/^[A-Za-z0-9\-.]{1,64}$/.test(value)) {
        // a bare id: any (allowed) target type
        for (const t of typeMod ? [typeMod] : p.targets ? [...p.targets] : RESOURCE_TYPES) {
          if (allowed(t)) keys.push(refEntry(ep.name, `${t}/${value}`));
        }
      } else if (!p.targets) keys.push(refEntry(ep.name, value));
    }
  }
  if (keys.length) ors.unshift(`${col} && ${sql.p(keys)}::text[]`);
  if (!ors.length) return 'false';
  return ors.length === 1 ? ors[0] : `(${ors.join(' OR ')})`;
}

/** The condition for one value of a side-table parameter, over index row alias x. */
function valueCond(sql: Sql, p: CompiledParam, mod: string | undefined, value: string): string {
  switch (p.type) {
    case 'string':
      if (mod === 'exact') return `x.raw = ${sql.p(value)}`;
      if (mod === 'contains') return `x.value LIKE ${sql.p('%' + likeEscape(normaliseString(value)) + '%')}`;
      return `x.value LIKE ${sql.p(likeEscape(normaliseString(value)) + '%')}`;
    case 'date': {
      const [prefix, v] = splitPrefix(value);
      return dateCond(sql, prefix, v, 'x.lo', 'x.hi');
    }
    case 'number': {
      const [prefix, v] = splitPrefix(value);
      return numberCond(sql, prefix, v);
    }
    default:
      throw new Error(`not a side-table parameter type: ${p.type}`);
  }
}

/** Whether the parameter has any value (for :missing). */
function presentCond(sql: Sql, p: CompiledParam): string {
  const col = ARRAY_COL[p.type];
  if (col) {
    const ep = entryParam(p);
    const pre = p.via ? ep.prefix([...p.targets!][0]) : ep.prefix();
    return entryLike(sql, col, `${likeEscape(pre)}%`);
  }
  // per-resource lookup: `param || ''` keeps the value index out (see orderBy)
  return `EXISTS (SELECT 1 FROM ${TABLE[p.type]} x WHERE x.type = r.type AND x.id = r.id AND x.param || '' = ${sql.p(p.name)})`;
}

interface Built {
  sql: Sql;
  where: string[];
  /** normalised parameters kept for links (unknown ones dropped under lenient handling) */
  kept: [string, string][];
}

function buildWhere(type: string, params: URLSearchParams, opts: SearchOptions): Built {
  const sql = new Sql();
  const where = [`r.type = ${sql.p(type)}`, 'NOT r.deleted'];
  const kept: [string, string][] = [];
  for (const [key, raw] of params) {
    const [name, mod] = key.split(':', 2) as [string, string | undefined];
    if (CONTROL_PARAMS.has(name)) continue;
    if (name === '_id') {
      if (mod === 'missing') continue;
      if (mod) throw badRequest(`Unsupported modifier _id:${mod}`, 'not-supported');
      where.push(`r.id = ANY(${sql.p(splitValues(raw))}::text[])`);
      kept.push([key, raw]);
      continue;
    }
    if (name === '_lastUpdated') {
      if (mod) throw badRequest(`Unsupported modifier _lastUpdated:${mod}`, 'not-supported');
      const ors = splitValues(raw).map((v) => {
        const [prefix, d] = splitPrefix(v);
        return dateCond(sql, prefix, d, 'r.last_updated', `(r.last_updated + interval '1 millisecond')`);
      });
      if (ors.length) where.push(`(${ors.join(' OR ')})`);
      kept.push([key, raw]);
      continue;
    }
    const p = searchParam(type, name);
    if (!p) {
      if (opts.lenient) continue;
      throw badRequest(`Unknown search parameter ${name} for ${type}`, 'not-supported');
    }
    const isTypeMod = p.type === 'reference' && mod && /^[A-Z][A-Za-z]{1,63}$/.test(mod);
    if (mod && !isTypeMod && !MODIFIERS[p.type].has(mod)) {
      throw badRequest(`Unsupported modifier ${name}:${mod}`, 'not-supported');
    }
    kept.push([key, raw]);
    if (mod === 'missing') {
      if (raw !== 'true' && raw !== 'false') throw badRequest(`:missing takes true or false`, 'value');
      const present = presentCond(sql, p);
      where.push(raw === 'true' ? `NOT ${present}` : present);
      continue;
    }
    const values = splitValues(raw);
    if (!values.length) continue; // empty value: ignored, as servers commonly do
    if (ARRAY_COL[p.type]) {
      const cond = arrayCond(sql, p, mod, values);
      where.push(mod === 'not' ? `NOT ${cond}` : cond);
      continue;
    }
    const ors = values.map((v) => valueCond(sql, p, mod, v)).join(' OR ');
    // an uncorrelated IN (semi-join on the matching set): with EXISTS and no statistics (PGlite has
    // no autovacuum) the planner may rescan the side table for every resource
    where.push(`r.id IN (SELECT x.id FROM ${TABLE[p.type]} x WHERE x.type = ${sql.p(type)} AND x.param = ${sql.p(name)} AND (${ors}))`);
  }
  return { sql, where, kept };
}

function orderBy(type: string, sortParam: string | null, sql: Sql): string {
  const keys: string[] = [];
  if (sortParam) {
    for (const s of sortParam.split(',').map((x) => x.trim()).filter(Boolean)) {
      const desc = s.startsWith('-');
      const name = desc ? s.slice(1) : s;
      const dir = desc ? 'DESC' : 'ASC';
      if (name === '_lastUpdated') keys.push(`r.last_updated ${dir}`);
      else if (name === '_id') keys.push(`r.id ${dir}`);
      else {
        const p = searchParam(type, name);
        if (!p) throw badRequest(`Unknown sort parameter ${name} for ${type}`, 'not-supported');
        const agg = desc ? 'max' : 'min';
        const arr = ARRAY_COL[p.type];
        if (arr) {
          const pre = entryParam(p).prefix(p.via ? [...p.targets!][0] : undefined);
          keys.push(`(SELECT ${agg}(e) FROM unnest(${arr}) e WHERE e LIKE ${sql.p(likeEscape(pre) + '%')}) ${dir} NULLS LAST`);
        } else {
          const col = { date: desc ? 'hi' : 'lo', string: 'value', number: 'value' }[p.type as 'date' | 'string' | 'number'];
          // `param || ''` keeps the value index (type, param, …) out of this per-resource lookup:
          // without statistics the planner may otherwise scan a whole parameter for every row
          keys.push(`(SELECT ${agg}(x.${col}) FROM ${TABLE[p.type]} x WHERE x.type = r.type AND x.id = r.id AND x.param || '' = ${sql.p(name)}) ${dir} NULLS LAST`);
        }
      }
    }
  }
  if (!keys.length) keys.push('r.last_updated DESC');
  keys.push('r.id');
  return keys.join(', ');
}

function intParam(params: URLSearchParams, name: string, dflt: number, max: number): number {
  const v = params.get(name);
  if (v === null || v === '') return dflt;
  if (!/^\d+$/.test(v)) throw badRequest(`${name} must be a non-negative integer`, 'value');
  return Math.min(Number(v), max);
}

/** Ids of resources matching the parameters (control parameters other than _sort ignored). */
export async function searchIds(db: Db, type: string, params: URLSearchParams, limit: number): Promise<string[]> {
  const { sql, where } = buildWhere(type, params, {});
  const order = orderBy(type, params.get('_sort'), sql);
  const rows = await db.query<{ id: string }>(
    `SELECT r.id FROM resources r WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${sql.p(limit)}`, sql.params);
  return rows.map((r) => r.id);
}

function linkUrl(base: string, type: string, kept: [string, string][], extra: Record<string, string | number>): string {
  const q = new URLSearchParams(kept);
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return `${base}/${type}?${q.toString()}`;
}

/** Parses `Source:param[:Target]` (or `*`) include specs. */
function parseIncludes(specs: string[], kind: '_include' | '_revinclude', type: string) {
  return specs.map((spec) => {
    const clean = spec.replace(/:iterate$|:recurse$/, '');
    if (clean === '*') return { source: type, param: '*', target: undefined as string | undefined };
    const [source, param, target] = clean.split(':');
    if (!source || !param || !RESOURCE_TYPE_SET.has(source)) throw badRequest(`Invalid ${kind}: ${spec}`, 'value');
    if (kind === '_include' && source !== type) throw badRequest(`${kind} ${spec} does not start from ${type}`, 'value');
    if (param !== '*') {
      const p = searchParam(source, param);
      if (!p || p.type !== 'reference') throw badRequest(`${kind} ${spec}: ${param} is not a reference parameter of ${source}`, 'value');
    }
    return { source, param, target };
  });
}

export async function search(db: Db, type: string, params: URLSearchParams, opts: SearchOptions = {}): Promise<Bundle> {
  if (!RESOURCE_TYPE_SET.has(type)) throw badRequest(`Unsupported resource type: ${type}`, 'not-supported');
  const base = (opts.baseUrl ?? '').replace(/\/$/, '');
  const built = buildWhere(type, params, opts);
  const { sql, where, kept } = built;
  const whereSql = where.join(' AND ');
  const summary = params.get('_summary');
  const count = intParam(params, '_count', DEFAULT_COUNT, MAX_COUNT);
  const offset = intParam(params, '_offset', 0, Number.MAX_SAFE_INTEGER);
  for (const name of ['_sort', '_include', '_revinclude', '_summary', '_total']) {
    for (const v of params.getAll(name)) kept.push([name, v]);
  }
  const countParams = [...sql.params];
  const wantTotal = params.get('_total') !== 'none';

  if (summary === 'count' || count === 0) {
    const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM resources r WHERE ${whereSql}`, countParams);
    return {
      resourceType: 'Bundle', type: 'searchset', total: Number(n),
      link: [{ relation: 'self', url: linkUrl(base, type, kept, { _count: count }) }],
    } as Bundle;
  }

  const includes = parseIncludes(params.getAll('_include'), '_include', type);
  const revincludes = parseIncludes(params.getAll('_revinclude'), '_revinclude', type);

  const order = orderBy(type, params.get('_sort'), sql);
  // one extra row tells whether there is a next page without counting
  const rows = await db.query<StoredRow>(
    `SELECT r.id, r.version_id, r.last_updated, r.content${includes.length ? ', r.refs' : ''} FROM resources r WHERE ${whereSql}
     ORDER BY ${order} LIMIT ${sql.p(count + 1)} OFFSET ${sql.p(offset)}`, sql.params);
  const hasNext = rows.length > count;
  const page = hasNext ? rows.slice(0, count) : rows;
  let total: number | undefined;
  if (wantTotal) {
    if (offset === 0 && !hasNext) total = page.length;
    else {
      const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM resources r WHERE ${whereSql}`, countParams);
      total = Number(n);
    }
  }

  const entry: BundleEntry[] = page.map((row) => ({
    fullUrl: `${base}/${type}/${row.id}`,
    resource: rowToResource(row),
    search: { mode: 'match' },
  }));

  const ids = page.map((r) => r.id);
  if (ids.length && (includes.length || revincludes.length)) {
    const seen = new Set(ids.map((id) => `${type}/${id}`));
    const add = (list: StoredRow[]) => {
      for (const row of list) {
        const key = `${row.type}/${row.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        entry.push({ fullUrl: `${base}/${key}`, resource: rowToResource(row), search: { mode: 'include' } });
      }
    };
    // _include: the targets are in the page rows' reference entries
    const targets = new Map<string, [string, string]>();
    for (const inc of includes) {
      const p = inc.param === '*' ? undefined : searchParam(type, inc.param)!;
      const prefix = p ? entryParam(p).prefix() : undefined;
      for (const row of page) {
        for (const e of row.refs ?? []) {
          if (prefix && !e.startsWith(prefix)) continue;
          const { type: t, id } = parseReference(e.slice(e.indexOf(SEP) + 1));
          if (!t || !id) continue;
          if (inc.target && inc.target !== t) continue;
          if (p?.targets && !p.targets.has(t)) continue;
          targets.set(`${t}/${id}`, [t, id]);
        }
      }
    }
    if (targets.size) {
      const list = [...targets.values()];
      add(await db.query<StoredRow>(
        `SELECT r.type, r.id, r.version_id, r.last_updated, r.content FROM resources r
         JOIN unnest($1::text[], $2::text[]) AS t(type, id) ON r.type = t.type AND r.id = t.id
         WHERE NOT r.deleted`, [list.map((x) => x[0]), list.map((x) => x[1])]));
    }
    for (const rev of revincludes) {
      const q = new Sql();
      let cond: string;
      if (rev.param === '*') {
        cond = `EXISTS (SELECT 1 FROM unnest(r.refs) e WHERE e LIKE ANY(${q.p(ids.map((id) => `%${SEP}${likeEscape(`${type}/${id}`)}`))}::text[]))`;
      } else {
        const p = searchParam(rev.source, rev.param)!;
        if (p.targets && !p.targets.has(type)) continue;
        cond = `r.refs && ${q.p(ids.map((id) => refEntry(entryParam(p).name, `${type}/${id}`)))}::text[]`;
      }
      add(await db.query<StoredRow>(
        `SELECT r.type, r.id, r.version_id, r.last_updated, r.content FROM resources r
         WHERE NOT r.deleted AND r.type = ${q.p(rev.source)} AND ${cond}
         LIMIT ${MAX_COUNT}`, q.params));
    }
  }

  const link: BundleLink[] = [{ relation: 'self', url: linkUrl(base, type, kept, { _count: count, ...(offset ? { _offset: offset } : {}) }) }];
  if (offset > 0) {
    link.push({ relation: 'first', url: linkUrl(base, type, kept, { _count: count }) });
    link.push({ relation: 'previous', url: linkUrl(base, type, kept, { _count: count, _offset: Math.max(0, offset - count) }) });
  }
  if (hasNext) link.push({ relation: 'next', url: linkUrl(base, type, kept, { _count: count, _offset: offset + count }) });
  const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', link, entry };
  if (total !== undefined) bundle.total = total;
  return bundle;
}

/** The search parameter names a resource type supports (for CapabilityStatement). */
export function supportedParams(type: string): { name: string; type: ParamType }[] {
  return [
    { name: '_id', type: 'token' as ParamType },
    { name: '_lastUpdated', type: 'date' as ParamType },
    ...[...paramsFor(type).values()].map((p) => ({ name: p.name, type: p.type })),
  ];
}



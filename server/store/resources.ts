// Versioned FHIR resource repository over Db. Current versions live in `resources`, superseded
// ones in `resource_history`, and search index rows (search-params.ts) are rebuilt on each write.
// All writes of a call go in one SQL statement (data-modifying CTEs over unnest()ed parallel
// arrays): in PGlite each statement has a large fixed cost, so saveMany of a letter's ~20
// resources costs about what one resource would. Token and reference index entries are text
// arrays on the resource row (GIN); dates, strings and numbers have side tables.
import type { Bundle, FhirResource as Resource } from 'fhir/r4';
import type { Db } from './db.ts';
import { newId } from '../ids.ts';
import { indexResource, LIST_SEP, RESOURCE_TYPE_SET, tokenEntry } from './search-params.ts';
import { badRequest, conflict, gone, notFound, preconditionFailed } from './errors.ts';
import { search, searchIds, type SearchOptions } from './search.ts';
import { runBatch, runTransaction } from './bundle.ts';
import { packContent, unpackContent } from './content.ts';

export const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/** A resource as stored: it has its id and meta.versionId/lastUpdated. */
export type Stored<T extends Resource = Resource> = T & { id: string; meta: NonNullable<Resource['meta']> };

export interface WriteOptions {
  /** create(): keep the resource's own id instead of assigning one (409 if it exists). */
  keepId?: boolean;
  /** update(): version the client expects (If-Match: W/"n"); mismatch → 412. */
  ifMatch?: string;
}

export interface StoredRow {
  type: string;
  id: string;
  version_id: number;
  last_updated: Date | string;
  deleted: boolean;
  content: any;
  refs?: string[];
}

/** Basic shape checks shared by every write (cheap: no profile validation). */
export function validateResource(r: unknown, expectType?: string): asserts r is Resource {
  if (!r || typeof r !== 'object' || Array.isArray(r)) throw badRequest('Resource must be a JSON object', 'structure');
  const rt = (r as any).resourceType;
  if (typeof rt !== 'string' || !rt) throw badRequest('Missing resourceType', 'required');
  if (!RESOURCE_TYPE_SET.has(rt)) throw badRequest(`Unsupported resource type: ${rt.slice(0, 64)}`, 'not-supported');
  if (expectType && rt !== expectType) throw badRequest(`resourceType ${rt} does not match the URL type ${expectType}`);
  const id = (r as any).id;
  if (id !== undefined && (typeof id !== 'string' || !ID_RE.test(id))) throw badRequest('Invalid resource id');
  const meta = (r as any).meta;
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta))) throw badRequest('meta must be an object', 'structure');
}

const toIso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** A stored row back to a resource, with meta.versionId/lastUpdated from the columns. */
export function rowToResource(row: Pick<StoredRow, 'version_id' | 'last_updated' | 'content'>): Resource {
  const content = unpackContent(row.content);
  const { resourceType, id, meta, ...rest } = content;
  return { resourceType, id, meta: { versionId: String(row.version_id), lastUpdated: toIso(row.last_updated), ...meta }, ...rest } as Resource;
}

/** What is stored: the resource without server-managed meta fields. */
function storedContent(r: Resource): any {
  const meta = (r as any).meta;
  if (!meta) return r;
  const { versionId: _v, lastUpdated: _l, ...restMeta } = meta;
  const out: any = { ...r };
  if (Object.keys(restMeta).length) out.meta = restMeta;
  else delete out.meta;
  return out;
}

function withMeta(content: any, versionId: number, lastUpdated: string): Resource {
  return rowToResource({ content, version_id: versionId, last_updated: lastUpdated });
}

// One statement: upsert the current rows with their token/reference entries (moving superseded
// versions to history), drop the old side-table index rows of updated resources and insert the new
// ones. Sibling CTEs see the snapshot from before the statement, so `prev` reads the old versions
// and the DELETEs only remove rows that existed before. Inputs are parallel arrays (unnest),
// cheaper for Postgres to parse than a JSON document.
type SideKind = 'date' | 'string' | 'number';
const SIDES: { kind: SideKind; table: string; cols: string; types: string[] }[] = [
  { kind: 'date', table: 'search_date', cols: 'type, id, param, lo, hi', types: ['text', 'text', 'text', 'timestamptz', 'timestamptz'] },
  { kind: 'string', table: 'search_string', cols: 'type, id, param, value, raw', types: ['text', 'text', 'text', 'text', 'text'] },
  { kind: 'number', table: 'search_number', cols: 'type, id, param, value', types: ['text', 'text', 'text', 'numeric'] },
];

/**
 * The write statement for a mode and the side tables that have rows (statements are built per
 * shape and cached: planning a CTE that has nothing to do still costs in PGlite).
 * Parameters: $1 lastUpdated, then the columns of each present side table in SIDES order (arrays
 * for unnest), then type, id, content, token list, reference list of each resource row. The rows
 * go as a VALUES list of separate parameters, not as arrays: an array literal must escape every
 * quote of the JSON content and Postgres then parses it character by character, which in PGlite
 * costs about half again as much as the whole insert.
 */
function writeSql(mode: 'insert' | 'upsert', present: SideKind[], rows: number): string {
  const upsert = mode === 'upsert';
  // insert-only may skip a row (ON CONFLICT DO NOTHING): its side rows must be skipped too
  const guard = upsert ? '' : ' WHERE EXISTS (SELECT 1 FROM up WHERE up.type = x.type AND up.id = x.id)';
  let n = 1;
  const sides: string[] = [];
  for (const s of SIDES) {
    if (!present.includes(s.kind)) continue;
    const args = s.types.map((t) => `$${++n}::${t}[]`).join(', ');
    sides.push(`ins_${s.kind} AS (INSERT INTO ${s.table} (${s.cols})
  SELECT * FROM unnest(${args}) AS x(${s.cols})${guard})`);
  }
  const values = Array.from({ length: rows }, (_, i) => {
    const k = n + 5 * i;
    return i === 0 ? `($${k + 1}::text, $${k + 2}::text, $${k + 3}::text, $${k + 4}::text, $${k + 5}::text)` : `($${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}, $${k + 5})`;
  }).join(', ');
  const parts = [`up AS (
  INSERT INTO resources (type, id, version_id, last_updated, deleted, content, tokens, refs)
  SELECT type, id, 1, $1::timestamptz, false, content, string_to_array(tok, chr(30)), string_to_array(ref, chr(30))
  FROM (VALUES ${values}) AS x(type, id, content, tok, ref)
  ON CONFLICT (type, id) DO ${upsert
    ? `UPDATE SET version_id = resources.version_id + 1, last_updated = EXCLUDED.last_updated,
       deleted = false, content = EXCLUDED.content, tokens = EXCLUDED.tokens, refs = EXCLUDED.refs`
    : 'NOTHING'}
  RETURNING type, id, version_id)`];
  if (upsert) {
    parts.push(`prev AS (
  INSERT INTO resource_history (type, id, version_id, last_updated, deleted, content)
  SELECT r.type, r.id, r.version_id, r.last_updated, r.deleted, r.content
  FROM resources r JOIN up ON r.type = up.type AND r.id = up.id AND up.version_id > 1)`);
    for (const s of SIDES) {
      parts.push(`del_${s.kind} AS (DELETE FROM ${s.table} s USING up WHERE up.version_id > 1 AND s.type = up.type AND s.id = up.id)`);
    }
  }
  parts.push(...sides);
  return `WITH ${parts.join(',\n')}\nSELECT type, id, version_id FROM up`;
}

// Statements are cached by shape; row counts repeat (a letter writes about the same number of
// resources), so the cache stays small. Past the parameter limit a write is split (see write()).
const sqlCache = new Map<string, string>();
function cachedWriteSql(mode: 'insert' | 'upsert', present: SideKind[], rows: number): string {
  const key = `${mode}:${present.join(',')}:${rows}`;
  let sql = sqlCache.get(key);
  if (!sql) {
    if (sqlCache.size > 2000) sqlCache.clear();
    sqlCache.set(key, (sql = writeSql(mode, present, rows)));
  }
  return sql;
}
/** Resource rows per statement: 5 parameters each, well under Postgres' 65535 parameters. */
const ROWS_PER_STATEMENT = 5000;

const DELETE_SQL = `
WITH prev AS (
  INSERT INTO resource_history (type, id, version_id, last_updated, deleted, content)
  SELECT type, id, version_id, last_updated, deleted, content FROM resources
  WHERE type = $1 AND id = $2 AND NOT deleted
), cur AS (
  UPDATE resources SET version_id = version_id + 1, last_updated = $3, deleted = true, content = NULL,
    tokens = '{}', refs = '{}'
  WHERE type = $1 AND id = $2 AND NOT deleted
  RETURNING version_id
), d1 AS (DELETE FROM search_date WHERE type = $1 AND id = $2)
, d2 AS (DELETE FROM search_string WHERE type = $1 AND id = $2)
, d3 AS (DELETE FROM search_number WHERE type = $1 AND id = $2)
SELECT version_id FROM cur`;

/** Column-wise buffers for unnest(). */
class Columns {
  cols: unknown[][];
  constructor(n: number) {
    this.cols = Array.from({ length: n }, () => []);
  }
  push(...vals: unknown[]) {
    for (let i = 0; i < vals.length; i++) this.cols[i].push(vals[i]);
  }
}

export class ResourceStore {
  /** rows written in all and since the last ANALYZE (PGlite) */
  private written = 0;
  private sinceAnalyze = 0;
  private analyzing = false;

  constructor(public readonly db: Db) {}

  /**
   * PGlite has no autovacuum, so nothing gathers planner statistics, and plans go badly wrong as
   * tables grow. Re-analyze in the background each time the rows written have doubled since the
   * last run (at least 1000 rows apart): plans turn on orders of magnitude, and each run holds up
   * arrivals on the single-threaded store while it reads its sample.
   */
  private noteWrites(n: number): void {
    if (this.db.kind !== 'pglite') return;
    this.written += n;
    this.sinceAnalyze += n;
    if (this.analyzing || this.sinceAnalyze < Math.max(1000, this.written / 2)) return;
    this.analyzing = true;
    this.sinceAnalyze = 0;
    this.analyze().catch(() => {}).finally(() => (this.analyzing = false));
  }

  /** Refreshes planner statistics of the store's tables (PGlite: run after bulk loads). */
  async analyze(): Promise<void> {
    // A smaller sample than Postgres' default (25 × 300 rows, not 100 × 300): the plans here turn
    // on rough selectivity only. One table at a time: on the single-threaded store each ANALYZE
    // holds up arrivals while it runs.
    for (const table of ['resources', 'search_date', 'search_string', 'search_number']) {
      await this.db.exec(`SET default_statistics_target = 25; ANALYZE ${table}; RESET default_statistics_target`);
    }
  }

  /**
   * Writes many resources in one statement (create-or-update by type+id; ids are assigned where
   * missing). Returns the stored resources with meta.versionId/lastUpdated, in input order.
   * Later duplicates of the same type/id in one call win.
   */
  async saveMany(resources: (Resource | Staged)[], tx?: Db): Promise<Resource[]> {
    if (!resources.length) return [];
    return this.write(resources.map((r) => (r instanceof Staged ? r : this.stage(r))), tx ?? this.db, 'upsert');
  }

  /**
   * Checks a resource and does the work of writing it that needs no database (id, serialising,
   * packing, index entries), so that callers can do it before their transaction: on the embedded
   * store a transaction holds the only thread, and arrivals wait for it.
   */
  stage(r: Resource): Staged {
    validateResource(r);
    return new Staged(prepare(r.id ? r : ({ ...r, id: newId() } as Resource)));
  }

  /** Creates a resource; the server assigns the id unless opts.keepId (then 409 if it exists). */
  async create<T extends Resource>(r: T, optsOrTx: WriteOptions | Db = {}, tx?: Db): Promise<Stored<T>> {
    [optsOrTx, tx] = splitArgs(optsOrTx, tx);
    const opts = optsOrTx;
    validateResource(r);
    const res = (opts.keepId && r.id ? r : { ...r, id: newId() }) as T;
    const [out] = await this.write([new Staged(prepare(res))], tx ?? this.db, 'insert');
    if (!out) throw conflict(`${r.resourceType}/${res.id} already exists`);
    return out as Stored<T>;
  }

  /**
   * PUT semantics: create-or-update with the given id. With opts.ifMatch the current version must
   * match (412 otherwise). Returns the stored resource and whether it was created.
   */
  async update<T extends Resource>(r: T, optsOrTx: WriteOptions | Db = {}, tx?: Db): Promise<{ resource: Stored<T>; created: boolean }> {
    [optsOrTx, tx] = splitArgs(optsOrTx, tx);
    const opts = optsOrTx;
    validateResource(r);
    if (!r.id) throw badRequest('Update needs a resource id', 'required');
    const run = async (t: Db) => {
      if (opts.ifMatch !== undefined) {
        const want = parseETag(opts.ifMatch);
        const cur = await t.query<{ version_id: number; deleted: boolean }>(
          'SELECT version_id, deleted FROM resources WHERE type = $1 AND id = $2 FOR UPDATE', [r.resourceType, r.id]);
        if (!cur.length || cur[0].deleted) throw preconditionFailed(`${r.resourceType}/${r.id} does not exist (If-Match)`);
        if (String(cur[0].version_id) !== want) {
          throw preconditionFailed(`Version conflict: ${r.resourceType}/${r.id} is at version ${cur[0].version_id}, not ${want}`);
        }
      }
      const [out] = await this.write([new Staged(prepare(r))], t, 'upsert');
      return { resource: out as Stored<T>, created: out.meta?.versionId === '1' };
    };
    return opts.ifMatch !== undefined ? (tx ?? this.db).transaction(run) : run(tx ?? this.db);
  }

  /** Current version; 404 if unknown, 410 if deleted. */
  async read<T extends Resource = Resource>(type: string, id: string, tx?: Db): Promise<T> {
    const rows = await (tx ?? this.db).query<StoredRow>(
      'SELECT version_id, last_updated, deleted, content FROM resources WHERE type = $1 AND id = $2', [type, id]);
    if (!rows.length) throw notFound(`${type}/${id} not found`);
    if (rows[0].deleted) throw gone(`${type}/${id} was deleted`);
    return rowToResource(rows[0]) as T;
  }

  /** The current version, or undefined when missing or deleted. */
  async tryRead<T extends Resource = Resource>(type: string, id: string, tx?: Db): Promise<T | undefined> {
    const rows = await (tx ?? this.db).query<StoredRow>(
      'SELECT version_id, last_updated, content FROM resources WHERE type = $1 AND id = $2 AND NOT deleted', [type, id]);
    return rows.length ? (rowToResource(rows[0]) as T) : undefined;
  }

  async vread<T extends Resource = Resource>(type: string, id: string, vid: string, tx?: Db): Promise<T> {
    if (!/^\d{1,9}$/.test(vid)) throw notFound(`${type}/${id}/_history/${vid} not found`);
    const rows = await (tx ?? this.db).query<StoredRow>(
      `SELECT version_id, last_updated, deleted, content FROM resources WHERE type = $1 AND id = $2 AND version_id = $3
       UNION ALL
       SELECT version_id, last_updated, deleted, content FROM resource_history WHERE type = $1 AND id = $2 AND version_id = $3`,
      [type, id, Number(vid)]);
    if (!rows.length) throw notFound(`${type}/${id}/_history/${vid} not found`);
    if (rows[0].deleted) throw gone(`${type}/${id} version ${vid} is a deletion`);
    return rowToResource(rows[0]) as T;
  }

  /** All versions, newest first, as a FHIR history Bundle. 404 if the resource never existed. */
  async history(type: string, id: string, opts: { baseUrl?: string } = {}, tx?: Db): Promise<Bundle> {
    const rows = await (tx ?? this.db).query<StoredRow>(
      `SELECT version_id, last_updated, deleted, content FROM resources WHERE type = $1 AND id = $2
       UNION ALL
       SELECT version_id, last_updated, deleted, content FROM resource_history WHERE type = $1 AND id = $2
       ORDER BY version_id DESC`, [type, id]);
    if (!rows.length) throw notFound(`${type}/${id} not found`);
    const base = opts.baseUrl ?? '';
    return {
      resourceType: 'Bundle',
      type: 'history',
      total: rows.length,
      entry: rows.map((row) => {
        const fullUrl = `${base}/${type}/${id}`;
        const lastModified = toIso(row.last_updated);
        if (row.deleted) {
          return { fullUrl, request: { method: 'DELETE', url: `${type}/${id}` }, response: { status: '410 Gone', lastModified } };
        }
        return {
          fullUrl,
          resource: rowToResource(row),
          request: { method: row.version_id === 1 ? 'POST' : 'PUT', url: row.version_id === 1 ? type : `${type}/${id}` },
          response: { status: row.version_id === 1 ? '201 Created' : '200 OK', etag: `W/"${row.version_id}"`, lastModified },
        };
      }),
    } as Bundle;
  }

  /** Soft delete: a new version marked deleted. Returns false when there was nothing to delete. */
  async delete(type: string, id: string, tx?: Db): Promise<boolean> {
    const rows = await (tx ?? this.db).query(DELETE_SQL, [type, id, new Date().toISOString()]);
    return rows.length > 0;
  }

  /**
   * If-None-Exist: create unless exactly one resource matches the query (then return it);
   * several matches → 412. On Postgres an advisory lock on the query serialises racing creates.
   */
  async conditionalCreate<T extends Resource>(r: T, query: string | URLSearchParams, tx?: Db): Promise<{ resource: Stored<T>; created: boolean }> {
    validateResource(r);
    const params = typeof query === 'string' ? new URLSearchParams(query.replace(/^.*\?/, '')) : query;
    return (tx ?? this.db).transaction(async (t) => {
      if (t.kind === 'postgres') {
        await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${r.resourceType}?${params.toString()}`]);
      }
      const ids = await searchIds(t, r.resourceType, params, 2);
      if (ids.length > 1) throw preconditionFailed(`If-None-Exist matched ${ids.length} resources`);
      if (ids.length === 1) return { resource: (await this.read(r.resourceType, ids[0], t)) as Stored<T>, created: false };
      return { resource: await this.create(r, {}, t), created: true };
    });
  }

  /**
   * Current resources of a type carrying any of the token values (identifiers, codes): the same
   * match as `?param=system|code1,system|code2`, without the search engine's sorting and paging,
   * whose planning costs more than the lookup in PGlite. For hot paths such as matching the
   * patients of the letters being processed, all in one query.
   */
  async byToken<T extends Resource = Resource>(type: string, param: string, system: string | null, codes: string[], limit = 1000, tx?: Db): Promise<T[]> {
    if (!codes.length) return [];
    const rows = await (tx ?? this.db).query<StoredRow>(
      'SELECT version_id, last_updated, content FROM resources WHERE type = $1 AND tokens && $2::text[] AND NOT deleted ORDER BY id LIMIT $3',
      [type, codes.map((c) => tokenEntry(param, system, c)), limit]);
    return rows.map((row) => rowToResource(row) as T);
  }

  /** FHIR search → searchset Bundle. */
  search(type: string, params: URLSearchParams, opts: SearchOptions = {}, tx?: Db): Promise<Bundle> {
    return search(tx ?? this.db, type, params, opts);
  }

  /** Ids of matching resources (no paging links, no includes). */
  searchIds(type: string, params: URLSearchParams, limit = 1000, tx?: Db): Promise<string[]> {
    return searchIds(tx ?? this.db, type, params, limit);
  }

  /** FHIR transaction Bundle: all-or-nothing, urn:uuid references resolved. */
  transaction(bundle: Bundle, opts: { baseUrl?: string } = {}): Promise<Bundle> {
    return runTransaction(this, bundle, opts);
  }

  /** FHIR batch Bundle: entries independent, each with its own outcome. */
  batch(bundle: Bundle, opts: { baseUrl?: string } = {}): Promise<Bundle> {
    return runBatch(this, bundle, opts);
  }

  /**
   * Writes resources in one statement (two when some already exist and mode is upsert: new
   * resources are inserted by the cheaper insert-only statement first, the rest then updated).
   */
  private async write(resources: Staged[], db: Db, mode: 'upsert' | 'insert'): Promise<Resource[]> {
    const lu = new Date().toISOString();
    // last occurrence of a type/id wins (one row may only be upserted once per statement)
    const prepared = new Map<string, Prepared>();
    for (const { prepared: p } of resources) prepared.set(`${p.type}/${p.id}`, p);

    const versions = new Map<string, number>();
    const runChunk = async (d: Db, m: 'insert' | 'upsert', items: Prepared[]) => {
      const values: unknown[] = [];
      const side: Record<SideKind, Columns> = { date: new Columns(5), string: new Columns(5), number: new Columns(4) };
      for (const p of items) {
        values.push(p.type, p.id, p.body, p.ix.tokens.join(LIST_SEP), p.ix.refs.join(LIST_SEP));
        for (const [param, lo, hi] of p.ix.date) side.date.push(p.type, p.id, param, lo, hi);
        for (const [param, value, raw] of p.ix.string) side.string.push(p.type, p.id, param, value, raw);
        for (const [param, value] of p.ix.number) side.number.push(p.type, p.id, param, value);
      }
      const present = SIDES.filter((s) => side[s.kind].cols[0].length).map((s) => s.kind);
      const rows = await d.query<{ type: string; id: string; version_id: number }>(cachedWriteSql(m, present, items.length), [
        lu, ...present.flatMap((k) => side[k].cols), ...values,
      ]);
      for (const row of rows) versions.set(`${row.type}/${row.id}`, Number(row.version_id));
    };
    const run = async (m: 'insert' | 'upsert', items: Prepared[]) => {
      if (items.length <= ROWS_PER_STATEMENT) return runChunk(db, m, items);
      // a very large write takes several statements: keep it all-or-nothing
      await db.transaction(async (t) => {
        for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) await runChunk(t, m, items.slice(i, i + ROWS_PER_STATEMENT));
      });
    };

    await run('insert', [...prepared.values()]);
    if (versions.size < prepared.size) {
      if (mode === 'insert') return []; // the id exists already
      await run('upsert', [...prepared.entries()].filter(([k]) => !versions.has(k)).map(([, p]) => p));
    }
    this.noteWrites(prepared.size);
    const stored = new Map<string, Resource>();
    for (const [key, p] of prepared) stored.set(key, withMeta(p.content, versions.get(key)!, lu));
    return resources.map(({ prepared: p }) => stored.get(`${p.type}/${p.id}`)!);
  }
}

/** A resource ready to write: see ResourceStore.stage. */
export class Staged {
  constructor(readonly prepared: Prepared) {}
  get id(): string { return this.prepared.id; }
}

interface Prepared {
  type: string;
  id: string;
  content: any;
  body: string;
  ix: ReturnType<typeof indexResource>;
}

function prepare(r: Resource): Prepared {
  const content = storedContent(r);
  return { type: r.resourceType, id: r.id!, content, body: packContent(content), ix: indexResource(content) };
}

const isDb = (x: unknown): x is Db => !!x && typeof (x as Db).query === 'function' && typeof (x as Db).transaction === 'function';

/** create(r, tx) and create(r, opts, tx) both work. */
function splitArgs(optsOrTx: WriteOptions | Db, tx?: Db): [WriteOptions, Db | undefined] {
  return isDb(optsOrTx) ? [{}, optsOrTx] : [optsOrTx ?? {}, tx];
}

/** W/"3" or "3" or 3 → "3". */
export function parseETag(v: string): string {
  return v.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

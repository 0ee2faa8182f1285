// One database interface over embedded PGlite and real PostgreSQL (pg Pool), so every module
// writes the same SQL once. Migrations are applied on open (see migrate.ts).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { migrate } from './migrate.ts';
import { readTemplate, writeTemplate } from './pglite-template.ts';

export interface Db {
  kind: 'pglite' | 'postgres';
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; called on a transaction handle it joins the outer transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: run fn once the transaction has committed (e.g. wake a queue worker).
   * Outside a transaction fn runs at once.
   */
  afterCommit(fn: () => void): void;
  /** True on a handle that is inside a transaction. */
  readonly inTransaction: boolean;
  /**
   * The same database, with this handle's work run ahead of other waiting work (PGlite: one
   * connection, so work queues; PostgreSQL: the handle itself). For short work someone is waiting
   * on, such as committing an arrival before acknowledging it, so it never queues behind batches.
   */
  urgent(): Db;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** postgres://… — use a pg Pool. */
  url?: string;
  /** Folder for a persistent PGlite database. Neither url nor dataDir: in-memory PGlite. */
  dataDir?: string;
  /** Postgres only: schema to use (created if missing, set as search_path), e.g. to isolate test runs. */
  schema?: string;
  /** Postgres pool size (default 10). */
  poolSize?: number;
  /** Skip migrations (for tools that only read). */
  noMigrate?: boolean;
  /** PGlite only: extra postgresql.conf lines (override the defaults below). */
  pgliteConf?: string[];
}

export async function openDb(opts: OpenDbOptions = {}): Promise<Db> {
  if (!opts.url && !opts.dataDir && !opts.noMigrate) return openMemoryPglite(opts.pgliteConf ?? []);
  const db = opts.url ? await openPostgres(opts) : await openPgliteFolder(opts.dataDir!, opts.pgliteConf ?? []);
  if (!opts.noMigrate) await migrated(db);
  return db;
}

async function migrated(db: Db): Promise<Db> {
  try {
    await migrate(db);
    return db;
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}

/**
 * A new in-memory PGlite runs initdb, seconds of WASM work; loading a data directory from a
 * tarball takes a fraction of that. So the first in-memory database made is dumped while still
 * empty and migrated, and later ones start from that dump: within a process (test servers) and
 * across processes, from the copy pglite-template.ts keeps on disk. One template per set of
 * postgresql.conf lines, since the dump carries them.
 */
const templates = new Map<string, Promise<Blob>>();
async function openMemoryPglite(conf: string[]): Promise<Db> {
  const key = conf.join('\n');
  if (!templates.has(key)) {
    const kept = readTemplate(conf);
    if (kept) templates.set(key, Promise.resolve(kept));
  }
  const template = templates.get(key);
  if (template) {
    const dump = await template.catch(() => undefined);
    // migrating again finds every migration applied: it only guards against a stale template
    if (dump) {
      try {
        return await migrated((await openPglite(undefined, conf, dump)).db);
      } catch {
        templates.delete(key); // a damaged kept copy: make a new template below
      }
    }
  }
  const { db, pgl } = await openPglite(undefined, conf);
  const dump = migrated(db).then(() => pgl.dumpDataDir('none'));
  templates.set(key, dump);
  dump.then((d) => writeTemplate(conf, d), () => templates.delete(key));
  await dump;
  return db;
}

/** A data folder's database; a new (missing or empty) folder starts from the kept template, as in-memory databases do. */
async function openPgliteFolder(dataDir: string, conf: string[]): Promise<Db> {
  const empty = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  const template = empty ? readTemplate(conf) : undefined;
  if (template) {
    try {
      return (await openPglite(dataDir, conf, template)).db;
    } catch {
      // a damaged kept copy: the folder was empty before, so clear what it left and run initdb
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return (await openPglite(dataDir, conf)).db;
}

type Runner = { query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>; exec(sql: string): Promise<void> };

/** A transaction handle: queries go to the transaction's connection; commit hooks are collected. */
function txHandle(kind: Db['kind'], run: Runner, hooks: (() => void)[]): Db {
  const tx: Db = {
    kind,
    inTransaction: true,
    async query(sql, params) {
      return (await run.query(sql, params as any[])).rows;
    },
    exec: (sql) => run.exec(sql),
    transaction: (fn) => fn(tx),
    afterCommit: (fn) => void hooks.push(fn),
    urgent: () => tx,
    close: async () => {
      throw new Error('close() called on a transaction handle');
    },
  };
  return tx;
}

function runHooks(hooks: (() => void)[]): void {
  for (const h of hooks) {
    try {
      h();
    } catch {
      // a commit hook must never turn a committed transaction into an error
    }
  }
}

/**
 * PGlite is one connection: work runs one piece at a time. This runs it in two lanes, urgent
 * first, instead of PGlite's first come, first served, so that short work someone is waiting on
 * (an arrival's commit before its ack) does not wait behind a queue of processing batches.
 * PGlite's work is synchronous WASM that settles its promises at once, so queued pieces would
 * otherwise run back to back without the event loop ever reaching the network: each next piece
 * starts from setImmediate, after pending I/O (arriving requests, acks being sent).
 */
const URGENT_RUN = 2;
function lanes() {
  const waiting: [(() => void)[], (() => void)[]] = [[], []];
  let busy = false;
  let urgentRun = 0;
  const next = () => {
    // urgent first, but after URGENT_RUN urgent pieces one waiting normal piece, so a steady
    // stream of arrivals cannot stall processing (and the queue) indefinitely
    const lane = waiting[0].length && (urgentRun < URGENT_RUN || !waiting[1].length) ? 0 : 1;
    urgentRun = lane === 0 ? urgentRun + 1 : 0;
    const run = waiting[lane].shift();
    busy = !!run;
    run?.();
  };
  return <T>(urgent: boolean, work: () => Promise<T>): Promise<T> =>
    new Promise<T>((ok, fail) => {
      waiting[urgent ? 0 : 1].push(() => void work().then(ok, fail).finally(() => setImmediate(next)));
      if (!busy) next();
    });
}

/**
 * PGlite keeps an in-memory database (and its WAL) in Emscripten's MEMFS, which grows a file past
 * 1 MB by 12.5% at a time, copying all of it each time: as tables grow, each written byte is
 * copied about nine times over. Growing by half as much again instead copies it about three times,
 * for at most half as much spare memory. (A data directory is on the real file system; this only
 * touches what stays in memory.)
 */
function growFilesGeometrically(pgl: PGlite, factor: number): void {
  const memfs = (pgl as unknown as { Module?: { MEMFS?: any } }).Module?.MEMFS;
  if (!memfs?.expandFileStorage || !memfs.getFileDataAsTypedArray) return;
  memfs.expandFileStorage = (node: { contents: Uint8Array }, want: number) => {
    const have = node.contents.length;
    if (have >= want) return;
    const data = memfs.getFileDataAsTypedArray(node);
    node.contents = new Uint8Array(Math.max(want, Math.floor(have * factor), 256));
    node.contents.set(data);
  };
}

async function openPglite(dataDir?: string, conf: string[] = [], loadDataDir?: Blob): Promise<{ db: Db; pgl: PGlite }> {
  const options = { ...(conf.length ? { postgresqlconf: conf } : {}), ...(loadDataDir ? { loadDataDir } : {}) };
  const pgl = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  growFilesGeometrically(pgl, Number(process.env.POSTROOM_MEMFS_GROWTH ?? 1.5));
  const schedule = lanes();
  const handle = (urgent: boolean): Db => ({
    kind: 'pglite',
    inTransaction: false,
    async query(sql, params) {
      return (await schedule(urgent, () => pgl.query<any>(sql, params as any[]))).rows;
    },
    async exec(sql) {
      await schedule(urgent, () => pgl.exec(sql));
    },
    async transaction(fn) {
      const hooks: (() => void)[] = [];
      const out = await schedule(urgent, () => pgl.transaction(async (t) =>
        fn(
          txHandle('pglite', {
            query: (s, p) => t.query<any>(s, p as any[]),
            exec: async (s) => void (await t.exec(s)),
          }, hooks),
        ),
      ));
      runHooks(hooks);
      return out;
    },
    afterCommit: (fn) => runHooks([fn]),
    urgent: () => urgentDb,
    async close() {
      if (!pgl.closed) await pgl.close();
    },
  });
  const db = handle(false);
  const urgentDb = handle(true);
  return { db, pgl };
}

const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(s)) throw new Error(`invalid schema name: ${s}`);
  return s;
};

async function openPostgres(opts: OpenDbOptions): Promise<Db> {
  // (loaded here: an embedded store's start does not pay for the driver)
  const { default: pg } = await import('pg');
  const config: pg.PoolConfig = { connectionString: opts.url, max: opts.poolSize ?? 10 };
  if (opts.schema) {
    const schema = ident(opts.schema);
    // create the schema first with a one-off connection, then pin every pooled connection to it
    const c = new pg.Client({ connectionString: opts.url });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (e) {
      // IF NOT EXISTS still races between sessions: a concurrent creator winning is fine
      if (!['23505', '42P06'].includes((e as { code?: string }).code ?? '')) throw e;
    } finally {
      await c.end();
    }
    config.options = `-c search_path=${schema}`;
  }
  const pool = new pg.Pool(config);
  // an idle client dropped by the server must not crash the process
  pool.on('error', () => {});
  const exec = async (c: pg.Pool | pg.PoolClient, sql: string) => void (await c.query(sql));
  const db: Db = {
    kind: 'postgres',
    inTransaction: false,
    async query(sql, params) {
      return (await pool.query(sql, params as any[])).rows;
    },
    exec: (sql) => exec(pool, sql),
    async transaction(fn) {
      const client = await pool.connect();
      const hooks: (() => void)[] = [];
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(
          txHandle('postgres', { query: (s, p) => client.query(s, p as any[]), exec: (s) => exec(client, s) }, hooks),
        );
        await client.query('COMMIT');
        runHooks(hooks);
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw e;
      } finally {
        client.release(broken);
      }
    },
    afterCommit: (fn) => runHooks([fn]),
    // a pool: work does not queue behind other work
    urgent: () => db,
    async close() {
      await pool.end();
    },
  };
  return db;
}

/** Holds a Postgres session-level advisory lock on one connection while fn runs (no-op on PGlite). */
export async function withAdvisoryLock<T>(db: Db, key: number, fn: (db: Db) => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return fn(db);
  // a transaction-scoped lock keeps the lock and the work on one pooled connection
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [key]);
    return fn(tx);
  });
}

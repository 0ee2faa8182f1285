// Databases the store tests run against: in-memory PGlite always, and PostgreSQL when reachable
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test). Each Postgres run gets its
// own schema, dropped afterwards, so parallel runs sharing the database do not interfere.
import pg from 'pg';
import { openDb, type Db, type OpenDbOptions } from '../server/store/db.ts';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let probed: Promise<boolean> | undefined;
/** Whether the test Postgres answers (once per process; prints a note when it does not). */
export function postgresAvailable(): Promise<boolean> {
  probed ??= (async () => {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      console.log(`note: PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//')} unreachable: Postgres store tests skipped`);
      return false;
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return probed;
}

export interface TestDb {
  db: Db;
  /** options that open the same database again (same schema / folder) */
  reopen: OpenDbOptions;
  cleanup(): Promise<void>;
}

export const uniqueSchema = () => `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

export async function openPostgresTestDb(): Promise<TestDb> {
  const schema = uniqueSchema();
  const reopen = { url: PG_URL, schema, poolSize: 4 };
  const db = await openDb(reopen);
  return {
    db, reopen,
    async cleanup() {
      await db.close().catch(() => {});
      await dropSchema(schema);
    },
  };
}

export async function openPgliteTestDb(): Promise<TestDb> {
  const db = await openDb({});
  return { db, reopen: {}, cleanup: () => db.close() };
}

/** The kinds to run a suite against, in order; Postgres only when reachable. */
export async function testDatabases(): Promise<{ name: string; open: () => Promise<TestDb> }[]> {
  const out = [{ name: 'pglite', open: openPgliteTestDb }];
  if (await postgresAvailable()) out.push({ name: 'postgres', open: openPostgresTestDb });
  return out;
}

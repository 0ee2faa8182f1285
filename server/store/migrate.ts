// Numbered SQL migrations from ./schema (NNN_name.sql), applied in order on open and recorded in
// schema_migrations. On Postgres the whole run holds an advisory lock so that several processes
// starting at once apply each migration exactly once.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { withAdvisoryLock, type Db } from './db.ts';

const SCHEMA_DIR = fileURLToPath(new URL('./schema/', import.meta.url));
/** Arbitrary constant: "postroom" in ASCII, folded into an int4. */
const LOCK_KEY = 0x706f7374;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = SCHEMA_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .map((f) => ({ version: parseInt(f, 10), name: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/** Applies pending migrations; returns the versions applied by this call. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<number[]> {
  return withAdvisoryLock(db, LOCK_KEY, async (locked) => {
    await locked.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await locked.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await locked.transaction(async (tx) => {
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      });
      applied.push(m.version);
    }
    return applied;
  });
}

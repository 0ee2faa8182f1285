// A fresh in-memory PGlite runs initdb and the migrations: seconds of WASM work at every start.
// Loading the same empty, migrated data directory from a tarball takes a fraction of that, so the
// first one made is kept on disk (per user, in the system's temporary folder, or
// POSTROOM_PGLITE_CACHE) and later processes start from it. The file's name is a hash of what
// made it (PGlite's version, the postgresql.conf lines, every migration's SQL), so a change to any
// of them makes a new one. It holds no data: only the empty schema. A missing, unreadable or
// stale file only means initdb runs again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMigrations } from './migrate.ts';

function cacheDir(): string {
  if (process.env.POSTROOM_PGLITE_CACHE) return process.env.POSTROOM_PGLITE_CACHE;
  let user = 'user';
  try { user = userInfo().username; } catch { /* no passwd entry: one shared name */ }
  return join(tmpdir(), `postroom-pglite-${user}`);
}

function pgliteVersion(): string {
  try {
    const pkg = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
    return JSON.parse(readFileSync(fileURLToPath(pkg), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function templateFile(conf: string[]): string {
  const h = createHash('sha256').update(pgliteVersion()).update('\0').update(conf.join('\n'));
  for (const m of loadMigrations()) h.update('\0').update(m.name).update('\0').update(m.sql);
  return join(cacheDir(), `template-${h.digest('hex').slice(0, 32)}.tar`);
}

/** The kept template for these postgresql.conf lines, if there is one. */
export function readTemplate(conf: string[]): Blob | undefined {
  try {
    return new Blob([readFileSync(templateFile(conf))]);
  } catch {
    return undefined;
  }
}

/** Keep a template for later processes (written whole, then renamed, so no reader sees half a file). */
export async function writeTemplate(conf: string[], dump: Blob): Promise<void> {
  try {
    const file = templateFile(conf);
    mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    renameSync(part, file);
  } catch {
    // a read-only or full disk: the next start runs initdb, as without a cache
  }
}

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../server/store/db.ts';
import { loadMigrations, migrate } from '../server/store/migrate.ts';
import { ResourceStore } from '../server/store/resources.ts';
import { postgresAvailable, PG_URL, uniqueSchema, dropSchema } from './store-fixtures.ts';

test('migrations are numbered, applied on open and recorded once', async () => {
  const ms = loadMigrations();
  assert.ok(ms.length >= 2);
  assert.equal(ms.map((m) => m.version), [...ms.map((m) => m.version)].sort((a, b) => a - b));
  const db = await openDb({});
  try {
    const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.equal(rows.map((r) => Number(r.version)), ms.map((m) => m.version));
    assert.equal(await migrate(db), []); // nothing left to apply
  } finally {
    await db.close();
  }
});

test('in-memory databases start empty and migrated, each its own, whatever was written to earlier ones', async () => {
  // the second and later opens start from the first one's template (see openMemoryPglite)
  const a = await openDb({});
  const b = await openDb({});
  try {
    await new ResourceStore(a).update({ resourceType: 'Patient', id: 'only-in-a', gender: 'female' });
    const c = await openDb({});
    try {
      for (const db of [b, c]) {
        assert.equal(await migrate(db), []);
        assert.is((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM resources'))[0].n, 0);
      }
      await new ResourceStore(c).update({ resourceType: 'Patient', id: 'only-in-c', gender: 'male' });
      assert.is((await new ResourceStore(a).search('Patient', new URLSearchParams({ gender: 'male' }), { baseUrl: '' })).entry?.length ?? 0, 0);
      assert.is((await a.query<{ n: number }>('SELECT count(*)::int AS n FROM resources'))[0].n, 1);
    } finally {
      await c.close();
    }
  } finally {
    await a.close();
    await b.close();
  }
});

test('PGlite dataDir persists across open/close', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'postroom-db-'));
  try {
    const a = await openDb({ dataDir: dir });
    await new ResourceStore(a).update({ resourceType: 'Patient', id: 'persist', gender: 'female' });
    await a.close();
    const b = await openDb({ dataDir: dir });
    assert.is((await new ResourceStore(b).read<any>('Patient', 'persist')).gender, 'female');
    await b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a new process starts its in-memory store and a new data folder from the template an earlier one kept; a damaged copy only costs an initdb', async () => {
  // each open runs in its own process, with its own template cache folder
  const cache = mkdtempSync(join(tmpdir(), 'postroom-cache-'));
  const dir = mkdtempSync(join(tmpdir(), 'postroom-db-'));
  const open = (dataDir?: string) => {
    const code = `const { openDb } = await import(${JSON.stringify(new URL('../server/store/db.ts', import.meta.url).href)});
      const db = await openDb(${dataDir ? JSON.stringify({ dataDir }) : '{}'});
      const [r] = await db.query('SELECT count(*)::int AS n FROM schema_migrations');
      process.stdout.write(String(r.n)); await db.close();`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: { ...process.env, POSTROOM_PGLITE_CACHE: cache }, encoding: 'utf8' });
    assert.is(run.status, 0, run.stderr);
    return Number(run.stdout);
  };
  try {
    const migrations = loadMigrations().length;
    assert.is(open(), migrations);
    const kept = readdirSync(cache).filter((f) => /^template-[0-9a-f]+\.tar$/.test(f));
    assert.is(kept.length, 1);
    // a new data folder loads it, migrated, and persists as any folder does
    assert.is(open(join(dir, 'a')), migrations);
    assert.ok(existsSync(join(dir, 'a', 'PG_VERSION')));
    // a damaged copy: both still open, from initdb
    writeFileSync(join(cache, kept[0]), 'not a tarball');
    assert.is(open(), migrations);
    assert.is(open(join(dir, 'b')), migrations);
  } finally {
    rmSync(cache, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

test('transaction: rollback on error, afterCommit runs only on commit, nesting joins', async () => {
  const db = await openDb({});
  try {
    await db.exec('CREATE TABLE t_x (v int)');
    const fired: string[] = [];
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t_x VALUES (1)');
      tx.afterCommit(() => fired.push('rolled-back'));
      throw new Error('no');
    }).catch(() => {});
    await db.transaction(async (tx) => {
      await tx.transaction(async (inner) => inner.query('INSERT INTO t_x VALUES (2)'));
      tx.afterCommit(() => fired.push('committed'));
      assert.equal(fired, []);
    });
    assert.equal(fired, ['committed']);
    assert.equal((await db.query('SELECT v FROM t_x')).map((r) => r.v), [2]);
  } finally {
    await db.close();
  }
});

if (await postgresAvailable()) {
  test('Postgres: concurrent opens migrate once (advisory lock), schema isolates the run', async () => {
    const schema = uniqueSchema();
    try {
      const dbs = await Promise.all([1, 2, 3].map(() => openDb({ url: PG_URL, schema, poolSize: 2 })));
      const rows = await dbs[0].query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
      assert.is(Number(rows[0].n), loadMigrations().length);
      const where = await dbs[0].query<{ s: string }>('SELECT current_schema() AS s');
      assert.is(where[0].s, schema);
      assert.is(dbs[0].kind, 'postgres');
      await Promise.all(dbs.map((d) => d.close()));
    } finally {
      await dropSchema(schema);
    }
  });
}

test('PGlite: urgent work runs before work already waiting (with a share for normal work), in order within each lane', async () => {
  const db = await openDb();
  try {
    const order: string[] = [];
    // hold the connection so everything below has to wait
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const blocker = db.transaction(async () => { order.push('running'); await held; });
    await new Promise((r) => setTimeout(r, 10));
    const waits = [
      db.query('SELECT 1').then(() => order.push('normal-1')),
      db.transaction(async (tx) => { await tx.query('SELECT 2'); order.push('normal-2'); }),
      db.urgent().transaction(async (tx) => { await tx.query('SELECT 3'); order.push('urgent-1'); }),
      db.urgent().query('SELECT 4').then(() => order.push('urgent-2')),
      db.urgent().urgent().exec('SELECT 5').then(() => order.push('urgent-3')),
    ];
    release();
    await Promise.all([blocker, ...waits]);
    // urgent first, but never more than two urgent pieces while normal work waits
    assert.equal(order, ['running', 'urgent-1', 'urgent-2', 'normal-1', 'urgent-3', 'normal-2']);
    // errors reach their caller and do not stall the lanes
    let failed = false;
    await db.urgent().query('SELECT * FROM no_such_table').catch(() => (failed = true));
    assert.ok(failed);
    assert.equal(await db.query<{ n: number }>('SELECT 1 AS n'), [{ n: 1 }]);
  } finally {
    await db.close();
  }
});

test('PGlite: queued work lets the event loop run between pieces (requests and acks are not starved)', async () => {
  const db = await openDb();
  try {
    const order: string[] = [];
    const work = [1, 2, 3].map((n) => db.query(`SELECT ${n}`).then(() => order.push(`q${n}`)));
    setImmediate(() => order.push('io'));
    await Promise.all(work);
    assert.ok(order.indexOf('io') >= 0 && order.indexOf('io') < order.indexOf('q3'), order.join(' '));
  } finally {
    await db.close();
  }
});

test.run();

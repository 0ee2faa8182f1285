import { suite, test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../server/store/db.ts';
import { Queue, type Job } from '../server/store/queue.ts';
import { testDatabases, postgresAvailable, openPostgresTestDb, type TestDb } from './store-fixtures.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

for (const kind of await testDatabases()) {
  const s = suite(`store queue (${kind.name})`);
  let t: TestDb;
  let queue: Queue;
  s.before(async () => {
    t = await kind.open();
  });
  s.before.each(() => {
    queue = new Queue(t.db, { backoffMs: 20, maxBackoffMs: 200 });
  });
  s.after.each(async () => queue.stop());
  s.after(async () => t.cleanup());

  s('a job whose handler outlives its lease is returned to ready and runs again', async () => {
    const q = new Queue(t.db, { leaseMs: 100 });
    let calls = 0, finished = 0;
    q.start('k-expire', () => (++calls === 1 ? new Promise<void>(() => {}) : Promise.resolve(void finished++)), { concurrency: 2, pollMs: 20 });
    await q.enqueue('k-expire', {});
    await until(() => finished === 1, 3000);
    assert.is(calls, 2);
    const [job] = await t.db.query<{ attempts: number }>(`SELECT attempts FROM jobs WHERE kind = 'k-expire'`);
    assert.ok(!job || job.attempts === 2, 'the expired attempt still counts');
    void q.stop(); // its first handler never settles: not awaited
  });

  s('a new job is picked up at once (notify), not at the next poll', async () => {
    const done: number[] = [];
    queue.start<{ n: number }>('k-notify', async (job) => void done.push(job.payload.n), { pollMs: 60_000 });
    await sleep(50); // let the first (empty) claim finish
    const t0 = Date.now();
    await queue.enqueue('k-notify', { n: 1 });
    await until(() => done.length === 1, 2000);
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
    await queue.drain('k-notify');
  });

  if (kind.name.startsWith('pglite')) {
    s('PGlite (no autovacuum): the queue vacuums its table as finished jobs pile up', async () => {
      const vacuums = async () => Number((await t.db.query<{ n: string }>(
        "SELECT coalesce(vacuum_count, 0) AS n FROM pg_stat_user_tables WHERE relname = 'jobs'"))[0]?.n ?? 0);
      const before = await vacuums();
      let done = 0;
      queue.start('k-vacuum', async () => void done++, { concurrency: 16, pollMs: 10 });
      await queue.enqueueMany('k-vacuum', Array.from({ length: 2100 }, (_, n) => ({ n })));
      await until(() => done === 2100, 30_000);
      await queue.drain('k-vacuum');
      await until(async () => (await vacuums()) > before, 5000);
    });
  }

  s('enqueue in a transaction: nothing if it rolls back, woken on commit', async () => {
    const done: string[] = [];
    queue.start<{ v: string }>('k-tx', async (job) => void done.push(job.payload.v), { pollMs: 60_000 });
    await t.db.transaction(async (tx) => {
      await queue.enqueue('k-tx', { v: 'rolled-back' }, { tx });
      throw new Error('abort');
    }).catch(() => {});
    await t.db.transaction(async (tx) => {
      await queue.enqueue('k-tx', { v: 'committed' }, { tx });
    });
    await until(() => done.length === 1, 2000);
    await sleep(50);
    assert.equal(done, ['committed']);
  });

  s('failures are retried with exponential backoff', async () => {
    const times: number[] = [];
    queue.start('k-retry', async (job) => {
      times.push(Date.now());
      if (job.attempts < 3) throw new Error(`attempt ${job.attempts} failed`);
    }, { pollMs: 10 });
    await queue.enqueue('k-retry', {}, { maxAttempts: 5 });
    await until(() => times.length === 3);
    await queue.drain('k-retry');
    assert.ok(times[1] - times[0] >= 18, `first retry after ${times[1] - times[0]} ms`);
    assert.ok(times[2] - times[1] >= 38, `second retry after ${times[2] - times[1]} ms`);
    assert.is(queue.backoff(1), 20);
    assert.is(queue.backoff(2), 40);
    assert.is(queue.backoff(10), 200); // capped
  });

  s('dead letters after maxAttempts are kept, reported, and can be retried', async () => {
    let broken = true;
    const dead: Job[] = [];
    let ran = 0;
    queue.start('k-dead', async () => {
      ran++;
      if (broken) throw new TypeError('cannot parse letter');
    }, { pollMs: 10, onDead: (job) => void dead.push(job) });
    const id = await queue.enqueue('k-dead', { letter: 1 }, { maxAttempts: 2 });
    await until(() => dead.length === 1);
    assert.is(ran, 2);
    const letters = await queue.deadLetters('k-dead');
    assert.is(letters.length, 1);
    assert.is(letters[0].id, id);
    assert.is(letters[0].status, 'dead');
    assert.ok(letters[0].lastError!.includes('cannot parse letter'));
    assert.is((await queue.stats()).kinds['k-dead'].dead, 1);
    broken = false;
    assert.ok(await queue.retry(id));
    assert.not.ok(await queue.retry('999999999'));
    await queue.drain('k-dead');
    assert.is(ran, 3);
    assert.is((await queue.deadLetters('k-dead')).length, 0);
  });

  s('handler errors of any kind never escape; stats count them', async () => {
    queue.start('k-weird', async (job) => {
      if ((job.payload as any).n === 1) throw 'a string';
      if ((job.payload as any).n === 2) return Promise.reject(undefined);
    }, { pollMs: 10 });
    await queue.enqueue('k-weird', { n: 1 }, { maxAttempts: 1 });
    await queue.enqueue('k-weird', { n: 2 }, { maxAttempts: 1 });
    await queue.enqueue('k-weird', { n: 3 }, { maxAttempts: 1 });
    await queue.drain('k-weird');
    const st = await queue.stats();
    assert.is(st.kinds['k-weird'].dead, 2);
    assert.is(st.completed, 1);
    assert.is(st.deadLettered, 2);
  });

  s('concurrency: at most N at once, all done', async () => {
    let active = 0;
    let peak = 0;
    let done = 0;
    queue.start('k-conc', async () => {
      active++;
      peak = Math.max(peak, active);
      await sleep(30);
      active--;
      done++;
    }, { concurrency: 4, pollMs: 10 });
    for (let i = 0; i < 12; i++) await queue.enqueue('k-conc', { i });
    await queue.drain('k-conc');
    assert.is(done, 12);
    assert.is(peak, 4);
  });

  s('jobs are claimed in batches, not one statement per finished job', async () => {
    let claims = 0;
    const claim = queue.claim.bind(queue);
    queue.claim = (...a: Parameters<Queue['claim']>) => { claims++; return claim(...a); };
    let done = 0;
    // all 40 are waiting before the worker starts, and each job takes a different time, so
    // they finish one by one
    for (let i = 0; i < 40; i++) await queue.enqueue('k-batch', { i });
    queue.start<{ i: number }>('k-batch', async (job) => { await sleep(2 + (job.payload.i % 7) * 3); done++; }, { concurrency: 8, pollMs: 10 });
    await queue.drain('k-batch');
    assert.is(done, 40);
    // one claim per finished job would be 40 or more
    assert.ok(claims <= 20, `${claims} claim statements for 40 jobs`);
  });

  s('delayed jobs wait for runAt', async () => {
    let at = 0;
    queue.start('k-later', async () => void (at = Date.now()), { pollMs: 10 });
    const t0 = Date.now();
    await queue.enqueue('k-later', {}, { runAt: new Date(Date.now() + 150) });
    await until(() => at > 0);
    assert.ok(at - t0 >= 140, `ran after ${at - t0} ms`);
  });

  s.run();
}

test('PGlite crash and restart with a dataDir: no job is lost', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'postroom-queue-'));
  try {
    const db1 = await openDb({ dataDir: dir });
    const q1 = new Queue(db1);
    for (let i = 0; i < 5; i++) await q1.enqueue('k-crash', { i });
    let started = 0;
    // handlers that never finish: the process "dies" with two jobs claimed
    q1.start('k-crash', () => {
      started++;
      return new Promise<void>(() => {});
    }, { concurrency: 2, pollMs: 10 });
    await until(() => started === 2);
    await db1.close(); // no stop(): as if the process was killed
    const db2 = await openDb({ dataDir: dir });
    const q2 = new Queue(db2);
    const seen: number[] = [];
    q2.start<{ i: number }>('k-crash', async (job) => void seen.push(job.payload.i), { concurrency: 2, pollMs: 10 });
    await q2.drain('k-crash');
    assert.equal(seen.sort(), [0, 1, 2, 3, 4]);
    await q2.stop();
    await db2.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

if (await postgresAvailable()) {
  test('Postgres: two workers (as two processes) share jobs with SKIP LOCKED, each job once; expired lease is reclaimed', async () => {
    const t = await openPostgresTestDb();
    try {
      const qa = new Queue(t.db, { leaseMs: 200 });
      const qb = new Queue(t.db, { leaseMs: 200 });
      const count = new Map<number, number>();
      const handler = async (job: Job<{ i: number }>) => {
        await sleep(2);
        count.set(job.payload.i, (count.get(job.payload.i) ?? 0) + 1);
      };
      for (let i = 0; i < 40; i++) await qa.enqueue('k-pg', { i });
      qa.start('k-pg', handler, { concurrency: 3, pollMs: 10 });
      qb.start('k-pg', handler, { concurrency: 3, pollMs: 10 });
      await qa.drain('k-pg');
      assert.is(count.size, 40);
      assert.ok([...count.values()].every((n) => n === 1));
      await qa.stop();
      await qb.stop();

      // a worker that hangs holds its job only until the lease expires
      const qc = new Queue(t.db, { leaseMs: 150 });
      const qd = new Queue(t.db, { leaseMs: 150 });
      let hung = 0;
      qc.start('k-lease', () => {
        hung++;
        return new Promise<void>(() => {});
      }, { pollMs: 10 });
      await qc.enqueue('k-lease', {});
      await until(() => hung === 1);
      let finished = 0;
      qd.start('k-lease', async () => void finished++, { pollMs: 20 });
      await until(() => finished === 1, 3000);
      void qc.stop(); // never resolves (its handler hangs): not awaited
      await qd.stop();
    } finally {
      await t.cleanup();
    }
  });
}

test.run();

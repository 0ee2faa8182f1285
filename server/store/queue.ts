// Durable job queue in the database. Jobs are enqueued inside the caller's transaction (so an
// accepted message and its job commit together), claimed with FOR UPDATE SKIP LOCKED under a
// lease, retried with exponential backoff and kept as dead letters after maxAttempts.
// A newly committed job wakes this process's workers at once; polling is the fallback (other
// processes, delayed jobs, expired leases).
import { EventEmitter } from 'node:events';
import type { Db } from './db.ts';

export type JobStatus = 'ready' | 'running' | 'dead';

export interface Job<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  status: JobStatus;
  /** attempts started so far, including the current one while running */
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError?: string;
  createdAt: string;
}

export interface EnqueueOptions {
  /** enqueue inside this transaction: the job exists only if it commits */
  tx?: Db;
  runAt?: Date;
  maxAttempts?: number;
}

export interface WorkerOptions {
  /** jobs of this kind handled at once by this process (default 1) */
  concurrency?: number;
  /** fallback poll interval (default 1000 ms) */
  pollMs?: number;
  /** called once when a job of this kind becomes a dead letter (after it is marked dead); errors ignored */
  onDead?: (job: Job<any>, error: Error) => void | Promise<void>;
}

export interface QueueOptions {
  /** first retry delay; doubles each attempt (default 1000 ms) */
  backoffMs?: number;
  /** longest retry delay (default 5 min) */
  maxBackoffMs?: number;
  /** a claimed job not finished within this is considered crashed and claimed again (default 10 min) */
  leaseMs?: number;
  /** default maxAttempts (default 5) */
  maxAttempts?: number;
  /** told about handler failures (the error message is also kept on the job); must not throw */
  onError?: (job: Job, error: unknown) => void;
}

export type JobHandler<P = any> = (job: Job<P>) => Promise<void>;

export interface QueueStats {
  /** per kind: jobs waiting (ready, due or not), running, and dead */
  kinds: Record<string, { ready: number; running: number; dead: number }>;
  /** counters of this process since the queue was created */
  completed: number;
  failed: number;
  deadLettered: number;
}

interface JobRow {
  id: string | number;
  kind: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Date | string;
  last_error: string | null;
  created_at: Date | string;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

function toJob<P>(r: JobRow): Job<P> {
  return {
    id: String(r.id), kind: r.kind, payload: r.payload as P, status: r.status, attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts), runAt: iso(r.run_at), createdAt: iso(r.created_at),
    ...(r.last_error ? { lastError: r.last_error } : {}),
  };
}

const COLS = 'id, kind, payload, status, attempts, max_attempts, run_at, last_error, created_at';

/** Short, single-line error text for the job row (no stack traces). */
function errorText(e: unknown): string {
  const s = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return s.replace(/\s+/g, ' ').slice(0, 500);
}

class Worker {
  private inflight = new Set<Promise<void>>();
  /** finished job ids, deleted by the next claim statement (one statement instead of two) */
  private done: string[] = [];
  private pumping = false;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout;
  private listener = () => this.wake();

  constructor(
    private queue: Queue,
    readonly kind: string,
    private handler: JobHandler,
    private concurrency: number,
    pollMs: number,
    private onDead?: WorkerOptions['onDead'],
  ) {
    this.timer = setInterval(() => void this.queue.releaseExpired(kind).catch(() => {}).finally(() => this.wake()), pollMs);
    this.timer.unref();
    queue.events.on(kind, this.listener);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      do {
        this.again = false;
        while (!this.stopped && this.wantsJobs()) {
          const done = this.done.splice(0);
          let jobs: Job[];
          try {
            jobs = await this.queue.claim(this.kind, this.concurrency - this.inflight.size, done);
          } catch (e) {
            this.done.push(...done);
            throw e;
          }
          if (!jobs.length) break;
          for (const job of jobs) {
            const p: Promise<void> = this.queue.runJob(job, this.handler, this.onDead).then((ok) => {
              if (ok) this.done.push(job.id);
            }).finally(() => {
              this.inflight.delete(p);
              this.wake();
            });
            this.inflight.add(p);
          }
        }
      } while ((this.again || this.done.length) && !this.stopped && this.wantsJobs());
    } catch {
      // database unavailable or closing: the next poll tries again
    } finally {
      this.pumping = false;
    }
  }

  /**
   * Claims are made in batches: only once half the slots are free (or all, with concurrency 1).
   * Claiming the moment each job finishes made one claim statement per job, and on the embedded
   * store each statement costs the single database thread about as much as a small write.
   */
  private wantsJobs(): boolean {
    return this.inflight.size <= Math.floor(this.concurrency / 2);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.queue.events.off(this.kind, this.listener);
    await Promise.allSettled([...this.inflight]);
    await this.flush();
  }

  /** Deletes finished jobs not yet deleted by a claim. */
  private async flush(): Promise<void> {
    while (this.pumping) await new Promise((r) => setTimeout(r, 1));
    const done = this.done.splice(0);
    if (done.length) await this.queue.complete(done).catch(() => {});
  }
}

export class Queue {
  /** emits a job kind when a job of that kind has been committed in this process */
  readonly events = new EventEmitter();
  private workers: Worker[] = [];
  private recovered = new Set<string>();
  private counters = { completed: 0, failed: 0, deadLettered: 0 };
  private opts: Required<Omit<QueueOptions, 'onError'>> & Pick<QueueOptions, 'onError'>;

  constructor(
    private db: Db,
    opts: QueueOptions = {},
  ) {
    this.events.setMaxListeners(0);
    this.opts = {
      backoffMs: opts.backoffMs ?? 1000,
      maxBackoffMs: opts.maxBackoffMs ?? 5 * 60_000,
      leaseMs: opts.leaseMs ?? 10 * 60_000,
      maxAttempts: opts.maxAttempts ?? 5,
      onError: opts.onError,
    };
  }

  /** Adds a job; returns its id. With opts.tx the job is visible (and workers woken) on commit. */
  async enqueue<P>(kind: string, payload: P, opts: EnqueueOptions = {}): Promise<string> {
    const db = opts.tx ?? this.db;
    const maxAttempts = Math.max(1, opts.maxAttempts ?? this.opts.maxAttempts);
    const rows = await db.query<{ id: string }>(
      `INSERT INTO jobs (kind, payload, max_attempts, run_at) VALUES ($1, $2::jsonb, $3, COALESCE($4::timestamptz, now())) RETURNING id`,
      [kind, JSON.stringify(payload ?? null), maxAttempts, opts.runAt ? opts.runAt.toISOString() : null],
    );
    const wake = () => this.events.emit(kind);
    if (opts.runAt && opts.runAt.getTime() > Date.now()) {
      const t = setTimeout(wake, Math.min(opts.runAt.getTime() - Date.now(), 2 ** 31 - 1));
      t.unref();
    } else db.afterCommit(wake);
    return String(rows[0].id);
  }

  /** Adds many jobs of one kind in one statement (group commit); returns their ids in order. */
  async enqueueMany<P>(kind: string, payloads: P[], opts: Omit<EnqueueOptions, 'runAt'> = {}): Promise<string[]> {
    if (!payloads.length) return [];
    const db = opts.tx ?? this.db;
    const maxAttempts = Math.max(1, opts.maxAttempts ?? this.opts.maxAttempts);
    const rows = await db.query<{ id: string }>(
      `INSERT INTO jobs (kind, payload, max_attempts)
       SELECT $1, p::jsonb, $3 FROM unnest($2::text[]) WITH ORDINALITY AS u(p, n) ORDER BY n RETURNING id`,
      [kind, payloads.map((p) => JSON.stringify(p ?? null)), maxAttempts],
    );
    db.afterCommit(() => this.events.emit(kind));
    return rows.map((r) => String(r.id));
  }

  /** Runs handler for jobs of kind in this process until stop(). Handler errors never escape. */
  start<P = any>(kind: string, handler: JobHandler<P>, opts: WorkerOptions = {}): void {
    const w = new Worker(this, kind, handler as JobHandler, Math.max(1, opts.concurrency ?? 1), Math.max(10, opts.pollMs ?? 1000), opts.onDead);
    this.workers.push(w);
    void this.recoverOrphans(kind).finally(() => w.wake());
  }

  /** Stops all workers, waiting for running handlers to finish. */
  async stop(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.stop()));
  }

  /**
   * PGlite is opened by one process only, so at the first start after a crash every 'running' job
   * is an orphan and can be made ready at once. (On Postgres other processes may be running them:
   * there the lease decides.)
   */
  private async recoverOrphans(kind: string): Promise<void> {
    if (this.db.kind !== 'pglite' || this.recovered.has(kind)) return;
    this.recovered.add(kind);
    try {
      await this.db.query(`UPDATE jobs SET status = 'ready', locked_until = NULL, updated_at = now() WHERE kind = $1 AND status = 'running'`, [kind]);
    } catch {
      this.recovered.delete(kind);
    }
  }

  /**
   * Claims up to n due jobs of kind, deleting the finished jobs `done` in the same statement
   * (internal; used by workers). A crash between a job finishing and that statement runs the
   * job again: delivery is at least once, as with any queue.
   */
  async claim(kind: string, n: number, done: string[] = []): Promise<Job[]> {
    const rows = await this.db.query<JobRow>(
      `WITH done AS (DELETE FROM jobs WHERE id = ANY($4::bigint[]))
       UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = now(),
         locked_until = clock_timestamp() + $3 * interval '1 millisecond'
       WHERE id IN (
         SELECT id FROM jobs
         WHERE kind = $1 AND status = 'ready' AND run_at <= clock_timestamp()
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLS}`,
      [kind, n, this.opts.leaseMs, done],
    );
    this.finished(done.length);
    return rows.map((r) => toJob(r));
  }

  /**
   * Returns jobs whose lease has expired (their worker crashed or hung) to 'ready', so the next
   * claim takes them (internal; workers run it on their poll timer). Their attempt stays counted.
   */
  async releaseExpired(kind: string): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET status = 'ready', locked_until = NULL, updated_at = now()
       WHERE kind = $1 AND status = 'running' AND locked_until < clock_timestamp()`, [kind]);
  }

  /** Deletes finished jobs (internal). */
  async complete(ids: string[]): Promise<void> {
    await this.db.query('DELETE FROM jobs WHERE id = ANY($1::bigint[])', [ids]);
    this.finished(ids.length);
  }

  private sinceVacuum = 0;
  private vacuuming = false;
  /**
   * Every job leaves dead rows behind (claimed, then deleted). PGlite runs no autovacuum, so
   * without this the claim query would wade through ever more dead index entries; a VACUUM of
   * the (small) live table every few thousand jobs keeps claims as fast as on an empty queue.
   */
  private finished(n: number): void {
    this.counters.completed += n;
    this.sinceVacuum += n;
    if (this.db.kind !== 'pglite' || this.vacuuming || this.sinceVacuum < 2000) return;
    this.vacuuming = true;
    this.sinceVacuum = 0;
    this.db.exec('VACUUM jobs').catch(() => {}).finally(() => (this.vacuuming = false));
  }

  /**
   * Runs one claimed job and records a failure (internal; used by workers). Returns true when the
   * handler succeeded: the worker then deletes the job with its next claim.
   */
  async runJob(job: Job, handler: JobHandler, onDead?: WorkerOptions['onDead']): Promise<boolean> {
    let error: unknown;
    let ok = false;
    try {
      if (job.attempts > job.maxAttempts) throw new Error('lease expired after the last attempt');
      await handler(job);
      ok = true;
    } catch (e) {
      error = e;
    }
    try {
      if (ok) return true;
      this.counters.failed++;
      try {
        this.opts.onError?.(job, error);
      } catch {
        // a faulty error hook must not stop the worker
      }
      if (job.attempts >= job.maxAttempts) {
        this.counters.deadLettered++;
        await this.db.query(
          `UPDATE jobs SET status = 'dead', locked_until = NULL, last_error = $2, updated_at = now() WHERE id = $1`,
          [job.id, errorText(error)],
        );
        if (onDead) {
          try {
            await onDead({ ...job, status: 'dead', lastError: errorText(error) }, error instanceof Error ? error : new Error(String(error)));
          } catch {
            // the job stays a dead letter whatever the hook does
          }
        }
        return false;
      }
      const delay = this.backoff(job.attempts);
      await this.db.query(
        `UPDATE jobs SET status = 'ready', locked_until = NULL, last_error = $2, updated_at = now(),
           run_at = clock_timestamp() + $3 * interval '1 millisecond' WHERE id = $1`,
        [job.id, errorText(error), delay],
      );
      const t = setTimeout(() => this.events.emit(job.kind), delay + 5);
      t.unref();
    } catch {
      // the database went away: the lease expires and the job runs again
    }
    return false;
  }

  /** Delay before the next attempt after `attempts` failed ones. */
  backoff(attempts: number): number {
    return Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** Math.max(0, attempts - 1));
  }

  async deadLetters(kind?: string): Promise<Job[]> {
    const rows = await this.db.query<JobRow>(
      `SELECT ${COLS} FROM jobs WHERE status = 'dead' AND ($1::text IS NULL OR kind = $1) ORDER BY updated_at, id`,
      [kind ?? null],
    );
    return rows.map((r) => toJob(r));
  }

  /** Puts a dead job back (attempts reset). Returns false if there is no such dead job. */
  async retry(id: string): Promise<boolean> {
    if (!/^\d+$/.test(id)) return false;
    const rows = await this.db.query<{ kind: string }>(
      `UPDATE jobs SET status = 'ready', attempts = 0, run_at = now(), locked_until = NULL, updated_at = now()
       WHERE id = $1 AND status = 'dead' RETURNING kind`,
      [id],
    );
    if (rows.length) this.events.emit(rows[0].kind);
    return rows.length > 0;
  }

  async get(id: string): Promise<Job | undefined> {
    if (!/^\d+$/.test(id)) return undefined;
    const rows = await this.db.query<JobRow>(`SELECT ${COLS} FROM jobs WHERE id = $1`, [id]);
    return rows.length ? toJob(rows[0]) : undefined;
  }

  async stats(): Promise<QueueStats> {
    const rows = await this.db.query<{ kind: string; status: JobStatus; n: string }>(
      'SELECT kind, status, count(*) AS n FROM jobs GROUP BY kind, status');
    const kinds: QueueStats['kinds'] = {};
    for (const r of rows) {
      const k = (kinds[r.kind] ??= { ready: 0, running: 0, dead: 0 });
      k[r.status] = Number(r.n);
    }
    return { kinds, ...this.counters };
  }

  /** Resolves when no job of kind (or any kind) is ready or running; for tests and shutdown. */
  async drain(kind?: string, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const [{ n }] = await this.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM jobs WHERE status <> 'dead' AND ($1::text IS NULL OR kind = $1)`, [kind ?? null]);
      if (Number(n) === 0) return;
      if (Date.now() > end) throw new Error(`queue not drained after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

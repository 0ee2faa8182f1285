// `postroom serve`: open the store (embedded PGlite, or PostgreSQL with DATABASE_URL), load the
// terminology, start the letter worker and the HTTP server, load sample data on first start.
import { serve as listen } from '@hono/node-server';
import type { Bundle, Organization } from 'fhir/r4';
import { openDb, type Db } from './store/db.ts';
import { ResourceStore } from './store/resources.ts';
import { Queue } from './store/queue.ts';
import { loadTerminology, checkTerminologySources } from '../terminology/index.ts';
import { LETTER_JOB, type Services, type Practice } from './workflow/services.ts';
import { WORKFLOW_SCHEMA } from './workflow/schema.ts';
import type { createApp } from './app.ts';
import { processInbound, markFailed } from './workflow/process.ts';
import { analysePool, type AnalysePool } from './workflow/analyse-pool.ts';
import { ODS_CODE } from './types.ts';

export interface ServeOptions {
  port: number;
  host?: string;
  /** embedded store folder; absent → in memory (unless databaseUrl) */
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL schema to keep Postroom's tables in (default: the connection's search_path) */
  databaseSchema?: string;
  samples: boolean;
  /** letters processed at once */
  workers?: number;
  /** analysis threads (0: in-process) */
  threads?: number;
  /** retry policy of the letter queue (tests shorten it) */
  retry?: { backoffMs?: number; maxAttempts?: number };
  quiet?: boolean;
}

export interface Running {
  services: Services;
  url: string;
  close(): Promise<void>;
}

/** The practice this server receives for: the sample practice, or POSTROOM_ODS / POSTROOM_PRACTICE_NAME. */
async function ensurePractice(store: ResourceStore, ods: string, name: string): Promise<Practice> {
  const org: Organization = { resourceType: 'Organization', identifier: [{ system: ODS_CODE, value: ods }], name, active: true, type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] }] };
  const { resource } = await store.conditionalCreate(org, `identifier=${ODS_CODE}|${ods}`);
  return { ods, organization: { reference: `Organization/${resource.id}`, display: name }, endpoint: process.env.POSTROOM_ENDPOINT ?? `${ods}OT001` };
}

export async function startServices(opts: Omit<ServeOptions, 'port'>): Promise<Services> {
  // the concept set loads on first use (warmed once serving); a missing file fails the start now
  checkTerminologySources();
  // The store opens first, with the machine to itself (PGlite's start is the longest step); the
  // analysis threads then warm up while this thread finishes starting and serves.
  const db = await openDb({ url: opts.databaseUrl, dataDir: opts.dataDir, schema: opts.databaseSchema });
  const analyser = analysePool(opts.threads);
  try {
    return await startWith(opts, db, analyser);
  } catch (e) {
    await analyser.close();
    await db.close();
    throw e;
  }
}

async function startWith(opts: Omit<ServeOptions, 'port'>, db: Db, analyser: AnalysePool): Promise<Services> {
  await db.exec(WORKFLOW_SCHEMA);
  const store = new ResourceStore(db);
  // Operational log only: job ids and error messages, never letter content or demographics.
  const queue = new Queue(db, { ...opts.retry, onError: (job, e) => console.error(`postroom: job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${(e as Error)?.message ?? e}`) });
  let ods = process.env.POSTROOM_ODS;
  let name = process.env.POSTROOM_PRACTICE_NAME;
  if (opts.samples) {
    const { samplePractice } = await import('../examples/index.ts');
    const bundle: Bundle = samplePractice();
    await store.transaction(bundle);
    const org = bundle.entry?.find((e) => e.resource?.resourceType === 'Organization')?.resource as Organization | undefined;
    ods ??= org?.identifier?.find((i) => i.system === ODS_CODE)?.value;
    name ??= org?.name;
  }
  const practice = await ensurePractice(store, ods ?? 'Y00000', name ?? 'Postroom practice');
  const services: Services = { db, store, queue, get terminology() { return loadTerminology(); }, analyser, practice, now: () => new Date() };
  // Ready means accepting letters: those that come while the analysis threads still warm up wait
  // in the durable queue, then in the threads' ports. (A missing terminology file has already
  // failed the start above; a thread that fails later says so here.)
  analyser.ready.catch((e) => console.error(`postroom: an analysis thread failed to start: ${(e as Error).message}`));
  queue.start(LETTER_JOB, async (job: { payload: { inboundId: string } }) => processInbound(services, job.payload.inboundId), {
    concurrency: opts.workers ?? 16,
    onDead: async (job: { payload: { inboundId: string } }, err: Error) => markFailed(services, job.payload.inboundId, err.message),
  });
  return services;
}

export async function stopServices(s: Services): Promise<void> {
  await s.queue.stop();
  await s.analyser.close();
  await s.db.close();
}

export async function serve(opts: ServeOptions): Promise<Running> {
  // the HTTP app's modules load while the store opens (PGlite compiles its WASM off this thread)
  const appModule = import('./app.ts');
  const services = await startServices(opts);
  const { createApp } = await appModule;
  const host = opts.host ?? '127.0.0.1';
  const app = createApp(services);
  const server = await new Promise<ReturnType<typeof listen>>((resolve) => {
    const srv = listen({ fetch: app.fetch, port: opts.port, hostname: host }, () => resolve(srv));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${host}:${port}`;
  if (opts.samples) await loadSampleLetters(app, opts.quiet);
  // load the concept set now, so the app's first type-ahead does not wait for it
  setImmediate(() => void services.terminology);
  if (!opts.quiet) {
    console.log(`Postroom is running (${services.db.kind}${opts.dataDir ? ` in ${opts.dataDir}` : opts.databaseUrl ? '' : ', in memory'})`);
    console.log(`  FHIR API:         ${url}/fhir`);
    console.log(`  Capability:       ${url}/fhir/metadata`);
    console.log(`  Review Tasks:     ${url}/fhir/Task?code=correspondence-review&_sort=-_lastUpdated`);
    console.log(`  Send a message:   curl -X POST -H 'Content-Type: application/fhir+xml' --data-binary @letter.xml ${url}/fhir/$process-message`);
  }
  return {
    services, url,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await stopServices(services);
    },
  };
}

/** Push the sample letters through the same HTTP entry points a hospital uses (duplicates are answered 20007/20008 and skipped). */
async function loadSampleLetters(app: ReturnType<typeof createApp>, quiet?: boolean): Promise<void> {
  const { sampleLetters } = await import('../examples/index.ts');
  const { submissionFor } = await import('./ingest/submission.ts');
  let accepted = 0;
  const letters = sampleLetters();
  for (const l of letters) {
    const sub = submissionFor(l.bytes, l.file);
    const res = await app.request(`/fhir/${sub.path}`, { method: 'POST', headers: { 'content-type': sub.contentType }, body: sub.body as BodyInit });
    if (res.status < 300) accepted++;
  }
  if (!quiet) console.log(`Sample data: ${accepted} new of ${letters.length} sample letters accepted`);
}

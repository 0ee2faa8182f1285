// Ingest benchmark: a Postroom server (child process, embedded in-memory store) and a load
// generator here, over HTTP on loopback. Letters from the dev corpus are sent the way hospitals
// send them, each made unique (fresh message and document identifiers), for a fixed time.
// Two ways to load it:
// - closed loop (default): C concurrent senders, each sending its next letter as soon as the last
//   is acknowledged, as fast as the server takes them (BENCH_CONCURRENCY, default 8);
// - open loop (BENCH_RATE=R): letters arrive at R per second whatever the server does, as a
//   hospital's traffic does: shows whether a given load is sustained (processing keeps up, the
//   backlog stays small) and what ack latency it gets.
// Prints acked messages/s, ack latency p50/p99, and end-to-end throughput: letters processed to a
// review Task per second, counting until the queue has drained.
// The letters' patients are registered first, as a practice's would be (BENCH_UNMATCHED=1 leaves
// them out: every letter then takes the slower unmatched path, both lookups and the hold queue).
// BENCH_SECONDS (default 20), BENCH_CORPUS, BENCH_WARMUP (passes over the corpus before the window).
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Patient } from 'fhir/r4';
import { submissionFor, type Submission } from '../server/ingest/submission.ts';
import { letterFromBytes } from '../server/ingest/letter.ts';
import { incomingPatient } from '../server/workflow/process.ts';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = process.env.BENCH_CORPUS ?? resolve(here, '../../shared/corpus/dev');
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const rate = Number(process.env.BENCH_RATE ?? 0);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const letters = readdirSync(corpus).filter((f) => !f.endsWith('.gold.json')).sort()
  .map((f) => ({ file: f, sub: submissionFor(new Uint8Array(readFileSync(join(corpus, f))), f) }));

/** The same letter as a new message: every identifier fresh, references kept consistent. */
function unique(sub: Submission): Submission {
  const text = new TextDecoder().decode(sub.body);
  if (sub.path === 'DocumentReference') {
    const dr = JSON.parse(text);
    dr.masterIdentifier.value = `urn:uuid:${randomUUID()}`;
    return { ...sub, body: new TextEncoder().encode(JSON.stringify(dr)) };
  }
  const map = new Map<string, string>();
  const fresh = text.replace(UUID, (u) => { let v = map.get(u); if (!v) map.set(u, (v = randomUUID())); return v; });
  return { ...sub, body: new TextEncoder().encode(fresh) };
}

/**
 * CPU time (ms) the server process has used, in all and on its main thread (Linux /proc; null
 * elsewhere). The main thread runs HTTP and the embedded database, so its share shows where
 * throughput is bounded; the rest is the extraction worker threads.
 */
function serverCpu(pid: number | undefined): { total: number; main: number } | null {
  if (!pid) return null;
  try {
    const ticks = (stat: string) => { const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); return Number(f[11]) + Number(f[12]); };
    const total = ticks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const main = ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'));
    return { total: total * 10, main: main * 10 }; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

async function startServer(): Promise<{ url: string; stop: () => Promise<unknown>; pid?: number }> {
  // BENCH_URL: measure a server started elsewhere (e.g. under a profiler, or on PostgreSQL);
  // BENCH_PID: its process id, to report its CPU time.
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL, stop: async () => {}, pid: Number(process.env.BENCH_PID) || undefined };
  // BENCH_DATA=1: the embedded store in a folder (as a practice runs it) instead of in memory
  const dataDir = process.env.BENCH_DATA ? mkdtempSync(join(tmpdir(), 'postroom-bench-')) : undefined;
  const store = dataDir ? ['--data', dataDir] : ['--memory'];
  const child = spawn(process.execPath, [resolve(here, '../bin/postroom.mjs'), 'serve', ...store, '--no-samples', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (dataDir) child.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /FHIR API:\s+(http:\/\/\S+)\/fhir/.exec(out);
      if (m) ok({ url: m[1], stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }), pid: child.pid });
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code})`)));
  });
}

const countReviews = async (url: string) =>
  (await (await fetch(`${url}/fhir/Task?code=correspondence-review&_summary=count`)).json()).total as number;

/** The corpus letters' patients, as the practice's registered patients (one per NHS number). */
async function registerPatients(url: string): Promise<number> {
  const byNhs = new Map<string, Patient>();
  for (const f of readdirSync(corpus).filter((f) => !f.endsWith('.gold.json'))) {
    const p = incomingPatient(await letterFromBytes(new Uint8Array(readFileSync(join(corpus, f))), { filename: f }));
    const nhs = p?.identifier?.find((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number')?.value;
    if (p && nhs) byNhs.set(nhs, { ...p, id: undefined });
  }
  const res = await fetch(`${url}/fhir`, {
    method: 'POST', headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [...byNhs.values()].map((resource) => ({ resource, request: { method: 'POST', url: 'Patient' } })) }),
  });
  if (!res.ok) throw new Error(`registering patients failed: ${res.status} ${await res.text()}`);
  return byNhs.size;
}

const { url, stop, pid } = await startServer();
const registered = process.env.BENCH_UNMATCHED ? 0 : await registerPatients(url);
const latencies: number[] = [];
/** [sent at (ms since start), latency]: to tell the first seconds (JIT, caches) from the rest */
const timeline: [number, number][] = [];
let sent = 0, acked = 0, rejected = 0;
const statuses = new Map<number, number>();
// node:http with keep-alive rather than fetch: the load generator shares the two cores with the
// server, so it should cost as little as it can (fetch costs several times more per request).
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const target = new URL(url);
function post(sub: Submission): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request({ agent, host: target.hostname, port: target.port, method: 'POST', path: `/fhir/${sub.path}`,
      headers: { 'content-type': sub.contentType, 'content-length': sub.body.byteLength } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => ok(res.statusCode ?? 0));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(sub.body);
  });
}

// Warm-up (BENCH_WARMUP passes over the corpus, default 1; 0 measures from a cold start): the
// server's analysis thread loads the terminology and both processes compile their code before
// the window opens, so the window shows the sustained rate rather than the start-up's backlog.
const warmPasses = Number(process.env.BENCH_WARMUP ?? 1);
const warmLetters = warmPasses * letters.length;
await Promise.all(Array.from({ length: concurrency }, async (_, k) => {
  for (let i = k; i < warmLetters; i += concurrency) await post(unique(letters[i % letters.length].sub));
}));
while (warmLetters && (await countReviews(url)) < warmLetters) await new Promise((r) => setTimeout(r, 100));

const cpu0 = serverCpu(pid);
const client0 = process.cpuUsage();
const t0 = performance.now();
const deadline = t0 + seconds * 1000;
async function send(i: number) {
  const sub = unique(letters[i % letters.length].sub);
  const s = performance.now();
  const status = await post(sub);
  latencies.push(performance.now() - s);
  timeline.push([s - t0, performance.now() - s]);
  sent++;
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  if (status >= 200 && status < 300) acked++; else rejected++;
}
async function sender(k: number) {
  for (let i = k; performance.now() < deadline; i += concurrency) await send(i);
}
/** Open loop: letter i leaves at t0 + i/rate, whether or not earlier ones have been answered. */
async function arrivals() {
  const inflight = new Set<Promise<void>>();
  for (let i = 0; ; i++) {
    const at = t0 + (i * 1000) / rate;
    if (at >= deadline) break;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const p: Promise<void> = send(i).finally(() => inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
}
await (rate > 0 ? arrivals() : Promise.all(Array.from({ length: concurrency }, (_, k) => sender(k))));
const windowEnd = performance.now();
const processedInWindow = (await countReviews(url)) - warmLetters;
let processed = processedInWindow;
while (processed < acked && performance.now() - windowEnd < 120_000) {
  await new Promise((r) => setTimeout(r, 100));
  processed = (await countReviews(url)) - warmLetters;
}
const drained = performance.now();
const cpu1 = serverCpu(pid);
const client = process.cpuUsage(client0);
const onHold = (await (await fetch(`${url}/fhir/Task?code=correspondence-review&status=on-hold&_summary=count`)).json()).total as number;
await stop();

latencies.sort((a, b) => a - b);
const pOf = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const p = (q: number) => pOf(latencies, q);
const WARM_MS = 2000;
const steady = timeline.filter(([at]) => at >= WARM_MS).map(([, ms]) => ms).sort((a, b) => a - b);
const win = (windowEnd - t0) / 1000;
console.log(`ingest benchmark: ${process.env.BENCH_URL ? `server at ${url}` : `embedded store (PGlite, ${process.env.BENCH_DATA ? 'in a folder' : 'in memory'})`}, ${rate > 0 ? `open loop at ${rate} letters/s` : `${concurrency} senders`}, ${win.toFixed(1)} s, ${letters.length} corpus letters cycled, after ${warmLetters} warm-up letters`);
console.log(`patients registered: ${registered}; letters left unmatched (on hold, warm-up included): ${onHold}`);
console.log(`sent ${sent}  acked ${acked}  rejected ${rejected}  statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
console.log(`acked: ${(acked / win).toFixed(1)} messages/s   ack latency p50 ${p(0.5).toFixed(1)} ms  p99 ${p(0.99).toFixed(1)} ms  max ${latencies[latencies.length - 1].toFixed(1)} ms`);
if (steady.length) console.log(`  after the first ${WARM_MS / 1000} s (the server's and this generator's code warm): ack latency p50 ${pOf(steady, 0.5).toFixed(1)} ms  p99 ${pOf(steady, 0.99).toFixed(1)} ms`);
console.log(`processed to a review Task: ${processedInWindow} within the window, ${processed} of ${acked} after ${((drained - windowEnd) / 1000).toFixed(1)} s drain`);
console.log(`end to end: ${(processed / ((drained - t0) / 1000)).toFixed(1)} letters/s (acked, committed and processed, until the queue drained)`);
if (cpu0 && cpu1 && processed) {
  const main = (cpu1.main - cpu0.main) / processed, total = (cpu1.total - cpu0.total) / processed;
  console.log(`server CPU per letter: ${total.toFixed(1)} ms (main thread: HTTP + database ${main.toFixed(1)} ms, extraction workers ${(total - main).toFixed(1)} ms)`);
}
// the load generator shares the machine's two cores with the server
if (processed) console.log(`load generator CPU per letter: ${((client.user + client.system) / 1000 / processed).toFixed(1)} ms`);

// Extraction benchmark: `postroom extract` over ../shared/corpus/dev (or BENCH_CORPUS), the
// shared scorer over its output, then speed: letters/s and p95 ms per letter on one core.
import { readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { extractFiles } from '../server/cli/extract.ts';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '../../shared');
const corpus = process.env.BENCH_CORPUS ?? join(shared, 'corpus/dev');
const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'postroom-extract-'));
const files = readdirSync(corpus).filter((f) => !f.endsWith('.gold.json')).sort().map((f) => join(corpus, f));

const t0 = performance.now();
const runs = await extractFiles(files, out);
const wall = performance.now() - t0;
for (const r of runs.filter((r) => r.error)) console.error(`FAILED ${r.file}: ${r.error}`);

const score = spawnSync(process.execPath, [join(shared, 'eval/score.mjs'), '--gold', corpus, '--pred', out, ...process.argv.slice(3)], { encoding: 'utf8' });
process.stdout.write(score.stdout);
process.stderr.write(score.stderr);

// Speed, measured on a warm process as a running server sees it: start-up (terminology load,
// index build, JIT of the parsers) is not counted per letter. Six passes; the last is reported.
let again = runs;
let cpu = process.cpuUsage();
for (let pass = 0; pass < 6; pass++) {
  cpu = process.cpuUsage();
  again = await extractFiles(files, out);
  cpu = process.cpuUsage(cpu);
}
const ms = again.map((r) => r.ms).sort((a, b) => a - b);
const total = ms.reduce((a, b) => a + b, 0);
const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
console.log(`\nletters: ${files.length}  failed: ${runs.filter((r) => r.error).length}  output: ${out}`);
console.log(`first pass (cold) wall: ${wall.toFixed(0)} ms`);
console.log(`speed (warm, one core): ${(1000 * files.length / total).toFixed(1)} letters/s  p50 ${p(0.5).toFixed(2)} ms  p95 ${p(0.95).toFixed(2)} ms  max ${ms[ms.length - 1].toFixed(2)} ms`);
// CPU time of the last pass, the whole process (GC threads and file writes included): a shared
// machine's other load slows the wall clock far more than it inflates this.
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(`CPU time (last pass): ${(cpuMs / files.length).toFixed(2)} ms per letter = ${(1000 * files.length / cpuMs).toFixed(1)} letters per CPU-second`);
console.log(`resident memory: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);

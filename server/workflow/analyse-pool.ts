// A small pool of analysis worker threads (one per spare core by default). With size 0 the
// analysis runs in-process, which tests and the CLI use.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { LetterHint } from '../ingest/letter.ts';
import type { Analysis } from './analyse.ts';

export interface AnalysePool {
  analyse(bytes: Uint8Array, hint: LetterHint): Promise<Analysis>;
  /** Settles once every thread has warmed up (loaded the terminology, analysed the sample letters). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function analysePool(size = Math.max(1, availableParallelism() - 1)): AnalysePool {
  if (size <= 0) {
    // (loaded on first use: a server's own thread never runs the analysis)
    const inline = import('./analyse.ts');
    return { analyse: async (bytes, hint) => (await inline).analyse(bytes, hint), ready: inline.then(() => {}), close: async () => {} };
  }
  const pending = new Map<number, { ok: (a: Analysis) => void; fail: (e: Error) => void }>();
  let next = 0;
  const warm: Promise<void>[] = [];
  const workers = Array.from({ length: size }, () => {
    // The worker runs TypeScript too: its .mjs entry registers tsx, as bin/postroom.mjs does.
    const w = new Worker(new URL('./analyse-worker.mjs', import.meta.url));
    let warmed!: () => void;
    warm.push(new Promise((ok, fail) => {
      warmed = ok;
      w.once('error', fail);
      w.once('exit', (code) => fail(new Error(`analysis thread exited (${code}) while warming up`)));
    }));
    w.on('message', (m: { ready?: true; id: number; analysis?: Analysis; error?: string }) => {
      if (m.ready) return warmed();
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error !== undefined) p.fail(new Error(m.error)); else p.ok(m.analysis!);
    });
    w.on('error', (e) => { for (const p of pending.values()) p.fail(e); pending.clear(); });
    w.unref();
    return w;
  });
  let rr = 0;
  const ready = Promise.all(warm).then(() => {});
  ready.catch(() => {}); // also reported to whoever awaits it
  return {
    ready,
    analyse(bytes, hint) {
      const id = next++;
      return new Promise((ok, fail) => {
        pending.set(id, { ok, fail });
        workers[rr++ % workers.length].postMessage({ id, bytes, hint });
      });
    },
    async close() { await Promise.all(workers.map((w) => w.terminate())); },
  };
}

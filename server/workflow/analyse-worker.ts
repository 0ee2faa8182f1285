// Worker thread: warms up, says { ready: true }, then answers { id, bytes, hint } with
// { id, analysis } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { analyse, warmUp } from './analyse.ts';

await warmUp();
// letters sent meanwhile wait in the port until this listener starts it
parentPort!.on('message', async (m: { id: number; bytes: Uint8Array; hint: any }) => {
  try {
    parentPort!.postMessage({ id: m.id, analysis: await analyse(m.bytes, m.hint) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
parentPort!.postMessage({ ready: true });

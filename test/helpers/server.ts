// A Postroom for tests: in-memory PGlite (or TEST_DATABASE_URL when asked), the real app, and a
// way to wait until the queue has processed what was accepted.
import type { Bundle, FhirResource } from 'fhir/r4';
import { startServices, stopServices } from '../../server/serve.ts';
import { createApp } from '../../server/app.ts';
import type { Services } from '../../server/workflow/services.ts';

export interface TestServer {
  services: Services;
  app: ReturnType<typeof createApp>;
  post(path: string, body: Uint8Array | string, contentType: string): Promise<Response>;
  get(path: string): Promise<any>;
  search(type: string, query: Record<string, string>): Promise<FhirResource[]>;
  /** wait until every inbound letter has been processed (or failed) */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function testServer(opts: { samples?: boolean; databaseUrl?: string; databaseSchema?: string; retry?: { backoffMs?: number; maxAttempts?: number } } = {}): Promise<TestServer> {
  const services = await startServices({ samples: opts.samples ?? false, databaseUrl: opts.databaseUrl, databaseSchema: opts.databaseSchema, workers: 2, threads: 0, retry: opts.retry });
  const app = createApp(services);
  const t: TestServer = {
    services, app,
    post: async (path, body, contentType) => app.request(`/fhir/${path}`, { method: 'POST', headers: { 'content-type': contentType }, body: body as BodyInit }),
    get: async (path) => (await app.request(`/fhir/${path}`)).json(),
    async search(type, query) {
      const b = (await t.get(`${type}?${new URLSearchParams(query)}`)) as Bundle;
      return (b.entry ?? []).filter((e) => e.search?.mode !== 'include').map((e) => e.resource!) ;
    },
    async settle(timeoutMs = 20_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        // processed or failed for good (a dead letter); 'accepted' rows are still in the queue
        const [row] = await services.db.query<{ n: string }>(`SELECT count(*) AS n FROM inbound WHERE status = 'accepted'`);
        if (Number(row.n) === 0) return;
        if (Date.now() > end) throw new Error(`${row.n} letters still unprocessed after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => stopServices(services),
  };
  return t;
}

// The Hono application: thin routes over the FHIR router and the workflow functions.
import { Hono } from 'hono';
import type { Services, Reply } from './workflow/services.ts';
import { fhirRoutes } from './fhir/hono.ts';
import type { OperationRequest, OperationResponse } from './fhir/router.ts';
import { receiveMessage, receiveDocument, receiveDocumentReference } from './workflow/receive.ts';
import { terminologyOperations } from '../terminology/operations.ts';

const toResponse = (r: Reply): OperationResponse => ({ status: r.status, contentType: r.contentType, body: r.body, headers: r.headers });

export function createApp(s: Services, opts: { baseUrl?: string } = {}): Hono {
  // (made on first use: s.terminology loads the concept set then)
  let ops: ReturnType<typeof terminologyOperations> | undefined;
  const term = () => (ops ??= terminologyOperations(s.terminology));
  const body = (req: OperationRequest) => req.body ?? new Uint8Array();
  const ctype = (req: OperationRequest) => req.headers['content-type'] ?? '';
  const fhir = fhirRoutes({
    store: s.store,
    baseUrl: opts.baseUrl,
    operations: {
      'process-message': { level: 'system', methods: ['POST'], handler: async (req) => toResponse(await receiveMessage(s, body(req), ctype(req))) },
      'CodeSystem/lookup': { level: 'type', methods: ['GET', 'POST'], handler: async (req) => term().lookup(req.params) },
      'CodeSystem/validate-code': { level: 'type', methods: ['GET', 'POST'], handler: async (req) => term().validateCode(req.params) },
      'ValueSet/expand': { level: 'type', methods: ['GET', 'POST'], handler: async (req) => term().expand(req.params) },
    },
    interceptCreate: {
      Bundle: async (req) => toResponse(await receiveDocument(s, body(req), ctype(req))),
      DocumentReference: async (req) => toResponse(await receiveDocumentReference(s, body(req), ctype(req))),
    },
  });
  const app = new Hono();
  app.route('/fhir', fhir);
  app.get('/', (c) => c.json({ name: 'Postroom', fhir: '/fhir', metadata: '/fhir/metadata' }));
  app.get('/healthz', (c) => c.text('ok'));
  // Operations view of the durable queue: counts, and dead letters (job ids, inbound ids and
  // error messages only — never letter content) with a way to retry one.
  app.get('/admin/queue', async (c) => {
    const [stats, dead, inbound] = await Promise.all([
      s.queue.stats(), s.queue.deadLetters(),
      s.db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM inbound GROUP BY status'),
    ]);
    return c.json({
      stats, inbound: Object.fromEntries(inbound.map((r) => [r.status, Number(r.n)])),
      deadLetters: dead.map((j) => ({ id: j.id, kind: j.kind, payload: j.payload, attempts: j.attempts, lastError: j.lastError, createdAt: j.createdAt })),
    });
  });
  // ITK3 business acknowledgements waiting for a transport to take them to the sender.
  app.get('/admin/outbox', async (c) => c.json(await s.db.query(
    `SELECT id, inbound_id AS "inboundId", kind, code, recipient, content_type AS "contentType", body, created_at AS "createdAt"
     FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 500`)));
  app.post('/admin/outbox/:id/sent', async (c) => {
    const rows = await s.db.query(`UPDATE outbox SET sent_at = now() WHERE id = $1 AND sent_at IS NULL RETURNING id`, [c.req.param('id')]);
    return c.json({ sent: rows.length === 1 }, rows.length ? 200 : 404);
  });
  app.post('/admin/queue/:id/retry', async (c) => {
    const job = await s.queue.get(c.req.param('id'));
    if (!job || !(await s.queue.retry(job.id))) return c.json({ retried: false }, 404);
    const inboundId = (job.payload as { inboundId?: string } | null)?.inboundId;
    if (inboundId) await s.db.query(`UPDATE inbound SET status = 'accepted', error = NULL WHERE id = $1 AND status = 'failed'`, [inboundId]);
    return c.json({ retried: true });
  });
  return app;
}

// The Hono application: thin routes over the FHIR router and the workflow functions.
import { Hono } from 'hono';
import type { Services, Reply } from './workflow/services.ts';
import { fhirRoutes } from './fhir/hono.ts';
import type { OperationRequest, OperationResponse } from './fhir/router.ts';
import { receiveMessage, receiveDocument, receiveDocumentReference } from './workflow/receive.ts';
import { terminologyOperations } from '../terminology/operations.ts';

const toResponse = (r: Reply): OperationResponse => ({ status: r.status, contentType: r.contentType, body: r.body, headers: r.headers });

export function createApp(s: Services, opts: { baseUrl?: string } = {}): Hono {
  const term = terminologyOperations(s.terminology);
  const body = (req: OperationRequest) => req.body ?? new Uint8Array();
  const ctype = (req: OperationRequest) => req.headers['content-type'] ?? '';
  const fhir = fhirRoutes({
    store: s.store,
    baseUrl: opts.baseUrl,
    operations: {
      'process-message': { level: 'system', methods: ['POST'], handler: async (req) => toResponse(await receiveMessage(s, body(req), ctype(req))) },
      'CodeSystem/lookup': { level: 'type', methods: ['GET', 'POST'], handler: async (req) => term.lookup(req.params) },
      'CodeSystem/validate-code': { level: 'type', methods: ['GET', 'POST'], handler: async (req) => term.validateCode(req.params) },
      'ValueSet/expand': { level: 'type', methods: ['GET', 'POST'], handler: async (req) => term.expand(req.params) },
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
  return app;
}

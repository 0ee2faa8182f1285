import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Bundle, CapabilityStatement, OperationOutcome, Parameters } from 'fhir/r4';
import { openDb, type Db } from '../server/store/db.ts';
import { ResourceStore } from '../server/store/resources.ts';
import { fhirRoutes } from '../server/fhir/hono.ts';
import { FhirRouter, type OperationRequest } from '../server/fhir/router.ts';

const FJ = 'application/fhir+json';
let db: Db;
let app: Hono;
const seen: OperationRequest[] = [];

test.before(async () => {
  db = await openDb({});
  const store = new ResourceStore(db);
  app = new Hono();
  app.route('/fhir', fhirRoutes({
    store,
    operations: {
      'process-message': {
        level: 'system', methods: ['POST'],
        handler: async (req) => {
          seen.push(req);
          return { status: 200, contentType: 'application/fhir+xml', body: '<Bundle xmlns="http://hl7.org/fhir"/>' };
        },
      },
      'CodeSystem/lookup': {
        level: 'type', methods: ['GET', 'POST'],
        handler: async (req) => {
          const code = req.params instanceof URLSearchParams ? req.params.get('code') : req.params.parameter?.find((p) => p.name === 'code')?.valueCode;
          if (code === 'boom') throw new Error('Mrs Jane Doe, NHS 9000000009');
          if (!code) return { status: 400, outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'required', diagnostics: 'code needed' }] } };
          return { resourceType: 'Parameters', parameter: [{ name: 'display', valueString: `code ${code}` }] } as Parameters;
        },
      },
    },
    interceptCreate: {
      DocumentReference: async (req) => ({ status: 202, contentType: 'text/plain', body: `accepted ${req.body?.byteLength} bytes of ${req.contentType}` }),
    },
  }));
});
test.after(async () => db.close());

const call = (path: string, init: RequestInit & { json?: unknown } = {}) => {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    if (!headers.has('content-type')) headers.set('content-type', FJ);
  }
  return app.request(`/fhir${path}`, { ...init, headers, body });
};
const outcomeOf = async (res: Response) => {
  assert.match(res.headers.get('content-type') ?? '', /fhir\+json/);
  const o = (await res.json()) as OperationOutcome;
  assert.is(o.resourceType, 'OperationOutcome');
  return o;
};

test('metadata is a CapabilityStatement generated from the registries', async () => {
  const res = await call('/metadata');
  assert.is(res.status, 200);
  const cs = (await res.json()) as CapabilityStatement;
  assert.is(cs.resourceType, 'CapabilityStatement');
  assert.is(cs.fhirVersion, '4.0.1');
  const task = cs.rest![0].resource!.find((r) => r.type === 'Task')!;
  for (const p of ['status', 'owner', 'patient', 'focus', 'business-status', 'authored-on', '_lastUpdated', '_tag']) {
    assert.ok(task.searchParam!.some((s) => s.name === p), `Task ${p}`);
  }
  assert.ok(cs.rest![0].operation!.some((o) => o.name === 'process-message'));
  const csr = cs.rest![0].resource!.find((r) => r.type === 'CodeSystem')!;
  assert.ok(csr.operation!.some((o) => o.name === 'lookup'));
  assert.match(cs.implementation!.url!, /\/fhir$/);
});

test('create → 201 with Location, ETag, Last-Modified; read, If-None-Match, vread, history', async () => {
  const res = await call('/Patient', { method: 'POST', json: { resourceType: 'Patient', id: 'client-id', name: [{ family: 'Api' }] } });
  assert.is(res.status, 201);
  const p = await res.json();
  assert.is.not(p.id, 'client-id');
  assert.is(res.headers.get('location'), `http://localhost/fhir/Patient/${p.id}/_history/1`);
  assert.is(res.headers.get('etag'), 'W/"1"');
  assert.ok(res.headers.get('last-modified'));
  const r = await call(`/Patient/${p.id}`);
  assert.is(r.status, 200);
  assert.is((await r.json()).name[0].family, 'Api');
  assert.is((await call(`/Patient/${p.id}`, { headers: { 'if-none-match': 'W/"1"' } })).status, 304);
  const upd = await call(`/Patient/${p.id}`, { method: 'PUT', json: { ...p, gender: 'male' } });
  assert.is(upd.status, 200);
  assert.is(upd.headers.get('etag'), 'W/"2"');
  assert.is((await (await call(`/Patient/${p.id}/_history/1`)).json()).gender, undefined);
  const h = (await (await call(`/Patient/${p.id}/_history`)).json()) as Bundle;
  assert.is(h.type, 'history');
  assert.is(h.entry!.length, 2);
});

test('Prefer: return=minimal and return=OperationOutcome', async () => {
  const min = await call('/Organization', { method: 'POST', json: { resourceType: 'Organization', name: 'Min' }, headers: { prefer: 'return=minimal' } });
  assert.is(min.status, 201);
  assert.is(await min.text(), '');
  assert.ok(min.headers.get('location'));
  const oo = await call('/Organization', { method: 'POST', json: { resourceType: 'Organization', name: 'OO' }, headers: { prefer: 'return=OperationOutcome' } });
  assert.is((await outcomeOf(oo)).issue[0].severity, 'information');
});

test('update: If-Match conflict 412, id mismatch / missing 400, PUT creates 201', async () => {
  const c = await call('/Task/api-t1', { method: 'PUT', json: { resourceType: 'Task', id: 'api-t1', status: 'requested', intent: 'order' } });
  assert.is(c.status, 201);
  const stale = await call('/Task/api-t1', { method: 'PUT', headers: { 'if-match': 'W/"5"' }, json: { resourceType: 'Task', id: 'api-t1', status: 'accepted', intent: 'order' } });
  assert.is(stale.status, 412);
  await outcomeOf(stale);
  assert.is((await call('/Task/api-t1', { method: 'PUT', json: { resourceType: 'Task', id: 'other', status: 'requested', intent: 'order' } })).status, 400);
  assert.is((await call('/Task/api-t1', { method: 'PUT', json: { resourceType: 'Task', status: 'requested', intent: 'order' } })).status, 400);
  assert.is((await call('/Task/api-t1', { method: 'PUT', json: { resourceType: 'Patient', id: 'api-t1' } })).status, 400);
});

test('delete → 200 then read → 410', async () => {
  const p = await (await call('/Patient', { method: 'POST', json: { resourceType: 'Patient' } })).json();
  assert.is((await call(`/Patient/${p.id}`, { method: 'DELETE' })).status, 200);
  const gone = await call(`/Patient/${p.id}`);
  assert.is(gone.status, 410);
  await outcomeOf(gone);
});

test('errors are OperationOutcomes with the right status', async () => {
  let r = await call('/Spaceship/1');
  assert.is(r.status, 404);
  await outcomeOf(r);
  assert.is((await call('/Patient/nope')).status, 404);
  r = await call('/Patient', { method: 'POST', headers: { 'content-type': FJ }, body: '{not json' });
  assert.is(r.status, 400);
  await outcomeOf(r);
  r = await call('/Patient', { method: 'POST', json: { resourceType: 'Task' } });
  assert.is(r.status, 400);
  r = await call('/Patient', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
  assert.is(r.status, 415);
  await outcomeOf(r);
  r = await call('/Patient', { method: 'POST', headers: { 'content-type': 'application/fhir+xml' }, body: '<Patient/>' });
  assert.is(r.status, 415);
  r = await call('/Patient?colour=red');
  assert.is(r.status, 400);
  assert.match((await outcomeOf(r)).issue[0].diagnostics!, /colour/);
  assert.is((await call('/Patient?colour=red', { headers: { prefer: 'handling=lenient' } })).status, 200);
  assert.is((await call('/Patient/bad%20id')).status, 400);
  assert.is((await call('/Patient', { method: 'PATCH', body: '{}' })).status, 405);
  assert.is((await call('/Patient?_format=xml')).status, 406);
});

test('AuditEvent and Provenance are read-only through the API', async () => {
  assert.is((await call('/AuditEvent', { method: 'POST', json: { resourceType: 'AuditEvent' } })).status, 405);
  assert.is((await call('/Provenance/p1', { method: 'PUT', json: { resourceType: 'Provenance', id: 'p1' } })).status, 405);
  const tx = await call('', { method: 'POST', json: { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'AuditEvent' }, request: { method: 'POST', url: 'AuditEvent' } }] } });
  assert.is(tx.status, 405);
  assert.is((await call('/AuditEvent?action=C')).status, 200);
});

test('conditional create with If-None-Exist', async () => {
  const body = { resourceType: 'Organization', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'Z99999' }] };
  const headers = { 'if-none-exist': 'identifier=https://fhir.nhs.uk/Id/ods-organization-code|Z99999' };
  const a = await call('/Organization', { method: 'POST', json: body, headers });
  assert.is(a.status, 201);
  const b = await call('/Organization', { method: 'POST', json: body, headers });
  assert.is(b.status, 200);
  assert.is((await b.json()).id, (await a.json()).id);
});

test('search via GET and POST _search, with paging links on the request base', async () => {
  for (let i = 0; i < 3; i++) await call('/Task', { method: 'POST', json: { resourceType: 'Task', status: 'on-hold', intent: 'order', priority: 'asap' } });
  const res = await call('/Task?status=on-hold&_count=2');
  assert.is(res.status, 200);
  const b = (await res.json()) as Bundle;
  assert.is(b.total, 3);
  assert.is(b.entry!.length, 2);
  const next = b.link!.find((l) => l.relation === 'next')!.url;
  assert.ok(next.startsWith('http://localhost/fhir/Task?'));
  const b2 = (await (await app.request(next.replace('http://localhost', ''))).json()) as Bundle;
  assert.is(b2.entry!.length, 1);
  const post = await call('/Task/_search', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'status=on-hold&priority=asap' });
  assert.is(((await post.json()) as Bundle).total, 3);
  const bad = await call('/Task/_search', { method: 'POST', headers: { 'content-type': FJ }, body: '{}' });
  assert.is(bad.status, 415);
  assert.is(((await (await call('/Task?status=on-hold&_summary=count')).json()) as Bundle).total, 3);
});

test('POST / runs transaction and batch bundles', async () => {
  const u = 'urn:uuid:9b0c7f2e-3f55-4c1e-9a63-8d5e2f1a0b11';
  const res = await call('', {
    method: 'POST',
    json: {
      resourceType: 'Bundle', type: 'transaction', entry: [
        { fullUrl: u, resource: { resourceType: 'Patient', name: [{ family: 'Bundle' }] }, request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: u } }, request: { method: 'POST', url: 'Task' } },
      ],
    },
  });
  assert.is(res.status, 200);
  const b = (await res.json()) as Bundle;
  assert.is(b.type, 'transaction-response');
  assert.is((b.entry![1].resource as any).for.reference, `Patient/${b.entry![0].resource!.id}`);
  const batch = await call('/', { method: 'POST', json: { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'GET', url: 'Patient/missing' } }] } });
  assert.is(((await batch.json()) as Bundle).entry![0].response!.status, '404');
  assert.is((await call('', { method: 'POST', json: { resourceType: 'Bundle', type: 'collection' } })).status, 400);
});

test('operations: raw body and content type reach the handler; methods and unknown operations', async () => {
  const xml = '<Bundle xmlns="http://hl7.org/fhir"><type value="message"/></Bundle>';
  const res = await call('/$process-message', { method: 'POST', headers: { 'content-type': 'application/fhir+xml; charset=utf-8' }, body: xml });
  assert.is(res.status, 200);
  assert.is(res.headers.get('content-type'), 'application/fhir+xml');
  const req = seen.at(-1)!;
  assert.is(req.contentType, 'application/fhir+xml');
  assert.is(new TextDecoder().decode(req.body), xml);
  assert.is(req.level, 'system');
  assert.is((await call('/$process-message')).status, 405);
  assert.is((await call('/$nonesuch', { method: 'POST' })).status, 404);
  const g = await call('/CodeSystem/$lookup?system=http://snomed.info/sct&code=22298006');
  assert.is(g.status, 200);
  assert.is((await g.json()).parameter[0].valueString, 'code 22298006');
  const p = await call('/CodeSystem/$lookup', { method: 'POST', json: { resourceType: 'Parameters', parameter: [{ name: 'code', valueCode: '73211009' }] } });
  assert.is((await p.json()).parameter[0].valueString, 'code 73211009');
  const e = await call('/CodeSystem/$lookup');
  assert.is(e.status, 400);
  await outcomeOf(e);
  assert.is((await call('/ValueSet/$lookup')).status, 404);
});

test('handler crashes become a 500 OperationOutcome that leaks nothing', async () => {
  const orig = console.error;
  const logged: string[] = [];
  console.error = (...a: unknown[]) => void logged.push(a.join(' '));
  try {
    const res = await call('/CodeSystem/$lookup?code=boom');
    assert.is(res.status, 500);
    const text = await res.text();
    assert.not.match(text, /Jane|9000000009/);
    assert.not.match(logged.join('\n'), /Jane|9000000009/);
  } finally {
    console.error = orig;
  }
});

test('interceptCreate routes POST /DocumentReference to its handler', async () => {
  const res = await call('/DocumentReference', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array([37, 80, 68, 70]) });
  assert.is(res.status, 202);
  assert.is(await res.text(), 'accepted 4 bytes of application/pdf');
});

test('Binary: raw bytes in, raw bytes out for its own content type, JSON otherwise', async () => {
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
  const res = await call('/Binary', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: bytes });
  assert.is(res.status, 201);
  const b = await res.json();
  const raw = await call(`/Binary/${b.id}`, { headers: { accept: 'application/pdf' } });
  assert.is(raw.headers.get('content-type'), 'application/pdf');
  assert.equal(new Uint8Array(await raw.arrayBuffer()), bytes);
  const js = await call(`/Binary/${b.id}`);
  assert.is((await js.json()).data, Buffer.from(bytes).toString('base64'));
});

test('router is HTTP-agnostic: handle() never throws', async () => {
  const router = new FhirRouter({ store: new ResourceStore(db), baseUrl: 'https://pr.example/fhir' });
  const r = await router.handle({ method: 'GET', path: '/Patient', query: new URLSearchParams('_count=1'), headers: {} });
  assert.is(r.status, 200);
  assert.match(String(r.body), /https:\/\/pr\.example\/fhir\/Patient/);
  const bad = await router.handle({ method: 'POST', path: '/Patient', query: new URLSearchParams(), headers: { 'Content-Type': FJ }, body: new Uint8Array([0xff, 0xfe]) });
  assert.is(bad.status, 400);
});

test('over real HTTP with @hono/node-server on a loopback port', async () => {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as AddressInfo;
  try {
    const base = `http://127.0.0.1:${port}/fhir`;
    const created = await fetch(`${base}/Patient`, { method: 'POST', headers: { 'content-type': FJ }, body: JSON.stringify({ resourceType: 'Patient', name: [{ family: 'Wire' }] }) });
    assert.is(created.status, 201);
    assert.ok(created.headers.get('location')!.startsWith(`${base}/Patient/`));
    const found = (await (await fetch(`${base}/Patient?family=wire`)).json()) as Bundle;
    assert.is(found.total, 1);
    assert.ok(found.entry![0].fullUrl!.startsWith(base));
    assert.is((await fetch(`${base}/metadata`)).status, 200);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test.run();

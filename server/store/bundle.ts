// FHIR transaction and batch Bundles. A transaction runs in one database transaction (all or
// nothing), gives every POSTed entry its id first and rewrites urn:uuid references to them, then
// applies DELETE, POST/PUT (one saveMany statement) and GET in the order the spec prescribes.
import type { Bundle, BundleEntry, FhirResource as Resource, OperationOutcome } from 'fhir/r4';
import type { Db } from './db.ts';
import type { ResourceStore } from './resources.ts';
import { ID_RE, parseETag, validateResource } from './resources.ts';
import { newId } from '../ids.ts';
import { badRequest, FhirError, preconditionFailed } from './errors.ts';
import { RESOURCE_TYPE_SET } from './search-params.ts';

interface ParsedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  type: string;
  id?: string;
  vid?: string;
  query?: URLSearchParams;
}

const STATUS_TEXT: Record<number, string> = { 200: '200 OK', 201: '201 Created', 204: '204 No Content' };

function parseRequest(entry: BundleEntry, index: number): ParsedRequest {
  const req = entry.request;
  if (!req || !req.method || typeof req.url !== 'string') throw badRequest(`entry[${index}] has no request.method/url`, 'required');
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST' && method !== 'PUT' && method !== 'DELETE') {
    throw new FhirError(400, 'not-supported', `entry[${index}]: method ${req.method} is not supported`);
  }
  // relative URL: Type, Type/id, Type/id/_history/vid, Type?query (absolute URLs: take the Type/... tail)
  const url = req.url.replace(/^https?:\/\/[^?]*?\/(?=[A-Z][A-Za-z]+(?:[/?]|$))/, '').replace(/^\//, '');
  const [path, qs] = url.split('?', 2);
  const [type, id, hist, vid] = path.split('/');
  if (!RESOURCE_TYPE_SET.has(type)) throw new FhirError(404, 'not-supported', `entry[${index}]: unsupported resource type ${type}`);
  if (id !== undefined && !ID_RE.test(id)) throw badRequest(`entry[${index}]: invalid id in request.url`);
  if (hist !== undefined && (hist !== '_history' || !vid)) throw badRequest(`entry[${index}]: unsupported request.url`);
  return { method, type, id, vid, query: qs !== undefined ? new URLSearchParams(qs) : undefined };
}

/** Rewrites Reference.reference values found in map, everywhere in the value (in place). */
function resolveReferences(value: unknown, map: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const v of value) resolveReferences(v, map);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'reference' && typeof v === 'string') {
        const to = map.get(v);
        if (to) o[k] = to;
      } else if (v && typeof v === 'object') resolveReferences(v, map);
    }
  }
}

const etagOf = (r: Resource) => `W/"${r.meta?.versionId}"`;

function okEntry(status: number, r?: Resource, withLocation = false): BundleEntry {
  const e: BundleEntry = { response: { status: STATUS_TEXT[status] ?? String(status) } };
  if (r) {
    e.resource = r;
    e.response!.etag = etagOf(r);
    e.response!.lastModified = r.meta?.lastUpdated;
    if (withLocation) e.response!.location = `${r.resourceType}/${r.id}/_history/${r.meta?.versionId}`;
  }
  return e;
}

async function runGet(store: ResourceStore, tx: Db, rq: ParsedRequest, baseUrl?: string): Promise<BundleEntry> {
  if (rq.id && rq.vid) return okEntry(200, await store.vread(rq.type, rq.id, rq.vid, tx));
  if (rq.id) return okEntry(200, await store.read(rq.type, rq.id, tx));
  return { resource: await store.search(rq.type, rq.query ?? new URLSearchParams(), { baseUrl }, tx), response: { status: '200 OK' } };
}

async function runDelete(store: ResourceStore, tx: Db, rq: ParsedRequest): Promise<BundleEntry> {
  if (rq.id) {
    await store.delete(rq.type, rq.id, tx);
    return { response: { status: '204 No Content' } };
  }
  if (!rq.query) throw badRequest('DELETE needs an id or a search', 'required');
  const ids = await store.searchIds(rq.type, rq.query, 2, tx);
  if (ids.length > 1) throw preconditionFailed('Conditional delete matched several resources');
  if (ids.length) await store.delete(rq.type, ids[0], tx);
  return { response: { status: '204 No Content' } };
}

export async function runTransaction(store: ResourceStore, bundle: Bundle, opts: { baseUrl?: string } = {}): Promise<Bundle> {
  checkBundle(bundle, 'transaction');
  const entries = bundle.entry ?? [];
  const requests = entries.map((e, i) => parseRequest(e, i));
  const out: BundleEntry[] = new Array(entries.length);
  await store.db.transaction(async (tx) => {
    // 1. identities: POST gets a new id (or the match of ifNoneExist), PUT keeps its id
    const refMap = new Map<string, string>();
    const existing = new Map<number, Resource>(); // ifNoneExist matches
    const writes: { index: number; resource: Resource; method: 'POST' | 'PUT' }[] = [];
    for (const [i, e] of entries.entries()) {
      const rq = requests[i];
      if (rq.method !== 'POST' && rq.method !== 'PUT') continue;
      const r = structuredClone(e.resource) as Resource;
      validateResource(r, rq.type);
      if (rq.method === 'POST') {
        if (e.request?.ifNoneExist) {
          const ids = await store.searchIds(rq.type, new URLSearchParams(e.request.ifNoneExist.replace(/^.*\?/, '')), 2, tx);
          if (ids.length > 1) throw preconditionFailed(`entry[${i}]: ifNoneExist matched several resources`);
          if (ids.length === 1) {
            existing.set(i, await store.read(rq.type, ids[0], tx));
            if (e.fullUrl) refMap.set(e.fullUrl, `${rq.type}/${ids[0]}`);
            continue;
          }
        }
        r.id = newId();
      } else {
        if (rq.query && !rq.id) {
          // conditional update: the single match, or a new resource
          const ids = await store.searchIds(rq.type, rq.query, 2, tx);
          if (ids.length > 1) throw preconditionFailed(`entry[${i}]: conditional update matched several resources`);
          rq.id = ids[0] ?? r.id ?? newId();
        }
        if (!rq.id) throw badRequest(`entry[${i}]: PUT needs Type/id`, 'required');
        if (r.id && r.id !== rq.id) throw badRequest(`entry[${i}]: resource id does not match request.url`);
        r.id = rq.id;
      }
      if (e.fullUrl) refMap.set(e.fullUrl, `${rq.type}/${r.id}`);
      writes.push({ index: i, resource: r, method: rq.method });
    }
    for (const w of writes) resolveReferences(w.resource, refMap);

    // 2. deletes, then writes, then reads
    for (const [i, rq] of requests.entries()) if (rq.method === 'DELETE') out[i] = await runDelete(store, tx, rq);
    for (const [i, r] of existing) out[i] = okEntry(200, r);
    // PUTs with If-Match go one by one (version check); everything else in one statement
    const plain = writes.filter((w) => !(w.method === 'PUT' && entries[w.index].request?.ifMatch));
    for (const w of writes) {
      if (plain.includes(w)) continue;
      const { resource, created } = await store.update(w.resource, { ifMatch: entries[w.index].request!.ifMatch }, tx);
      out[w.index] = okEntry(created ? 201 : 200, resource, true);
    }
    const saved = await store.saveMany(plain.map((w) => w.resource), tx);
    plain.forEach((w, k) => {
      const created = w.method === 'POST' || saved[k].meta?.versionId === '1';
      out[w.index] = okEntry(created ? 201 : 200, saved[k], true);
    });
    for (const [i, rq] of requests.entries()) if (rq.method === 'GET') out[i] = await runGet(store, tx, rq, opts.baseUrl);
  });
  return { resourceType: 'Bundle', type: 'transaction-response', entry: out };
}

export async function runBatch(store: ResourceStore, bundle: Bundle, opts: { baseUrl?: string } = {}): Promise<Bundle> {
  checkBundle(bundle, 'batch');
  const out: BundleEntry[] = [];
  for (const [i, e] of (bundle.entry ?? []).entries()) {
    try {
      const rq = parseRequest(e, i);
      out.push(await store.db.transaction(async (tx) => {
        switch (rq.method) {
          case 'GET': return runGet(store, tx, rq, opts.baseUrl);
          case 'DELETE': return runDelete(store, tx, rq);
          case 'POST': {
            const r = e.resource as Resource;
            validateResource(r, rq.type);
            if (e.request?.ifNoneExist) {
              const { resource, created } = await store.conditionalCreate(r, e.request.ifNoneExist, tx);
              return okEntry(created ? 201 : 200, resource, created);
            }
            return okEntry(201, await store.create(r, {}, tx), true);
          }
          case 'PUT': {
            const r = e.resource as Resource;
            validateResource(r, rq.type);
            if (!rq.id) throw badRequest(`entry[${i}]: PUT needs Type/id`, 'required');
            if (r.id && r.id !== rq.id) throw badRequest(`entry[${i}]: resource id does not match request.url`);
            const { resource, created } = await store.update({ ...r, id: rq.id }, { ifMatch: e.request?.ifMatch }, tx);
            return okEntry(created ? 201 : 200, resource, true);
          }
        }
      }));
    } catch (err) {
      const fe = err instanceof FhirError ? err : new FhirError(500, 'exception', 'Internal error processing entry');
      const outcome: OperationOutcome = {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: fe.code, diagnostics: fe.message }],
      };
      out.push({ response: { status: String(fe.status), outcome } });
    }
  }
  return { resourceType: 'Bundle', type: 'batch-response', entry: out };
}

function checkBundle(bundle: Bundle, type: 'transaction' | 'batch'): void {
  if (!bundle || bundle.resourceType !== 'Bundle') throw badRequest('Expected a Bundle', 'structure');
  if (bundle.type !== type) throw badRequest(`Expected Bundle.type ${type}`, 'value');
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) throw badRequest('Bundle.entry must be an array', 'structure');
}



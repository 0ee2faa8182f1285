// The FHIR R4 REST API, independent of any HTTP framework: a request record in, a response
// record out (like Medplum's FHIR router). Errors of every kind come back as OperationOutcomes
// with their status; nothing is thrown to the HTTP layer and no resource content is logged.
import type { Bundle, FhirResource as Resource, Parameters } from 'fhir/r4';
import type { ResourceStore } from '../store/resources.ts';
import { ID_RE, parseETag } from '../store/resources.ts';
import { RESOURCE_TYPE_SET } from '../store/search-params.ts';
import { FhirError } from '../store/errors.ts';
import { capabilityStatement, READ_ONLY_TYPES } from './capability.ts';
import {
  OperationRegistry, type OperationHandler, type OperationLevel, type OperationRequest, type OperationResult,
  type OperationResponse, type OperationSpec,
} from './operations.ts';
import { infoOutcome, invalid, methodNotAllowed, notAcceptable, toOutcome, unsupportedMediaType } from './outcome.ts';

export type { OperationRequest, OperationResponse, OperationHandler, OperationResult, OperationSpec };
export { OperationRegistry };

export interface FhirRequest {
  method: string;
  /** path below the FHIR base, e.g. /Patient/123/_history/2 */
  path: string;
  query: URLSearchParams;
  /** header names in any case */
  headers: Record<string, string>;
  body?: Uint8Array;
  /** base URL of this request's FHIR endpoint, used when the router has none configured */
  baseUrl?: string;
}

export interface FhirResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export interface RouterOptions {
  store: ResourceStore;
  /** public base URL (e.g. https://postroom.example/fhir); default: from each request */
  baseUrl?: string;
  operations?: OperationRegistry | Record<string, OperationSpec>;
  /** POST /{type} handled by these instead of a plain create (e.g. Bundle, DocumentReference → ingest) */
  interceptCreate?: Partial<Record<string, OperationHandler>>;
  /** request bodies above this are refused with 413 (default 64 MiB) */
  maxBodyBytes?: number;
}

export const FHIR_JSON = 'application/fhir+json';
const JSON_TYPES = new Set(['application/fhir+json', 'application/json', 'application/json+fhir', 'text/json']);
const FORM = 'application/x-www-form-urlencoded';
const decoder = new TextDecoder('utf-8', { fatal: false });

const mediaType = (v: string | undefined) => (v ?? '').split(';')[0].trim().toLowerCase();
const isJsonType = (t: string) => JSON_TYPES.has(t) || /^application\/[\w.+-]*\+json$/.test(t);

function httpDate(iso?: string): string | undefined {
  return iso ? new Date(iso).toUTCString() : undefined;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): FhirResponse {
  return { status, headers: { 'content-type': `${FHIR_JSON}; charset=utf-8`, ...headers }, body: JSON.stringify(body) };
}

function resourceHeaders(r: Resource, base: string): Record<string, string> {
  const h: Record<string, string> = {};
  if (r.meta?.versionId) h.etag = `W/"${r.meta.versionId}"`;
  const lm = httpDate(r.meta?.lastUpdated);
  if (lm) h['last-modified'] = lm;
  h['content-location'] = `${base}/${r.resourceType}/${r.id}/_history/${r.meta?.versionId}`;
  return h;
}

function parsePrefer(v: string | undefined): { return?: string; handling?: string } {
  const out: Record<string, string> = {};
  for (const part of (v ?? '').split(/[,;]/)) {
    const [k, val] = part.split('=').map((s) => s?.trim().replace(/^"|"$/g, ''));
    if (k && val) out[k.toLowerCase()] = val.toLowerCase();
  }
  return out;
}

/** Which representation the client asked for (_format wins over Accept). */
function wantsJson(req: { query: URLSearchParams; headers: Record<string, string> }): boolean {
  const fmt = req.query.get('_format');
  if (fmt) return /json/i.test(fmt);
  const accept = req.headers.accept;
  if (!accept) return true;
  return /json|\*\/\*|application\/\*/i.test(accept) || !/xml|turtle/i.test(accept);
}

export class FhirRouter {
  readonly operations: OperationRegistry;
  private maxBody: number;

  constructor(private opts: RouterOptions) {
    this.operations = OperationRegistry.from(opts.operations);
    this.maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  }

  async handle(raw: FhirRequest): Promise<FhirResponse> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.headers ?? {})) headers[k.toLowerCase()] = v;
    const req = { ...raw, method: raw.method.toUpperCase(), headers };
    const base = (this.opts.baseUrl ?? raw.baseUrl ?? '').replace(/\/$/, '');
    try {
      if (req.body && req.body.byteLength > this.maxBody) throw new FhirError(413, 'too-costly', 'Request body too large');
      return await this.route(req, base);
    } catch (e) {
      const { status, outcome } = toOutcome(e);
      if (status >= 500) console.error(`FHIR ${req.method} ${req.path.split('/').slice(0, 2).join('/')}: internal error (${e instanceof Error ? e.name : typeof e})`);
      return json(status, outcome);
    }
  }

  private async route(req: FhirRequest, base: string): Promise<FhirResponse> {
    let segs: string[];
    try {
      segs = req.path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
    } catch {
      throw invalid('Malformed URL path');
    }
    const m = req.method;
    const [a, b, c, d] = segs;
    if (segs.length === 0) {
      if (m === 'POST') return this.bundle(req, base);
      if (m === 'GET') return this.capability(req, base);
      throw methodNotAllowed(`${m} not allowed on the base URL`);
    }
    if (a === 'metadata' && segs.length === 1) {
      if (m !== 'GET') throw methodNotAllowed('metadata is read with GET');
      return this.capability(req, base);
    }
    if (a.startsWith('$')) {
      if (segs.length !== 1) throw new FhirError(404, 'not-found', 'Unknown path');
      return this.operation(req, base, 'system', a.slice(1));
    }
    if (!RESOURCE_TYPE_SET.has(a)) throw new FhirError(404, 'not-supported', `Resource type not supported: ${a.slice(0, 64)}`);
    const type = a;
    const writes = m === 'POST' || m === 'PUT' || m === 'DELETE';
    if (writes && READ_ONLY_TYPES.has(type) && segs.length <= 2 && !(b ?? '').startsWith('$') && b !== '_search') {
      throw methodNotAllowed(`${type} is read-only through the API`);
    }
    if (segs.length === 1) {
      if (m === 'GET') return this.search(req, base, type, req.query);
      if (m === 'POST') return this.create(req, base, type);
      throw methodNotAllowed(`${m} not allowed on /${type}`);
    }
    if (b === '_search' && segs.length === 2) {
      if (m === 'GET') return this.search(req, base, type, req.query);
      if (m !== 'POST') throw methodNotAllowed('_search takes GET or POST');
      const ct = mediaType(req.headers['content-type']);
      if (req.body?.byteLength && ct !== FORM) throw unsupportedMediaType(`POST _search needs ${FORM}`);
      const params = new URLSearchParams(req.query);
      for (const [k, v] of new URLSearchParams(req.body ? decoder.decode(req.body) : '')) params.append(k, v);
      return this.search(req, base, type, params);
    }
    if (b.startsWith('$')) {
      if (segs.length !== 2) throw new FhirError(404, 'not-found', 'Unknown path');
      return this.operation(req, base, 'type', b.slice(1), type);
    }
    if (b === '_history') throw new FhirError(404, 'not-supported', 'Type-level history is not supported');
    if (!ID_RE.test(b)) throw invalid('Invalid resource id');
    const id = b;
    if (segs.length === 2) {
      if (m === 'GET' || m === 'HEAD') return this.read(req, base, type, id);
      if (m === 'PUT') return this.update(req, base, type, id);
      if (m === 'DELETE') return this.remove(type, id);
      throw methodNotAllowed(`${m} not allowed on /${type}/{id}`);
    }
    if (c.startsWith('$') && segs.length === 3) return this.operation(req, base, 'instance', c.slice(1), type, id);
    if (c === '_history') {
      if (m !== 'GET') throw methodNotAllowed('history is read with GET');
      const store = this.opts.store;
      if (segs.length === 3) return json(200, await store.history(type, id, { baseUrl: base }));
      if (segs.length === 4) {
        const r = await store.vread(type, id, d);
        return this.resourceResponse(req, base, 200, r);
      }
    }
    throw new FhirError(404, 'not-found', 'Unknown path');
  }

  private capability(req: FhirRequest, base: string): FhirResponse {
    if (!wantsJson(req)) throw notAcceptable('Only JSON is served');
    return json(200, capabilityStatement({
      baseUrl: base, operations: this.operations, interceptCreate: Object.keys(this.opts.interceptCreate ?? {}),
    }));
  }

  /** Parses a JSON body, enforcing a JSON content type (absent counts as JSON). */
  private parseBody(req: FhirRequest): unknown {
    const ct = mediaType(req.headers['content-type']);
    if (ct && !isJsonType(ct)) throw unsupportedMediaType(`Unsupported content type ${ct.slice(0, 100)}; send ${FHIR_JSON}`);
    if (!req.body || !req.body.byteLength) throw invalid('Request body is empty');
    try {
      return JSON.parse(decoder.decode(req.body));
    } catch {
      throw invalid('Request body is not valid JSON');
    }
  }

  private resourceResponse(req: FhirRequest, base: string, status: number, r: Resource, extra: Record<string, string> = {}): FhirResponse {
    // Binary with a matching Accept: the bytes themselves
    if (r.resourceType === 'Binary' && req.method === 'GET') {
      const accept = mediaType(req.headers.accept);
      const ct = (r.contentType ?? '').toLowerCase();
      if (!req.query.get('_format') && accept && accept !== '*/*' && !isJsonType(accept) && ct &&
        (accept === ct || (accept.endsWith('/*') && ct.startsWith(accept.slice(0, -1))))) {
        const bytes = r.data ? Buffer.from(r.data, 'base64') : new Uint8Array();
        return { status, headers: { 'content-type': r.contentType!, ...resourceHeaders(r, base), ...extra }, body: new Uint8Array(bytes) };
      }
    }
    if (!wantsJson(req)) throw notAcceptable('Only JSON is served');
    return json(status, r, { ...resourceHeaders(r, base), ...extra });
  }

  private async read(req: FhirRequest, base: string, type: string, id: string): Promise<FhirResponse> {
    const r = await this.opts.store.read(type, id);
    const inm = req.headers['if-none-match'];
    if (inm && r.meta?.versionId && parseETag(inm) === r.meta.versionId) {
      return { status: 304, headers: resourceHeaders(r, base), body: '' };
    }
    return this.resourceResponse(req, base, 200, r);
  }

  /** A write's answer as Prefer: return asks. */
  private written(req: FhirRequest, base: string, status: number, r: Resource, location: boolean): FhirResponse {
    const h = resourceHeaders(r, base);
    if (location) h.location = `${base}/${r.resourceType}/${r.id}/_history/${r.meta?.versionId}`;
    const ret = parsePrefer(req.headers.prefer).return;
    if (ret === 'minimal') return { status, headers: h, body: '' };
    if (ret === 'operationoutcome') return json(status, infoOutcome(`${status === 201 ? 'Created' : 'Updated'} ${r.resourceType}/${r.id}`), h);
    return json(status, r, h);
  }

  private async create(req: FhirRequest, base: string, type: string): Promise<FhirResponse> {
    const intercept = this.opts.interceptCreate?.[type];
    if (intercept) return this.runHandler(intercept, this.operationRequest(req, base, 'create', 'type', type));
    let resource: Resource;
    const ct = mediaType(req.headers['content-type']);
    if (type === 'Binary' && ct && !isJsonType(ct)) {
      // raw bytes POSTed to /Binary: stored as a Binary of that content type
      resource = { resourceType: 'Binary', contentType: ct, data: Buffer.from(req.body ?? new Uint8Array()).toString('base64') };
    } else {
      const body = this.parseBody(req) as Resource;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('Resource must be a JSON object');
      if (body.resourceType !== type) throw invalid(`resourceType must be ${type}`);
      resource = { ...body };
      delete resource.id; // the server assigns ids on create
    }
    const ifNoneExist = req.headers['if-none-exist'];
    if (ifNoneExist) {
      const { resource: r, created } = await this.opts.store.conditionalCreate(resource, ifNoneExist);
      return this.written(req, base, created ? 201 : 200, r, created);
    }
    return this.written(req, base, 201, await this.opts.store.create(resource), true);
  }

  private async update(req: FhirRequest, base: string, type: string, id: string): Promise<FhirResponse> {
    const body = this.parseBody(req) as Resource;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('Resource must be a JSON object');
    if (body.resourceType !== type) throw invalid(`resourceType must be ${type}`);
    if (body.id === undefined) throw invalid('The resource needs an id equal to the id in the URL');
    if (body.id !== id) throw invalid('The resource id does not match the id in the URL');
    const { resource, created } = await this.opts.store.update(body, { ifMatch: req.headers['if-match'] });
    return this.written(req, base, created ? 201 : 200, resource, created);
  }

  private async remove(type: string, id: string): Promise<FhirResponse> {
    const deleted = await this.opts.store.delete(type, id);
    return json(200, infoOutcome(deleted ? `Deleted ${type}/${id}` : `${type}/${id} was not present`));
  }

  private async search(req: FhirRequest, base: string, type: string, params: URLSearchParams): Promise<FhirResponse> {
    if (type === 'Binary') throw new FhirError(405, 'not-supported', 'Binary cannot be searched');
    if (!wantsJson({ query: params, headers: req.headers })) throw notAcceptable('Only JSON is served');
    const lenient = parsePrefer(req.headers.prefer).handling === 'lenient';
    return json(200, await this.opts.store.search(type, params, { baseUrl: base, lenient }));
  }

  private async bundle(req: FhirRequest, base: string): Promise<FhirResponse> {
    const b = this.parseBody(req) as Bundle;
    if (!b || typeof b !== 'object' || b.resourceType !== 'Bundle') throw invalid('POST to the base URL takes a transaction or batch Bundle');
    for (const e of Array.isArray(b.entry) ? b.entry : []) {
      const method = e?.request?.method?.toUpperCase();
      const type = (e?.request?.url ?? '').replace(/^.*?\b(?=[A-Z][A-Za-z]+(?:[/?]|$))/, '').split(/[/?]/)[0];
      if (method && method !== 'GET' && READ_ONLY_TYPES.has(type)) throw methodNotAllowed(`${type} is read-only through the API`);
    }
    if (b.type === 'transaction') return json(200, await this.opts.store.transaction(b, { baseUrl: base }));
    if (b.type === 'batch') return json(200, await this.opts.store.batch(b, { baseUrl: base }));
    throw invalid('Bundle.type must be transaction or batch');
  }

  private operationRequest(req: FhirRequest, base: string, name: string, level: OperationLevel, type?: string, id?: string): OperationRequest {
    const contentType = mediaType(req.headers['content-type']) || undefined;
    let jsonBody: unknown;
    let params: URLSearchParams | Parameters = req.query;
    if (req.method !== 'GET' && req.body?.byteLength && contentType) {
      if (isJsonType(contentType)) {
        try {
          jsonBody = JSON.parse(decoder.decode(req.body));
        } catch {
          throw invalid('Request body is not valid JSON');
        }
        if (jsonBody && typeof jsonBody === 'object' && (jsonBody as Parameters).resourceType === 'Parameters') params = jsonBody as Parameters;
      } else if (contentType === FORM) {
        const merged = new URLSearchParams(req.query);
        for (const [k, v] of new URLSearchParams(decoder.decode(req.body))) merged.append(k, v);
        params = merged;
      }
    }
    return {
      name, method: req.method, level, resourceType: type, id, query: req.query, headers: req.headers, body: req.body,
      contentType, json: jsonBody, params, baseUrl: base, store: this.opts.store,
    };
  }

  private async operation(req: FhirRequest, base: string, level: OperationLevel, name: string, type?: string, id?: string): Promise<FhirResponse> {
    const op = this.operations.find(name, level, type);
    if (!op) throw new FhirError(404, 'not-supported', `Operation $${name.slice(0, 64)} is not supported here`);
    if (!op.methods!.includes(req.method as 'GET' | 'POST')) throw methodNotAllowed(`$${name} takes ${op.methods!.join(' or ')}`);
    return this.runHandler(op.handler, this.operationRequest(req, base, name, level, type, id));
  }

  private async runHandler(handler: OperationHandler, req: OperationRequest): Promise<FhirResponse> {
    const res: OperationResult = await handler(req);
    if (!res || typeof res !== 'object') throw new Error('operation returned nothing');
    if ('resourceType' in res && typeof res.resourceType === 'string') return json(200, res);
    if ('outcome' in res && res.outcome && 'status' in res) return json(res.status, res.outcome);
    const r = res as OperationResponse;
    const status = r.status ?? 200;
    if (r.resource) return json(status, r.resource, r.headers);
    const body = r.body ?? '';
    const headers: Record<string, string> = { ...(r.headers ?? {}) };
    if (r.contentType) headers['content-type'] = r.contentType;
    return { status, headers, body };
  }
}

export function createFhirRouter(opts: RouterOptions): FhirRouter {
  return new FhirRouter(opts);
}

// Registry of FHIR operations ($process-message, $lookup, $validate-code, $expand, …) that other
// modules plug into the FHIR router. The router resolves the operation by name, level and type,
// and hands the handler the raw request; the CapabilityStatement lists what is registered.
import type { FhirResource as Resource, OperationOutcome, Parameters } from 'fhir/r4';
import type { ResourceStore } from '../store/resources.ts';

export type OperationLevel = 'system' | 'type' | 'instance';

export interface OperationRequest {
  /** operation name without `$` ('process-message'); 'create' for interceptCreate handlers */
  name: string;
  method: string;
  level: OperationLevel;
  resourceType?: string;
  id?: string;
  query: URLSearchParams;
  /** lower-case header names */
  headers: Record<string, string>;
  /** raw request body (undefined for GET) */
  body?: Uint8Array;
  /** media type of the body without parameters ('application/fhir+json'), if any */
  contentType?: string;
  /** the body parsed as JSON when its content type is JSON (the router answers 400 when it does not parse) */
  json?: unknown;
  /**
   * The operation's input parameters: the query (GET, or a form-encoded POST merged with the
   * query), or the POSTed Parameters resource.
   */
  params: URLSearchParams | Parameters;
  /** base URL of the FHIR endpoint (for fullUrls and Location headers) */
  baseUrl: string;
  store: ResourceStore;
}

export interface OperationResponse {
  /** default 200 */
  status?: number;
  headers?: Record<string, string>;
  /** a FHIR resource serialised as JSON (application/fhir+json) … */
  resource?: Resource;
  /** … or a raw body with its content type */
  body?: string | Uint8Array;
  contentType?: string;
}

/**
 * What a handler may return: an OperationResponse, a bare FHIR resource (200, JSON), or an
 * error as `{ status, outcome }`.
 */
export type OperationResult = OperationResponse | Resource | { status: number; outcome: OperationOutcome };

export type OperationHandler = (req: OperationRequest) => Promise<OperationResult>;

/** Shorthand accepted by fhirRoutes: key 'name' (system level) or 'Type/name' (type/instance level). */
export interface OperationSpec {
  level: OperationLevel | OperationLevel[];
  methods?: ('GET' | 'POST')[];
  definition?: string;
  documentation?: string;
  handler: OperationHandler;
}

export interface OperationDef {
  /** without `$` */
  name: string;
  levels: OperationLevel[];
  /** type and instance levels: the resource types it applies to */
  resourceTypes?: string[];
  /** default ['POST'] */
  methods?: ('GET' | 'POST')[];
  /** canonical URL of the OperationDefinition (CapabilityStatement.rest.operation.definition) */
  definition?: string;
  documentation?: string;
  handler: OperationHandler;
}

export class OperationRegistry {
  private defs: OperationDef[] = [];

  register(def: OperationDef): this {
    const name = def.name.replace(/^\$/, '');
    if (!/^[a-z][a-z0-9-]*$/i.test(name)) throw new Error(`invalid operation name: ${def.name}`);
    this.defs.push({ ...def, name, methods: def.methods ?? ['POST'] });
    return this;
  }

  /** The operation for a name at a level (and type), if registered. */
  find(name: string, level: OperationLevel, resourceType?: string): OperationDef | undefined {
    return this.defs.find(
      (d) => d.name === name && d.levels.includes(level) && (level === 'system' || !d.resourceTypes || (resourceType !== undefined && d.resourceTypes.includes(resourceType))),
    );
  }

  /** True when the name is registered at some level (to tell 405/404 apart). */
  has(name: string): boolean {
    return this.defs.some((d) => d.name === name);
  }

  list(): readonly OperationDef[] {
    return this.defs;
  }

  /** Builds a registry from the { 'name' | 'Type/name': spec } shorthand. */
  static from(specs: OperationRegistry | Record<string, OperationSpec> | undefined): OperationRegistry {
    if (specs instanceof OperationRegistry) return specs;
    const reg = new OperationRegistry();
    for (const [key, spec] of Object.entries(specs ?? {})) {
      const slash = key.indexOf('/');
      const type = slash > 0 ? key.slice(0, slash) : undefined;
      const name = key.slice(slash + 1);
      reg.register({
        name, levels: Array.isArray(spec.level) ? spec.level : [spec.level], resourceTypes: type ? [type] : undefined,
        methods: spec.methods, definition: spec.definition, documentation: spec.documentation, handler: spec.handler,
      });
    }
    return reg;
  }
}

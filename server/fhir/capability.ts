// The CapabilityStatement, generated from what the server really has: the served resource types,
// the search-parameter registry and the registered operations.
import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';
import { RESOURCE_TYPES } from '../store/search-params.ts';
import { supportedParams } from '../store/search.ts';
import type { OperationRegistry } from './operations.ts';

/** Types the API serves read/search only: the server writes them itself, clients may not forge them. */
export const READ_ONLY_TYPES: ReadonlySet<string> = new Set(['AuditEvent', 'Provenance']);
const READ_ONLY = READ_ONLY_TYPES;
const SEARCH_TYPE_DOC: Record<string, string> = { token: 'token', uri: 'uri', reference: 'reference', date: 'date', string: 'string', number: 'number' };

export function capabilityStatement(opts: { baseUrl: string; operations?: OperationRegistry; interceptCreate?: string[]; version?: string }): CapabilityStatement {
  const ops = opts.operations?.list() ?? [];
  const resource: CapabilityStatementRestResource[] = RESOURCE_TYPES.map((type) => {
    const write = !READ_ONLY.has(type);
    const searchParams = type === 'Binary' ? [] : supportedParams(type);
    const refParams = searchParams.filter((p) => p.type === 'reference').map((p) => `${type}:${p.name}`);
    const typeOps = ops.filter((o) => o.resourceTypes?.includes(type) && (o.levels.includes('type') || o.levels.includes('instance')));
    return {
      type,
      versioning: 'versioned',
      readHistory: true,
      updateCreate: write,
      conditionalCreate: write,
      conditionalUpdate: false,
      conditionalDelete: 'not-supported',
      interaction: [
        { code: 'read' }, { code: 'vread' }, { code: 'history-instance' },
        ...(write ? [{ code: 'create' as const }, { code: 'update' as const }, { code: 'delete' as const }] : []),
        ...(type === 'Binary' ? [] : [{ code: 'search-type' as const }]),
      ],
      ...(opts.interceptCreate?.includes(type) ? { documentation: `POST /${type} is processed by the ingest pipeline` } : {}),
      ...(refParams.length ? { searchInclude: refParams, searchRevInclude: [] } : {}),
      searchParam: searchParams.map((p) => ({ name: p.name, type: SEARCH_TYPE_DOC[p.type] as 'token' })),
      ...(typeOps.length ? { operation: typeOps.map((o) => ({ name: o.name, definition: o.definition ?? `${opts.baseUrl}/OperationDefinition/${o.name}` })) } : {}),
    };
  });
  const systemOps = ops.filter((o) => o.levels.includes('system'));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'Postroom', version: opts.version ?? '0.1.0' },
    implementation: { description: 'Postroom FHIR R4 server', url: opts.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      resource,
      interaction: [{ code: 'transaction' }, { code: 'batch' }],
      searchParam: [
        { name: '_count', type: 'number' }, { name: '_offset', type: 'number' }, { name: '_sort', type: 'string' },
        { name: '_summary', type: 'token' }, { name: '_total', type: 'token' }, { name: '_include', type: 'string' },
        { name: '_revinclude', type: 'string' },
      ],
      ...(systemOps.length ? { operation: systemOps.map((o) => ({ name: o.name, definition: o.definition ?? `${opts.baseUrl}/OperationDefinition/${o.name}` })) } : {}),
    }],
  } as CapabilityStatement;
}

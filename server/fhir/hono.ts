// Hono binding of the FHIR router: mount with app.route('/fhir', fhirRoutes({ store })).
import { Hono } from 'hono';
import { FhirRouter, type RouterOptions } from './router.ts';

export type FhirRoutesOptions = RouterOptions;

const NO_BODY = new Set([204, 304]);

export function fhirRoutes(opts: FhirRoutesOptions): Hono {
  const router = new FhirRouter(opts);
  const app = new Hono();
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    // the mount prefix ('/fhir') from the matched route pattern ('/fhir/*')
    const prefix = c.req.routePath.replace(/\/?\*$/, '');
    const path = url.pathname.slice(prefix.length) || '/';
    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await c.req.arrayBuffer());
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((v, k) => (headers[k] = v));
    const res = await router.handle({
      method, path, query: url.searchParams, headers, body, baseUrl: `${url.origin}${prefix}`,
    });
    const out = NO_BODY.has(res.status) || method === 'HEAD' ? null : res.body;
    return new Response(out as BodyInit | null, { status: res.status, headers: res.headers });
  });
  return app;
}

#!/usr/bin/env node
// Entry point for `npx postroom`: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';
// Large plain-JavaScript packages load several times slower through tsx's loader hooks than
// without them (PGlite's bundle: ~250 ms against ~40 ms), so the server's are loaded first.
await Promise.all(['@electric-sql/pglite', 'hono', '@hono/node-server', 'fast-xml-parser'].map((m) => import(m)));
register();
const { main } = await import('../server/cli.ts');
process.exitCode = await main(process.argv.slice(2));

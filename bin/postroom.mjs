#!/usr/bin/env node
// Entry point for `npx postroom`: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../server/cli.ts');
process.exitCode = await main(process.argv.slice(2));

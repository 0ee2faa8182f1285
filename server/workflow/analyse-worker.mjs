// Worker-thread entry: register tsx's loader (workers do not inherit the parent's hooks), then
// load the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./analyse-worker.ts');

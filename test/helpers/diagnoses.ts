// The diagnoses and procedures found in a short letter dated 2026-03-10, and assertions over them
// as "code:assertion" strings (the tests of the diagnosis rounds share these).
import * as assert from 'uvu/assert';
import { loadTerminology } from '../../terminology/index.ts';
import { letterFromText } from '../../server/ingest/letter.ts';
import { findConditions } from '../../server/extract/diagnoses.ts';

const t = loadTerminology();
export const run = (text: string) => findConditions({ ...letterFromText(text), date: '2026-03-10' }, { terminology: t });
export const dx = (text: string) => run(text).diagnoses.map((d) => `${d.code}:${d.assertion}`);
export const procs = (text: string) => run(text).procedures.map((p) => p.code);
export const has = (text: string, item: string) => assert.ok(dx(text).includes(item), `${item} in ${dx(text).join(', ')} for: ${text}`);
export const lacks = (text: string, code: string) => assert.not.ok(dx(text).some((d) => d.startsWith(code + ':')), `no ${code} in ${dx(text).join(', ')} for: ${text}`);

// The CPU-heavy, database-free part of processing a letter: parse, normalise, extract, triage.
// It runs in worker threads so the event loop (HTTP, acks, the embedded database) stays free.
import type { Letter } from '../types.ts';
import type { LetterHint } from '../ingest/letter.ts';
import { letterFromBytes } from '../ingest/letter.ts';
import { assess, type Assessment } from '../pipeline.ts';
import { loadTerminology } from '../../terminology/index.ts';

export interface Analysis extends Assessment {
  letter: Letter;
}

export async function analyse(bytes: Uint8Array, hint: LetterHint): Promise<Analysis> {
  const letter = await letterFromBytes(bytes, hint);
  return { letter, ...assess(letter, { terminology: loadTerminology() }) };
}

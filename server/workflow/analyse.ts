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

/**
 * Load the terminology and run the sample letters (every supported format) through once, so that
 * the first letters after a start meet a built concept index and compiled code instead of a second
 * or more of loading. A server's analysis threads do this before it says it is ready.
 */
export async function warmUp(): Promise<void> {
  const { sampleLetters } = await import('../../examples/index.ts');
  for (const l of sampleLetters()) await analyse(l.bytes, { filename: l.file, contentType: l.contentType }).catch(() => {});
}

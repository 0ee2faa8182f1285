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
 * Load the terminology and run one sample letter of each format through, so that the first letters
 * after a start meet a built concept index and loaded readers (the PDF library, the XML parser)
 * instead of a second or more of loading. A server's analysis threads do this before it says it
 * is ready. (All the samples would warm the compiler more, for a slower start.)
 */
export async function warmUp(): Promise<void> {
  const { sampleLetters } = await import('../../examples/index.ts');
  const seen = new Set<string>();
  for (const l of sampleLetters()) {
    const format = l.file.slice(l.file.lastIndexOf('.'));
    if (seen.has(format)) continue;
    seen.add(format);
    await analyse(l.bytes, { filename: l.file, contentType: l.contentType }).catch(() => {});
  }
}

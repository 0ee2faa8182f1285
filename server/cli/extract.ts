// `postroom extract <files…> --out <dir>`: one FHIR Bundle per letter, as the benchmark reads them.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { letterFromBytes } from '../ingest/letter.ts';
import { loadTerminology } from '../../terminology/index.ts';
import { propose } from '../pipeline.ts';
import { collectionBundle } from '../extract/fhir.ts';
import { sha256 } from '../ids.ts';

export interface ExtractRun { file: string; ms: number; error?: string }

export async function extractFiles(files: string[], outDir: string): Promise<ExtractRun[]> {
  mkdirSync(outDir, { recursive: true });
  const terminology = loadTerminology();
  const runs: ExtractRun[] = [];
  for (const file of files) {
    const t0 = performance.now();
    try {
      const bytes = new Uint8Array(readFileSync(file));
      const letter = await letterFromBytes(bytes, { filename: file });
      const seed = sha256(bytes);
      const { resources } = propose(letter, { terminology }, { document: { display: basename(file) }, seed });
      const name = basename(file, extname(file));
      writeFileSync(join(outDir, `${name}.json`), JSON.stringify(collectionBundle(resources, seed)));
      runs.push({ file, ms: performance.now() - t0 });
    } catch (e) {
      runs.push({ file, ms: performance.now() - t0, error: (e as Error).message });
    }
  }
  return runs;
}

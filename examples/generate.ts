// Regenerate examples/practice.json and examples/letters/* from practice-data.ts and
// letters-data.ts. Run after editing either: node --import tsx examples/generate.ts
// The output is deterministic; test/examples-samples.test.ts checks the files are up to date.
import { mkdirSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPracticeBundle } from './practice.ts';
import { LETTERS } from './letters-data.ts';
import { renderLetter } from './render.ts';

export interface ManifestEntry {
  file: string;
  contentType: string;
  patient: string;
  kind: string;
  title: string;
  expect: 'matched' | 'unmatched';
}

export function manifest(): ManifestEntry[] {
  return LETTERS.map((l) => {
    const r = renderLetter(l);
    return { file: r.file, contentType: r.contentType, patient: l.patient, kind: l.kind, title: l.title, expect: l.expect ?? 'matched' };
  });
}

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(here, 'letters');
  mkdirSync(dir, { recursive: true });
  // Remove letters no longer in letters-data.ts.
  const keep = new Set(LETTERS.map((l) => `${l.name}.${l.format}`));
  for (const f of readdirSync(dir)) if (!keep.has(f) && f !== 'manifest.json') rmSync(resolve(dir, f));
  writeFileSync(resolve(here, 'practice.json'), JSON.stringify(buildPracticeBundle(), null, 2) + '\n');
  for (const l of LETTERS) {
    const r = renderLetter(l);
    writeFileSync(resolve(dir, r.file), r.bytes);
  }
  writeFileSync(resolve(dir, 'manifest.json'), JSON.stringify(manifest(), null, 2) + '\n');
  console.log(`wrote examples/practice.json and ${LETTERS.length} letters to examples/letters/`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

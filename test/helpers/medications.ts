// The medication changes found in a letter, as "drug change" strings, each quote checked
// against the letter's text at its offsets (the tests of every medication rule share this).
import * as assert from 'uvu/assert';
import { findMedicationChanges } from '../../server/extract/medications.ts';
import { letterFromText } from '../../server/ingest/letter.ts';
import type { Letter } from '../../server/types.ts';

const ctx = {} as Parameters<typeof findMedicationChanges>[1];

export function changes(text: string | Letter): string[] {
  const letter = typeof text === 'string' ? letterFromText(text) : text;
  const out = findMedicationChanges(letter, ctx);
  for (const m of out) if (m.evidence.quote) assert.is(letter.text.slice(m.evidence.start, m.evidence.end), m.evidence.quote);
  return out.map((m) => `${m.drug} ${m.change}`).sort();
}

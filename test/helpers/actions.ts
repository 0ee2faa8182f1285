// The practice actions found in a letter's text, each checked to quote the letter exactly where its
// evidence offsets point (the app highlights by those offsets).
import * as assert from 'uvu/assert';
import { findActions } from '../../server/extract/actions.ts';
import { letterFromText } from '../../server/ingest/letter.ts';
import type { ActionItem } from '../../server/types.ts';

export function actionsIn(text: string, date: string): ActionItem[] {
  const letter = { ...letterFromText(text), date };
  const out = findActions(letter, {} as Parameters<typeof findActions>[1]);
  for (const a of out) assert.is(letter.text.slice(a.evidence.start, a.evidence.end), a.evidence.quote);
  return out;
}

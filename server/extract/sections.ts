// Narrative section detection (placeholder: the whole letter is one section; replaced by the
// heading detector).
import type { Section } from '../types.ts';

export function detectSections(text: string): Section[] {
  return [{ title: '', start: 0, end: text.length }];
}

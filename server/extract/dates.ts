// The date a letter's relative times count from (PLACEHOLDER: structured date only).
import type { Letter } from '../types.ts';

export function letterDate(letter: Letter): string | undefined {
  return letter.date;
}

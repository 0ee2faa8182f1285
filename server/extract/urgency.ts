// Evidence that a letter asks for same/next-working-day clinical action (PLACEHOLDER).
import type { Letter, Evidence } from '../types.ts';

export function findUrgency(_letter: Letter): Evidence[] {
  return [];
}

// Practice actions (PLACEHOLDER).
import type { Letter, ActionItem } from '../types.ts';
import type { ExtractContext } from './index.ts';

export function findActions(_letter: Letter, _ctx: ExtractContext): ActionItem[] {
  return [];
}

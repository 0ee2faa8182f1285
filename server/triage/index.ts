// Triage: file by admin, or GP review, urgent or not. Until the practice-protocol rules land,
// every letter goes to GP review (safe first); it is urgent where the letter plainly says so.
import type { Extraction, Triage, Letter } from '../types.ts';

export function triage(_letter: Letter, ex: Extraction): Triage {
  const reasons = ['no practice protocol configured: every letter goes to a GP'];
  if (ex.urgent.length) reasons.push(`letter asks for urgent attention: "${ex.urgent[0].quote}"`);
  const transfers = ex.actions.filter((a) => a.workloadTransfer);
  if (transfers.length) reasons.push(`${transfers.length} request(s) flagged as hospital-to-GP workload transfer`);
  return { route: 'gp-review', priority: ex.urgent.length ? 'urgent' : 'routine', reasons };
}

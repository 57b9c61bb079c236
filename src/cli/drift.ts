// `plan`'s second half: the ledger against the LAS's own record. Drift is printed after the actions and
// counts as a change for --detailed-exitcode; JSON carries it as `lasDrift` when there is any.
import { lasDrift, type Drift } from '../engine/las/drift';
import type { LedgerState } from '../engine/ledger/fold';
import type { Las } from '../engine/las/types';
import type { ParsedArgs } from './commands/workflowArgs';

export async function planDrift(r: { las: Las; state: LedgerState; plan: { site: string } }, p: ParsedArgs): Promise<{ drift: Drift[] } | { error: string }> {
  const found = await lasDrift(r.las, r.plan.site, r.state);
  if ('error' in found) return found;
  const target = p.flags.get('target');
  return { drift: typeof target === 'string' ? found.drift.filter((d) => d.target === target) : found.drift };
}

export function driftText(d: { drift: Drift[] } | { error: string }): string {
  if ('error' in d || d.drift.length === 0) return '';
  return `\nDrift: the ledger and the LAS disagree (${d.drift.length}); apply does not change this:\n${d.drift.map((x) => `  ! ${x.message}\n`).join('')}`;
}

export function withDrift(json: string, d: { drift: Drift[] } | { error: string }): string {
  if ('error' in d || d.drift.length === 0) return json;
  return `${JSON.stringify({ ...(JSON.parse(json) as object), lasDrift: d.drift }, null, 2)}\n`;
}

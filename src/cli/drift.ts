// `plan`'s second half: the ledger against the LAS's own record. Drift is printed after the actions and
// counts as a change for --detailed-exitcode; JSON carries it as `lasDrift` when there is any.
import { ok, type Result } from '../engine/result';
import { lasDrift, type Drift } from '../engine/las/drift';
import type { LedgerState } from '../engine/ledger/fold';
import type { Las } from '../engine/las/types';
import type { ParsedArgs } from './commands/workflowArgs';

export async function planDrift(r: { las: Las; state: LedgerState; plan: { site: string }; ledgerErrors?: number }, p: ParsedArgs): Promise<Result<Drift[]>> {
  const found = await lasDrift(r.las, r.plan.site, r.state, { ledgerErrors: r.ledgerErrors });
  if (!found.ok) return found;
  const target = p.flags.get('target');
  return ok(typeof target === 'string' ? found.value.filter((d) => d.target === target) : found.value);
}

export function driftText(d: Result<Drift[]>): string {
  if (!d.ok || d.value.length === 0) return '';
  return `\nDrift: the ledger and the LAS disagree (${d.value.length}); apply does not change this:\n${d.value.map((x) => `  ! ${x.message}\n`).join('')}`;
}

export function withDrift(json: string, d: Result<Drift[]>): string {
  if (!d.ok || d.value.length === 0) return json;
  return `${JSON.stringify({ ...(JSON.parse(json) as object), lasDrift: d.value }, null, 2)}\n`;
}

// Removing a local license: the computer must restart before it can take a network seat (help 4191 v2.1).
import type { LicenseLine } from '../las/types';
import { productsOf } from '../model';
import type { WorkflowOptions } from './context';

/** What to tell the user after local licenses leave a client computer; undefined when none of `lines` is local. */
export function restartNote(opts: Pick<WorkflowOptions, 'plans'>, target: string, kind: string, lines: readonly LicenseLine[]): string | undefined {
  if (kind !== 'client') return undefined;
  const local = new Set(opts.plans.flatMap(productsOf).filter((p) => p.licenseType === 'local').map((p) => p.activationId));
  const removed = lines.filter((l) => local.has(l.activationId)).map((l) => l.activationId);
  if (removed.length === 0) return undefined;
  return `restart ${target} before it takes a network seat: a computer whose local license (${removed.join(', ')}) was removed must restart first (help 4191)`;
}

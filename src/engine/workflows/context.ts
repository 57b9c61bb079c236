// What every license workflow shares at its start: the choice of the online or offline path from the site's
// connectivity, the targets in scope, the ledger writer, and the online entitlement sync. Its options and
// results, its steps and its ledger writer live in options.ts, steps.ts and ledgerWriter.ts.
import { statSync } from 'node:fs';
import { LedgerWriter } from './ledgerWriter';
import { notStarted, type WorkflowOptions, type WorkflowResult } from './options';
import { entitledProducts, resolveTargets, type WorkflowTarget } from './targets';
import { fail, ok, type Result } from '../result';
import { blockerText } from '../siteCheck';
import { blockedStep, type Step } from './steps';

export * from './options';
export * from './steps';
export { LedgerWriter } from './ledgerWriter';

export type Path = 'online' | 'offline';

/** online and semi-online use the LAS directly (semi-online never offline); offline uses request files. */
export function choosePath(opts: WorkflowOptions): Result<Path> {
  const connectivity = opts.site.connectivity ?? 'online';
  if (connectivity === 'semi-online' && opts.mode === 'offline') {
    return fail(`Site '${opts.site.name}' is semi-online: the Device Administrator computer reaches the LAS, so use the online workflow (semi-online never uses request files).`);
  }
  const path: Path = connectivity === 'offline' ? 'offline' : (opts.mode ?? 'online');
  if (connectivity === 'offline' && opts.mode === 'online') {
    return fail(`Site '${opts.site.name}' is offline: it cannot reach the LAS. Create offline request files instead (pick a folder).`);
  }
  if (path === 'offline' && !opts.offlineDir) return fail(`Site '${opts.site.name}' uses offline request files: pick the folder to write them to.`);
  if (path === 'offline' && isFile(opts.offlineDir!)) return fail(`${opts.offlineDir} is a file, not a folder: pick the folder to write the offline request files to.`);
  return ok(path);
}

function isFile(p: string): boolean {
  try {
    return !statSync(p).isDirectory();
  } catch {
    return false; // not there yet: made on first write
  }
}

/** What a workflow acts on once it may start: the path, the targets in scope and the ledger. */
export interface WorkflowStart {
  path: Path;
  targets: WorkflowTarget[];
  ledger: LedgerWriter;
  /** Targets a ledger error blocks: reported as blocked steps, never acted on. */
  blocked: Step[];
}

/** The path and the targets of a workflow, or why it cannot start (nothing is asked or written either way). */
export function startWorkflow(opts: WorkflowOptions): Result<WorkflowStart, WorkflowResult> {
  const chosen = choosePath(opts);
  if (!chosen.ok) return fail(notStarted(chosen.error, 'connectivity'));
  const resolved = resolveTargets(opts);
  if (!resolved.ok) return fail(notStarted(resolved.error, 'unknown-target', opts.target));
  // A target a ledger error concerns waits (what the line recorded is not known); the others go on.
  const blocked = resolved.value.flatMap((t) => {
    const b = opts.ledgerBlockerOf?.(t.id);
    return b ? [blockedStep(t.id, `${opts.target !== undefined ? 'work' : 'any action'} on ${t.id}`, b)] : [];
  });
  const targets = resolved.value.filter((t) => !opts.ledgerBlockerOf?.(t.id));
  if (opts.target !== undefined && blocked.length > 0) return fail(notStarted(`Nothing was done on ${opts.target}: blocked by ${blockerText(opts.ledgerBlockerOf!(opts.target)!)}`, 'blocked', opts.target));
  return ok({ path: chosen.value, targets, ledger: new LedgerWriter(opts), blocked });
}

/** Online, the LAS must hold the plans' entitlements before it activates or reclaims them; offline requests carry their own. */
export async function syncEntitlements(opts: WorkflowOptions, path: Path): Promise<WorkflowResult | undefined> {
  if (path !== 'online') return undefined;
  const synced = await opts.las.syncEntitlements(entitledProducts(opts));
  return synced.ok ? undefined : notStarted(`The LAS did not take the entitlements: ${synced.error.message}`, synced.error.code);
}

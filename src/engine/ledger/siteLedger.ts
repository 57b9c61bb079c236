// A site's ledger folded the way the site is licensed (spec.activation): the one place that builds the fold's
// context, so the tree, the CodeLens, plan, apply, the workflows and the report judge every line alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadState } from '../las/simulatorState';
import { activationOf, type Site } from '../model';
import { fold, type FoldContext, type LedgerState } from './fold';
import type { LedgerEvent } from './ledger';

/** The simulator's state folder of the workspace holding `ledgerPath`: the nearest `.bmslicense/las-sim` above it. */
export function simulatorStateNear(ledgerPath: string): string | undefined {
  let dir = path.dirname(path.resolve(ledgerPath));
  for (;;) {
    const candidate = path.join(dir, '.bmslicense', 'las-sim');
    if (fs.existsSync(path.join(candidate, 'state.json'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Whether the local simulator's state knows a transaction of the site: read once, on the first question. */
export function simulatorKnows(ledgerPath: string | undefined, site: string): FoldContext['simulated'] {
  if (ledgerPath === undefined) return undefined;
  let known: Set<string> | undefined;
  return (target, transaction) => {
    if (!known) {
      known = new Set();
      const dir = simulatorStateNear(ledgerPath);
      const loaded = dir ? loadState(dir) : undefined;
      if (loaded?.ok) for (const t of loaded.state.transactions) if (t.site === site) known.add(`${t.target}\u0000${t.transaction}`);
    }
    return known.has(`${target}\u0000${transaction}`);
  };
}

/** The fold's context for a site's ledger. */
export function foldContextOf(site: Pick<Site, 'name' | 'activation'>, ledgerPath: string | undefined, lineOf?: readonly number[]): FoldContext {
  const activation = activationOf(site);
  return { activation, site: site.name, lineOf, simulated: activation === 'simulator' ? undefined : simulatorKnows(ledgerPath, site.name) };
}

/** What the ledger's judgement needs of the site (BMS067–069): how it is licensed, what the local simulator knows. */
export function judgeContextOf(site: Pick<Site, 'name' | 'activation'>, ledgerPath: string | undefined): Pick<FoldContext, 'activation' | 'simulated'> {
  const { activation, simulated } = foldContextOf(site, ledgerPath);
  return { activation, simulated };
}

/** The site's ledger events (with their lines) folded as the site is licensed. */
export function foldSite(site: Pick<Site, 'name' | 'activation'>, read: { events: LedgerEvent[]; lineOf?: readonly number[] }, ledgerPath?: string): LedgerState {
  return fold(read.events, foldContextOf(site, ledgerPath, read.lineOf));
}

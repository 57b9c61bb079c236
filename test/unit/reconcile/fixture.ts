// A site and plan (the workflow tests' fixture) with the plan text editable per test, a simulator and a
// ledger in a temporary folder, and reconcile computed from the ledger on disk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { fold } from '../../../src/engine/ledger/fold';
import { readLedger } from '../../../src/engine/ledger/ledger';
import { LasSimulator } from '../../../src/engine/las/simulator';
import type { Las } from '../../../src/engine/las/types';
import { reconcile, type ApplyOptions, type ReconcilePlan } from '../../../src/engine/reconcile';
import { planYaml, siteYaml, type PlanOptions } from '../workflows/fixture';

export interface World {
  dir: string;
  las: LasSimulator;
  ledgerPath: string;
  clock: { now: Date };
  /** Options for the workflows and apply; `edit` changes the plan text. */
  options(o?: { connectivity?: string; plan?: PlanOptions; edit?: (plan: string) => string; las?: Las }): ApplyOptions;
  plan(o?: Parameters<World['options']>[0]): ReconcilePlan;
  ledgerText(): string;
  state(): ReturnType<typeof fold>;
  cleanup(): void;
}

export function world(connectivity = 'online'): World {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reconcile-'));
  const clock = { now: new Date('2026-11-23T10:15:00Z') };
  const las = new LasSimulator({ dataDir: path.join(dir, '.bmslicense', 'las-sim'), now: () => clock.now });
  const ledgerPath = path.join(dir, 'north.ledger.jsonl');
  const w: World = {
    dir,
    las,
    ledgerPath,
    clock,
    options(o = {}) {
      const index = new WorkspaceIndex();
      index.setText('file:///w/site.bms.yaml', siteYaml('north', o.connectivity ?? connectivity));
      index.setText('file:///w/plan.bms.yaml', (o.edit ?? ((t) => t))(planYaml('north', o.plan)));
      return {
        las: o.las ?? las,
        site: index.site('north')!,
        plans: index.plansFor('north'),
        ledgerPath,
        by: 'jsmith',
        now: () => clock.now,
        offlineDir: path.join(dir, 'requests'),
        confirmReturns: async () => true,
      };
    },
    plan(o) {
      const opts = w.options(o);
      return reconcile(opts.site, opts.plans, w.state(), { today: clock.now });
    },
    ledgerText: () => (fs.existsSync(ledgerPath) ? fs.readFileSync(ledgerPath, 'utf8') : ''),
    state: () => fold(readLedger(ledgerPath).events),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  return w;
}

/** The plan's actions as `kind target activationId ×quantity` lines, in order. */
export function brief(plan: ReconcilePlan): string[] {
  return plan.actions.map((a) => `${a.kind} ${a.target} ${a.activationId} ×${a.quantity}${a.executable ? '' : ' (not executable)'}`);
}

/** Removes one assignment line from the plan text. */
export function without(assignment: string): (plan: string) => string {
  return (plan) => {
    const line = `    - ${assignment}\n`;
    if (!plan.includes(line)) throw new Error(`no assignment ${assignment} in the plan`);
    return plan.replace(line, '');
  };
}

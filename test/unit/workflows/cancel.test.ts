// A cancellation that arrives through the event loop (VS Code's Cancel comes over IPC, Ctrl-C as a signal) is
// heard between two steps even though the simulator's work is synchronous: the runner yields between steps.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyPlan } from '../../../src/engine/reconcile';
import { activate } from '../../../src/engine/workflows/activate';
import { LasSimulator } from '../../../src/engine/las/simulator';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { fold, transactionsOf } from '../../../src/engine/ledger/fold';
import { readLedger } from '../../../src/engine/ledger/ledger';
import type { WorkflowOptions } from '../../../src/engine/workflows/context';
import { BIG_SITE, writeBigSite } from '../../hardening/fixtures/bigSite';

describe('cancel between steps (a cancellation from the event loop)', () => {
  let dir: string;
  let options: (abort: AbortController) => WorkflowOptions;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cancel-'));
    writeBigSite(dir, 40);
    const index = new WorkspaceIndex();
    for (const f of ['site.bms.yaml', 'plan.bms.yaml']) index.setText(`file://${path.join(dir, f)}`, fs.readFileSync(path.join(dir, f), 'utf8'));
    const las = new LasSimulator({ dataDir: path.join(dir, '.bmslicense', 'las-sim') });
    options = (abort) => ({
      las,
      site: index.site(BIG_SITE)!,
      plans: index.plansFor(BIG_SITE),
      ledgerPath: path.join(dir, `${BIG_SITE}.ledger.jsonl`),
      by: 'anna',
      signal: abort.signal,
      // The cancel is sent as VS Code's arrives: later, from the event loop, not inside the step.
      onProgress: (p) => void (p.done === 2 && setTimeout(() => abort.abort(), 0)),
      confirm: async () => true,
    });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const recorded = () => transactionsOf(fold(readLedger(path.join(dir, `${BIG_SITE}.ledger.jsonl`)).events), undefined, ['activated']).length;

  it('apply stops within two steps of the cancel, says what was not started, and the ledger holds what was done', async () => {
    const r = await applyPlan(options(new AbortController()));
    assert.equal(r.cancelled, true);
    assert.ok(r.done.length >= 2 && r.done.length <= 4, `${r.done.length} steps done`);
    assert.ok(r.notDone.some((n) => n.code === 'cancelled'));
    assert.equal(recorded(), r.done.length);
    assert.equal(fs.existsSync(path.join(dir, `${BIG_SITE}.ledger.jsonl.lock`)), false);
  });

  it('a workflow (activate on the whole site) stops the same way', async () => {
    const r = await activate(options(new AbortController()));
    assert.equal(r.cancelled, true);
    assert.ok(r.done.length >= 2 && r.done.length <= 4, `${r.done.length} steps done`);
  });
});

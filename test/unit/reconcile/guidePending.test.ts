// Issue 25.4: the Pending changes rows of a vendor-tools site carry the step in the vendor's tools.
import { strict as assert } from 'node:assert';
import { fold } from '../../../src/engine/ledger/fold';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { buildGuide, guideText } from '../../../src/engine/guide';
import { reconcile, reviewText } from '../../../src/engine/reconcile';
import { pendingChangesNode } from '../../../src/engine/tree/pending';
import { planYaml, siteYaml } from '../workflows/fixture';

describe('Pending changes and Review on a vendor-tools site (issue 25.4)', () => {
  const index = new WorkspaceIndex();
  index.setText('file:///w/site.bms.yaml', siteYaml('north', 'online').replace('activation: simulator', 'activation: vendor-tools'));
  index.setText('file:///w/plan.bms.yaml', planYaml('north'));
  const site = index.site('north')!;
  const plans = index.plansFor('north');
  const today = new Date('2026-11-23T10:00:00Z');

  it('each row names its tool and carries its step (tool, computer, values)', () => {
    const node = pendingChangesNode(site, 'site:north', plans, fold([]), today);
    const rows = node.rows!();
    assert.ok(rows.length > 0);
    for (const r of rows) {
      assert.ok(r.guideStep, r.label);
      assert.match(r.description, / · (License|Device) Administrator$/);
      assert.match(r.tooltip, /Activation ID: /);
    }
  });

  it('the review document appends the steps', () => {
    const state = fold([]);
    const plan = reconcile(site, plans, state, { today });
    const text = reviewText(plan, 'north.ledger.jsonl', guideText(buildGuide(site, plans, plan, state)));
    assert.match(text, /^# .*by you .*vendor's tool/m);
    assert.match(text, /^Steps .*vendor's tools \(site north/m);
  });
});

import { strict as assert } from 'node:assert';
import { fold } from '../../../src/engine/ledger/fold';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { planYaml, siteYaml } from '../workflows/fixture';

describe('tree: the Pending changes node of a site', () => {
  const index = new WorkspaceIndex();
  index.setText('file:///w/site.bms.yaml', siteYaml('north', 'online'));
  index.setText('file:///w/plan.bms.yaml', planYaml('north'));

  it('lists what apply would do, with the count as its description and each action revealing its assignment', () => {
    const tree = buildSiteTree({ index, pendingChanges: true, today: new Date('2026-11-23T00:00:00Z') });
    const pending = tree.roots[0]!.children.at(-1)!;
    assert.equal(pending.kind, 'pendingChanges');
    assert.equal(pending.description, '4');
    assert.deepEqual(pending.children.map((c) => `${c.label} · ${c.description}`), ['+ activate ACT-SEATS ×5 · ls-main', '+ activate ACT-BASE ×1 · es-01', '+ activate ACT-CC ×1 · es-01', '+ activate ACT-SNMP ×2 · as-01']);
    const plan = index.plans()[0]!;
    assert.deepEqual(pending.children[0]!.location, { uri: plan.uri, span: plan.assignments[3]!.span, focus: plan.assignments[3]!.span });
    for (const c of pending.children) assert.equal(tree.byId.get(c.id), c);
  });

  it('says none once the ledger matches the plan, and is absent unless asked for', () => {
    const events = [
      ['ls-main', 'ACT-SEATS', 5],
      ['es-01', 'ACT-BASE', 1],
      ['es-01', 'ACT-CC', 1],
      ['as-01', 'ACT-SNMP', 2],
    ].map(([target, activationId, quantity], i) => ({ at: '2026-11-23T10:00:00Z', op: 'activate' as const, site: 'north', target: target as string, activationId: activationId as string, quantity: quantity as number, transaction: `T-${i}` }));
    const tree = buildSiteTree({ index, pendingChanges: true, ledgers: new Map([['north', fold(events)]]) });
    const pending = tree.roots[0]!.children.at(-1)!;
    assert.equal(pending.description, 'none');
    assert.equal(pending.children.length, 0);
    assert.ok(!buildSiteTree({ index }).roots[0]!.children.some((c) => c.kind === 'pendingChanges'));
  });

  it('follows an edit: a plan that gains an error rule finding shows the action blocked on the next build, and not once it is fixed', () => {
    const idx = new WorkspaceIndex();
    idx.setText('file:///w/site.bms.yaml', siteYaml('north', 'online'));
    idx.setText('file:///w/plan.bms.yaml', planYaml('north'));
    const today = new Date('2026-11-23T00:00:00Z');
    const blocked = () => buildSiteTree({ index: idx, pendingChanges: true, today }).roots[0]!.children.at(-1)!.children.filter((c) => c.description?.includes('blocked by'));
    assert.deepEqual(blocked(), []);
    assert.deepEqual(blocked(), [], 'a second build of the unchanged files says the same');
    // SNMP on the License Server: BMS020 (not applicable there).
    idx.setText('file:///w/plan.bms.yaml', planYaml('north', { extraAssignments: ['{ licenseServer: ls-main, activationId: ACT-SNMP, quantity: 1 }'] }));
    assert.deepEqual(blocked().map((c) => c.description), ['ls-main · blocked by BMS020']);
    idx.setText('file:///w/plan.bms.yaml', planYaml('north'));
    assert.deepEqual(blocked(), []);
  });
});

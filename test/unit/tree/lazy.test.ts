// The fields the tree works out when first read (src/engine/tree/lazy.ts): each must be what the eager build gave.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { loadWorkspace } from '../../../src/engine/load/files';
import { readSiteLedgers } from '../../../src/engine/tree/ledgers';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { decidedLater, lazily } from '../../../src/engine/tree/lazy';
import { pendingChangesNode, withPendingChanges } from '../../../src/engine/tree/pending';
import { siteCheckOf } from '../../../src/engine/tree/siteChecks';
import { serverTooltip } from '../../../src/engine/tree/tooltip';
import type { TreeNode } from '../../../src/engine/tree/types';

const EXAMPLE = join(__dirname, '../../../examples/hospital-north');
const TODAY = new Date('2026-11-23T12:00:00Z');

const bare = (id: string): TreeNode => ({ id, kind: 'server', label: id, description: '', status: 'none', tooltip: '', contextValue: '', site: 's', planned: 0, activated: 0, licenses: [], children: [] });

describe('tree: fields worked out when first read', () => {
  it('lazily: made once, on the first read; a write replaces it; listed among the keys', () => {
    const node = bare('a');
    let made = 0;
    lazily(node, 'tooltip', () => `made ${++made}`);
    assert.equal(made, 0);
    assert.ok(Object.keys(node).includes('tooltip'));
    assert.equal(node.tooltip, 'made 1');
    assert.equal(node.tooltip, 'made 1');
    node.tooltip = `${node.tooltip} + usage`;
    assert.equal(node.tooltip, 'made 1 + usage');
    assert.equal(made, 1);
  });

  it('decidedLater: the same object, its fields from make() on first read, a location it lacks removed', () => {
    let made = 0;
    const head = { id: 'p', kind: 'pendingChanges' as const, label: 'Pending changes', site: 's', planned: 0, activated: 0, licenses: [] };
    const node = decidedLater(head, () => {
      made++;
      return { ...bare('p'), kind: 'pendingChanges', description: '3', status: 'planned', tooltip: 'what apply would do', contextValue: 'bms.pendingChanges' };
    });
    assert.equal(node, head);
    assert.equal(made, 0);
    assert.equal(node.status, 'planned');
    assert.equal(node.description, '3');
    assert.deepEqual(node.children, []);
    assert.equal(made, 1);
    assert.ok(!('location' in node));
  });

  it("a site's Pending changes node and its servers' tooltips are what the direct calls give", () => {
    const { index } = loadWorkspace([EXAMPLE]);
    const ledgers = readSiteLedgers(index).states;
    const tree = buildSiteTree({ index, ledgers, pendingChanges: true, today: TODAY });
    const siteRow = tree.roots[0]!;
    const site = index.site(siteRow.site)!;
    const plans = index.plansFor(site.name);
    const pending = siteRow.children.find((c) => c.kind === 'pendingChanges')!;
    assert.equal(tree.byId.get(pending.id), pending, 'the lookup holds the node the site lists');
    const direct = withPendingChanges(new Map(), pendingChangesNode(site, siteRow.id, plans, ledgers.get(site.name), TODAY, siteCheckOf(index, site, plans, TODAY)));
    const fields = (n: TreeNode) => [n.id, n.parentId, n.kind, n.label, n.description, n.status, n.tooltip, n.contextValue, JSON.stringify(n.location)];
    assert.deepEqual(fields(pending), fields(direct));
    assert.ok(pending.children.length > 0, 'the example has actions to apply');
    assert.deepEqual(pending.children.map(fields), direct.children.map(fields));
    for (const row of pending.children) assert.equal(tree.byId.get(row.id), row, 'each action row is in the lookup once made');

    const servers = [...tree.byId.values()].filter((n) => n.kind === 'server');
    assert.ok(servers.length > 3);
    for (const n of servers) {
      const server = site.servers.find((s) => s.id === n.target)!;
      assert.ok(n.tooltip.startsWith(serverTooltip(server, n.status, n.licenses)), n.id);
    }
  });
});

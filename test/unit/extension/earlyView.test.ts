// The view is made as the bundle loads, before VS Code calls activate() (extension.ts, view.ts): shown then
// (the view is what activated the extension), it reads the files and answers while VS Code gets activate()'s
// context ready; activate() takes that view rather than making a second one.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TreeNode } from '../../../src/engine/tree/types';
import { installFakeVscode, type FakeState } from './fake-vscode';
import { EXAMPLE } from './fixture';

describe('extension host (stand-in vscode): the view before activate()', () => {
  let root: string;
  let fake: FakeState;
  const subscriptions: { dispose(): unknown }[] = [];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-early-'));
    cpSync(EXAMPLE, root, { recursive: true });
    fake = installFakeVscode(root);
  });
  after(() => {
    for (const d of subscriptions.splice(0)) d.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  /** extension.ts loaded afresh, as the extension host loads the bundle. */
  const load = (): typeof import('../../../src/extension/extension') => {
    const path = require.resolve('../../../src/extension/extension');
    delete require.cache[path];
    return require(path);
  };

  it('reads nothing as it loads, answers the view shown before activate(), and activate() takes that view', async () => {
    const ext = load();
    assert.equal(fake.treeViews.length, 1, 'the view is made as the bundle loads');
    const [view] = fake.treeViews;
    assert.equal(view!.id, 'bmsLicense.sites');
    assert.ok(!fake.logged.some((l) => /Read \d+ site\/plan file/.test(l)), 'nothing read before the view is shown');

    view!.setVisible(true);
    const roots = (await view!.options.treeDataProvider.getChildren()) as TreeNode[];
    assert.deepEqual(roots.map((r) => r.site), ['hospital-north']);
    assert.equal(fake.logged.filter((l) => /Read 2 site\/plan file\(s\), 1 site/.test(l)).length, 1);
    assert.ok(!fake.logged.some((l) => /activated at/.test(l)), 'answered before activate()');

    ext.activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => join(root, p) } as never);
    assert.equal(fake.treeViews.length, 1, 'no second view');
    assert.ok(subscriptions.includes(view as object as { dispose(): unknown }), 'the view is in context.subscriptions');
    assert.equal(fake.logged.filter((l) => /Read \d+ site\/plan file/.test(l)).length, 1, 'read once');
    assert.ok(fake.logged.some((l) => /activated at/.test(l)));
  });
});

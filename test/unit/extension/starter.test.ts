import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { validateWorkspace } from '../../../src/engine/validate';
import { GITIGNORE_LINE, STARTER_PLAN, STARTER_SITE, withGitignoreLine } from '../../../src/extension/starter/templates';

describe('starter site and plan', () => {
  const index = new WorkspaceIndex();
  index.setText('file:///w/site.bms.yaml', STARTER_SITE);
  index.setText('file:///w/plan.bms.yaml', STARTER_PLAN);

  it('validates without errors or warnings', () => {
    const all = [...validateWorkspace(index, { today: new Date('2026-11-23T00:00:00Z') }).values()].flat();
    assert.deepEqual(all.filter((d) => d.severity !== 'information').map((d) => `${d.code} ${d.message}`), []);
  });

  it('shows as a site in the tree with its plan', () => {
    const tree = buildSiteTree({ index, today: new Date('2026-11-23T00:00:00Z') });
    assert.equal(tree.roots.length, 1);
    assert.equal(tree.roots[0].label, 'my-site');
    assert.equal(tree.roots[0].planned, 3);
  });

  it('adds the .bmslicense/ line to .gitignore once', () => {
    assert.equal(withGitignoreLine(undefined), `# BMS License Workbench: the LAS simulator's state and other local files\n${GITIGNORE_LINE}\n`);
    const added = withGitignoreLine('node_modules/');
    assert.match(added!, /^node_modules\/\n# BMS/);
    assert.equal(withGitignoreLine(added), undefined);
    assert.equal(withGitignoreLine('dist/\r\n.bmslicense\r\n'), undefined);
  });
});

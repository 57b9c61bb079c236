import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { validateWorkspace } from '../../../src/engine/validate';
import { GITIGNORE_LINE, STARTER_PLAN, STARTER_SITE, withGitattributesLine, withGitignoreLine } from '../../../src/extension/starter/templates';

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
    assert.equal(withGitignoreLine(undefined), `# BMS License Workbench: the LAS simulator's state, the site locks and other local files\n${GITIGNORE_LINE}\n*.ledger.jsonl.lock*\n`);
    const added = withGitignoreLine('node_modules/');
    assert.match(added!, /^node_modules\/\n# BMS/);
    assert.equal(withGitignoreLine(added), undefined);
    assert.equal(withGitignoreLine('dist/\r\n.bmslicense\r\n*.lock\r\n'), undefined);
    // A .gitignore from before the site locks gets the lock line only.
    assert.equal(withGitignoreLine('.bmslicense/\n'), `.bmslicense/\n# BMS License Workbench: the LAS simulator's state, the site locks and other local files\n*.ledger.jsonl.lock*\n`);
  });

  it('adds the union merge of ledgers to .gitattributes once, and leaves a merge setting of its own alone', () => {
    assert.equal(withGitattributesLine(undefined), '# BMS License Workbench: ledgers are append-only, so a merge keeps the lines of both sides\n*.ledger.jsonl merge=union\n');
    const added = withGitattributesLine('*.png binary');
    assert.match(added!, /^\*\.png binary\n# BMS.*\n\*\.ledger\.jsonl merge=union\n$/);
    assert.equal(withGitattributesLine(added), undefined);
    assert.equal(withGitattributesLine('*.ledger.jsonl merge=bmslicense\n'), undefined);
  });
});

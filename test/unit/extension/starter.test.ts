import { strict as assert } from 'node:assert';
import ignore from 'ignore';
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
    assert.equal(tree.roots[0].planned, 5);
  });

  /** The lines of a file, each comment of ours as '#' (its wording is for the reader, not the rule). */
  const shape = (text: string | undefined): string[] | undefined => text?.split('\n').map((l) => (l.startsWith('# BMS License Workbench: ') ? '#' : l));

  it('adds the .bmslicense/ line to .gitignore once', () => {
    assert.deepEqual(shape(withGitignoreLine(undefined)), ['#', GITIGNORE_LINE, '*.ledger.jsonl.lock*', '']);
    assert.match(withGitignoreLine(undefined)!, /the site locks/);
    const added = withGitignoreLine('node_modules/');
    assert.match(added!, /^node_modules\/\n# BMS/);
    assert.equal(withGitignoreLine(added), undefined);
    assert.equal(withGitignoreLine('dist/\r\n.bmslicense\r\n*.lock*\r\n'), undefined);
    // A .gitignore from before the site locks gets the lock line only.
    assert.deepEqual(shape(withGitignoreLine('.bmslicense/\n')), ['.bmslicense/', '#', '*.ledger.jsonl.lock*', '']);
  });

  it("the starter's .gitignore keeps out the local state, the site locks and their temp files, never a ledger", () => {
    // A .gitignore from before the lock's temp files were covered gets the line that covers them.
    for (const gitignore of [withGitignoreLine(undefined)!, withGitignoreLine('.bmslicense/\n*.ledger.jsonl.lock\n')!]) {
      const rules = ignore().add(gitignore);
      const ignored = ['.bmslicense/las-sim/state.json', 'hospital-north.ledger.jsonl.lock', 'sites/hospital-north.ledger.jsonl.lock.4242.9f3a.tmp'];
      assert.deepEqual(ignored.filter((f) => !rules.ignores(f)), [], gitignore);
      assert.deepEqual(['hospital-north.ledger.jsonl', 'sites/site.bms.yaml', '.gitattributes'].filter((f) => rules.ignores(f)), [], gitignore);
    }
  });

  it('adds the union merge of ledgers to .gitattributes once, and leaves a merge setting of its own alone', () => {
    assert.deepEqual(shape(withGitattributesLine(undefined)), ['#', '*.ledger.jsonl merge=union', '']);
    assert.match(withGitattributesLine(undefined)!, /append-only/);
    const added = withGitattributesLine('*.png binary');
    assert.deepEqual(shape(added), ['*.png binary', '#', '*.ledger.jsonl merge=union', '']);
    assert.equal(withGitattributesLine(added), undefined);
    assert.equal(withGitattributesLine('*.ledger.jsonl merge=bmslicense\n'), undefined);
  });
});

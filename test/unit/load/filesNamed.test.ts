import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { isPlan, isSite } from '../../../src/engine/model';

// The files a site is read from (validate's per-site check), answered from the index's per-generation maps:
// equal to a walk of every file, whatever the order the files were added in, unnamed sites and files of no
// known kind included.

const site = (name?: string) => `apiVersion: bms.license/v1\nkind: Site\nmetadata:${name === undefined ? ' {}' : `\n  name: ${name}`}\nspec:\n  servers: []\n`;
const plan = (siteName?: string) => `apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: p${siteName === undefined ? '' : `, site: ${siteName}`} }\nspec:\n  entitlements: []\n  assignments: []\n`;

const TEXTS: Record<string, string> = {
  'file:///w/a.bms.yaml': site('a'),
  'file:///w/b.bms.yaml': site('b'),
  'file:///w/a-plan.bms.yaml': plan('a'),
  'file:///w/b-plan.bms.yaml': plan('b'),
  'file:///w/nameless.bms.yaml': site(),
  'file:///w/nameless-plan.bms.yaml': plan(),
  'file:///w/unknown.bms.yaml': 'just: a mapping\n',
  'file:///w/empty.bms.yaml': '# nothing here\n',
  'file:///w/both.bms.yaml': `${site('c')}---\n${plan('a')}`,
  'file:///w/stray-plan.bms.yaml': plan('nowhere'),
};

/** The walk the index replaces. */
function walk(index: WorkspaceIndex, name: string | undefined): string[] {
  const out: string[] = [];
  for (const file of index.allFiles()) {
    for (const doc of file.documents) {
      const m = doc.model;
      if (!m ? doc.yaml.contents !== null : (isSite(m) && m.name === name) || (isPlan(m) && m.site === name)) {
        if (!out.includes(file.uri)) out.push(file.uri);
      }
    }
  }
  return out;
}

describe('WorkspaceIndex.filesNamed', () => {
  const names = ['a', 'b', 'c', undefined, 'nowhere', 'absent'];
  const uris = Object.keys(TEXTS);

  it('equals a walk of every file, in file order, for every order the files were added in', () => {
    // Deterministic shuffles: the forward order, the reverse, and rotations.
    const orders = [uris, [...uris].reverse(), ...[3, 5, 7].map((k) => [...uris.slice(k), ...uris.slice(0, k)])];
    for (const order of orders) {
      const index = new WorkspaceIndex();
      for (const uri of order) index.setText(uri, TEXTS[uri]);
      for (const name of names) assert.deepEqual(index.filesNamed(name), walk(index, name), `${String(name)} in ${order.join(',')}`);
    }
  });

  it('follows the files: a plan renamed to another site moves, a removed file goes', () => {
    const index = new WorkspaceIndex();
    for (const uri of uris) index.setText(uri, TEXTS[uri]);
    assert.ok(index.filesNamed('a').includes('file:///w/a-plan.bms.yaml'));
    index.setText('file:///w/a-plan.bms.yaml', plan('b'));
    assert.ok(!index.filesNamed('a').includes('file:///w/a-plan.bms.yaml'));
    assert.ok(index.filesNamed('b').includes('file:///w/a-plan.bms.yaml'));
    index.remove('file:///w/unknown.bms.yaml');
    for (const name of names) assert.deepEqual(index.filesNamed(name), walk(index, name));
    assert.ok(!index.filesNamed('b').includes('file:///w/unknown.bms.yaml'));
  });
});

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { loadWorkspace } from '../../../src/engine/load/files';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { checkSite } from '../../../src/engine/siteCheck';
import { validateFile } from '../../../src/engine/validate';
import { generateWorkspace } from '../../lsp/generatedWorkspace';

// The tree and the commands ask each site's check for what stops or blocks (errors only); the rules that can
// find nothing worse than a warning are skipped there. The answer must be validate's errors, every one.

function assertSameErrors(index: WorkspaceIndex, today: Date): number {
  let errors = 0;
  for (const site of index.sites()) {
    const full = checkSite(index, site, { today });
    const quick = checkSite(index, site, { today, errorsOnly: true });
    assert.deepEqual([...quick.diagnostics.keys()], [...full.diagnostics.keys()]);
    for (const [uri, list] of full.diagnostics) {
      const wanted = list.filter((d) => d.severity === 'error');
      assert.deepEqual(quick.diagnostics.get(uri), wanted, `${site.name}: ${uri}`);
      assert.deepEqual(validateFile(index, uri, { today }, { errorsOnly: true }), validateFile(index, uri, { today }).filter((d) => d.severity === 'error'));
      errors += wanted.length;
    }
    assert.deepEqual(quick.stopping, full.stopping);
    const targets = [...site.servers, ...site.licenseServers, ...site.clients].map((n) => n.id);
    const ids = index.plansFor(site.name).flatMap((p) => p.assignments.map((a) => a.activationId ?? ''));
    for (const target of targets) for (const id of ids) assert.deepEqual(quick.blockerOf(target, id), full.blockerOf(target, id));
  }
  return errors;
}

describe('a site check of errors only', () => {
  const today = new Date(2026, 11, 6);

  it("equals validate's errors on the examples (the broken one fires every rule)", () => {
    const root = join(__dirname, '..', '..', '..', 'examples');
    const index = loadWorkspace([root]).index;
    assert.ok(assertSameErrors(index, today) > 5);
  });

  it('and on generated workspaces of several sites', () => {
    for (const seed of [3, 8]) {
      const index = new WorkspaceIndex();
      for (const [path, text] of generateWorkspace(seed, 6, today).files) if (path.endsWith('.bms.yaml')) index.setText(`file:///w/${encodeURI(path)}`, text);
      assertSameErrors(index, today);
    }
  });
});

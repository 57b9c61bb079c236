// Issue 31, item 5: a small site opens at once. In a real VS Code, a folder with one site and one plan: the view
// has its rows soon after VS Code activates the extension for it. The goal is 300 ms (the median of
// bench/activation.ts's ten runs); this test fails only above 1 s, as the machine running it may be shared.
import assert from 'node:assert/strict';
import { useFixtureWorkbench } from './fixtures/workspace';
import { showSites } from './fixtures/tree';
import { waitForActivationTimes } from './fixtures/extensionLog';
import { screenshot } from './harness';

describe('e2e: a small site opens at once (hospital-north)', function () {
  this.timeout(120_000);
  const { session } = useFixtureWorkbench('hospital-north');

  it('gives the view its rows within 1 s of the activation', async () => {
    await showSites(session.page);
    await screenshot(session.page, 'small-site-rows');
    const t = await waitForActivationTimes(session.server);
    assert.ok(t.hostActivation !== undefined, 'VS Code logs when it activates the extension');
    assert.ok(t.activateCall !== undefined, 'the extension logs when activate() ran');
    assert.ok(t.firstRows !== undefined, 'the extension logs its first read');
    // The rows may be given before activate() runs: the view is made as the bundle loads (extension.ts).
    assert.ok(t.rowsGiven !== undefined, 'the extension logs when it gave the view its rows');
    const given = t.rowsGiven - t.hostActivation;
    assert.ok(given >= 0 && given <= 1000, `rows given to the view ${given} ms after the activation (first read ${t.firstReadMs} ms; goal 300 ms)`);
    // And the rows of the site the view shows expanded (its servers): one more request of the view's, a round
    // trip to a workbench busy starting (100-700 ms here), so 2 s.
    assert.ok(t.screenGiven !== undefined, 'the extension logs when the view had its first screen');
    const screen = t.screenGiven - t.hostActivation;
    assert.ok(screen >= given && screen <= 2000, `first screen given ${screen} ms after the activation`);
  });
});

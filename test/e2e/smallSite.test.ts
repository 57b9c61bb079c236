// Issue 31, item 5: a small site opens at once. In a real VS Code, a folder with one site and one plan: the view
// has its rows soon after activate() runs. The goal is 300 ms (the median of bench/activation.ts's ten runs);
// this test fails only above 1 s, as the machine running it may be shared.
import assert from 'node:assert/strict';
import { useFixtureWorkbench } from './fixtures/workspace';
import { showSites } from './fixtures/tree';
import { waitForActivationTimes } from './fixtures/extensionLog';
import { screenshot } from './harness';

describe('e2e: a small site opens at once (hospital-north)', function () {
  this.timeout(120_000);
  const { session } = useFixtureWorkbench('hospital-north');

  it('shows the tree rows within 1 s of activate()', async () => {
    await showSites(session.page);
    await screenshot(session.page, 'small-site-rows');
    const t = await waitForActivationTimes(session.server);
    assert.ok(t.activateCall !== undefined, 'the extension logs when activate() ran');
    assert.ok(t.firstRows !== undefined, 'the extension logs its first read');
    const ms = t.firstRows - t.activateCall;
    assert.ok(ms >= 0 && ms <= 1000, `rows ${ms} ms after activate() (first read ${t.firstReadMs} ms; goal 300 ms)`);
    // And handed to the view: the answer to its first request for rows.
    assert.ok(t.rowsGiven !== undefined, 'the extension logs when it gave the view its rows');
    const given = t.rowsGiven - t.activateCall;
    assert.ok(given >= 0 && given <= 1000, `rows given to the view ${given} ms after activate()`);
  });
});

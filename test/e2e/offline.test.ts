// Scenario 4: the offline path on an offline site, in a real VS Code: request files created through the
// palette and VS Code's own folder dialog, answered by `bmslicense las respond`, imported back: the state
// becomes activated; a tampered response is refused with a visible error that names the problem.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, runCommand, screenshot, treeItems, waitForNotification, waitForTreeRow } from './harness';
import { useFixtureWorkbench } from './fixtures/workspace';
import { expandTreeRow, showSites } from './fixtures/tree';
import { answerFileDialog, expandNotification, jsonLines, pickQuickItem, quickItems, startCommand, waitForFile } from './fixtures/steps';

describe('e2e: offline request and response files (hospital-north, offline)', function () {
  this.timeout(150_000);
  const { session, dir } = useFixtureWorkbench('offline');
  // Beside the workspace folder, as on a USB stick: nothing the extension watches.
  const carry = (name: string) => join(dirname(dir()), name);
  const ledger = () => join(dir(), 'hospital-north.ledger.jsonl');
  const ledgerEvents = () => jsonLines(readFileSync(ledger(), 'utf8'));

  it('Create Offline Request Files: Activate for as-01 into a folder typed into the file dialog', async () => {
    const { page } = session;
    mkdirSync(carry('requests'));
    await showSites(page);
    await startCommand(page, 'BMS: Create Offline Request Files');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Create offline request files: hospital-north' }).waitFor();
    await pickQuickItem(page, 'as-01');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Create offline request files: as-01' }).waitFor();
    assert.deepEqual(await quickItems(page), ['Activate', 'Reclaim', 'Return', 'Repair']);
    await pickQuickItem(page, 'Activate');
    await pickQuickItem(page, 'Choose a folder…');
    await answerFileDialog(page, `${carry('requests')}/`, 'Use this folder', () => screenshot(page, 'offline-1-folder-dialog'));
    await waitForNotification(page, /request file\(s\) written/);
    const files = readdirSync(carry('requests'));
    assert.equal(files.length, 1, files.join(', '));
    assert.match(files[0]!, /^hospital-north--as-01--activate--REQ-.*\.request\.json$/);
    const created = jsonLines(await waitForFile(ledger(), (t) => t.includes('request-created')));
    assert.deepEqual(created.map((e) => [e.op, e.target, e.request]), [['request-created', 'as-01', 'activate']]);
    await expandTreeRow(page, 'Sites', 'ec-01');
    await expandTreeRow(page, 'Sites', 'es-01');
    await waitForTreeRow(page, /as-01.*waiting for an offline response/, 'Sites');
    await screenshot(page, 'offline-2-requests-written');
  });

  it('answers the requests with `bmslicense las respond` (the workspace simulator)', () => {
    const requests = readdirSync(carry('requests')).map((f) => join(carry('requests'), f));
    execFileSync(process.execPath, [join(repoRoot, 'bin', 'bmslicense.js'), 'las', 'respond', ...requests, '--out', carry('responses'), '--workspace', dir()], { stdio: 'pipe' });
    const responses = readdirSync(carry('responses'));
    assert.equal(responses.length, 1);
    // The tampered copy: one character of the signed payload changed (the transaction id).
    mkdirSync(carry('tampered'));
    const text = readFileSync(join(carry('responses'), responses[0]!), 'utf8');
    const at = text.indexOf('"T-') + 3;
    writeFileSync(join(carry('tampered'), responses[0]!), text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1));
  });

  it('Import Offline Response Files refuses a tampered response with an error naming the problem; nothing changes', async () => {
    const { page } = session;
    const before = readFileSync(ledger(), 'utf8');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await startCommand(page, 'BMS: Import Offline Response Files');
    await answerFileDialog(page, `${carry('tampered')}/`, 'Import');
    const toast = await waitForNotification(page, /tampered/);
    const message = (await toast.innerText()).replace(/\s+/g, ' ');
    assert.match(message, /signature does not match/, message);
    assert.ok(await toast.locator('.codicon-error').count(), 'shown as an error');
    await expandNotification(toast);
    await screenshot(page, 'offline-3-tampered-refused');
    assert.equal(readFileSync(ledger(), 'utf8'), before, 'the ledger is unchanged');
  });

  it('Import Offline Response Files with the real responses: as-01 becomes activated (ledger and tree)', async () => {
    const { page } = session;
    await runCommand(page, 'Notifications: Clear All Notifications');
    await startCommand(page, 'BMS: Import Offline Response Files');
    await answerFileDialog(page, `${carry('responses')}/`, 'Import');
    const toast = await waitForNotification(page, /Import offline response files, site hospital-north: simulated: as-01: activated/);
    assert.equal(await toast.locator('.codicon-error').count(), 0);
    const events = jsonLines(await waitForFile(ledger(), (t) => t.includes('response-imported')));
    const imported = events.filter((e) => e.op === 'response-imported');
    assert.equal(imported.length, 1);
    assert.equal(imported[0]!.accepted, true);
    assert.ok(events.some((e) => e.op === 'activate' && e.target === 'as-01'), JSON.stringify(events));
    await waitForTreeRow(page, /as-01.*3\/3 simulated/, 'Sites');
    await screenshot(page, 'offline-4-imported');
    assert.ok(ledgerEvents().length >= 3);
    const as01 = (await treeItems(page, 'Sites')).find((i) => i.label === 'as-01');
    assert.doesNotMatch(as01?.description ?? '', /waiting for an offline response/);
  });
});

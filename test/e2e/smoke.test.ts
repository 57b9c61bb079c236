// Proves the e2e harness on a tiny throwaway extension, so a failure here is the harness, not the product.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  activityBarItem, e2eReady, e2eTools, openFile, problems, runCommand, screenshot, startCodeServer, treeRows,
  repoRoot, useWorkbench, waitForNotification, waitForTreeRow,
} from './harness';

const smokeExtension = {
  name: 'bms-smoke',
  publisher: 'bmstest',
  version: '0.0.1',
  engines: { vscode: '^1.80.0' },
  main: './extension.js',
  activationEvents: ['onView:bmsSmoke.sites'],
  contributes: {
    viewsContainers: { activitybar: [{ id: 'bmsSmoke', title: 'BMS Smoke', icon: 'smoke.svg' }] },
    views: { bmsSmoke: [{ id: 'bmsSmoke.sites', name: 'Smoke Sites' }] },
    commands: [{ command: 'bmsSmoke.hello', title: 'Say Hello', category: 'BMS Smoke' }],
  },
};

// Plain JS so the fixture needs no build; it reports values only a running VS Code can know.
/** The one diagnostic the smoke extension sets, and that Problems must show as given. */
const SMOKE_DIAGNOSTIC = 'Smoke: this site has no license';

const smokeMain = `
const vscode = require('vscode');
exports.activate = (context) => {
  const sites = ['Site Alpha', 'Site Beta', 'VS Code ' + vscode.version];
  context.subscriptions.push(vscode.window.registerTreeDataProvider('bmsSmoke.sites', {
    getTreeItem: (label) => new vscode.TreeItem(label),
    getChildren: (parent) => (parent ? [] : sites),
  }));
  context.subscriptions.push(vscode.commands.registerCommand('bmsSmoke.hello', () => {
    const folder = vscode.workspace.workspaceFolders[0].name;
    vscode.window.showInformationMessage('Hello from ' + folder + ' with ' + sites.length + ' sites');
  }));
  const diagnostics = vscode.languages.createDiagnosticCollection('bms-smoke');
  const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'notes', 'site.txt');
  diagnostics.set(file, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 4), ${JSON.stringify(SMOKE_DIAGNOSTIC)}, vscode.DiagnosticSeverity.Warning)]);
  context.subscriptions.push(diagnostics);
};
`;

const icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" fill="currentColor"/></svg>';
const smokeFolderName = `${smokeExtension.publisher}.${smokeExtension.name}-${smokeExtension.version}`;

/** Writes the unpacked smoke extension into `parent` and returns its folder. */
function writeSmokeExtension(parent: string): string {
  const extension = join(parent, smokeFolderName);
  mkdirSync(extension, { recursive: true });
  writeFileSync(join(extension, 'package.json'), JSON.stringify(smokeExtension, null, 2));
  writeFileSync(join(extension, 'extension.js'), smokeMain);
  writeFileSync(join(extension, 'smoke.svg'), icon);
  return extension;
}

/** Packs an unpacked extension with the project's vsce, as `npm run package` does for the real one (on the set-up's Node 24: vsce 4 declares Node 22+). */
function packVsix(extension: string, vsix: string): void {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix];
  execFileSync(e2eTools().node, args, { cwd: extension, stdio: 'pipe' });
}

describe('e2e harness setup check', () => {
  it('tells the developer to run npm run e2e:setup when the cache is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'bms-e2e-empty-'));
    try {
      assert.throws(() => e2eTools(empty), /npm run e2e:setup/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('e2e harness: code-server lifecycle', function () {
  this.timeout(120_000);
  before(e2eReady);

  it('installs a .vsix, answers on loopback and leaves no process or temp folder behind after stop()', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'bms-e2e-ws-'));
    const vsix = join(workspace, 'smoke.vsix');
    packVsix(writeSmokeExtension(workspace), vsix);
    const server = await startCodeServer({ workspace, vsix });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
      const installed = JSON.parse(readFileSync(join(server.extensionsDir, smokeFolderName, 'package.json'), 'utf8'));
      assert.equal(installed.version, smokeExtension.version);
    } finally {
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
    assert.throws(() => process.kill(-server.pid, 0), { code: 'ESRCH' });
    assert.equal(existsSync(server.tempDir), false);
  });
});

describe('e2e harness: smoke extension in code-server', function () {
  this.timeout(120_000);
  let fixtureRoot = '';

  const session = useWorkbench(() => {
    fixtureRoot = mkdtempSync(join(tmpdir(), 'bms-e2e-smoke-'));
    const extension = writeSmokeExtension(fixtureRoot);
    const workspace = join(fixtureRoot, 'smoke-site');
    mkdirSync(join(workspace, 'notes'), { recursive: true });
    writeFileSync(join(workspace, 'notes', 'site.txt'), 'Site Alpha: 3 seats\n');
    return { workspace, extensionFolders: [extension] };
  });

  after(() => {
    if (fixtureRoot) rmSync(fixtureRoot, { recursive: true, force: true });
  });

  it('shows the activity bar item and the tree rows from a running extension host', async () => {
    const { page } = session;
    await activityBarItem(page, 'BMS Smoke').click();
    await waitForTreeRow(page, /^VS Code \d+\.\d+/, 'Smoke Sites');
    assert.deepEqual(await treeRows(page, 'Smoke Sites'), ['Site Alpha', 'Site Beta', 'VS Code 1.139.1']);
    await screenshot(page, 'smoke-tree');
  });

  it('runs a command from the palette and shows its notification', async () => {
    const { page } = session;
    await runCommand(page, 'BMS Smoke: Say Hello');
    // The text (the workspace folder's name, the count of the tree's sites) is what the command computed in the
    // extension host: waitForNotification waits for it. Then: one toast (the command ran once), an information one.
    const toast = await waitForNotification(page, 'Hello from smoke-site with 3 sites');
    assert.equal(await page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'Hello from smoke-site' }).count(), 1);
    assert.equal(await toast.locator('.codicon-info').count(), 1, 'shown as information');
    assert.equal(await toast.locator('.codicon-error, .codicon-warning').count(), 0);
    await screenshot(page, 'smoke-command');
  });

  it('opens a file by quick open and lists the extension diagnostics in Problems', async () => {
    const { page } = session;
    await openFile(page, 'notes/site.txt');
    const markers = await problems(page);
    assert.equal(markers.length, 1, `markers: ${JSON.stringify(markers)}`);
    assert.ok(markers[0].text.includes(SMOKE_DIAGNOSTIC), markers[0].text);
    await screenshot(page, 'smoke-problems');
  });
});

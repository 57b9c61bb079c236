// One file, one identity; one discovery rule. A file's uri spelled as VS Code spells it is the file the
// server read from disk (issue 29: `Hospital North (v2)` gave BMS015 "also defined in" itself), and a
// git-ignored site is absent from the language server, the CLI and the extension host alike, while a file
// the engineer opens in the editor is always checked.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import type { TreeNode } from '../../src/engine/tree/types';
import { installFakeVscode, Uri, type FakeState } from '../unit/extension/fake-vscode';
import { PLAN, positionOf, SITE } from './fixtures';
import { TestClient } from './harness';

/** How VS Code writes a file uri: every character but A-Z a-z 0-9 - . _ ~ / percent-encoded. */
function vscodeUri(path: string): string {
  return `file://${[...path].map((ch) => (/[A-Za-z0-9\-._~/]/.test(ch) ? ch : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))).join('')}`;
}

const OLD_SITE = SITE.replace('name: north', 'name: old-north');
const codes = (ds: { code?: unknown }[]) => ds.map((d) => String(d.code));

describe('one file, one identity, in the language server', function () {
  this.timeout(60_000);

  for (const folder of ['Hospital North (v2)', "R&D + ops's [lab] #1", 'Zürich 100%']) {
    it(`a folder named ${JSON.stringify(folder)}: the site opened by VS Code's uri is the file on disk, and a rename in it reaches the plan`, async () => {
      const client = new TestClient();
      try {
        mkdirSync(join(client.folder, folder));
        writeFileSync(join(client.folder, folder, 'site.bms.yaml'), SITE);
        writeFileSync(join(client.folder, folder, 'plan.bms.yaml'), PLAN);
        const site = vscodeUri(join(client.folder, folder, 'site.bms.yaml'));
        const plan = vscodeUri(join(client.folder, folder, 'plan.bms.yaml'));
        // The server keys (and publishes) every file by the one canonical spelling, which is VS Code's.
        const read = [site, plan].map((u) => client.nextDiagnostics(u));
        await client.start();
        await Promise.all(read);
        const opened = await client.open(`${folder}/site.bms.yaml`, SITE, site);
        assert.ok(!codes(opened).includes('BMS015'), JSON.stringify(opened));
        // Renaming es-01 in the open site: the plan's assignment to es-01 now names no server (no stale disk copy defines it).
        const at = positionOf(SITE, 'id: es-01', 4);
        const planShows = client.nextDiagnostics(plan, (p) => codes(p.diagnostics).includes('BMS010'));
        const after = await client.change(`${folder}/site.bms.yaml`, [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, text: 'es-99' }], site);
        assert.ok(!codes(after).includes('BMS015'), JSON.stringify(after));
        assert.ok(codes((await planShows).diagnostics).includes('BMS010'));
      } finally {
        await client.stop();
      }
    });
  }
});

describe('one discovery rule: a git-ignored site is absent from the server, the CLI and the extension host', function () {
  this.timeout(60_000);

  const lay = (root: string) => {
    writeFileSync(join(root, '.gitignore'), 'archive/\n');
    mkdirSync(join(root, 'live'));
    mkdirSync(join(root, 'archive'));
    writeFileSync(join(root, 'live', 'site.bms.yaml'), SITE);
    writeFileSync(join(root, 'live', 'plan.bms.yaml'), PLAN);
    writeFileSync(join(root, 'archive', 'site.bms.yaml'), OLD_SITE);
  };

  it('bmslicense validate walks past it; named on its own, it is checked', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bms-ignored-'));
    try {
      lay(root);
      let out = '';
      const io = { cwd: root, env: {}, out: (t: string) => void (out += t), err: () => undefined };
      await runCli(['validate', '.', '--format', 'json'], io);
      assert.equal(JSON.parse(out).summary.files, 2);
      out = '';
      await runCli(['validate', 'archive/site.bms.yaml', '--format', 'json'], io);
      assert.equal(JSON.parse(out).summary.files, 1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the language server publishes nothing for it until the engineer opens it, and forgets it on close', async () => {
    const client = new TestClient();
    try {
      lay(client.folder);
      await client.start(['live/site.bms.yaml', 'live/plan.bms.yaml']);
      assert.ok(!client.published.some((p) => p.uri.includes('/archive/')));
      // A watched-file event for it changes nothing either.
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('archive/site.bms.yaml'), type: 2 }] });
      const opened = await client.open('archive/site.bms.yaml', OLD_SITE.replace('host: es01.north.local', 'host: ""'));
      assert.ok(opened.length > 0, 'an open file is checked');
      const cleared = client.nextDiagnostics(client.uri('archive/site.bms.yaml'), (p) => p.diagnostics.length === 0);
      await client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: client.uri('archive/site.bms.yaml') } });
      await cleared;
      assert.equal(client.published.filter((p) => p.uri.includes('/archive/')).length, 2, 'published when opened and cleared when closed, never from the walk');
    } finally {
      await client.stop();
    }
  });

  it('the extension host builds no tree row for it until it is opened', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bms-ignored-ext-'));
    let fake: FakeState | undefined;
    const subscriptions: { dispose(): unknown }[] = [];
    try {
      lay(root);
      fake = installFakeVscode(root);
      const ext = require('../../src/extension/extension') as typeof import('../../src/extension/extension');
      ext.activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => join(root, p) } as never);
      const provider = fake.treeViews.at(-1)!.options.treeDataProvider;
      const sites = async () => ((await provider.getChildren()) as TreeNode[]).map((n) => n.label);
      assert.deepEqual(await sites(), ['north']);
      const rebuilt = new Promise((resolve) => provider.onDidChangeTreeData(resolve));
      fake.documents.push({ uri: Uri.file(join(root, 'archive', 'site.bms.yaml')), getText: () => OLD_SITE, isDirty: false });
      fake.documentChanged.fire({ document: fake.documents[0], contentChanges: [] });
      await rebuilt;
      assert.deepEqual((await sites()).sort(), ['north', 'old-north']);
    } finally {
      for (const d of subscriptions) d.dispose();
      if (fake) fake.documents.length = 0;
      rmSync(root, { recursive: true, force: true });
    }
  });
});

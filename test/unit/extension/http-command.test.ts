// The HTTP activation server through the extension's commands (token in SecretStorage), against a stand-in vscode.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLasServer, type LasHttpServer } from '../../../src/engine/las/http/server';
import { LasSimulator } from '../../../src/engine/las/simulator';
import type { TreeNode } from '../../../src/engine/tree/types';
import { installFakeVscode, type FakeState } from './fake-vscode';
import { EXAMPLE, targetNode } from './fixture';

describe('extension host (stand-in vscode): the HTTP activation server', () => {
  const TOKEN = 'tok-3f9a8c1d2e';
  let root: string;
  let fake: FakeState;
  let subscriptions: { dispose(): unknown }[];
  let server: LasHttpServer;
  const secrets = new Map<string, string>();

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bms-ext-http-'));
    fake = installFakeVscode(root);
    cpSync(EXAMPLE, root, { recursive: true });
    // The site says how it is licensed (the setting alone no longer chooses the server): an activation server of its own.
    const siteFile = join(root, 'site.bms.yaml');
    writeFileSync(siteFile, readFileSync(siteFile, 'utf8').replace(/^ {2}activation: simulator.*$/m, '  activation: http'));
    server = createLasServer(new LasSimulator({ dataDir: join(root, 'server-state') }), { token: TOKEN });
    fake.config['bmsLicense.activation.mode'] = 'http';
    fake.config['bmsLicense.activation.url'] = await server.listen(0);
    subscriptions = [];
    const secretStorage = { get: async (k: string) => secrets.get(k), store: async (k: string, v: string) => void secrets.set(k, v), delete: async (k: string) => void secrets.delete(k) };
    (require('../../../src/extension/extension') as typeof import('../../../src/extension/extension')).activate({ subscriptions, secrets: secretStorage, asAbsolutePath: (p: string) => p } as never);
  });
  after(async () => {
    for (const d of subscriptions) d.dispose();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('is refused without the token, works once it is set, and never shows or logs the token', async () => {
    const [site] = (await fake.treeViews[0].options.treeDataProvider.getChildren()) as TreeNode[];
    fake.answers.push({ startsWith: 'Activate ', answer: 'Activate' });
    await fake.commands.get('bmsLicense.activate')!(targetNode(site, 'ec-01'));
    assert.equal(fake.messages.at(-1)!.severity, 'error');
    assert.match(fake.messages.at(-1)!.message, /Set Activation Server Token/);

    fake.inputBox = TOKEN;
    await fake.commands.get('bmsLicense.setActivationToken')!();
    assert.equal(secrets.get('bmsLicense.activation.token'), TOKEN);
    await fake.commands.get('bmsLicense.activate')!(targetNode(site, 'ec-01'));
    assert.match(fake.messages.at(-1)!.message, /^Activate, ec-01 \(site hospital-north\): /);
    assert.match(fake.messages.at(-1)!.message, /ec-01: activated ACT-7F3A-0001 ×1/);
    assert.ok(!existsSync(join(root, '.bmslicense')), 'the simulator of the workspace was not used');
    for (const text of [...fake.messages.map((m) => m.message), ...fake.logged]) assert.ok(!text.includes(TOKEN), `token shown: ${text}`);
    assert.ok(fake.logged.some((l) => l.includes(fake.config['bmsLicense.activation.url'] as string)), 'the log names the server');
  });

  it('says which setting to fix when the URL is missing', async () => {
    const url = fake.config['bmsLicense.activation.url'];
    fake.config['bmsLicense.activation.url'] = '';
    try {
      const [site] = (await fake.treeViews[0].options.treeDataProvider.getChildren()) as TreeNode[];
      await fake.commands.get('bmsLicense.reclaim')!(site);
      assert.match(fake.messages.at(-1)!.message, /bmsLicense\.activation\.url is empty/);
      assert.deepEqual(fake.messages.at(-1)!.options, ['Open Settings']);
    } finally {
      fake.config['bmsLicense.activation.url'] = url;
    }
  });
});

// The offline workflow through the extension's commands, against a stand-in vscode.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRequest, responseFileName } from '../../../src/engine/las/offline/format';
import { answerRequest } from '../../../src/engine/las/offline/respond';
import { LasSimulator, simulatorDataDir } from '../../../src/engine/las/simulator';
import type { TreeNode } from '../../../src/engine/tree/types';
import { installFakeVscode, type FakeState } from './fake-vscode';
import { EXAMPLE, targetNode } from './fixture';

describe('extension host (stand-in vscode): an offline site', () => {
  let root: string;
  let fake: FakeState;
  let subscriptions: { dispose(): unknown }[];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-ext-off-'));
    fake = installFakeVscode(root);
    cpSync(EXAMPLE, root, { recursive: true });
    const site = join(root, 'site.bms.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('connectivity: semi-online', 'connectivity: offline'));
    subscriptions = [];
    (require('../../../src/extension/extension') as typeof import('../../../src/extension/extension')).activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => p } as never);
  });
  after(() => {
    for (const d of subscriptions) d.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('request files → answered by the LAS → imported: the license is activated and the message says what next', async () => {
    const provider = fake.treeViews[0].options.treeDataProvider;
    const [site] = (await provider.getChildren()) as TreeNode[];
    assert.equal(site.contextValue, 'bms.site.toActivate.offline');
    const requests = join(root, 'carry');
    mkdirSync(requests);
    fake.quickPick = (items) => items.find((i) => i.label === 'Activate' || i.label.endsWith('Choose a folder…'));
    fake.openDialog = [requests];
    const as01 = targetNode(site, 'as-01');
    await fake.commands.get('bmsLicense.createOfflineRequests')!(as01);
    const files = readdirSync(requests);
    assert.equal(files.length, 1);
    assert.equal(fake.openDialogs.at(-1)!.defaultUri!.fsPath, root, "the dialog starts in the site's folder");
    assert.match(fake.messages.at(-1)!.message, /^Activate, as-01 .*\. 1 request file\(s\) written/);
    assert.match(fake.messages.at(-1)!.message, /\. Next: /);
    const pending = ((await provider.getChildren()) as TreeNode[])[0];
    assert.equal(targetNode(pending, 'as-01').status, 'pending-offline');

    // The computer that reaches the LAS answers the request (here: the workspace's simulator).
    const las = new LasSimulator({ dataDir: simulatorDataDir(root) });
    const responses = join(root, 'back');
    mkdirSync(responses);
    const { request } = parseRequest(readFileSync(join(requests, files[0]), 'utf8'));
    const response = await answerRequest(las, request!);
    writeFileSync(join(responses, responseFileName(response.requestId)), JSON.stringify(response));

    fake.openDialog = [responses];
    await fake.commands.get('bmsLicense.importOfflineResponses')!(site);
    assert.equal(fake.openDialogs.at(-1)!.defaultUri!.fsPath, root, "the response dialog starts in the site's folder too");
    assert.match(fake.messages.at(-1)!.message, /simulated: as-01: activated ACT-9C21-0001 ×2, ACT-9C21-0002 ×1/);
    const after = ((await provider.getChildren()) as TreeNode[])[0];
    assert.equal(targetNode(after, 'as-01').status, 'activated');

    // A second import of the same response is refused, and says why.
    await fake.commands.get('bmsLicense.importOfflineResponses')!(site);
    assert.equal(fake.messages.at(-1)!.severity, 'error');
    assert.match(fake.messages.at(-1)!.message, /refused/);
  });

  it('makes a new folder for the request files in the site\'s folder', async () => {
    const provider = fake.treeViews[0].options.treeDataProvider;
    const [site] = (await provider.getChildren()) as TreeNode[];
    // as-01 is active since the test above: a return request, into a folder that does not exist yet.
    fake.quickPick = (items) => items.find((i) => i.label === 'Return' || i.label.includes('New folder in'));
    fake.answers.push({ startsWith: 'Return ', answer: 'Return' });
    fake.inputBox = 'to-carry';
    fake.openDialog = undefined;
    await fake.commands.get('bmsLicense.createOfflineRequests')!(targetNode(site, 'as-01'));
    assert.equal(readdirSync(join(root, 'to-carry')).length, 1, JSON.stringify(fake.messages.at(-1)));
  });
});

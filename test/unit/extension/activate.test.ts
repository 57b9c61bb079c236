// activate(), the tree provider and the command runner against a stand-in `vscode` module.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TreeNode } from '../../../src/engine/tree/types';
import { BMS_FILE, BMS_GLOB } from '../../../src/engine/load/globs';
import { toCachedUsage, writeUsage } from '../../../src/engine/lmstat/cache';
import { importLmstat } from '../../../src/engine/lmstat/source';
import { installFakeVscode, Uri, type FakeState } from './fake-vscode';
import { EXAMPLE } from './fixture';
import { manifest } from './manifest';




describe('extension host (stand-in vscode)', () => {
  let root: string;
  let fake: FakeState;
  let ext: typeof import('../../../src/extension/extension');
  let subscriptions: { dispose(): unknown }[];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-ext-'));
    fake = installFakeVscode(root);
    ext = require('../../../src/extension/extension');
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    rmSync(root, { recursive: true, force: true });
    cpSync(EXAMPLE, root, { recursive: true });
    Object.assign(fake, { trusted: true, messages: [], logged: [], findFilesCalls: 0, treeViews: [], languageClientStarts: 0, answers: [], progressTitles: [], documents: [] });
    fake.contextKeys.clear();
    subscriptions = [];
    ext.activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => join(root, p) } as never);
  });
  afterEach(() => {
    for (const d of subscriptions) d.dispose();
  });

  const provider = () => fake.treeViews[0].options.treeDataProvider;
  const nodes = async (): Promise<Map<string, TreeNode>> => {
    const all = new Map<string, TreeNode>();
    const walk = (n: TreeNode) => (all.set(n.id, n), n.children.forEach(walk));
    ((await provider().getChildren()) as TreeNode[]).forEach(walk);
    return all;
  };

  it('registers every declared command and the view, reads nothing and starts no language server', () => {
    assert.deepEqual([...fake.commands.keys()].sort(), manifest.contributes.commands.map((c: { command: string }) => c.command).sort());
    assert.equal(fake.treeViews.length, 1);
    assert.equal(fake.treeViews[0].id, 'bmsLicense.sites');
    assert.equal(fake.findFilesCalls, 0);
    assert.equal(fake.languageClientStarts, 0);
    assert.ok(subscriptions.length >= 12 + 5, `${subscriptions.length} disposables in context.subscriptions`);
  });

  it('reads the workspace when the view asks for its rows, and maps nodes to tree items', async () => {
    const all = await nodes();
    assert.equal(fake.findFilesCalls, 1);
    assert.equal(fake.contextKeys.get('bmsLicense.hasSites'), true);
    const es01 = [...all.values()].find((n) => n.target === 'es-01')!;
    const item = provider().getTreeItem(es01);
    assert.equal(item.id, es01.id);
    assert.equal(item.contextValue, 'bms.server.enterprise-server');
    assert.equal(item.iconPath.id, 'server');
    assert.equal(item.description, 'Enterprise Server · 0/2 simulated · license violation expected');
    assert.match(item.tooltip.value, /\*\*es-01\*\* · Enterprise Server/);
    assert.deepEqual(item.command, { command: 'bmsLicense.revealInYaml', title: 'Reveal in YAML', arguments: [es01] });
    assert.equal(provider().getParent(es01).target, 'ec-01');
    const decoration = provider().provideFileDecoration(item.resourceUri);
    assert.equal(decoration.badge, '!');
    assert.equal(decoration.color.id, 'list.warningForeground');
  });

  it('follows edits of an open site file, once they pause, and keeps the ids of unchanged nodes', async () => {
    const before = await nodes();
    const file = join(root, 'site.bms.yaml');
    const text = readFileSync(file, 'utf8').replace('id: as-04', 'id: as-44');
    fake.documents.push({ uri: Uri.file(file), getText: () => text, isDirty: true });
    const rebuilt = new Promise((resolve) => provider().onDidChangeTreeData(resolve));
    fake.documentChanged.fire({ document: fake.documents[0] });
    fake.documentChanged.fire({ document: fake.documents[0] });
    await rebuilt;
    const after = await nodes();
    const ids = (m: Map<string, TreeNode>) => [...m.keys()].filter((id) => !id.endsWith('as-04') && !id.endsWith('as-44'));
    assert.deepEqual(ids(after), ids(before));
    assert.ok([...after.keys()].some((id) => id.endsWith('/server:as-44')));
    assert.ok(![...after.keys()].some((id) => id.endsWith('/server:as-04')));
    assert.equal(fake.findFilesCalls, 1, 'an edit does not scan the workspace again');

    // A workflow works on saved files: with the edit unsaved it asks first, and does nothing when told no.
    await fake.commands.get('bmsLicense.activate')!([...after.values()].find((n) => n.target === 'es-01'));
    assert.match(fake.messages.at(-1)!.message, /^Save site\.bms\.yaml first\? The command works on the saved files\.$/);
    assert.ok(!existsSync(join(root, 'hospital-north.ledger.jsonl')));
  });

  it('another process holds the site: the command says whom it waits for, and runs once the lock is free', async () => {
    const lock = join(root, 'hospital-north.ledger.jsonl.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: require('node:os').hostname(), what: 'apply by anna', since: '2026-11-23T10:15:02.000Z', token: 'anna0001' }));
    // The terminal's apply finishes when the waiting line is shown: its lock goes away.
    const push = fake.logged.push.bind(fake.logged);
    fake.logged.push = (...lines: string[]) => {
      if (lines.some((l) => /^Waiting for apply by anna \(pid \d+ on .+, since 10:15:02 UTC\) to finish with site hospital-north/.test(l))) rmSync(lock);
      return push(...lines);
    };
    const es01 = [...(await nodes()).values()].find((n) => n.target === 'es-01')!;
    await fake.commands.get('bmsLicense.activate')!(es01);
    assert.ok(fake.logged.some((l) => l.startsWith('Waiting for apply by anna')), fake.logged.join('\n'));
    assert.match(readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8'), /"op":"activate","site":"hospital-north","target":"es-01"/);
    assert.equal(existsSync(lock), false);
  });

  it('activates a server from its tree node: ledger written, tree refreshed, message says what was done', async () => {
    const es01 = [...(await nodes()).values()].find((n) => n.target === 'es-01')!;
    await fake.commands.get('bmsLicense.activate')!(es01);
    assert.deepEqual(fake.progressTitles, ['Activate: es-01 (site hospital-north)']);
    const ledger = readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(ledger.map((e) => [e.op, e.target, e.activationId]), [
      ['activate', 'es-01', 'ACT-7F3A-0002'],
      ['activate', 'es-01', 'ACT-9C21-0003'],
    ]);
    assert.ok(existsSync(join(root, '.bmslicense', 'las-sim')), 'the simulator keeps its state in the workspace');
    const last = fake.messages.at(-1)!;
    assert.equal(last.severity, 'information');
    assert.match(last.message, /^Activate, es-01 \(site hospital-north\): es-01: simulated: activated ACT-7F3A-0002 ×1, ACT-9C21-0003 ×2 \(transaction .+\)\.$/);
    const after = [...(await nodes()).values()].find((n) => n.target === 'es-01')!;
    assert.equal(after.status, 'activated');
  });

  it('validates first: a site file with a syntax error is not acted on, from the tree or for Review and Apply', async () => {
    const site = join(root, 'site.bms.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('  connectivity: semi-online\n', '  connectivity: semi-online\n  connectivity: online\n'));
    const all = await nodes();
    const es01 = [...all.values()].find((n) => n.target === 'es-01')!;
    const pending = [...all.values()].find((n) => n.kind === 'pendingChanges')!;
    assert.match(pending.description ?? '', /^stopped: 1 problem to fix$/);
    assert.equal(pending.contextValue, 'bms.pendingChanges.stopped', 'no Review and Apply on it');
    await fake.commands.get('bmsLicense.activate')!(es01);
    const last = fake.messages.at(-1)!;
    assert.equal(last.severity, 'error');
    assert.match(last.message, /^Site hospital-north: nothing was done\. Its files have 1 problem that stops every command \(BMS001: YAML syntax error: Map keys must be unique/);
    await fake.commands.get('bmsLicense.reviewAndApply')!('hospital-north');
    assert.match(fake.messages.at(-1)!.message, /^Site hospital-north: nothing was done\./);
    assert.equal(fake.progressTitles.length, 0);
    assert.ok(!existsSync(join(root, 'hospital-north.ledger.jsonl')));
    assert.ok(!existsSync(join(root, '.bmslicense')));
  });

  it('validates first: a license that breaks an error rule is reported as blocked, the others on the node are activated', async () => {
    const plan = join(root, 'plan.bms.yaml');
    const text = readFileSync(plan, 'utf8')
      .replace('        - { activationId: ACT-9C21-0005', '        - { activationId: ACT-DEMO-0001, feature: client.graphiceditor, licenseType: demo, quantity: 1, expires: permanent }\n        - { activationId: ACT-9C21-0005')
      .replace('    - { licenseServer: ls-main, activationId: ACT-7F3A-0003, quantity: 5 }', '    - { licenseServer: ls-main, activationId: ACT-DEMO-0001, quantity: 1 }\n    - { licenseServer: ls-main, activationId: ACT-7F3A-0003, quantity: 5 }');
    writeFileSync(plan, text);
    const all = await nodes();
    const blocked = [...all.values()].filter((n) => n.kind === 'pendingAction' && n.description?.includes('blocked'));
    assert.deepEqual(blocked.map((n) => `${n.label} · ${n.description}`), ['! activate ACT-DEMO-0001 ×1 · ls-main · blocked by BMS020']);
    assert.equal(blocked[0]!.location?.uri, Uri.file(plan).toString());
    await fake.commands.get('bmsLicense.activate')!([...all.values()].find((n) => n.target === 'ls-main' && n.kind === 'licenseServer'));
    const ledger = readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(ledger.map((e) => [e.op, e.target, e.activationId]), [['activate', 'ls-main', 'ACT-7F3A-0003']]);
    assert.match(fake.logged.join('\n'), /NOT DONE {2}ls-main: activate ACT-DEMO-0001 on ls-main: blocked by BMS020 plan\.bms\.yaml:\d+:/);
  });

  it('asks before a return and returns nothing when the answer is no', async () => {
    const es01 = () => nodes().then((all) => [...all.values()].find((n) => n.target === 'es-01')!);
    await fake.commands.get('bmsLicense.activate')!(await es01());
    const before = readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8');
    await fake.commands.get('bmsLicense.return')!(await es01());
    const ask = fake.messages.find((m) => m.message.startsWith('Return 2 license line(s) in 1 activation transaction(s) from site hospital-north?'))!;
    assert.equal((ask.options[0] as { modal: boolean }).modal, true);
    assert.match((ask.options[0] as { detail: string }).detail, /es-01: transaction .+: ACT-7F3A-0002 ×1, ACT-9C21-0003 ×2/);
    assert.equal(readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8'), before);
    assert.match(fake.messages.at(-1)!.message, /^Return, es-01 \(site hospital-north\): Return not confirmed: nothing was returned\.$/);

    fake.answers.push({ startsWith: 'Return 2 license line(s)', answer: 'Return' });
    await fake.commands.get('bmsLicense.return')!(await es01());
    assert.match(fake.messages.at(-1)!.message, /^Return, es-01 \(site hospital-north\): es-01: simulated: returned transaction/);
    assert.equal((await es01()).status, 'violation');
  });

  it('validates the workspace and sums it up, in an untrusted workspace too', async () => {
    fake.trusted = false;
    await fake.commands.get('bmsLicense.validateWorkspace')!();
    // (It also starts the language server, which cannot load here: that message is not the one checked.)
    const last = fake.messages.find((m) => m.message.startsWith('Validated'))!;
    assert.match(last.message, /^Validated 2 files: /);
    assert.equal(fake.logged.filter((l) => / BMS\d{3} /.test(l)).length, (last.message.match(/(\d+) (error|warning|information)/g) ?? []).reduce((n, m) => n + parseInt(m, 10), 0));
  });

  it('Validate Workspace judges with the same session as the CLI and the server: a cached usage reading gives BMS082', async () => {
    const reading = await importLmstat(join(__dirname, '../lmstat/fixtures/15-lmgrd-not-running-96.txt'));
    assert.ok(reading.ok);
    assert.ok((await writeUsage(root, toCachedUsage(reading.value, { site: 'hospital-north', licenseServer: 'ls-main', address: '@localhost' }))).ok);
    await fake.commands.get('bmsLicense.validateWorkspace')!();
    const bms082 = fake.logged.filter((l) => / BMS082 /.test(l));
    assert.equal(bms082.length, 1, fake.logged.join('\n'));
    assert.match(bms082[0]!, /site\.bms\.yaml:\d+:\d+/);
  });

  it('the language client takes *.bms.yaml and *.bms.yml (one set of globs) and hands the server the translations', async () => {
    const { startLanguageClient, stopLanguageClient } = require('../../../src/extension/client') as typeof import('../../../src/extension/client');
    await startLanguageClient({ subscriptions: [], asAbsolutePath: (p: string) => join(root, p) } as never);
    try {
      const selector = fake.clientOptions?.documentSelector ?? [];
      assert.deepEqual(selector, [{ scheme: 'file', language: 'bms-yaml' }, { scheme: 'file', pattern: BMS_GLOB }]);
      for (const name of ['plan.bms.yaml', 'plan.bms.yml', 'PLAN.BMS.YML']) assert.ok(BMS_FILE.test(name), name);
      assert.equal(BMS_GLOB, '**/*.bms.{yaml,yml}');
      assert.ok('l10nBundle' in (fake.clientOptions?.initializationOptions ?? {}));
    } finally {
      await stopLanguageClient();
    }
  });

  it('refuses to write in an untrusted workspace, and never offers offline files on a semi-online site', async () => {
    const site = (await provider().getChildren())[0] as TreeNode;
    fake.trusted = false;
    await fake.commands.get('bmsLicense.activate')!(site);
    assert.match(fake.messages.at(-1)!.message, /needs a trusted workspace/);
    assert.ok(!existsSync(join(root, 'hospital-north.ledger.jsonl')));
    fake.trusted = true;
    await fake.commands.get('bmsLicense.createOfflineRequests')!(site);
    assert.match(fake.messages.at(-1)!.message, /^Site 'hospital-north' is semi-online/);
    assert.equal(fake.progressTitles.length, 0);
  });

  it('the starter refuses to overwrite, and writes site, plan and .gitignore into an empty folder', async () => {
    await fake.commands.get('bmsLicense.createStarter')!();
    assert.match(fake.messages.at(-1)!.message, /^site\.bms\.yaml and plan\.bms\.yaml already exist: nothing was written/);
    rmSync(join(root, 'site.bms.yaml'));
    rmSync(join(root, 'plan.bms.yaml'));
    await fake.commands.get('bmsLicense.refresh')!();
    assert.equal(fake.contextKeys.get('bmsLicense.hasSites'), false);
    await fake.commands.get('bmsLicense.createStarter')!();
    assert.match(readFileSync(join(root, 'site.bms.yaml'), 'utf8'), /name: my-site/);
    assert.match(readFileSync(join(root, '.gitignore'), 'utf8'), /^\.bmslicense\/$/m);
    assert.equal(fake.contextKeys.get('bmsLicense.hasSites'), true);
  });
});


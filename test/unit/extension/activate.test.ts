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
    // The views are kept: the first activate() takes the view its bundle made as it loaded (extension.ts).
    Object.assign(fake, { trusted: true, messages: [], logged: [], findFilesCalls: 0, languageClientStarts: 0, answers: [], progressTitles: [], documents: [] });
    fake.contextKeys.clear();
    subscriptions = [];
    ext.activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => join(root, p) } as never);
  });
  afterEach(() => {
    for (const d of subscriptions) d.dispose();
  });

  /** The view of this activation. */
  const view = () => fake.treeViews.at(-1)!;
  const provider = () => view().options.treeDataProvider;
  /** Walks of the workspace for site files (the extension logs each). */
  const scans = () => fake.logged.filter((m) => /Read \d+ site\/plan file/.test(m)).length;
  const nodes = async (): Promise<Map<string, TreeNode>> => {
    const all = new Map<string, TreeNode>();
    const walk = (n: TreeNode) => (all.set(n.id, n), n.children.forEach(walk));
    ((await provider().getChildren()) as TreeNode[]).forEach(walk);
    return all;
  };

  it('registers every declared command and the view, reads nothing and starts no language server', () => {
    assert.deepEqual([...fake.commands.keys()].sort(), manifest.contributes.commands.map((c: { command: string }) => c.command).sort());
    const views = fake.treeViews.filter((v) => subscriptions.includes(v as object as { dispose(): unknown }));
    assert.equal(views.length, 1, 'one view, in context.subscriptions');
    assert.equal(views[0]!.id, 'bmsLicense.sites');
    assert.equal(scans(), 0);
    assert.equal(fake.languageClientStarts, 0);
    // Everything activate() registers goes away with context.subscriptions (what VS Code disposes on deactivate).
    assert.equal(views[0], view());
    for (const d of subscriptions.splice(0)) d.dispose();
    assert.deepEqual([...fake.commands.keys()], [], 'commands still registered after the subscriptions were disposed');
    assert.deepEqual([...fake.taskProviders.keys()], [], 'task providers still registered after the subscriptions were disposed');
  });

  it('opening the view reads the workspace; the language server starts once the view has its rows, not before', async () => {
    const turns = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    // Started, or tried to (here, from the sources, client.ts cannot be loaded: the extension says so).
    const serverStarts = () => fake.languageClientStarts + fake.logged.filter((l) => /language server did not start/.test(l)).length;
    view().setVisible(true);
    await provider().complete();
    await turns(3);
    assert.equal(scans(), 1);
    assert.equal(serverStarts(), 0, 'not while the view waits for its rows');
    assert.ok(((await provider().getChildren()) as TreeNode[]).length > 0);
    assert.match(fake.logged.join('\n'), /Rows given to the view/);
    for (const end = Date.now() + 5000; serverStarts() === 0 && Date.now() < end; ) await turns(1);
    assert.equal(serverStarts(), 1);
  });

  it('reads the workspace when the view asks for its rows, and maps nodes to tree items', async () => {
    const all = await nodes();
    assert.equal(scans(), 1);
    assert.equal(fake.contextKeys.get('bmsLicense.hasSites'), true);
    const es01 = [...all.values()].find((n) => n.target === 'es-01')!;
    const item = provider().getTreeItem(es01);
    assert.equal(item.id, es01.id);
    assert.equal(item.contextValue, 'bms.server.enterprise-server.toActivate');
    assert.equal(item.iconPath.id, 'server');
    assert.equal(item.description, 'Enterprise Server · 0/3 simulated');
    assert.match(item.tooltip.value, /\*\*es-01\*\* · Enterprise Server/);
    assert.deepEqual(item.command, { command: 'bmsLicense.revealInYaml', title: 'Reveal in YAML', arguments: [es01] });
    assert.equal(provider().getParent(es01).target, 'ec-01');
    // Planned and not activated yet: no badge (it shows by its counts); under-planned is what gets the warning badge.
    assert.equal(provider().provideFileDecoration(item.resourceUri), undefined);
    const fdp = provider().getTreeItem([...all.values()].find((n) => n.target === 'fdp-01')!);
    assert.equal(provider().provideFileDecoration(fdp.resourceUri), undefined);
  });

  it('a ledger with git conflict markers shows its site row as a problem, not as activated', async () => {
    const line = (target: string, id: string, tx: string) => JSON.stringify({ at: '2026-11-20T10:00:00Z', op: 'activate', site: 'hospital-north', target, activationId: id, quantity: 1, transaction: tx, mode: 'online', by: 'a' });
    writeFileSync(
      join(root, 'hospital-north.ledger.jsonl'),
      [line('es-01', 'ACT-7F3A-0002', 'T-1'), '<<<<<<< HEAD', line('ec-01', 'ACT-7F3A-0001', 'T-2'), '=======', line('as-01', 'ACT-9C21-0001', 'T-3'), '>>>>>>> other', ''].join('\n'),
    );
    const site = ((await provider().getChildren()) as TreeNode[])[0]!;
    assert.equal(site.status, 'ledger');
    assert.match(site.description, /merge conflict at line 2/);
    assert.doesNotMatch(site.description, /activated|simulated|\d+\/\d+/, "no counts from one side of a conflict");
    const item = provider().getTreeItem(site);
    const decoration = provider().provideFileDecoration(item.resourceUri);
    assert.equal(decoration.color.id, 'list.errorForeground');
    assert.notEqual(decoration.badge, '✓');
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
    assert.equal(scans(), 1, 'an edit does not scan the workspace again');

    // A workflow works on saved files: with the edit unsaved it asks first, and does nothing when told no.
    await fake.commands.get('bmsLicense.activate')!([...after.values()].find((n) => n.target === 'es-01'));
    assert.match(fake.messages.at(-1)!.message, /^Save site\.bms\.yaml first\?/);
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
    fake.answers.push({ startsWith: 'Activate 3 license(s)', answer: 'Activate' });
    await fake.commands.get('bmsLicense.activate')!(es01);
    assert.ok(fake.logged.some((l) => l.startsWith('Waiting for apply by anna')), fake.logged.join('\n'));
    assert.match(readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8'), /"op":"activate","site":"hospital-north","target":"es-01"/);
    assert.equal(existsSync(lock), false);
  });

  it('asks before activating, naming each license it consumes, and writes nothing when told no', async () => {
    const es01 = [...(await nodes()).values()].find((n) => n.target === 'es-01')!;
    await fake.commands.get('bmsLicense.activate')!(es01);
    const ask = fake.messages.find((m) => m.message.startsWith('Activate 3 license(s) on es-01'))!;
    assert.ok(ask, JSON.stringify(fake.messages));
    assert.equal((ask.options[0] as { modal: boolean }).modal, true);
    assert.match((ask.options[0] as { detail: string }).detail, /ACT-7F3A-0002 .* ×1 → es-01\nACT-9C21-0003 .* ×2 → es-01/);
    assert.deepEqual(ask.options.slice(1), ['Activate']);
    assert.ok(!existsSync(join(root, 'hospital-north.ledger.jsonl')));
    assert.equal(fake.progressTitles.length, 0);
    assert.equal(fake.contextKeys.get('bmsLicense.activated'), undefined, "the walkthrough's Activate step stays unticked");
  });

  it('activates a server from its tree node: ledger written, tree refreshed, message says what was done', async () => {
    const es01 = [...(await nodes()).values()].find((n) => n.target === 'es-01')!;
    fake.answers.push({ startsWith: 'Activate 3 license(s)', answer: 'Activate' });
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
    assert.match(last.message, /^Activate, es-01 .*simulated: .*ACT-7F3A-0002 ×1, ACT-9C21-0003 ×2 \(/);
    const after = [...(await nodes()).values()].find((n) => n.target === 'es-01')!;
    assert.equal(after.status, 'activated');
    assert.equal(fake.contextKeys.get('bmsLicense.activated'), true, "the walkthrough's Activate step ticks");
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
    assert.match(last.message, /^Site hospital-north: nothing was done\./);
    assert.match(last.message, / 1 problem .*\(BMS001: /);
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
      .replace('    - { licenseServer: ls-eng, activationId: ACT-7F3A-0004, quantity: 2 }', '    - { licenseServer: ls-eng, activationId: ACT-DEMO-0001, quantity: 1 }\n    - { licenseServer: ls-eng, activationId: ACT-7F3A-0004, quantity: 2 }');
    writeFileSync(plan, text);
    const all = await nodes();
    const blocked = [...all.values()].filter((n) => n.kind === 'pendingAction' && n.description?.includes('blocked'));
    assert.deepEqual(blocked.map((n) => [n.label, n.description]), [['! activate ACT-DEMO-0001 ×1', 'ls-eng · blocked by BMS020']]);
    assert.equal(blocked[0]!.location?.uri, Uri.file(plan).toString());
    fake.answers.push({ startsWith: 'Activate ', answer: 'Activate' });
    await fake.commands.get('bmsLicense.activate')!([...all.values()].find((n) => n.target === 'ls-eng' && n.kind === 'licenseServer'));
    const ledger = readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(ledger.map((e) => [e.op, e.target, e.activationId]), [['activate', 'ls-eng', 'ACT-7F3A-0004']]);
    const demoLine = text.split('\n').findIndex((l) => l.includes('licenseServer: ls-eng, activationId: ACT-DEMO-0001')) + 1;
    const notDone = fake.logged.join('\n').split('\n').find((l) => l.includes('NOT DONE')) ?? '';
    assert.match(notDone, /ls-eng: .*ACT-DEMO-0001 .*blocked by BMS020 /);
    assert.match(notDone, new RegExp(`BMS020 plan\\.bms\\.yaml:${demoLine}:`));
  });

  it('asks before a return and returns nothing when the answer is no', async () => {
    const es01 = () => nodes().then((all) => [...all.values()].find((n) => n.target === 'es-01')!);
    fake.answers.push({ startsWith: 'Activate ', answer: 'Activate' });
    await fake.commands.get('bmsLicense.activate')!(await es01());
    const before = readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8');
    await fake.commands.get('bmsLicense.return')!(await es01());
    const ask = fake.messages.find((m) => m.message.startsWith('Return 2 license line(s) in 1 activation transaction(s) from site hospital-north?'))!;
    assert.equal((ask.options[0] as { modal: boolean }).modal, true);
    assert.match((ask.options[0] as { detail: string }).detail, /es-01: transaction .+: ACT-7F3A-0002 ×1, ACT-9C21-0003 ×2/);
    assert.equal(readFileSync(join(root, 'hospital-north.ledger.jsonl'), 'utf8'), before);
    assert.match(fake.messages.at(-1)!.message, /^Return, es-01 .*: nothing was returned\.$/);

    fake.answers.push({ startsWith: 'Return 2 license line(s)', answer: 'Return' });
    await fake.commands.get('bmsLicense.return')!(await es01());
    assert.match(fake.messages.at(-1)!.message, /^Return, es-01 .*: simulated: returned transaction/);
    // Returned while still planned: not activated yet (a violation is what the BMS shows with nothing left to activate).
    assert.equal((await es01()).status, 'planned');
  });

  it('Review and Apply: the result counts the actions as the confirmation did', async () => {
    fake.answers.push({ startsWith: 'Apply ', answer: 'Apply' });
    await fake.commands.get('bmsLicense.reviewAndApply')!('hospital-north');
    const ask = fake.messages.find((m) => m.message.startsWith('Apply '))!;
    const asked = Number(/^Apply (\d+) action\(s\)/.exec(ask.message)![1]);
    const done = fake.messages.at(-1)!;
    assert.equal(done.severity, 'information', done.message);
    // The example is a simulator site: the count says simulated, never applied.
    const m = /^Site hospital-north: (\d+) of (\d+) action\(s\) simulated /.exec(done.message);
    assert.ok(m, done.message);
    assert.deepEqual([Number(m[1]), Number(m[2])], [asked, asked]);
  });

  it('validates the workspace and sums it up, in an untrusted workspace too', async () => {
    fake.trusted = false;
    await fake.commands.get('bmsLicense.validateWorkspace')!();
    // (It also starts the language server, which cannot load here: that message is not the one checked.)
    const last = fake.messages.find((m) => m.message.startsWith('Validated'))!;
    assert.match(last.message, /^Validated 2 files: /);
    assert.ok(fake.progressTitles.includes('Validate Workspace'), 'a cancellable progress while it validates');
    // The language server cannot start here (no dist/server.js): its message offers the reload it asks for.
    for (let i = 0; i < 100 && !fake.messages.some((m) => m.message.includes('language server did not start')); i++) await new Promise((r) => setTimeout(r, 10));
    const notStarted = fake.messages.find((m) => m.message.includes('language server did not start'));
    assert.ok(notStarted, JSON.stringify(fake.messages));
    assert.deepEqual(notStarted.options, ['Reload Window']);
    assert.equal(fake.logged.filter((l) => / BMS\d{3} /.test(l)).length, (last.message.match(/(\d+) (error|warning|information)/g) ?? []).reduce((n, m) => n + parseInt(m, 10), 0));
  });

  it('Validate Workspace can be cancelled: it says after how many files, and nothing else', async () => {
    fake.cancelProgress = true;
    await fake.commands.get('bmsLicense.validateWorkspace')!();
    const said = fake.messages.find((m) => m.message.startsWith('Validate Workspace cancelled'));
    assert.ok(said, JSON.stringify(fake.messages));
    assert.match(said.message, /after 0 of 2 files/);
    assert.ok(!fake.messages.some((m) => m.message.startsWith('Validated')));
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
      const status = fake.statusItems.at(-1)!;
      assert.equal(status.command?.command, 'bmsLicense.showOutput', 'the language status opens the output');
      assert.equal(status.busy, true, 'busy while the server starts');
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
    assert.match(fake.messages.at(-1)!.message, /already exist: nothing was written/);
    rmSync(join(root, 'site.bms.yaml'));
    rmSync(join(root, 'plan.bms.yaml'));
    await fake.commands.get('bmsLicense.refresh')!();
    assert.equal(fake.contextKeys.get('bmsLicense.hasSites'), false);
    await fake.commands.get('bmsLicense.createStarter')!();
    assert.match(readFileSync(join(root, 'site.bms.yaml'), 'utf8'), /name: my-site/);
    assert.match(readFileSync(join(root, '.gitignore'), 'utf8'), /^\.bmslicense\/$/m);
    assert.deepEqual(fake.shownDocuments.at(-1), { viewColumn: -2, preview: false }, 'the plan opens beside the walkthrough, which stays open');
    assert.equal(fake.contextKeys.get('bmsLicense.hasSites'), true);
  });
});


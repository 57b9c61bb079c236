// Refresh License Server Usage and Import lmstat Output… against the stand-in vscode and a fake lmutil.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TreeNode } from '../../../src/engine/tree/types';
import { installFakeVscode, type FakeState } from '../extension/fake-vscode';
import { fakeLmutil } from './fakeLmutil';
import { DOWN_15, upOutput } from './readings';

const EXAMPLE = join(__dirname, '../../../examples/hospital-north');
const cacheOf = (root: string, ls: string) => join(root, '.bmslicense', 'lmstat', 'hospital-north', `${ls}.json`);

describe('usage commands (stand-in vscode, fake lmutil)', function () {
  if (process.platform === 'win32') return;
  let root: string;
  let fake: FakeState;
  let sites: import('../../../src/extension/sites').SiteWorkspace;
  let subscriptions: { dispose(): unknown }[];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-usage-cmd-'));
    fake = installFakeVscode(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    rmSync(root, { recursive: true, force: true });
    cpSync(EXAMPLE, root, { recursive: true });
    fake = installFakeVscode(root);
    fake.commands.clear();
    const { SiteWorkspace } = require('../../../src/extension/sites') as typeof import('../../../src/extension/sites');
    const { Log } = require('../../../src/extension/log') as typeof import('../../../src/extension/log');
    const { usageCommands } = require('../../../src/extension/usage') as typeof import('../../../src/extension/usage');
    const { watchUsage } = require('../../../src/extension/usage/watch') as typeof import('../../../src/extension/usage/watch');
    const { registerSome } = require('../../../src/extension/commands/registry') as typeof import('../../../src/extension/commands/registry');
    const log = new Log();
    sites = new SiteWorkspace(log);
    subscriptions = [log, sites];
    // As activate() and dist/features.js do: the watchers at once, the commands' handlers.
    watchUsage({ subscriptions } as never, sites);
    subscriptions.push(...registerSome(usageCommands({ sites, log }), log));
  });
  afterEach(() => {
    for (const d of subscriptions) d.dispose();
  });

  const run = (id: string, arg?: unknown) => fake.commands.get(id)!(arg) as Promise<void>;
  const node = async (suffix: string): Promise<TreeNode> => {
    await sites.load();
    return [...sites.current.byId.values()].find((n) => n.id.endsWith(suffix))!;
  };

  it('Refresh on a License Server runs lmutil for its address, caches the reading and shows it in the tree', async () => {
    const lmutil = fakeLmutil({ text: upOutput('ec01', { 'client.station': [5, 2, ['jsmith', 'operator']], 'client.graphiceditor': [2, 0] }) });
    fake.config['bmsLicense.lmstat.path'] = lmutil.path;
    await run('bmsLicense.refreshUsage', await node('/licenseServer:ls-main'));
    assert.deepEqual(readFileSync(lmutil.argsFile, 'utf8').trim().split('\n'), ['lmstat', '-a', '-c', '@localhost']);
    assert.deepEqual(fake.progressTitles, ['Refresh License Server Usage']);
    const cached = JSON.parse(readFileSync(cacheOf(root, 'ls-main'), 'utf8'));
    assert.deepEqual([cached.state, cached.address, cached.source.command], ['up', '@localhost', `${lmutil.path} lmstat -a -c @localhost`]);
    assert.equal(fake.messages.length, 1);
    assert.equal(fake.messages[0].severity, 'information');
    assert.match(fake.messages[0].message, / UTC: ls-main: up, 2 features, 2 seats in use\.$/);
    const ls = await node('/licenseServer:ls-main');
    assert.deepEqual(ls.children.map((c) => [c.label, c.description.replace(/ · \d{4}.*$/, '')]), [
      ['Usage', 'up'],
      ['client.station', '2 / 5'],
      ['client.graphiceditor', '0 / 2'],
    ]);
    assert.equal(existsSync(cacheOf(root, 'ls-eng')), false, 'only the License Server asked for');
  });

  it('Refresh on a site reads every License Server; a down one is cached with its error and warned about', async () => {
    const lmutil = fakeLmutil({ text: DOWN_15, exitCode: 1 });
    fake.config['bmsLicense.lmstat.path'] = lmutil.path;
    await run('bmsLicense.refreshUsage', await node('site:hospital-north'));
    assert.equal(JSON.parse(readFileSync(cacheOf(root, 'ls-eng'), 'utf8')).address, '27010@eng01.hospital.local');
    assert.equal(JSON.parse(readFileSync(cacheOf(root, 'ls-main'), 'utf8')).error.code, '-15');
    assert.equal(fake.messages[0].severity, 'warning');
    assert.match(fake.messages[0].message, /ls-main: DOWN \(-15 /);
    assert.match(fake.messages[0].message, /is running/);
    assert.match(fake.messages[0].message, /; ls-eng: DOWN/);
    assert.match((await node('/licenseServer:ls-eng')).description, / · down$/);
  });

  it('from the palette, asks which License Server (or all of a site)', async () => {
    const lmutil = fakeLmutil({ text: upOutput('ec01', {}) });
    fake.config['bmsLicense.lmstat.path'] = lmutil.path;
    let offered: string[] = [];
    fake.quickPick = (items) => {
      offered = items.map((i) => i.label);
      return items.find((i) => i.label === 'ls-eng');
    };
    await run('bmsLicense.refreshUsage');
    assert.deepEqual(offered, ['All License Servers of hospital-north', 'ls-main', 'ls-eng']);
    assert.deepEqual([existsSync(cacheOf(root, 'ls-main')), existsSync(cacheOf(root, 'ls-eng'))], [false, true]);
  });

  it('a missing lmutil says how to fix it, offers the settings and the import, and caches nothing', async () => {
    fake.config['bmsLicense.lmstat.path'] = join(root, 'no', 'lmutil');
    await run('bmsLicense.refreshUsage', await node('site:hospital-north'));
    assert.equal(fake.messages.length, 1);
    assert.match(fake.messages[0].message, /bmsLicense\.lmstat\.path/);
    assert.match(fake.messages[0].message, /'Import lmstat Output…'/);
    assert.equal(fake.messages[0].message.match(/lmutil was not found/g)?.length, 1, 'said once, not per License Server');
    assert.deepEqual(fake.messages[0].options, ['Open Settings', 'Import lmstat Output…']);
    assert.equal(existsSync(join(root, '.bmslicense')), false);
  });

  it('refuses to run a program in an untrusted workspace', async () => {
    const lmutil = fakeLmutil({ text: upOutput('ec01', {}) });
    fake.config['bmsLicense.lmstat.path'] = lmutil.path;
    fake.trusted = false;
    await run('bmsLicense.refreshUsage', await node('/licenseServer:ls-main'));
    assert.equal(existsSync(lmutil.pidFile), false);
    assert.match(fake.messages[0].message, /needs a trusted workspace/);
  });

  it('Import lmstat Output… reads the picked file for the License Server it was run on', async () => {
    const saved = join(root, 'lmstat-ls-eng.txt');
    writeFileSync(saved, upOutput('eng01', { 'client.script': [1, 1, ['dev']] }));
    fake.openDialog = [saved];
    await run('bmsLicense.importLmstat', await node('/licenseServer:ls-eng'));
    const cached = JSON.parse(readFileSync(cacheOf(root, 'ls-eng'), 'utf8'));
    assert.deepEqual([cached.source, cached.address], [{ kind: 'file', file: saved }, '27010@eng01.hospital.local']);
    assert.deepEqual((await node('/licenseServer:ls-eng/feature:client.script')).children.map((c) => c.label), ['dev']);
    fake.openDialog = [join(root, 'site.bms.yaml')];
    await run('bmsLicense.importLmstat', await node('/licenseServer:ls-eng'));
    assert.match(fake.messages.at(-1)!.message, /holds no lmstat output/);
  });
});

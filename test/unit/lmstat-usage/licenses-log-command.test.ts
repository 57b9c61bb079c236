// Import Licenses Log… against the stand-in vscode: the summary is kept and the License Server node shows it.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TreeNode } from '../../../src/engine/tree/types';
import { installFakeVscode, type FakeState } from '../extension/fake-vscode';

const EXAMPLE = join(__dirname, '../../../examples/hospital-north');
const LOG = join(__dirname, '../lmstat/licenses-log/04-bms-site-clock-difference-constructed.log');

describe('Import Licenses Log… (stand-in vscode)', () => {
  let root: string;
  let fake: FakeState;
  let sites: import('../../../src/extension/sites').SiteWorkspace;
  let subscriptions: { dispose(): unknown }[];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-llog-cmd-'));
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
    rmSync(root, { recursive: true, force: true });
  });

  const node = async (suffix: string): Promise<TreeNode> => {
    await sites.load();
    return [...sites.current.byId.values()].find((n) => n.id.endsWith(suffix))!;
  };

  it('on a License Server node: keeps the summary, warns with the clock-difference advice, and the node shows the denials', async () => {
    fake.openDialog = [LOG];
    await fake.commands.get('bmsLicense.importLicensesLog')!(await node('/licenseServer:ls-main'));
    assert.deepEqual(fake.messages.map((m) => m.severity), ['warning']);
    assert.match(fake.messages[0].message, /^Licenses log of ls-main: 13 /);
    assert.match(fake.messages[0].message, /4 denied \(2 clock difference\) · 1 queued\./);
    assert.match(fake.messages[0].message, /the clock of ws-lobby /);
    assert.ok(existsSync(join(root, '.bmslicense', 'licenses-log', 'hospital-north', 'ls-main.json')));
    await sites.load();
    sites.flush();
    const ls = await node('/licenseServer:ls-main');
    assert.match(ls.description, /log: 4 denied \(2 clock difference\) · 1 queued/);
    assert.ok(ls.children.some((c) => c.label === 'Licenses log'));
  });

  it('refuses a file with no checkout event, and keeps nothing', async () => {
    const junk = join(root, 'not-a-log.txt');
    writeFileSync(junk, 'hello\nworld\n');
    fake.openDialog = [junk];
    await fake.commands.get('bmsLicense.importLicensesLog')!(await node('/licenseServer:ls-main'));
    assert.deepEqual(fake.messages.map((m) => m.severity), ['warning']);
    assert.match(fake.messages[0].message, /OUT:, IN:, DENIED: or QUEUED:/);
    assert.match(fake.messages[0].message, /Nothing was imported\./);
    assert.ok(!existsSync(join(root, '.bmslicense', 'licenses-log')));
  });
});

// "Show 7.0 Upgrade Report" against the stand-in vscode: an untitled Markdown document from the engine's report.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFakeVscode, type FakeState } from './fake-vscode';

const EXAMPLES = join(__dirname, '../../../examples');

describe('extension: Show 7.0 Upgrade Report', () => {
  let root: string;
  let fake: FakeState;
  let subscriptions: { dispose(): unknown }[];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-upgrade-'));
    cpSync(join(EXAMPLES, 'riverside-plant'), join(root, 'riverside-plant'), { recursive: true });
    cpSync(join(EXAMPLES, 'lakeside-campus'), join(root, 'lakeside-campus'), { recursive: true });
    fake = installFakeVscode(root);
    subscriptions = [];
    const ext = require('../../../src/extension/extension') as typeof import('../../../src/extension/extension');
    ext.activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => join(root, p) } as never);
  });
  afterEach(() => {
    for (const d of subscriptions) d.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('opens the upgrade report of the picked 6.0 site as Markdown, also in Restricted Mode', async () => {
    fake.trusted = false;
    fake.quickPick = (items) => items.find((i) => (typeof i === 'string' ? i : i.label) === 'riverside-plant');
    await fake.commands.get('bmsLicense.upgradeReport')!();
    assert.equal(fake.opened.length, 1, JSON.stringify(fake.messages));
    assert.equal(fake.opened[0].language, 'markdown');
    assert.match(fake.opened[0].content!, /^# Upgrade report: riverside-plant, EBO 6\.0 \(2024\) → 7\.0\n/);
    const moves = fake.opened[0].content!.split('\n## Needs a new entitlement through Device Administrator\n')[1];
    assert.ok(moves, 'the section of licenses that need a new entitlement');
    assert.match(moves.split('\n## ')[0]!, /server\.enterprise\.base \| network \| centralized/);
  });

  it('says there is nothing to upgrade on a 7.0 site, and opens nothing', async () => {
    await fake.commands.get('bmsLicense.upgradeReport')!('lakeside-campus');
    assert.equal(fake.opened.length, 0);
    assert.deepEqual(fake.messages.map((m) => m.severity), ['information']);
    assert.match(fake.messages[0]!.message, /'lakeside-campus' is already EBO 7\.0/);
  });
});

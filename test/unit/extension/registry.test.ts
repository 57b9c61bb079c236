// The one command registration, from the user's side: a command that fails says which command (its title,
// never its id), what failed and what to do next, and mentions the ledger only when it writes one.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../src/extension/commands/definitions';
import { installFakeVscode, type FakeState } from './fake-vscode';
import { EXAMPLE } from './fixture';

describe('one command registration (stand-in vscode)', () => {
  let parent: string;
  let root: string;
  let fake: FakeState;
  let subscriptions: { dispose(): unknown }[];

  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'bms-registry-'));
    root = join(parent, 'w');
    cpSync(EXAMPLE, root, { recursive: true });
    fake = installFakeVscode(root);
    fake.commands.clear();
    subscriptions = [];
    (require('../../../src/extension/extension') as typeof import('../../../src/extension/extension')).activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => join(root, p) } as never);
  });
  afterEach(() => {
    for (const d of subscriptions) d.dispose();
    rmSync(parent, { recursive: true, force: true });
  });

  it('registers every command of the table once', () => {
    assert.deepEqual([...fake.commands.keys()].sort(), COMMANDS.map((c) => c.id).sort());
  });

  it('a disk error in Refresh Sites names the command by its title, offers details, and says no ledger', async () => {
    rmSync(root, { recursive: true, force: true }); // the folder went away under VS Code
    await fake.commands.get('bmsLicense.refresh')!();
    const failure = fake.messages.find((m) => m.severity === 'error');
    assert.ok(failure, JSON.stringify(fake.messages));
    assert.match(failure.message, /^Refresh Sites did not finish: /, 'the command by its title');
    assert.match(failure.message, /no such file or folder/);
    assert.doesNotMatch(failure.message, /bmsLicense\./);
    assert.doesNotMatch(failure.message, /ledger/);
    assert.deepEqual(failure.options, ['Show Details', 'Try Again']);
    assert.ok(fake.logged.some((l) => l.startsWith('bmsLicense.refresh: ')), 'the stack is in the output');
  });

  it('a failure of a command that writes the ledger says the steps done are recorded there', async () => {
    fake.quickPick = () => {
      throw new Error('the picker crashed');
    };
    await fake.commands.get('bmsLicense.activate')!();
    const failure = fake.messages.find((m) => m.severity === 'error')!;
    assert.match(failure.message, /^Activate Licenses did not finish: /, 'the command by its title');
    assert.ok(failure.message.includes(': the picker crashed.'), 'the error as thrown');
    assert.match(failure.message, /recorded in the ledger/);
  });

  it('Try Again runs the same command again', async () => {
    let calls = 0;
    fake.quickPick = () => {
      calls++;
      if (calls === 1) throw new Error('boom');
      return undefined;
    };
    fake.answers.push({ startsWith: 'Activate Licenses did not finish', answer: 'Try Again' });
    await fake.commands.get('bmsLicense.activate')!();
    for (let i = 0; i < 50 && calls < 2; i++) await new Promise((r) => setImmediate(r));
    assert.equal(calls, 2);
  });
});

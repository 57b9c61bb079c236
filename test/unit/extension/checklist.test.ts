// The checklist of a vendor-tools site in the extension (stand-in vscode): Review and Apply and the node commands
// open it; only what is answered Done is recorded (one ledger event per license line, via the tool, by the user).
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TreeNode } from '../../../src/engine/tree/types';
import { installFakeVscode, type FakeState } from './fake-vscode';
import { EXAMPLE, targetNode } from './fixture';

type Item = { label: string; description?: string };

describe('extension (stand-in vscode): the checklist of a vendor-tools site', () => {
  let root: string;
  let fake: FakeState;
  let ext: typeof import('../../../src/extension/extension');
  let subscriptions: { dispose(): unknown }[];
  /** Each QuickPick shown: its title and items. */
  let shown: { title: string; items: Item[]; active?: Item }[];
  /** What to pick in each QuickPick, in order: a label pattern, or undefined (Escape). */
  let script: (RegExp | undefined)[];
  const ledger = () => join(root, 'hospital-north.ledger.jsonl');
  const events = (): Record<string, unknown>[] => (existsSync(ledger()) ? readFileSync(ledger(), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>) : []);
  const setActivation = (way: string) => {
    const file = join(root, 'site.bms.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}activation: .*$/m, `  activation: ${way}`));
  };

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-ext-checklist-'));
    fake = installFakeVscode(root);
    ext = require('../../../src/extension/extension');
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    rmSync(root, { recursive: true, force: true });
    cpSync(EXAMPLE, root, { recursive: true });
    setActivation('vendor-tools');
    // The views are kept: the first activate() takes the view its bundle made as it loaded (extension.ts).
    Object.assign(fake, { trusted: true, messages: [], logged: [], answers: [], progressTitles: [], documents: [], inputBoxes: [], inputBoxPrompts: [], clipboard: [], external: [], config: {} });
    shown = [];
    script = [];
    fake.quickPick = (items, options) => {
      shown.push({ title: options?.title ?? '', items: items as Item[], active: options?.activeItems?.[0] as Item | undefined });
      const want = script.shift();
      return want ? items.find((i) => want.test(i.label)) : undefined;
    };
    subscriptions = [];
    ext.activate({ subscriptions, secrets: { get: async () => undefined }, asAbsolutePath: (p: string) => join(root, p) } as never);
  });
  afterEach(() => {
    for (const d of subscriptions) d.dispose();
    fake.quickPick = () => undefined;
  });

  it('Review and Apply: Done records (values copied, vendor id kept), Failed and Skip record nothing, other values are recorded as given, Escape stops', async () => {
    script = [/ACT-7F3A-0004/, /Done$/, /Failed/, /Skip/, /other values/, undefined];
    // Step 1: the vendor's id; step 2: the tool's message; step 4: quantities 1 and 1 (planned 1 and 2), no vendor id.
    fake.inputBoxes = ['FID-2211', 'FlexNet error -7288', '1', '1', ''];
    await fake.commands.get('bmsLicense.reviewAndApply')!('hospital-north');

    // The first step, License Administrator on ls-eng's computer: its values are there to copy.
    assert.match(shown[0]!.title, /Step 1 of 10: License Administrator .*eng01/);
    assert.ok(shown[0]!.items.some((i) => i.label.includes('ACT-7F3A-0004') && i.description === 'Activation ID'));
    assert.ok(shown[0]!.items.some((i) => /Help topic 12688/.test(i.label)));
    assert.deepEqual(fake.clipboard, ['ACT-7F3A-0004']);
    assert.match(shown[1]!.items.find((i) => i.label.includes('ACT-7F3A-0004'))!.description!, /copied/, 'the copied value is marked');
    assert.equal(shown[1]!.title, shown[0]!.title, 'the step stays open after a copy');
    assert.match(shown[1]!.active?.label ?? '', /ACT-7F3A-0004/, 'the focus stays on the copied value');
    assert.match(shown.at(-1)!.title, /Step 5 of 10: Device Administrator, .*as-01/);

    const recorded = events().filter((e) => e.op === 'activate');
    assert.deepEqual(
      recorded.map((e) => [e.target, e.activationId, e.quantity, e.via, e.vendorRef]),
      [
        ['ls-eng', 'ACT-7F3A-0004', 2, 'license-administrator', 'FID-2211'],
        ['es-02', 'ACT-7F3A-0002', 1, 'device-administrator', undefined],
        ['es-02', 'ACT-9C21-0003', 1, 'device-administrator', undefined],
      ],
    );
    assert.ok(recorded.every((e) => typeof e.by === 'string' && e.by !== ''), 'by: the user');
    assert.equal(new Set(recorded.filter((e) => e.target === 'es-02').map((e) => e.transaction)).size, 1, 'one step, one transaction');
    const end = fake.messages.at(-1)!;
    assert.match(end.message, /2 step\(s\) recorded/);
    assert.match(end.message, /1 failed/);
    assert.match(end.message, /6 not reached/);
    assert.ok(fake.logged.some((l) => l.includes('FlexNet error -7288')), 'the failure is logged');

    // The tree counts them and its tooltips say where they came from.
    const [site] = (await fake.treeViews.at(-1)!.options.treeDataProvider.getChildren()) as TreeNode[];
    const lsEng = targetNode(site!, 'ls-eng');
    assert.match(lsEng.description ?? '', /2\/2 activated/);
    assert.match(String(lsEng.tooltip), /recorded from License Administrator/);
    assert.match(String(targetNode(site!, 'es-02').tooltip), /recorded from Device Administrator/);
  });

  it('a node command opens only its target\'s steps; Escape on the vendor id records nothing', async () => {
    const [site] = (await fake.treeViews.at(-1)!.options.treeDataProvider.getChildren()) as TreeNode[];
    script = [/Done$/];
    fake.inputBoxes = [undefined];
    await fake.commands.get('bmsLicense.activate')!(targetNode(site!, 'as-01'));
    assert.equal(shown.length, 1);
    assert.match(shown[0]!.title, /Step 1 of 1: .*server as-01/);
    assert.deepEqual(events(), []);
    assert.match(fake.messages.at(-1)!.message, /0 step\(s\) recorded/);
    assert.ok(!existsSync(join(root, '.bmslicense', 'las-sim')), 'no simulator was used');
  });

  it('the other values are checked: a quantity must be a whole number of 1 or more', async () => {
    const [site] = (await fake.treeViews.at(-1)!.options.treeDataProvider.getChildren()) as TreeNode[];
    script = [/other values/];
    fake.inputBoxes = [undefined];
    await fake.commands.get('bmsLicense.activate')!(site);
    const q = fake.inputBoxPrompts[0]!;
    assert.match(q.prompt ?? '', /Quantity of ACT-7F3A-0004/);
    assert.equal(q.value, '2');
    assert.equal(q.validateInput!('3'), undefined);
    assert.match(String(q.validateInput!('0')), /whole number/);
    assert.deepEqual(events(), []);
  });

  it('speaks the display language (French): the answers and the step title', async () => {
    const [site] = (await fake.treeViews.at(-1)!.options.treeDataProvider.getChildren()) as TreeNode[];
    fake.l10nBundle = join(__dirname, '../../../l10n/bundle.l10n.fr.json');
    try {
      script = [undefined];
      await fake.commands.get('bmsLicense.activate')!(targetNode(site!, 'as-01'));
    } finally {
      fake.l10nBundle = undefined;
    }
    assert.match(shown[0]!.title, /^Étape 1 sur 1 : /);
    const labels = shown[0]!.items.map((i) => i.label);
    for (const word of ['Fait', 'Échec…', 'Passer']) assert.ok(labels.some((l) => l.endsWith(` ${word}`)), `${word} in ${labels.join(' | ')}`);
    assert.match(fake.messages.at(-1)!.message, /étape\(s\) enregistrée\(s\)/);
  });

  it('the site chooses the LAS, not the setting: a simulator site with the mode set to http uses the simulator and says "simulated"', async () => {
    for (const d of subscriptions) d.dispose();
    setActivation('simulator');
    fake.config['bmsLicense.activation.mode'] = 'http';
    fake.config['bmsLicense.activation.url'] = 'http://127.0.0.1:9';
    subscriptions = [];
    ext.activate({ subscriptions, secrets: { get: async () => undefined }, asAbsolutePath: (p: string) => join(root, p) } as never);
    const [site] = (await fake.treeViews.at(-1)!.options.treeDataProvider.getChildren()) as TreeNode[];
    fake.answers.push({ startsWith: 'Activate ', answer: 'Activate' });
    await fake.commands.get('bmsLicense.activate')!(targetNode(site!, 'ec-01'));
    assert.equal(shown.length, 0, 'no checklist on a simulator site');
    assert.match(fake.messages.at(-1)!.message, /simulated: activated ACT-7F3A-0001/);
    assert.deepEqual(events().filter((e) => e.op === 'activate').map((e) => e.via), ['simulator']);

    fake.answers.push({ startsWith: 'Apply ', answer: 'Apply' });
    await fake.commands.get('bmsLicense.reviewAndApply')!('hospital-north');
    assert.equal(fake.messages.find((m) => m.message.startsWith('Apply '))?.options.some((o) => /activation: simulator/.test(String((o as { detail?: string }).detail))), true, 'the confirmation says it is the simulator');
    assert.match(fake.messages.at(-1)!.message, /simulated by the built-in simulator/);
    assert.doesNotMatch(fake.messages.at(-1)!.message, /applied/);
  });
});

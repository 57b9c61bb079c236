// In a French VS Code, what the engineer sees is French: the tree's rows and tooltips, the confirmation
// before an activation, Validate Workspace's progress and summary, the pending rows (stand-in vscode with
// VS Code's French bundle, which the extension also hands to the engine's t()).
import { decorationOf } from '../../../src/extension/tree/presentation';
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TreeNode } from '../../../src/engine/tree/types';
import { installFakeVscode, type FakeState } from './fake-vscode';
import { EXAMPLE, targetNode } from './fixture';

const FRENCH = join(__dirname, '../../../l10n/bundle.l10n.fr.json');

describe('the extension in a French VS Code (stand-in vscode)', () => {
  let root: string;
  let fake: FakeState;
  let subscriptions: { dispose(): unknown }[];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-fr-'));
    cpSync(EXAMPLE, root, { recursive: true });
    fake = installFakeVscode(root);
    fake.commands.clear();
    fake.l10nBundle = FRENCH;
    subscriptions = [];
    (require('../../../src/extension/extension') as typeof import('../../../src/extension/extension')).activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => join(root, p) } as never);
  });
  after(() => {
    for (const d of subscriptions) d.dispose();
    fake.l10nBundle = undefined;
    // The engine's bundle is process-wide: back to English for the other suites.
    (require('@vscode/l10n') as typeof import('@vscode/l10n')).config({ contents: {} });
    rmSync(root, { recursive: true, force: true });
  });

  const site = async (): Promise<TreeNode> => ((await fake.treeViews[0].options.treeDataProvider.getChildren()) as TreeNode[])[0]!;

  it('the tree: counts, tooltips and pending rows', async () => {
    const s = await site();
    // The example is a simulator site: its counts say simulated, in French too.
    assert.match(s.description, /simulateur · 0\/20 simulées/);
    assert.match(s.tooltip, /0 des 20 licences planifiées simulées/);
    const es01 = targetNode(s, 'es-01');
    assert.match(es01.tooltip, /Statut : /);
    assert.match(es01.tooltip, /Pas encore activée/);
    assert.doesNotMatch(es01.tooltip, /Status:|Not activated yet|\*\*Licenses\*\*/);
    const pending = s.children.find((c) => c.kind === 'pendingChanges')!;
    const rows = (pending as TreeNode & { rows?: () => TreeNode[] }).rows?.() ?? pending.children;
    assert.ok(rows.some((r) => /^\+ activer /.test(r.label)), rows.map((r) => r.label).join(', '));
    const item = fake.treeViews[0].options.treeDataProvider.getTreeItem(es01);
    assert.equal(item.command.title, 'Afficher dans le YAML');
    // Planned, not activated yet: no badge; the badges of the other states speak French too.
    assert.equal(fake.treeViews[0].options.treeDataProvider.provideFileDecoration(item.resourceUri), undefined);
    assert.match(decorationOf('violation')!.tooltip, /Violation de licence/);
  });

  it('the confirmation before an activation, and Validate Workspace', async () => {
    await fake.commands.get('bmsLicense.activate')!(targetNode(await site(), 'es-01'));
    const ask = fake.messages.at(-1)!;
    // sentence: the translation is the subject (the whole French question, its spacing before '?' included)
    assert.match(ask.message, /^Activer 3 licence\(s\) sur es-01 \(site hospital-north\) \?$/);
    assert.deepEqual(ask.options.slice(1), ['Activer']);
    await fake.commands.get('bmsLicense.validateWorkspace')!();
    assert.ok(fake.progressTitles.includes("Valider l'espace de travail"), fake.progressTitles.join(', '));
    const summary = fake.messages.find((m) => m.message.includes('validé'));
    assert.ok(summary, JSON.stringify(fake.messages.map((m) => m.message)));
    // Nothing the engineer was shown is in English.
    for (const m of fake.messages) assert.doesNotMatch(m.message, /\b(the|was|with|first|nothing|Validated)\b/, m.message);
  });

  it("the dashboard's page carries its loading text in the display language, escaped", () => {
    const { dashboardHtml } = require('../../../src/extension/dashboard/html') as typeof import('../../../src/extension/dashboard/html');
    const html = dashboardHtml({ cspSource: 'vscode-resource:', scriptUri: 'x.js', nonce: 'n', title: 'Licences : s', loading: 'Chargement <du> tableau…' });
    assert.match(html, /<p class="empty" id="loading">Chargement &lt;du&gt; tableau…<\/p>/);
  });

  it('every message, picker and dialog text of the extension goes through a translation', () => {
    const dir = join(__dirname, '../../../src/extension');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const raw: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      // A literal as the message, or as a title, prompt, placeholder or button label the engineer reads.
      for (const m of text.matchAll(/show(?:Information|Warning|Error)Message\(\s*(?:['"]|`(?!\$\{))|\b(?:placeHolder|prompt|openLabel): [`'"]/g)) raw.push(`${f}: ${m[0]}`);
    }
    assert.deepEqual(raw, []);
  });
});

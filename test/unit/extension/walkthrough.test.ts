import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { codeActions } from '../../../src/engine/service/codeActions';
import { toLspDiagnostic } from '../../../src/engine/service/lsp';
import type { LiveWorkspace } from '../../../src/engine/service/workspace';
import { LineIndex } from '../../../src/engine/text';
import { validateWorkspace } from '../../../src/engine/validate';
import { STARTER_PLAN, STARTER_SITE } from '../../../src/extension/starter/templates';
import { manifest } from './manifest';

const ROOT = join(__dirname, '../../..');

interface Step {
  id: string;
  description: string;
  media: { svg: string; altText: string };
  completionEvents: string[];
}
const walkthrough: { steps: Step[] } = manifest.contributes.walkthroughs[0];
/** VS Code's own commands the tour links to; every other link must be one of ours. */
const BUILT_IN = ['vscode.openFolder', 'workbench.view.extension.bmsLicense', 'workbench.action.quickOpen', 'workbench.actions.view.problems'];
/** The context keys the extension sets (`setContext`), from its sources. */
const CONTEXT_KEYS_SET = new Set(
  (readdirSync(join(ROOT, 'src/extension'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(ROOT, 'src/extension', f), 'utf8').matchAll(/'setContext', '([\w.]+)'/g)].map((m) => m[1]!)),
);
const linkedCommands = (s: Step) => [...s.description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);

describe('the walkthrough', () => {
  it('tours starter → tree → a problem → its fix → activation → dashboard', () => {
    assert.equal(manifest.contributes.walkthroughs.length, 1);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['createStarter', 'openTree', 'seeProblem', 'fixIt', 'activate', 'openDashboard']);
  });

  it('links only to commands that exist, and each step completes by one of its own links or views', () => {
    const ours = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => (v as { id: string }).id));
    assert.ok(manifest.contributes.viewsContainers.activitybar.some((c: { id: string }) => `workbench.view.extension.${c.id}` === BUILT_IN[1]));
    for (const step of walkthrough.steps) {
      const links = linkedCommands(step);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const c of links) assert.ok(ours.has(c) || BUILT_IN.includes(c), `${step.id}: ${c}`);
      for (const e of step.completionEvents) {
        const [kind, id] = e.split(':');
        if (kind === 'onCommand') assert.ok(links.includes(id), `${step.id}: ${e} is one of its buttons`);
        else if (kind === 'onContext') assert.ok(CONTEXT_KEYS_SET.has(id), `${step.id}: ${e} is a context key the extension sets`);
        else assert.ok(kind === 'onView' && views.has(id), `${step.id}: ${e}`);
      }
    }
  });

  it('has a picture for every step, themed SVG with a description', () => {
    for (const step of walkthrough.steps) {
      const file = join(ROOT, step.media.svg);
      assert.ok(existsSync(file), step.media.svg);
      const svg = readFileSync(file, 'utf8');
      const root = svg.slice(0, svg.indexOf('>'));
      assert.match(root, /^<svg /);
      assert.match(root, / xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(root, / viewBox="0 0 480 300"/);
      assert.match(svg, /var\(--vscode-foreground/, 'follows the colour theme');
      assert.ok(svg.length < 8_000 && step.media.altText.length > 20, step.id);
      // A picture is not a control: nothing in it may look like a button the engineer would click in vain.
      assert.doesNotMatch(svg, /--vscode-button-background/, `${step.id} draws a button`);
    }
  });

  it('ticks "Activate" only on a real activation, and "Open the tree" once the view has shown', () => {
    const activate = walkthrough.steps.find((s) => s.id === 'activate')!;
    assert.deepEqual(activate.completionEvents, ['onContext:bmsLicense.activated'], 'a command run that fails must not tick the step');
    const tree = walkthrough.steps.find((s) => s.id === 'openTree')!;
    assert.ok(tree.completionEvents.includes('onContext:bmsLicense.treeShown'));
  });

  it("what the problem and fix steps promise is what the starter does: BMS010, 'Did you mean', Change to 'as-01'", () => {
    const step = walkthrough.steps.find((s) => s.id === 'seeProblem')!;
    const [, from, to] = /change `(server: [\w-]+)` to `(server: [\w-]+)`/.exec(step.description)!;
    assert.ok(STARTER_PLAN.includes(from));
    const index = new WorkspaceIndex();
    index.setText('file:///w/site.bms.yaml', STARTER_SITE);
    index.setText('file:///w/plan.bms.yaml', STARTER_PLAN);
    assert.deepEqual([...validateWorkspace(index).values()].flat(), [], 'the starter is clean');
    const broken = STARTER_PLAN.replace(from, to);
    index.setText('file:///w/plan.bms.yaml', broken);
    const found = validateWorkspace(index).get('file:///w/plan.bms.yaml')!;
    assert.deepEqual(found.map((d) => d.code), ['BMS010']);
    assert.match(found[0].message, /no server 'as-1'\./);
    assert.equal(found[0].data?.suggestion, 'as-01');
    const lines = new LineIndex(broken);
    const fixes = codeActions({} as LiveWorkspace, 'file:///w/plan.bms.yaml', [toLspDiagnostic(found[0], lines, () => undefined)]);
    const fixStep = walkthrough.steps.find((s) => s.id === 'fixIt')!;
    assert.ok(fixStep.description.includes(`**${fixes[0].title}**`), fixes[0].title);
  });
});

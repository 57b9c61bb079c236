// The checklist of a site licensed with the vendor's tools (`activation: vendor-tools`): Review and Apply and the
// node commands open it instead of calling an activation server. One QuickPick per step (kept open while the
// engineer works in License Administrator or Device Administrator): the tool, the computer, each value one
// Enter from the clipboard, the help topics, then Done / Done with other values / Failed / Skip. Escape records
// nothing for the step and stops. Only what is answered Done is recorded, by the engine's record (the code of
// `bmslicense record`): one ledger event per license line, with via (the tool) and by, under the site's lock.
import * as vscode from 'vscode';
import { guideNow, HELP_URL, recordRequestFor, TOOL_NAMES, type ChecklistAnswer, type GuideStep, type GuideStepKind } from '../../engine/guide';
import { VendorToolsLas } from '../../engine/las/vendorTools';
import { summaryLine } from '../../engine/reconcile';
import { record } from '../../engine/record/record';
import { catalogTargetsOf } from '../../engine/rules/catalog';
import type { Log } from '../log';
import type { SiteFiles, SiteWorkspace } from '../sites';
import type { WorkflowVerb } from './definitions';

export interface ChecklistServices {
  sites: SiteWorkspace;
  log: Log;
}

/** Which steps a node command opens: its own kind, on its target (the whole site when none). */
export interface ChecklistScope {
  target?: string;
  kinds?: readonly GuideStepKind[];
}

const KINDS: Record<WorkflowVerb, readonly GuideStepKind[] | undefined> = {
  activate: ['activate', 'activate-more'],
  reclaim: ['reclaim'],
  return: ['return'],
  repair: ['repair'],
  confirmReturn: ['confirm-return'],
  importOfflineResponses: ['import-response'],
  // Offline requests are sub-steps of every step on an offline site: all of them.
  createOfflineRequests: undefined,
};

export function checklistScope(verb: WorkflowVerb, target: string | undefined): ChecklistScope {
  return { ...(target ? { target } : {}), ...(KINDS[verb] ? { kinds: KINDS[verb] } : {}) };
}

export interface ChecklistTally {
  recorded: number;
  failed: number;
  skipped: number;
  refused: number;
  blocked: number;
  /** Steps not reached: the engineer stopped (Escape). */
  left: number;
  /** Ledger lines written. */
  lines: number[];
}

type Pick = vscode.QuickPickItem & { act: 'copy' | 'help' | 'info' | 'done' | 'other' | 'failed' | 'skip'; value?: string };

/** Runs the checklist of a site; returns what was recorded (the caller refreshes nothing: this does). */
export async function runChecklist(s: ChecklistServices, files: SiteFiles, scope: ChecklistScope = {}): Promise<ChecklistTally> {
  const { plan, guide } = guideNow({ ...files, blockerOf: files.check.blockerOf });
  const steps = guide.steps.filter((st) => (!scope.target || st.target === scope.target) && (!scope.kinds || scope.kinds.includes(st.kind)));
  const tally: ChecklistTally = { recorded: 0, failed: 0, skipped: 0, refused: 0, blocked: 0, left: 0, lines: [] };
  const site = files.site.name;
  if (steps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Site {0}: nothing to do in the vendor's tools here. {1}", site, summaryLine(plan.summary)));
    return tally;
  }
  s.log.info(`Checklist of site ${site} (activation vendor-tools): ${steps.length} step(s).`);
  const notRecorded: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.blocked) {
      tally.blocked++;
      s.log.info(`  ${i + 1}. cannot be done yet: ${step.blocked}`);
      continue;
    }
    const answer = await askStep(step, i + 1, steps.length);
    if (!answer || answer.kind === 'quit') {
      tally.left = steps.length - i;
      s.log.info(`  ${i + 1}. stopped: not recorded, nor the ${steps.length - i - 1} step(s) after it.`);
      break;
    }
    if (answer.kind === 'skip') {
      tally.skipped++;
      s.log.info(`  ${i + 1}. skipped: not recorded.`);
      continue;
    }
    if (answer.kind === 'failed') {
      tally.failed++;
      notRecorded.push(`${step.target}: ${answer.message}`);
      s.log.warn(`  ${i + 1}. failed in the vendor's tool, not recorded: ${answer.message}`);
      continue;
    }
    const result = await record(
      {
        las: new VendorToolsLas(),
        site: files.site,
        plans: files.plans,
        ledgerPath: files.ledgerPath,
        blockerOf: files.check.blockerOf,
        workspaceRoot: files.root,
        appliesTo: catalogTargetsOf,
        onWait: (m) => s.log.info(m),
      },
      recordRequestFor(step, answer),
    );
    if (!result.outcome.ok) {
      tally.refused++;
      notRecorded.push(`${step.target}: ${result.outcome.message}`);
      s.log.warn(`  ${i + 1}. NOT RECORDED: ${result.outcome.message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Step {0} ({1}) was not recorded: {2}', i + 1, step.target, result.outcome.message));
      continue;
    }
    tally.recorded++;
    tally.lines.push(...result.outcome.lines);
    for (const w of result.outcome.warnings) s.log.warn(`  warning ${w}`);
    s.log.info(`  ${i + 1}. recorded: ${result.outcome.message} (ledger line(s) ${result.outcome.lines.join(', ')})`);
    // The tree shows each recorded step at once, not only at the end.
    s.sites.rebuild();
  }
  await showTally(s, site, tally, notRecorded);
  return tally;
}

async function showTally(s: ChecklistServices, site: string, t: ChecklistTally, notRecorded: string[]): Promise<void> {
  const parts = [vscode.l10n.t('Site {0}: {1} step(s) recorded in the ledger', site, t.recorded)];
  if (t.failed) parts.push(vscode.l10n.t('{0} failed (not recorded)', t.failed));
  if (t.refused) parts.push(vscode.l10n.t('{0} refused (not recorded)', t.refused));
  if (t.skipped) parts.push(vscode.l10n.t('{0} skipped', t.skipped));
  if (t.blocked) parts.push(vscode.l10n.t('{0} cannot be done yet', t.blocked));
  if (t.left) parts.push(vscode.l10n.t('{0} not reached (stopped)', t.left));
  const text = `${parts.join('; ')}.${t.left || t.skipped || t.failed ? ` ${vscode.l10n.t('Run the checklist again for the steps left.')}` : ''}`;
  const details = vscode.l10n.t('Show Details');
  const show = t.failed || t.refused ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if (notRecorded.length > 0) s.log.info(`Not recorded: ${notRecorded.join('; ')}`);
  if ((await show(text, details)) === details) s.log.show();
}

/** One step: the QuickPick is shown again after each copy, until an answer or Escape (undefined). */
export async function askStep(step: GuideStep, n: number, total: number): Promise<ChecklistAnswer | undefined> {
  const title = vscode.l10n.t('Step {0} of {1}: {2}', n, total, step.text);
  let copied: number | undefined;
  const items = (): Pick[] => [
    ...step.values.map((v, i): Pick => ({ label: `$(copy) ${v.value}`, description: i === copied ? vscode.l10n.t('{0} · copied', v.label) : v.label, act: 'copy', value: v.value })),
    ...step.substeps.map((x, i): Pick => ({ label: `$(list-ordered) ${String.fromCharCode(97 + i)}) ${x}`, act: 'info' })),
    ...step.notes.map((x): Pick => ({ label: `$(info) ${x}`, act: 'info' })),
    ...step.help.map((h): Pick => ({ label: `$(question) ${vscode.l10n.t('Help topic {0}', h)}`, description: vscode.l10n.t('opens EcoStruxure Building help'), act: 'help', value: HELP_URL(h) })),
    { label: `$(check) ${vscode.l10n.t('Done')}`, description: vscode.l10n.t('done in the tool as shown: record it'), act: 'done' },
    { label: `$(edit) ${vscode.l10n.t('Done with other values…')}`, description: vscode.l10n.t('e.g. another quantity: record what was done'), act: 'other' },
    { label: `$(error) ${vscode.l10n.t('Failed…')}`, description: vscode.l10n.t("the tool's message or FlexNet code; nothing is recorded"), act: 'failed' },
    { label: `$(debug-step-over) ${vscode.l10n.t('Skip')}`, description: vscode.l10n.t('not done now; nothing is recorded'), act: 'skip' },
  ];
  // One QuickPick for the step, open until an answer or Escape: Enter on a value copies it and keeps the focus
  // there (↓ Enter copies the next), a help topic opens in the browser.
  const qp = vscode.window.createQuickPick<Pick>();
  qp.title = title;
  qp.placeholder = vscode.l10n.t('Enter copies a value · once done in {0}, answer · Escape stops', TOOL_NAMES[step.place.tool]);
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  qp.items = items();
  const picked = await new Promise<Pick | undefined>((resolve) => {
    qp.onDidHide(() => resolve(undefined));
    qp.onDidAccept(async () => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item) return;
      if (item.act === 'copy') {
        const index = qp.items.indexOf(item);
        try {
          await vscode.env.clipboard.writeText(item.value!);
          copied = index;
        } catch (e) {
          // A remote desktop or a browser may block the clipboard: the value stays on screen to type.
          void vscode.window.showWarningMessage(vscode.l10n.t('Could not copy {0} ({1}): type it from the step, or print the checklist ("bmslicense plan --format md").', item.value!, (e as Error).message));
        }
        qp.items = items();
        qp.activeItems = [qp.items[index]!];
        return;
      }
      if (item.act === 'help') return void vscode.env.openExternal(vscode.Uri.parse(item.value!));
      if (item.act === 'info') return;
      resolve(item);
    });
    qp.show();
  });
  qp.dispose();
  if (!picked) return undefined;
  switch (picked.act) {
    case 'skip':
      return { kind: 'skip' };
    case 'failed': {
      const message = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t("The tool's message or FlexNet code (nothing is recorded; Escape stops)"),
        ignoreFocusOut: true,
      });
      if (message === undefined) return undefined;
      return { kind: 'failed', message: message.trim() || vscode.l10n.t('failed (no message given)') };
    }
    case 'done':
    case 'other': {
      let quantities: Map<string, number> | undefined;
      if (picked.act === 'other') {
        quantities = new Map();
        for (const l of step.licenses) {
          const q = await vscode.window.showInputBox({
            title,
            prompt: vscode.l10n.t('Quantity of {0} done in the tool (planned: {1})', l.activationId, l.quantity),
            value: String(l.quantity),
            ignoreFocusOut: true,
            validateInput: (v) => (/^\s*[1-9]\d*\s*$/.test(v) ? undefined : vscode.l10n.t('A whole number of 1 or more')),
          });
          if (q === undefined) return undefined;
          quantities.set(l.activationId, Number(q.trim()));
        }
      }
      const ref = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t("The vendor's id for it, as the tool shows it (optional: Enter for none; Escape stops, nothing recorded)"),
        ignoreFocusOut: true,
      });
      if (ref === undefined) return undefined;
      return { kind: 'done', ...(quantities ? { quantities } : {}), ...(ref.trim() ? { vendorRef: ref.trim() } : {}) };
    }
  }
  // Copy, help and information rows never close the QuickPick.
  return undefined;
}

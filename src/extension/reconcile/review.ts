// "Review and Apply Plan…": shows what apply would do as a read-only diff-like document, asks for a modal
// confirmation (listing every return and what it takes along), then applies with progress and cancellation.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyPlan, planNow, reviewReturns, reviewText, summaryLine, type ReconcileAction, type ReconcilePlan } from '../../engine/reconcile';
import { catalogTargetsOf } from '../../engine/rules/catalog';
import { describeResult } from '../../engine/workflows/context';
import type { CommandRun } from '../commands/registry';
import { pickOfflineFolder, siteFolder } from '../commands/folders';
import { refuseInvalid } from '../commands/workflow';
import { guideMarkdown, guideNow } from '../../engine/guide';
import { activationOf } from '../../engine/model';
import { runChecklist } from '../commands/checklist';
import { connectLas } from '../las';
import type { Log } from '../log';
import type { SiteWorkspace } from '../sites';
import type { ReviewDocuments } from './documents';

export interface ReconcileDeps {
  sites: SiteWorkspace;
  log: Log;
  secrets: vscode.SecretStorage;
}

/** The site from a tree node, a CodeLens (its name), or a pick when the workspace has several. */
async function siteOf(deps: ReconcileDeps, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string') return arg;
  const fromNode = (arg as { site?: unknown } | undefined)?.site;
  if (typeof fromNode === 'string') return fromNode;
  const names = deps.sites.current.roots.map((r) => r.site).filter((n) => n);
  if (names.length <= 1) return names[0];
  return vscode.window.showQuickPick(names, { title: vscode.l10n.t('Review and Apply Plan'), placeHolder: vscode.l10n.t('Which site?') });
}

export async function reviewAndApply(deps: ReconcileDeps, docs: ReviewDocuments, arg: unknown, runner: CommandRun): Promise<void> {
  await deps.sites.load();
  deps.sites.flush();
  const name = await siteOf(deps, arg);
  if (!name) {
    if (deps.sites.current.roots.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('This workspace has no BMS site yet: create one with "BMS: Create a Starter Site and Plan".'));
    return;
  }
  if (!(await saveBmsDocuments())) return;
  deps.sites.flush();
  const files = deps.sites.siteFiles(name);
  if (!files) return void vscode.window.showErrorMessage(vscode.l10n.t("No site named '{0}' in this workspace (or it is not a file on disk). Refresh the BMS Licenses view and try again.", name));
  if (await refuseInvalid(files)) return;
  const ledgerName = path.basename(files.ledgerPath);
  if (activationOf(files.site) === 'vendor-tools') {
    // The vendor's tools do every step: the review is the checklist (a printable Markdown), then each step is answered.
    const { guide } = guideNow({ ...files, blockerOf: files.check.blockerOf });
    if (guide.steps.length > 0) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(docs.show(name, guideMarkdown(guide), 'md')), { preview: true, preserveFocus: true });
    await runChecklist(deps, files);
    return;
  }
  const plan = planNow({ ...files, blockerOf: files.check.blockerOf });
  const uri = docs.show(name, reviewText(plan, ledgerName));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true, preserveFocus: false });
  const runnable = plan.actions.filter((a) => a.executable);
  if (runnable.length === 0) {
    void vscode.window.showInformationMessage(`${vscode.l10n.t('Site {0}: {1}', name, summaryLine(plan.summary))}${plan.actions.length > 0 ? ` ${vscode.l10n.t('Nothing apply can do now: see the review.')}` : ''}`);
    return;
  }
  const review = reviewReturns(plan);
  const detail = [summaryLine(plan.summary), review.returns.length > 0 ? `\n${review.message}` : '', `\n${vscode.l10n.t('Every action is recorded in the ledger; apply stops at the first failure and can be run again.')}`, activationOf(files.site) === 'simulator' ? `\n${vscode.l10n.t('Site {0} has activation: simulator: the built-in simulator answers, nothing is activated on the real system.', name)}` : ''].join('\n');
  const go = review.returns.length > 0 ? vscode.l10n.t('Apply and Return') : vscode.l10n.t('Apply');
  if ((await vscode.window.showWarningMessage(vscode.l10n.t('Apply {0} action(s) to site {1}?', runnable.length, name), { modal: true, detail }, go)) !== go) return;

  const connected = connectLas(files.root, deps.secrets, files.site);
  if (!connected.ok) return void vscode.window.showErrorMessage(connected.error);
  const conn = connected.value;
  let offlineDir: string | undefined;
  if (runnable.some((a) => a.workflow === 'offline' && a.kind !== 'confirm-return')) {
    offlineDir = await pickOfflineFolder(siteFolder(files.site.uri), vscode.l10n.t('Site {0}: folder for the offline request files', name));
    if (!offlineDir) return;
  }
  deps.log.info(`Apply the plan of site ${name} (LAS: ${conn.name}).`);
  const result = await runner.progress(
    vscode.l10n.t('Apply the plan of site {0}', name),
    async (progress, _token, signal) => {
      return await applyPlan({
        las: conn.las,
        site: files.site,
        plans: files.plans,
        ledgerPath: files.ledgerPath,
        offlineDir,
        signal,
        blockerOf: files.check.blockerOf,
        appliesTo: catalogTargetsOf,
        onProgress: (p) => progress.report({ message: p.message, increment: p.total > 0 && p.done > 0 ? 100 / p.total : 0 }),
        workspaceRoot: files.root,
        onWait: (m) => {
          progress.report({ message: m });
          deps.log.info(m);
        },
        // The ledger may have moved since the review: return only what the user saw and confirmed.
        confirmReturns: async (now) => now.returns.every((r) => review.returns.some((x) => x.target === r.target && x.transaction === r.transaction)),
      });
    },
  );
  for (const line of describeResult(result).trimEnd().split('\n')) if (line.trim()) deps.log.info(line);
  deps.sites.rebuild();
  const after = planNow({ ...files, blockerOf: deps.sites.siteFiles(name)?.check.blockerOf ?? files.check.blockerOf });
  docs.show(name, reviewText(after, ledgerName));
  // Counted as the confirmation counted them: the actions it listed that are no longer needed.
  const applied = runnable.filter((a) => !after.actions.some((b) => actionKey(b) === actionKey(a))).length;
  // The walkthrough's "Activate" step ticks on this key: only once an activation was really applied.
  if (runnable.some((a) => a.kind === 'activate' && a.workflow === 'online' && !after.actions.some((b) => actionKey(b) === actionKey(a)))) void vscode.commands.executeCommand('setContext', 'bmsLicense.activated', true);
  await showOutcome(deps, name, result.ok, result.cancelled, applied, runnable.length, after, activationOf(files.site) === 'simulator');
}

/** One action of the plan, the same before and after apply ran. */
function actionKey(a: ReconcileAction): string {
  return [a.kind, a.target, a.activationId, a.transaction ?? '', a.requestId ?? ''].join('\u0000');
}

async function showOutcome(deps: ReconcileDeps, site: string, ok: boolean, cancelled: boolean, applied: number, confirmed: number, after: ReconcilePlan, simulated: boolean): Promise<void> {
  const left = summaryLine(after.summary);
  // A simulation never looks real: on a simulator site the message says what ran it.
  if (ok && simulated) return void vscode.window.showInformationMessage(vscode.l10n.t('Site {0}: {1} of {2} action(s) simulated by the built-in simulator (nothing was activated on the real system). {3}', site, applied, confirmed, left));
  if (ok) return void vscode.window.showInformationMessage(vscode.l10n.t('Site {0}: {1} of {2} action(s) applied. {3}', site, applied, confirmed, left));
  const text = cancelled
    ? vscode.l10n.t('Site {0}: apply cancelled after {1} of {2} action(s); what was done is recorded in the ledger. {3}', site, applied, confirmed, left)
    : vscode.l10n.t('Site {0}: apply stopped after {1} of {2} action(s). {3}', site, applied, confirmed, left);
  const details = vscode.l10n.t('Show Details');
  if ((await vscode.window.showWarningMessage(text, details)) === details) deps.log.show();
}

/** Apply reads the files as saved: offer to save edited site and plan files first. */
async function saveBmsDocuments(): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && /\.bms\.ya?ml$/i.test(d.uri.path));
  if (dirty.length === 0) return true;
  const names = dirty.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ');
  const go = vscode.l10n.t('Save and Continue');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Save {0} first? Apply works on the saved files.', names), { modal: true }, go);
  if (answer !== go) return false;
  return (await Promise.all(dirty.map((d) => d.save()))).every(Boolean);
}

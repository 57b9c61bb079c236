// Runs a license workflow from a tree node or the palette: trust, scope, saved files, the LAS, a folder
// for offline files, a cancellable progress notification, a modal confirmation before a return, and a
// message that says what was done and what to do next. The ledger is written by the engine's workflows.
import * as vscode from 'vscode';
import { catalogTargetsOf } from '../../engine/rules/catalog';
import { activate, confirmReturn, describeResult, importResponses, reclaim, repair, responseFiles, returnLicenses } from '../../engine/workflows';
import type { ReturnConfirmation, WorkflowOptions, WorkflowResult } from '../../engine/workflows';
import type { Log } from '../log';
import { activationOf } from '../../engine/model';
import { connectLas } from '../las';
import { checklistScope, runChecklist } from './checklist';
import type { SiteFiles, SiteWorkspace } from '../sites';
import { verbWords, type WorkflowVerb } from './definitions';
import { pickOfflineFolder, pickResponseUris, siteFolder } from './folders';
import { outcomeOf } from './outcome';
import { activationConsumes, progressTitle, refusalFor, scopeLabel, scopeFromArgument, siteNode, sitePicks, targetPicks, type Scope } from './scope';
import type { CommandRun } from './registry';

export interface CommandServices {
  sites: SiteWorkspace;
  log: Log;
  secrets: vscode.SecretStorage;
}

type OnlineVerb = 'activate' | 'reclaim' | 'return' | 'repair';
const RUN: Record<OnlineVerb | 'confirmReturn', (o: WorkflowOptions) => Promise<WorkflowResult>> = {
  activate,
  reclaim,
  return: (o) => returnLicenses(o),
  repair: (o) => repair(o),
  confirmReturn,
};

export async function runWorkflowCommand(s: CommandServices, verb: WorkflowVerb, arg: unknown, runner: CommandRun): Promise<void> {
  await s.sites.load();
  s.sites.flush();
  const scope = scopeFromArgument(arg) ?? (await pickScope(s, verb));
  if (!scope) return;
  const files = s.sites.siteFiles(scope.site);
  if (!files) {
    void vscode.window.showErrorMessage(vscode.l10n.t("No site named '{0}' in this workspace (or it is not a file on disk). Refresh the BMS Licenses view and try again.", scope.site));
    return;
  }
  const refusal = refusalFor(verb, scope.site, files.site.connectivity);
  if (refusal) {
    void vscode.window.showErrorMessage(refusal);
    return;
  }
  if (!(await saveBmsDocuments())) return;
  s.sites.flush();
  const fresh = s.sites.siteFiles(scope.site) ?? files;
  if (await refuseInvalid(fresh)) return;
  // A site licensed with the vendor's tools: no activation server to call; the checklist guides and records.
  if (activationOf(fresh.site) === 'vendor-tools') {
    await runChecklist(s, fresh, checklistScope(verb, scope.target));
    return;
  }
  const connected = connectLas(fresh.root, s.secrets, fresh.site);
  if (!connected.ok) {
    const settings = vscode.l10n.t('Open Settings');
    const open = await vscode.window.showErrorMessage(connected.error, settings);
    if (open === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'bmsLicense.activation');
    return;
  }
  const conn = connected.value;
  if (verb === 'activate' && !(await confirmActivation(s, scope))) return;

  // What this run needs beyond the scope: the request kind, a folder, response files.
  let run: (o: WorkflowOptions) => Promise<WorkflowResult>;
  let shownVerb: WorkflowVerb = verb;
  let offlineDir: string | undefined;
  let mode: WorkflowOptions['mode'];
  const offlineSite = fresh.site.connectivity === 'offline';
  if (verb === 'importOfflineResponses') {
    const key = conn.publicKeyPem();
    if (!key.ok) return void vscode.window.showErrorMessage(key.error);
    const picked = await pickResponseFiles(siteFolder(fresh.site.uri));
    if (!picked) return;
    run = (o) => importResponses(o, picked, key.value);
  } else if (verb === 'createOfflineRequests') {
    const op = await pickRequestKind(scope);
    if (!op) return;
    offlineDir = await pickOfflineFolder(siteFolder(fresh.site.uri), vscode.l10n.t('Folder for the offline request files'));
    if (!offlineDir) return;
    mode = 'offline';
    shownVerb = op;
    run = RUN[op];
  } else {
    if (offlineSite && verb !== 'confirmReturn') {
      offlineDir = await pickOfflineFolder(siteFolder(fresh.site.uri), vscode.l10n.t('Site {0} is offline: folder for the request files', scope.site));
      if (!offlineDir) return;
    }
    run = RUN[verb];
  }

  s.log.info(`${progressTitle(verb, scope)}: starting (LAS: ${conn.name}).`);
  const result = await runner.progress(
    progressTitle(verb, scope),
    async (progress, _token, signal) => {
      let reported = 0;
      const options: WorkflowOptions = {
        las: conn.las,
        site: fresh.site,
        plans: fresh.plans,
        ledgerPath: fresh.ledgerPath,
        target: scope.target,
        signal,
        offlineDir,
        mode,
        blockerOf: fresh.check.blockerOf,
        appliesTo: catalogTargetsOf,
        onProgress: (p) => {
          const now = p.total > 0 ? (p.done / p.total) * 100 : 0;
          progress.report({ message: p.message, increment: Math.max(0, now - reported) });
          reported = now;
          if (p.done > 0) s.log.info(`  [${p.done}/${p.total}] ${p.message}`);
        },
        confirm: (c) => confirmReturnDialog(c, offlineDir !== undefined || mode === 'offline'),
        workspaceRoot: fresh.root,
        // Another process (a terminal, CI) works on the site: say whom we wait for; Cancel stops waiting.
        onWait: (m) => {
          progress.report({ message: m });
          s.log.info(m);
        },
      };
      return run(options);
    },
  );
  for (const line of describeResult(result).trimEnd().split('\n')) if (line.trim()) s.log.info(line);
  s.sites.rebuild();
  // The walkthrough's "Activate" step ticks on this key: only once something was really activated.
  if (shownVerb === 'activate' && run === RUN.activate && offlineDir === undefined && result.done.length > 0) void vscode.commands.executeCommand('setContext', 'bmsLicense.activated', true);
  await showOutcome(s, outcomeOf(shownVerb, scope, result, offlineDir));
}

async function showOutcome(s: CommandServices, o: ReturnType<typeof outcomeOf>): Promise<void> {
  const show = o.severity === 'error' ? vscode.window.showErrorMessage : o.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const details = vscode.l10n.t('Show Details');
  const choice = await show(o.message, ...(o.details ? [details] : []));
  if (choice === details) s.log.show();
}

/** Activation takes licenses from the entitlement: a modal naming each one first. */
async function confirmActivation(s: CommandServices, scope: Scope): Promise<boolean> {
  const node = siteNode(s.sites.current, scope.site);
  const what = node ? activationConsumes(node, scope.target) : { licenses: 0, lines: [] };
  // Nothing planned waits: the workflow says so itself.
  if (what.licenses === 0) return true;
  const go = vscode.l10n.t('Activate');
  const shown = what.lines.slice(0, 12).join('\n') + (what.lines.length > 12 ? `\n${vscode.l10n.t('… and {0} more', what.lines.length - 12)}` : '');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Activate {0} license(s) on {1}?', what.licenses, scopeLabel(scope)),
    { modal: true, detail: `${shown}\n\n${vscode.l10n.t('Each activation takes these licenses from the entitlement; only a Return gives them back.')}` },
    go,
  );
  return answer === go;
}

/** Modal, listing every target, transaction and license the return takes along. */
async function confirmReturnDialog(c: ReturnConfirmation, offline: boolean): Promise<boolean> {
  const count = c.items.reduce((n, i) => n + i.lines.length, 0);
  const after = offline
    ? vscode.l10n.t('Offline: request files are written; the licenses stay unusable until the return is confirmed on the License Activation Server.')
    : vscode.l10n.t('The licenses leave these computers now and go back to the entitlement.');
  const go = vscode.l10n.t('Return');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Return {0} license line(s) in {1} activation transaction(s) from site {2}?', count, c.items.length, c.site),
    { modal: true, detail: `${c.message}\n\n${after}` },
    go,
  );
  return answer === go;
}

async function pickScope(s: CommandServices, verb: WorkflowVerb): Promise<Scope | undefined> {
  const tree = s.sites.current;
  const sites = sitePicks(tree, verb);
  if (sites.length === 0) {
    void vscode.window.showInformationMessage(
      tree.roots.length === 0
        ? vscode.l10n.t('This workspace has no BMS site yet: create one with "BMS: Create a Starter Site and Plan".')
        : vscode.l10n.t('No site here can use "{0}" (semi-online sites never use offline files).', verbWords(verb).title),
    );
    return undefined;
  }
  const site = sites.length === 1 ? sites[0] : await vscode.window.showQuickPick(sites, { title: verbWords(verb).title, placeHolder: vscode.l10n.t('Which site?') });
  if (!site) return undefined;
  const node = siteNode(tree, site.value);
  if (!node) return { site: site.value };
  const targets = targetPicks(node, verb);
  if (targets.length === 1) return { site: site.value };
  const target = await vscode.window.showQuickPick(targets, { title: `${verbWords(verb).title}: ${site.value}`, placeHolder: vscode.l10n.t('The whole site, or one server, License Server or client') });
  return target ? { site: site.value, target: target.value } : undefined;
}

async function pickRequestKind(scope: Scope): Promise<OnlineVerb | undefined> {
  const kinds: { label: string; description: string; value: OnlineVerb }[] = [
    { label: verbWords('activate').title, description: vscode.l10n.t('planned licenses not active yet'), value: 'activate' },
    { label: verbWords('reclaim').title, description: vscode.l10n.t('refresh active licenses from the entitlement'), value: 'reclaim' },
    { label: verbWords('return').title, description: vscode.l10n.t('return whole activation transactions'), value: 'return' },
    { label: verbWords('repair').title, description: vscode.l10n.t('repair broken licenses'), value: 'repair' },
  ];
  const picked = await vscode.window.showQuickPick(kinds, {
    title: `${verbWords('createOfflineRequests').title}: ${scope.target ?? scope.site}`,
    placeHolder: vscode.l10n.t('What should the requests ask the License Activation Server?'),
  });
  return picked?.value;
}

async function pickResponseFiles(siteDir: string): Promise<string[] | undefined> {
  const picked = await pickResponseUris(siteDir);
  if (!picked || picked.length === 0) return undefined;
  const files = responseFiles(picked.map((u) => u.fsPath));
  if (files.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No *.response.json file there: pick the response files the License Activation Server returned, or their folder.'));
    return undefined;
  }
  return files;
}

/** Workflows read the files as saved: offer to save edited site and plan files first. */
async function saveBmsDocuments(): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && /\.bms\.ya?ml$/i.test(d.uri.path));
  if (dirty.length === 0) return true;
  const names = dirty.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ');
  const go = vscode.l10n.t('Save and Continue');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Save {0} first? The command works on the saved files.', names), { modal: true }, go);
  if (answer !== go) return false;
  return (await Promise.all(dirty.map((d) => d.save()))).every(Boolean);
}

/** Validate first: a site whose files have syntax or schema errors (or duplicate ids or sites) is not acted on. */
export async function refuseInvalid(files: SiteFiles): Promise<boolean> {
  const stopping = files.check.stopping;
  if (stopping.length === 0) return false;
  const n = stopping.length;
  const first = stopping[0]!;
  const text =
    n === 1
      ? vscode.l10n.t('Site {0}: nothing was done. Its files have 1 problem that stops every command ({1}: {2}). Fix it first.', files.site.name, first.code, first.message)
      : vscode.l10n.t('Site {0}: nothing was done. Its files have {1} problems that stop every command ({2}: {3}). Fix them first.', files.site.name, n, first.code, first.message);
  const show = vscode.l10n.t('Show Problems');
  const answer = await vscode.window.showErrorMessage(text, show);
  if (answer === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  return true;
}

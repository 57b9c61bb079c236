// The commands' and the dashboard's code: dist/features.js, a bundle of its own that lazy.ts loads on first use
// (a command run, a dashboard brought back), so the extension host compiles only the tree's code when the view
// opens. It shares no module state with dist/extension.js but what it is given here (the engine's few caches
// are WeakMaps keyed by the objects they describe, so a copy of them here is only colder).
import * as vscode from 'vscode';
import { useBundle } from '../engine/l10n';
import type { TreeNode } from '../engine/tree/types';
import { coreCommands } from './commands/register';
import type { CommandHandlers } from './commands/registry';
import { dashboardFeatures } from './dashboard/register';
import { upgradeReportCommand } from './dashboard/upgrade';
import type { Log } from './log';
import { reconcileCommands } from './reconcile';
import type { ReviewDocuments } from './reconcile/documents';
import type { SiteWorkspace } from './sites';
import { usageCommands } from './usage';

/** The commands this bundle handles: all but the language server's own. */
export type FeatureHandlers = Omit<CommandHandlers, 'bmsLicense.showOutput'>;

export interface FeatureDeps {
  context: vscode.ExtensionContext;
  sites: SiteWorkspace;
  log: Log;
  view: vscode.TreeView<TreeNode>;
  /** Starts the language server (Validate Workspace shows its findings in Problems). */
  startServer: () => void;
  reviews: ReviewDocuments;
}

export interface Features {
  handlers: FeatureHandlers;
  reviveDashboard(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  dispose(): void;
}

export function features(d: FeatureDeps): Features {
  // This bundle's copy of the engine's l10n module speaks the display language too.
  useBundle(vscode.l10n?.uri?.fsPath);
  const deps = { sites: d.sites, log: d.log, secrets: d.context.secrets };
  const dashboard = dashboardFeatures(d.context.extensionUri, deps);
  return {
    handlers: {
      ...coreCommands(deps, d.view, d.startServer),
      ...usageCommands(deps),
      ...dashboard.handlers,
      ...upgradeReportCommand(deps),
      ...reconcileCommands(deps, d.reviews),
    },
    reviveDashboard: (panel, state) => dashboard.revive(panel, state),
    dispose: () => dashboard.dispose(),
  };
}

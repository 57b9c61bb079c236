// What activate() registers for the commands and the dashboard, their code left in dist/features.js
// (features.ts) until first used: each command's handler, the serializer that brings a dashboard back after a
// reload, and the review documents' provider. The extension host then compiles a third less when the view
// opens (the tree's code only).
import * as vscode from 'vscode';
import { DASHBOARD_VIEW_TYPE } from '../engine/report/messages';
import { COMMANDS, type CommandId } from './commands/definitions';
import type { CommandHandler } from './commands/registry';
import type { FeatureDeps, FeatureHandlers, Features } from './features';
import { REVIEW_SCHEME, ReviewDocuments } from './reconcile/documents';
import { watchUsage } from './usage/watch';

/** Registers what must be there from the start; returns a handler for each command, loading its code when run. */
export function lazyFeatures(deps: Omit<FeatureDeps, 'reviews'>): FeatureHandlers {
  const { context } = deps;
  const reviews = new ReviewDocuments();
  let loaded: Features | undefined;
  let loading: Promise<Features> | undefined;
  // A `require` of dist/features.js beside this bundle (esbuild.mjs), of features.ts when run from the sources.
  const load = () => (loading ??= Promise.resolve().then(() => (loaded = (require('./features') as typeof import('./features')).features({ ...deps, reviews }))));
  watchUsage(context, deps.sites);
  context.subscriptions.push(
    reviews,
    vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, reviews),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => (await load()).reviveDashboard(panel, state),
    }),
    { dispose: () => loaded?.dispose() },
  );
  const lazy = (id: keyof FeatureHandlers): CommandHandler => async (arg, run) => (await load()).handlers[id](arg, run);
  const ids = COMMANDS.map((c) => c.id as CommandId).filter((id): id is keyof FeatureHandlers => id !== 'bmsLicense.showOutput');
  return Object.fromEntries(ids.map((id) => [id, lazy(id)])) as FeatureHandlers;
}

// The "BMS Licenses" view and the workspace it shows. extension.ts makes them as soon as its bundle has loaded,
// before VS Code calls activate(): VS Code loads the bundle when it activates the extension, then waits for the
// extension's storage (50-650 ms on a workbench busy starting) before calling activate(). With the tree's data
// provider registered meanwhile, a view that is open (what activated the extension) says so and asks for its
// rows during that wait, and the files are read then. Nothing is read before the view is shown (PRODUCT.md).
import * as vscode from 'vscode';
import type { TreeNode } from '../engine/tree/types';
import { Log } from './log';
import { SiteWorkspace } from './sites';
import { SiteTreeProvider } from './tree/provider';

export interface SitesView {
  log: Log;
  sites: SiteWorkspace;
  provider: SiteTreeProvider;
  view: vscode.TreeView<TreeNode>;
  /** Everything made here, for context.subscriptions. */
  disposables: vscode.Disposable[];
}

export function createSitesView(): SitesView {
  const log = new Log();
  const sites = new SiteWorkspace(log);
  const provider = new SiteTreeProvider(sites);
  const view = vscode.window.createTreeView<TreeNode>('bmsLicense.sites', { treeDataProvider: provider, showCollapseAll: true });
  // Shown, the view asks for its rows next: read the files now rather than after that request's round trip.
  const shown = view.onDidChangeVisibility((e) => {
    if (e.visible) void sites.load('the visible view');
  });
  return { log, sites, provider, view, disposables: [log, sites, provider, view, shown, vscode.window.registerFileDecorationProvider(provider)] };
}

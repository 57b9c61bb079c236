// The "BMS Licenses" view: a TreeDataProvider over the engine's tree model. Ids are the model's stable
// ids, so VS Code keeps what the user expanded across refreshes.
import * as vscode from 'vscode';
import type { NodeStatus, TreeNode } from '../../engine/tree/types';
import type { SiteWorkspace } from '../sites';
import { decorationOf, iconOf, STATUS_SCHEME } from './presentation';

export class SiteTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  /** The view has had an answer to its request for the sites' rows. */
  private answered = false;
  /** The sites the view's first answer showed expanded whose own rows it has not asked for yet. */
  private awaitedSites: Set<string> | undefined;

  constructor(private readonly sites: SiteWorkspace) {
    this.subscription = sites.onDidChange(() => this.refresh());
  }

  refresh(): void {
    // Before the view's first answer it shows nothing to refresh, and that answer will be the newest tree: a
    // refresh now (the first read's) made the view ask for its rows again, one more round trip to a workbench
    // busy starting, and show them only after it.
    if (!this.answered) return;
    this.changed.fire(undefined);
    this.decorationsChanged.fire(undefined);
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    // A site row shown while the plans were read: its children are the whole tree's, once it is built.
    if (element?.loading) {
      await this.sites.load();
      return this.sites.current.byId.get(element.id)?.children ?? [];
    }
    if (element) {
      if (this.awaitedSites?.delete(element.id) && this.awaitedSites.size === 0) this.sites.firstScreen.screenGiven();
      return element.children;
    }
    // On a large workspace the sites' rows come first, then a refresh with their status.
    await this.sites.rowsReady();
    const roots = this.sites.current.roots;
    this.answered = true;
    this.sites.firstScreen.rowsGiven(roots.length);
    if (!this.awaitedSites) {
      // The view asks next for the rows of the sites it shows expanded: the first screen is complete with them.
      this.awaitedSites = new Set(roots.filter((r) => this.collapsibleState(r) === vscode.TreeItemCollapsibleState.Expanded).map((r) => r.id));
      if (this.awaitedSites.size === 0) this.sites.firstScreen.screenGiven();
    }
    return roots;
  }

  /** Resolves once the whole tree (every plan and ledger) is built. */
  complete(): Promise<void> {
    return this.sites.load();
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parentId ? this.sites.current.byId.get(element.parentId) : undefined;
  }

  private collapsibleState(node: TreeNode): vscode.TreeItemCollapsibleState {
    // A few sites open on their servers; the many sites of a large workspace stay a list to pick from.
    const site = this.sites.manySites ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    return node.loading ? site : node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : node.kind === 'site' ? site : vscode.TreeItemCollapsibleState.Collapsed;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, this.collapsibleState(node));
    item.id = node.id;
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(iconOf(node));
    item.contextValue = node.contextValue;
    // A resource URI only to carry the status to the decoration (badge and colour) below.
    item.resourceUri = vscode.Uri.from({ scheme: STATUS_SCHEME, path: `/${encodeURIComponent(node.id)}`, query: node.status });
    const tooltip = new vscode.MarkdownString(node.tooltip);
    tooltip.supportThemeIcons = false;
    item.tooltip = tooltip;
    if (node.location) item.command = { command: 'bmsLicense.revealInYaml', title: vscode.l10n.t('Reveal in YAML'), arguments: [node] };
    item.accessibilityInformation = { label: `${node.label}, ${node.description}` };
    return item;
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== STATUS_SCHEME) return undefined;
    const d = decorationOf(uri.query as NodeStatus);
    return d ? new vscode.FileDecoration(d.badge, d.tooltip, new vscode.ThemeColor(d.color)) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.decorationsChanged.dispose();
  }
}

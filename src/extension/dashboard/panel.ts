// The dashboard panel of one site: a webview with a strict CSP, fed by postMessage, updated when the
// files, the ledger or the usage change. What the webview sends back is validated before anything is done.
import * as vscode from 'vscode';
import { DASHBOARD_VIEW_TYPE, parseWebviewMessage, type ExportFormat, type HostMessage } from '../../engine/report/messages';
import type { SiteReport } from '../../engine/report/types';
import { dashboardHtml, makeNonce } from './html';
import { currentReport, type DashboardDeps } from './source';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

export class DashboardPanel {
  private static readonly open = new Map<string, DashboardPanel>();
  private readonly _disposables: vscode.Disposable[] = [];
  private report: SiteReport | undefined;
  private stale = false;
  private disposed = false;

  /** Shows the site's dashboard, creating the panel the first time. */
  static show(extensionUri: vscode.Uri, deps: DashboardDeps, onExport: ExportHandler, site: string): DashboardPanel {
    const existing = DashboardPanel.open.get(site);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('Licenses: {0}', site), vscode.ViewColumn.Active, { ...webviewOptions(extensionUri), enableFindWidget: true });
    return new DashboardPanel(panel, extensionUri, deps, onExport, site);
  }

  /** A panel VS Code restored after a reload (the serializer gives it back with the webview's state). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, deps: DashboardDeps, onExport: ExportHandler, site: string): DashboardPanel {
    DashboardPanel.open.get(site)?.panel.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    return new DashboardPanel(panel, extensionUri, deps, onExport, site);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly deps: DashboardDeps,
    private readonly onExport: ExportHandler,
    readonly site: string,
  ) {
    DashboardPanel.open.set(site, this);
    panel.title = vscode.l10n.t('Licenses: {0}', site);
    const webview = panel.webview;
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      nonce: makeNonce(),
      title: vscode.l10n.t('Licenses: {0}', site),
      loading: vscode.l10n.t('Loading the license dashboard…'),
    });
    panel.onDidDispose(() => this.dispose(), null, this._disposables);
    webview.onDidReceiveMessage((m: unknown) => void this.receive(m), null, this._disposables);
    // The site workspace debounces file, edit and ledger events into one change.
    deps.sites.onDidChange(() => (panel.visible ? void this.update() : (this.stale = true)), null, this._disposables);
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.update();
    }, null, this._disposables);
  }

  private updating: Promise<void> | undefined;
  private again = false;

  /** Builds the report again and sends it to the webview; changes meanwhile make one more update, not one each. */
  update(): Promise<void> {
    if (this.updating) {
      this.again = true;
      return this.updating;
    }
    this.updating = (async () => {
      try {
        do {
          this.again = false;
          await this.build();
        } while (this.again && !this.disposed);
      } finally {
        this.updating = undefined;
      }
    })();
    return this.updating;
  }

  private async build(): Promise<void> {
    this.stale = false;
    const result = await currentReport(this.deps, this.site);
    if (this.disposed) return;
    let message: HostMessage;
    if (result.ok) {
      this.report = result.report;
      message = { type: 'report', report: result.report };
    } else {
      this.report = undefined;
      message = { type: 'error', message: result.message };
    }
    await this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const m = parseWebviewMessage(raw);
    if (!m) {
      this.deps.log.warn(`Dashboard ${this.site}: ignored a message of unexpected shape.`);
      return;
    }
    switch (m.type) {
      case 'ready':
        return this.update();
      case 'reveal':
        return this.reveal(m.target);
      case 'export':
        return this.onExport(this.site, m.format);
    }
  }

  /** Only places the report itself named can be opened: the webview sends a key, never a path. */
  private async reveal(key: string): Promise<void> {
    const locations = this.report?.locations;
    if (!locations || !Object.prototype.hasOwnProperty.call(locations, key)) return;
    const at = locations[key];
    const uri = vscode.Uri.parse(at.uri);
    if (uri.scheme !== 'file' && uri.scheme !== 'untitled') return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const range = new vscode.Range(doc.positionAt(at.start), doc.positionAt(at.end));
    await vscode.window.showTextDocument(doc, { selection: range, preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (DashboardPanel.open.get(this.site) === this) DashboardPanel.open.delete(this.site);
    this.panel.dispose();
    while (this._disposables.length) this._disposables.pop()?.dispose();
  }

  static disposeAll(): void {
    for (const p of [...DashboardPanel.open.values()]) p.dispose();
  }
}

export type ExportHandler = (site: string, format: ExportFormat) => Promise<void>;

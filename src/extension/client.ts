// The VS Code side of the language server: starts dist/server.js over IPC for `*.bms.yaml`/`.yml` files and
// shows the server's state as a language status item.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../server/nodeFlags';
import { BMS_DOCUMENTS } from './documents';

let client: LanguageClient | undefined;

export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  if (client) return client;
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: BMS_DOCUMENTS,
    synchronize: { configurationSection: 'bmsLicense' },
    // The server loads the same translations as the extension (none for English).
    initializationOptions: { ...settings(), l10nBundle: vscode.l10n?.uri?.fsPath },
    diagnosticCollectionName: 'bms-license',
  };
  const status = vscode.languages.createLanguageStatusItem('bmsLicense.server', BMS_DOCUMENTS);
  status.name = vscode.l10n.t('BMS License language server');
  status.text = vscode.l10n.t('BMS License: starting');
  status.busy = true;
  // As vscode-eslint's: the item opens the server's output.
  status.command = { command: 'bmsLicense.showOutput', title: vscode.l10n.t('Show Output') };
  context.subscriptions.push(status);

  const c = new LanguageClient('bmsLicense', vscode.l10n.t('BMS License language server'), serverOptions, clientOptions);
  const work = new ServerWork((busy) => (status.busy = busy || c.state === State.Starting));
  context.subscriptions.push(work);
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      status.text = '$(check) BMS License';
      status.detail = vscode.l10n.t('validating plan and site files');
      status.severity = vscode.LanguageStatusSeverity.Information;
      status.busy = false;
    } else if (e.newState === State.Stopped) {
      status.text = `$(error) ${vscode.l10n.t('BMS License: stopped')}`;
      status.detail = vscode.l10n.t('the language server stopped: open its output, then reload the window');
      status.severity = vscode.LanguageStatusSeverity.Error;
      status.command = { command: 'workbench.action.reloadWindow', title: vscode.l10n.t('Reload Window') };
      status.busy = false;
    } else {
      status.text = vscode.l10n.t('BMS License: starting');
      status.busy = true;
    }
  });
  client = c;
  context.subscriptions.push({ dispose: () => void stopLanguageClient() });
  await c.start();
  return c;
}

/** Opens the language server's output channel (once the client exists). */
export function showServerOutput(): boolean {
  if (!client) return false;
  client.outputChannel.show(true);
  return true;
}

/**
 * The server is working from an edit of a BMS document until its diagnostics for that document arrive
 * (or a few seconds pass: a server that publishes nothing new still ends the busy state).
 */
class ServerWork implements vscode.Disposable {
  private readonly waiting = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly onBusy: (busy: boolean) => void) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && vscode.languages.match(BMS_DOCUMENTS, e.document) > 0) this.start(e.document.uri.toString());
      }),
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => this.done(u.toString()))),
    ];
  }

  private start(uri: string): void {
    clearTimeout(this.waiting.get(uri));
    this.waiting.set(uri, setTimeout(() => this.done(uri), 5_000));
    this.onBusy(true);
  }

  private done(uri: string): void {
    if (!this.waiting.has(uri)) return;
    clearTimeout(this.waiting.get(uri));
    this.waiting.delete(uri);
    this.onBusy(this.waiting.size > 0);
  }

  dispose(): void {
    for (const t of this.waiting.values()) clearTimeout(t);
    this.subscriptions.forEach((d) => d.dispose());
  }
}

export async function stopLanguageClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) await c.stop();
}

function settings(): { validation: { debounceMs: number }; expiryWarningDays: number; activation: { mode: string } } {
  const config = vscode.workspace.getConfiguration('bmsLicense');
  return {
    validation: { debounceMs: config.get<number>('validation.debounceMs', 100) },
    expiryWarningDays: config.get<number>('expiryWarningDays', 30),
    activation: { mode: config.get<string>('activation.mode', 'simulator') },
  };
}


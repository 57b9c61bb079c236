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
  status.name = 'BMS License language server';
  status.text = '$(sync~spin) BMS License: starting';
  context.subscriptions.push(status);

  const c = new LanguageClient('bmsLicense', 'BMS License language server', serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      status.text = '$(check) BMS License';
      status.detail = 'validating plan and site files';
      status.severity = vscode.LanguageStatusSeverity.Information;
    } else if (e.newState === State.Stopped) {
      status.text = '$(error) BMS License: stopped';
      status.detail = 'the language server stopped; see Output › BMS License language server, then reload the window';
      status.severity = vscode.LanguageStatusSeverity.Error;
    } else status.text = '$(sync~spin) BMS License: starting';
  });
  client = c;
  context.subscriptions.push({ dispose: () => void stopLanguageClient() });
  await c.start();
  return c;
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


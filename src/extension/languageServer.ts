// Starts the language client (client.ts) once, on first need, and stops it with the extension. The client
// module (and vscode-languageclient) is loaded only then, so activate() does not pay for it.
import * as vscode from 'vscode';
import type { Log } from './log';

export class LanguageServer {
  private started: Promise<unknown> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
  ) {}

  /** Opens the language server's output, starting it if needed; this extension's own output if it cannot start. */
  async showOutput(): Promise<void> {
    this.start();
    await this.started;
    const { showServerOutput } = await import('./client');
    if (!showServerOutput()) this.log.show();
  }

  start(): void {
    if (this.started) return;
    this.started = import('./client')
      .then(({ startLanguageClient }) => startLanguageClient(this.context))
      .catch((e: Error) => {
        this.log.error(`The BMS License language server did not start: ${e.message}`);
        const reload = vscode.l10n.t('Reload Window');
        void vscode.window
          .showErrorMessage(vscode.l10n.t('The BMS License language server did not start ({0}): the tree and commands still work; reload the window to try again.', e.message), reload)
          .then((choice) => {
            if (choice === reload) void vscode.commands.executeCommand('workbench.action.reloadWindow');
          });
      });
  }
}

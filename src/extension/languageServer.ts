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

  start(): void {
    if (this.started) return;
    this.started = import('./client')
      .then(({ startLanguageClient }) => startLanguageClient(this.context))
      .catch((e: Error) => {
        this.log.error(`The BMS License language server did not start: ${e.message}`);
        void vscode.window.showErrorMessage(`The BMS License language server did not start (${e.message}): the tree and commands still work; reload the window to try again.`);
      });
  }
}

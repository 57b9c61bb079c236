// The output channel "BMS License Workbench": created on first use. Never given a token.
import * as vscode from 'vscode';

export class Log implements vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;

  private get out(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('BMS License Workbench', { log: true });
    return this.channel;
  }

  info(message: string): void {
    this.out.info(message);
  }

  warn(message: string): void {
    this.out.warn(message);
  }

  error(message: string): void {
    this.out.error(message);
  }

  show(): void {
    this.out.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}

// textDocument/codeLens → the language service; the lenses are refreshed when a ledger changes.
import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver/node';
import { codeLenses } from '../engine/service/codeLens';
import type { LiveWorkspace } from '../engine/service/workspace';
import { guarded, type Flush } from './guard';

export function registerCodeLens(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  connection.onCodeLens(
    guarded(connection, 'codeLens', (p) => {
      flush(p.textDocument.uri);
      return codeLenses(ws, p.textDocument.uri);
    }, []),
  );
}

/** Asks the client for new lenses (a ledger changed: the states did too), when it can be asked. */
export function refreshCodeLenses(connection: Connection): void {
  connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

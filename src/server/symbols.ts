// textDocument/documentSymbol and workspace/symbol → the language service.
import type { Connection } from 'vscode-languageserver/node';
import { documentSymbols, workspaceSymbols } from '../engine/service/symbols';
import type { LiveWorkspace } from '../engine/service/workspace';
import { guarded, type Flush } from './guard';

export function registerSymbols(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  connection.onDocumentSymbol(
    guarded(connection, 'documentSymbol', (p) => {
      flush(p.textDocument.uri);
      return documentSymbols(ws, p.textDocument.uri);
    }, []),
  );
  connection.onWorkspaceSymbol(guarded(connection, 'workspaceSymbol', (p) => workspaceSymbols(ws, p.query), []));
}

// textDocument/codeAction → the language service (quick fixes from the diagnostics' data).
import type { Connection } from 'vscode-languageserver/node';
import { codeActions } from '../engine/service/codeActions';
import type { LiveWorkspace } from '../engine/service/workspace';
import { guarded, type Flush } from './guard';

export function registerCodeActions(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  connection.onCodeAction(
    guarded(connection, 'codeAction', (p) => {
      flush(p.textDocument.uri);
      return codeActions(ws, p.textDocument.uri, p.context.diagnostics);
    }, []),
  );
}

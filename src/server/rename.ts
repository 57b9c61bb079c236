// textDocument/prepareRename and textDocument/rename → the language service. A refusal is an error
// response, which the editor shows as the reason.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { prepareRename, rename } from '../engine/service/rename';
import type { LiveWorkspace } from '../engine/service/workspace';
import { guarded, type Flush } from './guard';

export function registerRename(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  connection.onPrepareRename(
    guarded(connection, 'prepareRename', (p) => {
      flush(p.textDocument.uri);
      const lines = ws.lines(p.textDocument.uri);
      const r = lines ? prepareRename(ws, p.textDocument.uri, lines.offsetAt(p.position)) : undefined;
      if (!r) return null;
      return r.ok ? r.value : new ResponseError(ErrorCodes.InvalidRequest, r.error);
    }, null),
  );
  connection.onRenameRequest(
    guarded(connection, 'rename', (p) => {
      flush(p.textDocument.uri);
      const lines = ws.lines(p.textDocument.uri);
      const r = lines ? rename(ws, p.textDocument.uri, lines.offsetAt(p.position), p.newName) : undefined;
      if (!r) return null;
      return r.ok ? r.value : new ResponseError(ErrorCodes.InvalidRequest, r.error);
    }, null),
  );
}

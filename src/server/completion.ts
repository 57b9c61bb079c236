// textDocument/completion → the language service.
import type { Connection } from 'vscode-languageserver/node';
import { completion } from '../engine/service/completion';
import type { LiveWorkspace } from '../engine/service/workspace';
import { guarded, type Flush } from './guard';

export function registerCompletion(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  connection.onCompletion(
    guarded(connection, 'completion', (p) => {
      flush(p.textDocument.uri);
      const lines = ws.lines(p.textDocument.uri);
      return lines ? completion(ws, p.textDocument.uri, lines.offsetAt(p.position)) : [];
    }, []),
  );
}

// textDocument/hover → the language service.
import type { Connection } from 'vscode-languageserver/node';
import { hover } from '../engine/service/hover';
import type { LiveWorkspace } from '../engine/service/workspace';
import { guarded, type Flush } from './guard';

export function registerHover(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  connection.onHover(
    guarded(connection, 'hover', (p) => {
      flush(p.textDocument.uri);
      const lines = ws.lines(p.textDocument.uri);
      return lines ? hover(ws, p.textDocument.uri, lines.offsetAt(p.position)) : null;
    }, null),
  );
}

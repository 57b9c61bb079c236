// textDocument/foldingRange and textDocument/documentLink → the language service.
import type { Connection } from 'vscode-languageserver/node';
import { documentLinks, foldingRanges } from '../engine/service/structure';
import type { LiveWorkspace } from '../engine/service/workspace';
import { guarded, type Flush } from './guard';

export function registerStructure(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  connection.onFoldingRanges(
    guarded(connection, 'foldingRange', (p) => {
      flush(p.textDocument.uri);
      return foldingRanges(ws, p.textDocument.uri);
    }, []),
  );
  connection.onDocumentLinks(
    guarded(connection, 'documentLink', (p) => {
      flush(p.textDocument.uri);
      return documentLinks(ws, p.textDocument.uri);
    }, []),
  );
}

// textDocument/definition and textDocument/references → the language service.
import type { Connection } from 'vscode-languageserver/node';
import { definition, references } from '../engine/service/navigation';
import type { LiveWorkspace } from '../engine/service/workspace';
import { guarded, type Flush } from './guard';

export function registerDefinition(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  connection.onDefinition(
    guarded(connection, 'definition', (p) => {
      flush(p.textDocument.uri);
      const lines = ws.lines(p.textDocument.uri);
      return lines ? definition(ws, p.textDocument.uri, lines.offsetAt(p.position)) : [];
    }, []),
  );
  connection.onReferences(
    guarded(connection, 'references', (p) => {
      flush(p.textDocument.uri);
      const lines = ws.lines(p.textDocument.uri);
      return lines ? references(ws, p.textDocument.uri, lines.offsetAt(p.position), p.context.includeDeclaration) : [];
    }, []),
  );
}

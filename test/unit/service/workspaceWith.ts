// In-process language service tests: a workspace of files given as text, a `|` caret marker for the
// cursor, and the service's answers without a server process (the spawned-server suite keeps the protocol).
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { toLspDiagnostic } from '../../../src/engine/service/lsp';
import { LiveWorkspace } from '../../../src/engine/service/workspace';

export interface TestWorkspace {
  ws: LiveWorkspace;
  uri(name: string): string;
  /** The offset of the `|` caret in the file that had one. */
  caret: { uri: string; offset: number } | undefined;
  /** The file's diagnostics as LSP sends them. */
  diagnostics(name: string, today?: Date): LspDiagnostic[];
}

/** A live workspace of `files` (name → text; one text may hold the `|` caret, which is removed). */
export function workspaceWith(files: Record<string, string>): TestWorkspace {
  const ws = new LiveWorkspace();
  const uri = (name: string) => `file:///w/${name}`;
  let caret: TestWorkspace['caret'];
  for (const [name, marked] of Object.entries(files)) {
    const at = marked.indexOf('|');
    const text = at >= 0 && !caret ? marked.slice(0, at) + marked.slice(at + 1) : marked;
    if (at >= 0 && !caret) caret = { uri: uri(name), offset: at };
    ws.update(uri(name), text);
  }
  return {
    ws,
    uri,
    caret,
    diagnostics: (name, today = new Date(2026, 10, 23)) => {
      const lines = ws.lines(uri(name))!;
      return ws.diagnostics(uri(name), { today }).map((d) => toLspDiagnostic(d, lines, (u) => ws.lines(u)));
    },
  };
}

// Go to definition and find references for every id: sites, servers, License Servers, clients, activation ids.
import type { Location } from 'vscode-languageserver-types';
import { rangeOf } from './lsp';
import type { Occurrence } from './occurrences';
import type { LiveWorkspace } from './workspace';

export function definition(ws: LiveWorkspace, uri: string, offset: number): Location[] {
  const here = ws.occurrences.at(uri, offset);
  if (!here) return [];
  return locations(ws, ws.occurrences.of(here).filter((o) => o.definition));
}

export function references(ws: LiveWorkspace, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const here = ws.occurrences.at(uri, offset);
  if (!here) return [];
  const list = ws.occurrences.of(here).filter((o) => includeDeclaration || !o.definition);
  // Definitions first, then file by file in text order.
  list.sort((a, b) => Number(b.definition) - Number(a.definition) || a.uri.localeCompare(b.uri) || a.span.start - b.span.start);
  return locations(ws, list);
}

export function locations(ws: LiveWorkspace, list: Occurrence[]): Location[] {
  const out: Location[] = [];
  for (const o of list) {
    const lines = ws.lines(o.uri);
    if (lines) out.push({ uri: o.uri, range: rangeOf(lines, o.span) });
  }
  return out;
}

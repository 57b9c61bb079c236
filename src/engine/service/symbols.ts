// The outline of a file (document symbols) and every id of the workspace by name (workspace symbols).
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import { isSite, type LicensePlan, type Server, type Site, type Span } from '../model';
import { rangeOf, type Lines } from './lsp';
import type { IdKind } from './occurrences';
import type { LiveWorkspace } from './workspace';

export function documentSymbols(ws: LiveWorkspace, uri: string): DocumentSymbol[] {
  const lines = ws.lines(uri);
  if (!lines) return [];
  return ws.documents(uri).map((d) => (isSite(d) ? siteSymbol(d, lines) : planSymbol(d, lines)));
}

function symbol(lines: Lines, name: string, kind: SymbolKind, span: Span, select: Span | undefined, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const range = rangeOf(lines, span);
  const selectionRange = select && select.start >= span.start && select.end <= span.end ? rangeOf(lines, select) : range;
  return { name: name || '(unnamed)', kind, range, selectionRange, ...(detail ? { detail } : {}), ...(children ? { children } : {}) };
}

function group(lines: Lines, name: string, children: DocumentSymbol[]): DocumentSymbol[] {
  if (children.length === 0) return [];
  const first = children[0].range.start;
  const last = children[children.length - 1].range.end;
  const span = { start: lines.offsetAt(first), end: lines.offsetAt(last) };
  return [symbol(lines, name, SymbolKind.Namespace, span, span, `${children.length}`, children)];
}

function siteSymbol(site: Site, lines: Lines): DocumentSymbol {
  const byParent = new Map<string | undefined, Server[]>();
  for (const s of site.servers) byParent.set(s.parent, [...(byParent.get(s.parent) ?? []), s]);
  const tree = (parent: string | undefined): DocumentSymbol[] =>
    (byParent.get(parent) ?? []).map((s) => symbol(lines, s.id, SymbolKind.Module, s.span, s.at.id, s.type, tree(s.id)));
  const children = [
    ...group(lines, 'License Servers', site.licenseServers.map((l) => symbol(lines, l.id, SymbolKind.Interface, l.span, l.at.id, l.address))),
    ...group(lines, 'Servers', tree(undefined)),
    ...group(lines, 'Clients', site.clients.map((c) => symbol(lines, c.id, SymbolKind.Object, c.span, c.at.id, c.type))),
  ];
  return symbol(lines, site.name, SymbolKind.Package, site.span, site.at['metadata.name'], 'Site', children);
}

function planSymbol(plan: LicensePlan, lines: Lines): DocumentSymbol {
  const entitlements = plan.entitlements.map((e) =>
    symbol(lines, e.id, SymbolKind.Package, e.span, e.at.id, 'entitlement', e.products.map((p) => symbol(lines, p.activationId, SymbolKind.Key, p.span, p.at.activationId, p.feature))),
  );
  const assignments = plan.assignments.map((a) =>
    symbol(lines, `${a.target ?? '?'} ← ${a.activationId ?? '?'}`, SymbolKind.Field, a.span, a.targetKind ? a.at[a.targetKind] : undefined, a.quantity !== undefined ? `× ${a.quantity}` : undefined),
  );
  const children = [...group(lines, 'Entitlements', entitlements), ...group(lines, 'Assignments', assignments)];
  return symbol(lines, plan.name, SymbolKind.File, plan.span, plan.at['metadata.name'], `LicensePlan for ${plan.site ?? '?'}`, children);
}

const KIND: Record<IdKind, SymbolKind> = {
  site: SymbolKind.Package,
  server: SymbolKind.Module,
  licenseServer: SymbolKind.Interface,
  client: SymbolKind.Object,
  activationId: SymbolKind.Key,
};

/** Definitions whose id contains the query (case-insensitive), at most `limit`. */
export function workspaceSymbols(ws: LiveWorkspace, query: string, limit = 500): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const o of ws.occurrences.all()) {
    if (!o.definition || !o.id.toLowerCase().includes(q)) continue;
    const lines = ws.lines(o.uri);
    if (!lines) continue;
    out.push({ name: o.id, kind: KIND[o.kind], location: { uri: o.uri, range: rangeOf(lines, o.span) }, containerName: o.site || undefined });
    if (out.length >= limit) break;
  }
  return out;
}

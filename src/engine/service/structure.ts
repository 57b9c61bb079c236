// Folding ranges (each document, the big lists, each entitlement and each multi-line server) and document
// links (an assignment's activation id → its product in the entitlements; a site's spec.ledger → the file),
// so that editors other than VS Code (Neovim, Helix…) get them from the server too.
import * as path from 'node:path';
import type { DocumentLink, FoldingRange } from 'vscode-languageserver-types';
import { ledgerPathFor } from '../ledger/ledger';
import { uriOf } from '../load/files';
import { isFileUri, pathOfUri } from '../load/uri';
import { isSite, type Span } from '../model';
import { rangeOf } from './lsp';
import type { LiveWorkspace } from './workspace';

const LISTS = ['spec.licenseServers', 'spec.servers', 'spec.clients', 'spec.entitlements', 'spec.assignments'];

export function foldingRanges(ws: LiveWorkspace, uri: string): FoldingRange[] {
  const lines = ws.lines(uri);
  if (!lines) return [];
  const out: FoldingRange[] = [];
  const fold = (from: number, to: number) => {
    const start = lines.positionAt(from).line;
    const end = lines.positionAt(Math.max(from, to - 1)).line;
    if (end > start) out.push({ startLine: start, endLine: end });
  };
  for (const d of ws.index.file(uri)?.documents ?? []) {
    fold(d.span.start, d.span.end);
    const m = d.model;
    if (!m) continue;
    for (const list of LISTS) {
      const key = m.at[`$key:${list}`];
      const value = m.at[list];
      if (key && value) fold(key.start, value.end);
    }
    const items: Span[] = isSite(m) ? m.servers.map((s) => s.span) : m.entitlements.map((e) => e.span);
    for (const s of items) fold(s.start, s.end);
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

export function documentLinks(ws: LiveWorkspace, uri: string): DocumentLink[] {
  const lines = ws.lines(uri);
  if (!lines) return [];
  const out: DocumentLink[] = [];
  for (const m of ws.documents(uri)) {
    if (isSite(m)) {
      const at = m.at['spec.ledger'];
      if (at && m.ledger && isFileUri(uri)) {
        const file = ledgerPathFor(m, pathOfUri(uri));
        out.push({ range: rangeOf(lines, at), target: uriOf(file), tooltip: `The ledger of site ${m.name}: ${path.basename(file)}` });
      }
      continue;
    }
    for (const a of m.assignments) {
      const at = a.at.activationId;
      if (!at || !a.activationId) continue;
      const product = ws.occurrences.of({ kind: 'activationId', id: a.activationId, site: m.site ?? '' }).find((o) => o.definition);
      const target = product && ws.lines(product.uri);
      if (!product || !target) continue;
      const p = target.positionAt(product.span.start);
      out.push({ range: rangeOf(lines, at), target: `${product.uri}#L${p.line + 1},${p.character + 1}`, tooltip: `${a.activationId} in the entitlements` });
    }
  }
  return out;
}

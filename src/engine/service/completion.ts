// Completion: keys from the schema, enum values, ids from the workspace in the field that takes them,
// feature strings from the catalog, `permanent` and dates for `expires`.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { isPlan, isSite, productsOf, versionLabel, VERSION_YEARS, type BmsDocument } from '../model';
import { CATALOG } from '../rules';
import { enumAt, keysAt, type SchemaKind } from '../schema';
import { caretContext, type CaretContext } from './caret';
import { kindAt } from './hover';
import { rangeOf } from './lsp';
import type { LiveWorkspace } from './workspace';

export function completion(ws: LiveWorkspace, uri: string, offset: number, today = new Date()): CompletionItem[] {
  const text = ws.text(uri);
  const lines = ws.lines(uri);
  if (text === undefined || !lines) return [];
  const caret = caretContext(text, offset);
  const range = rangeOf(lines, caret.word);
  const kind = kindAt(ws, uri, offset);
  const item = (label: string, itemKind: CompletionItemKind, detail?: string, documentation?: string, insert = label): CompletionItem => ({
    label,
    kind: itemKind,
    ...(detail ? { detail } : {}),
    ...(documentation ? { documentation: { kind: 'markdown', value: documentation } } : {}),
    textEdit: { range, newText: insert },
  });
  if (caret.key !== undefined) {
    return values(ws, uri, offset, kind, caret, today).map((v) => item(v.label, v.kind, v.detail, v.doc));
  }
  if (!kind) {
    return [item('apiVersion', CompletionItemKind.Property, undefined, undefined, 'apiVersion: bms.license/v1'), item('kind', CompletionItemKind.Property, undefined, undefined, 'kind: ')];
  }
  if (caret.listItem) {
    // `- |` under a list of scalars: the list's values; under a list of mappings: the item's keys.
    const listKey = caret.path[caret.path.length - 2];
    const keys = keysAt(kind, caret.path);
    if (keys.length === 0 && typeof listKey === 'string') {
      const ctx = { ...caret, path: caret.path.slice(0, -2), key: listKey, listItem: true };
      return values(ws, uri, offset, kind, ctx, today).map((v) => item(v.label, v.kind, v.detail, v.doc));
    }
  }
  const present = presentKeys(text, offset);
  return keysAt(kind, caret.path)
    .filter((k) => !present.has(k.key))
    .map((k) => ({ ...item(k.key, CompletionItemKind.Property, k.required ? 'required' : undefined, k.description, `${k.key}: `), sortText: `${k.required ? 0 : 1}${k.key}` }));
}

interface Value {
  label: string;
  kind: CompletionItemKind;
  detail?: string;
  doc?: string;
}

function values(ws: LiveWorkspace, uri: string, offset: number, kind: SchemaKind | undefined, caret: CaretContext, today: Date): Value[] {
  const key = caret.key!;
  if (key === 'apiVersion') return [{ label: 'bms.license/v1', kind: CompletionItemKind.Constant }];
  if (key === 'kind' && caret.path.length === 0) return ['Site', 'LicensePlan'].map((label) => ({ label, kind: CompletionItemKind.EnumMember }));
  const doc = documentAt(ws, uri, offset);
  const site = doc && (isSite(doc) ? doc : ws.index.site(doc.site));
  const ids = (list: { id: string; type?: string; host?: string }[]): Value[] =>
    list.map((n) => ({ label: n.id, kind: CompletionItemKind.Reference, detail: [n.type, n.host].filter(Boolean).join(' on ') || undefined }));
  const inAssignment = caret.path.includes('assignments');
  if (key === 'server' && site) return ids(site.servers);
  if ((key === 'licenseServer' || key === 'licenseServers') && site) return ids(site.licenseServers.map((l) => ({ id: l.id, host: l.host })));
  if (key === 'client' && site) return ids(site.clients);
  if (key === 'activationId' && inAssignment && doc && isPlan(doc)) return activationIds(ws, doc.site, doc.uri);
  if (key === 'site' && caret.path[0] === 'metadata') return ws.index.sites().map((s) => ({ label: s.name, kind: CompletionItemKind.Reference, detail: s.customer }));
  if (key === 'version' && kind === 'Site' && caret.path[0] === 'spec') return versionValues();
  if (key === 'feature') return CATALOG.map((f) => ({ label: f.feature, kind: CompletionItemKind.Value, detail: f.licenseTypes.join(', '), doc: f.summary }));
  if (key === 'expires') return expiries(today);
  if (!kind) return [];
  return (enumAt(kind, [...caret.path, key]) ?? []).map((label) => ({ label, kind: CompletionItemKind.EnumMember }));
}

function activationIds(ws: LiveWorkspace, site: string | undefined, ownUri: string): Value[] {
  const plans = site === undefined ? ws.index.plans().filter((p) => p.uri === ownUri) : ws.index.plansFor(site);
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const p of plans.flatMap(productsOf)) {
    if (seen.has(p.activationId)) continue;
    seen.add(p.activationId);
    out.push({ label: p.activationId, kind: CompletionItemKind.Reference, detail: [p.feature, p.licenseType, p.quantity !== undefined ? `× ${p.quantity}` : ''].filter(Boolean).join(' ') });
  }
  return out;
}

function expiries(today: Date): Value[] {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const inYear = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  const endOfYear = new Date(Date.UTC(today.getUTCFullYear(), 11, 31));
  return [
    { label: 'permanent', kind: CompletionItemKind.Constant, detail: 'never expires' },
    { label: iso(inYear), kind: CompletionItemKind.Value, detail: 'one year from today' },
    { label: iso(endOfYear), kind: CompletionItemKind.Value, detail: 'end of this year' },
  ];
}

/** The model of the document at `offset`, the last good one when the current text does not parse. */
function documentAt(ws: LiveWorkspace, uri: string, offset: number): BmsDocument | undefined {
  const docs = ws.index.file(uri)?.documents ?? [];
  return (docs.find((d) => d.span.start <= offset && offset <= d.span.end) ?? docs[docs.length - 1])?.model;
}

/** Keys already written in the flow mapping on the caret's line (block mappings are left alone). */
function presentKeys(text: string, offset: number): Set<string> {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  const line = text.slice(start, end);
  const out = new Set<string>();
  if (!line.includes('{')) return out;
  for (const m of line.matchAll(/[{,]\s*([\w-]+)\s*:/g)) out.add(m[1]);
  return out;
}

/** The EBO versions by number and by release name (2022 = 4.0, 2023 = 5.0, 2024 = 6.0), each with its other name. */
function versionValues(): Value[] {
  const numbers = ['3.3', ...Object.values(VERSION_YEARS), '7.0', '7.1'];
  return [...numbers, ...Object.keys(VERSION_YEARS)].map((v) => ({
    label: `"${v}"`,
    kind: CompletionItemKind.EnumMember,
    detail: `EBO ${versionLabel(v)}${Number(v) >= 7 ? ': centralized licensing, set spec.tier' : ''}`,
  }));
}

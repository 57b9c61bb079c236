// Quick fixes where the fix is mechanical: `@localhost` (BMS032), the license type of the site's version (BMS024), a base-license assignment stub
// (BMS050), `spec.activation` (BMS066), and the closest known id for an unknown one (BMS010/011/012/013).
import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit } from 'vscode-languageserver-types';
import { isPlan, isSite, productsOf, type LicensePlan } from '../model';
import { rangeOf } from './lsp';
import type { LiveWorkspace } from './workspace';

export function codeActions(ws: LiveWorkspace, uri: string, diagnostics: LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = (d.data ?? {}) as Record<string, unknown>;
    const fix = (title: string, edits: Record<string, TextEdit[]>): CodeAction => ({ title, kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: { changes: edits } });
    if (typeof data.suggestion === 'string' && ['BMS010', 'BMS011', 'BMS012', 'BMS013'].includes(String(d.code))) {
      out.push(fix(`Change to '${data.suggestion}'`, { [uri]: [{ range: d.range, newText: data.suggestion }] }));
    } else if (d.code === 'BMS032' && typeof data.fix === 'string') {
      const edit = addressEdit(ws, uri, d, data.fix);
      if (edit) out.push(fix(`Set the address to '${data.fix}'`, { [uri]: [edit] }));
    } else if ((d.code === 'BMS024' || d.code === 'BMS052') && typeof data.fix === 'string') {
      out.push(fix(`Set licenseType to '${data.fix}'`, { [uri]: [{ range: d.range, newText: data.fix }] }));
    } else if (d.code === 'BMS066' && Array.isArray(data.activations)) {
      for (const way of data.activations as string[]) {
        const edit = activationEdit(ws, uri, d, way);
        if (edit) out.push({ ...fix(`Add 'activation: ${way}' to the site`, { [uri]: [edit] }), isPreferred: way === data.preferred });
      }
    } else if (d.code === 'BMS050' && typeof data.plan === 'string' && typeof data.server === 'string') {
      const edit = baseLicenseStub(ws, data.plan, data.server, typeof data.feature === 'string' ? data.feature : undefined);
      if (edit) out.push(fix(`Assign a base license to '${data.server}' in the plan`, { [data.plan]: [edit] }));
    }
  }
  return out;
}

/** A line `activation: <way>` under the site's spec, after the key of its first field (same indentation). */
function activationEdit(ws: LiveWorkspace, uri: string, d: LspDiagnostic, way: string): TextEdit | undefined {
  const lines = ws.lines(uri);
  const text = ws.text(uri);
  if (!lines || text === undefined) return undefined;
  const at = lines.offsetAt(d.range.start);
  const site = ws.documents(uri).filter(isSite).find((s) => s.span.start <= at && at <= s.span.end);
  const key = site && (site.at['$key:spec.version'] ?? site.at['$key:spec.connectivity']);
  if (!key) return undefined;
  const lineStart = text.lastIndexOf('\n', key.start - 1) + 1;
  const indent = text.slice(lineStart, key.start);
  if (!/^ *$/.test(indent)) return undefined; // a flow mapping: no line to add under
  const pos = lines.positionAt(endOfLine(text, key.end));
  return { range: { start: pos, end: pos }, newText: `\n${indent}activation: ${way}` };
}

/** Replaces the address of the License Server the diagnostic is on (quoted: `@` cannot start a plain scalar). */
function addressEdit(ws: LiveWorkspace, uri: string, d: LspDiagnostic, address: string): TextEdit | undefined {
  const lines = ws.lines(uri);
  if (!lines) return undefined;
  const at = lines.offsetAt(d.range.start);
  for (const site of ws.documents(uri).filter(isSite)) {
    const ls = site.licenseServers.find((l) => l.span.start <= at && at <= l.span.end && l.at.address);
    if (ls) return { range: rangeOf(lines, ls.at.address), newText: JSON.stringify(address) };
  }
  return undefined;
}

/** A new assignment line after the plan's last one, copying its indentation and style. */
function baseLicenseStub(ws: LiveWorkspace, planUri: string, server: string, feature: string | undefined): TextEdit | undefined {
  const text = ws.text(planUri);
  const lines = ws.lines(planUri);
  const plan = ws.documents(planUri).find(isPlan);
  if (text === undefined || !lines || !plan) return undefined;
  const product = productsOf(plan).find((p) => p.feature === feature);
  const activationId = product?.activationId ?? 'ACT-XXXX-XXXX';
  const stub = `{ server: ${server}, activationId: ${activationId}, quantity: 1 }`;
  const last = plan.assignments[plan.assignments.length - 1];
  if (last) {
    const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
    const indent = /^\s*/.exec(text.slice(lineStart, last.span.start))![0].replace(/-/g, ' ');
    const dashCol = text.slice(lineStart, last.span.start).lastIndexOf('-');
    const prefix = dashCol >= 0 ? `${' '.repeat(dashCol)}- ` : `${indent}- `;
    const pos = lines.positionAt(endOfLine(text, last.span.end));
    return { range: { start: pos, end: pos }, newText: `\n${prefix}${stub}` };
  }
  if (plan.at['$key:spec.assignments']) return undefined;
  return appendAssignments(plan, text, lines, stub);
}

function appendAssignments(plan: LicensePlan, text: string, lines: ReturnType<LiveWorkspace['lines']> & object, stub: string): TextEdit {
  const pos = lines.positionAt(endOfLine(text, plan.span.end));
  return { range: { start: pos, end: pos }, newText: `\n  assignments:\n    - ${stub}` };
}

function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl;
}

// `bmslicense validate [paths…]`: every diagnostic of the site and plan files, for people and for CI.
import * as path from 'node:path';
import type { Diagnostic } from '../../engine/diagnostics';
import { loadWorkspace } from '../../engine/load/files';
import { quickRead } from '../../engine/service/quickRead';
import type { WorkspaceIndex } from '../../engine/load/workspace';
import { fold, repairsInLast12Months } from '../../engine/ledger/fold';
import { ledgerPathFor, readLedger } from '../../engine/ledger/ledger';
import { usageReaderForSites } from '../../engine/lmstat/cache';
import type { RuleFailure } from '../../engine/rules';
import { LineIndex } from '../../engine/text';
import { validateWorkspace } from '../../engine/validate';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { flag, parseArgs } from './workflowArgs';

export interface ReportedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

const USAGE = 'bmslicense validate [FILE|FOLDER…] [--format text|json] [--today YYYY-MM-DD] [--expiry-warning-days N]';

/** `YYYY-MM-DD` as that calendar day, local time (expiry counts calendar days where the engineer is). */
export function parseDay(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : undefined;
}

/** Repairs per site and target from each site's ledger; notes for ledger lines that were skipped. */
function ledgerRepairs(index: WorkspaceIndex, paths: Map<string, string>, today: Date, io: CliIO) {
  const bySite = new Map<string, ReturnType<typeof fold>>();
  for (const site of index.sites()) {
    const sitePath = paths.get(site.uri);
    if (!site.name || !sitePath || bySite.has(site.name)) continue;
    const file = ledgerPathFor(site, sitePath);
    const read = readLedger(file);
    for (const p of read.problems) io.err(`note: ${path.relative(io.cwd, file)}:${p.line}: ${p.message}\n`);
    bySite.set(site.name, fold(read.events));
  }
  return (site: string, target: string) => {
    const state = bySite.get(site);
    return state ? repairsInLast12Months(state, target, today) : 0;
  };
}

function report(index: WorkspaceIndex, byUri: Map<string, Diagnostic[]>, paths: Map<string, string>, cwd: string): ReportedDiagnostic[] {
  const out: ReportedDiagnostic[] = [];
  const files = [...byUri.keys()].map((uri) => ({ uri, rel: path.relative(cwd, paths.get(uri) ?? uri) })).sort((a, b) => a.rel.localeCompare(b.rel));
  for (const { uri, rel } of files) {
    const lines = new LineIndex(index.file(uri)?.text ?? '');
    for (const d of byUri.get(uri) ?? []) {
      const s = lines.positionAt(d.span.start);
      const e = lines.positionAt(d.span.end);
      out.push({ file: rel, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: d.severity, code: d.code, message: d.message });
    }
  }
  return out;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check site and license plan files: schema and licensing rules (exit 1 on errors)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { format: true, today: true, 'expiry-warning-days': true });
    const format = flag(parsed, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be 'text' or 'json', not '${format}'`);
    const todayArg = flag(parsed, 'today');
    const today = todayArg === undefined ? new Date() : parseDay(todayArg);
    if (!today) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${todayArg}'`);
    const daysArg = flag(parsed, 'expiry-warning-days');
    const expiryWarningDays = daysArg === undefined ? undefined : Number(daysArg);
    if (expiryWarningDays !== undefined && !(Number.isInteger(expiryWarningDays) && expiryWarningDays >= 0)) {
      throw new UsageError(`--expiry-warning-days must be a whole number of days, not '${daysArg}'`);
    }

    const inputs = parsed.positional.length > 0 ? parsed.positional : ['.'];
    const { index, paths, problems } = loadWorkspace(inputs.map((p) => path.resolve(io.cwd, p)), quickRead);
    for (const p of problems) io.err(`bmslicense validate: ${path.relative(io.cwd, p.path) || p.path}: ${p.message}\n`);
    if (problems.length > 0) return 2;
    if (paths.size === 0) {
      io.err(`bmslicense validate: no *.bms.yaml files found in ${inputs.join(', ')}. Name the site and plan files, or the folder that holds them.\n`);
      return 2;
    }

    const failures: RuleFailure[] = [];
    const repairsOf = ledgerRepairs(index, paths, today, io);
    // BMS080-082 read the last usage refresh cached under .bmslicense/lmstat/ above each Site file.
    const byUri = validateWorkspace(index, { today, expiryWarningDays, repairsOf, usageOf: usageReaderForSites(index) }, { failures });
    for (const f of failures) {
      const where = path.relative(io.cwd, paths.get(f.uri) ?? f.uri);
      io.err(`bmslicense validate: internal error in the ${f.codes.join('/')} check of ${where}: ${f.error instanceof Error ? f.error.message : String(f.error)}. The other checks ran; please report this.\n`);
    }
    const found = report(index, byUri, paths, io.cwd);
    const errors = found.filter((d) => d.severity === 'error').length;
    if (format === 'json') {
      io.out(`${JSON.stringify(found, null, 2)}\n`);
    } else {
      for (const d of found) io.out(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}\n`);
      const warnings = found.filter((d) => d.severity === 'warning').length;
      const information = found.length - errors - warnings;
      io.out(`${count(paths.size, 'file')} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}, ${information} information\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};

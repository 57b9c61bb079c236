// `bmslicense validate [paths…]`: every diagnostic of the site and plan files, for people and for CI.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseDay } from '../../engine/calendar';
import { findBmsFiles, loadWorkspace, uriOf } from '../../engine/load/files';
import { conflictMessage } from '../../engine/ledger/ledger';
import type { RuleFailure } from '../../engine/rules';
import { WorkspaceSession } from '../../engine/session/session';
import { ledgerDiagnostics } from '../ledgerDiagnostics';
import { diagnosticLine, reportDiagnostics, type ReportedDiagnostic } from '../diagnosticLines';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { flag, parseArgs } from './workflowArgs';
import { jsonReport, type ValidateReport } from './validateReport';
import { junitReport } from './validateJunit';
import { sarifReport } from './validateSarif';

export type { ReportedDiagnostic };

const USAGE = 'bmslicense validate [FILE|FOLDER…] [--format text|json|sarif|junit] [--today YYYY-MM-DD] [--expiry-warning-days N] [--workspace DIR]';

/** Output formats: text for people, the others for CI (versioned JSON, SARIF 2.1.0, JUnit XML). */
const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];
const WRITERS: Record<Exclude<Format, 'text'>, (report: ValidateReport) => string> = { json: jsonReport, sarif: sarifReport, junit: junitReport };


/** Each site's ledger, once: notes for lines that were skipped, conflict markers, the ledgers' own findings (BMS062-069, BMS083, BMS090-097). */
function readLedgers(session: WorkspaceSession, io: CliIO, found: ReportedDiagnostic[], conflicts: string[]): void {
  const seen = new Set<string>();
  for (const site of session.index.sites()) {
    if (!site.name || seen.has(site.name)) continue;
    seen.add(site.name);
    const ledger = session.ledgers.of(site);
    if (!ledger) continue;
    const file = ledger.path;
    if (ledger.conflict !== undefined) conflicts.push(conflictMessage(path.relative(io.cwd, file), ledger.conflict));
    // Unreadable lines are findings (BMS090-091); a ledger that cannot be read at all is said here.
    for (const p of ledger.problems) if (p.line === 0) io.err(`note: ${path.relative(io.cwd, file)}: ${p.message}\n`);
    found.push(...ledgerDiagnostics(ledger, io.cwd));
  }
}


const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check site and license plan files: schema and licensing rules (exit 1 on errors)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { format: true, today: true, 'expiry-warning-days': true, workspace: true });
    const format = (flag(parsed, 'format') ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be 'text', 'json', 'sarif' or 'junit', not '${format}'`);
    const todayArg = flag(parsed, 'today');
    const today = todayArg === undefined ? new Date() : parseDay(todayArg);
    if (!today) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${todayArg}'`);
    const daysArg = flag(parsed, 'expiry-warning-days');
    const expiryWarningDays = daysArg === undefined ? undefined : Number(daysArg);
    if (expiryWarningDays !== undefined && !(Number.isInteger(expiryWarningDays) && expiryWarningDays >= 0)) {
      throw new UsageError(`--expiry-warning-days must be a whole number of days, not '${daysArg}'`);
    }

    const inputs = parsed.positional.length > 0 ? parsed.positional : ['.'];
    const asked = inputs.map((p) => path.resolve(io.cwd, p));
    // A file named alone (a pre-commit hook) is judged with its workspace: its site, its plans.
    const workspace = flag(parsed, 'workspace');
    const { index, paths, problems } = loadWorkspace([...asked, ...contextFolders(asked, workspace === undefined ? undefined : path.resolve(io.cwd, workspace))]);
    const reported = new Set(findBmsFiles(asked).files.map(uriOf));
    for (const p of problems) io.err(`bmslicense validate: ${path.relative(io.cwd, p.path) || p.path}: ${p.message}\n`);
    if (problems.length > 0) return 2;
    if (reported.size === 0) {
      io.err(`bmslicense validate: no *.bms.yaml files found in ${inputs.join(', ')}. Name the site and plan files, or the folder that holds them.\n`);
      return 2;
    }

    const failures: RuleFailure[] = [];
    const fromLedgers: ReportedDiagnostic[] = [];
    const conflicts: string[] = [];
    const session = new WorkspaceSession(index);
    readLedgers(session, io, fromLedgers, conflicts);
    if (conflicts.length > 0) {
      for (const c of conflicts) io.err(`bmslicense validate: ${c}\n`);
      return 2;
    }
    // BMS061 counts the ledgers' repairs; BMS080-082 read the last usage refresh cached under .bmslicense/lmstat/.
    const all = session.validate({ today, expiryWarningDays, activationMode: io.env.BMSLICENSE_LAS_URL ? 'http' : undefined }, { failures });
    const byUri = new Map([...all].filter(([uri]) => reported.has(uri)));
    // Once per rule and file, however many documents of the file it threw on.
    const logged = new Set<string>();
    for (const f of failures) {
      const key = `${f.codes.join('/')}\u0000${f.uri}`;
      if (logged.has(key)) continue;
      logged.add(key);
      const where = path.relative(io.cwd, paths.get(f.uri) ?? f.uri);
      io.err(`bmslicense validate: internal error in the ${f.codes.join('/')} check of ${where}: ${f.error instanceof Error ? f.error.message : String(f.error)}. The other checks ran; please report this.\n`);
    }
    const found = [...reportDiagnostics(index, byUri, paths, io.cwd), ...fromLedgers];
    const errors = found.filter((d) => d.severity === 'error').length;
    if (format !== 'text') {
      // A ledger with findings is a file of the report too (a JUnit suite, a SARIF artifact).
      const ledgers = fromLedgers.map((d) => d.file);
      const files = [...new Set([...[...reported].map((uri) => path.relative(io.cwd, paths.get(uri) ?? uri)), ...ledgers])].sort((a, b) => a.localeCompare(b));
      io.out(WRITERS[format]({ files, found, cwd: io.cwd }));
    } else {
      for (const d of found) io.out(`${diagnosticLine(d)}\n`);
      const warnings = found.filter((d) => d.severity === 'warning').length;
      const information = found.length - errors - warnings;
      io.out(`${count(reported.size, 'file')} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}, ${information} information\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};

/** The folders that give named files their context: `--workspace`, else the enclosing git repository, else the file's folder. */
function contextFolders(asked: string[], workspace: string | undefined): string[] {
  const out = new Set<string>();
  for (const p of asked) {
    let isFile = false;
    try {
      isFile = statSync(p).isFile();
    } catch {
      continue; // reported as a problem by the load
    }
    if (isFile) out.add(workspace ?? gitRoot(path.dirname(p)) ?? path.dirname(p));
  }
  return [...out];
}

function gitRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

// `bmslicense licenses-log FILE`: License Administrator's licenses log (FlexNet's debug log, help 6953) read
// as denials and queued checkouts per feature and user, clock-difference denials explained. With
// `--site NAME --license-server ID` the summary is kept for the tree and the dashboard.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace } from '../../engine/load/files';
import { decodeLmstatBytes } from '../../engine/lmstat/decode';
import { parseLicensesLog } from '../../engine/lmstat/licensesLog';
import { writeLicensesLog, LICENSES_LOG_CACHE_VERSION } from '../../engine/lmstat/licensesLogCache';
import { clockAdvice, problemsLabel, summarizeLicensesLog, type LicensesLogSummary } from '../../engine/lmstat/licensesLogSummary';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { flag, parseArgs, workspaceRoot } from './workflowArgs';

const OPTIONS = { format: true, site: true, 'license-server': true, workspace: true } as const;

const noStdin = async (): Promise<Buffer> => {
  throw new Error('standard input is not available here');
};

export function licensesLogText(file: string, s: LicensesLogSummary): string {
  const out = [`Licenses log ${file}: ${s.events} checkout events in ${s.lines} lines${s.from ? `, ${s.from} to ${s.to}` : ''}.`, `Summary: ${problemsLabel(s)}.`];
  if (s.features.length > 0) {
    out.push('', 'Per feature (checked out / in / denied / queued):');
    const width = Math.min(40, Math.max(...s.features.map((f) => f.feature.length)));
    for (const f of s.features) out.push(`  ${f.feature.padEnd(width)}  ${f.out} / ${f.in} / ${f.denied} / ${f.queued}${f.expired ? '  EXPIRED' : ''}`);
  }
  if (s.problems.length > 0) {
    out.push('', 'Denied and queued, per feature and user:');
    for (const p of s.problems) {
      const why = p.reason ? `: ${p.reason}${p.code ? ` (${p.code})` : ''}` : '';
      const times = p.count === 1 ? `at ${p.first}` : `${p.count} times, ${p.first} to ${p.last}`;
      out.push(`  ${p.kind === 'QUEUED' ? 'queued' : p.kind === 'UNSUPPORTED' ? 'unsupported' : 'denied'}  ${p.feature}  ${p.who}  ${times}${why}`);
      if (p.code === '-34') out.push(`    → ${clockAdvice(p)}.`);
      else if (p.action) out.push(`    → ${p.action}`);
    }
  }
  if (s.clockDenials > 0) out.push('', `${s.clockDenials} checkout(s) were denied because a client's clock differs from the License Server's by more than 24 hours (FlexNet -34).`);
  if (s.events === 0) out.push('', 'No OUT:, IN:, DENIED:, QUEUED: or EXPIRED: line was found: is this the licenses log of License Administrator (the FlexNet debug log)?');
  return `${out.join('\n')}\n`;
}

export const licensesLogCommand: CliCommand = {
  name: 'licenses-log',
  summary: "read License Administrator's licenses log (FlexNet debug log): denials and queued checkouts per feature and user",
  usage: 'bmslicense licenses-log FILE|- [--format json|text] [--site NAME --license-server ID [--workspace DIR]]   (exit 1 when a checkout was denied)',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, OPTIONS);
    const format = flag(p, 'format') ?? 'text';
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text (got '${format}')`);
    if (p.positional.length !== 1) throw new UsageError(p.positional.length === 0 ? 'missing FILE: the licenses log of License Administrator' : `one FILE only (got ${p.positional.length})`);
    const file = p.positional[0];
    let text: string;
    try {
      text = decodeLmstatBytes(file === '-' ? await (io.stdin ?? noStdin)() : readFileSync(path.resolve(io.cwd, file)));
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      return io.err(`bmslicense licenses-log: cannot read '${file}': ${reason}. License Administrator shows where its licenses log is (help 6953).\n`), 2;
    }
    const summary = summarizeLicensesLog(parseLicensesLog(text));
    const site = flag(p, 'site');
    const ls = flag(p, 'license-server');
    if ((site === undefined) !== (ls === undefined)) throw new UsageError('--site and --license-server go together: they say which License Server wrote the log');
    if (site !== undefined && ls !== undefined) {
      const root = workspaceRoot(p, io);
      const found = loadWorkspace([root]).index.site(site);
      if (!found) return io.err(`bmslicense licenses-log: no Site named '${site}' in ${root}.\n`), 2;
      if (!found.licenseServers.some((l) => l.id === ls)) return io.err(`bmslicense licenses-log: site '${site}' has no License Server '${ls}' (it has: ${found.licenseServers.map((l) => l.id).join(', ') || 'none'}).\n`), 2;
      const written = writeLicensesLog(root, { version: LICENSES_LOG_CACHE_VERSION, at: new Date().toISOString(), site, licenseServer: ls, file: file === '-' ? 'standard input' : path.basename(file), ...summary });
      if (!written.ok) return io.err(`bmslicense licenses-log: ${written.message}\n`), 2;
      io.err(`Kept for License Server ${ls} of site ${site}: ${path.relative(io.cwd, written.file)}\n`);
    }
    io.out(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : licensesLogText(file === '-' ? 'standard input' : file, summary));
    return summary.denied > 0 ? 1 : 0;
  },
};

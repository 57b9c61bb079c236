// `bmslicense report --site NAME --format md|html|csv [--out FILE]`: the handover report of one site.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDay } from '../../engine/calendar';
import { collectSiteReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../../engine/report';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { flag, parseArgs, workspaceRoot } from './workflowArgs';

const OPTIONS = { site: true, format: true, out: true, workspace: true, lmstat: true, today: true } as const;

function parseToday(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const day = parseDay(value);
  if (!day) throw new UsageError(`--today must be a date yyyy-mm-dd (got '${value}')`);
  return day;
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'the license report of a site for the handover: Markdown, self-contained HTML or CSV',
  usage:
    'bmslicense report --site NAME [--format md|html|csv] [--out FILE] [--workspace DIR] [--lmstat FILE[,FILE…]] [--today yyyy-mm-dd]\n' +
    '  --lmstat: saved `lmutil lmstat -a` outputs, for the Used column of the License Servers',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, OPTIONS);
    if (p.positional.length > 0) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
    const site = flag(p, 'site');
    if (!site) throw new UsageError('--site NAME is required');
    const format = (flag(p, 'format') ?? 'md') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be md, html or csv (got '${format}')`);
    const today = parseToday(flag(p, 'today'));
    const lmstatFiles = flag(p, 'lmstat')?.split(',').filter((f) => f).map((f) => path.resolve(io.cwd, f));
    const root = workspaceRoot(p, io);
    const result = collectSiteReport([root], site, { today, lmstatFiles });
    if (!result.ok) {
      io.err(`bmslicense report: ${result.message}\n`);
      return 2;
    }
    const text = renderReport(result.report, format);
    const out = flag(p, 'out');
    if (out === undefined || out === '-') {
      io.out(text);
      return 0;
    }
    const file = path.resolve(io.cwd, out);
    try {
      writeFileSync(file, text, 'utf8');
    } catch (e) {
      io.err(`bmslicense report: cannot write '${out}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check that the folder exists and is writable.\n`);
      return 2;
    }
    io.err(`Report of ${result.report.site.name} written to ${file}\n`);
    return 0;
  },
};

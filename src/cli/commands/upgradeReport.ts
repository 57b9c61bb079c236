// `bmslicense upgrade-report --site NAME --to 7.0`: what a site below 7.0 keeps, moves and must count
// before the upgrade, in Markdown, from the same view model as the handover report.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDay } from '../../engine/calendar';
import { collectSiteReport, renderUpgradeMarkdown, upgradeReport } from '../../engine/report';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { flag, parseArgs, workspaceRoot } from './workflowArgs';

const OPTIONS = { site: true, to: true, tier: true, out: true, workspace: true, today: true } as const;

export const upgradeReportCommand: CliCommand = {
  name: 'upgrade-report',
  summary: 'what the 7.0 upgrade changes for a site below 7.0: licenses that stay, move to Device Administrator or end; devices to count (Markdown)',
  usage: 'bmslicense upgrade-report --site NAME --to 7.0 [--tier essential|advanced|advanced-plus] [--out FILE] [--workspace DIR] [--today yyyy-mm-dd]',
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, OPTIONS);
    if (p.positional.length > 0) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
    const site = flag(p, 'site');
    if (!site) throw new UsageError('--site NAME is required');
    const to = flag(p, 'to');
    if (!to) throw new UsageError('--to VERSION is required, e.g. --to 7.0');
    const day = flag(p, 'today');
    const today = day === undefined ? undefined : parseDay(day);
    if (day !== undefined && !today) throw new UsageError(`--today must be a date yyyy-mm-dd (got '${day}')`);
    const collected = collectSiteReport([workspaceRoot(p, io)], site, { today });
    if (!collected.ok) return io.err(`bmslicense upgrade-report: ${collected.message}\n`), 2;
    const built = upgradeReport(collected.report, to, flag(p, 'tier'));
    if (!built.ok) return io.err(`bmslicense upgrade-report: ${built.error}\n`), 2;
    const text = renderUpgradeMarkdown(built.value);
    const out = flag(p, 'out');
    if (out === undefined || out === '-') return io.out(text), 0;
    try {
      writeFileSync(path.resolve(io.cwd, out), text, 'utf8');
    } catch (e) {
      return io.err(`bmslicense upgrade-report: cannot write '${out}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check that the folder exists and is writable.\n`), 2;
    }
    io.err(`Upgrade report of ${built.value.site.name} written to ${path.resolve(io.cwd, out)}\n`);
    return 0;
  },
};

// `bmslicense repair`: repair broken licenses (4 per target in 12 months). `--mark-broken T` records what
// the License Server reports as broken, so the repair knows what to do.
import { repair, reportBroken } from '../../engine/workflows/repair';
import { UsageError, type CliCommand } from '../io';
import { finish, flag, interruptible, offlineDir, parseArgs, siteWorkflow, SITE_OPTIONS, watched } from './workflowArgs';

export const repairCommand: CliCommand = {
  name: 'repair',
  summary: 'repair broken licenses of a site or one target (at most 4 repairs of a target in 12 months)',
  usage: 'bmslicense repair --site NAME [--target ID] [--transaction T] [--offline DIR] [--las URL] [--workspace DIR] [--by USER]\n       bmslicense repair --site NAME --target ID --mark-broken T',
  async run(args, io) {
    const p = parseArgs(args, { ...SITE_OPTIONS, offline: true, transaction: true, 'mark-broken': true });
    const w = siteWorkflow(p, io, 'repair');
    if (!w.ok) return io.err(`${w.error}\n`), 2;
    const broken = flag(p, 'mark-broken');
    if (broken) {
      if (!w.value.options.target) throw new UsageError('--mark-broken needs --target');
      return finish(await reportBroken(w.value.options, broken), io);
    }
    const offline = offlineDir(p, io, w.value.options.site);
    const only = { transaction: flag(p, 'transaction') };
    return finish(await interruptible((signal) => repair({ ...w.value.options, signal, offlineDir: offline, mode: offline ? 'offline' : undefined }, only), io, watched(w.value)), io, 'Nothing to repair: the ledger records no broken license here (record one with --target ID --mark-broken T).');
  },
};

// `bmslicense reclaim`: refresh active licenses with the latest entitlement (e.g. a subscription grew).
import { reclaim } from '../../engine/workflows/reclaim';
import type { CliCommand } from '../io';
import { finish, interruptible, offlineDir, parseArgs, siteWorkflow, SITE_OPTIONS, watched } from './workflowArgs';

export const reclaimCommand: CliCommand = {
  name: 'reclaim',
  summary: 'refresh the active licenses of a site or one target with the latest entitlement',
  usage: 'bmslicense reclaim --site NAME [--target ID] [--offline DIR] [--las URL] [--workspace DIR] [--by USER]',
  async run(args, io) {
    const p = parseArgs(args, { ...SITE_OPTIONS, offline: true });
    const w = siteWorkflow(p, io, 'reclaim');
    if (!w.ok) return io.err(`${w.error}\n`), 2;
    const offline = offlineDir(p, io, w.value.options.site);
    return finish(await interruptible((signal) => reclaim({ ...w.value.options, signal, offlineDir: offline, mode: offline ? 'offline' : undefined }), io, watched(w.value)), io);
  },
};

// `bmslicense activate`: activate what the plans assign, online or through offline request files.
import { activate } from '../../engine/workflows/activate';
import type { CliCommand } from '../io';
import { finish, interruptible, offlineDir, parseArgs, siteWorkflow, SITE_OPTIONS, watched } from './workflowArgs';

export const activateCommand: CliCommand = {
  name: 'activate',
  summary: 'activate the planned licenses of a site or one target (online, or offline request files: our own format, not the vendor\'s)',
  usage: 'bmslicense activate --site NAME [--target ID] [--offline DIR] [--las URL] [--workspace DIR] [--by USER]',
  async run(args, io) {
    const p = parseArgs(args, { ...SITE_OPTIONS, offline: true });
    const w = siteWorkflow(p, io, 'activate');
    if (!w.ok) return io.err(`${w.error}\n`), 2;
    const offline = offlineDir(p, io, w.value.options.site);
    return finish(await interruptible((signal) => activate({ ...w.value.options, signal, offlineDir: offline, mode: offline ? 'offline' : undefined }), io, watched(w.value)), io, 'Nothing to activate: every license planned here is active or requested already (or none is planned).');
  },
};

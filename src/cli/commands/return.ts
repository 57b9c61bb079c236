// `bmslicense return` and `bmslicense confirm-return`. A return takes whole transactions: the list is
// printed, and nothing is returned without --yes.
import { confirmReturn } from '../../engine/workflows/confirmReturn';
import { returnLicenses } from '../../engine/workflows/return';
import type { CliCommand } from '../io';
import { finish, interruptible, offlineDir, parseArgs, siteWorkflow, SITE_OPTIONS, watched } from './workflowArgs';

export const returnCommand: CliCommand = {
  name: 'return',
  summary: 'return the licenses of a site or one target (whole transactions; asks for --yes)',
  usage: 'bmslicense return --site NAME [--target ID] [--offline DIR] [--yes] [--las URL] [--workspace DIR] [--by USER]',
  async run(args, io) {
    const p = parseArgs(args, { ...SITE_OPTIONS, offline: true, yes: false });
    const w = siteWorkflow(p, io, 'return');
    if (!w.ok) return io.err(`${w.error}\n`), 2;
    const offline = offlineDir(p, io, w.value.options.site);
    const yes = p.flags.get('yes') === true;
    const result = await interruptible(
      (signal) =>
        returnLicenses({
          ...w.value.options,
          signal,
          offlineDir: offline,
          mode: offline ? 'offline' : undefined,
          confirm: async (c) => {
            io.out(`${c.message}\n`);
            if (!yes) io.err('Nothing returned: run the same command with --yes to return all of the above.\n');
            return yes;
          },
        }),
      io,
      watched(w.value),
    );
    // Without --yes the list and the hint to add --yes are all there is to say ("run again" would do the same).
    if (!yes && result.cancelled) return 1;
    return finish(result, io, 'Nothing to return: no license is active here.');
  },
};

export const confirmReturnCommand: CliCommand = {
  name: 'confirm-return',
  summary: 'confirm offline returns on the LAS so the licenses can be activated again',
  usage: 'bmslicense confirm-return --site NAME [--target ID] [--las URL] [--workspace DIR] [--by USER]',
  async run(args, io) {
    const p = parseArgs(args, SITE_OPTIONS);
    const w = siteWorkflow(p, io, 'confirm-return');
    if (!w.ok) return io.err(`${w.error}\n`), 2;
    return finish(await interruptible((signal) => confirmReturn({ ...w.value.options, signal }), io, watched(w.value)), io, 'Nothing to confirm: no offline return is waiting for its confirmation.');
  },
};

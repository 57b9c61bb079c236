// `bmslicense import-responses`: verify offline response files (signature, site, request, not replayed)
// and apply them to the ledger. The LAS public key: --public-key FILE, $BMSLICENSE_LAS_PUBLIC_KEY, or the
// workspace's simulator.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importResponses, responseFiles } from '../../engine/workflows/importResponses';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { lasUrl } from '../lasChoice';
import { finish, flag, interruptible, parseArgs, siteWorkflow, SITE_OPTIONS, simulatorFor, watched, type ParsedArgs } from './workflowArgs';
import { fail, ok, type Result } from '../../engine/result';

export function lasPublicKey(p: ParsedArgs, io: CliIO, root: string): Result<string> {
  const file = flag(p, 'public-key') ?? io.env.BMSLICENSE_LAS_PUBLIC_KEY;
  if (!file && lasUrl(p, io)) return fail("With --las, name the activation server's public key (PEM) too: --public-key FILE, or BMSLICENSE_LAS_PUBLIC_KEY.");
  if (!file) return simulatorFor(root).publicKey();
  try {
    return ok(fs.readFileSync(path.resolve(io.cwd, file), 'utf8'));
  } catch (e) {
    return fail(`Cannot read the LAS public key ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Export it with 'bmslicense las public-key'.`);
  }
}

export const importResponsesCommand: CliCommand = {
  name: 'import-responses',
  summary: 'verify and import offline response files of this tool\'s activation server (our own signed format, not the vendor\'s)',
  usage: 'bmslicense import-responses DIR|FILE… --site NAME [--public-key FILE] [--las URL] [--workspace DIR] [--by USER]',
  async run(args, io) {
    const p = parseArgs(args, { ...SITE_OPTIONS, 'public-key': true });
    if (p.positional.length === 0) throw new UsageError('name the folder or the response files to import');
    const w = siteWorkflow(p, io, 'import-responses');
    if (!w.ok) return io.err(`${w.error}\n`), 2;
    const key = lasPublicKey(p, io, w.value.root);
    if (!key.ok) return io.err(`${key.error}\n`), 2;
    const missing = p.positional.filter((f) => !fs.existsSync(path.resolve(io.cwd, f)));
    if (missing.length > 0) return io.err(`No such file or folder: ${missing.join(', ')}. Name the folder (or the files) where you saved the responses from the LAS.\n`), 2;
    const files = responseFiles(p.positional.map((f) => path.resolve(io.cwd, f)));
    if (files.length === 0) return io.err('No *.response.json file found there.\n'), 2;
    return finish(await interruptible((signal) => importResponses({ ...w.value.options, signal }, files, key.value), io, watched(w.value)), io);
  },
};

// `bmslicense las …`: the License Activation Server side. `respond` answers offline request files with the
// workspace's simulator (signed responses); `public-key` exports the key imports verify against; `serve`
// (the HTTP adapter) lives in src/engine/las/http/serve.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRequest, responseFileName } from '../../engine/las/offline/format';
import { answerRequest } from '../../engine/las/offline/respond';
import { writeFileAtomic } from '../../engine/las/simulatorState';
import { asksForHelp, HelpRequest } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { LasSimulator } from '../../engine/las/simulator';
import { restoreLasRecord } from '../../engine/workflows/restoreLas';
import { finish, flag, parseArgs, simulatorFor, siteWorkflow, SITE_OPTIONS, workspaceRoot } from './workflowArgs';

type SubVerb = (args: string[], io: CliIO) => Promise<number>;

async function respond(args: string[], io: CliIO): Promise<number> {
  const p = parseArgs(args, { out: true, workspace: true });
  const out = flag(p, 'out');
  if (!out) throw new UsageError('--out DIR is required');
  if (p.positional.length === 0) throw new UsageError('name the request files to answer');
  const las = simulatorFor(workspaceRoot(p, io));
  const key = las.publicKey();
  if (!key.ok) return io.err(`${key.error}\n`), 1;
  const outDir = path.resolve(io.cwd, out);
  let failed = 0;
  for (const f of p.positional) {
    const file = path.resolve(io.cwd, f);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      io.err(`${f}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      failed++;
      continue;
    }
    const { request, problem } = parseRequest(text);
    if (!request) {
      io.err(`${f}: ${problem}\n`);
      failed++;
      continue;
    }
    let response: Awaited<ReturnType<typeof answerRequest>>;
    try {
      response = await answerRequest(las, request);
    } catch (e) {
      // The simulator's state or key cannot be had: the message names the file.
      io.err(`${f}: not answered: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
    const target = path.join(outDir, responseFileName(response.requestId));
    writeFileAtomic(target, `${JSON.stringify(response, null, 2)}\n`);
    const o = response.outcome;
    io.out(`${path.basename(target)}: ${request.op} on ${request.target.id} ${o.ok ? 'accepted' : `refused (${o.error?.code}): ${o.error?.message}`}\n`);
  }
  return failed > 0 ? 1 : 0;
}

async function publicKey(args: string[], io: CliIO): Promise<number> {
  const p = parseArgs(args, { out: true, workspace: true });
  const key = simulatorFor(workspaceRoot(p, io)).publicKey();
  if (!key.ok) return io.err(`${key.error}\n`), 1;
  const pem = key.value;
  const out = flag(p, 'out');
  if (out) writeFileAtomic(path.resolve(io.cwd, out), pem);
  else io.out(pem);
  return 0;
}

// ---- `serve` belongs to the HTTP adapter: src/engine/las/http/serve.ts exports `runServe(args, io)`. ----
async function serve(args: string[], io: CliIO): Promise<number> {
  let mod: { runServe?: SubVerb } | undefined;
  try {
    // Resolved at build time when the file exists; a missing module only disables this sub-verb.
    mod = require('../../engine/las/http/serve');
  } catch {
    mod = undefined;
  }
  if (!mod?.runServe) return io.err('bmslicense las serve is not available in this build.\n'), 2;
  return mod.runServe(args, io);
}

/** Rebuilds the simulator's record of a site from its ledger (its state lost, damaged, or from another clone). */
async function restore(args: string[], io: CliIO): Promise<number> {
  const w = siteWorkflow(parseArgs(args, SITE_OPTIONS), io);
  if (!w.ok) return io.err(`${w.error}\n`), 2;
  const las = w.value.options.las;
  if (!(las instanceof LasSimulator)) {
    const way = w.value.options.site.activation ?? 'vendor-tools';
    return io.err(`las restore rebuilds the built-in simulator's record only, and site ${w.value.options.site.name} has activation: ${way} (${way === 'http' ? 'an activation server keeps its own record' : "the vendor's License Activation Server keeps the record; the ledger records what was done"}).\n`), 2;
  }
  return finish(await restoreLasRecord({ ...w.value.options, las }), io);
}

/** `las serve` parses its own options (src/engine/las/http/serve.ts); for its help. */
const SERVE_OPTIONS = { port: true, data: true, 'token-env': true };

const subVerbs: Record<string, SubVerb> = { respond, 'public-key': publicKey, serve, restore };

export const lasCommand: CliCommand = {
  name: 'las',
  summary: 'the built-in License Activation Server simulator: respond to our offline request files, export its public key, serve over HTTP, restore its record from a ledger',
  usage: 'bmslicense las respond REQUEST… --out DIR [--workspace DIR]\n       bmslicense las public-key [--out FILE] [--workspace DIR]\n       bmslicense las serve [--port P] [--data DIR] [--token-env VAR] [--quiet]\n       bmslicense las restore --site NAME [--workspace DIR]',
  async run(args, io) {
    const [verb, ...rest] = args;
    if (verb === 'serve' && asksForHelp(rest)) throw new HelpRequest(SERVE_OPTIONS);
    const run = verb ? subVerbs[verb] : undefined;
    if (!run) throw new UsageError(verb ? `unknown sub-command '${verb}'` : 'name a sub-command: respond, public-key, serve or restore');
    return run(rest, io);
  },
};

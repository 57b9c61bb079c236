// What the license commands share: their options, finding the site and its plans in the workspace, the
// LAS to talk to (the workspace's simulator), and printing progress and the summary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '../../engine/load/files';
import { conflictMessage, defaultActor, ledgerPathFor, readLedger } from '../../engine/ledger/ledger';
import { LasSimulator, simulatorDataDir } from '../../engine/las/simulator';
import { catalogTargetsOf } from '../../engine/rules/catalog';
import { didYouMean } from '../../engine/rules/suggest';
import { resolveTargets } from '../../engine/workflows/targets';
import { describeResult, type WorkflowOptions, type WorkflowResult } from '../../engine/workflows/context';
import type { Diagnostic } from '../../engine/diagnostics';
import type { WorkspaceIndex } from '../../engine/load/workspace';
import { activationOf, type Site } from '../../engine/model';
import { checkSite, type SiteCheck } from '../../engine/siteCheck';
import { diagnosticLine, reportDiagnostics } from '../diagnosticLines';
import { flag, type ParsedArgs } from '../args';
import { UsageError, type CliIO } from '../io';
import { LAS_OPTIONS, lasFor } from '../lasChoice';
import { refusalExitCode, siteLockOptions } from '../siteLock';
import { fail, ok, type Result } from '../../engine/result';
import { LasWatch } from '../../engine/workflows/lasWatch';

export { flag, parseArgs, type ParsedArgs } from '../args';

export const SITE_OPTIONS = { site: true, target: true, workspace: true, by: true, ...LAS_OPTIONS } as const;

/** The workspace root: `--workspace DIR`, else the current folder. */
export function workspaceRoot(p: ParsedArgs, io: CliIO): string {
  return path.resolve(io.cwd, flag(p, 'workspace') ?? '.');
}

export function simulatorFor(root: string): LasSimulator {
  return new LasSimulator({ dataDir: simulatorDataDir(root) });
}

/** Loads the workspace and builds the workflow options for `--site`; a message when that cannot be done. `acts` names a
 * command that asks a LAS to act (activate, return…): refused on a site licensed with the vendor's tools. */
export function siteWorkflow(p: ParsedArgs, io: CliIO, acts?: string): Result<{ options: WorkflowOptions; root: string; check: SiteCheck; watch: LasWatch }> {
  const name = flag(p, 'site');
  if (!name) throw new UsageError('--site NAME is required');
  const root = workspaceRoot(p, io);
  const { index, paths, problems } = loadWorkspace([root]);
  // A plan that cannot be read would look like an empty plan: plan and apply would return every license.
  if (problems.length > 0) {
    const list = problems.map((pr) => `${path.relative(io.cwd, pr.path) || pr.path}: ${pr.message}`).join('; ');
    return fail(`Cannot read ${list}. Nothing was done: make the file readable and run the command again.`);
  }
  const site = index.site(name);
  if (!site) {
    const known = index.sites().map((s) => s.name);
    return fail(`No Site named '${name}' in ${root}${known.length ? ` (sites: ${known.join(', ')})` : ' (no *.bms.yaml Site found)'}.`);
  }
  const clock = clockOf(io);
  if (!clock.ok) return clock;
  // Validate first: what validate rejects is never acted on (syntax and schema errors stop everything).
  const check = checkSite(index, site, { today: clock.value(), displayPath: (uri) => path.relative(io.cwd, paths.get(uri) ?? uri) });
  if (check.stopping.length > 0) return fail(stoppingMessage(site.name, index, check, paths, io));
  const siteFile = paths.get(site.uri) ?? (site.uri.startsWith('file:') ? fileURLToPath(site.uri) : site.uri);
  const way = activationOf(site);
  if (flag(p, 'las') !== undefined && way !== 'http') {
    throw new UsageError(`site '${site.name}' has activation: ${site.activation === undefined ? 'vendor-tools (spec.activation not set)' : way}; --las is for a site with activation: http (add it under spec in the site file to use an activation server of your own)`);
  }
  if (acts && way === 'vendor-tools') return fail(vendorToolsRefusal(site.name, acts));
  const chosen = lasFor(p, io, root, way);
  if (!chosen.ok) return chosen;
  const watch = new LasWatch(chosen.value);
  const options: WorkflowOptions = {
    las: watch.las,
    site,
    plans: index.plansFor(site.name),
    ledgerPath: ledgerPathFor(site, siteFile),
    target: flag(p, 'target'),
    by: flag(p, 'by') ?? defaultActor(io.env),
    appliesTo: catalogTargetsOf,
    blockerOf: check.blockerOf,
    onProgress: (pr) => {
      if (pr.total > 0 && pr.done > 0) io.err(`[${pr.done}/${pr.total}] ${pr.message}\n`);
    },
    ...siteLockOptions(io),
    workspaceRoot: root,
  };
  // Conflict markers: refused by every command before anything is read from (or appended to) the ledger.
  const conflict = readLedger(options.ledgerPath).conflict;
  if (conflict !== undefined) return fail(conflictMessage(path.relative(io.cwd, options.ledgerPath) || options.ledgerPath, conflict));
  if (options.target !== undefined) {
    // A mistyped id is bad input: refused before anything runs, with the closest id of the site.
    const resolved = resolveTargets(options);
    if (!resolved.ok) {
      const ids = [...site.servers, ...site.licenseServers, ...site.clients].map((t) => t.id);
      return fail(`${resolved.error}${didYouMean(options.target, ids).hint}`);
    }
  }
  return ok({ options, root, check, watch });
}

/** What a LAS workflow command says on a real site: the vendor's tools do it, the workbench records it. */
export function vendorToolsRefusal(site: string, command: string): string {
  return [
    `Site ${site} is licensed with the vendor's tools (activation: vendor-tools): '${command}' cannot reach the vendor's License Activation Server. Nothing was done.`,
    `Do it in License Administrator (network licenses, on the License Server's computer) or Device Administrator (centralized licenses): 'bmslicense plan --site ${site}' says which tool, computer and values,`,
    `then record what was done: 'bmslicense record ${command === 'confirm-return' ? 'confirm-return' : command === 'import-responses' ? 'response-imported' : command} --site ${site} --target ID …' (or 'bmslicense apply --site ${site}', a checklist).`,
    `For practice, set 'activation: simulator' under spec in the site file.`,
  ].join('\n');
}

/** The problems that stop every command, as validate prints them, and what to do. */
function stoppingMessage(site: string, index: WorkspaceIndex, check: SiteCheck, paths: Map<string, string>, io: CliIO): string {
  const stopping = new Map<string, Diagnostic[]>();
  for (const d of check.stopping) stopping.set(d.uri, [...(stopping.get(d.uri) ?? []), d]);
  const lines = reportDiagnostics(index, stopping, paths, io.cwd).map(diagnosticLine);
  const n = lines.length;
  return [
    `Site ${site}: validate finds ${n} problem${n === 1 ? '' : 's'} in its files that stop${n === 1 ? 's' : ''} every command (syntax, schema, duplicate ids or sites):`,
    ...lines,
    'Nothing was done. Fix these (bmslicense validate lists every problem), then run the command again.',
  ].join('\n');
}

/** The clock: `BMSLICENSE_NOW` (an ISO time, for reproducible output) or the real one. */
export function clockOf(io: CliIO): Result<() => Date> {
  const fixed = io.env.BMSLICENSE_NOW;
  if (!fixed) return ok(() => new Date());
  const t = Date.parse(fixed);
  if (Number.isNaN(t)) return fail(`BMSLICENSE_NOW='${fixed}' is not a date: use an ISO time such as 2026-11-23T10:00:00Z, or unset it.`);
  return ok(() => new Date(t));
}

/** Prints the summary (`nothing` when there was no step at all); exit code 0 when everything was done, 1 otherwise (2: a ledger to resolve first). */
export function finish(result: WorkflowResult, io: CliIO, nothing = 'Nothing to do.'): number {
  const text = describeResult(result);
  io.out(text.trim() ? text : `${nothing}\n`);
  if (result.cancelled && !result.ok && refusalExitCode(result) === undefined) return CANCELLED_EXIT;
  return result.ok ? 0 : refusalExitCode(result) ?? 1;
}

/** Exit code of a run cancelled by Ctrl-C (128 + SIGINT), as shells expect. */
export const CANCELLED_EXIT = 130;

/** How long a second Ctrl-C waits for the step under way (an append) before the process exits. */
export const FORCED_STOP_MS = 2000;

/**
 * Ctrl-C cancels between steps (what is done stays done and recorded) instead of killing mid-step. A second
 * Ctrl-C waits at most 2 s for the step under way, then exits naming what the activation server did (or
 * may have done) that the ledger does not record. The site's lock is released on exit either way.
 */
export async function interruptible<T>(run: (signal: AbortSignal) => Promise<T>, io: CliIO, watched?: { watch: LasWatch; ledgerPath: string }): Promise<T> {
  const abort = new AbortController();
  let forced: NodeJS.Timeout | undefined;
  const onInt = () => {
    if (!abort.signal.aborted) {
      io.err('Cancelling after the current step… (Ctrl-C again to stop at once)\n');
      abort.abort();
      return;
    }
    if (forced) return;
    io.err(`Stopping: waiting at most ${FORCED_STOP_MS / 1000} s for the step under way to finish…\n`);
    forced = setTimeout(() => {
      io.err(`${forcedStopMessage(watched)}\n`);
      process.exit(CANCELLED_EXIT);
    }, FORCED_STOP_MS);
  };
  process.on('SIGINT', onInt);
  try {
    return await run(abort.signal);
  } finally {
    process.removeListener('SIGINT', onInt);
    if (forced) clearTimeout(forced);
  }
}

/** What a forced stop looks at: the run's activation server calls and its ledger. */
export function watched(w: { watch: LasWatch; options: WorkflowOptions }): { watch: LasWatch; ledgerPath: string } {
  return { watch: w.watch, ledgerPath: w.options.ledgerPath };
}

function forcedStopMessage(watched: { watch: LasWatch; ledgerPath: string } | undefined): string {
  if (!watched) return 'Stopped. Run the same command again to finish; what is done is not redone.';
  const { made, unanswered } = watched.watch.unrecorded(watched.ledgerPath);
  const out = ['Stopped before the step under way finished.'];
  if (made.length > 0) out.push(`The activation server made what the ledger ${watched.ledgerPath} does not record: ${made.join('; ')}.`);
  if (unanswered.length > 0) out.push(`Asked of the activation server and not answered yet (it may have been done): ${unanswered.join('; ')}.`);
  if (made.length === 0 && unanswered.length === 0) out.push('The ledger records everything the activation server did in this run.');
  else out.push('Run the same command again: it records what the activation server holds before it does anything else.');
  return out.join('\n');
}

/** `--offline DIR` resolved against the working folder; required when `site` is an offline site. */
export function offlineDir(p: ParsedArgs, io: CliIO, site?: Site): string | undefined {
  const dir = flag(p, 'offline');
  if (dir === undefined && site?.connectivity === 'offline') {
    throw new UsageError(`site '${site.name}' is offline: add --offline DIR, the folder to write the request files to`);
  }
  if (dir !== undefined && fs.existsSync(path.resolve(io.cwd, dir)) && !fs.statSync(path.resolve(io.cwd, dir)).isDirectory()) {
    throw new UsageError(`--offline ${dir} is a file, not a folder: name the folder to write the request files to`);
  }
  return dir === undefined ? undefined : path.resolve(io.cwd, dir);
}

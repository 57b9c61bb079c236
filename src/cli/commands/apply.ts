// `bmslicense apply`: run the plan's actions through the LAS (the workspace's simulator), writing the ledger
// as it goes. Stops at the first failure; running it again does only what is left. Never returns without
// --yes or an answer on a terminal.
import * as path from 'node:path';
import * as readline from 'node:readline/promises';
import { describeResult } from '../../engine/workflows/context';
import { applyPlan, formatPlanText, summaryLine, type ApplyResult, type ReturnReview } from '../../engine/reconcile';
import type { CliCommand, CliIO } from '../io';
import { refusalExitCode } from '../siteLock';
import { lasPublicKey } from './offline';
import { applyChecklist } from './applyChecklist';
import { activationOf } from '../../engine/model';
import { CANCELLED_EXIT, clockOf, flag, interruptible, offlineDir, parseArgs, siteWorkflow, SITE_OPTIONS, watched } from './workflowArgs';

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

function confirmer(yes: boolean, io: CliIO): (review: ReturnReview) => Promise<boolean> {
  return async (review) => {
    io.out(`${review.message}\n`);
    if (yes) return true;
    // BMSLICENSE_INTERACTIVE=0 never prompts (scripts, tests run from a terminal).
    if (process.stdin.isTTY && process.stderr.isTTY && io.env.BMSLICENSE_INTERACTIVE !== '0') return askOnTerminal('Return these licenses? Only "yes" is accepted: ');
    io.err('Nothing applied: the plan returns licenses. Review the list above, then run the same command with --yes.\n');
    return false;
  };
}

export function describeApply(r: ApplyResult): string {
  const out = [describeResult(r).trimEnd()];
  const waiting = r.skipped.filter((s) => s.code === 'waiting');
  const blocked = r.skipped.filter((s) => s.code !== 'waiting');
  if (waiting.length > 0) out.push('Waiting for an outside step:', ...waiting.map((s) => `  > ${s.message}`));
  if (blocked.length > 0) out.push('Cannot be applied (fix the plan or the site, then run apply again):', ...blocked.map((s) => `  ! ${s.message}`));
  return `${out.filter((l) => l !== '').join('\n')}\n`;
}

export const applyCommand: CliCommand = {
  name: 'apply',
  summary: 'do what `plan` shows: activate, reclaim, repair, return (asks for --yes), offline steps',
  usage: 'bmslicense apply --site NAME [--yes] [--offline DIR] [--responses DIR] [--public-key FILE] [--las URL] [--workspace DIR] [--by USER]\n       bmslicense apply --site NAME [--answers FILE|-]   (a vendor-tools site: a checklist)',
  async run(args, io) {
    const p = parseArgs(args, { ...SITE_OPTIONS, yes: false, offline: true, responses: true, 'public-key': true, answers: true });
    const w = siteWorkflow(p, io);
    if (!w.ok) return io.err(`${w.error}\n`), 2;
    if (w.value.options.target) return io.err('apply works on the whole site: leave out --target (use activate, reclaim, … for one target).\n'), 2;
    const clock = clockOf(io);
    if (!clock.ok) return io.err(`${clock.error}\n`), 2;
    if (activationOf(w.value.options.site) === 'vendor-tools') {
      if (p.flags.get('yes') === true) {
        return io.err(`--yes is refused on site ${w.value.options.site.name} (activation vendor-tools): every step is done in the vendor's tool and answered one by one (a terminal, or --answers FILE|-); nothing was written.\n`), 2;
      }
      return applyChecklist(w.value.options, flag(p, 'answers'), io, clock.value);
    }
    if (flag(p, 'answers') !== undefined) return io.err(`--answers is for a site licensed with the vendor's tools; site ${w.value.options.site.name} has activation: ${activationOf(w.value.options.site)}.\n`), 2;
    const responses = flag(p, 'responses');
    let publicKeyPem: string | undefined;
    if (responses) {
      const key = lasPublicKey(p, io, w.value.root);
      if (!key.ok) return io.err(`${key.error}\n`), 2;
      publicKeyPem = key.value;
    }
    const result = await interruptible(
      (signal) =>
        applyPlan({
          ...w.value.options,
          now: io.env.BMSLICENSE_NOW ? clock.value : undefined,
          signal,
          offlineDir: offlineDir(p, io),
          responsesDir: responses ? path.resolve(io.cwd, responses) : undefined,
          publicKeyPem,
          confirmReturns: confirmer(p.flags.get('yes') === true, io),
        }),
      io,
      watched(w.value),
    );
    const refusal = refusalExitCode(result);
    if (refusal !== undefined) return io.err(describeResult(result)), refusal;
    if (result.plan.actions.length === 0) {
      io.out(`${summaryLine(result.plan.summary)} Nothing to apply.\n`);
      return 0;
    }
    if (result.notDone.some((n) => n.code === 'returns-not-confirmed')) return 1;
    io.out(formatPlanText(result.plan, path.basename(w.value.options.ledgerPath)));
    io.out(`\n${describeApply(result)}`);
    return result.ok ? 0 : result.cancelled ? CANCELLED_EXIT : 1;
  },
};

// `bmslicense plan`: what `apply` would do to bring the site's activations to its plans (Terraform-like).
// With --detailed-exitcode: 0 nothing to do, 2 actions, 1 error (as Terraform): an error `validate` gives for the
// site's files or ledger, or a blocked action, so CI can flag drift and never mistake an error for it.
import { ok, type Result } from '../../engine/result';
import * as path from 'node:path';
import { fold, type LedgerState } from '../../engine/ledger/fold';
import type { Las } from '../../engine/las/types';
import { ledgerBlockerOf, ledgerErrorLines, readJudgedLedger } from '../../engine/ledger/judged';
import { formatPlanJson, formatPlanText, reconcile, type ReconcilePlan } from '../../engine/reconcile';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { driftText, planDrift, withDrift } from '../drift';
import { clockOf, flag, parseArgs, siteWorkflow, SITE_OPTIONS, type ParsedArgs } from './workflowArgs';

const USAGE = 'bmslicense plan --site NAME [--target ID] [--format text|json] [--detailed-exitcode] [--las URL] [--workspace DIR]';


/** Loads the site, its plans and its ledger and computes the plan; a message when that cannot be done. */
export function sitePlan(p: ParsedArgs, io: CliIO): Result<{ plan: ReconcilePlan; ledgerPath: string; warnings: string[]; las: Las; state: LedgerState; errors: number; ledgerErrors: number }> {
  const w = siteWorkflow(p, io);
  if (!w.ok) return w;
  const clock = clockOf(io);
  if (!clock.ok) return clock;
  const judged = readJudgedLedger(w.value.options.ledgerPath, w.value.options.site.name, { now: clock.value() });
  const warnings = ledgerErrorLines(judged);
  const state = fold(judged.events);
  const plan = reconcile(w.value.options.site, w.value.options.plans, state, { today: clock.value(), blockerOf: w.value.options.blockerOf, ledgerBlockerOf: ledgerBlockerOf(judged) });
  const target = w.value.options.target;
  if (target) plan.actions = plan.actions.filter((a) => a.target === target);
  // Errors validate gives for the site's files and for its ledger (BMS063, BMS090…): the same findings it prints.
  const errors = [...w.value.check.diagnostics.values()].flat().filter((d) => d.severity === 'error').length + judged.errors.length;
  return ok({ plan, ledgerPath: w.value.options.ledgerPath, warnings, las: w.value.options.las, state, errors, ledgerErrors: judged.errors.length });
}

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'show what apply would do to bring the activations to the plan (activate, reclaim, return, repair)',
  usage: USAGE,
  async run(args, io) {
    const detailed = args.includes('--detailed-exitcode');
    try {
      const p = parseArgs(args, { ...SITE_OPTIONS, format: true, 'detailed-exitcode': false });
      const format = flag(p, 'format') ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json (got '${format}')`);
      const planned = sitePlan(p, io);
      if (!planned.ok) return io.err(`${planned.error}\n`), detailed ? 1 : 2;
      const r = planned.value;
      for (const w of r.warnings) io.err(`${w}\n`);
      const drift = await planDrift(r, p);
      if (!drift.ok) io.err(`${drift.error}\n`);
      io.out(format === 'json' ? withDrift(formatPlanJson(r.plan), drift) : formatPlanText(r.plan, path.basename(r.ledgerPath)) + driftText(drift));
      if (!drift.ok) return detailed ? 1 : 0;
      if (!detailed) return 0;
      if (r.errors > 0 || r.plan.summary.blocked > 0) {
        const why = [r.errors > 0 ? `validate finds ${r.errors} error${r.errors === 1 ? '' : 's'} in the site's files or ledger` : '', r.plan.summary.blocked > 0 ? `${r.plan.summary.blocked} action${r.plan.summary.blocked === 1 ? ' is' : 's are'} blocked` : ''].filter(Boolean).join(' and ');
        io.err(`bmslicense plan: exit 1: ${why}. Run \`bmslicense validate\` and fix the errors.\n`);
        return 1;
      }
      return r.plan.actions.length > 0 || drift.value.length > 0 ? 2 : 0;
    } catch (e) {
      // With --detailed-exitcode, 2 means "changes": a usage error must say 1.
      if (!(e instanceof UsageError) || !detailed) throw e;
      io.err(`bmslicense plan: ${e.message}\nUsage: ${USAGE}\n`);
      return 1;
    }
  },
};

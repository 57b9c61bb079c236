// `bmslicense plan`: what `apply` would do to bring the site's activations to its plans (Terraform-like).
// With --detailed-exitcode: 0 nothing to do, 2 actions, 1 error (as Terraform): an error `validate` gives for the
// site's files or ledger, or a blocked action, so CI can flag drift and never mistake an error for it.
import { ok, type Result } from '../../engine/result';
import * as path from 'node:path';
import type { LedgerState } from '../../engine/ledger/fold';
import { foldSite, judgeContextOf } from '../../engine/ledger/siteLedger';
import type { Las } from '../../engine/las/types';
import { ledgerBlockerOf, ledgerErrorLines, readJudgedLedger } from '../../engine/ledger/judged';
import { formatPlanJson, formatPlanText, reconcile, type ReconcilePlan } from '../../engine/reconcile';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { buildGuide, guideMarkdown, guideText } from '../../engine/guide';
import { activationOf, type LicensePlan, type Site } from '../../engine/model';
import { driftText, planDrift, withDrift } from '../drift';
import { clockOf, flag, parseArgs, siteWorkflow, SITE_OPTIONS, type ParsedArgs } from './workflowArgs';

const USAGE = 'bmslicense plan --site NAME [--target ID] [--format text|json|md] [--detailed-exitcode] [--las URL] [--workspace DIR]';


/** Loads the site, its plans and its ledger and computes the plan; a message when that cannot be done. */
export function sitePlan(p: ParsedArgs, io: CliIO): Result<{ plan: ReconcilePlan; ledgerPath: string; warnings: string[]; las: Las; state: LedgerState; errors: number; ledgerErrors: number; site: Site; plans: LicensePlan[] }> {
  const w = siteWorkflow(p, io);
  if (!w.ok) return w;
  const clock = clockOf(io);
  if (!clock.ok) return clock;
  const { site, ledgerPath } = w.value.options;
  // Judged and folded as the site is licensed: a simulated line in a vendor-tools site is not an activation.
  const judged = readJudgedLedger(ledgerPath, site.name, { now: clock.value(), ...judgeContextOf(site, ledgerPath) });
  const warnings = ledgerErrorLines(judged);
  const state = foldSite(site, judged, ledgerPath);
  const plan = reconcile(site, w.value.options.plans, state, { today: clock.value(), blockerOf: w.value.options.blockerOf, ledgerBlockerOf: ledgerBlockerOf(judged) });
  const target = w.value.options.target;
  if (target) plan.actions = plan.actions.filter((a) => a.target === target);
  // Errors validate gives for the site's files and for its ledger (BMS063, BMS090…): the same findings it prints.
  const errors = [...w.value.check.diagnostics.values()].flat().filter((d) => d.severity === 'error').length + judged.errors.length;
  return ok({ plan, ledgerPath, warnings, las: w.value.options.las, state, errors, ledgerErrors: judged.errors.length, site, plans: w.value.options.plans });
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
      if (format !== 'text' && format !== 'json' && format !== 'md') throw new UsageError(`--format is text, json or md (got '${format}')`);
      const planned = sitePlan(p, io);
      if (!planned.ok) return io.err(`${planned.error}\n`), detailed ? 1 : 2;
      const r = planned.value;
      const vendorTools = activationOf(r.site) === 'vendor-tools';
      if (format === 'md' && !vendorTools) throw new UsageError(`--format md prints the checklist of a site licensed with the vendor's tools; site '${r.site.name}' has activation: ${activationOf(r.site)}`);
      for (const w of r.warnings) io.err(`${w}\n`);
      // On a vendor-tools site nothing but the vendor's tools has a record to compare with (lmstat checks network seats).
      const drift = vendorTools ? ok([]) : await planDrift(r, p);
      if (!drift.ok) io.err(`${drift.error}\n`);
      const guide = vendorTools ? buildGuide(r.site, r.plans, r.plan, r.state) : undefined;
      if (format === 'md') io.out(guideMarkdown(guide!));
      else if (format === 'json') io.out(withDrift(formatPlanJson(guide ? { ...r.plan, guide: guide.steps.map(({ actions: _a, ...s }) => s) } : r.plan), drift));
      else io.out(formatPlanText(r.plan, path.basename(r.ledgerPath)) + (guide ? `\n${guideText(guide)}` : '') + driftText(drift));
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

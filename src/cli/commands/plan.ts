// `bmslicense plan`: what `apply` would do to bring the site's activations to its plans (Terraform-like).
// With --detailed-exitcode: 0 nothing to do, 2 actions, 1 error, so CI can flag drift.
import { ok, type Result } from '../../engine/result';
import * as path from 'node:path';
import type { LedgerState } from '../../engine/ledger/fold';
import { foldSite } from '../../engine/ledger/siteLedger';
import type { Las } from '../../engine/las/types';
import { readLedger } from '../../engine/ledger/ledger';
import { formatPlanJson, formatPlanText, reconcile, type ReconcilePlan } from '../../engine/reconcile';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { buildGuide, guideMarkdown, guideText } from '../../engine/guide';
import { activationOf, type LicensePlan, type Site } from '../../engine/model';
import { driftText, planDrift, withDrift } from '../drift';
import { clockOf, flag, parseArgs, siteWorkflow, SITE_OPTIONS, type ParsedArgs } from './workflowArgs';

const USAGE = 'bmslicense plan --site NAME [--target ID] [--format text|json|md] [--detailed-exitcode] [--las URL] [--workspace DIR]';


/** Loads the site, its plans and its ledger and computes the plan; a message when that cannot be done. */
export function sitePlan(p: ParsedArgs, io: CliIO): Result<{ plan: ReconcilePlan; ledgerPath: string; warnings: string[]; las: Las; state: LedgerState; site: Site; plans: LicensePlan[] }> {
  const w = siteWorkflow(p, io);
  if (!w.ok) return w;
  const clock = clockOf(io);
  if (!clock.ok) return clock;
  const read = readLedger(w.value.options.ledgerPath);
  const warnings = read.problems.map((x) => `Ledger ${path.basename(w.value.options.ledgerPath)} line ${x.line}: ${x.message}`);
  const state = foldSite(w.value.options.site, read, w.value.options.ledgerPath);
  const plan = reconcile(w.value.options.site, w.value.options.plans, state, { today: clock.value(), blockerOf: w.value.options.blockerOf });
  const target = w.value.options.target;
  if (target) plan.actions = plan.actions.filter((a) => a.target === target);
  return ok({ plan, ledgerPath: w.value.options.ledgerPath, warnings, las: w.value.options.las, state, site: w.value.options.site, plans: w.value.options.plans });
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
      return detailed && (r.plan.actions.length > 0 || drift.value.length > 0) ? 2 : 0;
    } catch (e) {
      // With --detailed-exitcode, 2 means "changes": a usage error must say 1.
      if (!(e instanceof UsageError) || !detailed) throw e;
      io.err(`bmslicense plan: ${e.message}\nUsage: ${USAGE}\n`);
      return 1;
    }
  },
};

// The guide of a site as its files and ledger are now: read as plan reads it (judged: a bad line blocks its
// target's steps), folded as the site is licensed. apply's checklist (CLI) and the extension's checklist share it.
import { ledgerBlockerOf, readJudgedLedger } from '../ledger/judged';
import { foldSite, judgeContextOf } from '../ledger/siteLedger';
import type { LicensePlan, Site } from '../model';
import { reconcile } from '../reconcile/reconcile';
import type { ReconcilePlan } from '../reconcile/types';
import type { BlockerOf } from '../siteCheck';
import { buildGuide, type Guide } from './steps';

export function guideNow(o: { site: Site; plans: LicensePlan[]; ledgerPath: string; blockerOf?: BlockerOf }, now: Date = new Date()): { plan: ReconcilePlan; guide: Guide } {
  const judged = readJudgedLedger(o.ledgerPath, o.site.name, { now, ...judgeContextOf(o.site, o.ledgerPath) });
  const state = foldSite(o.site, judged, o.ledgerPath);
  const plan = reconcile(o.site, o.plans, state, { today: now, blockerOf: o.blockerOf, ledgerBlockerOf: ledgerBlockerOf(judged) });
  return { plan, guide: buildGuide(o.site, o.plans, plan, state) };
}

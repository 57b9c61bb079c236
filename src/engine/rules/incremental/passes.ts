// The editor's rule passes behind validateFile: plan rules re-judge only what an edit touched (planPass.ts),
// Site rules see only the assignments they read (narrowed.ts), and an unchanged Site keeps its lookups
// (keptLookups.ts). Their findings equal a whole pass by construction; test/lsp compares them with one.
import type { Diagnostic } from '../../diagnostics';
import type { WorkspaceIndex } from '../../load/workspace';
import { isPlan, type BmsDocument } from '../../model';
import { runRules, type RuleContext, type RuleFailure, type ValidationOptions } from '..';
import { LiveRuleContext } from './keptLookups';
import { siteRulesContext } from './narrowed';
import { PlanRules } from './planPass';

/** What the editor's passes remember from one edit to the next: one per live workspace. */
export class IncrementalRules {
  private readonly plans = new PlanRules();

  /** A context for one pass over the workspace: lookups of unchanged Sites are kept across passes. */
  context(index: WorkspaceIndex, options: ValidationOptions): RuleContext {
    return new LiveRuleContext(index, options);
  }

  check(doc: BmsDocument, ctx: RuleContext, failures?: RuleFailure[]): Diagnostic[] {
    return isPlan(doc) ? this.plans.check(doc, ctx, failures) : runRules(doc, siteRulesContext(doc, ctx), failures);
  }
}

// The validation pipeline of every face: parse diagnostics, then the schema, then the semantic rules, for one file
// or all. The language server passes its incremental rule passes; the CLI and the extension run the rules whole.
import { compareDiagnostics, type Diagnostic } from './diagnostics';
import type { WorkspaceIndex } from './load/workspace';
import { RuleContext, runRules, type RuleFailure, type ValidationOptions } from './rules';
import { validateSchema } from './schema';
import type { IncrementalRules } from './rules/incremental/passes';

export type { ValidationOptions } from './rules';

export interface ValidateRun {
  /** Rules that threw (bugs): their diagnostics are missing, everything else is there. */
  failures?: RuleFailure[];
  /** Share lookups across files of one pass (validateWorkspace does). */
  context?: RuleContext;
  /**
   * The editor's incremental passes (rules/incremental): the same findings as the plain rule run, re-judging
   * only what an edit touched. Without it every rule runs on the whole document: the reference they must equal.
   */
  incremental?: IncrementalRules;
  /**
   * The error findings alone (what stops a command or blocks a license): rules that can find nothing worse than
   * a warning do not run (a 200-site workspace's tree asks this of every site when the folder opens).
   */
  errorsOnly?: boolean;
}

/** Every diagnostic of one file of the index, sorted. Never throws. */
export function validateFile(index: WorkspaceIndex, uri: string, options: ValidationOptions = {}, run: ValidateRun = {}): Diagnostic[] {
  const file = index.file(uri);
  if (!file) return [];
  const ctx = run.context ?? new RuleContext(index, options);
  const out: Diagnostic[] = [...(file.checked ?? file.diagnostics)];
  for (const doc of file.documents) {
    if (!doc.kind) continue;
    if (doc.swallowed) continue; // an unclosed quote: the BMS001 on it says all that can be said
    try {
      if (!file.checked) out.push(...validateSchema(doc.yaml, doc.kind, uri));
    } catch (error) {
      run.failures?.push({ codes: ['BMS002'], uri, error });
    }
    if (doc.model) out.push(...(run.incremental ? run.incremental.check(doc.model, ctx, run.failures) : runRules(doc.model, ctx, run.failures, run.errorsOnly)));
  }
  return (run.errorsOnly ? out.filter((d) => d.severity === 'error') : out).sort(compareDiagnostics);
}

/** Every file of the index, by uri. */
export function validateWorkspace(index: WorkspaceIndex, options: ValidationOptions = {}, run: ValidateRun = {}): Map<string, Diagnostic[]> {
  const context = run.context ?? new RuleContext(index, options);
  const out = new Map<string, Diagnostic[]>();
  for (const file of index.allFiles()) out.set(file.uri, validateFile(index, file.uri, options, { ...run, context }));
  return out;
}

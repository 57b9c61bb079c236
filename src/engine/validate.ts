// The validation pipeline: parse diagnostics, then the schema, then the semantic rules, for one file or all.
import { compareDiagnostics, type Diagnostic } from './diagnostics';
import type { BmsFile } from './load/parse';
import type { WorkspaceIndex } from './load/workspace';
import { RuleContext, runRules, type RuleFailure, type ValidationOptions } from './rules';
import { validateSchema } from './schema';

export type { ValidationOptions } from './rules';

export interface ValidateRun {
  /** Rules that threw (bugs): their diagnostics are missing, everything else is there. */
  failures?: RuleFailure[];
  /** Share lookups across files of one pass (validateWorkspace does). */
  context?: RuleContext;
}

/** Files whose parse already checked the schema and found nothing (quickRead.ts): not checked again. */
export const schemaChecked = new WeakSet<BmsFile>();

/** Every diagnostic of one file of the index, sorted. Never throws. */
export function validateFile(index: WorkspaceIndex, uri: string, options: ValidationOptions = {}, run: ValidateRun = {}): Diagnostic[] {
  const file = index.file(uri);
  if (!file) return [];
  const ctx = run.context ?? new RuleContext(index, options);
  const out: Diagnostic[] = [...file.diagnostics];
  for (const doc of file.documents) {
    if (!doc.kind) continue;
    try {
      if (!schemaChecked.has(file)) out.push(...validateSchema(doc.yaml, doc.kind, uri));
    } catch (error) {
      run.failures?.push({ codes: ['BMS002'], uri, error });
    }
    if (doc.model) out.push(...runRules(doc.model, ctx, run.failures));
  }
  return out.sort(compareDiagnostics);
}

/** Every file of the index, by uri. */
export function validateWorkspace(index: WorkspaceIndex, options: ValidationOptions = {}, run: ValidateRun = {}): Map<string, Diagnostic[]> {
  const context = run.context ?? new RuleContext(index, options);
  const out = new Map<string, Diagnostic[]>();
  for (const file of index.allFiles()) out.set(file.uri, validateFile(index, file.uri, options, { ...run, context }));
  return out;
}

// A workflow's steps and their runner: progress after each step, cancellation checked between steps, a
// failure that stops the rest or not, and a summary of what was done and what was not.
import type { LasError } from '../las/types';
import { describeDiskError, isDiskError } from '../ledger/disk';
import { UnrecordedError } from './ledgerWriter';
import { blockerText, type Blocker } from '../siteCheck';
import type { WorkflowOptions, WorkflowResult } from './options';

export type StepOutcome =
  | { status: 'done' | 'skipped'; message: string; files?: string[] }
  | { status: 'failed'; message: string; code?: string; /** Stop here: the LAS cannot be reached. */ stop?: boolean };

export interface Step {
  target: string;
  label: string;
  run(): Promise<StepOutcome>;
}

/** A step that an error finding of validate keeps from running: reported with the finding, the next steps still run. */
export function blockedStep(target: string, label: string, blocker: Blocker): Step {
  return { target, label, run: async () => ({ status: 'failed', code: 'blocked', message: `${label}: blocked by ${blockerText(blocker)}` }) };
}

export function lasFailure(error: LasError, what: string): StepOutcome {
  const stop = error.retryable === true || error.code === 'unavailable' || error.code === 'unauthorized' || error.code === 'state-unreadable';
  return { status: 'failed', message: `${what}: ${error.message}`, code: error.code, stop };
}

/** Runs the steps in order: progress after each, cancellation checked between steps, a summary at the end. */
export async function runSteps(opts: WorkflowOptions, steps: Step[]): Promise<WorkflowResult> {
  const result: WorkflowResult = { ok: true, cancelled: false, done: [], notDone: [], requestFiles: [] };
  const total = steps.length;
  const report = (done: number, message: string) => opts.onProgress?.({ done, total, message });
  report(0, total === 0 ? 'Nothing to do.' : `Starting: ${steps[0]!.label}`);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    // The simulator's file work is synchronous: let a Ctrl-C or a Cancel that came during the step be heard.
    if (i > 0) await betweenSteps();
    if (opts.signal?.aborted) {
      result.cancelled = true;
      for (const rest of steps.slice(i)) result.notDone.push({ target: rest.target, message: `${rest.label}: not started (cancelled)`, code: 'cancelled' });
      break;
    }
    let outcome: StepOutcome;
    try {
      outcome = await step.run();
    } catch (e) {
      // A bug or a disk error: report it like any failure so the user sees what was done before it.
      outcome = failureOf(e, step.label);
    }
    if (outcome.status === 'failed') {
      result.notDone.push({ target: step.target, message: outcome.message, code: outcome.code });
      if (outcome.stop) {
        for (const rest of steps.slice(i + 1)) result.notDone.push({ target: rest.target, message: `${rest.label}: not attempted after the failure above`, code: 'not-attempted' });
        report(i + 1, outcome.message);
        break;
      }
    } else {
      // What the simulator did is said to be simulated, in every summary and notification built from it.
      const message = opts.las.via === 'simulator' && outcome.status === 'done' ? `simulated: ${outcome.message}` : outcome.message;
      result.done.push({ target: step.target, message });
      result.requestFiles.push(...(outcome.files ?? []));
    }
    report(i + 1, outcome.message);
  }
  result.ok = result.notDone.length === 0 && !result.cancelled;
  return result;
}

/** Plain-text summary of a result, for the CLI and notifications. */
export function describeResult(r: WorkflowResult): string {
  const lines: string[] = [];
  for (const d of r.done) lines.push(`  done      ${d.target ? `${d.target}: ` : ''}${d.message}`);
  for (const n of r.notDone) lines.push(`  NOT DONE  ${n.target ? `${n.target}: ` : ''}${n.message}`);
  if (r.requestFiles.length > 0) lines.push(`Request files written (carry them to a computer that reaches the LAS):`, ...r.requestFiles.map((f) => `  ${f}`));
  if (!r.ok) lines.push(r.cancelled ? 'Cancelled: run the same command again to finish; what is done is not redone.' : 'Not everything was done: fix what is said above and run the same command again; what is done is not redone.');
  return `${lines.join('\n')}\n`;
}

/** A step that threw: a disk error named (file, meaning, what to do), a ledger line not written named with its transactions. */
export function failureOf(e: unknown, label: string): Extract<StepOutcome, { status: 'failed' }> {
  if (e instanceof UnrecordedError) return { status: 'failed', message: `${label}: ${e.message}`, code: 'ledger-unwritten', stop: true };
  if (isDiskError(e)) return { status: 'failed', message: `${label}: ${describeDiskError(e, 'write')}`, code: 'disk', stop: true };
  return { status: 'failed', message: `${label}: ${(e as Error).message}`, code: 'internal', stop: true };
}

/** Yields to the event loop once, so signals and cancellations that came during a step are seen before the next. */
export function betweenSteps(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

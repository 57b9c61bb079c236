// How the CLI waits for another process working on a site: `BMSLICENSE_LOCK_TIMEOUT` seconds (default 60,
// 0 = refuse at once), with the waiting line on stderr; and the exit codes of refusals before anything ran.
import { DEFAULT_LOCK_TIMEOUT_MS, REFUSAL_CODES } from '../engine/workflows/siteLock';
import type { WorkflowOptions, WorkflowResult } from '../engine/workflows/context';
import type { CliIO } from './io';

export function siteLockOptions(io: CliIO): Pick<WorkflowOptions, 'lockTimeoutMs' | 'onWait'> {
  const raw = io.env.BMSLICENSE_LOCK_TIMEOUT;
  const seconds = raw === undefined || raw === '' ? undefined : Number(raw);
  const lockTimeoutMs = seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_LOCK_TIMEOUT_MS;
  return { lockTimeoutMs, onWait: (message) => io.err(`${message}\n`) };
}

/** A workflow refused before it started: 2 for a ledger to resolve first (conflict markers), 1 for a busy site or a LAS that disagrees. */
export function refusalExitCode(result: WorkflowResult): number | undefined {
  const codes = new Set(result.notDone.map((n) => n.code));
  if (codes.has(REFUSAL_CODES.conflict)) return 2;
  if (codes.has(REFUSAL_CODES.locked) || codes.has(REFUSAL_CODES.lasRecord) || codes.has(REFUSAL_CODES.disk)) return 1;
  return undefined;
}

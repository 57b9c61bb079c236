// The wire contract shared by the HTTP server and the client: one `POST /v1/<method>` per `Las` method.
import type { Las, LasError, LasResult } from '../types';

export type LasMethod = Exclude<keyof Las, 'via' | 'lasHost'>;

/** Body field names of each method, in the order of the `Las` method's parameters. */
export const lasMethodParams: { readonly [M in LasMethod]: readonly string[] } = {
  syncEntitlements: ['products'],
  activate: ['target', 'lines'],
  returnTransaction: ['target', 'transaction', 'offline'],
  confirmReturn: ['target', 'transaction'],
  reclaim: ['target'],
  repair: ['target', 'transaction'],
  activations: ['site', 'target'],
};

export const lasMethods = Object.keys(lasMethodParams) as LasMethod[];

/**
 * Calls that may be repeated blindly: a read, and a sync that sets state to the same value.
 * Everything else changes the LAS once per call; it is retried only under the same Idempotency-Key.
 */
export const idempotentMethods: ReadonlySet<LasMethod> = new Set<LasMethod>(['activations', 'syncEntitlements']);

export function isLasMethod(name: string): name is LasMethod {
  return Object.prototype.hasOwnProperty.call(lasMethodParams, name);
}

/** Builds the JSON body of a call from the method's arguments. */
export function bodyOf(method: LasMethod, args: readonly unknown[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  lasMethodParams[method].forEach((name, i) => {
    if (args[i] !== undefined) body[name] = args[i];
  });
  return body;
}

/** The header the client sends once per logical operation; the server replays its stored answer. */
export const idempotencyHeader = 'idempotency-key';

export function lasError(code: LasError['code'], message: string, retryable?: boolean): { ok: false; error: LasError } {
  return { ok: false, error: retryable === undefined ? { code, message } : { code, message, retryable } };
}

/** True when `value` has the `LasResult` shape (what a well-behaved server answers). */
export function isLasResult(value: unknown): value is LasResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return true;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

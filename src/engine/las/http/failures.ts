// What went wrong on the way to the activation server, and the message that tells the user what to do.
import type { LasError } from '../types';
import type { LasMethod } from './protocol';

export type Failure =
  | { kind: 'refused' }
  | { kind: 'timeout'; ms: number }
  | { kind: 'status'; status: number; statusText: string; /** What the server said of its failure (e.g. its disk is full). */ detail?: string }
  | { kind: 'malformed' }
  | { kind: 'reset' }
  | { kind: 'network'; code: string }
  | { kind: 'unauthorized'; tokenSent: boolean }
  | { kind: 'not-las'; status: number };

/** What the user would call the operation, for "the activation may or may not have happened". */
export const operationNoun: { readonly [M in LasMethod]: string } = {
  syncEntitlements: 'entitlement sync',
  activate: 'activation',
  returnTransaction: 'return',
  confirmReturn: 'return confirmation',
  reclaim: 'reclaim',
  repair: 'repair',
  activations: 'activation list',
};

const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** Classifies an exception thrown by fetch or by reading the body (the timeout is told apart by the caller). */
export function failureOf(e: unknown): Failure {
  const codes = errorCodes(e);
  if (codes.includes('ECONNREFUSED')) return { kind: 'refused' };
  if (codes.some((c) => resetCodes.has(c)) || (e instanceof Error && e.message === 'terminated')) return { kind: 'reset' };
  return { kind: 'network', code: codes[0] ?? (e instanceof Error ? e.message.slice(0, 200) : 'network error') };
}

function errorCodes(e: unknown, depth = 0): string[] {
  if (typeof e !== 'object' || e === null || depth > 4) return [];
  const o = e as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof o.code === 'string' ? [o.code] : [];
  const nested = Array.isArray(o.errors) ? o.errors.flatMap((x) => errorCodes(x, depth + 1)) : [];
  return [...own, ...errorCodes(o.cause, depth + 1), ...nested];
}

/**
 * The error value for a failed call. `mayHaveHappened` names the operation when the request may have
 * reached the server and changed the LAS, so the user must look at the real state before trying again.
 */
/** Where the user sets the token and the URL: the extension's command and setting, or the CLI's variable and option. */
export interface SetupHints {
  token: string;
  url: string;
}

export const EXTENSION_HINTS: SetupHints = { token: 'Run "BMS: Set activation server token".', url: 'bmsLicense.activation.url' };

export function errorOf(f: Failure, url: string, attempts: number, mayHaveHappened?: string, hints: SetupHints = EXTENSION_HINTS): LasError {
  if (f.kind === 'unauthorized') {
    return {
      code: 'unauthorized',
      message: f.tokenSent ? `The activation server refused the token. ${hints.token}` : `The activation server needs a token and none is set. ${hints.token}`,
    };
  }
  const tried = attempts > 1 ? ` (tried ${attempts} times)` : '';
  const what = describe(f, url).split('bmsLicense.activation.url').join(hints.url);
  if (f.kind === 'not-las') return { code: 'unavailable', message: `${what}${tried}` };
  const next = mayHaveHappened
    ? ` The ${mayHaveHappened} may or may not have happened. Run "Refresh" (or \`bmslicense plan\`) to see the real state before retrying.`
    : f.kind === 'refused'
      ? ''
      : ' Try again in a moment; if it keeps failing, check that the server is running and healthy.';
  return { code: 'unavailable', retryable: true, message: `${what}${tried}.${next}` };
}

function describe(f: Failure, url: string): string {
  switch (f.kind) {
    case 'refused':
      return `Cannot reach the activation server at ${url} (connection refused). Check bmsLicense.activation.url and that the server is running`;
    case 'timeout':
      return `The activation server at ${url} did not answer within ${f.ms / 1000} s`;
    case 'status':
      return `The activation server at ${url} failed with HTTP ${f.status}${f.statusText ? ` ${f.statusText}` : ''}${f.detail ? ` (${f.detail.replace(/\.$/, '')})` : ''}`;
    case 'malformed':
      return `The activation server at ${url} sent an answer that is not valid JSON`;
    case 'reset':
      return `The connection to the activation server at ${url} was cut before the whole answer arrived`;
    case 'network':
      return `Cannot reach the activation server at ${url} (${f.code}). Check bmsLicense.activation.url and the network`;
    case 'not-las':
      return `The server at ${url} answered HTTP ${f.status} with something that is not an activation server answer. Check that bmsLicense.activation.url points at the activation server.`;
    case 'unauthorized':
      return 'The activation server refused the token';
  }
}

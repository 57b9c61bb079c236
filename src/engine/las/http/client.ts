// `Las` over HTTP: the same operations against a configured activation server.
//
// Retry policy (why it is safe): reads and syncs (`activations`, `syncEntitlements`) are retried with
// back-off. Every other call changes the LAS, and a lost answer may mean it happened; so each logical
// operation gets one `Idempotency-Key` (a UUID), every retry sends the SAME key, and the server replays
// the stored answer instead of running the operation again. With `idempotencyKeys: false` (a server that
// does not keep keys) those calls are never retried blindly: the user is told to refresh the real state.
// A refused connection is retried for every call: the request never reached the server.
import { randomUUID } from 'node:crypto';
import type { ActivationTransaction, EntitledProduct, Las, LasResult, LasTarget, LicenseLine, ReclaimResult, RepairResult, ReturnResult } from '../types';
import type { Failure, SetupHints } from './failures';
import { errorOf, failureOf, operationNoun } from './failures';
import type { LasMethod } from './protocol';
import { bodyOf, idempotencyHeader, idempotentMethods, isLasResult, lasError } from './protocol';

export interface HttpLasOptions {
  /** Base URL of the activation server, e.g. `http://127.0.0.1:8471`. */
  url: string;
  /** Asked once per call, so a token changed in SecretStorage is used at once. */
  token?: () => Promise<string | undefined>;
  /** Per attempt, until the whole answer is read; default 15000. */
  timeoutMs?: number;
  /** Further attempts after the first; default 3. */
  retries?: number;
  /** First back-off; doubles per attempt, with jitter; default 250. */
  backoffMs?: number;
  fetch?: typeof fetch;
  /** Send Idempotency-Key and retry changing calls under it; default true. */
  idempotencyKeys?: boolean;
  /** Makes a key per logical operation; default `randomUUID`. */
  newKey?: () => string;
  /** For tests of the jitter; default `Math.random`. */
  random?: () => number;
  /** Where messages send the user to set the token and the URL; default the extension's command and setting. */
  hints?: SetupHints;
}

type Attempt = { kind: 'answer'; result: LasResult<unknown> } | { kind: 'failure'; failure: Failure };

export class HttpLas implements Las {
  private readonly base: string | undefined;
  /** The URL as shown in messages: no user info, query or fragment. */
  readonly displayUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetch: typeof fetch;
  readonly via = 'http' as const;
  /** The server's host for the ledger's `lasHost` (the URL's user info, where a token could hide, never). */
  readonly lasHost: string | undefined;

  constructor(private readonly options: HttpLasOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = Math.max(0, options.retries ?? 3);
    this.backoffMs = options.backoffMs ?? 250;
    this.fetch = options.fetch ?? globalThis.fetch;
    try {
      const u = new URL(options.url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
      this.base = `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
      this.displayUrl = this.base;
      this.lasHost = u.host;
    } catch {
      this.base = undefined;
      this.lasHost = undefined;
      this.displayUrl = '(invalid URL)';
    }
  }

  syncEntitlements(products: EntitledProduct[]): Promise<LasResult<void>> {
    return this.call('syncEntitlements', [products]) as Promise<LasResult<void>>;
  }
  activate(target: LasTarget, lines: LicenseLine[]): Promise<LasResult<ActivationTransaction>> {
    return this.call('activate', [target, lines]) as Promise<LasResult<ActivationTransaction>>;
  }
  returnTransaction(target: LasTarget, transaction: string, offline: boolean): Promise<LasResult<ReturnResult>> {
    return this.call('returnTransaction', [target, transaction, offline]) as Promise<LasResult<ReturnResult>>;
  }
  confirmReturn(target: LasTarget, transaction: string): Promise<LasResult<void>> {
    return this.call('confirmReturn', [target, transaction]) as Promise<LasResult<void>>;
  }
  reclaim(target: LasTarget): Promise<LasResult<ReclaimResult>> {
    return this.call('reclaim', [target]) as Promise<LasResult<ReclaimResult>>;
  }
  repair(target: LasTarget, transaction: string): Promise<LasResult<RepairResult>> {
    return this.call('repair', [target, transaction]) as Promise<LasResult<RepairResult>>;
  }
  activations(site: string, target?: string): Promise<LasResult<ActivationTransaction[]>> {
    return this.call('activations', [site, target]) as Promise<LasResult<ActivationTransaction[]>>;
  }

  /** Whether the server answers at all (for "Test connection"); needs no token. */
  async health(): Promise<LasResult<{ status: string }>> {
    if (!this.base) return this.badUrl();
    const attempt = await this.attempt(`${this.base}/v1/health`, { method: 'GET' }, undefined);
    if (attempt.kind === 'answer') return attempt.result as LasResult<{ status: string }>;
    return { ok: false, error: errorOf(attempt.failure, this.displayUrl, 1, undefined, this.options.hints) };
  }

  /**
   * Has the server answer an offline request file's content with a signed response. Safe to repeat:
   * the LAS answers a request id once and replays that answer.
   */
  respondOffline(request: unknown): Promise<LasResult<unknown>> {
    return this.send('offline/respond', request, undefined, true);
  }

  private call(method: LasMethod, args: unknown[]): Promise<LasResult<unknown>> {
    const idempotent = idempotentMethods.has(method);
    return this.send(method, bodyOf(method, args), idempotent ? undefined : operationNoun[method], idempotent);
  }

  /** `changes` names the operation when a lost answer may mean it happened. */
  private async send(path: string, payload: unknown, changes: string | undefined, idempotent: boolean): Promise<LasResult<unknown>> {
    if (!this.base) return this.badUrl();
    const key = !idempotent && this.options.idempotencyKeys !== false ? (this.options.newKey ?? randomUUID)() : undefined;
    const token = await this.options.token?.();
    if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) {
      // fetch would refuse the header and quote it in its error: stop before that.
      const fix = this.options.hints ? this.options.hints.token : 'Run "BMS: Set activation server token" and paste it again.';
      return lasError('unauthorized', `The activation server token has spaces, line breaks or other characters a token cannot have. ${fix}`);
    }
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (key) headers[idempotencyHeader] = key;
    const init = { method: 'POST', headers, body: JSON.stringify(payload) };
    const safeToRepeat = idempotent || key !== undefined;
    let reached = false;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(`${this.base}/v1/${path}`, init, token);
      if (outcome.kind === 'answer') return outcome.result;
      const f = outcome.failure;
      reached ||= f.kind !== 'refused';
      const retry = f.kind !== 'unauthorized' && f.kind !== 'not-las' && (safeToRepeat || f.kind === 'refused');
      if (!retry || attempt >= this.retries) {
        const error = errorOf(f, this.displayUrl, attempt + 1, reached ? changes : undefined, this.options.hints);
        return { ok: false, error: { ...error, message: redact(error.message, token) } };
      }
      await new Promise((r) => setTimeout(r, this.backoff(attempt)));
    }
  }

  /** One request, read to the end within the timeout. */
  private async attempt(url: string, init: RequestInit, token: string | undefined): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const res = await this.fetch(url, { ...init, signal: controller.signal });
      const text = await res.text();
      if (res.status === 401) return { kind: 'failure', failure: { kind: 'unauthorized', tokenSent: !!token } };
      if (res.status >= 500) return { kind: 'failure', failure: { kind: 'status', status: res.status, statusText: res.statusText, detail: serverDetail(text) } };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { kind: 'failure', failure: res.ok ? { kind: 'malformed' } : { kind: 'not-las', status: res.status } };
      }
      if (!isLasResult(body)) return { kind: 'failure', failure: res.ok ? { kind: 'malformed' } : { kind: 'not-las', status: res.status } };
      if (!body.ok) return { kind: 'answer', result: { ok: false, error: { ...body.error, message: redact(body.error.message, token) } } };
      return { kind: 'answer', result: body };
    } catch (e) {
      if (controller.signal.aborted) return { kind: 'failure', failure: { kind: 'timeout', ms: this.timeoutMs } };
      return { kind: 'failure', failure: failureOf(e) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Exponential back-off with jitter: half fixed, half random, so clients do not retry in step. */
  private backoff(attempt: number): number {
    const full = this.backoffMs * 2 ** attempt;
    return full / 2 + (this.options.random ?? Math.random)() * (full / 2);
  }

  private badUrl(): LasResult<never> {
    return lasError('bad-request', 'The activation server URL is not a valid http(s) URL. Check bmsLicense.activation.url.');
  }
}

/** A server could echo the token back; it must never reach a message or a log. */
function redact(message: string, token: string | undefined): string {
  return token ? message.split(token).join('[token]') : message;
}

/** A disk error our server names in its 500 answer ("on the activation server's computer: …"), or nothing. */
function serverDetail(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { ok?: boolean; error?: { message?: unknown } };
    const m = typeof body?.error?.message === 'string' ? /on the activation server's computer: .*/.exec(body.error.message)?.[0] : undefined;
    return m?.slice(0, 500);
  } catch {
    return undefined;
  }
}

// The LAS over HTTP: `POST /v1/<method>` for every `Las` method, JSON in, `LasResult` JSON out.
import { createHash, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Las, LasError, LasResult } from '../types';
import type { FaultAction, FaultPlan } from './faults';
import { FaultSchedule } from './faults';
import { IdempotencyStore, isIdempotencyKey } from './idempotency';
import type { LasMethod } from './protocol';
import { idempotencyHeader, isLasMethod, lasError, lasMethods } from './protocol';
import { argsOf } from './request';
import { describeDiskError, isDiskError } from '../../ledger/disk';

/** Turns an offline request file's content into a signed response (the offline face of the LAS). */
export type OfflineResponder = (request: unknown) => Promise<LasResult<unknown>>;

export interface LasServerOptions {
  /** When set, every call but health needs `Authorization: Bearer <token>`. */
  token?: string;
  faults?: FaultPlan;
  /** Largest request body accepted; default 1 MiB. */
  maxBodyBytes?: number;
  offlineRespond?: OfflineResponder;
  /** One line per request (method, path, status, time); never headers, bodies or the token. */
  log?: (line: string) => void;
}

export interface LasHttpServer {
  readonly server: http.Server;
  /** Starts listening; only on 127.0.0.1 unless another host is asked for. Resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops listening and cuts open connections (including dropped calls). */
  close(): Promise<void>;
  /** Requests of `method` received so far, retries and replays included. */
  requests(method: LasMethod): number;
}


const offlinePath = '/v1/offline/respond';

export function createLasServer(las: Las, options: LasServerOptions = {}): LasHttpServer {
  const faults = new FaultSchedule(options.faults);
  const replays = new IdempotencyStore();
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const expected = options.token ? digest(options.token) : undefined;

  const server = http.createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => options.log?.(`${req.method} ${pathOf(req)} ${res.statusCode} ${Date.now() - started}ms`));
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, lasError('unavailable', `The activation server failed: ${message(e).replace(/\.$/, '')}. Try again; if it keeps failing, check the server's log.`, true));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = pathOf(req);
    if (path === '/v1/health') {
      if (req.method !== 'GET') return refuseVerb(req, res, 'GET');
      return send(res, 200, { ok: true, value: { status: 'ok', methods: lasMethods, offline: !!options.offlineRespond } });
    }
    const name = path.startsWith('/v1/') ? path.slice(4) : '';
    const known = isLasMethod(name) || (path === offlinePath && !!options.offlineRespond);
    if (!known) {
      req.resume();
      return send(res, 404, lasError('bad-request', `No such activation server call: ${path}. The calls are POST /v1/<${lasMethods.join('|')}>.`));
    }
    if (req.method !== 'POST') return refuseVerb(req, res, 'POST');
    if (expected && !authorized(req.headers.authorization, expected)) {
      req.resume();
      res.setHeader('WWW-Authenticate', 'Bearer');
      return send(res, 401, lasError('unauthorized', 'The activation server refused the request: a valid "Authorization: Bearer <token>" header is required.'));
    }
    const body = await readJson(req, maxBody);
    if (!body.ok) {
      if (body.status === 413) res.setHeader('Connection', 'close');
      return send(res, body.status, { ok: false, error: body.error });
    }
    if (path === offlinePath) return send(res, ...(await answerOf(() => options.offlineRespond!(body.value))));
    return call(name as LasMethod, body.value, req, res);
  }

  async function call(method: LasMethod, body: unknown, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const n = faults.count(method);
    const parsed = argsOf(method, body);
    if (!parsed.ok) return send(res, 400, { ok: false, error: parsed.error });
    const key = header(req, idempotencyHeader);
    if (key !== undefined && !isIdempotencyKey(key)) {
      return send(res, 400, lasError('bad-request', 'The Idempotency-Key header must be 8 to 128 letters, digits or ".-_:" (a UUID).'));
    }
    if (await injected(faults.rulesFor(method, n, 'before'), res, undefined)) return;
    const operation = () => (las[method] as (...a: unknown[]) => Promise<LasResult<unknown>>).apply(las, parsed.args);
    let result: Promise<LasResult<unknown>>;
    if (key === undefined) result = operation();
    else {
      const replay = replays.run(key, `${method} ${JSON.stringify(body)}`, operation);
      if (replay.kind === 'conflict') {
        return send(res, 422, lasError('bad-request', `The Idempotency-Key ${key} was already used for a different request. Use a new key for each operation.`));
      }
      result = replay.answer;
    }
    const answer = await answerOf(() => result);
    if (await injected(faults.rulesFor(method, n, 'after'), res, answer[1])) return;
    send(res, ...answer);
  }

  async function answerOf(run: () => Promise<LasResult<unknown>>): Promise<[number, LasResult<unknown>]> {
    const body = await run();
    return [body.ok ? 200 : statusOf(body.error), body];
  }

  /** Applies the injected faults; true when the call must not be answered normally. */
  async function injected(actions: FaultAction[], res: http.ServerResponse, answer: LasResult<unknown> | undefined): Promise<boolean> {
    for (const a of actions) {
      switch (a.kind) {
        case 'delay':
          await new Promise((r) => setTimeout(r, a.ms));
          break;
        case 'status':
          send(res, a.status, lasError('unavailable', `Injected fault: HTTP ${a.status}.`, true));
          return true;
        case 'malformed':
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"ok": tru<html>');
          return true;
        case 'reset': {
          const text = JSON.stringify(answer ?? lasError('unavailable', 'Injected fault: connection reset.'));
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
          res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
          return true;
        }
        case 'drop':
          return true;
      }
    }
    return false;
  }

  return {
    server,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const a = server.address() as AddressInfo;
          resolve(`http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    requests: (method) => faults.requests(method),
  };
}

/** Domain refusals are 422 so proxies and logs tell them from transport trouble (5xx). */
function statusOf(error: LasError): number {
  if (error.code === 'bad-request') return 400;
  if (error.code === 'unauthorized') return 401;
  if (error.code === 'unavailable') return 503;
  return 422;
}

function send(res: http.ServerResponse, status: number, body: LasResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function refuseVerb(req: http.IncomingMessage, res: http.ServerResponse, allowed: string): void {
  req.resume();
  res.setHeader('Allow', allowed);
  send(res, 405, lasError('bad-request', `${pathOf(req)} takes ${allowed}, not ${req.method}.`));
}

type Body = { ok: true; value: unknown } | { ok: false; status: number; error: LasError };

function readJson(req: http.IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve({ ok: false, status: 413, error: { code: 'bad-request', message: `The request body is larger than ${limit} bytes.` } });
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) return;
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch (e) {
        resolve({ ok: false, status: 400, error: { code: 'bad-request', message: `The request body is not valid JSON: ${message(e)}` } });
      }
    });
    req.on('error', reject);
  });
}

function authorized(value: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer (.+)$/i.exec(value ?? '');
  // Digests have one length, so the comparison takes the same time whatever was sent.
  return !!match && timingSafeEqual(digest(match[1].trim()), expected);
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function pathOf(req: http.IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}

function message(e: unknown): string {
  // A full or read-only disk on the server's computer: named, so whoever runs the server knows what to fix.
  if (isDiskError(e)) return `on the activation server's computer: ${describeDiskError(e, 'write').replace(/ then run the command again\.$/, ' then try again.')}`;
  return e instanceof Error ? e.message : String(e);
}

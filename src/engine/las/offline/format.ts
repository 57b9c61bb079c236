// Offline request and response files: what is carried between an isolated site and a computer that
// reaches the LAS. Responses are signed (Ed25519) over a canonical JSON form of their content.
import * as crypto from 'node:crypto';
import type { RequestOp } from '../../ledger/ledger';
import type { ActivationTransaction, EntitledProduct, LasError, LasTarget, LicenseLine, ReclaimResult, RepairResult, ReturnResult } from '../types';

export const REQUEST_FORMAT = 'bms.license/offline-request/v1';
export const RESPONSE_FORMAT = 'bms.license/offline-response/v1';

/**
 * Written into every request and response file. The vendor's Device Administrator request, response and
 * "license information" files (help 15174, 15217) have a format that is not public: ours is our own.
 */
export const OFFLINE_NOTICE =
  "BMS License Workbench's own offline file format, not the vendor's: answer it with this workspace's activation server (the built-in simulator, 'bmslicense las respond', or the configured HTTP server). Do not upload it to Schneider Electric's License Activation Server or open it in Device Administrator: they use their own files.";

export interface OfflineRequest {
  format: typeof REQUEST_FORMAT;
  /** OFFLINE_NOTICE: what this file is, for whoever opens it (absent in files of earlier versions). */
  notice?: string;
  requestId: string;
  createdAt: string;
  op: RequestOp;
  target: LasTarget;
  /** activate: the lines to activate together. */
  lines?: LicenseLine[];
  /** return / repair: the transactions concerned. */
  transactions?: string[];
  /** What the plan says about these activation ids (the simulator learns them; a real LAS has its own). */
  entitlements?: EntitledProduct[];
}

/** What the LAS did: the steps that succeeded, and the error that stopped it, if any. */
export interface OfflineOutcome {
  ok: boolean;
  error?: LasError;
  activation?: ActivationTransaction;
  returns?: ReturnResult[];
  reclaim?: ReclaimResult;
  repairs?: RepairResult[];
}

export interface OfflineResponse {
  format: typeof RESPONSE_FORMAT;
  /** OFFLINE_NOTICE, signed with the rest (absent in files of earlier versions). */
  notice?: string;
  requestId: string;
  /** SHA-256 of the canonical request: ties the response to that very request. */
  requestDigest: string;
  site: string;
  target: string;
  op: RequestOp;
  issuedAt: string;
  outcome: OfflineOutcome;
  /** Base64 Ed25519 signature of the canonical JSON of every other field. */
  signature: string;
}

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestDigest(request: OfflineRequest): string {
  return crypto.createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** The bytes a response signature covers. */
export function signedBytes(response: Omit<OfflineResponse, 'signature'> & { signature?: string }): Buffer {
  const { signature: _omit, ...content } = response;
  return Buffer.from(canonicalJson(content), 'utf8');
}

/** A file-name part made from an id: letters, digits, `.`, `_`, `-` only, never `.`/`..`, never empty. */
export function safeNamePart(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 80);
  return cleaned === '' ? '_' : cleaned;
}

export function requestFileName(request: Pick<OfflineRequest, 'requestId' | 'target' | 'op'>): string {
  return `${safeNamePart(request.target.site)}--${safeNamePart(request.target.id)}--${request.op}--${safeNamePart(request.requestId)}.request.json`;
}

export function responseFileName(requestId: string): string {
  return `${safeNamePart(requestId)}.response.json`;
}

export function newRequestId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `REQ-${stamp}-${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Reads a request file's JSON; a message when it is not one. */
export function parseRequest(text: string): { request?: OfflineRequest; problem?: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { problem: 'not JSON: is this an offline request file made by BMS License Workbench?' };
  }
  const r = v as Partial<OfflineRequest>;
  if (!r || r.format !== REQUEST_FORMAT) return { problem: `not an offline request (format should be ${REQUEST_FORMAT})` };
  if (typeof r.requestId !== 'string' || !r.requestId) return { problem: 'the request has no requestId' };
  if (!['activate', 'return', 'reclaim', 'repair'].includes(r.op as string)) return { problem: `unknown operation ${JSON.stringify(r.op)}` };
  const t = r.target as Partial<LasTarget> | undefined;
  if (!t || typeof t.site !== 'string' || typeof t.id !== 'string' || typeof t.type !== 'string') return { problem: 'the request names no target (site, id, type)' };
  return { request: r as OfflineRequest };
}

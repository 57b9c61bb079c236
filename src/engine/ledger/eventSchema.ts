// The schema of one ledger event, judged like a site or plan file: what each op needs, the type and range of
// each field, an ISO time not in the future. Each violation is one issue with its code; several per line.
import { VIAS } from './provenance';
import { isKnownField, isKnownOp } from './vocabulary';

export type EventIssueCode = 'BMS090' | 'BMS092' | 'BMS093' | 'BMS094' | 'BMS097';

export interface EventIssue {
  code: EventIssueCode;
  message: string;
}

/** Clocks of two engineers' computers differ: an event this far ahead of ours is still believed. */
export const CLOCK_SKEW_MS = 15 * 60_000;

/** More licenses than any entitlement holds: a typo or an overflow (1e308), never a quantity. */
export const MAX_QUANTITY = 1_000_000;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isText = (x: unknown) => typeof x === 'string' && x.trim() !== '';

/** What each op needs besides `at`, `op` and `site` (a reclaim that changed nothing has `lines: []`). */
const REQUIRED: Record<string, string[]> = {
  activate: ['target', 'transaction'],
  'request-created': ['target', 'requestId', 'request'],
  'response-imported': ['requestId'],
  return: ['target', 'transaction'],
  'return-confirmed': ['target', 'transaction'],
  reclaim: ['target'],
  repair: ['target', 'transaction'],
  broken: ['target', 'transaction'],
  void: ['line'],
  adopt: ['line'],
  verified: ['target', 'counts'],
};

/** Ops whose license lines are quantities of licenses held (a reclaim may shrink a line to 0). */
const LINES_NEEDED = new Set(['activate']);
const LINES_MAY_BE_ZERO = new Set(['reclaim']);

export function checkEvent(value: unknown, now: Date): EventIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ code: 'BMS090', message: 'not a ledger event: each line is one JSON object' }];
  const v = value as Record<string, unknown>;
  const out: EventIssue[] = [];
  const add = (code: EventIssueCode, message: string) => out.push({ code, message });
  if (!isKnownOp(v.op)) {
    add('BMS090', `unknown op ${JSON.stringify(v.op ?? null)}: written by hand, or by a newer bmslicense (update it); this version cannot tell what the line did`);
    return out;
  }
  const op = v.op as string;
  for (const f of ['at', 'site', ...(REQUIRED[op] ?? [])]) {
    if (v[f] === undefined || v[f] === null) add('BMS093', `${op} without '${f}': ${WHY_NEEDED[f] ?? 'the op needs it'}`);
  }
  checkTime(v.at, now, add);
  for (const f of ['site', 'target', 'transaction', 'activationId', 'requestId', 'by', 'file', 'digest', 'error', 'lasHost', 'vendorRef', 'reason']) {
    if (v[f] !== undefined && v[f] !== null && !isText(v[f])) add('BMS092', `'${f}' is ${shown(v[f])}: it must be a non-empty text`);
  }
  if (v.mode !== undefined && v.mode !== 'online' && v.mode !== 'offline') add('BMS092', `'mode' is ${shown(v.mode)}: it must be "online" or "offline"`);
  if (v.request !== undefined && !['activate', 'return', 'reclaim', 'repair'].includes(v.request as string)) add('BMS092', `'request' is ${shown(v.request)}: it must be activate, return, reclaim or repair`);
  if (v.accepted !== undefined && typeof v.accepted !== 'boolean') add('BMS092', `'accepted' is ${shown(v.accepted)}: it must be true or false`);
  if (v.transactions !== undefined && !(Array.isArray(v.transactions) && v.transactions.every(isText))) add('BMS092', `'transactions' is ${shown(v.transactions)}: it must be a list of transaction ids`);
  if (v.line !== undefined && !(Number.isSafeInteger(v.line) && (v.line as number) > 0)) add('BMS092', `'line' is ${shown(v.line)}: it must be the number of a line of this ledger`);
  if (v.via !== undefined && !(VIAS as readonly unknown[]).includes(v.via)) add('BMS092', `'via' is ${shown(v.via)}: it must be ${VIAS.join(', ')}`);
  if (v.anyway !== undefined && typeof v.anyway !== 'boolean') add('BMS092', `'anyway' is ${shown(v.anyway)}: it must be true or false`);
  if (v.counts !== undefined && !isCounts(v.counts)) add('BMS092', `'counts' is ${shown(v.counts)}: it must map each feature to a whole number of seats, 0 or more`);
  if (v.from !== undefined && !isQuantity(v.from, true)) add('BMS092', `'from' is ${shown(v.from)}: it must be a whole number of licenses, 0 or more`);
  checkLines(op, v, add);
  const unknown = Object.keys(v).filter((k) => !isKnownField(k));
  if (unknown.length > 0) add('BMS097', `field${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `'${k}'`).join(', ')} unknown to this version of bmslicense (written by a newer one, or by hand): ignored`);
  return out;
}

const WHY_NEEDED: Record<string, string> = {
  at: 'when it happened (the repair budget and the history need it)',
  site: 'the site it belongs to',
  target: 'the server, License Server or client it happened on',
  transaction: 'the activation transaction it belongs to (a return or repair takes a whole transaction)',
  requestId: 'the offline request it belongs to',
  request: 'what the offline request asks for',
  line: 'the number of the ledger line it clears (void) or confirms (adopt)',
  counts: 'the seats per feature lmstat showed',
};

function checkTime(at: unknown, now: Date, add: (code: EventIssueCode, message: string) => void): void {
  if (at === undefined || at === null) return;
  if (typeof at !== 'string' || !ISO_TIME.test(at) || Number.isNaN(Date.parse(at))) {
    add('BMS094', `'at' is ${shown(at)}: it must be an ISO time such as 2026-11-23T10:15:00Z`);
    return;
  }
  const reference = Math.max(now.getTime(), Date.now());
  if (Date.parse(at) > reference + CLOCK_SKEW_MS) add('BMS094', `'at' ${at} is in the future: a computer's clock was wrong, or the line was edited (the repair budget counts by these times)`);
}

function checkLines(op: string, v: Record<string, unknown>, add: (code: EventIssueCode, message: string) => void): void {
  const zeroOk = LINES_MAY_BE_ZERO.has(op);
  const hasLines = Array.isArray(v.lines) && v.lines.length > 0;
  if (v.lines !== undefined && !Array.isArray(v.lines)) add('BMS092', `'lines' is ${shown(v.lines)}: it must be a list of { activationId, quantity }`);
  if (Array.isArray(v.lines)) {
    v.lines.forEach((l: unknown, i) => {
      const line = (typeof l === 'object' && l !== null ? l : {}) as Record<string, unknown>;
      if (!isText(line.activationId)) add('BMS092', `lines[${i}] has no activation id`);
      if (!isQuantity(line.quantity, zeroOk)) add('BMS092', `lines[${i}] quantity is ${shown(line.quantity)}: ${quantityRule(zeroOk)}`);
    });
  }
  if (v.quantity !== undefined && !isQuantity(v.quantity, zeroOk)) add('BMS092', `quantity is ${shown(v.quantity)}: ${quantityRule(zeroOk)}`);
  if (v.activationId !== undefined && v.quantity === undefined && (LINES_NEEDED.has(op) || zeroOk)) add('BMS093', `${op} of ${shown(v.activationId)} without 'quantity': how many licenses it holds`);
  if (LINES_NEEDED.has(op) && v.activationId === undefined && !hasLines) add('BMS093', `${op} without 'activationId' (or 'lines'): which licenses it holds`);
  if (zeroOk && v.activationId === undefined && v.lines === undefined) add('BMS093', `${op} without 'activationId' or 'lines' (a reclaim that changed nothing has "lines": [])`);
}

/** A `verified` event's seats per feature, as lmstat showed them. */
function isCounts(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every((n) => isQuantity(n, true));
}

function isQuantity(x: unknown, zeroOk: boolean): boolean {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= (zeroOk ? 0 : 1) && x <= MAX_QUANTITY;
}

function quantityRule(zeroOk: boolean): string {
  return `it must be a whole number of licenses, ${zeroOk ? '0' : '1'} to ${MAX_QUANTITY.toLocaleString('en-US')}`;
}

function shown(x: unknown): string {
  const s = JSON.stringify(x) ?? String(x);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

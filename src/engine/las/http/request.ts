// Checks a call's JSON body before it reaches the LAS: a malformed request is `bad-request`, never a crash.
import type { LasError } from '../types';
import type { LasMethod } from './protocol';
import { lasMethodParams } from './protocol';

type Check = (value: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text: Check = (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'a non-empty string');
const flag: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const target: Check = (v) => {
  if (!isObject(v)) return 'an object { site, id, type }';
  for (const k of ['site', 'id', 'type']) if (typeof v[k] !== 'string' || v[k] === '') return `an object with a non-empty "${k}"`;
  return undefined;
};
const lines: Check = (v) => {
  if (!Array.isArray(v) || v.length === 0) return 'a non-empty list of { activationId, quantity }';
  const bad = v.some((l) => !isObject(l) || typeof l.activationId !== 'string' || typeof l.quantity !== 'number');
  return bad ? 'a list of { activationId: string, quantity: number }' : undefined;
};
const products: Check = (v) => {
  if (!Array.isArray(v)) return 'a list of entitled products';
  const bad = v.some((p) => !isObject(p) || typeof p.activationId !== 'string' || typeof p.quantity !== 'number');
  return bad ? 'a list of { entitlementId, activationId, quantity, appliesTo }' : undefined;
};

const checks: { readonly [M in LasMethod]: readonly Check[] } = {
  syncEntitlements: [products],
  activate: [target, lines],
  returnTransaction: [target, text, flag],
  confirmReturn: [target, text],
  reclaim: [target],
  repair: [target, text],
  activations: [text],
};

/** The method's arguments from its body, or the first thing wrong with it. */
export function argsOf(method: LasMethod, body: unknown): { ok: true; args: unknown[] } | { ok: false; error: LasError } {
  if (!isObject(body)) return { ok: false, error: { code: 'bad-request', message: `The body of ${method} must be a JSON object.` } };
  const names = lasMethodParams[method];
  const args: unknown[] = [];
  for (let i = 0; i < names.length; i++) {
    const value = body[names[i]];
    const check = checks[method][i];
    if (!check) {
      // Optional trailing parameter (activations' target): a string when present.
      if (value !== undefined && typeof value !== 'string') return badField(method, names[i], 'a string when present');
      args.push(value);
      continue;
    }
    const wrong = check(value);
    if (wrong) return badField(method, names[i], wrong);
    args.push(value);
  }
  return { ok: true, args };
}

function badField(method: LasMethod, field: string, expected: string): { ok: false; error: LasError } {
  return { ok: false, error: { code: 'bad-request', message: `${method}: "${field}" must be ${expected}.` } };
}

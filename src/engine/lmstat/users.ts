// The lines under a feature: checked-out licenses, queued requests and reservations.
import type { LicenseRequest, LicenseUse, QueuedRequest, Reservation } from './types';

// `tokens (vX) (server/port handle)` then either `, start …` or ` queued for N license(s)`.
const REQUEST = /^\s+(\S.*?) \(v([^()]*)\) \(([^\s()]+)(?: (\d+))?\)(.*)$/;
const START = /^, start ([^,(]*?)\s*((?:,|\s\().*)?$/;
const QUEUED = /^ queued for (\d+) licenses?\s*$/;
const LICENSES = /,\s*(\d+) licenses?\b/;
const PID = /\bPID:\s*(\d+)/;
const LINGER = /\(linger:\s*([^)]*?)\s*\)/;
const RESERVATION = /^\s*(\d+) RESERVATIONs? for (\S+) (.+?) \(([^()\s]+)\)\s*$/;

function portOf(server: string): number | string | null {
  const slash = server.lastIndexOf('/');
  if (slash < 0) return null;
  const port = server.slice(slash + 1);
  return /^\d+$/.test(port) ? Number(port) : port || null;
}

function request(tokensText: string, version: string, server: string, handle: string | undefined, line: number, groupIndex: number | null): LicenseRequest {
  const tokens = tokensText.split(/\s+/);
  return {
    user: tokens[0],
    host: tokens[1] ?? null,
    display: tokens[2] ?? null,
    extra: tokens.length > 3 ? tokens.slice(3).join(' ') : null,
    version,
    server,
    port: portOf(server),
    handle: handle === undefined ? null : Number(handle),
    licenses: 1,
    groupIndex,
    // Four tokens are user host display + one vendor tag; more means spaces inside a name.
    ambiguous: tokens.length > 4,
    line,
  };
}

export type RequestLine = { kind: 'use'; use: LicenseUse } | { kind: 'queued'; queued: QueuedRequest };

/** A user or queued line, or null when the text is neither. */
export function parseRequestLine(text: string, line: number, groupIndex: number | null): RequestLine | null {
  const m = REQUEST.exec(text);
  if (!m) return null;
  const base = request(m[1], m[2], m[3], m[4], line, groupIndex);
  const tail = m[5];
  const q = QUEUED.exec(tail);
  if (q) return { kind: 'queued', queued: { ...base, licenses: Number(q[1]) } };
  const s = START.exec(tail);
  if (!s) return null;
  const rest = s[2] ?? '';
  const licenses = LICENSES.exec(rest);
  const pid = PID.exec(rest);
  const linger = LINGER.exec(rest);
  return {
    kind: 'use',
    use: {
      ...base,
      start: s[1],
      licenses: licenses ? Number(licenses[1]) : 1,
      linger: linger ? linger[1] : null,
      pid: pid ? Number(pid[1]) : null,
    },
  };
}

/** `N RESERVATION(s) for TYPE NAME (server/port)`, or null. */
export function parseReservation(text: string, line: number, groupIndex: number | null): Reservation | null {
  const m = RESERVATION.exec(text);
  if (!m) return null;
  return { count: Number(m[1]), for: m[2], name: m[3], server: m[4], groupIndex, line };
}

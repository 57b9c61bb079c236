// The lines under a feature: checked-out licenses, queued requests and reservations.
import type { LicenseUse, QueuedRequest, Reservation } from './types';

// `tokens (vX) (server/port handle)` then either `, start …` or ` queued for N license(s)`.
const REQUEST = /^\s+(\S.*?) \(v([^()]*)\) \(([^\s()]+)(?: (\d+))?\)(.*)$/;
const START = /^, start ([^,(]*)(.*)$/;
const QUEUED = /^ queued for (\d+) licenses?\s*$/;
const LICENSES = /,\s*(\d+) licenses?\b/;
const PID = /\bPID:\s*(\d+)/;
const LINGER = /\(linger:\s*([^)]*)\)/;
const RESERVATION = /^\s*(\d+) RESERVATIONs? for (\S+) (.+) \(([^()\s]+)\)$/;

function portOf(server: string): number | string | null {
  const slash = server.lastIndexOf('/');
  if (slash < 0) return null;
  const port = server.slice(slash + 1);
  return /^\d+$/.test(port) ? Number(port) : port || null;
}

export type RequestLine = { kind: 'use'; use: LicenseUse } | { kind: 'queued'; queued: QueuedRequest };

/** A user or queued line, or null when the text is neither. */
export function parseRequestLine(text: string, line: number, groupIndex: number | null): RequestLine | null {
  const m = REQUEST.exec(text);
  if (!m) return null;
  const tail = m[5];
  const q = QUEUED.exec(tail);
  const s = q ? null : START.exec(tail);
  if (!q && !s) return null;
  const tokens = m[1].split(/\s+/);
  // Built as one literal (no spread): 50k-line outputs are mostly these objects.
  const use: LicenseUse = {
    user: tokens[0],
    host: tokens.length > 1 ? tokens[1] : null,
    display: tokens.length > 2 ? tokens[2] : null,
    extra: tokens.length > 3 ? tokens.slice(3).join(' ') : null,
    version: m[2],
    server: m[3],
    port: portOf(m[3]),
    handle: m[4] === undefined ? null : Number(m[4]),
    licenses: 1,
    groupIndex,
    // Four tokens are user host display + one vendor tag; more means spaces inside a name.
    ambiguous: tokens.length > 4,
    line,
    start: '',
    linger: null,
    pid: null,
  };
  if (q) {
    const { start: _s, linger: _l, pid: _p, ...queued } = use;
    queued.licenses = Number(q[1]);
    return { kind: 'queued', queued };
  }
  const rest = s![2];
  use.start = s![1].trim();
  if (rest) {
    const licenses = LICENSES.exec(rest);
    const pid = PID.exec(rest);
    const linger = LINGER.exec(rest);
    if (licenses) use.licenses = Number(licenses[1]);
    if (pid) use.pid = Number(pid[1]);
    if (linger) use.linger = linger[1].trim();
  }
  return { kind: 'use', use };
}

/** `N RESERVATION(s) for TYPE NAME (server/port)`, or null. */
export function parseReservation(text: string, line: number, groupIndex: number | null): Reservation | null {
  const m = RESERVATION.exec(text);
  if (!m) return null;
  return { count: Number(m[1]), for: m[2], name: m[3], server: m[4], groupIndex, line };
}

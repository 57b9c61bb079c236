// License Administrator's licenses log (help 6953) is FlexNet's debug log: `hh:mm:ss (daemon) message`
// lines (FlexNet Publisher License Administration Guide, "Debug Log Messages"), of which the checkout events
// are `OUT:`, `IN:`, `DENIED:`, `QUEUED:`, `DEQUEUED:`, `EXPIRED:` and `UNSUPPORTED:` ("Informational
// Messages"). Tolerant: quoted or bare feature names, verbose `^^^ … ^^^` blocks, a denial's reason wrapped
// onto the next line, CRLF; every other line is counted, never an error.

export const LOG_EVENT_KINDS = ['OUT', 'IN', 'DENIED', 'QUEUED', 'DEQUEUED', 'EXPIRED', 'UNSUPPORTED'] as const;
export type LogEventKind = (typeof LOG_EVENT_KINDS)[number];

export interface LogEvent {
  kind: LogEventKind;
  /** `hh:mm:ss` as logged (FlexNet logs no date on the line; see `date`). */
  time: string;
  /** The last date the log stated before this line (`TIMESTAMP m/d/yyyy`, the server's start date), yyyy-mm-dd. */
  date?: string;
  daemon: string;
  feature: string;
  user?: string;
  host?: string;
  /** Licenses in the event (`(3 licenses)`), default 1. */
  count: number;
  /** The reason of a denial or an unsupported request, without its code. */
  reason?: string;
  /** FlexNet error code of the reason, `-4`, `-34`, … */
  code?: string;
  /** A check-in note such as `INACTIVE` or `SHUTDOWN`. */
  note?: string;
  /** 1-based line of the log. */
  line: number;
}

export interface LicensesLog {
  events: LogEvent[];
  lines: number;
  /** Lines that are neither a checkout event nor blank (start-up banners, statistics, TIMESTAMP, …). */
  other: number;
  /** Daemons that wrote checkout events (`adskflex`, `MLM`, …). */
  daemons: string[];
}

const LINE = /^\s*(\d{1,2}:\d{2}:\d{2})\s+\(([^)]+)\)\s+(OUT|IN|DENIED|QUEUED|DEQUEUED|EXPIRED|UNSUPPORTED):\s*(.*)$/;
const TIMESTAMP = /\(\S+\)\s+TIMESTAMP\s+(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SYSTEM_DATE = /System Date and Time:\s+\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{4})/;
const ISO_STAMP = /^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})\S*\s+\(([^)]+)\)\s+(OUT|IN|DENIED|QUEUED|DEQUEUED|EXPIRED|UNSUPPORTED):\s*(.*)$/;

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}

function dateOf(line: string): string | undefined {
  const t = TIMESTAMP.exec(line);
  if (t) return `${t[3]}-${pad(t[1])}-${pad(t[2])}`;
  const s = SYSTEM_DATE.exec(line);
  const month = s ? MONTHS.indexOf(s[1].toLowerCase()) : -1;
  return s && month >= 0 ? `${s[3]}-${pad(month + 1)}-${pad(s[2])}` : undefined;
}

/** `"f" user@host  [cd] (3 licenses)`, `f user@host (reason (-4,342))`, verbose `^^^ … ^^^` dropped. */
function body(kind: LogEventKind, rest: string): Omit<LogEvent, 'kind' | 'time' | 'date' | 'daemon' | 'line'> | undefined {
  let text = rest.replace(/\^\^\^.*?\^\^\^/g, ' ').trim();
  let feature: string | undefined;
  const quoted = /^"([^"]*)"\s*/.exec(text) ?? /^“([^”]*)”\s*/.exec(text);
  if (quoted) {
    feature = quoted[1];
    text = text.slice(quoted[0].length);
  } else {
    const bare = /^(\S+)\s*/.exec(text);
    if (!bare) return undefined;
    feature = bare[1];
    text = text.slice(bare[0].length);
  }
  if (kind === 'EXPIRED') return { feature, count: 1 };
  const who = /(?:^|\s)([^\s@()[\]]+)@([^\s()[\]]+)/.exec(text);
  const count = /\((\d+) licenses?\)/.exec(text);
  const out: Omit<LogEvent, 'kind' | 'time' | 'date' | 'daemon' | 'line'> = { feature, count: count ? Number(count[1]) : 1, user: who?.[1], host: who?.[2] };
  // The reason is the last parenthesised group that is not a licence count: `(Licensed number … (-4,342:10054 ""))`.
  const after = who ? text.slice(who.index + who[0].length) : text;
  const reason = /\(([^()]*?)\s*\((-\d+)[^()]*\)\s*\)\s*$/.exec(after);
  if (reason) {
    out.reason = reason[1].trim().replace(/\.$/, '');
    out.code = reason[2];
  } else {
    const note = /\(([A-Z][A-Z _-]+)\)\s*$/.exec(after);
    if (note) out.note = note[1];
    else if (kind === 'DENIED' || kind === 'UNSUPPORTED') {
      const plain = /\(([^()]+)\)\s*$/.exec(after);
      if (plain && !/licenses?\)$/.test(plain[0])) out.reason = plain[1].trim().replace(/\.$/, '');
    }
  }
  return out;
}

export function parseLicensesLog(text: string): LicensesLog {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const events: LogEvent[] = [];
  const daemons = new Set<string>();
  let date: string | undefined;
  let other = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const iso = ISO_STAMP.exec(raw);
    const m = iso ? [raw, iso[4], iso[5], iso[6], iso[7]] : LINE.exec(raw);
    if (!m) {
      const d = dateOf(raw);
      if (d) date = d;
      if (raw.trim() !== '') other++;
      continue;
    }
    if (iso) date = `${iso[1]}-${iso[2]}-${iso[3]}`;
    const kind = m[3] as LogEventKind;
    const at = i + 1;
    let rest = m[4];
    // A reason or a count wrapped onto the next line, which has no time stamp (seen in published samples).
    const next = lines[i + 1];
    if (kind !== 'EXPIRED' && !/\)\s*$/.test(rest) && next !== undefined && /^\s*\(.*\)\s*$/.test(next) && !/^\s*\d{1,2}:\d{2}:\d{2}\s/.test(next)) {
      rest = `${rest} ${next.trim()}`;
      i++;
    }
    const parsed = body(kind, rest);
    if (!parsed) {
      other++;
      continue;
    }
    daemons.add(m[2]);
    events.push({ kind, time: m[1], ...(date ? { date } : {}), daemon: m[2], ...parsed, line: at });
  }
  return { events, lines: lines.length, other, daemons: [...daemons] };
}

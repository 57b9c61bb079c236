// What a licenses log says to the person looking after the site: per feature, checkouts, denials and queued
// requests; per feature and user, why they were denied (FlexNet codes explained), and the clock-difference
// denials called out, because the fix is on the client computer, not on the License Server.
import { explainFlexNetError } from './errors';
import type { LicensesLog, LogEvent } from './licensesLog';

export const CLOCK_DIFFERENCE = '-34';

export interface FeatureActivity {
  feature: string;
  out: number;
  in: number;
  denied: number;
  queued: number;
  expired: boolean;
  /** Most checkouts out at once (OUT minus IN as the log runs; checkouts before the log began are not seen). */
  peak?: number;
}

export interface UserProblem {
  feature: string;
  /** `user@host`. */
  who: string;
  kind: 'DENIED' | 'QUEUED' | 'UNSUPPORTED';
  count: number;
  /** FlexNet code of the reason (`-4`), when the log gives one. */
  code?: string;
  reason?: string;
  /** What to do, from the code (src/engine/lmstat/errors.ts). */
  action?: string;
  first: string;
  last: string;
}

export interface LicensesLogSummary {
  lines: number;
  events: number;
  /** First and last time stamps of the checkout events, `yyyy-mm-dd hh:mm:ss` when the log dates them. */
  from?: string;
  to?: string;
  features: FeatureActivity[];
  /** Denials, queued and unsupported requests per feature, user and reason: most frequent first. */
  problems: UserProblem[];
  /** Denials because the client's clock is more than 24 hours off the License Server's. */
  clockDenials: number;
  denied: number;
  queued: number;
}

function stamp(e: LogEvent): string {
  return e.date ? `${e.date} ${e.time}` : e.time;
}

export function summarizeLicensesLog(log: LicensesLog): LicensesLogSummary {
  const features = new Map<string, FeatureActivity>();
  /** Checkouts out now, per feature, as the log runs. */
  const out = new Map<string, number>();
  const problems = new Map<string, UserProblem>();
  let denied = 0;
  let queued = 0;
  let clockDenials = 0;
  for (const e of log.events) {
    const f = features.get(e.feature) ?? { feature: e.feature, out: 0, in: 0, denied: 0, queued: 0, expired: false };
    features.set(e.feature, f);
    if (e.kind === 'OUT') {
      f.out += e.count;
      const now = (out.get(e.feature) ?? 0) + e.count;
      out.set(e.feature, now);
      f.peak = Math.max(f.peak ?? 0, now);
    } else if (e.kind === 'IN') {
      f.in += e.count;
      out.set(e.feature, Math.max(0, (out.get(e.feature) ?? 0) - e.count));
    }
    else if (e.kind === 'EXPIRED') f.expired = true;
    else if (e.kind === 'DENIED' || e.kind === 'QUEUED' || e.kind === 'UNSUPPORTED') {
      if (e.kind === 'QUEUED') {
        f.queued++;
        queued++;
      } else {
        f.denied++;
        denied++;
      }
      if (e.code === CLOCK_DIFFERENCE) clockDenials++;
      const who = e.user ? `${e.user}@${e.host ?? ''}` : '(unknown user)';
      const key = [e.feature, who, e.kind, e.code ?? e.reason ?? ''].join('\u0000');
      const p = problems.get(key);
      if (p) {
        p.count++;
        p.last = stamp(e);
      } else {
        const explained = e.code ? explainFlexNetError(e.code) : undefined;
        problems.set(key, { feature: e.feature, who, kind: e.kind, count: 1, code: e.code, reason: e.reason, action: explained?.action, first: stamp(e), last: stamp(e) });
      }
    }
  }
  const dated = log.events.map(stamp);
  return {
    lines: log.lines,
    events: log.events.length,
    from: dated[0],
    to: dated[dated.length - 1],
    features: [...features.values()].sort((a, b) => a.feature.localeCompare(b.feature)),
    problems: [...problems.values()].sort((a, b) => b.count - a.count || a.feature.localeCompare(b.feature) || a.who.localeCompare(b.who)),
    clockDenials,
    denied,
    queued,
  };
}

/** One line for a tree node or a message: `3 denied (1 clock difference) · 2 queued`. */
export function problemsLabel(s: Pick<LicensesLogSummary, 'denied' | 'queued' | 'clockDenials'>): string {
  const parts: string[] = [];
  if (s.denied > 0) parts.push(`${s.denied} denied${s.clockDenials > 0 ? ` (${s.clockDenials} clock difference)` : ''}`);
  if (s.queued > 0) parts.push(`${s.queued} queued`);
  return parts.length > 0 ? parts.join(' · ') : 'no denial, nothing queued';
}

/** Words for a clock-difference denial, for whoever reads the summary. */
export function clockAdvice(p: Pick<UserProblem, 'who'>): string {
  const host = p.who.split('@')[1] || 'the client computer';
  return `the clock of ${host} is more than 24 hours off the License Server's: put its date, time and time zone right (NTP), then start the client again`;
}

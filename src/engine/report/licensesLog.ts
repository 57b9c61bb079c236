// A License Server's licenses log as the report and the dashboard show it (plain JSON for the webview).
import type { CachedLicensesLog } from '../lmstat/licensesLogCache';
import { clockAdvice, problemsLabel } from '../lmstat/licensesLogSummary';
import type { LicensesLogRow } from './types';

export function licensesLogRow(log: CachedLicensesLog): LicensesLogRow {
  return {
    file: log.file,
    imported: log.at.slice(0, 10),
    events: log.events,
    from: log.from,
    to: log.to,
    denied: log.denied,
    queued: log.queued,
    clockDenials: log.clockDenials,
    label: problemsLabel(log),
    problems: log.problems.map((p) => ({
      feature: p.feature,
      who: p.who,
      what: p.kind === 'QUEUED' ? 'queued' : p.kind === 'UNSUPPORTED' ? 'unsupported' : 'denied',
      count: p.count,
      when: p.count === 1 ? p.first : `${p.first} – ${p.last}`,
      reason: p.reason ? `${p.reason}${p.code ? ` (${p.code})` : ''}` : '',
      advice: p.code === '-34' ? clockAdvice(p) : (p.action ?? ''),
    })),
  };
}

// Words and numbers shared by the three report formats, so they say the same thing.
import { sourcesText } from '../sources';
import type { HistoryItem, LicenseRow, SiteReport } from '../types';

/** What the status words mean, once above the tables (the three words are kept apart, issue 28). */
export const STATUS_LEGEND =
  'Status: *not activated yet* = planned, waiting for its activation; *under-planned* = the plan gives less than the target requires; *violation* = fewer activated than required with nothing left to activate, or more seats in use than activated (what the BMS itself shows); *blocked by BMS0xx* = validate finds an error there, so plan and apply will not do it.';

/** Status kinds (tree/status.ts) a row shows in bold or red: what needs doing first. */
export const STRONG: ReadonlySet<string> = new Set(['blocked', 'broken', 'handover', 'violation', 'expired', 'under-planned']);

/** A license row's status (`blocked by BMS020 (plan.bms.yaml:40)`), in bold when it needs doing first. */
export function licenseStatusText(l: LicenseRow, text: (s: string) => string = (s) => s): string {
  const words = text(l.statusLabel);
  return STRONG.has(l.status) ? `**${words}**` : words;
}

export const SEVERITY_WORDS = { error: 'Error', warning: 'Warning', information: 'Info' } as const;

export const EXPIRY_WORDS = { expired: 'expired', expiring: 'expiring soon', ok: 'ok' } as const;

/** A count or a dash when not known. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(n);
}

export function daysWords(days: number): string {
  if (days < 0) return `expired ${-days} day${days === -1 ? '' : 's'} ago`;
  if (days === 0) return 'expires today';
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

/** Events per operation, in the order they first appear. */
export function ledgerCounts(history: HistoryItem[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const h of history) counts.set(h.op, (counts.get(h.op) ?? 0) + 1);
  return [...counts];
}

export function ledgerSpan(history: HistoryItem[]): string {
  if (history.length === 0) return 'The ledger has no events yet.';
  return `${history.length} event${history.length === 1 ? '' : 's'} from ${history[0].at} to ${history[history.length - 1].at}.`;
}

export function summaryLines(r: SiteReport): [string, string][] {
  const s = r.summary;
  return [
    ['Targets', String(s.targets)],
    r.site.activation === 'simulator'
      ? ['Licenses activated', `none on the real system (simulated: ${s.activated} of ${s.planned} planned)`]
      : ['Licenses activated', `${s.activated} of ${s.planned} planned, on the real system`],
    ['Activations by source', sourcesText(s.sources)],
    ...(s.verified.length > 0 && r.site.activation !== 'simulator' ? [['Checked against the License Servers', s.verified.map((v) => `${v.licenseServer}: ${v.on ? `verified by lmstat on ${v.on}` : 'not verified'}`).join('; ')] as [string, string]] : []),
    ['License violations', String(s.violations)],
    ['Expired / expiring', `${s.expired} / ${s.expiring}`],
    ['Open problems', `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`],
    ['License Server usage', s.usageKnown ? 'from lmstat' : 'not known (no lmstat output given)'],
  ];
}

export function registrationLines(r: SiteReport): [string, string][] {
  return [
    ['Site', r.site.name],
    ['Customer', r.site.customer || '(not set)'],
    ['Contact', r.site.contact || '(not set)'],
    ['EBO version', r.site.versionLabel || r.site.version || '(not set)'],
    ...(r.site.tier ? ([['Tier', r.site.tier]] as [string, string][]) : []),
    ['Licensing', r.site.regime],
    ['Connectivity', r.site.connectivity || '(not set)'],
    ['Activation', r.site.activation === 'simulator' ? 'simulator (simulated: nothing activated on the real system)' : r.site.activation === 'http' ? 'an HTTP activation server' : "the vendor's tools (License Administrator, Device Administrator), recorded"],
    ['Plans', r.site.plans.join(', ') || '(none)'],
    ['Ledger', r.site.ledger],
    ['Report date', r.today],
  ];
}

/** Every Required figure computed from the site file: [target, feature, required, where it came from]. */
export function requiredNotes(r: SiteReport): [string, string, number, string][] {
  return r.targets.flatMap((tg) => tg.features.flatMap((f): [string, string, number, string][] => (f.requiredFrom ? [[tg.id, f.feature, f.required, f.requiredFrom]] : [])));
}

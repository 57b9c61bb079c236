// How a row states a license's status, in one place for the tree, the dashboard, the report and its CSV.
// Three words are kept apart (issue 28): *not activated yet* (planned, waiting), *under-planned* (planned <
// required), *violation* (activated < required with nothing left to activate, or seats used beyond what is
// activated: what the BMS itself would show); plus *blocked* (an error finding of `validate` keeps the
// license from being acted on, as `plan` shows it) and demo/engineering licenses at handover.
import { t } from '../l10n';

export type LicenseStatusKind =
  | 'blocked'
  | 'broken'
  | 'handover'
  | 'violation'
  | 'expired'
  | 'under-planned'
  | 'pending-offline'
  | 'not-activated'
  | 'activated'
  | 'none';

/** Where an activation came from, shown beside the status when known (ledger `via`, issue 25). */
export type StatusSource = 'simulated' | 'recorded' | 'http';

/** The source word of a ledger event's `via` (or of the fold's source of an activation): the built-in simulator, a vendor tool recorded by the engineer, or an HTTP server; none for `unknown` (not adopted). */
export function sourceOfVia(via: string | undefined): StatusSource | undefined {
  if (via === undefined) return undefined;
  if (via === 'simulator') return 'simulated';
  if (via === 'http') return 'http';
  return via === 'license-administrator' || via === 'device-administrator' ? 'recorded' : undefined;
}

/** One license line as the status needs it (a tree TargetLicense or a report row fits). */
export interface StatusLine {
  state: string;
  expiry?: 'expired' | 'expiring' | 'ok';
  pending?: string;
  licenseType?: string;
}

export interface LicenseStatusInput {
  /** What the target needs of the feature (base license 1, devices counted, or as planned); undefined: as planned. */
  required?: number;
  planned: number;
  /** Activated and usable. */
  activated: number;
  /** Seats in use (lmstat); null or undefined when not known. */
  used?: number | null;
  /** The lines behind the figures (their ledger states). */
  lines?: readonly StatusLine[];
  /** The error finding that blocks the license (`plan` shows it beside the action). */
  blockedBy?: { code: string; where?: string };
  /** The plan's stage: at handover, demo and engineering licenses are the first thing to deal with. */
  stage?: string;
  /** Where the activation came from, when the ledger says (`simulated`, `recorded`). */
  source?: StatusSource;
}

export interface LicenseStatus {
  kind: LicenseStatusKind;
  /** The words a row shows, with the source when given: `activated (simulated)`. */
  label: string;
  /** What to do or why, in one short sentence, when there is more to say than the label. */
  detail?: string;
  /** At handover, what to do with a demo or engineering license, whatever else its status is (it leads the tables). */
  handover?: string;
  source?: StatusSource;
}

/** The label of each kind, for rows that show a kind alone (a tree node rolls up its licenses' kinds). */
export function statusWords(kind: LicenseStatusKind): string {
  switch (kind) {
    case 'blocked':
      return t('blocked');
    case 'broken':
      return t('broken: repair needed');
    case 'handover':
      return t('to replace before handover');
    case 'violation':
      return t('license violation');
    case 'expired':
      return t('expired');
    case 'under-planned':
      return t('under-planned');
    case 'pending-offline':
      return t('waiting for an offline response');
    case 'not-activated':
      return t('not activated yet');
    case 'activated':
      return t('all activated');
    case 'none':
      return t('nothing planned');
  }
}

const HANDOVER_TYPES = new Set(['demo', 'engineering']);

/** What to do with a demo or engineering license at handover (help 14832, 16221). */
export function handoverAction(licenseType: string | undefined): string {
  return licenseType === 'engineering'
    ? 'engineering license at handover: have the entitlement converted to commercial in Software Companion (help 16221), then set its commercial license type'
    : 'demo license at handover: return it from every server, delete it and activate the commercial license (help 14832)';
}

/** The status of one feature (or one license line) on one target. */
export function licenseStatus(input: LicenseStatusInput): LicenseStatus {
  const s = decide(input);
  const demo = input.stage === 'handover' ? (input.lines ?? []).find((l) => HANDOVER_TYPES.has(l.licenseType ?? '')) : undefined;
  const handover = demo ? handoverAction(demo.licenseType) : undefined;
  let label = input.source && s.kind !== 'none' ? `${s.label} (${input.source})` : s.label;
  // Blocked or broken and a demo license at handover: both are said, the blocking first.
  if (handover && s.kind !== 'handover') label = `${label}; ${handover}`;
  return { ...s, label, ...(handover ? { handover } : {}), ...(input.source ? { source: input.source } : {}) };
}

function decide(i: LicenseStatusInput): Omit<LicenseStatus, 'source'> {
  const lines = i.lines ?? [];
  const required = i.required ?? i.planned;
  if (i.blockedBy) return { kind: 'blocked', label: `${t('blocked by {0}', i.blockedBy.code)}${i.blockedBy.where ? ` (${i.blockedBy.where})` : ''}`, detail: i.blockedBy.where };
  if (lines.some((l) => l.state === 'broken')) return { kind: 'broken', label: statusWords('broken') };
  const handover = i.stage === 'handover' ? lines.find((l) => HANDOVER_TYPES.has(l.licenseType ?? '')) : undefined;
  if (handover) return { kind: 'handover', label: handoverAction(handover.licenseType) };
  if (i.used !== null && i.used !== undefined) {
    if (i.used > i.activated) return { kind: 'violation', label: t('license violation: {0} seats in use, {1} activated', i.used, i.activated) };
    if (i.activated > 0 && i.used === i.activated) return { kind: 'violation', label: t('license violation: no free seat, all {0} in use', i.activated) };
  }
  if (lines.some((l) => l.expiry === 'expired') && i.activated > 0) return { kind: 'expired', label: statusWords('expired') };
  if (i.activated < required) {
    // Nothing left to activate and still short: what the BMS itself shows.
    if (i.planned < required && i.activated >= i.planned && i.activated > 0) return { kind: 'violation', label: t('license violation: {0} of {1} required activated', i.activated, required) };
    if (i.planned < required) return { kind: 'under-planned', label: t('under-planned: {0} of {1} required planned', i.planned, required) };
  }
  if (lines.some((l) => l.state === 'requested' || l.state === 'return-pending' || l.pending)) return { kind: 'pending-offline', label: statusWords('pending-offline') };
  if (i.activated < Math.max(required, i.planned)) return { kind: 'not-activated', label: i.activated > 0 ? t('not activated yet: {0} of {1} activated', i.activated, Math.max(required, i.planned)) : statusWords('not-activated') };
  if (i.activated > 0 || required > 0) return { kind: 'activated', label: statusWords('activated') };
  return { kind: 'none', label: statusWords('none') };
}

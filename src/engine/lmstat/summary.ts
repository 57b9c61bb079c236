// What the tree, the rules and the dashboard need from one lmstat reading: the License Server's state,
// its features with seats and users, and any FlexNet error explained. Small enough to cache as JSON.
import { explainFlexNetError } from './errors';
import type { FlexNetError, LmstatResult } from './types';
import { usageByFeature } from './usage';

/** up: every server and vendor daemon answered; degraded: part of a triad or a daemon is down; down: nothing served; unknown: `lmstat -i` only reads the license file. */
export type UsageState = 'up' | 'degraded' | 'down' | 'unknown';

export interface UsageError {
  /** FlexNet major code ('-15'); null when the text carries none. */
  code: string | null;
  /** As printed, with the code text. */
  message: string;
  /** What it means and what to do, from explainFlexNetError. */
  title: string;
  action: string;
}

export interface UsageUser {
  user: string;
  host: string | null;
  display: string | null;
  start: string;
  licenses: number;
}

export interface UsageFeature {
  name: string;
  /** Seats issued / in use, counted once per license pool; null when uncounted, in error, or not reported. */
  issued: number | null;
  inUse: number | null;
  uncounted: boolean;
  users: UsageUser[];
  /** Users beyond the cap that were not kept. */
  usersOmitted: number;
  queued: number;
  /** Earliest expiry of its license groups: 'yyyy-mm-dd' or 'permanent'. */
  expiry: string | null;
  error: UsageError | null;
}

export interface UsageServer {
  address: string;
  status: 'UP' | 'DOWN';
  version: string | null;
  error: UsageError | null;
}

export interface UsageSummary {
  state: UsageState;
  /** Why the License Server is down or degraded, when lmstat said. */
  error: UsageError | null;
  servers: UsageServer[];
  vendorDaemons: { name: string; status: 'UP' | 'DOWN'; version: string | null; error: UsageError | null }[];
  features: UsageFeature[];
  /** lmstat's own 'status on' time, as printed. */
  statusTime: string | null;
  /** Lines that were not lmstat output. */
  warnings: number;
}

/** Users kept per feature: enough for the tree, bounded for a 50,000-line output. */
export const MAX_USERS_PER_FEATURE = 500;

export function usageError(e: FlexNetError | null): UsageError | null {
  if (!e) return null;
  const printed = e.codeFull ? `${e.message} (${e.codeFull}${e.detail ? ` "${e.detail}"` : ''})` : e.message;
  if (!e.code) return { code: null, message: printed, title: e.message, action: 'Check the License Server log, then refresh.' };
  const x = explainFlexNetError(e.code);
  return { code: x.code, message: printed, title: x.title, action: x.action };
}

export function summarizeLmstat(result: LmstatResult): UsageSummary {
  const servers: UsageServer[] = [];
  const vendorDaemons: UsageSummary['vendorDaemons'] = [];
  for (const b of result.blocks) {
    for (const s of b.servers) servers.push({ address: s.address, status: s.status, version: s.version, error: usageError(s.error) });
    for (const d of b.vendorDaemons) vendorDaemons.push({ name: d.name, status: d.status, version: d.version, error: usageError(d.error) });
  }
  const features = featuresOf(result);
  const { state, error } = stateOf(result, servers, vendorDaemons, features);
  return { state, error, servers, vendorDaemons, features, statusTime: result.header.statusTime, warnings: result.warnings.length };
}

function stateOf(result: LmstatResult, servers: UsageServer[], daemons: UsageSummary['vendorDaemons'], features: UsageFeature[]): Pick<UsageSummary, 'state' | 'error'> {
  if (result.error) return { state: 'down', error: usageError(result.error) };
  const downServer = servers.find((s) => s.status === 'DOWN');
  if (servers.length > 0 && servers.every((s) => s.status === 'DOWN')) return { state: 'down', error: downServer?.error ?? null };
  const downDaemon = daemons.find((d) => d.status === 'DOWN');
  // With every vendor daemon down, lmgrd answers but no feature is served.
  if (daemons.length > 0 && daemons.every((d) => d.status === 'DOWN')) return { state: 'down', error: downDaemon?.error ?? null };
  if (downServer || downDaemon) return { state: 'degraded', error: (downServer ?? downDaemon)?.error ?? null };
  if (result.blocks.length === 0) return { state: result.expiryTable.length > 0 || features.length > 0 ? 'unknown' : 'down', error: null };
  return { state: 'up', error: null };
}

function featuresOf(result: LmstatResult): UsageFeature[] {
  const seats = usageByFeature(result);
  const byName = new Map<string, UsageFeature & { counted: boolean; seen: Set<string> }>();
  for (const block of result.blocks) {
    for (const f of block.features) {
      let out = byName.get(f.name);
      if (!out) {
        out = { name: f.name, issued: null, inUse: null, uncounted: false, users: [], usersOmitted: 0, queued: 0, expiry: null, error: null, counted: false, seen: new Set() };
        byName.set(f.name, out);
      }
      out.uncounted ||= f.uncounted;
      if (f.issued !== null) out.counted = true;
      if (f.error && !out.error) out.error = usageError(f.error);
      out.queued += f.queued.length;
      for (const g of f.licenseGroups) out.expiry = earlier(out.expiry, g.expiry);
      for (const u of f.users) {
        // A triad read from two members lists the same checkouts twice.
        const key = `${u.user}\u0000${u.host}\u0000${u.display}\u0000${u.start}\u0000${u.handle}`;
        if (out.seen.has(key)) continue;
        out.seen.add(key);
        if (out.users.length >= MAX_USERS_PER_FEATURE) out.usersOmitted++;
        else out.users.push({ user: u.user, host: u.host, display: u.display, start: u.start, licenses: u.licenses });
      }
    }
  }
  const features: UsageFeature[] = [];
  for (const { counted, seen: _seen, ...f } of byName.values()) {
    const s = seats.get(f.name);
    if (counted && s) {
      f.issued = s.issued;
      f.inUse = s.inUse;
    }
    features.push(f);
  }
  // `lmstat -i` rows: what the license file holds, without usage.
  const fromTable = new Map<string, UsageFeature>();
  for (const row of result.expiryTable) {
    if (byName.has(row.feature)) continue;
    const f = fromTable.get(row.feature);
    if (f) {
      f.issued = (f.issued ?? 0) + row.licenses;
      f.expiry = earlier(f.expiry, row.expiry);
    } else {
      const nf: UsageFeature = { name: row.feature, issued: row.licenses, inUse: null, uncounted: false, users: [], usersOmitted: 0, queued: 0, expiry: row.expiry, error: null };
      fromTable.set(row.feature, nf);
      features.push(nf);
    }
  }
  return features;
}

/** The earlier of two expiries; 'permanent' is later than any date. */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a === 'permanent') return b;
  if (b === 'permanent') return a;
  return a < b ? a : b;
}

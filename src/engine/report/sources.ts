// Where the report's activations came from: the summary counts recorded, HTTP, simulated and not-adopted
// activations apart, each license row carries its source label, and a simulator site's report opens with a
// banner that nothing was activated on the real system. (How a row words its status is the status function's
// business: it can read `source` and `real`.)
import { licenseState, type LedgerState } from '../ledger/fold';
import { isRecordedVia, sourceLabel } from '../ledger/provenance';
import type { ActivationSources, TargetRow } from './types';

const HELD = new Set(['activated', 'broken', 'return-pending']);

/** License lines held now, by source, plus the lines not counted because they are simulated or not adopted. */
export function activationSources(state: LedgerState | undefined): ActivationSources {
  const out: ActivationSources = { recorded: 0, http: 0, simulated: 0, notAdopted: 0 };
  if (!state) return out;
  for (const l of state.licenses.values()) {
    if (!HELD.has(l.status)) continue;
    if (l.source === 'simulator') out.simulated++;
    else if (l.source === 'http') out.http++;
    else if (isRecordedVia(l.source) || l.real) out.recorded++;
    // `unknown` and counted: no site said how to judge it (every line counts as written).
  }
  for (const u of state.uncounted) {
    if (u.op !== 'activate') continue;
    if (u.why === 'not-adopted') out.notAdopted += u.lines.length;
    else if (u.why === 'simulated') out.simulated += u.lines.length;
  }
  return out;
}

/** The banner of a simulator site's report; undefined for a real site. */
export function simulationBanner(activation: string | undefined, site: string): string | undefined {
  if (activation !== 'simulator') return undefined;
  return `Simulation: no license of site ${site} was activated on the real system. Every activation in this report was made by the built-in License Activation Server simulator (activation: simulator), for practice or training.`;
}

/** Sets each license row's source label from the fold. */
export function labelSources(targets: TargetRow[], state: LedgerState | undefined): void {
  if (!state) return;
  for (const t of targets) {
    for (const row of t.licenses) {
      const l = licenseState(state, t.id, row.activationId);
      if (!l || !HELD.has(l.status) || l.source === 'unknown') continue;
      row.source = sourceLabel(l.source, l.lasHost);
      row.real = l.real;
    }
  }
}

/** `recorded 3 · HTTP 0 · simulated 16 · not adopted 0`. */
export function sourcesText(s: ActivationSources): string {
  return `recorded ${s.recorded} · HTTP ${s.http} · simulated ${s.simulated} · not adopted ${s.notAdopted}`;
}

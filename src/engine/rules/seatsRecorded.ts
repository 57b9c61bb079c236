// BMS084, BMS085: what a License Server issues at the last usage refresh (lmstat) against the network seats
// the ledger records on it. Fewer issued than recorded: a warning naming the ledger lines (a return or a lost
// activation the ledger does not know). More: information, served but not recorded — record it. Not judged on
// a simulator site (its activations were never on the real License Server).
import { diagnostic, type Diagnostic } from '../diagnostics';
import { activationIdFor, compareSeats } from '../ledger/seats';
import { activationOf } from '../model';
import type { SiteRule } from './rule';
import { currentUsage, readingLabel } from './usage';

export const seatsRecorded: SiteRule = {
  codes: ['BMS084', 'BMS085'],
  kind: 'Site',
  check(site, ctx) {
    if (!ctx.usageOf || !ctx.ledgerOf || activationOf(site) === 'simulator') return [];
    const state = ctx.ledgerOf(site.name);
    if (!state) return [];
    const plans = ctx.index.plansFor(site.name);
    const out: Diagnostic[] = [];
    for (const ls of site.licenseServers) {
      const usage = currentUsage(ctx, site, ls);
      if (!usage || usage.state === 'down') continue;
      const at = ls.at.address ?? ls.at.id ?? ls.span;
      for (const c of compareSeats(site, plans, state, ls, usage).comparisons) {
        const expected = c.recorded + c.included;
        const included = c.included > 0 ? ` and ${c.included} included with the Enterprise Servers/Central it serves` : '';
        if (c.kind === 'fewer-issued') {
          const lines = c.lines.length > 0 ? ` (ledger line${c.lines.length === 1 ? '' : 's'} ${c.lines.join(', ')})` : '';
          out.push(diagnostic('BMS084', site.uri, at, `License Server '${ls.id}' issues ${c.issued} ${c.feature} seat(s), the ledger records ${c.recorded}${lines}${included} (${readingLabel(usage)}): a return, a broken or a lost activation the ledger does not know. Check License Administrator on ${ls.id}, then record what it shows (record return / broken, or void a wrong line).`, { data: { licenseServer: ls.id, feature: c.feature, issued: c.issued, recorded: c.recorded, lines: c.lines } }));
        } else if (c.kind === 'more-issued') {
          const more = (c.issued ?? 0) - expected;
          const id = c.activationIds[0] ?? activationIdFor(plans, c.feature) ?? 'ACT-…';
          const record = `bmslicense record activate --site ${site.name} --target ${ls.id} --activation-id ${id} --quantity ${more}`;
          out.push(diagnostic('BMS085', site.uri, at, `License Server '${ls.id}' serves ${more} ${c.feature} seat(s) more than the ledger records (${c.issued} issued, ${c.recorded} recorded${included}; ${readingLabel(usage)}): served but not recorded. Record it: ${record}`, { data: { licenseServer: ls.id, feature: c.feature, issued: c.issued, recorded: c.recorded, record } }));
        }
      }
    }
    return out;
  },
};

// BMS014: servers, License Servers and clients share one id namespace within a site.
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Span } from '../model';
import type { SiteRule } from './rule';
import { kindName } from './words';
import type { SiteNode } from '../load/workspace';
import { t } from '../l10n';

export const duplicateIds: SiteRule = {
  codes: ['BMS014'],
  kind: 'Site',
  check(site) {
    const all: { id: string; kind: SiteNode['kind']; at: Span }[] = [];
    for (const s of site.servers) if (s.at.id) all.push({ id: s.id, kind: 'server', at: s.at.id });
    for (const s of site.licenseServers) if (s.at.id) all.push({ id: s.id, kind: 'licenseServer', at: s.at.id });
    for (const c of site.clients) if (c.at.id) all.push({ id: c.id, kind: 'client', at: c.at.id });
    all.sort((a, b) => a.at.start - b.at.start);
    const first = new Map<string, (typeof all)[number]>();
    const out: Diagnostic[] = [];
    for (const n of all) {
      const before = first.get(n.id);
      if (!before) {
        first.set(n.id, n);
        continue;
      }
      out.push(
        diagnostic(
          'BMS014',
          site.uri,
          n.at,
          t("The id '{0}' is already used by a {1} of this site: servers, License Servers and clients need distinct ids, or plans cannot tell them apart. Rename this {2}.", n.id, kindName(before.kind), kindName(n.kind)),
          { related: [{ uri: site.uri, span: before.at, message: t("'{0}' is first defined here", n.id) }] },
        ),
      );
    }
    return out;
  },
};

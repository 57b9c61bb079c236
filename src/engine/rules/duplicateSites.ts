// BMS015: a site name is how plans, ledgers and commands find a site; two Site documents with one name
// would be merged or picked by file order. As with BMS014, every copy after the first (in file order) gets
// the error, naming where the others are.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic } from '../diagnostics';
import type { Site } from '../model';
import type { SiteRule } from './rule';
import { t } from '../l10n';

const SHOWN = 3;

const fileName = (uri: string) => (uri.startsWith('file:') ? path.basename(path.dirname(fileURLToPath(uri))) + '/' + path.basename(fileURLToPath(uri)) : uri);

export const duplicateSites: SiteRule = {
  codes: ['BMS015'],
  kind: 'Site',
  check(site, ctx) {
    const at = site.at['metadata.name'];
    if (!site.name || !at) return [];
    const same = (s: Site) => s.uri === site.uri && s.span.start === site.span.start;
    const all = ctx.sitesNamed(site.name);
    const first = all.reduce<Site | undefined>((a, s) => (!a || s.uri < a.uri || (s.uri === a.uri && s.span.start < a.span.start) ? s : a), undefined);
    if (!first || same(first)) return [];
    // Named and linked: the first few others (a thousand copies must not make a million links).
    const others = all.filter((s) => !same(s)).slice(0, SHOWN + 1);
    const more = all.length - 1 - Math.min(others.length, SHOWN);
    const where = [...new Set(others.slice(0, SHOWN).map((s) => fileName(s.uri)))].join(', ') + (more > 0 ? t(' and {0} more', more) : '');
    return [
      diagnostic(
        'BMS015',
        site.uri,
        at,
        t("Site '{0}' is also defined in {1}: plans, ledgers and commands find a site by its name, so two sites cannot share one. Rename one of them, or open the folder of one site only (bmslicense --workspace DIR).", site.name, where),
        { related: others.slice(0, SHOWN).map((s) => ({ uri: s.uri, span: s.at['metadata.name'] ?? s.span, message: t("another Site '{0}'", site.name) })) },
      ),
    ];
  },
};

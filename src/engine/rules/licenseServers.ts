// BMS031–BMS033: one License Server per ES/EC, on the same computer, addressed as `@localhost` (help 6010).
import { diagnostic, type Diagnostic, type RelatedInformation } from '../diagnostics';
import type { LicenseServer, Server, Site } from '../model';
import { versionAtLeast } from '../model';
import { addressHosts, addressProblems } from '../flexnet/address';
import type { SiteRule } from './rule';
import { andList, typeName } from './words';
import { t } from '../l10n';

const SERVED = new Set(['enterprise-server', 'enterprise-central']);
const isEsOrEc = (s: Server) => SERVED.has(s.type ?? '');
const sameHost = (a: string, b: string) => a.trim().replace(/\.$/, '').toLowerCase() === b.trim().replace(/\.$/, '').toLowerCase();

export const licenseServerRequired: SiteRule = {
  codes: ['BMS031'],
  kind: 'Site',
  check(site) {
    if (versionAtLeast(site.version, 7) !== false) return [];
    const out: Diagnostic[] = [];
    for (const s of site.servers) {
      if (!isEsOrEc(s) || s.licenseServer !== undefined) continue;
      const at = s.at.id ?? s.at.type;
      if (!at) continue;
      const onHost = s.host ? site.licenseServers.find((ls) => ls.host && sameHost(ls.host, s.host!)) : undefined;
      const add = onHost
        ? t("Add 'licenseServer: {0}' (it runs on the same computer).", onHost.id)
        : s.host
          ? t("Add a License Server on '{0}' to 'spec.licenseServers' and name it in 'licenseServer:'.", s.host)
          : t("Add a License Server on its computer to 'spec.licenseServers' and name it in 'licenseServer:'.");
      out.push(
        diagnostic(
          'BMS031',
          site.uri,
          at,
          t('{0} \'{1}\' has no License Server. Below EBO 7.0 an ES or EC needs a License Server with the License Administrator on its computer, or it raises "Invalid license server configuration". {2}', typeName(s.type), s.id, add),
          onHost ? { data: { licenseServer: onHost.id } } : {},
        ),
      );
    }
    return out;
  },
};

/** The ES/EC of the site that name each License Server, in source order. */
function servedBy(site: Site): Map<LicenseServer, Server[]> {
  const byId = new Map<string, LicenseServer>();
  for (const ls of site.licenseServers) if (!byId.has(ls.id)) byId.set(ls.id, ls);
  const out = new Map<LicenseServer, Server[]>();
  for (const s of site.servers) {
    const ls = s.licenseServer === undefined ? undefined : byId.get(s.licenseServer);
    if (!ls || !isEsOrEc(s)) continue;
    out.set(ls, [...(out.get(ls) ?? []), s]);
  }
  return out;
}

const related = (site: Site, s: Server, message: string): RelatedInformation => ({ uri: site.uri, span: s.at.licenseServer ?? s.at.id ?? s.span, message });

/** `@localhost`, keeping the port when the address has exactly one. */
function localhostFix(address: string | undefined): string {
  const m = /^\s*(\d+)@[^;]*$/.exec(address ?? '');
  return m ? `${m[1]}@localhost` : '@localhost';
}

export const licenseServerPlacement: SiteRule = {
  codes: ['BMS032'],
  kind: 'Site',
  check(site) {
    const out: Diagnostic[] = [];
    for (const [ls, servers] of servedBy(site)) {
      const at = ls.at.address ?? ls.at.id;
      if (!at || !ls.host) continue;
      const elsewhere = servers.filter((s) => s.host && !sameHost(s.host, ls.host!));
      const wellFormed = ls.address !== undefined && addressProblems(ls.address).length === 0;
      const local = wellFormed && addressHosts(ls.address!).includes('localhost');
      const alongside = servers.filter((s) => s.host && sameHost(s.host, ls.host!));
      const data = { fix: localhostFix(ls.address) };
      if (elsewhere.length > 0) {
        const names = andList(elsewhere.map((s) => t("{0} '{1}' on '{2}'", typeName(s.type), s.id, String(s.host))));
        out.push(
          diagnostic(
            'BMS032',
            site.uri,
            at,
            t('License Server \'{0}\' runs on \'{1}\', but it serves {2}. Install the License Server on the computer of the ES/EC it serves and address it as \'{3}\'; otherwise the ES/EC reports "Invalid license server configuration".', ls.id, ls.host, names, data.fix),
            { related: elsewhere.map((s) => related(site, s, t("{0} runs on '{1}'", s.id, String(s.host)))), data },
          ),
        );
      } else if (alongside.length > 0 && wellFormed && !local && ls.at.address) {
        out.push(
          diagnostic(
            'BMS032',
            site.uri,
            ls.at.address,
            t("License Server '{0}' runs on the same computer as {1}, so the ES/EC should reach it as '{2}', not '{3}'. Change the address to '{2}'.", ls.id, andList(alongside.map((s) => `${typeName(s.type)} '${s.id}'`)), data.fix, String(ls.address)),
            { related: alongside.map((s) => related(site, s, t('{0} uses this License Server', s.id))), data },
          ),
        );
      }
    }
    return out;
  },
};

export const licenseServerShared: SiteRule = {
  codes: ['BMS033'],
  kind: 'Site',
  check(site) {
    const out: Diagnostic[] = [];
    for (const [ls, servers] of servedBy(site)) {
      if (servers.length < 2 || !ls.at.id) continue;
      out.push(
        diagnostic(
          'BMS033',
          site.uri,
          ls.at.id,
          t("License Server '{0}' serves {1} ES/EC ({2}): license usage cannot be attributed to each of them. Give each ES/EC its own License Server on its computer.", ls.id, servers.length, andList(servers.map((s) => `'${s.id}'`))),
          { related: servers.map((s) => related(site, s, t("{0} uses License Server '{1}'", s.id, ls.id))) },
        ),
      );
    }
    return out;
  },
};

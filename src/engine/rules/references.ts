// BMS010–BMS013: every id a file names must exist — servers, License Servers, clients, activation ids, sites.
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Assignment, LicensePlan, Site, TargetKind } from '../model';
import type { PlanRule, RuleContext, SiteRule } from './rule';
import type { SiteLookup } from './lookup';
import { didYouMean } from './suggest';
import { kindName, nodeName } from './words';
import { t } from '../l10n';

/** BMS013: the plan's `metadata.site` names a Site of the workspace. */
export const planSite: PlanRule = {
  codes: ['BMS013'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const at = plan.at['metadata.site'];
    if (plan.site === undefined || !at || ctx.siteOf(plan)) return [];
    const { hint, data } = didYouMean(plan.site, ctx.index.sites().map((s) => s.name));
    return [
      diagnostic(
        'BMS013',
        plan.uri,
        at,
        t("No Site named '{0}' in the workspace.{1} Open the folder that holds the site file, or set 'metadata.site' to the site's 'metadata.name'.", plan.site, hint),
        data ? { data } : {},
      ),
    ];
  },
};

const TARGET_CODE: Record<TargetKind, 'BMS010' | 'BMS011'> = { server: 'BMS010', licenseServer: 'BMS011', client: 'BMS010' };

/** BMS010/BMS011: an assignment's target exists in the site, as the kind of thing its key says. */
export const assignmentTargets: PlanRule = {
  codes: ['BMS010', 'BMS011'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const site = ctx.siteOf(plan);
    if (!site) return [];
    const lookup = ctx.lookup(site);
    const out: Diagnostic[] = [];
    for (const a of plan.assignments) {
      const d = unknownTarget(a, plan, site, lookup);
      if (d) out.push(d);
    }
    return out;
  },
};

function unknownTarget(a: Assignment, plan: LicensePlan, site: Site, lookup: SiteLookup): Diagnostic | undefined {
  if (a.targetKind === undefined || a.target === undefined) return undefined;
  const at = a.at[a.targetKind];
  if (!at) return undefined;
  const found = lookup.nodes.get(a.target);
  const code = TARGET_CODE[a.targetKind];
  if (found && found.kind === a.targetKind) return undefined;
  if (found) {
    const key = found.kind;
    return diagnostic(code, plan.uri, at, t("'{0}' is a {1} ({2}), not a {3}: write '{4}: {0}' instead of '{5}: {0}'.", a.target, kindName(found.kind), nodeName(found), kindName(a.targetKind), key, a.targetKind), {
      data: { key },
    });
  }
  const { hint, data } = didYouMean(a.target, lookup.ids(a.targetKind));
  return diagnostic(
    code,
    plan.uri,
    at,
    t("Site '{0}' has no {1} '{2}'.{3} Fix the id, or add the {1} to the site file.", site.name, kindName(a.targetKind), a.target, hint),
    data ? { data } : {},
  );
}

/** BMS012: an assignment's activation id is a product of an entitlement in a plan for the site. */
export const activationIds: PlanRule = {
  codes: ['BMS012'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const group = ctx.planGroup(plan);
    const out: Diagnostic[] = [];
    for (const a of plan.assignments) {
      const at = a.at.activationId;
      if (a.activationId === undefined || !at || group.productFor(plan, a.activationId)) continue;
      const { hint, data } = didYouMean(a.activationId, group.products.keys());
      out.push(
        diagnostic(
          'BMS012',
          plan.uri,
          at,
          t("No entitlement product has activation id '{0}'.{1} Copy the activation id from the entitlement e-mail, and list its product under 'spec.entitlements'.", a.activationId, hint),
          data ? { data } : {},
        ),
      );
    }
    return out;
  },
};

/** BMS011 in the site file: a server's `licenseServer` and a client's `licenseServers` name License Servers of the site. */
export const siteLicenseServerRefs: SiteRule = {
  codes: ['BMS011'],
  kind: 'Site',
  check(site, ctx) {
    const lookup = ctx.lookup(site);
    const known = lookup.ids('licenseServer');
    const out: Diagnostic[] = [];
    const check = (id: string, at: { start: number; end: number } | undefined, who: string) => {
      if (!at || lookup.nodes.get(id)?.kind === 'licenseServer') return;
      const { hint, data } = didYouMean(id, known);
      const what = lookup.nodes.get(id) ? t("'{0}' is a {1}, not a License Server.", id, kindName(lookup.nodes.get(id)!.kind)) : t("Site '{0}' has no License Server '{1}'.", site.name, id);
      out.push(diagnostic('BMS011', site.uri, at, t("{0}{1} {2} must name an entry of 'spec.licenseServers'.", what, hint, who), data ? { data } : {}));
    };
    for (const s of site.servers) if (s.licenseServer !== undefined) check(s.licenseServer, s.at.licenseServer, t("Server '{0}'", s.id));
    for (const c of site.clients) c.licenseServers.forEach((id, i) => check(id, c.licenseServerSpans[i], t("Client '{0}'", c.id)));
    return out;
  },
};

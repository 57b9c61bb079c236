// BMS051 and BMS060: what the plan's stage and the site's connectivity allow.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { productsOf } from '../model';
import type { PlanRule } from './rule';

export const demoAtHandover: PlanRule = {
  codes: ['BMS051'],
  kind: 'LicensePlan',
  check(plan) {
    if (plan.stage !== 'handover') return [];
    const out: Diagnostic[] = [];
    for (const p of productsOf(plan)) {
      const at = p.at.licenseType;
      if (p.licenseType !== 'demo' || !at) continue;
      out.push(
        diagnostic(
          'BMS051',
          plan.uri,
          at,
          `${p.activationId} is a demo license in a plan at handover. Demo licenses are removed at commissioning (on 7.0, returned from every server first): replace it with a commercial license, or remove it.`,
        ),
      );
    }
    return out;
  },
};

export const semiOnlineIsOnline: PlanRule = {
  codes: ['BMS060'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const site = ctx.siteOf(plan);
    if (site?.connectivity !== 'semi-online') return [];
    const out: Diagnostic[] = [];
    for (const a of plan.assignments) {
      const at = a.at.mode;
      if (a.mode !== 'offline' || !at) continue;
      out.push(
        diagnostic(
          'BMS060',
          plan.uri,
          at,
          `Site '${site.name}' is semi-online: the Device Administrator computer reaches both the internet and the servers, which counts as online. Do not use the offline workflow there: set 'mode: online' or remove 'mode'.`,
          { data: { fix: 'online' } },
        ),
      );
    }
    return out;
  },
};

// The benchmark's workloads: a 2,000-server nested site and 1 MB plans of 10,000 assignments in
// several shapes (block, flow, mixed with hundreds of findings), from the generators in this folder.
import { generatePlan, type GeneratedPlan } from './plan';
import { generateSite, type GeneratedSite, type Style } from './site';

export interface Workload {
  name: string;
  site: GeneratedSite;
  plan: GeneratedPlan;
  /** What the plan and the site carry as generated, by code. */
  findings: Record<string, number>;
}

const SITE_NAME = 'tower-campus';

export function bigSite(style: Style = 'mixed'): GeneratedSite {
  return generateSite({ name: SITE_NAME, servers: 2000, enterpriseServers: 100, style, seed: 7 });
}

export function workloads(): Workload[] {
  const site = bigSite();
  const plan = (style: Style, seed: number, findings: boolean) =>
    generatePlan(site, { name: `campus-${style}`, assignments: 10_000, products: 1000, style, seed, inapplicable: findings ? 200 : 0, unplannedBase: findings ? 65 : 0 });
  return [
    { name: 'block-style plan', site, plan: plan('block', 11, false), findings: {} },
    { name: 'flow-style plan', site, plan: plan('flow', 12, false), findings: {} },
    { name: 'mixed plan, 200 BMS020 + 65 BMS050', site, plan: plan('mixed', 13, true), findings: { BMS020: 200, BMS050: 65 } },
  ];
}

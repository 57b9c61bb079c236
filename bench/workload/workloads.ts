// The benchmark's workloads: a 2,000-server nested site and 1 MB plans of 10,000 assignments in
// several shapes (block, flow, mixed with hundreds of findings), from the generators in this folder.
import { generatePlan, type GeneratedPlan } from './plan';
import { generateSite, type GeneratedSite, type Style } from './site';
import { generateSpreadPlan } from './spreadPlan';

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

/**
 * Shaped like the external harness of issue 31: an EBO 6.x site of 2,000 servers under 100 License Servers (one
 * beside the EC and each of its 99 ESs), ~1,161 products over 100 entitlements, 10,000 assignments (~950 KB).
 */
export function harnessShaped(): Workload {
  const site = generateSite({ name: 'harbour-district', servers: 2000, enterpriseServers: 99, style: 'mixed', seed: 31, version: '6.2' });
  return { name: 'harness-shaped plan (6.x, 100 License Servers, 1,161 products in 100 entitlements)', site, plan: generateSpreadPlan(site, { name: 'harbour-district-2026', products: 1161, assignments: 10_000, seed: 32 }), findings: {} };
}

/** A small site and a plan of 100 assignments: what most engineers edit. */
export function small(): Workload {
  const site = generateSite({ name: 'corner-office', servers: 60, enterpriseServers: 3, style: 'block', seed: 5 });
  return { name: 'small plan (100 assignments, 60 servers)', site, plan: generatePlan(site, { name: 'corner-office-2026', assignments: 100, products: 20, style: 'mixed', seed: 6 }), findings: {} };
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

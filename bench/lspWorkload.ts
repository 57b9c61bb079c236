// The benchmark's workload: a site with 2,000 servers and a plan with 10,000 assignments (~1 MB), valid as generated.

export const SITE_NAME = 'bench-site';
const ES_COUNT = 20;
const AS_PER_ES = 99;
const PRODUCTS = 1000;
const ASSIGNMENTS = 10_000;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const asId = (i: number) => `as-${pad(i, 5)}`;
export const actId = (j: number) => `ACT-${pad(Math.floor(j / 100), 4)}-${pad(j % 100, 4)}`;

/** 1 EC, 20 ES, 1,980 automation servers (2,001 servers) on EBO 7.0. */
export function siteText(): string {
  const lines = [
    'apiVersion: bms.license/v1',
    'kind: Site',
    'metadata:',
    `  name: ${SITE_NAME}`,
    '  customer: Bench Customer',
    '  contact: Jane Smith',
    'spec:',
    '  version: "7.0"',
    '  connectivity: online',
    '  servers:',
    '    - id: ec-01',
    '      type: enterprise-central',
    '      host: ec01.bench.local',
    '      children:',
  ];
  for (let e = 0; e < ES_COUNT; e++) {
    lines.push(`        - id: es-${pad(e, 2)}`, '          type: enterprise-server', `          host: es${pad(e, 2)}.bench.local`, '          children:');
    for (let a = 0; a < AS_PER_ES; a++) {
      const i = e * AS_PER_ES + a;
      lines.push(`            - { id: ${asId(i)}, type: as-p, host: 10.${e}.${Math.floor(a / 250)}.${a % 250} }`);
    }
  }
  return lines.join('\n') + '\n';
}

/** 1,000 smartdriver products (block style) and 10,000 assignments (flow style, one a line): ~1 MB, ~16,000 lines. */
export function planText(): string {
  const lines = [
    'apiVersion: bms.license/v1',
    'kind: LicensePlan',
    'metadata:',
    '  name: bench-plan',
    `  site: ${SITE_NAME}`,
    'spec:',
    '  entitlements:',
    '    - id: ENT-BASE',
    '      products:',
    '        - { activationId: ACT-BASE-0001, feature: server.enterprise.central, licenseType: centralized, quantity: 1, expires: permanent }',
    `        - { activationId: ACT-BASE-0002, feature: server.ec.es, licenseType: centralized, quantity: ${ES_COUNT}, expires: permanent }`,
  ];
  for (let k = 0; k < PRODUCTS / 10; k++) {
    lines.push(`    # Entitlement e-mail ${k + 1} of ${PRODUCTS / 10}`, `    - id: ENT-${pad(k, 4)}`, '      products:');
    for (let p = 0; p < 10; p++) {
      const j = k * 10 + p;
      lines.push(
        `        - activationId: ${actId(j)}`,
        '          feature: smartdriver',
        '          licenseType: centralized',
        '          quantity: 10',
        '          expires: permanent',
        '          appliesTo: [as-p, as-p-3, as-b]',
      );
    }
  }
  lines.push('  assignments:', '    - { server: ec-01, activationId: ACT-BASE-0001, quantity: 1 }');
  for (let e = 0; e < ES_COUNT; e++) lines.push(`    - { server: es-${pad(e, 2)}, activationId: ACT-BASE-0002, quantity: 1 }`);
  for (let i = 0; i < ASSIGNMENTS; i++) {
    lines.push(`    - { server: ${asId(i % (ES_COUNT * AS_PER_ES))}, activationId: ${actId(Math.floor(i / 10))}, quantity: 1, mode: online }`);
  }
  return lines.join('\n') + '\n';
}

// Builders of small Site and LicensePlan files for tests that need a valid file, not a text of their own.
// A test that asserts line numbers, or edits the text by string replacement, keeps its own literal text: the
// builder's layout (block keys, one flow mapping per list item) is stable but not meant to be counted on.

/** A YAML scalar as the fixtures write it: plain when YAML reads it back as the same string, quoted otherwise. */
function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z0-9_][\w./-]*(?: [\w./-]+)*$/.test(value) && !/^(?:true|false|null|~|yes|no|on|off)$/i.test(value) && !/^[\d.]+$/.test(value);
  return plain ? value : JSON.stringify(value);
}

type Value = string | number | boolean | readonly (string | number)[] | { readonly [key: string]: string | number };

function flowValue(value: Value): string {
  if (Array.isArray(value)) return `[${value.map((v) => scalar(v)).join(', ')}]`;
  if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${scalar(v)}`).join(', ')} }`;
  return scalar(value as string | number | boolean);
}

/** `{ id: as-01, type: as-p }`: the fields in the order given, undefined ones left out. */
function flow(item: { readonly [key: string]: Value | undefined }): string {
  const fields = Object.entries(item).filter((e): e is [string, Value] => e[1] !== undefined);
  return `{ ${fields.map(([k, v]) => `${k}: ${flowValue(v)}`).join(', ')} }`;
}

export interface ServerFixture {
  id: string;
  type: string;
  host?: string;
  licenseServer?: string;
  devices?: Record<string, number>;
  children?: ServerFixture[];
}

export interface SiteFixture {
  name: string;
  /** Written quoted, as the examples do: `version: "6.0"`. */
  version?: string;
  tier?: string;
  connectivity?: 'online' | 'semi-online' | 'offline';
  activation?: 'vendor-tools' | 'simulator' | 'http';
  ledger?: string;
  licenseServers?: { id: string; host?: string; address?: string; hostId?: string }[];
  servers?: ServerFixture[];
  clients?: { id: string; type: string; host?: string; licenseServers?: string[] }[];
}

function serverLines(servers: readonly ServerFixture[], indent: string): string[] {
  return servers.flatMap((s) => {
    const { children, ...fields } = s;
    if (!children?.length) return [`${indent}- ${flow(fields)}`];
    const [first, ...rest] = Object.entries(fields as { [key: string]: Value | undefined }).filter((e): e is [string, Value] => e[1] !== undefined);
    return [
      `${indent}- ${first![0]}: ${flowValue(first![1])}`,
      ...rest.map(([k, v]) => `${indent}  ${k}: ${flowValue(v)}`),
      `${indent}  children:`,
      ...serverLines(children, `${indent}    `),
    ];
  });
}

/** A Site file: `siteYaml({ name: 'plant', version: '6.0', servers: [{ id: 'as-01', type: 'as-p' }] })`. */
export function siteYaml(site: SiteFixture): string {
  const lines = ['apiVersion: bms.license/v1', 'kind: Site', `metadata: { name: ${scalar(site.name)} }`];
  const spec: string[] = [];
  if (site.version !== undefined) spec.push(`  version: ${JSON.stringify(site.version)}`);
  if (site.tier !== undefined) spec.push(`  tier: ${site.tier}`);
  if (site.connectivity !== undefined) spec.push(`  connectivity: ${site.connectivity}`);
  if (site.activation !== undefined) spec.push(`  activation: ${site.activation}`);
  if (site.ledger !== undefined) spec.push(`  ledger: ${scalar(site.ledger)}`);
  const list = (key: string, items: string[] | undefined) => items && spec.push(...(items.length ? [`  ${key}:`, ...items] : [`  ${key}: []`]));
  list('licenseServers', site.licenseServers?.map((l) => `    - ${flow(l)}`));
  list('servers', site.servers && serverLines(site.servers, '    '));
  list('clients', site.clients?.map((c) => `    - ${flow(c)}`));
  lines.push(spec.length ? 'spec:' : 'spec: {}', ...spec);
  return `${lines.join('\n')}\n`;
}

export interface ProductFixture {
  activationId: string;
  feature: string;
  licenseType: string;
  quantity: number;
  /** `permanent` or a date (yyyy-mm-dd). */
  expires?: string;
  appliesTo?: string[];
}

export type AssignmentFixture = ({ server: string } | { licenseServer: string } | { client: string }) & { activationId: string; quantity?: number; mode?: string };

export interface PlanFixture {
  name: string;
  site: string;
  stage?: string;
  entitlements?: { id: string; products: ProductFixture[] }[];
  assignments?: AssignmentFixture[];
}

/** A LicensePlan file: `planYaml({ name: 'p', site: 'plant', entitlements: [{ id: 'E-1', products: [...] }], assignments: [...] })`. */
export function planYaml(plan: PlanFixture): string {
  const lines = ['apiVersion: bms.license/v1', 'kind: LicensePlan', `metadata: { name: ${scalar(plan.name)}, site: ${scalar(plan.site)} }`, 'spec:'];
  if (plan.stage !== undefined) lines.push(`  stage: ${plan.stage}`);
  if (plan.entitlements?.length === 0) lines.push('  entitlements: []');
  else if (plan.entitlements) {
    lines.push('  entitlements:');
    for (const e of plan.entitlements) lines.push(`    - id: ${scalar(e.id)}`, '      products:', ...e.products.map((p) => `        - ${flow({ ...p, expires: p.expires ?? 'permanent' })}`));
  }
  if (plan.assignments?.length === 0) lines.push('  assignments: []');
  else if (plan.assignments) lines.push('  assignments:', ...plan.assignments.map((a) => `    - ${flow(a)}`));
  if (lines.length === 4) lines[3] = 'spec: {}';
  return `${lines.join('\n')}\n`;
}

// Version names and 7.0 tiers from the command line (issue 28): validate's output and exit codes.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseLicensesLog } from '../../src/engine/lmstat/licensesLog';
import { summarizeLicensesLog } from '../../src/engine/lmstat/licensesLogSummary';

const SITE = (spec: string) => `apiVersion: bms.license/v1
kind: Site
metadata:
  name: pier
  customer: Pier Offices
  contact: Jo Smith
spec:
${spec}
  licenseServers:
    - { id: ls-01, host: ec01, address: "@localhost" }
  servers:
    - { id: ec-01, type: enterprise-central, host: ec01 }
`;

const PLAN = (extra = '', extraAssignments = '') => `apiVersion: bms.license/v1
kind: LicensePlan
metadata:
  name: pier-plan
  site: pier
spec:
  entitlements:
    - id: ENT-P
      products:
        - { activationId: ACT-EC, feature: server.enterprise.central, licenseType: centralized, quantity: 1, expires: permanent }
${extra}  assignments:
    - { server: ec-01, activationId: ACT-EC, quantity: 1 }
${extraAssignments}`;

/** Five WorkStations checked out together, then two returned. */
const LOG = [
  ' 7:02:11 (lmgrd) TIMESTAMP 11/23/2026',
  ...[1, 2, 3, 4, 5].map((n) => ` 8:0${n}:00 (vendor) OUT: "client.station" op${n}@ws-0${n}  `),
  ' 9:00:00 (vendor) IN: "client.station" op1@ws-01  ',
  ' 9:01:00 (vendor) IN: "client.station" op2@ws-02  ',
  ' 9:02:00 (vendor) OUT: "client.station" op6@ws-06  ',
  '',
].join('\n');

describe('bmslicense validate: version names and 7.0 tiers', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bms-tiers-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(argv, { cwd: dir, env: {}, out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  }
  const write = (site: string, plan: string) => {
    writeFileSync(join(dir, 'site.bms.yaml'), site);
    writeFileSync(join(dir, 'plan.bms.yaml'), plan);
  };

  /** The line of validate's output at `where` (file:line:col: severity CODE), without that prefix; fails when there is none. */
  const finding = (out: string, where: string): string => {
    const line = out.split('\n').find((l) => l.startsWith(`${where} `));
    assert.ok(line, `no ${where} in:\n${out}`);
    return line.slice(where.length + 1);
  };

  it('an unknown release year: exit 1 with BMS054 on the version line, the known names listed', async () => {
    write(SITE('  version: 2025\n  connectivity: online'), PLAN());
    const r = await cli('validate', '.');
    assert.equal(r.code, 1);
    const bms054 = finding(r.out, 'site.bms.yaml:8:12: error BMS054');
    assert.match(bms054, /^EBO 2025 /);
    assert.match(bms054, /\(2022 = 4\.0, 2023 = 5\.0, 2024 = 6\.0;/, 'the known names');
  });

  it('7.0 without a tier: information BMS055, exit 0; client.station seats on 7.0: warning BMS056 on the feature, exit 0', async () => {
    // The site says how it is licensed (issue 25): no BMS066 information beside the one counted here.
    write(SITE('  version: "7.0"\n  connectivity: online\n  activation: vendor-tools'), PLAN('        - { activationId: ACT-WS, feature: client.station, licenseType: network, quantity: 5, expires: permanent }\n', '    - { licenseServer: ls-01, activationId: ACT-WS, quantity: 5 }\n'));
    const r = await cli('validate', '.');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^site\.bms\.yaml:8:12: information BMS055 /m);
    assert.match(finding(r.out, 'plan.bms.yaml:11:44: warning BMS056'), /^ACT-WS \(client\.station\) /);
    assert.match(r.out, /2 files checked: 0 errors, 1 warning, 1 information/);
  });

  it('a tier below 7.0: exit 1 with BMS002 on the tier', async () => {
    write(SITE('  version: "2024"\n  tier: essential\n  connectivity: online'), PLAN());
    const r = await cli('validate', '.');
    assert.equal(r.code, 1);
    assert.match(finding(r.out, 'site.bms.yaml:9:9: error BMS002'), /^'tier' is set, /);
  });

  it('the licenses log peaks at more than 3 clients on an Essential site: warning BMS057 on the License Server, marked as our reading', async () => {
    assert.equal(summarizeLicensesLog(parseLicensesLog(LOG)).features.find((f) => f.feature === 'client.station')?.peak, 5);
    write(SITE('  version: "7.0"\n  tier: essential\n  connectivity: online'), PLAN());
    writeFileSync(join(dir, 'licenses.log'), LOG);
    const before = await cli('validate', '.');
    assert.equal(before.code, 0);
    assert.doesNotMatch(before.out, /BMS057/);
    const imported = await cli('licenses-log', 'licenses.log', '--site', 'pier', '--license-server', 'ls-01');
    assert.equal(imported.code, 0, imported.err);
    const after = await cli('validate', '.');
    assert.equal(after.code, 0, 'a warning never fails');
    assert.match(finding(after.out, 'site.bms.yaml:12:13: warning BMS057'), /'ls-01': up to 5 client\.station /);
    assert.match(after.out, /This is our reading/);
    // Advanced: unlimited concurrent clients.
    write(SITE('  version: "7.0"\n  tier: advanced\n  connectivity: online'), PLAN());
    assert.doesNotMatch((await cli('validate', '.')).out, /BMS057/);
  });
});

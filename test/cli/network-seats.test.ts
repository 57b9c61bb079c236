// Issue 14.2: network client seats with an explicit appliesTo naming the clients go on the License Server.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';

const SITE = `apiVersion: bms.license/v1
kind: Site
metadata: { name: seats }
spec:
  version: "6.0"
  connectivity: online
  activation: simulator
  licenseServers:
    - { id: ls-main, host: es01, address: "@localhost" }
  servers:
    - { id: es-01, type: enterprise-server, host: es01, licenseServer: ls-main }
  clients:
    - { id: ws-01, type: workstation, licenseServers: [ls-main] }
`;

function plan(appliesTo: string, target = 'licenseServer: ls-main'): string {
  return `apiVersion: bms.license/v1
kind: LicensePlan
metadata: { name: seats-plan, site: seats }
spec:
  entitlements:
    - id: ENT-1
      products:
        - { activationId: ACT-ES, feature: server.enterprise.base, licenseType: network, quantity: 1, expires: permanent }
        - { activationId: ACT-WS, feature: client.station, licenseType: network, quantity: 5, expires: permanent${appliesTo} }
  assignments:
    - { server: es-01, activationId: ACT-ES, quantity: 1 }
    - { ${target}, activationId: ACT-WS, quantity: 5 }
`;
}

const EXPLICIT = ', appliesTo: [workstation, workstation-pro, webstation]';

describe('network client seats (issue 14.2)', () => {
  let dir: string;
  let out: string;
  const cli = async (...argv: string[]) => {
    out = '';
    return runCli(argv, { cwd: dir, env: {}, out: (t) => (out += t), err: (t) => (out += t) });
  };
  const write = (planText: string) => {
    fs.writeFileSync(path.join(dir, 'site.bms.yaml'), SITE);
    fs.writeFileSync(path.join(dir, 'plan.bms.yaml'), planText);
  };

  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seats-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [spelling, appliesTo] of [
    ['with appliesTo naming the clients', EXPLICIT],
    ['without appliesTo (the catalog)', ''],
  ]) {
    it(`validate accepts seats on the License Server ${spelling}, and activate puts them there`, async () => {
      write(plan(appliesTo));
      assert.equal(await cli('validate', '--today', '2026-06-01'), 0, out);
      assert.equal(out, '2 files checked: 0 errors, 0 warnings, 0 information\n');
      assert.equal(await cli('activate', '--site', 'seats', '--target', 'ls-main', '--by', 'test'), 0, out);
      assert.doesNotMatch(out, /does not apply/);
      const ledger = fs.readFileSync(path.join(dir, 'seats.ledger.jsonl'), 'utf8');
      assert.match(ledger, /"op":"activate".*"target":"ls-main".*"activationId":"ACT-WS"/);
    });

    it(`validate refuses the network seats on a client computer ${spelling} (BMS020, exit 1)`, async () => {
      const text = plan(appliesTo, 'client: ws-01');
      write(text);
      assert.equal(await cli('validate', '--today', '2026-06-01', '--format', 'json'), 1);
      const found = (JSON.parse(out) as { diagnostics: { code: string; line: number; column: number; message: string }[] }).diagnostics;
      assert.deepEqual(found.map((d) => d.code), ['BMS020']);
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('client: ws-01'));
      assert.equal(found[0].line, line + 1);
      assert.equal(found[0].column, lines[line].indexOf('ACT-WS') + 1);
      assert.match(found[0].message, /^ACT-WS \(client\.station\) is a network/);
      assert.match(found[0].message, /Assign it with 'licenseServer:'/);
    });
  }

  it('plan offers the seats on the License Server, and blocks them on a client computer (BMS020)', async () => {
    write(plan(EXPLICIT));
    assert.equal(await cli('plan', '--site', 'seats'), 0, out);
    assert.match(out, /^ {2}\+ activate ACT-WS ×5 on ls-main /m);
    assert.doesNotMatch(out, /blocked/);
    write(plan(EXPLICIT, 'client: ws-01'));
    await cli('plan', '--site', 'seats');
    const blocked = out.split('\n').find((l) => l.startsWith('  ! blocked  '));
    assert.match(blocked ?? out, /activate ACT-WS ×5 on ws-01 \(workstation\)/);
    assert.match(blocked!, / — BMS020 plan\.bms\.yaml:\d+: /);
    assert.match(blocked!, /is a network license/);
  });

  it('an explicit appliesTo of a local license still names the computers it goes on', async () => {
    write(plan(EXPLICIT.replace('webstation', 'webstation'), 'client: ws-01').replace('licenseType: network, quantity: 5', 'licenseType: local, quantity: 1').replace('quantity: 5 }', 'quantity: 1 }'));
    assert.equal(await cli('validate', '--today', '2026-06-01'), 0, out);
    write(plan(EXPLICIT).replace('licenseType: network, quantity: 5', 'licenseType: local, quantity: 5'));
    assert.equal(await cli('validate', '--today', '2026-06-01'), 1);
    assert.match(out, /error BMS020 ACT-WS \(client\.station\) /);
    assert.match(out, /WorkStation, WorkStation Pro or WebStation/);
  });
});

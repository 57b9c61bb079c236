// Issue 17.3: returning a local license tells the user the computer must restart before it takes a network seat.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { planYaml, siteYaml } from '../support/fixtures';

const SITE = siteYaml({
  name: 'lab',
  version: '6.0',
  connectivity: 'online',
  activation: 'simulator',
  licenseServers: [{ id: 'ls-main', host: 'es01', address: '@localhost' }],
  servers: [{ id: 'es-01', type: 'enterprise-server', host: 'es01', licenseServer: 'ls-main' }],
  clients: [{ id: 'eng-01', type: 'graphics-editor', host: 'eng01', licenseServers: ['ls-main'] }],
});

const PLAN = planYaml({
  name: 'lab-plan',
  site: 'lab',
  entitlements: [
    {
      id: 'ENT-1',
      products: [
        { activationId: 'ACT-ES', feature: 'server.enterprise.base', licenseType: 'network', quantity: 1 },
        { activationId: 'ACT-GE', feature: 'client.graphiceditor', licenseType: 'local', quantity: 1 },
      ],
    },
  ],
  assignments: [
    { server: 'es-01', activationId: 'ACT-ES', quantity: 1 },
    { client: 'eng-01', activationId: 'ACT-GE', quantity: 1 },
  ],
});

describe('returning a local license (help 4191)', () => {
  let dir: string;
  let out: string;
  const cli = (...argv: string[]) => {
    out = '';
    return runCli(argv, { cwd: dir, env: {}, out: (t) => (out += t), err: (t) => (out += t) });
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-'));
    fs.writeFileSync(path.join(dir, 'site.bms.yaml'), SITE);
    fs.writeFileSync(path.join(dir, 'plan.bms.yaml'), PLAN);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says, before and after, that the computer must restart before it takes a network seat', async () => {
    assert.equal(await cli('activate', '--site', 'lab', '--by', 'test'), 0, out);
    assert.equal(await cli('return', '--site', 'lab', '--target', 'eng-01'), 1);
    assert.match(out, /eng-01: transaction T-\S+: ACT-GE ×1; /);
    assert.match(out, /restart eng-01 before/);
    assert.match(out, /\(help 4191\)/);
    assert.equal(await cli('return', '--site', 'lab', '--target', 'eng-01', '--yes'), 0, out);
    assert.match(out, /returned transaction T-\S+: ACT-GE ×1; /);
    assert.match(out.slice(out.indexOf('returned transaction')), /restart eng-01 before/);
  });

  it('says nothing of a restart when a server returns its network license', async () => {
    assert.equal(await cli('activate', '--site', 'lab', '--by', 'test'), 0, out);
    assert.equal(await cli('return', '--site', 'lab', '--target', 'es-01', '--yes'), 0, out);
    assert.match(out, /returned transaction/);
    assert.doesNotMatch(out, /restart/);
  });
});

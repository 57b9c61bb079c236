// Never act on what `validate` refuses: site and plan files with syntax or schema errors stop every site
// command (exit 2, nothing written); an action that breaks an error rule is shown as blocked and never
// attempted, while the independent actions still run.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { capturedCli } from './captured';

const ROOT = path.resolve(__dirname, '../..');
const NOW = '2026-11-23T10:00:00Z';
const LEDGER = 'hospital-north.ledger.jsonl';

describe('site commands validate first', () => {
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_NOW: NOW, BMSLICENSE_INTERACTIVE: '0' });
  const file = (name: string) => path.join(dir, name);
  const edit = (name: string, from: string | RegExp, to: string) => {
    const text = fs.readFileSync(file(name), 'utf8');
    const next = text.replace(from, to);
    assert.notEqual(next, text, `the edit of ${name} must change it`);
    fs.writeFileSync(file(name), next);
  };
  const ledgerLines = () => (fs.existsSync(file(LEDGER)) ? fs.readFileSync(file(LEDGER), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { target: string; activationId: string }) : []);
  const nothingWritten = () => {
    assert.equal(fs.existsSync(file(LEDGER)), false, 'no ledger written');
    assert.equal(fs.existsSync(file('.bmslicense')), false, 'no simulator state written');
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-first-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    fs.rmSync(file(LEDGER), { force: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const brokenSites: [string, string | RegExp, string][] = [
    ['a duplicate key', '  connectivity: semi-online\n', '  connectivity: semi-online\n  connectivity: online\n'],
    ['a tab as indentation', /^ {2}connectivity: semi-online$/m, '\tconnectivity: semi-online'],
    ['a merge key', '    - id: ls-eng\n', '    - <<: { host: eng01.hospital.local }\n      id: ls-eng\n'],
    ['an unknown key', '  connectivity: semi-online\n', '  connectivity: semi-online\n  conectivity: online\n'],
  ];
  for (const [what, from, to] of brokenSites) {
    it(`a site file with ${what}: plan, apply and activate exit 2, list the problems as validate does, write nothing`, async () => {
      edit('site.bms.yaml', from, to);
      assert.equal(await cli('validate', '.'), 1);
      const problems = cli.out.split('\n').filter((l) => / error BMS00[123] /.test(l));
      assert.ok(problems.length > 0, cli.out);
      for (const argv of [['plan'], ['plan', '--detailed-exitcode'], ['apply', '--yes'], ['activate']]) {
        const code = await cli(...argv, '--site', 'hospital-north');
        assert.equal(code, argv.includes('--detailed-exitcode') ? 1 : 2, `${argv.join(' ')}: ${cli.err}`);
        assert.match(cli.err, /^Site hospital-north: .*stops? every command/);
        for (const p of problems) assert.ok(cli.err.includes(p), `${argv.join(' ')} lists ${p}\n${cli.err}`);
        assert.match(cli.err, /Nothing was done\./);
        assert.equal(cli.out, '');
      }
      nothingWritten();
    });
  }

  it('a plan file with a schema error stops the site commands too', async () => {
    edit('plan.bms.yaml', '{ server: es-02, activationId: ACT-7F3A-0002, quantity: 1 }', '{ server: es-02, activationId: ACT-7F3A-0002, quantity: one }');
    assert.equal(await cli('apply', '--site', 'hospital-north', '--yes'), 2);
    assert.match(cli.err, /plan\.bms\.yaml:\d+:\d+: error BMS002 /);
    nothingWritten();
  });

  describe('an assignment that breaks an error rule (BMS020: a demo Graphics Editor license on a License Server)', () => {
    beforeEach(() => {
      edit('plan.bms.yaml', '        - { activationId: ACT-9C21-0005', '        - { activationId: ACT-DEMO-0001, feature: client.graphiceditor, licenseType: demo, quantity: 1, expires: permanent }\n        - { activationId: ACT-9C21-0005');
      edit('plan.bms.yaml', '    - { licenseServer: ls-eng, activationId: ACT-7F3A-0004, quantity: 2 }', '    - { licenseServer: ls-eng, activationId: ACT-DEMO-0001, quantity: 1 }\n    - { licenseServer: ls-eng, activationId: ACT-7F3A-0004, quantity: 2 }');
    });
    const line = () => fs.readFileSync(file('plan.bms.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('licenseServer: ls-eng, activationId: ACT-DEMO-0001')) + 1;

    it('plan shows it blocked with its code and line; the rest is planned as usual', async () => {
      assert.equal(await cli('validate', '.'), 1);
      assert.match(cli.out, new RegExp(`^plan\\.bms\\.yaml:${line()}:\\d+: error BMS020 `, 'm'));
      // Terraform's contract: an error is 1, never 2 (drift), whatever else there is to do.
      assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 1);
      assert.match(cli.err, /exit 1: .*1 error .*1 action is blocked/);
      assert.match(cli.out, new RegExp(`^  ! blocked  activate ACT-DEMO-0001 ×1 on ls-eng \\(License Server\\) — BMS020 plan\\.bms\\.yaml:${line()}: ACT-DEMO-0001 \\(client\\.graphiceditor\\) is a demo license`, 'm'));
      assert.equal(cli.out.split('\n').filter((l) => l.startsWith('  + activate ')).length, 15);
      // The blocked action is counted apart, not among what is to activate.
      assert.match(cli.out, /Plan: 15 to activate, .* 1 blocked: .*\(marked !\)/);
      assert.equal(await cli('plan', '--site', 'hospital-north', '--format', 'json'), 0);
      const blocked = (JSON.parse(cli.out) as { actions: { activationId: string; executable: boolean; finding?: { code: string; where: string } }[] }).actions.filter((a) => !a.executable);
      assert.deepEqual(
        blocked.map((a) => [a.activationId, a.finding?.code, a.finding?.where]),
        [['ACT-DEMO-0001', 'BMS020', `plan.bms.yaml:${line()}`]],
      );
    });

    it('apply never attempts it, does every independent action, exits 1 and sums up what was blocked', async () => {
      assert.equal(await cli('apply', '--site', 'hospital-north', '--yes'), 1);
      const ledger = ledgerLines();
      assert.equal(ledger.length, 15, cli.out);
      assert.ok(!ledger.some((e) => e.activationId === 'ACT-DEMO-0001'));
      assert.ok(ledger.some((e) => e.target === 'ls-eng' && e.activationId === 'ACT-7F3A-0004'), 'the valid license of the same License Server is activated');
      assert.doesNotMatch(cli.out, /not attempted after the failure/);
      assert.match(cli.out, /Cannot .*\):\n {2}! blocked {2}activate ACT-DEMO-0001 ×1 .*ls-eng/);
      // Run again: nothing left but the blocked action, still exit 1.
      assert.equal(await cli('apply', '--site', 'hospital-north', '--yes'), 1);
      assert.equal(ledgerLines().length, 15);
    });

    it('activate --target reports it as not done (blocked) and activates the valid license beside it', async () => {
      assert.equal(await cli('activate', '--site', 'hospital-north', '--target', 'ls-eng'), 1);
      assert.match(cli.out, /done {6}ls-eng: simulated: activated ACT-7F3A-0004 ×2/);
      const notDone = cli.out.split('\n').find((l) => l.includes('NOT DONE')) ?? '';
      assert.match(notDone, /ls-eng: .*ACT-DEMO-0001 .*blocked by BMS020 /);
      assert.match(notDone, new RegExp(`BMS020 plan\\.bms\\.yaml:${line()}:`));
      assert.deepEqual(ledgerLines().map((e) => e.activationId), ['ACT-7F3A-0004']);
    });
  });

  it('an error on a server node (BMS031, below 7.0 without a License Server) blocks the licenses of that server only', async () => {
    edit('site.bms.yaml', 'version: "7.0"', 'version: "6.0"');
    edit('site.bms.yaml', '  tier: advanced', '  # tier: advanced'); // a tier below 7.0 is a schema error
    assert.equal(await cli('validate', '.'), 1);
    const bms031 = cli.out.split('\n').filter((l) => / error BMS031 /.test(l));
    assert.ok(bms031.length >= 1, cli.out);
    assert.equal(await cli('plan', '--site', 'hospital-north'), 0);
    const blocked = cli.out.split('\n').filter((l) => l.startsWith('  ! blocked'));
    assert.ok(blocked.length >= 1 && blocked.every((l) => / on e[cs]-0\d .* — BMS031 site\.bms\.yaml:\d+:/.test(l)), cli.out);
    assert.ok(cli.out.includes('  + activate ACT-9C21-0001 ×2 on as-01 (as-p)'), 'the automation servers are still planned');
  });

  it('two Site documents with one name: BMS015 in validate naming both files, and the site commands stop', async () => {
    fs.mkdirSync(file('copy'));
    fs.copyFileSync(file('site.bms.yaml'), file('copy/site.bms.yaml'));
    assert.equal(await cli('validate', '.'), 1);
    const bms015 = cli.out.split('\n').filter((l) => / error BMS015 /.test(l));
    assert.equal(bms015.length, 1, cli.out);
    const m = /^(\S+):(\d+):(\d+): error (BMS\d+) Site '([\w-]+)' .*defined in (\S+): /.exec(bms015[0]!);
    assert.deepEqual(m?.slice(1), ['site.bms.yaml', '7', '9', 'BMS015', 'hospital-north', 'copy/site.bms.yaml']);
    assert.equal(await cli('plan', '--site', 'hospital-north'), 2);
    assert.match(cli.err, /BMS015/);
    nothingWritten();
  });

  it('the folder walk skips what .gitignore ignores (and node_modules)', async () => {
    for (const sub of ['backup', 'node_modules/pkg']) {
      fs.mkdirSync(file(sub), { recursive: true });
      fs.copyFileSync(file('site.bms.yaml'), file(`${sub}/site.bms.yaml`));
    }
    fs.writeFileSync(file('.gitignore'), '# copies\nbackup/\n');
    assert.equal(await cli('validate', '.'), 0, cli.out);
    assert.match(cli.out, /^2 files checked/m);
    assert.equal(await cli('plan', '--site', 'hospital-north'), 0, cli.err);
    // Named on its own, an ignored file is read.
    assert.equal(await cli('validate', '.', 'backup/site.bms.yaml'), 1);
    assert.match(cli.out, /BMS015/);
  });
});

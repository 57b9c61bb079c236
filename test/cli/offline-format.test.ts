// Issue 17.6: the offline files say what they are: our own format, not the vendor's.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { planYaml, siteYaml } from '../unit/workflows/fixture';

describe('offline files: our own format, said plainly', () => {
  let dir: string;
  let out: string;
  const cli = (...argv: string[]) => {
    out = '';
    return runCli(argv, { cwd: dir, env: {}, out: (t) => (out += t), err: (t) => (out += t) });
  };
  const json = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-format-'));
    fs.writeFileSync(path.join(dir, 'site.bms.yaml'), siteYaml('north', 'offline'));
    fs.writeFileSync(path.join(dir, 'plan.bms.yaml'), planYaml('north'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('request and response files carry format and a notice that they are not for the vendor’s portal', async () => {
    assert.equal(await cli('activate', '--site', 'north', '--target', 'es-01', '--offline', 'req', '--by', 'test'), 0, out);
    const [req] = fs.readdirSync(path.join(dir, 'req'));
    const request = json(`req/${req}`);
    assert.equal(request.format, 'bms.license/offline-request/v1');
    assert.match(request.notice, /not the vendor's/);
    assert.match(request.notice, /Device Administrator/, 'names the vendor tool it is not for');
    assert.deepEqual(Object.keys(request).slice(0, 2), ['format', 'notice'], 'the first thing a reader sees');
    assert.equal(await cli('las', 'respond', `req/${req}`, '--out', 'resp'), 0, out);
    const [resp] = fs.readdirSync(path.join(dir, 'resp'));
    const response = json(`resp/${resp}`);
    assert.equal(response.format, 'bms.license/offline-response/v1');
    assert.equal(response.notice, request.notice);
    assert.equal(await cli('import-responses', 'resp', '--site', 'north'), 0, out);
  });

  it('a response whose notice was edited is refused as tampered: the notice is signed', async () => {
    assert.equal(await cli('activate', '--site', 'north', '--target', 'es-01', '--offline', 'req', '--by', 'test'), 0, out);
    const [req] = fs.readdirSync(path.join(dir, 'req'));
    assert.equal(await cli('las', 'respond', `req/${req}`, '--out', 'resp'), 0, out);
    const [resp] = fs.readdirSync(path.join(dir, 'resp'));
    const response = json(`resp/${resp}`);
    fs.writeFileSync(path.join(dir, 'resp', resp), JSON.stringify({ ...response, notice: 'Vendor format' }));
    assert.equal(await cli('import-responses', 'resp', '--site', 'north'), 1);
    assert.match(out, /tampered/);
  });

  it('--help says so in the command list', async () => {
    assert.equal(await cli('--help'), 0);
    const line = (command: string) => out.split('\n').find((l) => new RegExp(`^ +${command} +\\S`).test(l)) ?? '';
    assert.match(line('activate'), /own format, not the vendor's\)/);
    assert.match(line('import-responses'), /signed format, not the vendor's\)$/);
    assert.match(line('las'), /License Activation Server simulator/);
  });
});

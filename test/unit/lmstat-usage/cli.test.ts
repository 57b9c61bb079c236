import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { writeUsage } from '../../../src/engine/lmstat/cache';
import { DOWN_15, upOutput, usage } from './readings';

const EXAMPLE = join(__dirname, '../../../examples/hospital-north');

async function validate(cwd: string) {
  let out = '';
  const io: CliIO = { cwd, out: (t) => void (out += t), err: () => undefined, env: {} };
  const code = await runCli(['validate', 'sites', '--today', '2026-11-23'], io);
  return { code, out };
}

describe('bmslicense validate with cached License Server usage', () => {
  it('reports BMS082 and BMS080 from the readings under .bmslicense/lmstat/, nothing without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bms-cli-usage-'));
    cpSync(EXAMPLE, join(dir, 'sites'), { recursive: true });
    assert.equal((await validate(dir)).out, '2 files checked: 0 errors, 0 warnings, 0 information\n');

    assert.ok((await writeUsage(dir, usage(DOWN_15, 'hospital-north', 'ls-main', '@localhost'))).ok);
    assert.ok((await writeUsage(dir, usage(upOutput('eng01', {}), 'hospital-north', 'ls-eng', '27010@eng01.hospital.local'))).ok);
    const r = await validate(dir);
    assert.equal(r.code, 0, 'warnings and information only');
    const lines = r.out.trim().split('\n');
    const siteText = readFileSync(join(dir, 'sites/site.bms.yaml'), 'utf8').split('\n');
    const addressLine = siteText.findIndex((l) => l.includes('address: "@localhost"')) + 1;
    assert.ok(lines.some((l) => l.startsWith(`sites/site.bms.yaml:${addressLine}:16: information BMS082 License Server 'ls-main' was down or unreachable`)), r.out);
    const bms080 = lines.filter((l) => / warning BMS080 License Server 'ls-eng' does not serve/.test(l));
    assert.ok(bms080.length > 0, r.out);
    assert.match(lines.at(-1)!, /2 files checked: 0 errors, \d+ warnings?, 1 information/);
  });
});

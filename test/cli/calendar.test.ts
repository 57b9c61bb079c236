// One calendar: `validate --today`, `report --today` and the expiry rules count the same days, whatever the
// time zone of the engineer's computer.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The CLI from source in a child process, so that TZ applies to the whole run. */
function cli(args: string[], tz: string) {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', "require('./src/cli/main').main()", 'bmslicense', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: tz, BMSLICENSE_INTERACTIVE: '0' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('one calendar for every "today" (TZ)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bms-calendar-'));
    cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    // ACT-7F3A-0005 and ACT-9C21-0005 expire 2028-12-31 in the example: on 2029-01-03 they expired 3 days ago.
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
    it(`validate and report agree on the days since expiry in ${tz}`, () => {
      const v = cli(['validate', dir, '--today', '2029-01-03'], tz);
      assert.equal(v.code, 1, v.err);
      const expired = [...v.out.matchAll(/expired on 2028-12-31, (\d+) days? ago/g)].map((m) => Number(m[1]));
      assert.deepEqual(expired, [3, 3], v.out);
      const r = cli(['report', '--site', 'hospital-north', '--workspace', dir, '--today', '2029-01-03'], tz);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /report of 2029-01-03\./);
      // The expiry timeline and the open problems (BMS040) of the report, and validate: one count.
      const timeline = [...r.out.matchAll(/\| 2028-12-31 \| expired (\d+) days? ago \|/g)].map((m) => Number(m[1]));
      const problems = [...r.out.matchAll(/BMS040 .* expired on 2028-12-31, (\d+) days? ago/g)].map((m) => Number(m[1]));
      assert.deepEqual({ timeline, problems }, { timeline: [3, 3], problems: [3, 3] });
    });
  }
});

// On a machine where nothing was installed by hand, the webview harness installs Chromium through the
// one set-up (scripts/e2e-setup) instead of failing: shown with an empty cache of the set-up's own.
import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumPath, setupScript, setupTimeoutMs } from '../support/tools';
import { startHarness } from './harness';

const run = promisify(execFile);
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('webview harness: Chromium comes from scripts/e2e-setup', function () {
  this.timeout(setupTimeoutMs);
  let cache: string;
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'bms-tools-empty-'));
  });
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  it('starts by running the set-up instead of throwing when the cache is empty and CHROMIUM_PATH does not exist, and says so', async () => {
    const missing = join(cache, 'no-such-chromium');
    let said = '';
    const harness = await startHarness({ cache, override: missing, log: (text) => (said += text) });
    try {
      const d = await harness.open('light');
      assert.deepEqual(await d.posted(), [{ type: 'ready' }], 'the dashboard runs in the Chromium the set-up gave');
      assert.match(harness.browser.version(), /^\d+\./);
    } finally {
      await harness.close();
    }

    assert.match(said, new RegExp(`\\[tools\\] CHROMIUM_PATH=${literally(missing)} does not exist; chromium: .*chromium\\.json is missing: running scripts/e2e-setup chromium\\b`));
    assert.match(said, /\[e2e-setup\] chromium: \/\S+ \(Chromium \d+.*\) \[\d+\.\ds\]/, 'the set-up reports what it found, with the time it took');
    assert.match(said, /\[e2e-setup\] ready in .* \[total \d+\.\ds\]/);
    assert.doesNotMatch(said, /code-server/, 'only the component the harness needs');
    assert.equal(existsSync(join(cache, 'code-server')), false);

    const path = JSON.parse(readFileSync(join(cache, 'chromium.json'), 'utf8')).chromium as string;
    assert.match(execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), /Chromium \d+/);

    let again = '';
    assert.equal(await chromiumPath({ cache, override: missing, log: (text) => (again += text) }), path);
    assert.equal(again, '', 'a second call finds the stamp and runs nothing');
  });

  it('takes a CHROMIUM_PATH that exists as it is, without running the set-up', async () => {
    const given = join(cache, 'my-chromium');
    writeFileSync(given, '');
    let said = '';
    assert.equal(await chromiumPath({ cache, override: given, log: (text) => (said += text) }), given);
    assert.equal(said, '');
    assert.equal(existsSync(join(cache, 'chromium.json')), false);
  });

  it('fails with the hint instead when the set-up is turned off (noSetup, which BMS_E2E_NO_SETUP=1 sets)', async () => {
    await assert.rejects(chromiumPath({ cache, override: join(cache, 'no-such-chromium'), noSetup: true, log: () => {} }), (e: Error) => /chromium\.json is missing/.test(e.message) && /`npm run e2e:setup`/.test(e.message));
    assert.equal(existsSync(join(cache, 'chromium.json')), false);
  });

  it('a second run of the set-up is a no-op in well under a second', async () => {
    const env = { ...process.env, BMS_E2E_CACHE: cache };
    await run('bash', [setupScript, 'chromium'], { env });
    const started = performance.now();
    const second = await run('bash', [setupScript, 'chromium'], { env });
    const ms = performance.now() - started;
    assert.equal(second.stdout.split('\n').length, 2, `one line: ${second.stdout}`);
    assert.match(second.stdout, /^\[e2e-setup\] nothing to install: /);
    assert.match(second.stdout, /chromium \(\/\S+\) cached .* \[0\.\ds\]\n$/);
    console.log(`      second run: ${ms.toFixed(0)} ms`);
    // A loose bound on a shared 2-core machine; an apt-get, npm or node call in the no-op path would take seconds.
    assert.ok(ms < 1000, `second run took ${ms.toFixed(0)} ms`);
  });

  it('refuses a component it does not know, naming the ones it does', async () => {
    await assert.rejects(run('bash', [setupScript, 'firefox'], { env: { ...process.env, BMS_E2E_CACHE: cache } }), (e: { stderr: string }) => /'firefox' \(known: chromium, code-server/.test(e.stderr));
  });
});

// The HTTP LAS from the command line: `bmslicense apply --las http://127.0.0.1:P`, the token from
// BMSLICENSE_LAS_TOKEN, against `las serve`'s server in front of a simulator, with injected faults (HTTP
// 503 before the operation, 500 and cut connections after it, malformed answers, timeouts). Afterwards the
// ledger and the server's LAS agree and `plan --las` is clean; the token is in no output.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { FaultRule } from '../../src/engine/las/http/faults';
import { createLasServer, type LasHttpServer } from '../../src/engine/las/http/server';
import { LasSimulator } from '../../src/engine/las/simulator';
import { fold, transactionsOf } from '../../src/engine/ledger/fold';
import { readLedger } from '../../src/engine/ledger/ledger';

const ROOT = path.resolve(__dirname, '../..');
const TOKEN = 'cli-fault-token-5d2a';
const LEDGER = 'hospital-north.ledger.jsonl';
let injected = 0;

describe('hardening: the CLI on the HTTP LAS, with injected faults', function () {
  this.timeout(60_000);
  let dir: string;
  let server: LasHttpServer;
  let las: LasSimulator;
  let url: string;
  let out = '';
  let err = '';
  const cli = (env: NodeJS.ProcessEnv, ...argv: string[]) => {
    out = '';
    err = '';
    return runCli(argv, { cwd: dir, env: { BMSLICENSE_INTERACTIVE: '0', BMSLICENSE_LAS_TOKEN: TOKEN, BMSLICENSE_LAS_TIMEOUT: '0.5', ...env }, out: (t) => void (out += t), err: (t) => void (err += t) });
  };
  let rules: FaultRule[] = [];
  async function serve(faults: FaultRule[]): Promise<void> {
    rules = faults;
    server = createLasServer(las, { token: TOKEN, faults: { rules } });
    url = await server.listen();
  }
  /** Ledger and the server's LAS hold the same active transactions; returns how many. */
  async function agree(): Promise<number> {
    const ledger = transactionsOf(fold(readLedger(path.join(dir, LEDGER)).events), undefined, ['activated']).map((t) => `${t.target} ${t.transaction}`).sort();
    // Every line says it came through the HTTP server, with its host and never its token.
    const text = fs.readFileSync(path.join(dir, LEDGER), 'utf8');
    for (const e of readLedger(path.join(dir, LEDGER)).events) assert.deepEqual([e.via, e.lasHost], ['http', new URL(url).host]);
    assert.equal(text.includes(TOKEN), false);
    const listed = await las.activations('hospital-north');
    assert.ok(listed.ok);
    assert.deepEqual(ledger, listed.value.map((t) => `${t.target} ${t.transaction}`).sort(), 'ledger and LAS agree');
    return ledger.length;
  }
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-http-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    const site = path.join(dir, 'site.bms.yaml');
    fs.writeFileSync(site, fs.readFileSync(site, 'utf8').replace(/activation: simulator.*/, 'activation: http'));
    las = new LasSimulator({ dataDir: path.join(dir, 'server-state') });
  });
  afterEach(async () => {
    // Faults that fired: the rules' call numbers the server reached.
    for (const r of rules) {
      const seen = server.requests(r.method as Exclude<FaultRule['method'], '*'>);
      injected += r.call === undefined ? seen : (Array.isArray(r.call) ? r.call : [r.call]).filter((c) => c <= seen).length;
    }
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  after(() => console.log(`      ${injected} faults injected into CLI runs`));

  const cases: [string, FaultRule[]][] = [
    ['HTTP 503 before each first activation', [{ method: 'activate', call: [1, 3, 5], when: 'before', action: { kind: 'status', status: 503 } }]],
    ['HTTP 500 after the activation ran (answer lost)', [{ method: 'activate', call: [1, 4], when: 'after', action: { kind: 'status', status: 500 } }]],
    ['connection cut mid-answer after the activation ran', [{ method: 'activate', call: [2, 6], when: 'after', action: { kind: 'reset' } }]],
    ['malformed JSON after the activation ran, and a listing cut', [{ method: 'activate', call: 3, when: 'after', action: { kind: 'malformed' } }, { method: 'activations', call: 2, when: 'after', action: { kind: 'reset' } }]],
    ['no answer (timeout) after the activation ran', [{ method: 'activate', call: 1, when: 'after', action: { kind: 'drop' } }]],
  ];
  for (const [what, rules] of cases) {
    it(`apply --las: ${what} — every license activated once, ledger = LAS, plan --las clean`, async () => {
      await serve(rules);
      assert.equal(await cli({}, 'apply', '--site', 'hospital-north', '--yes', '--las', url), 0, out + err);
      assert.equal(await agree(), 10);
      assert.equal(await cli({}, 'plan', '--site', 'hospital-north', '--las', url, '--detailed-exitcode'), 0, out + err);
      assert.equal(`${out}${err}`.includes(TOKEN), false, 'the token is never printed');
    });
  }

  it('the LAS failing every time: exit 1, the message says what to do, nothing recorded the LAS did not make', async () => {
    await serve([{ method: 'activate', when: 'before', action: { kind: 'status', status: 503 } }]);
    assert.equal(await cli({}, 'activate', '--site', 'hospital-north', '--target', 'es-01', '--las', url), 1);
    assert.match(out, /HTTP 503 Service Unavailable \(tried 4 times\)/);
    assert.match(out, /activation may or may not/);
    assert.equal(fs.existsSync(path.join(dir, LEDGER)), false);
    assert.equal(await cli({}, 'plan', '--site', 'hospital-north', '--las', url, '--detailed-exitcode'), 2);
    assert.doesNotMatch(out, /Drift/);
  });

  it('return --las after the answer was lost for good: the re-run learns from the LAS it was returned, records it once', async () => {
    await serve([{ method: 'returnTransaction', call: [1, 2, 3, 4], when: 'after', action: { kind: 'malformed' } }]);
    assert.equal(await cli({}, 'activate', '--site', 'hospital-north', '--target', 'fdp-01', '--las', url), 0, out + err);
    assert.equal(await cli({}, 'return', '--site', 'hospital-north', '--target', 'fdp-01', '--yes', '--las', url), 1);
    assert.match(out, /return may or may not/);
    assert.equal(await cli({}, 'return', '--site', 'hospital-north', '--target', 'fdp-01', '--yes', '--las', url), 0, out + err);
    assert.match(out, /already returned on the LAS/);
    assert.equal(await agree(), 0);
  });

  it('the token: from BMSLICENSE_LAS_TOKEN or the variable --las-token-env names; a missing one is refused by the server; never a flag', async () => {
    await serve([]);
    assert.equal(await cli({ BMSLICENSE_LAS_TOKEN: '' }, 'activate', '--site', 'hospital-north', '--las', url), 1);
    assert.match(out, /none is set/);
    assert.match(out, /\bBMSLICENSE_LAS_TOKEN\b/, 'the variable to set');
    assert.equal(await cli({ BMSLICENSE_LAS_TOKEN: '', CI_LAS_TOKEN: TOKEN }, 'activate', '--site', 'hospital-north', '--target', 'es-01', '--las', url, '--las-token-env', 'CI_LAS_TOKEN'), 0, out + err);
    assert.equal(await cli({}, 'activate', '--site', 'hospital-north', '--las', url, '--token', TOKEN), 2);
    assert.match(err, /unknown option --token/);
    assert.equal(err.includes(TOKEN), false, 'the refusal does not echo the token');
    assert.equal(await cli({}, 'plan', '--site', 'hospital-north', '--las', 'ftp://example'), 2);
    assert.match(err, /^--las must be an http/);
    assert.match(err, /'ftp:\/\/example'/, 'the value refused');
  });
});

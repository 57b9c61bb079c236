// The activation server token never leaves the Authorization header: a full flow with a distinctive token
// (serve, activate, faults, return, offline answer, a wrong token), then every file written under the
// workspace and every captured output, log line and message is searched for it (plain, base64, hex).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HttpLas } from '../../src/engine/las/http/client';
import { serveCommand } from '../../src/engine/las/http/serve';
import { LasSimulator, simulatorDataDir } from '../../src/engine/las/simulator';
import { activate } from '../../src/engine/workflows/activate';
import { describeResult, type WorkflowResult } from '../../src/engine/workflows/context';
import { returnLicenses } from '../../src/engine/workflows/return';
import { bench, type Bench } from '../unit/workflows/fixture';

const TOKEN = 'S3cr3t-T0ken-9f8e7d6c5b4a-hardening';
const FORMS = [TOKEN, Buffer.from(TOKEN).toString('base64'), Buffer.from(TOKEN).toString('hex'), TOKEN.slice(0, 20)];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('hardening: the activation token never appears in files, logs or messages', function () {
  this.timeout(30_000);
  let b: Bench;
  const captured: string[] = [];
  const stop = new AbortController();
  let served: Promise<number>;
  let url: string;

  before(async () => {
    b = bench('hospital-north', 'online');
    const listening = new Promise<string>((resolve) => {
      served = serveCommand(['--port', '0', '--token-env', 'BMS_TEST_TOKEN', '--data', simulatorDataDir(b.dir)], {
        cwd: b.dir,
        env: { BMS_TEST_TOKEN: TOKEN },
        out: (t) => {
          captured.push(t);
          const m = /listening on (\S+)/.exec(t);
          if (m) resolve(m[1]!);
        },
        err: (t) => captured.push(t),
      }, stop.signal);
    });
    url = await listening;
  });
  after(async () => {
    stop.abort();
    assert.equal(await served, 0);
    b.cleanup();
  });

  it('a full flow writes and prints nothing that contains the token', async () => {
    const results: WorkflowResult[] = [];
    const las = new HttpLas({ url, token: async () => TOKEN, timeoutMs: 2000, backoffMs: 5 });
    // The simulator of `las serve` keeps its state under the workspace; the bench's simulator reads the same folder.
    results.push(await activate(b.options({ las })));
    assert.ok(results[0]!.ok, describeResult(results[0]!));
    results.push(await returnLicenses(b.options({ las, target: 'as-01' })));
    assert.ok(results[1]!.ok, describeResult(results[1]!));
    // A token that is wrong, one that is missing, one with a line break: messages say what to do, never quote it.
    for (const token of [`${TOKEN}-wrong`, undefined, `${TOKEN}\n`]) {
      const other = new HttpLas({ url, token: async () => token, retries: 0 });
      results.push(await activate(b.options({ las: other, target: 'es-01' })));
      const read = await other.activations('hospital-north');
      if (!read.ok) captured.push(read.error.message);
    }
    // The offline face of the same server.
    const offline = await las.respondOffline({ format: 'bms.license/offline-request/v1', requestId: 'REQ-SECRET-1', createdAt: '2026-11-23T10:15:00Z', op: 'reclaim', target: { site: 'hospital-north', id: 'es-01', type: 'enterprise-server' } });
    assert.ok(offline.ok);
    fs.writeFileSync(path.join(b.dir, 'REQ-SECRET-1.response.json'), JSON.stringify(offline.value));
    for (const r of results) captured.push(describeResult(r), JSON.stringify(r));
    captured.push(...b.progress.map((p) => p.message));

    const logs = captured.join('');
    assert.match(logs, /POST \/v1\/activate 200/, 'the server logged the calls');
    assert.match(logs, /POST \/v1\/activations 401/, 'and the refused ones');
    assert.ok([/refused the token/, /none is set/, /has spaces, line breaks/].some((said) => said.test(logs)), `the refusals were said: ${logs}`);
    const files = filesUnder(b.dir);
    assert.ok(files.some((f) => f.endsWith('.ledger.jsonl')) && files.some((f) => f.endsWith('state.json')), files.join('\n'));
    for (const form of FORMS) {
      assert.equal(logs.includes(form), false, `the output contains the token (${form})`);
      for (const f of files) assert.equal(fs.readFileSync(f).includes(form), false, `${path.relative(b.dir, f)} contains the token (${form})`);
    }
    // The same simulator state read directly: the ledger and the LAS agree on what the flow did.
    const direct = await new LasSimulator({ dataDir: simulatorDataDir(b.dir) }).activations('hospital-north');
    assert.ok(direct.ok && direct.value.length === 2, 'es-01 and ls-main stay active; as-01 was returned');
  });
});

// `bmslicense las serve`: argument errors in-process, and the real bundled CLI spawned and talked to.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import * as esbuild from 'esbuild';
import { HttpLas } from '../../../src/engine/las/http/client';
import { serveCommand } from '../../../src/engine/las/http/serve';
import { LasSimulator } from '../../../src/engine/las/simulator';

const root = path.resolve(__dirname, '../../..');

describe('bmslicense las serve', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'las-serve-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function io(env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    return { cwd: dir, env, out: (t: string) => out.push(t), err: (t: string) => err.push(t), outText: () => out.join(''), errText: () => err.join('') };
  }

  it('refuses a bad port, an unknown option and an empty token variable with exit code 2', async () => {
    const a = io();
    assert.equal(await serveCommand(['--port', 'eighty'], a), 2);
    assert.match(a.errText(), /--port .*from 0 to 65535/);
    const b = io();
    assert.equal(await serveCommand(['--host', '0.0.0.0'], b), 2);
    assert.match(b.errText(), /unknown option --host/);
    const c = io({});
    assert.equal(await serveCommand(['--port', '0', '--token-env', 'LAS_TOKEN'], c), 2);
    assert.match(c.errText(), /LAS_TOKEN is empty or/);
  });

  it('says when the port is taken', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as net.AddressInfo).port;
    const a = io();
    assert.equal(await serveCommand(['--port', String(port)], a), 1);
    assert.match(a.errText(), new RegExp(`port ${port} is already in use`));
    blocker.close();
  });

  it('serves the simulator from the built CLI until SIGTERM, and never prints the token', async function () {
    this.timeout(30_000);
    const bundle = path.join(dir, 'cli.js');
    await esbuild.build({ entryPoints: [path.join(root, 'src/cli/main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'error' });
    // The same two lines as bin/bmslicense.js, on a bundle of its own (dist/ may be rebuilt by others meanwhile).
    fs.writeFileSync(path.join(dir, 'bmslicense.js'), "require('./cli.js').main();\n");
    const token = 'serve-T0KEN-5e1f';
    const child = spawn(process.execPath, [path.join(dir, 'bmslicense.js'), 'las', 'serve', '--port', '0', '--data', 'sim', '--token-env', 'LAS_TOKEN'], {
      cwd: dir,
      env: { ...process.env, LAS_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = once(child, 'exit');
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`las serve exited with ${code}: ${stderr}`)));
      });
      const las = new HttpLas({ url, token: async () => token });
      assert.deepEqual(await las.syncEntitlements([{ entitlementId: 'E', activationId: 'ACT-ES', quantity: 1, appliesTo: [] }]), { ok: true });
      const tx = await las.activate({ site: 'plant', id: 'es-01', type: 'enterprise-server' }, [{ activationId: 'ACT-ES', quantity: 1 }]);
      assert.ok(tx.ok, JSON.stringify(tx));
      const wrong = await new HttpLas({ url, token: async () => 'nope' }).activations('plant');
      assert.equal(!wrong.ok && wrong.error.code, 'unauthorized');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    assert.equal(code, 0);
    assert.match(stderr, /LAS server stopped/);
    assert.match(stderr, /POST \/v1\/activate 200/);
    assert.ok(!stdout.includes(token) && !stderr.includes(token), 'the token is never printed');
    const state = await new LasSimulator({ dataDir: path.join(dir, 'sim') }).activations('plant', 'es-01');
    assert.equal(state.ok && state.value.length, 1, 'the activation is in the simulator state on disk');
  });
});

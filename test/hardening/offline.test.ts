// Offline files that cannot be trusted: each is refused with a message that names the problem, and nothing
// changes — the ledger bytes, the simulator state bytes, and the files of the workspace are identical.
// (test/unit/workflows/offline.test.ts covers the ledger side of the first refusals; this adds the rest.)
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseRequest, REQUEST_FORMAT, responseFileName, signedBytes, type OfflineRequest } from '../../src/engine/las/offline/format';
import { answerRequest } from '../../src/engine/las/offline/respond';
import { STATE_FILE } from '../../src/engine/las/simulatorState';
import { activate } from '../../src/engine/workflows/activate';
import { importResponses, responseFiles } from '../../src/engine/workflows/importResponses';
import { assertOk, bench, type Bench } from '../unit/workflows/fixture';

/** Every file under `dir` with its bytes, so a refusal can be shown to change nothing at all. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) out.set(path.relative(dir, p), `-> ${fs.readlinkSync(p)}`);
      else out.set(path.relative(dir, p), fs.readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

describe('hardening: offline files that cannot be trusted change nothing', () => {
  let b: Bench;
  let response: string;
  let request: OfflineRequest;
  beforeEach(async () => {
    b = bench('hospital-north', 'offline');
    const r = assertOk(await activate(b.options({ target: 'as-01' })));
    request = parseRequest(fs.readFileSync(r.requestFiles[0]!, 'utf8')).request!;
    const answered = await answerRequest(b.las, request, () => b.clock.now);
    fs.mkdirSync(b.responsesDir, { recursive: true });
    response = path.join(b.responsesDir, responseFileName(answered.requestId));
    fs.writeFileSync(response, JSON.stringify(answered, null, 2));
  });
  afterEach(() => b.cleanup());

  /** Imports `file`, expects the refusal `code` with a message matching `words`, and checks nothing changed. */
  async function refused(file: string, code: string, words: RegExp): Promise<void> {
    const before = snapshot(b.dir);
    assert.ok(before.has(path.join('.bmslicense', 'las-sim', STATE_FILE)), 'the simulator state is part of the snapshot');
    const r = await importResponses(b.options(), [file], b.las.publicKeyPem());
    assert.equal(r.ok, false);
    assert.equal(r.notDone[0]!.code, code);
    assert.match(r.notDone[0]!.message, words);
    assert.match(r.notDone[0]!.message, /Nothing was changed\./);
    assert.deepEqual(snapshot(b.dir), before, 'ledger, simulator state and workspace files are byte for byte the same');
  }

  function rewrite(change: (json: Record<string, unknown>) => void, resign = false): string {
    const json = JSON.parse(fs.readFileSync(response, 'utf8')) as Record<string, unknown>;
    change(json);
    if (resign) json.signature = b.las.sign(signedBytes(json as never)).toString('base64');
    const file = path.join(b.responsesDir, 'changed.response.json');
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  }

  it('a tampered signature (one byte of it changed)', async () => {
    const file = rewrite((j) => {
      const sig = Buffer.from(j.signature as string, 'base64');
      sig[7] ^= 0x01;
      j.signature = sig.toString('base64');
    });
    await refused(file, 'tampered', /signature does not match its content/);
  });

  it('a response for another request (validly signed, other request id)', async () => {
    const other = await answerRequest(b.las, { ...request, requestId: 'REQ-20261123T101500Z-0THER' });
    const file = path.join(b.responsesDir, 'other.response.json');
    fs.writeFileSync(file, JSON.stringify(other));
    await refused(file, 'other-request', /answers request REQ-20261123T101500Z-0THER, which this site's ledger never created/);
  });

  it('a replayed response (imported once already)', async () => {
    assertOk(await importResponses(b.options(), [response], b.las.publicKeyPem()));
    await refused(response, 'replayed', /already imported; importing it again would apply it twice/);
  });

  it('a response for another site (validly signed)', async () => {
    const file = rewrite((j) => (j.site = 'hospital-south'), true);
    await refused(file, 'foreign-site', /answers a request of site 'hospital-south', not 'hospital-north'/);
  });

  it('a response whose request id and target are path traversals (../../evil)', async () => {
    const evil = await answerRequest(b.las, { ...request, requestId: '../../evil', target: { ...request.target, id: '../../evil' } });
    const file = path.join(b.responsesDir, responseFileName(evil.requestId));
    assert.equal(path.dirname(file), b.responsesDir, 'the response file name stays in the folder');
    fs.writeFileSync(file, JSON.stringify(evil));
    await refused(file, 'other-request', /answers request \.\.\/\.\.\/evil, which this site's ledger never created/);
  });

  it('a target id ../../evil: the offline request file is written inside the request folder', async () => {
    const opts = b.options();
    const site = structuredClone(opts.site);
    site.servers.find((s) => s.id === 'as-01')!.id = '../../evil';
    const plans = structuredClone(opts.plans);
    for (const a of plans.flatMap((p) => p.assignments)) if (a.target === 'as-01') a.target = '../../evil';
    const r = assertOk(await activate({ ...opts, site, plans, target: '../../evil' }));
    assert.equal(r.requestFiles.length, 1);
    assert.equal(path.dirname(r.requestFiles[0]!), b.requestsDir);
    assert.doesNotMatch(path.basename(r.requestFiles[0]!), /^\.|\/|\\/);
    // Where ../../evil would lead from the request folder: nothing named evil appeared there or on the way.
    for (const d of [path.resolve(b.requestsDir, '..'), path.resolve(b.requestsDir, '../..')]) {
      assert.deepEqual(fs.readdirSync(d).filter((f) => f.includes('evil')), [], d);
    }
    assert.deepEqual(fs.readdirSync(b.requestsDir).filter((f) => f.includes('evil')), [path.basename(r.requestFiles[0]!)]);
  });

  it('bmslicense las respond: a request file with request id ../../evil gets its response inside --out', async () => {
    const file = path.join(b.requestsDir, 'evil.request.json');
    fs.writeFileSync(file, JSON.stringify({ ...request, format: REQUEST_FORMAT, requestId: '../../evil' }));
    const out: string[] = [];
    const outDir = path.join(b.dir, 'answers');
    const code = await runCli(['las', 'respond', file, '--out', outDir, '--workspace', b.dir], { cwd: b.dir, out: (t) => out.push(t), err: (t) => out.push(t), env: {} });
    assert.equal(code, 0, out.join(''));
    assert.deepEqual(fs.readdirSync(outDir), ['__.._evil.response.json']);
    assert.equal(fs.existsSync(path.resolve(outDir, '../../evil.response.json')), false);
  });

  describe('files that are not what they seem', () => {
    let outside: string;
    beforeEach(() => {
      // A valid response, outside the workspace: only the way it is reached decides.
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
      fs.copyFileSync(response, path.join(outside, path.basename(response)));
      fs.rmSync(response);
    });
    afterEach(() => fs.rmSync(outside, { recursive: true, force: true }));

    it('a response reached through a symbolic link that leaves the workspace is refused', async () => {
      const link = path.join(b.responsesDir, path.basename(response));
      fs.symlinkSync(path.join(outside, path.basename(response)), link);
      await refused(link, 'unsafe-link', /is a symbolic link \(or in a linked folder\) that leads out of the workspace, to .*outside-/);
    });

    it('a linked folder that leaves the workspace: its responses are refused too', async () => {
      const linked = path.join(b.dir, 'from-usb');
      fs.symlinkSync(outside, linked);
      const [file] = responseFiles([linked]);
      await refused(file!, 'unsafe-link', /leads out of the workspace/);
    });

    it('the same file named where it really is (outside the workspace) is imported', async () => {
      assertOk(await importResponses(b.options(), [path.join(outside, path.basename(response))], b.las.publicKeyPem()));
    });

    it('a file over 1 MiB is refused before it is read', async () => {
      const big = path.join(b.responsesDir, 'big.response.json');
      fs.writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 0x20));
      await refused(big, 'too-large', /is 2\.0 MiB, and a response from the LAS is a few KiB \(at most 1 MiB\): it was not read/);
    });

    it('--offline naming a file: "is a file, not a folder", exit 2, not EEXIST', async () => {
      const file = path.join(b.dir, 'requests.txt');
      fs.writeFileSync(file, '');
      const err: string[] = [];
      fs.cpSync(path.join(__dirname, '../../examples/hospital-north'), path.join(b.dir, 'ws'), { recursive: true });
      const code = await runCli(['activate', '--site', 'hospital-north', '--offline', file, '--workspace', path.join(b.dir, 'ws')], { cwd: b.dir, env: {}, out: () => undefined, err: (t) => void err.push(t) });
      assert.equal(code, 2);
      assert.match(err.join(''), /requests\.txt is a file, not/);
      assert.doesNotMatch(err.join(''), /EEXIST/);
      // The engine says the same to any caller (the extension, apply).
      const r = await activate(b.options({ offlineDir: file }));
      assert.match(r.notDone[0]!.message, /requests\.txt is a file, not/);
    });
  });
});

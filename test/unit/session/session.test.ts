// One owner of the workspace model: the ledger store reads a ledger once and again only when it changed,
// each session has its own cache (nothing module-wide), and the CLI, the language service and a session
// judge one workspace alike (BMS061 from the ledger, BMS082 from a cached usage reading).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { toCachedUsage, writeUsage } from '../../../src/engine/lmstat/cache';
import { importLmstat } from '../../../src/engine/lmstat/source';
import { loadWorkspace, uriOf } from '../../../src/engine/load/files';
import { LiveWorkspace } from '../../../src/engine/service/workspace';
import { WorkspaceSession } from '../../../src/engine/session/session';

const ROOT = path.resolve(__dirname, '../../..');
const LEDGER = 'hospital-north.ledger.jsonl';

describe('WorkspaceSession: one model for the CLI, the server and the extension', () => {
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const repairs = [5, 50, 100, 200].map((n) => JSON.stringify({ at: day(n), op: 'repair', site: 'hospital-north', target: 'as-01', transaction: 'T-1', by: 'jsmith' }));
    fs.writeFileSync(path.join(dir, LEDGER), `${repairs.join('\n')}\n`);
    const reading = await importLmstat(path.join(ROOT, 'test/unit/lmstat/fixtures/15-lmgrd-not-running-96.txt'));
    assert.ok(reading.ok);
    assert.ok((await writeUsage(dir, toCachedUsage(reading.value, { site: 'hospital-north', licenseServer: 'ls-main', address: '@localhost' }))).ok);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the ledger store reads a ledger once, again only after it changed, and two sessions share no cache', () => {
    const { index } = loadWorkspace([dir]);
    const site = index.site('hospital-north')!;
    const a = new WorkspaceSession(index);
    assert.equal(a.ledgers.of(site)?.state.repairs.get('as-01')?.length, 4);
    a.ledgers.of(site);
    assert.equal(a.ledgers.reads, 1, 'the unchanged file is not read again');
    fs.appendFileSync(path.join(dir, LEDGER), `${JSON.stringify({ at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), op: 'repair', site: 'hospital-north', target: 'as-02', transaction: 'T-2', by: 'jsmith' })}\n`);
    assert.equal(a.ledgers.of(site)?.state.repairs.get('as-02')?.length, 1);
    assert.equal(a.ledgers.reads, 2);
    const b = new WorkspaceSession(index);
    b.ledgers.of(site);
    assert.equal(b.ledgers.reads, 1, 'a new session reads for itself');
  });

  it('the CLI, the language service and a session give the same BMS061 and BMS082', async () => {
    let out = '';
    await runCli(['validate', '.', '--format', 'json'], { cwd: dir, env: {}, out: (t) => void (out += t), err: () => undefined });
    const cli = (JSON.parse(out).diagnostics as { file: string; code: string; line: number }[]).filter((d) => d.code === 'BMS061' || d.code === 'BMS082').map((d) => `${d.file}:${d.line} ${d.code}`).sort();
    assert.equal(cli.length, 2, out);

    const { index, paths } = loadWorkspace([dir]);
    const session = new WorkspaceSession(index);
    const byUri = session.validate();
    const line = (uri: string, offset: number) => index.file(uri)!.text.slice(0, offset).split('\n').length;
    const fromSession = [...byUri].flatMap(([uri, ds]) => ds.filter((d) => d.code === 'BMS061' || d.code === 'BMS082').map((d) => `${path.relative(dir, paths.get(uri)!)}:${line(uri, d.span.start)} ${d.code}`)).sort();
    assert.deepEqual(fromSession, cli);

    const live = new LiveWorkspace();
    for (const f of ['site.bms.yaml', 'plan.bms.yaml']) live.update(uriOf(path.join(dir, f)), fs.readFileSync(path.join(dir, f), 'utf8'));
    const served = ['site.bms.yaml', 'plan.bms.yaml']
      .flatMap((f) => live.diagnostics(uriOf(path.join(dir, f)), live.session.options()).filter((d) => d.code === 'BMS061' || d.code === 'BMS082').map((d) => `${f}:${line(uriOf(path.join(dir, f)), d.span.start)} ${d.code}`))
      .sort();
    assert.deepEqual(served, cli);
  });
});

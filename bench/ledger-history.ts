// Big histories: `apply` (201 activations), `validate`, `plan` and `report` on a 200-server site whose ledger
// holds 10k / 50k / 100k events (activations returned since) and whose simulator holds those transactions,
// each command a fresh `bmslicense` process. Goal (issue 29): apply under 30 s at 100k; the others linear.
// Usage: npx tsx bench/ledger-history.ts [10000,50000,100000]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { BIG_SITE, serverId, writeBigSite, writeHistory } from '../test/hardening/fixtures/bigSite';

const SERVERS = 200;
const sizes = (process.argv[2] ?? '10000,50000,100000').split(',').map(Number);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-history-'));
const cli = path.join(tmp, 'bmslicense.cjs');
buildSync({ entryPoints: [path.join(__dirname, '../test/hardening/fixtures/cliMain.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'error' });

/** The simulator's record of the history: every transaction returned, as a real LAS would keep it. */
function writeSimulator(dir: string, events: number): void {
  const transactions = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < Math.ceil(events / 2); i++) {
    const at = new Date(start + i * 2 * 60_000).toISOString();
    transactions.push({ transaction: `T-H${String(i).padStart(6, '0')}`, site: BIG_SITE, target: serverId(i % SERVERS), targetType: 'as-p', lines: [{ activationId: 'ACT-SNMP', quantity: 1, entitled: SERVERS }], at, status: 'returned', returnedAt: at });
  }
  const products = {
    'ACT-BASE': { entitlementId: 'ENT-1', activationId: 'ACT-BASE', feature: 'server.enterprise.base', licenseType: 'centralized', quantity: 1, expires: 'permanent', appliesTo: ['enterprise-server'] },
    'ACT-SNMP': { entitlementId: 'ENT-1', activationId: 'ACT-SNMP', feature: 'snmp-notification', licenseType: 'centralized', quantity: SERVERS, expires: 'permanent', appliesTo: ['as-p', 'as-p-3', 'as-b', 'edge-server', 'enterprise-server'] },
  };
  const dataDir = path.join(dir, '.bmslicense', 'las-sim');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'state.json'), `${JSON.stringify({ version: 1, products, transactions, repairs: [], answered: {}, counter: transactions.length }, null, 1)}\n`);
}

function timed(dir: string, args: string[], expect: number[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, BMSLICENSE_INTERACTIVE: '0' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!expect.includes(r.status ?? -1)) throw new Error(`bmslicense ${args.join(' ')}: exit ${r.status}\n${r.stderr.slice(0, 2000)}\n${r.stdout.slice(-2000)}`);
  return ms;
}

const rows: string[] = ['| ledger events | ledger MB | apply (201 activations) | per activation | validate | plan | report |', '|---:|---:|---:|---:|---:|---:|---:|'];
for (const n of sizes) {
  const dir = fs.mkdtempSync(path.join(tmp, 'site-'));
  writeBigSite(dir, SERVERS);
  writeHistory(dir, SERVERS, n);
  writeSimulator(dir, n);
  const mb = fs.statSync(path.join(dir, `${BIG_SITE}.ledger.jsonl`)).size / 1e6;
  const plan = timed(dir, ['plan', '--site', BIG_SITE], [0]);
  const apply = timed(dir, ['apply', '--site', BIG_SITE, '--yes'], [0]);
  const validate = timed(dir, ['validate'], [0, 1]);
  const report = timed(dir, ['report', '--site', BIG_SITE, '--out', path.join(dir, 'report.md')], [0]);
  rows.push(`| ${n.toLocaleString('en-US')} | ${mb.toFixed(1)} | ${(apply / 1000).toFixed(1)} s | ${Math.round(apply / 201)} ms | ${Math.round(validate)} ms | ${Math.round(plan)} ms | ${Math.round(report)} ms |`);
  console.log(rows[rows.length - 1]);
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${rows.join('\n')}\n(each a fresh process; the machine is shared, so the figures are noisy)`);
fs.rmSync(tmp, { recursive: true, force: true });

// `npm run bench:workspace`: a service company's repository of 50, 100 and 200 generated sites
// (bench/workload/workspace.ts). Prints JSON per size: folder open → the site tree's first rows in the
// extension (real bundle, fake VS Code API), `bmslicense validate` of the whole folder, the peak RSS
// of each, and the machine's load (timings depend on it).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkspace } from './workload/workspace';

const ROOT = join(__dirname, '..');

function validate(folder: string): { ms: number; peakRssMiB: number; diagnostics: number } {
  const t = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(ROOT, 'bin/bmslicense.js'), 'validate', folder, '--format', 'json', '--today', '2026-12-02'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  const kb = Number(run.stderr.trim().split('\n').pop());
  const out = JSON.parse(run.stdout) as unknown;
  const diagnostics = Array.isArray(out) ? out.length : ((out as { diagnostics?: unknown[] }).diagnostics?.length ?? -1);
  return { ms: Math.round(ms), peakRssMiB: Math.round(kb / 1024), diagnostics };
}

function main(): void {
  const results = [];
  for (const sites of (process.env.BENCH_SITES ?? '50,100,200').split(',').map(Number)) {
    const folder = mkdtempSync(join(tmpdir(), `bms-ws-${sites}-`));
    try {
      const written = writeWorkspace(folder, sites);
      const tree = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'workspaceTree.ts'), folder], { encoding: 'utf8', cwd: ROOT })) as Record<string, number>;
      results.push({ sites, ...written, folderOpenToTree: tree, validate: validate(folder) });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const machine = { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0] * 10) / 10 };
  console.log(JSON.stringify({ machine, targets: { treeRowsMs: 1000, note: "rowsMs: the first rows (sites checking on a large workspace); completeMs: every status; longestBlockMs: the longest the extension host was busy in one go after the rows", validateMs: 3000, peakRssMiB: 400 }, results }, null, 2));
}

main();

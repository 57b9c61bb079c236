// Builds the production bundle and packs the .vsix into .cache/vsix/ (ignored by git and by vsce).
// Usage: node scripts/package.mjs   →  prints the .vsix path and its size.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, '.cache', 'vsix');
const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);

function run(step, args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[package] ${step} failed (exit ${result.status ?? result.signal}); see the output above.`);
    process.exit(1);
  }
  console.log(`[package] ${step} [${((performance.now() - started) / 1000).toFixed(1)}s]`);
}

mkdirSync(outDir, { recursive: true });
rmSync(vsix, { force: true });
run('esbuild --production', ['esbuild.mjs', '--production']);
// Everything the extension needs at runtime is bundled into dist/, so node_modules stays out of the .vsix.
run('vsce package', [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  '--out',
  vsix,
]);
const kib = statSync(vsix).size / 1024;
console.log(`[package] ${relative(root, vsix)} (${kib.toFixed(1)} KiB)`);

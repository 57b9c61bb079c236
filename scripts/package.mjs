// Builds the production bundle and packs the .vsix into .cache/vsix/ (ignored by git and by vsce).
// Usage: node scripts/package.mjs   →  prints the .vsix path and its size.
// It builds in a staging folder, so a concurrent `npm run build` into dist/ cannot slip a dev bundle in.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, '.cache', 'vsix');
const stage = join(outDir, 'stage');
const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);

function run(step, args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: stage, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[package] ${step} failed (exit ${result.status ?? result.signal}); see the output above.`);
    process.exit(1);
  }
  console.log(`[package] ${step} [${((performance.now() - started) / 1000).toFixed(1)}s]`);
}

rmSync(stage, { recursive: true, force: true });
rmSync(vsix, { force: true });
mkdirSync(stage, { recursive: true });

// Sources are linked (read only by esbuild); what ships is copied.
const linked = ['src', 'webview', 'node_modules', 'tsconfig.json'].filter((p) => existsSync(join(root, p)));
for (const path of linked) symlinkSync(join(root, path), join(stage, path));
const shipped = ['esbuild.mjs', 'package.json', 'package.nls.json', 'package.nls.fr.json', 'package.nls.de.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'schemas', 'syntaxes', 'media', 'l10n'];
for (const path of shipped) {
  if (existsSync(join(root, path))) cpSync(join(root, path), join(stage, path), { recursive: true });
}

run('esbuild --production', ['esbuild.mjs', '--production']);
for (const path of linked) unlinkSync(join(stage, path));

// Everything the extension needs at runtime is bundled into dist/, so node_modules stays out of the .vsix.
// vsce rewrites the README's relative links against package.json's `repository` (images: raw/HEAD), so
// they show on the Marketplace page and in the Extensions view while GitHub renders the relative form.
run('vsce package', [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--out',
  vsix,
]);
rmSync(stage, { recursive: true, force: true });
const kib = statSync(vsix).size / 1024;
console.log(`[package] ${relative(root, vsix)} (${kib.toFixed(1)} KiB)`);

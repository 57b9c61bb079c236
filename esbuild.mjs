// One build for every face of the engine: extension host, language server, CLI and the dashboard webview.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { sep } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --cli: only dist/cli.js, what the npm package ships (`prepack`); the options are the ones every build uses.
const cliOnly = process.argv.includes('--cli');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
};

// Bundles of their own, loaded when first needed: the language client (vscode-languageclient, 40 % of the
// extension's code) when the server starts (src/extension/languageServer.ts imports it then), and the commands'
// and the dashboard's code (features.ts, a third of the rest) when one is first used (src/extension/lazy.ts):
// the extension host compiles only the tree's code to show the tree. Neither shares module state with the
// rest but what it is handed (client.ts uses vscode.l10n, features.ts configures its own copy of the engine's).
const LOADED_APART = { './client': 'languageServer.ts', './features': 'lazy.ts' };
const apart = {
  name: 'loaded-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/(client|features)$/ }, (args) =>
      args.importer.endsWith(`${sep}extension${sep}${LOADED_APART[args.path]}`) ? { path: `${args.path}.js`, external: true } : undefined,
    );
  },
};

const entries = [
  // `import('./client.js')` as `require`: the extension host's module loader is CommonJS's.
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', plugins: [apart], supported: { 'dynamic-import': false } },
  { entryPoints: ['src/extension/client.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['src/extension/features.ts'], outfile: 'dist/features.js', supported: { 'dynamic-import': false } },
  { entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
].filter((e) => existsSync(e.entryPoints[0]) && (!cliOnly || e.outfile === 'dist/cli.js'));

const builds = entries.map((e) => ({ ...node, ...e }));
if (!cliOnly && existsSync('webview/main.ts')) {
  builds.push({
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

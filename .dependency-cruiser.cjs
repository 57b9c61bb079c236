// The dependency rules `npm test` keeps (npm run lint:deps): one-way data flow, no cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'A cycle means two modules are one idea or one is in the wrong place.', from: {}, to: { circular: true } },
    { name: 'engine-without-vscode', severity: 'error', comment: 'src/engine is plain TypeScript: the CLI and the language server run it without VS Code.', from: { path: '^src/engine' }, to: { path: '^vscode$|node_modules/vscode/|^vscode-language' } },
    { name: 'engine-knows-no-caller', severity: 'error', comment: 'Nothing below src/engine knows who calls it.', from: { path: '^src/engine' }, to: { path: '^src/(server|extension|cli)/' } },
    { name: 'lmstat-without-rules', severity: 'error', comment: 'Reading lmstat output is not a rule: lmstat never imports rules.', from: { path: '^src/engine/lmstat/' }, to: { path: '^src/engine/rules/' } },
    { name: 'server-through-the-service', severity: 'error', comment: 'The server is handlers only: it reaches the engine through the language service (src/engine/service), and finds files by the one discovery rule (load/files.ts, load/globs.ts, load/uri.ts).', from: { path: '^src/server/' }, to: { path: '^src/engine/', pathNot: '^src/engine/(service/|load/(files|globs|uri)\\.ts$|l10n\\.ts$)' } },
    { name: 'cli-and-extension-without-the-service', severity: 'error', comment: 'src/engine/service holds LSP-shaped answers for the language server: the CLI and the extension read and validate through load/ and validate.ts.', from: { path: '^src/(cli|extension)/' }, to: { path: '^src/engine/service/' } },
    { name: 'cli-and-server-without-extension', severity: 'error', from: { path: '^src/(cli|server)/' }, to: { path: '^src/extension/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};

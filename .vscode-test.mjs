// For developer machines that can download VS Code: `npx @vscode/test-cli` (install @vscode/test-cli and
// @vscode/test-electron first). Runs mocha tests inside the extension host, where `vscode` can be imported.
// Not part of `npm test`: there the e2e tests drive code-server instead (test/e2e/harness, REAL-VSCODE.md).
import { defineConfig } from '@vscode/test-cli';

export default defineConfig([
  {
    label: 'extension-host',
    files: 'test/vscode/**/*.test.ts',
    version: 'stable',
    workspaceFolder: './examples',
    // Only our extension, so no other extension's diagnostics or views interfere.
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
    mocha: {
      ui: 'bdd',
      require: ['tsx/cjs'],
      timeout: 60_000,
    },
  },
]);

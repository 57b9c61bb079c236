// The e2e harness: a real VS Code (code-server) driven by playwright-core and Debian's Chromium.
export { e2eReady, e2eTools, ensureE2eTools, outputDir, repoRoot, setupTimeoutMs, type E2eTools } from './setup';
export { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
export { openWorkbench, uiTimeoutMs, type Workbench } from './workbench';
export {
  activityBarItem, fileName, openFile, problems, quickPickRow, runCommand, screenshot, treeItems, treeRowLocator, treeRows, view,
  waitForNotification, waitForProblem, waitForTreeRow, type Problem, type TreeItemView,
} from './ui';
export { captureFailure, useWorkbench, type WorkbenchSession } from './session';
export { packagedVsix } from './vsix';

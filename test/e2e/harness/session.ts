// Mocha wiring: one code-server + browser per suite, evidence kept on failure, everything stopped after.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { ensureE2eTools, outputDir, setupTimeoutMs } from './setup';
import { fileName, screenshot } from './ui';
import { openWorkbench, type Workbench } from './workbench';

/**
 * Saves what explains a failure to test-output/e2e/: a screenshot, code-server's log, the browser
 * console and VS Code's own logs (extension host included). Never throws.
 */
export async function captureFailure(title: string, server?: CodeServer, workbench?: Workbench): Promise<string[]> {
  const base = `${fileName(title)}.failure`;
  const saved: string[] = [];
  mkdirSync(outputDir, { recursive: true });
  const copy = (from: string, to: string) => {
    if (!existsSync(from)) return;
    try {
      cpSync(from, join(outputDir, to), { recursive: true });
      saved.push(join(outputDir, to));
    } catch {
      // Evidence is best effort; the test failure itself is what matters.
    }
  };
  if (workbench) {
    try {
      saved.push(await screenshot(workbench.page, base));
    } catch {
      // The page may already be gone.
    }
    copy(workbench.consoleLogPath, `${base}.browser-console.log`);
  }
  if (server) {
    copy(server.logPath, `${base}.code-server.log`);
    copy(join(server.userDataDir, 'logs'), `${base}.vscode-logs`);
  }
  if (saved.length) process.stderr.write(`[e2e] failure evidence:\n  ${saved.join('\n  ')}\n`);
  return saved;
}

export interface WorkbenchSession {
  readonly page: Page;
  readonly server: CodeServer;
  readonly workbench: Workbench;
}

/**
 * Call inside `describe`: starts code-server and the browser in `before` (running the e2e setup
 * first if needed), captures evidence when a test fails, and stops both in `after`.
 * `options` is a function so a suite can build its workspace in an earlier `before`.
 */
export function useWorkbench(options: () => CodeServerOptions | Promise<CodeServerOptions>): WorkbenchSession {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use the session inside it()/hooks after its before()`);
    return value;
  };

  before(async function () {
    this.timeout(setupTimeoutMs + 3 * 60_000);
    await ensureE2eTools();
    try {
      server = await startCodeServer(await options());
      workbench = await openWorkbench(server);
    } catch (error) {
      await captureFailure(`${this.test?.parent?.fullTitle() ?? 'e2e'} before`, server, workbench);
      throw error;
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await captureFailure(this.currentTest.fullTitle(), server, workbench);
    }
  });

  after(async function () {
    this.timeout(60_000);
    await workbench?.close();
    await server?.stop();
    workbench = undefined;
    server = undefined;
  });

  return {
    get page() {
      return need(workbench, 'the workbench').page;
    },
    get server() {
      return need(server, 'code-server');
    },
    get workbench() {
      return need(workbench, 'the workbench');
    },
  };
}

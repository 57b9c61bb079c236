// A real VS Code (code-server on loopback) with a fresh profile per test suite.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ensureE2eTools, type E2eTools } from './setup';
import { killGroup, trackProcessGroup, untrackProcessGroup } from './processes';

export interface CodeServerOptions {
  /** The folder opened as the workspace. */
  workspace: string;
  /** Leave workspace trust on (Restricted Mode until trusted); off by default. */
  trust?: boolean;
  /** Extra user settings, merged over the test defaults. */
  settings?: Record<string, unknown>;
  /** A packaged extension installed with `--install-extension` before the server starts. */
  vsix?: string;
  /** Unpacked extension folders, copied into the extensions dir as `publisher.name-version`. */
  extensionFolders?: string[];
}

export interface CodeServer {
  url: string;
  port: number;
  /** Process id of code-server, also its process group id. */
  pid: number;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  /** code-server's own stdout/stderr. */
  logPath: string;
  /** Temp folder holding the profile, extensions, logs; removed by stop(). */
  tempDir: string;
  /** Kills the server and removes its temp folder; safe to call twice. */
  stop(): Promise<void>;
}

const startTimeoutMs = 60_000;

/** Keeps the workbench quiet and offline so tests see only what the extension shows. */
const defaultSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
};

// Any gallery request goes to a closed loopback port instead of the internet.
const offlineGallery = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' });

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const tools = await ensureE2eTools();
  const tempDir = mkdtempSync(join(tmpdir(), 'bms-e2e-'));
  const userDataDir = join(tempDir, 'user-data');
  const extensionsDir = join(tempDir, 'extensions');
  const logPath = join(tempDir, 'code-server.log');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = { ...defaultSettings, 'security.workspace.trust.enabled': options.trust === true, ...options.settings };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: offlineGallery,
    // code-server writes its config.yaml and state under XDG dirs: keep them in the temp folder.
    XDG_CONFIG_HOME: join(tempDir, 'xdg-config'),
    XDG_DATA_HOME: join(tempDir, 'xdg-data'),
    XDG_CACHE_HOME: join(tempDir, 'xdg-cache'),
  };
  const profileArgs = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  try {
    for (const folder of options.extensionFolders ?? []) {
      cpSync(folder, join(extensionsDir, basename(folder)), { recursive: true });
    }
    if (options.vsix) await installVsix(tools, options.vsix, profileArgs, env);
    const port = await freePort();
    const args = [
      tools.codeServerEntry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...profileArgs,
      options.workspace,
    ];
    const child = spawn(tools.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    trackProcessGroup(child);
    const log = createWriteStream(logPath);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const url = `http://127.0.0.1:${port}`;
    await listening(child, url, logPath);
    let stopped = false;
    return {
      url, port, pid: child.pid ?? 0, workspace: options.workspace, userDataDir, extensionsDir, logPath, tempDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await killGroup(child);
        untrackProcessGroup(child);
        log.end();
        rmSync(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
}

function installVsix(tools: E2eTools, vsix: string, profileArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const args = [tools.codeServerEntry, ...profileArgs, '--install-extension', vsix];
  return new Promise((resolve, reject) => {
    execFile(tools.node, args, { env, timeout: startTimeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`code-server --install-extension ${vsix} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

/** Resolves when code-server logs that it listens on `url`; rejects with the log if it exits first. */
function listening(child: ChildProcess, url: string, logPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => done(new Error(`code-server did not listen on ${url} within ${startTimeoutMs / 1000}s`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`HTTP server listening on ${url}`)) done();
    };
    const onExit = (code: number | null) => done(new Error(`code-server exited (code ${code}) before listening on ${url}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    function done(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (!error) return resolve();
      if (child.exitCode === null) void killGroup(child);
      reject(new Error(`${error.message}. Log ${logPath}:\n${output.slice(-4000) || readTail(logPath)}`));
    }
  });
}

function readTail(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(-4000);
  } catch {
    return '(no log)';
  }
}

/** Asks the OS for an unused loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

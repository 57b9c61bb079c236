// A real LSP client for tests: spawns the BUILT server over stdio and speaks JSON-RPC to it.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, Position, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../../src/server/nodeFlags';

const ROOT = resolve(__dirname, '../..');
let built = false;

/** Builds dist/server.js once per test run. */
export function buildServer(): void {
  if (built) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** `text` with a `|` caret marker → the text without it and the caret's position. */
export function caret(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | caret in text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, offset, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

export function range(line: number, col: number, endLine: number, endCol: number): Range {
  return { start: { line, character: col }, end: { line: endLine, character: endCol } };
}

/** What a test expects of a diagnostic: its code and its range. */
export function diag(code: string, line: number, col: number, endLine: number, endCol: number): { code: string; range: Range } {
  return { code, range: range(line, col, endLine, endCol) };
}

export function brief(ds: Diagnostic[]): { code: string; range: Range }[] {
  return ds.map((d) => ({ code: String(d.code), range: d.range }));
}

export interface ClientOptions {
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Another server script to drive instead of dist/server.js (the benchmark's comparison). */
  server?: string;
  /** The answer to workspace/configuration for a section. */
  configuration?: (section?: string) => unknown;
  /** What `initialize` sends as initializationOptions (default: no debounce, as most tests want). */
  initializationOptions?: unknown;
  /**
   * Start the server as the extension does (src/extension/client.ts): forked over node IPC with the same node
   * flags, initializationOptions and workspace/configuration answered with the settings' defaults from
   * package.json (debounce included). `configuration`/`initializationOptions` given beside it still win.
   */
  asExtension?: boolean;
}

/** The `bmsLicense.*` settings as a user who changed nothing has them: the defaults package.json declares, nested by section. */
export function defaultSettings(): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } | { properties: Record<string, { default?: unknown }> }[] } };
  const sections = ([] as { properties: Record<string, { default?: unknown }> }[]).concat(pkg.contributes.configuration);
  const out: Record<string, unknown> = {};
  for (const [key, p] of sections.flatMap((c) => Object.entries(c.properties))) {
    const path = key.split('.').slice(1);
    let at = out;
    for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = p.default;
  }
  return out;
}

export class TestClient {
  readonly folder: string;
  private readonly child: ChildProcess;
  readonly rpc: MessageConnection;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** What the server logged (window/logMessage), in order. */
  readonly logs: string[] = [];
  private logListeners: ((line: string) => void)[] = [];
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; done: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();
  exited = false;
  stderr = '';

  constructor(files: Record<string, string> = {}, options: ClientOptions = {}) {
    if (!options.server) buildServer();
    this.folder = mkdtempSync(join(tmpdir(), 'bms-lsp-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(this.folder, name), text);
    const script = options.server ?? join(ROOT, 'dist/server.js');
    // As vscode-languageclient starts a TransportKind.ipc server: fork, silent, --node-ipc and the client's pid.
    this.child = options.asExtension
      ? fork(script, ['--node-ipc', `--clientProcessId=${process.pid}`], { execArgv: [...SERVER_NODE_FLAGS, ...(options.nodeArgs ?? [])], silent: true })
      : spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(options.nodeArgs ?? []), script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.on('exit', () => (this.exited = true));
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    if (options.asExtension) this.child.stdout!.resume();
    this.rpc = options.asExtension
      ? createMessageConnection(new IPCMessageReader(this.child), new IPCMessageWriter(this.child))
      : createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.done(p), false) : true));
    });
    this.rpc.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      for (const listener of [...this.logListeners]) listener(p.message);
    });
    this.rpc.onRequest('client/registerCapability', () => null);
    const defaults = options.asExtension ? defaultSettings() : undefined;
    const configuration = options.configuration ?? (defaults ? (section?: string) => (section === 'bmsLicense' ? defaults : null) : () => ({ validation: { debounceMs: 0 } }));
    this.rpc.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => configuration(i.section)));
    this.rpc.listen();
    // The extension sends { validation: { debounceMs }, expiryWarningDays, l10nBundle } (no bundle in English).
    const asStarted = defaults && { validation: defaults.validation, expiryWarningDays: defaults.expiryWarningDays, l10nBundle: undefined };
    this.initializationOptions = 'initializationOptions' in options ? options.initializationOptions : (asStarted ?? { validation: { debounceMs: 0 } });
  }

  private readonly initializationOptions: unknown;

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The server's peak resident memory (VmHWM) in MiB, read from /proc (Linux); 0 where that cannot be read. */
  peakRssMiB(): number {
    try {
      return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  }

  uri(name: string): string {
    return pathToFileURL(join(this.folder, name)).href;
  }

  /** Initializes with the temp folder as the workspace; resolves once the files on disk are published. */
  async start(expectPublished: string[] = []): Promise<void> {
    const waits = expectPublished.map((n) => this.nextDiagnostics(this.uri(n)));
    await this.rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.folder).href,
      workspaceFolders: [{ uri: pathToFileURL(this.folder).href, name: 'test' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: this.initializationOptions,
    });
    await this.rpc.sendNotification('initialized', {});
    await Promise.all(waits);
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `test`. */
  nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.done !== finish);
        const last = [...this.published].reverse().find((p) => p.uri === uri);
        fail(new Error(`No diagnostics for ${uri} within ${timeoutMs} ms that the test waits for${last ? ` (last published: version ${last.version}, ${last.diagnostics.length} diagnostics)` : ' (none published for it at all)'}${this.exited ? '; the server has exited' : ''}`));
      }, timeoutMs);
      const finish = (p: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        done(p);
      };
      this.waiters.push({ test: (p) => p.uri === uri && test(p), done: finish });
    });
  }

  /** Resolves with the match of the first line the server logged (or logs) that matches `pattern`. */
  waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
    return new Promise((done, fail) => {
      for (const line of this.logs) {
        const m = pattern.exec(line);
        if (m) return done(m);
      }
      const listener = (line: string) => {
        const m = pattern.exec(line);
        if (!m) return;
        clearTimeout(timer);
        this.logListeners = this.logListeners.filter((l) => l !== listener);
        done(m);
      };
      const timer = setTimeout(() => {
        this.logListeners = this.logListeners.filter((l) => l !== listener);
        fail(new Error(`The server logged no line matching ${pattern} within ${timeoutMs} ms (${this.logs.length} lines logged)`));
      }, timeoutMs);
      this.logListeners.push(listener);
    });
  }

  /** Resolves on the next diagnostics published for any file, or after `ms` when none comes. */
  anyPublished(ms: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(finish, ms);
      const waiter = { test: () => true, done: finish };
      function finish(): void {
        clearTimeout(timer);
        done();
      }
      this.waiters.push(waiter);
    });
  }

  /** Opens a file of the folder; `uri` spells its uri another way (as VS Code does), the server must know it for the same file. */
  async open(name: string, text: string, uri = this.uri(name)): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const next = this.nextDiagnostics(uri, (p) => p.version === 1);
    await this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return (await next).diagnostics;
  }

  /** Sends incremental changes; resolves with the diagnostics published for the new version. */
  async change(name: string, changes: TextDocumentContentChangeEvent[], uri = this.uri(name)): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const next = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return (await next).diagnostics;
  }

  /** Sends a change without waiting for diagnostics. */
  async changeNoWait(name: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const uri = this.uri(name);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.rpc.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.rpc.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      const exited = new Promise((r) => (this.exited ? r(undefined) : this.child.once('exit', r)));
      await this.rpc.sendNotification('exit');
      // The server exits on its own (and writes a CPU profile when asked); kill it only if it hangs.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      // already gone
    }
    this.rpc.dispose();
    this.child.kill();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

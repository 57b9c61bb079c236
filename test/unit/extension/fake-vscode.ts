// A small stand-in for the `vscode` module: enough of the API for activate(), the tree provider and the
// command runner, recording what the extension asked for. Installed with `installFakeVscode()`.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', pathToFileURL(p).pathname, '');
  }
  static parse(s: string): Uri {
    const u = new URL(s);
    return new Uri(u.protocol.replace(/:$/, ''), u.pathname, u.search.replace(/^\?/, ''));
  }
  static from(c: { scheme: string; path?: string; query?: string }): Uri {
    return new Uri(c.scheme, c.path ?? '', c.query ?? '');
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return Uri.file(path.join(base.fsPath, ...parts));
  }
  // Worked out once per Uri, as VS Code's URI keeps its fsPath and its string (the benchmarks time the extension,
  // not this fake).
  private fs?: string;
  private text?: string;
  get fsPath(): string {
    return (this.fs ??= fileURLToPath(`file://${this.path}`));
  }
  toString(): string {
    return (this.text ??= this.scheme === 'file' ? pathToFileURL(this.fsPath).href : `${this.scheme}:${this.path}${this.query ? `?${this.query}` : ''}`);
  }
}

class Disposable {
  constructor(private readonly f: () => void) {}
  static from(...d: { dispose(): unknown }[]) {
    return new Disposable(() => d.forEach((x) => x.dispose()));
  }
  dispose() {
    this.f();
  }
}

export interface FakeState {
  root: string;
  trusted: boolean;
  messages: { severity: string; message: string; options: unknown[] }[];
  commands: Map<string, (...a: unknown[]) => unknown>;
  contextKeys: Map<string, unknown>;
  findFilesCalls: number;
  treeViews: { id: string; options: any; visible: boolean; selection: unknown[]; setVisible(visible: boolean): void }[];
  languageClientStarts: number;
  /** The options the extension gave the language client (a stand-in for vscode-languageclient). */
  clientOptions?: { documentSelector?: { scheme?: string; pattern?: string }[]; initializationOptions?: Record<string, unknown> };
  /** Answers for modal/non-modal messages, by the start of the message. */
  answers: { startsWith: string; answer: string | undefined }[];
  openDialog: string[] | undefined;
  /** The options of every open dialog shown (defaultUri, title…). */
  openDialogs: { defaultUri?: Uri; title?: string }[];
  /** Chooses from a QuickPick's items; default: none (dismissed). */
  quickPick: (items: { label: string; value?: unknown }[], options?: { title?: string; placeHolder?: string; activeItems?: unknown[] }) => unknown;
  config: Record<string, unknown>;
  /** Every line written to the output channel. */
  logged: string[];
  inputBox: string | undefined;
  /** Answers of the next input boxes, in order (each taken once; then `inputBox`); undefined = Escape. */
  inputBoxes: (string | undefined)[];
  /** The options of every input box shown. */
  inputBoxPrompts: { prompt?: string; value?: string; validateInput?: (v: string) => unknown }[];
  /** What the extension wrote to the clipboard, in order. */
  clipboard: string[];
  /** URIs opened with env.openExternal. */
  external: string[];
  progressTitles: string[];
  /** Open documents (`workspace.textDocuments`); fire `documentChanged` after editing one. */
  documents: { uri: Uri; getText(): string; isDirty: boolean }[];
  documentChanged: EventEmitter<{ document: unknown; contentChanges?: unknown[] }>;
  /** Untitled documents opened with content (`workspace.openTextDocument({ content, language })`). */
  opened: { content?: string; language?: string }[];
  /** The language status items created, as the extension left them. */
  statusItems: { busy?: boolean; command?: { command: string }; text?: string }[];
  /** The options of every `window.showTextDocument`. */
  shownDocuments: { viewColumn?: number; preview?: boolean }[];
  /** The user presses Cancel on the next progress notification as soon as it shows. */
  cancelProgress?: boolean;
  /** VS Code's display language bundle (`l10n.uri`, `l10n.t`); undefined = English. */
  l10nBundle?: string;
  /** Task providers by task type (`tasks.registerTaskProvider`). */
  taskProviders: Map<string, any>;
}

let installed: FakeState | undefined;

/**
 * One stand-in per process, never removed: the extension's modules keep the `vscode` they were loaded
 * with, so every test file shares it; a second call resets its state for a new workspace root.
 */
export function installFakeVscode(root: string): FakeState {
  if (installed) return Object.assign(installed, fresh(root));
  installed = fresh(root);
  build(installed);
  return installed;
}

function fresh(root: string): FakeState {
  return {
    root,
    trusted: true,
    messages: [],
    commands: new Map(),
    contextKeys: new Map(),
    findFilesCalls: 0,
    treeViews: [],
    languageClientStarts: 0,
    answers: [],
    openDialog: undefined,
    openDialogs: [],
    quickPick: () => undefined,
    config: {},
    logged: [],
    inputBox: undefined,
    inputBoxes: [],
    inputBoxPrompts: [],
    clipboard: [],
    external: [],
    progressTitles: [],
    documents: [],
    opened: [],
    documentChanged: installed?.documentChanged ?? new EventEmitter<{ document: unknown; contentChanges?: unknown[] }>(),
    taskProviders: new Map(),
    statusItems: [],
    shownDocuments: [],
    l10nBundle: undefined,
  };
}

function build(state: FakeState): void {
  const event = () => new EventEmitter<unknown>().event;
  const message = (severity: string) => async (text: string, ...options: unknown[]) => {
    state.messages.push({ severity, message: text, options });
    return state.answers.find((a) => text.startsWith(a.startsWith))?.answer;
  };
  const walk = (dir: string, out: Uri[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !['node_modules', '.git', '.bmslicense'].includes(e.name)) walk(p, out);
      else if (e.isFile() && /\.bms\.ya?ml$/.test(e.name)) out.push(Uri.file(p));
    }
    return out;
  };
  const vscode = {
    EventEmitter,
    Uri,
    Disposable,
    // English: the message with its {n} arguments filled in, as vscode.l10n.t does without a bundle.
    l10n: {
      get uri() {
        return state.l10nBundle ? Uri.file(state.l10nBundle) : undefined;
      },
      t: (message: string, ...args: unknown[]) => {
        const text = state.l10nBundle ? ((JSON.parse(fs.readFileSync(state.l10nBundle, 'utf8')) as Record<string, string>)[message] ?? message) : message;
        return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
      },
    },
    TreeItem: class {
      [k: string]: unknown;
      constructor(
        public label: string,
        public collapsibleState: number,
      ) {}
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ThemeIcon: class {
      constructor(
        public id: string,
        public color?: unknown,
      ) {}
    },
    ThemeColor: class {
      constructor(public id: string) {}
    },
    MarkdownString: class {
      supportThemeIcons = false;
      constructor(public value: string) {}
    },
    FileDecoration: class {
      constructor(
        public badge: string,
        public tooltip: string,
        public color: unknown,
      ) {}
    },
    Range: class {
      constructor(
        public start: unknown,
        public end: unknown,
      ) {}
    },
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    TaskGroup: { Test: { id: 'test' } },
    ProcessExecution: class {
      constructor(
        public process: string,
        public args: string[],
        public options: unknown,
      ) {}
    },
    Task: class {
      group: unknown;
      constructor(
        public definition: unknown,
        public scope: unknown,
        public name: string,
        public source: string,
        public execution: unknown,
        public problemMatchers: string[],
      ) {}
    },
    tasks: {
      registerTaskProvider: (type: string, provider: unknown) => {
        state.taskProviders.set(type, provider);
        return new Disposable(() => state.taskProviders.delete(type));
      },
    },
    TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
    LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
    window: {
      createTreeView: (id: string, options: any) => {
        const visibility = new EventEmitter<{ visible: boolean }>();
        const view = {
          id,
          options,
          visible: false,
          selection: [] as unknown[],
          onDidChangeVisibility: visibility.event,
          dispose() {},
          /** What VS Code does when the user opens (or hides) the view. */
          setVisible(visible: boolean) {
            view.visible = visible;
            visibility.fire({ visible });
          },
        };
        state.treeViews.push(view);
        return view;
      },
      registerFileDecorationProvider: () => new Disposable(() => {}),
      registerWebviewPanelSerializer: () => new Disposable(() => {}),
      createOutputChannel: () => {
        const write = (m: string) => void state.logged.push(m);
        return { info: write, warn: write, error: write, show() {}, dispose() {} };
      },
      showInformationMessage: message('information'),
      showWarningMessage: message('warning'),
      showErrorMessage: message('error'),
      showQuickPick: async (items: { label: string }[], options?: { title?: string; placeHolder?: string }) => state.quickPick(items, options),
      // A QuickPick that stays open: each round asks `quickPick` (with the active items), accepts what it returns
      // and awaits the extension's handlers; undefined (Escape) hides it.
      createQuickPick: () => {
        const accepted: (() => unknown)[] = [];
        const hidden = new EventEmitter<void>();
        let open = false;
        const qp = {
          items: [] as { label: string }[],
          activeItems: [] as unknown[],
          selectedItems: [] as unknown[],
          title: undefined as string | undefined,
          placeholder: undefined as string | undefined,
          ignoreFocusOut: false,
          matchOnDescription: false,
          onDidAccept: (l: () => unknown) => (accepted.push(l), { dispose: () => accepted.splice(accepted.indexOf(l), 1) }),
          onDidHide: hidden.event,
          show() {
            if (open) return;
            open = true;
            void (async () => {
              while (open) {
                const picked = await state.quickPick(qp.items, { title: qp.title, placeHolder: qp.placeholder, activeItems: qp.activeItems });
                if (!open) return;
                if (!picked) return qp.hide();
                qp.selectedItems = [picked];
                await Promise.all(accepted.map((l) => l()));
                await new Promise((resolve) => setImmediate(resolve));
              }
            })();
          },
          hide() {
            if (!open) return;
            open = false;
            hidden.fire();
          },
          dispose() {
            qp.hide();
          },
        };
        return qp;
      },
      showInputBox: async (options?: FakeState['inputBoxPrompts'][number]) => {
        state.inputBoxPrompts.push(options ?? {});
        return state.inputBoxes.length > 0 ? state.inputBoxes.shift() : state.inputBox;
      },
      showOpenDialog: async (options: { defaultUri?: Uri; title?: string }) => {
        state.openDialogs.push(options);
        return state.openDialog?.map((p) => Uri.file(p));
      },
      showTextDocument: async (_doc: unknown, options?: { viewColumn?: number; preview?: boolean }) => {
        state.shownDocuments.push(options ?? {});
        return { revealRange() {} };
      },
      withProgress: async (opts: { title: string }, task: (p: unknown, t: unknown) => Promise<unknown>) => {
        state.progressTitles.push(opts.title);
        const cancel = state.cancelProgress === true;
        state.cancelProgress = false;
        return task(
          { report() {} },
          {
            isCancellationRequested: cancel,
            onCancellationRequested: (l: () => void) => {
              if (cancel) l();
              return { dispose() {} };
            },
          },
        );
      },
    },
    env: {
      clipboard: { writeText: async (text: string) => void state.clipboard.push(text) },
      openExternal: async (uri: Uri) => (state.external.push(uri.toString()), true),
    },
    commands: {
      registerCommand: (id: string, f: (...a: unknown[]) => unknown) => {
        if (state.commands.has(id)) throw new Error(`command ${id} registered twice`);
        state.commands.set(id, f);
        return new Disposable(() => state.commands.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]) => {
        if (id === 'setContext') return void state.contextKeys.set(args[0] as string, args[1]);
        return state.commands.get(id)?.(...args);
      },
    },
    workspace: {
      get isTrusted() {
        return state.trusted;
      },
      get textDocuments() {
        return state.documents;
      },
      get workspaceFolders() {
        return [{ uri: Uri.file(state.root), name: 'w', index: 0 }];
      },
      findFiles: async () => {
        state.findFilesCalls++;
        return walk(state.root, []);
      },
      fs: {
        readFile: async (u: Uri) => new Uint8Array(fs.readFileSync(u.fsPath)),
        writeFile: async (u: Uri, data: Uint8Array) => fs.writeFileSync(u.fsPath, data),
        stat: async (u: Uri) => fs.statSync(u.fsPath),
      },
      registerTextDocumentContentProvider: () => new Disposable(() => {}),
      createFileSystemWatcher: () => ({ onDidCreate: event(), onDidChange: event(), onDidDelete: event(), dispose() {} }),
      onDidChangeTextDocument: state.documentChanged.event,
      onDidOpenTextDocument: event(),
      onDidCloseTextDocument: event(),
      onDidChangeConfiguration: event(),
      getConfiguration: (section: string) => ({ get: (key: string, d: unknown) => state.config[`${section}.${key}`] ?? d }),
      getWorkspaceFolder: () => ({ uri: Uri.file(state.root) }),
      asRelativePath: (u: Uri | string) => path.relative(state.root, typeof u === 'string' ? u : u.fsPath),
      openTextDocument: async (arg?: unknown) => {
        if (arg && typeof arg === 'object' && 'content' in arg) state.opened.push(arg as { content?: string; language?: string });
        return { positionAt: (o: number) => o };
      },
    },
    languages: {
      registerCodeLensProvider: () => new Disposable(() => {}),
      createLanguageStatusItem: () => {
        state.languageClientStarts++;
        const item: FakeState['statusItems'][number] & { dispose(): void } = { dispose() {} };
        state.statusItems.push(item);
        return item;
      },
      onDidChangeDiagnostics: event(),
      match: () => 0,
    },
  };
  const m = Module as unknown as { _load: (r: string, ...a: unknown[]) => unknown };
  const load = m._load;
  m._load = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return fakeLanguageClient(state);
    return load.call(this, request, ...rest);
  };
}

/** vscode-languageclient without a server: records the client options and starts nothing. */
function fakeLanguageClient(state: FakeState) {
  class LanguageClient {
    constructor(_id: string, _name: string, _server: unknown, options: FakeState['clientOptions']) {
      state.clientOptions = options;
    }
    onDidChangeState() {
      return { dispose() {} };
    }
    async start() {}
    isRunning() {
      return false;
    }
    async stop() {}
  }
  return { LanguageClient, State: { Stopped: 1, Starting: 3, Running: 2 }, TransportKind: { stdio: 0, ipc: 1 } };
}

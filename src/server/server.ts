// The BMS License language server: connection, documents and the wiring of one handler file per feature.
// Runs on its own: `node dist/server.js --stdio` (or --node-ipc) for any LSP client.
import { createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { useBundle } from '../engine/l10n';
import { LiveWorkspace } from '../engine/service/workspace';
import { BMS_GLOB, LEDGER_GLOB, USAGE_FILE, USAGE_GLOB } from '../engine/load/globs';
import { canonicalUri } from '../engine/load/uri';
import { applyFileEvents, isDiscoveredUri, loadFolders, readDisk } from './files';
import { refreshCodeLenses } from './codeLens';
import { registerFeatures } from './features';
import { DEFAULT_SETTINGS, pullSettings, settingsFrom, type ServerSettings } from './settings';
import { ValidationQueue } from './validation';

// The version users report: read from package.json at build time (esbuild inlines the JSON).
const SERVER_VERSION: string = (require('../../package.json') as { version: string }).version;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new LiveWorkspace();
let settings: ServerSettings = DEFAULT_SETTINGS;
let folders: string[] = [];
let canPullConfiguration = false;
let canWatchDynamically = false;
let canFollowFolders = false;
let canRefreshLenses = false;

/** Open documents by their canonical uri (load/uri.ts): the editor's spelling of a uri need not be the disk walk's. */
const opened = new Map<string, string>();
const openDocument = (uri: string) => documents.get(opened.get(uri) ?? uri);
const isOpen = (uri: string) => openDocument(uri) !== undefined;
const queue = new ValidationQueue(
  connection,
  workspace,
  {
    open(uri) {
      const d = openDocument(uri);
      return d && { uri: d.uri, text: d.getText(), version: d.version, document: d };
    },
  },
  () => settings,
);

// A bug in one handler must never take the server (and every open editor's validation) down.
process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unexpected error: ${(e as Error)?.stack ?? e}`));

connection.onInitialize((params) => {
  folders = (params.workspaceFolders ?? []).map((f) => canonicalUri(f.uri));
  if (folders.length === 0 && params.rootUri) folders = [canonicalUri(params.rootUri)];
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canWatchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canFollowFolders = params.capabilities.workspace?.workspaceFolders === true;
  canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  settings = settingsFrom(params.initializationOptions, DEFAULT_SETTINGS);
  useBundle((params.initializationOptions as { l10nBundle?: string } | undefined)?.l10nBundle);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [':', ' ', '-', '['] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      renameProvider: { prepareProvider: true },
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'bms-license-server', version: SERVER_VERSION },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) settings = await pullSettings(connection, settings);
  if (canWatchDynamically) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: BMS_GLOB }, { globPattern: LEDGER_GLOB }, { globPattern: USAGE_GLOB }],
    });
  }
  if (canFollowFolders) followWorkspaceFolders();
  queue.publishSoon(loadFolders(workspace, folders, isOpen));
});

/** Folders added later are read like the first ones; a removed folder's files (not open) are forgotten. */
function followWorkspaceFolders(): void {
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const added = e.added.map((f) => canonicalUri(f.uri));
    const gone = e.removed.map((f) => canonicalUri(f.uri));
    folders = [...folders.filter((f) => !gone.includes(f)), ...added];
    const dropped = workspace.uris().filter((u) => !isOpen(u) && gone.some((f) => u.startsWith(f.endsWith('/') ? f : `${f}/`)));
    const publish = dropped.flatMap((u) => workspace.remove(u));
    queue.publishSoon([...loadFolders(workspace, added, isOpen), ...publish]);
    for (const u of dropped) void connection.sendDiagnostics({ uri: u, diagnostics: [] });
  });
}

connection.onDidChangeConfiguration(async (change) => {
  const raw = (change.settings as Record<string, unknown> | undefined)?.bmsLicense;
  settings = canPullConfiguration ? await pullSettings(connection, settings) : settingsFrom(raw, settings);
  queue.publishSoon(workspace.uris());
});

documents.onDidOpen((e) => {
  const uri = canonicalUri(e.document.uri);
  opened.set(uri, e.document.uri);
  queue.opened(uri);
});
documents.onDidChangeContent((e) => queue.changed(canonicalUri(e.document.uri)));
documents.onDidClose((e) => {
  const uri = canonicalUri(e.document.uri);
  opened.delete(uri);
  // The editor let go: the file on disk is the truth again (or the file is gone, or not one the walk finds).
  const text = isDiscoveredUri(uri, folders) ? readDisk(uri) : undefined;
  if (text === undefined) {
    const publish = workspace.remove(uri);
    queue.publishSoon([uri, ...publish]);
  } else queue.publishSoon(workspace.update(uri, text));
});

connection.onDidChangeWatchedFiles((params) => {
  const { publish, removed } = applyFileEvents(workspace, params.changes, isOpen, folders);
  // A ledger changed (a repair was recorded) or a usage reading: BMS061 and BMS080-082 of every file may change.
  // spec.ledger may name any file: a change counts when it is the ledger of a site of the workspace.
  const ledgers = workspace.ledgerUris();
  const ledger = params.changes.some((c) => ledgers.has(canonicalUri(c.uri)) || USAGE_FILE.test(canonicalUri(c.uri)));
  queue.publishSoon([...publish, ...removed, ...(ledger ? workspace.uris() : [])]);
  if (ledger && canRefreshLenses) refreshCodeLenses(connection);
});

registerFeatures(connection, workspace, (uri) => queue.flush(uri));

documents.listen(connection);
connection.listen();

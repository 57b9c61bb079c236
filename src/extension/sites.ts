// The workspace's sites as the extension sees them: every `*.bms.yaml` (open documents as edited, the
// others from disk), the ledgers, and the tree model built from both. Nothing is read until someone asks.
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ledgerPathFor } from '../engine/ledger/ledger';
import { licensesLogReaderForSites } from '../engine/lmstat/licensesLogCache';
import { findBmsFiles, isDiscovered } from '../engine/load/files';
import { BMS_FILE, BMS_GLOB, LEDGER_GLOB } from '../engine/load/globs';
import { WorkspaceIndex } from '../engine/load/workspace';
import { IncrementalParser, readText } from '../engine/load/incremental/read';
import type { LicensePlan, Site } from '../engine/model';
import type { SiteCheck } from '../engine/siteCheck';
import { siteCheckOf } from '../engine/tree/siteChecks';
import { buildSiteRows, buildSiteTree, siteTreeSteps, type TreeInput } from '../engine/tree/build';
import { WorkspaceSession } from '../engine/session/session';
import { readSiteLedgers, type SiteLedgers } from '../engine/tree/ledgers';
import type { SiteTree } from '../engine/tree/types';
import type { Log } from './log';
import { FirstScreen } from './firstScreen';
import { deferred, inSlices } from './slices';

// Ledgers may be named anything by `spec.ledger`; only known ledger paths trigger a rebuild.
const SITE_GLOB = BMS_GLOB;
const REBUILD_MS = 250;
/** Plans (bytes of text) left to read once the sites are: above this the view shows the sites' rows first. */
const ROWS_FIRST_BYTES = 512 * 1024;
/** A file that holds a Site document (block or flow style): read before the plans. */
const SITE_DOCUMENT = /\bkind\s*:\s*["']?Site["']?\s*(?:[,}#\r\n]|$)/m;
const SITES_VIEW = 'bmsLicense.sites';
/** As `workspace.fs` + TextDecoder read them before: UTF-8, a byte-order mark dropped, bad bytes as U+FFFD. */
const UTF8 = new TextDecoder();

interface ReadFile {
  uri: vscode.Uri;
  text: string;
  /** The document's version, when the text came from an open document. */
  version?: number;
}

export interface SiteFiles {
  site: Site;
  plans: LicensePlan[];
  siteFile: string;
  ledgerPath: string;
  /** The workspace folder holding the site file: the simulator keeps its state under it. */
  root: string;
  /** What validate says about the site's files: problems that stop every command, findings that block one license. */
  check: SiteCheck;
}

export class SiteWorkspace implements vscode.Disposable {
  private readonly index = new WorkspaceIndex();
  /** One reader for the life of the index: it re-reads a usage reading only when its file changed. */
  /** The ledgers and usage readings of this workspace, and the validation options built from them. */
  readonly session = new WorkspaceSession(this.index);
  private readonly usageOf = this.session.usageOf;
  private readonly licensesLogOf = licensesLogReaderForSites(this.index);
  private tree: SiteTree = { roots: [], byId: new Map() };
  private ledgers: SiteLedgers = { states: new Map(), paths: new Map(), notes: new Map(), problems: new Map() };
  private loading: Promise<void> | undefined;
  /** The scan is reading files: the index is partial, nothing rebuilds from it. */
  private scanning = false;
  private sliced = false;
  private readonly firstRows = deferred();
  /** When the view got its first rows and first screen (said in the log once). */
  readonly firstScreen: FirstScreen;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly pendingText = new Set<string>();
  /** Open documents re-parse only the items an edit touched (a 1 MB plan: milliseconds, not a second). */
  private readonly parsers = new Map<string, IncrementalParser>();
  private readonly saidNotes = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Something changed since the last rebuild (an edit, a file or ledger event, a setting). */
  private dirty = false;
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    this.firstScreen = new FirstScreen(log);
  }

  /** The first load showed the sites' rows first (a large workspace): the view lists the sites collapsed. */
  get manySites(): boolean {
    return this.sliced;
  }

  /** The tree as last built (empty until `load()` has run). */
  get current(): SiteTree {
    return this.tree;
  }

  /** Reads the workspace once and starts watching; later calls wait for the same load. */
  load(by = 'a command'): Promise<void> {
    this.firstScreen.loadAskedBy(by);
    this.loading ??= this.scan(true);
    return this.loading;
  }

  /**
   * Resolves when the view has rows to show: the whole tree, or, on a workspace whose plans take a while
   * to read, the sites' rows first (each saying it is checking). Commands wait for `load()`, never this.
   */
  rowsReady(): Promise<void> {
    const loaded = this.load('the view');
    return Promise.race([loaded, this.firstRows.promise]);
  }

  /** Reads every file again (the Refresh command); the tree shows what it showed until the new one is built. */
  async reload(): Promise<void> {
    await this.load();
    this.loading = this.scan(false);
    await this.loading;
    // Asked for explicitly: folders that could not be read are a failure the engineer sees, not only a log line.
    if (this.unreadable.length) throw new Error(this.unreadable.map((p) => `${p.path}: ${p.message}`).join('; '));
  }

  /** Folders the last scan could not read (logged; Refresh reports them). */
  private unreadable: { path: string; message: string }[] = [];

  private async scan(first: boolean): Promise<void> {
    const started = Date.now();
    this.firstScreen.readBegan(started);
    this.scanning = true;
    let read: ReadFile[];
    let sliced = false;
    try {
      // The engine's discovery rule, as the language server and the CLI walk (git-ignored folders are skipped).
      const found = findBmsFiles(folderPaths());
      this.unreadable = found.problems;
      for (const p of found.problems) this.log.warn(`${p.path}: ${p.message}`);
      const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      read = await inSlices(this.readEach(found.files.map((p) => vscode.Uri.file(p)), open), false);
      for (const file of this.index.allFiles()) this.index.remove(file.uri);
      // Site files first: on a large workspace their rows show while the plans are read and the tree is
      // built, in slices that leave the extension host free to answer the view.
      const sites: ReadFile[] = [];
      const rest: ReadFile[] = [];
      for (const r of read) (SITE_DOCUMENT.test(r.text) ? sites : rest).push(r);
      sliced = first && rest.reduce((n, r) => n + r.text.length, 0) > ROWS_FIRST_BYTES;
      if (sliced) {
        this.sliced = true;
        // In slices too: 200 site files take half a second to parse, which the extension host should not wait for.
        await inSlices(this.parseEach(sites), false);
        this.tree = buildSiteRows(this.index, rest.length);
        void vscode.commands.executeCommand('setContext', 'bmsLicense.hasSites', this.tree.roots.length > 0);
        this.firstRows.resolve();
        this.log.info(`Rows shown for ${this.tree.roots.length} site(s) after ${Date.now() - started} ms; the plans are read next.`);
        this.changed.fire();
        const rest$ = inSlices(this.parseEach(rest)).then(() => inSlices(siteTreeSteps(this.treeInput()))).then((tree) => this.publish(tree));
        void vscode.window.withProgress({ location: { viewId: SITES_VIEW } }, () => rest$);
        await rest$;
      } else {
        for (const r of read) this.parse(r);
      }
      if (first) this.watch();
    } finally {
      this.scanning = false;
    }
    // An open document edited while the files were read: its latest text, not the one read.
    for (const r of read) if (r.version !== undefined && vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri.toString())?.version !== r.version) this.pendingText.add(r.uri.toString());
    // The sliced load published its tree already: rebuild only for the edits made meanwhile.
    if (!sliced) this.dirty = true;
    this.flush();
    this.log.info(`Read ${read.length} site/plan file(s), ${this.tree.roots.length} site(s), in ${Date.now() - started} ms.`);
  }

  private *parseEach(files: ReadFile[]): Generator<void> {
    for (const r of files) {
      this.parse(r);
      yield;
    }
  }

  /** The files' texts, a file at a time (the caller yields between slices on a large workspace). */
  private *readEach(uris: vscode.Uri[], open: Map<string, vscode.TextDocument>): Generator<void, ReadFile[]> {
    const out: ReadFile[] = [];
    for (const uri of uris) {
      const r = this.text(uri, open.get(uri.toString()));
      if (r) out.push(r);
      yield;
    }
    return out;
  }

  /**
   * An open document's text, or the file's from the disk. Read with node's fs, as the discovery rule found it
   * (a `file:` uri, on this machine): `workspace.fs` would cost the extension host a turn per file, on a small
   * site most of the time to its first rows.
   */
  private text(uri: vscode.Uri, doc?: vscode.TextDocument): ReadFile | undefined {
    try {
      return { uri, text: doc ? doc.getText() : UTF8.decode(readFileSync(uri.fsPath)), version: doc?.version };
    } catch (e) {
      this.index.remove(uri.toString());
      this.log.warn(`Cannot read ${uri.fsPath}: ${(e as Error).message}`);
      return undefined;
    }
  }

  private parse({ uri, text }: ReadFile): void {
    try {
      // The language server's item-by-item parse (faster on a folder of 200 sites); its cache is kept for open documents only.
      this.index.setFile(readText(this.parsers.get(uri.toString()) ?? new IncrementalParser(uri.toString()), text).file);
    } catch (e) {
      this.index.remove(uri.toString());
      this.log.warn(`Cannot parse ${uri.fsPath}: ${(e as Error).message}`);
    }
  }

  /** A file that is no longer the workspace's (deleted, or not found by the discovery rule once closed). */
  private forget(uri: vscode.Uri): void {
    this.index.remove(uri.toString());
    this.schedule();
  }

  private read(uri: vscode.Uri, doc?: vscode.TextDocument): void {
    const r = this.text(uri, doc);
    if (r) this.parse(r);
  }

  private watch(): void {
    const files = vscode.workspace.createFileSystemWatcher(SITE_GLOB);
    const onFile = (uri: vscode.Uri) => {
      // Open documents are followed by their edits; the disk matters once they are closed.
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
      if (uri.scheme !== 'file' || !isDiscovered(uri.fsPath, folderPaths())) {
        if (this.index.file(uri.toString())) this.forget(uri);
        return;
      }
      this.read(uri);
      this.schedule();
    };
    files.onDidCreate(onFile, undefined, this.disposables);
    files.onDidChange(onFile, undefined, this.disposables);
    files.onDidDelete((uri) => (this.index.remove(uri.toString()), this.schedule()), undefined, this.disposables);
    const ledgers = vscode.workspace.createFileSystemWatcher(LEDGER_GLOB);
    const onLedger = (uri: vscode.Uri) => {
      if ([...this.ledgers.paths.values()].includes(uri.fsPath)) this.schedule();
    };
    ledgers.onDidCreate(onLedger, undefined, this.disposables);
    ledgers.onDidChange(onLedger, undefined, this.disposables);
    ledgers.onDidDelete(onLedger, undefined, this.disposables);
    this.disposables.push(
      files,
      ledgers,
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.edited(d)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (!isBmsDocument(d)) return;
        this.parsers.delete(d.uri.toString());
        // Closed, a file the discovery rule does not find (git-ignored…) leaves the workspace again.
        if (d.uri.scheme !== 'file' || !isDiscovered(d.uri.fsPath, folderPaths())) this.forget(d.uri);
        else {
          this.read(d.uri);
          this.schedule();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bmsLicense.expiryWarningDays')) this.schedule();
      }),
    );
  }

  private edited(doc: vscode.TextDocument): void {
    if (!isBmsDocument(doc) || doc.uri.scheme !== 'file') return;
    this.pendingText.add(doc.uri.toString());
    this.schedule();
  }

  /** Debounced: many edits or file events make one rebuild. */
  schedule(): void {
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), REBUILD_MS);
  }

  /**
   * Applies pending edits and rebuilds now (a command is about to use the model). Nothing changed since the
   * last rebuild: nothing to do. A listener of `onDidChange` may call this (the dashboard does), so it must
   * never publish a tree that did not change: that would fire the event again, forever.
   */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // While the files are read the index is partial: the scan applies the edits and rebuilds when it ends.
    if (!this.loading || this.scanning) return;
    if (!this.dirty && this.pendingText.size === 0) return;
    this.applyPendingText();
    this.rebuild();
  }

  private applyPendingText(): void {
    for (const uri of this.pendingText) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (!doc) continue;
      let parser = this.parsers.get(uri);
      if (!parser) this.parsers.set(uri, (parser = new IncrementalParser(uri)));
      this.index.setFile(readText(parser, doc.getText()).file);
    }
    this.pendingText.clear();
  }

  /** Builds the tree from the index and fresh ledgers now, and tells the listeners. */
  rebuild(): void {
    if (this.scanning) return; // the scan rebuilds once every file is read
    this.dirty = false;
    this.publish(buildSiteTree(this.treeInput()));
  }

  private treeInput(): TreeInput {
    this.ledgers = readSiteLedgers(this.index, this.session.ledgers);
    const expiryWarningDays = vscode.workspace.getConfiguration('bmsLicense').get<number>('expiryWarningDays', 30);
    return { index: this.index, ledgers: this.ledgers.states, ledgerNotes: this.ledgers.notes, ledgerProblems: this.ledgers.problems, usageOf: this.usageOf, licensesLogOf: this.licensesLogOf, expiryWarningDays, pendingChanges: true };
  }

  private publish(tree: SiteTree): void {
    this.tree = tree;
    // Said once per distinct problem, not on every rebuild.
    for (const [site, note] of this.ledgers.notes) {
      if (this.saidNotes.has(`${site}\u0000${note}`)) continue;
      this.saidNotes.add(`${site}\u0000${note}`);
      this.log.warn(`Site ${site}: ${note}`);
    }
    void vscode.commands.executeCommand('setContext', 'bmsLicense.hasSites', this.tree.roots.length > 0);
    void vscode.commands.executeCommand('setContext', 'bmsLicense.scanned', true);
    this.changed.fire();
  }

  /** What a workflow needs about a site; undefined when no Site has that name. */
  siteFiles(name: string): SiteFiles | undefined {
    const site = this.index.site(name);
    if (!site || !site.uri.startsWith('file:')) return undefined;
    const siteFile = fileURLToPath(site.uri);
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(site.uri));
    const plans = this.index.plansFor(name);
    return {
      site,
      plans,
      siteFile,
      ledgerPath: ledgerPathFor(site, siteFile),
      root: folder?.uri.fsPath ?? path.dirname(siteFile),
      // The tree's check of this site, kept while its files are unchanged: the command acts on what the tree shows.
      check: siteCheckOf(this.index, site, plans, new Date()),
    };
  }

  /** The ledger fold of each site, by name, as of the last rebuild. */
  get ledgerStates(): SiteLedgers['states'] {
    return this.ledgers.states;
  }

  /** The index as it is now (the validate command runs the rules on it). */
  get workspaceIndex(): WorkspaceIndex {
    return this.index;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/** The workspace folders on disk, where the discovery rule walks. */
function folderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

export function isBmsDocument(doc: vscode.TextDocument): boolean {
  return BMS_FILE.test(doc.uri.path);
}

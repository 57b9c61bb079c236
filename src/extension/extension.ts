// The extension host side: the "BMS Licenses" view, the commands, and the language client. Loading the bundle
// makes the view and activate() registers the rest; files are read when the view shows or asks for its rows,
// the language server starts when a `*.bms.yaml` document is opened or the view has its first screen.
// First: its top level stamps when the bundle began to run.
import { bundleStarted } from './loadTime';
import * as vscode from 'vscode';
import { useBundle } from '../engine/l10n';
import { registerCommandTable, type CommandHandlers } from './commands/registry';
import { lazyFeatures } from './lazy';
import { LanguageServer } from './languageServer';
import { isBmsDocument } from './sites';
import { registerTasks } from './tasks/provider';
import { createSitesView, type SitesView } from './view';

/** The bundle's modules have all run (bench/activation.ts reads how long they took). */
const bundleLoaded = Date.now();

/**
 * The view, made as the bundle loads, before VS Code calls activate() (view.ts says why); activate() takes it
 * (and makes its own when called again, or when this one could not be made).
 */
let early: SitesView | undefined = makeEarly();

function makeEarly(): SitesView | undefined {
  try {
    // The engine's words in the display language, for a read that begins before activate().
    useBundle(vscode.l10n?.uri?.fsPath);
    return createSitesView();
  } catch {
    // activate() makes the view again: a failure there is one VS Code shows as the activation's.
    return undefined;
  }
}

export function activate(context: vscode.ExtensionContext): void {
  const called = Date.now();
  // The engine's words (tree, findings) in VS Code's display language: the same bundle as vscode.l10n.
  useBundle(vscode.l10n?.uri?.fsPath);
  const { log, sites, view, disposables } = early ?? createSitesView();
  early = undefined;
  const server = new LanguageServer(context, log);
  // The language client registers itself in context.subscriptions when it starts, which stops it.
  context.subscriptions.push(...disposables);
  // Every contributed command, registered in one place with one trust check, progress and failure message; their
  // code (and the dashboard's) is dist/features.js, loaded when one is first run.
  const commands: CommandHandlers = {
    ...lazyFeatures({ context, sites, log, view, startServer: () => server.start() }),
    'bmsLicense.showOutput': () => server.showOutput(),
  };
  context.subscriptions.push(...registerCommandTable(commands, log));
  registerTasks(context);

  // The walkthrough's "Open the BMS Licenses tree" step ticks on this key (the view may be open before the step shows).
  const shown = () => {
    // The view will ask for its rows: read the files now rather than after its round trips (a small site's rows
    // then show a few hundred milliseconds sooner).
    // The language server starts once they are read and the view has its first screen (the sites, then the rows
    // of those it shows expanded: one more round trip): both at once compete for the same cores, and starting it
    // (loading dist/client.js, forking the server) holds the extension host a while, which held back the
    // expanded site's rows by 300 ms. (A view hidden again before it asked gets no rows: the server then starts
    // a second later all the same.)
    void sites
      .load('the visible view')
      .then(() => Promise.race([sites.firstScreen.whenGiven(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]))
      .finally(() => afterTheReplies(() => server.start()));
    void vscode.commands.executeCommand('setContext', 'bmsLicense.treeShown', true);
  };
  if (view.visible) shown();
  context.subscriptions.push(
    view.onDidChangeVisibility((e) => {
      if (e.visible) shown();
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isBmsDocument(d)) server.start();
    }),
  );
  if (vscode.workspace.textDocuments.some(isBmsDocument)) server.start();
  // Each moment as its own time (the log stamps a line when it writes it, which can be a while later).
  const took = Date.now() - called;
  log.info(`BMS License Workbench activated at ${new Date(called).toISOString()} (its bundle ran from ${new Date(bundleStarted).toISOString()} for ${bundleLoaded - bundleStarted} ms; activate() took ${took} ms).`);
}

/**
 * Runs `f` two timer turns from now: the extension host sends its replies (the rows just given) from a timer
 * scheduled when they resolve, so `f` waits until they are on their way.
 */
function afterTheReplies(f: () => void): void {
  setTimeout(() => setTimeout(f, 0), 0);
}

export function deactivate(): void {
  // Everything is in context.subscriptions; the language client stops with them.
}

// Files not open in the editor: read from disk at start and whenever the client reports a change.
import { readFileSync } from 'node:fs';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { findBmsFiles, isDiscovered, uriOf } from '../engine/load/files';
import { BMS_FILE } from '../engine/load/globs';
import { canonicalUri, isFileUri, pathOfUri } from '../engine/load/uri';
import type { LiveWorkspace } from '../engine/service/workspace';

/** Folder uris → every `*.bms.yaml` below them (the one discovery rule, load/files.ts), read into the workspace. Returns the uris to publish. */
export function loadFolders(workspace: LiveWorkspace, folderUris: string[], isOpen: (uri: string) => boolean): string[] {
  const paths = folderUris.flatMap((u) => (isFileUri(u) ? [pathOfUri(u)] : []));
  const out = new Set<string>();
  for (const path of findBmsFiles(paths).files) {
    const uri = uriOf(path);
    if (isOpen(uri)) continue;
    const text = read(path);
    if (text !== undefined) for (const u of workspace.update(uri, text)) out.add(u);
  }
  return [...out];
}

/** Applies watched-file events for files the editor does not hold; returns the uris to publish. */
export function applyFileEvents(workspace: LiveWorkspace, events: FileEvent[], isOpen: (uri: string) => boolean, folderUris: string[]): { publish: string[]; removed: string[] } {
  const roots = folderUris.flatMap((u) => (isFileUri(u) ? [pathOfUri(u)] : []));
  const publish = new Set<string>();
  const removed: string[] = [];
  for (const event of events) {
    const uri = canonicalUri(event.uri);
    if (!isFileUri(uri) || !BMS_FILE.test(uri) || isOpen(uri)) continue;
    // A file the walk does not find (git-ignored, in node_modules…) is not the workspace's, unless the editor opens it.
    const found = event.type !== FileChangeType.Deleted && isDiscovered(pathOfUri(uri), roots);
    if (!found && !workspace.has(uri)) continue;
    const text = found ? read(pathOfUri(uri)) : undefined;
    if (text === undefined) {
      for (const u of workspace.remove(uri)) publish.add(u);
      removed.push(uri);
    } else for (const u of workspace.update(uri, text)) publish.add(u);
  }
  return { publish: [...publish], removed };
}

/** Whether the walk of the workspace folders finds the file (the one discovery rule, load/files.ts). */
export function isDiscoveredUri(uri: string, folderUris: string[]): boolean {
  return isFileUri(uri) && isDiscovered(pathOfUri(uri), folderUris.flatMap((u) => (isFileUri(u) ? [pathOfUri(u)] : [])));
}

/** A file's text from disk, undefined when it cannot be read (deleted meanwhile, no permission…). */
export function readDisk(uri: string): string | undefined {
  return isFileUri(uri) ? read(pathOfUri(uri)) : undefined;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

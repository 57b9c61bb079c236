// Files not open in the editor: read from disk at start and whenever the client reports a change.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { findBmsFiles, uriOf } from '../engine/load/files';
import { BMS_FILE } from '../engine/load/globs';
import type { LiveWorkspace } from '../engine/service/workspace';

/** Folder uris → every `*.bms.yaml` below them, parsed into the workspace. Returns the uris to publish. */
export function loadFolders(workspace: LiveWorkspace, folderUris: string[], isOpen: (uri: string) => boolean): string[] {
  const paths = folderUris.flatMap((u) => (u.startsWith('file:') ? [fileURLToPath(u)] : []));
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
export function applyFileEvents(workspace: LiveWorkspace, events: FileEvent[], isOpen: (uri: string) => boolean): { publish: string[]; removed: string[] } {
  const publish = new Set<string>();
  const removed: string[] = [];
  for (const e of events) {
    if (!e.uri.startsWith('file:') || !BMS_FILE.test(e.uri) || isOpen(e.uri)) continue;
    const text = e.type === FileChangeType.Deleted ? undefined : read(fileURLToPath(e.uri));
    if (text === undefined) {
      for (const u of workspace.remove(e.uri)) publish.add(u);
      removed.push(e.uri);
    } else for (const u of workspace.update(e.uri, text)) publish.add(u);
  }
  return { publish: [...publish], removed };
}

/** A file's text from disk, undefined when it cannot be read (deleted meanwhile, no permission…). */
export function readDisk(uri: string): string | undefined {
  return uri.startsWith('file:') ? read(fileURLToPath(uri)) : undefined;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

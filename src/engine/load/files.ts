// Finding and reading `*.bms.yaml` files on disk (the CLI; the language server reads from its documents).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BmsFile } from './parse';
import { WorkspaceIndex } from './workspace';

export const BMS_FILE = /\.bms\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.bmslicense', '.cache', 'dist', 'out']);

export type LoadProblem = { path: string; message: string };

/** Every `*.bms.yaml` under the given files or folders, sorted; problems for paths that cannot be read. */
export function findBmsFiles(paths: string[]): { files: string[]; problems: LoadProblem[] } {
  const files = new Set<string>();
  const problems: LoadProblem[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    for (const entry of entries) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(p);
      } else if (entry.isFile() && BMS_FILE.test(entry.name)) files.add(p);
    }
  };
  for (const raw of paths) {
    const p = resolve(raw);
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push({ path: raw, message: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.add(p);
  }
  return { files: [...files].sort(), problems };
}

export function uriOf(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

/** Loads files into a new index (parsed by `read`, else whole). Files that cannot be read are returned as problems, not thrown. */
export function loadWorkspace(paths: string[], read?: (uri: string, text: string) => BmsFile): { index: WorkspaceIndex; paths: Map<string, string>; problems: LoadProblem[] } {
  const { files, problems } = findBmsFiles(paths);
  const index = new WorkspaceIndex();
  const byUri = new Map<string, string>();
  for (const path of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      problems.push({ path, message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    const uri = uriOf(path);
    byUri.set(uri, path);
    if (read) index.setFile(read(uri, text));
    else index.setText(uri, text);
  }
  return { index, paths: byUri, problems };
}

// Finding and reading `*.bms.yaml` files on disk (the CLI; the language server reads from its documents).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ignore, { type Ignore } from 'ignore';
import type { BmsFile } from './parse';
import { WorkspaceIndex } from './workspace';
import { decodeUtf8, notUtf8Problem } from './encoding';
import { addLinks } from './links';

export { BMS_FILE } from './globs';
import { BMS_FILE } from './globs';
const SKIP_DIRS = new Set(['node_modules', '.git', '.bmslicense', '.cache', 'dist', 'out']);

export type LoadProblem = { path: string; message: string };

/** The `.gitignore` rules of the folders above a path in the walk, each with the folder it is relative to. */
type IgnoreRules = { base: string; rules: Ignore }[];

function gitignoreOf(dir: string, above: IgnoreRules): IgnoreRules {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return above;
  }
  return [...above, { base: dir, rules: ignore().add(text) }];
}

function ignored(p: string, isDir: boolean, rules: IgnoreRules): boolean {
  return rules.some((r) => r.rules.ignores(relative(r.base, p).split('\\').join('/') + (isDir ? '/' : '')));
}

/**
 * Every `*.bms.yaml` under the given files or folders, sorted; problems for paths that cannot be read.
 * A folder walk skips what its `.gitignore` files ignore (copies, build output) and `node_modules`; a file
 * named on its own is always read.
 */
export function findBmsFiles(paths: string[]): { files: string[]; problems: LoadProblem[] } {
  const files = new Set<string>();
  const problems: LoadProblem[] = [];
  const walk = (dir: string, above: IgnoreRules) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (if it holds no site or plan file, add it to .gitignore to skip it)` });
      return;
    }
    const rules = gitignoreOf(dir, above);
    for (const entry of entries) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !ignored(p, true, rules)) walk(p, rules);
      } else if (entry.isFile() && BMS_FILE.test(entry.name) && !ignored(p, false, rules)) files.add(p);
      else if (entry.isSymbolicLink() && BMS_FILE.test(entry.name) && !ignored(p, false, rules)) links.push(p);
    }
  };
  const roots = paths.map((raw) => resolve(raw));
  const links: string[] = [];
  for (const raw of paths) {
    const p = resolve(raw);
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push({ path: raw, message: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) walk(p, []);
    else files.add(p);
  }
  addLinks(links, roots, files, problems);
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
      const decoded = decodeUtf8(readFileSync(path));
      if (!decoded.ok) {
        problems.push({ path, message: notUtf8Problem(decoded) });
        continue;
      }
      text = decoded.text;
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

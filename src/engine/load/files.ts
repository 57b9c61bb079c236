// Finding and reading `*.bms.yaml` files on disk: the one discovery rule of every face (the CLI, the language server, the extension host).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { BmsFile } from './parse';
import { WorkspaceIndex } from './workspace';
import { readBmsText } from './incremental/read';
import { uriOfPath } from './uri';
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

/**
 * Whether a folder walk of `roots` finds the file at `p` (findBmsFiles' rule): a site or plan file below
 * one of them, in no skipped folder and not git-ignored. A file watcher's event counts only then; a file
 * the engineer opens in the editor is checked whatever this says.
 */
export function isDiscovered(p: string, roots: string[]): boolean {
  const file = resolve(p);
  if (!BMS_FILE.test(file)) return false;
  for (const raw of roots) {
    const root = resolve(raw);
    const rel = relative(root, file);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) continue;
    const parts = rel.split(/[\\/]/);
    let dir = root;
    let rules = gitignoreOf(dir, []);
    let found = true;
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      if (SKIP_DIRS.has(part) || ignored(dir, true, rules)) {
        found = false;
        break;
      }
      rules = gitignoreOf(dir, rules);
    }
    if (found && !ignored(file, false, rules)) return true;
  }
  return false;
}

/** The canonical uri of a path (uri.ts): the one key of a file everywhere. */
export function uriOf(path: string): string {
  return uriOfPath(path);
}

/** Loads files into a new index (read by `read`, else by the one reader every face uses). Files that cannot be read are returned as problems, not thrown. */
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
    index.setFile((read ?? readBmsText)(uri, text));
  }
  return { index, paths: byUri, problems };
}

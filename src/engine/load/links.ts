// Symbolic links to site and plan files (monorepos share them): followed when the file they point at is
// inside the workspace, reported (never silently skipped) when it is outside or missing.
import { realpathSync, statSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';

export type LinkedFile = { ok: true } | { ok: false; message: string };

/** Whether the link `link`, found under one of `roots`, may be read as a site or plan file. */
export function followLink(link: string, roots: string[]): LinkedFile {
  let real: string;
  try {
    real = realpathSync(link);
    if (!statSync(real).isFile()) return { ok: false, message: 'a link to something that is not a file: not read' };
  } catch {
    return { ok: false, message: 'a link to a file that does not exist (a broken link): not read. Fix or delete the link' };
  }
  const inside = roots.some((r) => {
    let root: string;
    try {
      root = realpathSync(r);
    } catch {
      root = resolve(r);
    }
    const rel = relative(root, real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
  if (inside) return { ok: true };
  return { ok: false, message: `a link to ${real}, outside the workspace: not read (a workspace is judged by what is in it). Copy the file in, or open the folder that holds both` };
}

/** Adds the links that may be read to `files`, once per real file (a link to a file the walk found is that file); the others are problems. */
export function addLinks(links: string[], roots: string[], files: Set<string>, problems: { path: string; message: string }[]): void {
  if (links.length === 0) return;
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const seen = new Set([...files].map(real));
  for (const link of links.sort()) {
    const linked = followLink(link, roots);
    if (!linked.ok) {
      problems.push({ path: link, message: linked.message });
      continue;
    }
    const target = real(link);
    if (seen.has(target)) continue;
    seen.add(target);
    files.add(link);
  }
}

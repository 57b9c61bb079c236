// Reading an offline response file without surprises: a file reached through a symbolic link that leaves
// the workspace is refused (a repository could carry `responses/x.response.json -> ~/.ssh/id_rsa`), and so
// is anything that is not a regular file or is larger than any response (checked before reading it).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A response is a few KiB; anything near this is not one. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export type ResponseRead = { ok: true; text: string } | { ok: false; code: 'unsafe-link' | 'too-large' | 'not-a-file' | 'unreadable'; message: string };

/** `workspace`: the folder the files belong to; a path inside it whose real location is outside is refused. */
export function readResponseFile(file: string, workspace: string): ResponseRead {
  const name = path.basename(file);
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (e) {
    return { ok: false, code: 'unreadable', message: `${name}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const root = realOr(workspace);
  if (inside(path.resolve(file), path.resolve(workspace)) && !inside(real, root)) {
    return { ok: false, code: 'unsafe-link', message: `${name} refused: it is a symbolic link (or in a linked folder) that leads out of the workspace, to ${real}. Nothing was changed. Copy the response file itself into the workspace, or name it where it really is.` };
  }
  let fd: number;
  try {
    fd = fs.openSync(real, 'r');
  } catch (e) {
    return { ok: false, code: 'unreadable', message: `${name}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, code: 'not-a-file', message: `${name} refused: it is not a regular file. Nothing was changed. Name the *.response.json files from the LAS.` };
    if (st.size > MAX_RESPONSE_BYTES) {
      return { ok: false, code: 'too-large', message: `${name} refused: it is ${(st.size / 1024 / 1024).toFixed(1)} MiB, and a response from the LAS is a few KiB (at most 1 MiB): it was not read. Nothing was changed. Check that this is the response file.` };
    }
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = fs.readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return { ok: true, text: buf.subarray(0, got).toString('utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function inside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

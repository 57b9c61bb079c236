// The one seam through which the engine writes what must not be lost (the ledger, its lock, the simulator's
// state): plain `fs` calls, with a hook that tests use to make any of them fail as a full, read-only or
// forbidden disk would (tests run as root, where chmod stops nothing). Errors of the file system become a
// message with the file, what it means and what to do.
import * as fs from 'node:fs';

export type DiskOp = 'open' | 'write' | 'fsync' | 'truncate' | 'rename' | 'link' | 'mkdir' | 'writeFile' | 'statfs';

/** Called before each operation; throws to make it fail (tests only). `written` caps a write's bytes (a short write). */
export type DiskFault = (op: DiskOp, file: string) => void | { written: number };

let fault: DiskFault | undefined;

/** Makes disk operations fail as `f` says, until called again with undefined (tests). */
export function injectDiskFault(f: DiskFault | undefined): void {
  fault = f;
}

/** An error as the file system gives it: `ENOSPC: no space left on device, write`. */
export function diskError(code: string, op: DiskOp, file: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${op} '${file}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.path = file;
  e.syscall = op;
  return e;
}

function check(op: DiskOp, file: string): { written: number } | undefined {
  const r = fault?.(op, file);
  return r ?? undefined;
}

export const disk = {
  open(file: string, flags: number | string, mode?: number): number {
    check('open', file);
    return fs.openSync(file, flags, mode);
  },
  /** Writes the whole buffer (looping on short writes); an injected short write writes part of it, then fails. */
  write(fd: number, file: string, buf: Buffer): void {
    const short = check('write', file);
    if (short) {
      fs.writeSync(fd, buf, 0, Math.min(short.written, buf.length));
      throw diskError('ENOSPC', 'write', file);
    }
    let written = 0;
    while (written < buf.length) written += fs.writeSync(fd, buf, written, buf.length - written);
  },
  fsync(fd: number, file: string): void {
    check('fsync', file);
    fs.fsyncSync(fd);
  },
  truncate(fd: number, file: string, size: number): void {
    check('truncate', file);
    fs.ftruncateSync(fd, size);
  },
  rename(from: string, to: string): void {
    check('rename', to);
    fs.renameSync(from, to);
  },
  link(from: string, to: string): void {
    check('link', to);
    fs.linkSync(from, to);
  },
  mkdir(dir: string): void {
    check('mkdir', dir);
    fs.mkdirSync(dir, { recursive: true });
  },
  writeFile(file: string, text: string, flag: string): void {
    check('writeFile', file);
    fs.writeFileSync(file, text, { flag });
  },
  /** Bytes free for this user on the file system holding `dir`; undefined where it cannot be told. */
  freeBytes(dir: string): number | undefined {
    check('statfs', dir);
    try {
      const s = fs.statfsSync(dir);
      return Number(s.bavail) * Number(s.bsize);
    } catch {
      return undefined;
    }
  },
};

const MEANING: Record<string, { what: string; todo: string }> = {
  ENOSPC: { what: 'the disk is full', todo: 'free some space on that disk (or move the workspace to a disk with room)' },
  EDQUOT: { what: 'your disk quota is used up', todo: 'free some space within your quota' },
  EACCES: { what: 'you may not write there', todo: "give your user write access to the file and its folder (on Windows: the file's Properties, Security)" },
  EPERM: { what: 'the operating system refuses the change (a read-only or immutable file, or another program holds it)', todo: 'clear the read-only/immutable flag, or close the program that holds the file (antivirus, a sync client, an editor)' },
  EROFS: { what: 'the disk is mounted read-only', todo: 'work on a writable copy of the workspace, or remount the disk writable' },
  ENAMETOOLONG: { what: 'the path is longer than the file system allows', todo: 'move the workspace to a shorter path (on Windows, enable long paths or use a folder near the drive root)' },
  EIO: { what: 'the disk reported an input/output error', todo: 'check the disk (and the network share, if the workspace is on one), then try again' },
  EMFILE: { what: 'too many files are open', todo: 'close other programs, then try again' },
  EBUSY: { what: 'the file is busy (held by another program)', todo: 'close the program that holds it, then try again' },
};

/** The errno codes `describeDiskError` explains. */
export function isDiskError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code! in MEANING;
}

/** `Cannot write hospital-north.ledger.jsonl: the disk is full (ENOSPC). Free some space…` */
export function describeDiskError(e: NodeJS.ErrnoException, doing: string, file = e.path): string {
  const m = MEANING[e.code ?? ''];
  const where = file ? ` ${file}` : '';
  if (!m) return `Cannot ${doing}${where}: ${e.message}.`;
  return `Cannot ${doing}${where}: ${m.what} (${e.code}). ${m.todo[0]!.toUpperCase()}${m.todo.slice(1)}, then run the command again.`;
}

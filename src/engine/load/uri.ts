// One spelling of a file's uri, made before it keys anything (the index, the open documents, the ledgers).
// VS Code writes `file:///c%3A/Hospital%20North%20%28v2%29/site.bms.yaml`; Node's pathToFileURL writes
// `file:///C:/Hospital%20North%20(v2)/site.bms.yaml`: the same file. The canonical form is VS Code's
// (`vscode-uri`'s toString): every character but `A-Z a-z 0-9 - . _ ~` and `/` percent-encoded as UTF-8
// with upper-case hex, the drive letter lower-case with its colon encoded, the host lower-case.
import * as path from 'node:path';

const KEPT = /[A-Za-z0-9\-._~/]/;
/** `C:\…`, `C:/…` */
const WIN32_DRIVE = /^[A-Za-z]:[\\/]/;
/** `\\server\share\…` */
const UNC = /^[\\/]{2}[^\\/]+[\\/]/;

function encodePath(p: string): string {
  let out = '';
  for (const ch of p) {
    if (KEPT.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Decodes each run of `%XX` that is valid UTF-8; a stray `%` stays as it is. */
function decodePath(p: string): string {
  return p.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function canonicalPath(decoded: string): string {
  // `/C:/x` and `/c:/x` are one file on Windows; VS Code writes the drive letter lower-case.
  return decoded.replace(/^\/([A-Za-z]):(?=\/|$)/, (_m, drive: string) => `/${drive.toLowerCase()}:`);
}

/** The canonical uri of `uri` (any spelling of a file uri); a uri of another scheme is returned as it is. */
export function canonicalUri(uri: string): string {
  const m = /^file:(?:\/\/([^/]*))?(.*)$/i.exec(uri);
  if (!m) return uri;
  const authority = (m[1] ?? '').toLowerCase();
  let rest = m[2].replace(/[?#].*$/, '');
  if (!rest.startsWith('/')) rest = `/${rest}`;
  return `file://${encodePath(authority)}${encodePath(canonicalPath(decodePath(rest)))}`;
}

/** The canonical uri of a path: POSIX, or Windows (`C:\…`, `c:/…`, `\\server\share\…`) on any machine. */
export function uriOfPath(p: string): string {
  if (UNC.test(p)) {
    const [host, ...parts] = p.slice(2).split(/[\\/]/);
    return `file://${encodePath(host.toLowerCase())}${encodePath(`/${parts.join('/')}`)}`;
  }
  if (WIN32_DRIVE.test(p)) return `file://${encodePath(canonicalPath(`/${path.win32.normalize(p).split('\\').join('/')}`))}`;
  const abs = path.resolve(p);
  // On Windows path.resolve gives `C:\…`.
  if (WIN32_DRIVE.test(abs) || UNC.test(abs)) return uriOfPath(abs);
  return `file://${encodePath(abs)}`;
}

/** The file path of a file uri in any spelling: a Windows path (`c:\…`, `\\server\share\…`) for a drive or a host, else POSIX. */
export function pathOfUri(uri: string): string {
  const canonical = canonicalUri(uri);
  const m = /^file:\/\/([^/]*)(.*)$/.exec(canonical);
  if (!m) throw new Error(`not a file uri: ${uri}`);
  const host = decodePath(m[1]);
  const p = decodePath(m[2]);
  if (host) return `\\\\${host}${p.split('/').join('\\')}`;
  if (/^\/[a-z]:(\/|$)/.test(p)) return path.win32.normalize(p.slice(1));
  return p;
}

/** Whether the uri is of a file (the only kind that has a ledger or a place on disk). */
export function isFileUri(uri: string): boolean {
  return /^file:/i.test(uri);
}

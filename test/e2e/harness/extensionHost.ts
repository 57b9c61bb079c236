// The extension host code-server forked for a session: its memory, read from /proc, so a suite can fail a
// run whose extension host runs away (a loop that allocates) instead of timing out without a reason.
import { readdirSync, readFileSync } from 'node:fs';

/** A memory limit for the extension host far below what a runaway reaches (it was seen at 4 GB). */
export const EXTENSION_HOST_LIMIT_MIB = 600;

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function descends(pid: number, ancestor: number): boolean {
  for (let p: number | undefined = pid, hops = 0; p && p > 1 && hops < 32; p = parentOf(p), hops++) if (p === ancestor) return true;
  return false;
}

/** The pids of the extension hosts under the code-server process `serverPid`. */
export function extensionHostPids(serverPid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (/--type=extensionHost|extensionHostProcess/.test(cmdline) && descends(Number(entry), serverPid)) pids.push(Number(entry));
  }
  return pids;
}

/** The resident memory of the largest extension host under `serverPid`, in MiB (0 when none runs). */
export function extensionHostRssMiB(serverPid: number): number {
  let max = 0;
  for (const pid of extensionHostPids(serverPid)) {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      max = Math.max(max, kb / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(max);
}

// Child process groups started by the harness; killed on stop() and, as a last resort, when mocha exits.
import type { ChildProcess } from 'node:child_process';

const groups = new Set<number>();

/** Remembers a child spawned with `detached: true` (its own process group). */
export function trackProcessGroup(child: ChildProcess): void {
  if (child.pid) groups.add(child.pid);
}

export function untrackProcessGroup(child: ChildProcess): void {
  if (child.pid) groups.delete(child.pid);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM to the whole group (code-server forks its extension host), SIGKILL if it lingers. */
export function killGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  const pid = child.pid;
  if (!pid) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signalGroup(pid, 'SIGKILL'); // children of the group that outlive its leader
      resolve();
    };
    const timer = setTimeout(finish, graceMs);
    if (child.exitCode !== null || child.signalCode !== null) return finish();
    child.once('exit', finish);
    signalGroup(pid, 'SIGTERM');
  });
}

// Synchronous on purpose: 'exit' handlers cannot wait.
process.on('exit', () => {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
});

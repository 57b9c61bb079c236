// Watches the extension host while a suite runs commands: a command that has not answered (its visible
// answer did not show) within its time, or an extension host above EXTENSION_HOST_LIMIT_MIB while it ran,
// fails the run with the command's name.
import type { CodeServer } from './codeServer';
import { EXTENSION_HOST_LIMIT_MIB, extensionHostRssMiB } from './extensionHost';

export interface CommandWatch {
  /**
   * Runs `answered` (starts command `id` and waits for what it shows) under the watch; throws naming `id`
   * when it takes longer than `limitMs` or the extension host grew past the limit meanwhile.
   */
  command(id: string, answered: () => Promise<unknown>, limitMs?: number): Promise<void>;
  /** The ids run so far, in order. */
  readonly ran: readonly string[];
  /** The largest extension host seen, in MiB. */
  readonly peakMiB: number;
  stop(): void;
}

export function watchExtensionHost(server: CodeServer, limitMiB = EXTENSION_HOST_LIMIT_MIB, sampleMs = 250): CommandWatch {
  const ran: string[] = [];
  let peak = 0;
  let during = 0;
  const sample = () => {
    const now = extensionHostRssMiB(server.pid);
    peak = Math.max(peak, now);
    during = Math.max(during, now);
  };
  const timer = setInterval(sample, sampleMs);
  timer.unref();
  return {
    ran,
    get peakMiB() {
      return peak;
    },
    async command(id, answered, limitMs = 20_000) {
      ran.push(id);
      during = 0;
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timeout = setTimeout(() => reject(new Error(`${id} did not answer within ${limitMs / 1000} s (extension host at ${extensionHostRssMiB(server.pid)} MiB)`)), limitMs);
      });
      try {
        await Promise.race([answered(), late]);
      } catch (e) {
        const message = (e as Error).message;
        throw new Error(message.startsWith(id) ? message : `${id}: ${message}`);
      } finally {
        clearTimeout(timeout);
      }
      sample();
      if (during > limitMiB) throw new Error(`${id}: the extension host reached ${during} MiB while it ran (limit ${limitMiB} MiB)`);
    },
    stop: () => clearInterval(timer),
  };
}

// When the view got its first rows and its first screen, said once each in the log with their own times
// (bench/activation.ts and the e2e suite time a small site's opening by these lines), and a promise for the
// first screen (the language server starts after it: extension.ts).
import type { Log } from './log';
import { deferred } from './slices';

export class FirstScreen {
  private readonly screen = deferred();
  private saidRows = false;
  private saidScreen = false;
  private readStarted: number | undefined;
  private firstLoadBy: string | undefined;

  constructor(private readonly log: Log) {}

  /** Who asked for the first read (the first caller counts). */
  loadAskedBy(by: string): void {
    this.firstLoadBy ??= by;
  }

  /** The first read began (later reads do not count). */
  readBegan(at: number): void {
    this.readStarted ??= at;
  }

  /** The view got its first rows: said once, with the time since the first read began. */
  rowsGiven(count: number): void {
    if (this.saidRows || count === 0) return;
    this.saidRows = true;
    // Its own time in the line: the log channel stamps a line when it writes it, which can be a while later.
    const now = Date.now();
    const began = this.readStarted;
    this.log.info(`Rows given to the view at ${new Date(now).toISOString()}: ${count} site(s), ${began === undefined ? '?' : now - began} ms after the first read began (at ${began === undefined ? '?' : new Date(began).toISOString()}, for ${this.firstLoadBy}).`);
  }

  /** The view also got the rows of the sites it shows expanded (a small workspace's servers): its first screen is complete. */
  screenGiven(): void {
    this.screen.resolve();
    if (this.saidScreen || !this.saidRows) return;
    this.saidScreen = true;
    this.log.info(`First screen given to the view at ${new Date().toISOString()}.`);
  }

  /** Resolves once the view has the rows of its first screen: the sites, and those of the sites shown expanded. */
  whenGiven(): Promise<void> {
    return this.screen.promise;
  }
}

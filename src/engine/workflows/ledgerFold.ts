// The ledger of one run, read and folded once (under the site's lock, where nobody else appends) and kept up
// to date as the run appends: a big history is not read again for every step. Read again only if the file
// is not the size this run left it (a hand edit meanwhile).
import * as fs from 'node:fs';
import { fold, foldInto, type LedgerState } from '../ledger/fold';
import type { JudgedLedger } from '../ledger/judged';
import { readLedger, type LedgerEvent } from '../ledger/ledger';

export class LedgerFold {
  private folded: LedgerState;
  private size: number;

  constructor(
    private readonly file: string,
    read: Pick<JudgedLedger, 'events'>,
  ) {
    this.folded = fold(read.events);
    this.size = sizeOf(file);
  }

  state(): LedgerState {
    const now = sizeOf(this.file);
    if (now !== this.size) {
      this.folded = fold(readLedger(this.file).events);
      this.size = now;
    }
    return this.folded;
  }

  /** Events this run appended (whole, `bytes` long): added to the fold without reading the file again. */
  appended(events: LedgerEvent[], bytes: number): void {
    const now = sizeOf(this.file);
    if (now === this.size + bytes) foldInto(this.folded, events);
    else this.folded = fold(readLedger(this.file).events); // someone else wrote too: read it all again
    this.size = now;
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

// The workspace's local state folder, `.bmslicense/`: the simulator's state and keys, the usage and licenses-log
// caches. It is never committed, so it ignores itself as tool caches do (a `.gitignore` holding `*` inside it):
// a repository that never ran the starter (which also adds `.bmslicense/` to the workspace's .gitignore) does not
// commit the simulator's state or its signing key, and two branches cannot conflict on it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { disk } from './ledger/disk';

export const STATE_FOLDER = '.bmslicense';
/** What the state folder's own `.gitignore` holds. */
export const STATE_FOLDER_GITIGNORE = '# Local state of BMS License Workbench (LAS simulator, caches): never committed.\n*\n';

/**
 * `mkdir -p dir`; when `dir` is in a `.bmslicense` folder, that folder gets its `.gitignore` first if it has none
 * (one the engineer wrote is kept as it is). Every writer under `.bmslicense/` makes its folder with this.
 */
export function makeStateDir(dir: string): void {
  const parts = path.resolve(dir).split(path.sep);
  const at = parts.indexOf(STATE_FOLDER);
  if (at > 0) {
    const state = parts.slice(0, at + 1).join(path.sep);
    fs.mkdirSync(state, { recursive: true });
    try {
      fs.writeFileSync(path.join(state, '.gitignore'), STATE_FOLDER_GITIGNORE, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  disk.mkdir(dir); // the file-system seam: a full or read-only disk is named, not an internal error
}

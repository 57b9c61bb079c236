// What the language server needs of the disk, through the service: which files are ours, where they are,
// each site's ledger and License Server usage readings. (The server imports only src/engine/service.)
import { fileURLToPath } from 'node:url';
import { ledgerPathFor } from '../ledger/ledger';
import { uriOf } from '../load/files';
import type { WorkspaceIndex } from '../load/workspace';

export { BMS_FILE, BMS_GLOB, LEDGER_GLOB, USAGE_FILE, USAGE_GLOB } from '../load/globs';
export { findBmsFiles, uriOf } from '../load/files';
export { usageReaderForSites } from '../lmstat/cache';

/** The uri of every site's ledger (`spec.ledger`, or `<name>.ledger.jsonl` beside the site file). */
export function ledgerUris(index: WorkspaceIndex): Set<string> {
  const out = new Set<string>();
  for (const site of index.sites()) if (site.uri.startsWith('file:')) out.add(uriOf(ledgerPathFor(site, fileURLToPath(site.uri))));
  return out;
}

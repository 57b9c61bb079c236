// The one set of file patterns: which files are site and plan files, ledgers and usage readings. The
// language client, the server's watchers, the tree and the CodeLens all use these.

/** Site and plan files. */
export const BMS_GLOB = '**/*.bms.{yaml,yml}';
/** The same as a test of a path or uri. */
export const BMS_FILE = /\.bms\.ya?ml$/i;
/** Folders never searched for site files. */
export const EXCLUDED_GLOB = '**/{node_modules,.git,.bmslicense,dist,out}/**';
/** Ledgers: `<site>.ledger.jsonl` by default; `spec.ledger` may name any `.jsonl` file. */
export const LEDGER_GLOB = '**/*.jsonl';
/** License Server usage readings cached by the extension and the CLI. */
export const USAGE_GLOB = '**/.bmslicense/lmstat/**/*.json';
export const USAGE_FILE = /\/\.bmslicense\/lmstat\/.*\.json$/;
/** Licenses logs imported for a License Server (Import Licenses Log…, `bmslicense licenses-log --site`). */
export const LICENSES_LOG_GLOB = '**/.bmslicense/licenses-log/**/*.json';

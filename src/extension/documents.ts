// Which documents are ours: the `bms-yaml` language that package.json gives `*.bms.yaml` / `*.bms.yml`
// (so the extension wakes for them and not for every YAML file), and the same files by name when a user
// maps them back to `yaml` with files.associations. No vscode import: the unit tests read these.

import { BMS_GLOB } from '../engine/load/globs';

export { BMS_GLOB };
export const BMS_LANGUAGE_ID = 'bms-yaml';

/** The language client's and the status item's selector. */
export const BMS_DOCUMENTS = [
  { scheme: 'file', language: BMS_LANGUAGE_ID },
  { scheme: 'file', pattern: BMS_GLOB },
];

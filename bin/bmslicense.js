#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/cli.js (the npm package ships it, built by `prepack`; in a clone,
// `npm run build` or `npm test` makes it).
'use strict';
const path = require('node:path');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
let main;
try {
  main = require(cli).main;
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(cli)) {
    process.stderr.write(`bmslicense: ${cli} is missing. In a clone of the repository, run \`npm run build\` first; otherwise install the released package: npm install --global bms-license-workbench\n`);
    process.exit(2);
  }
  throw e;
}
main();

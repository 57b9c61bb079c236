#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/cli.js by `npm run build` (run by `npm ci` through `prepare`).
require('../dist/cli.js').main();

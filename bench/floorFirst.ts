// The floor as a process meets it the first time: a fresh Node.js process that loads `yaml` and ajv,
// compiles the LicensePlan schema and reads the plan in one `yaml` parse, as a plain language server
// would on its first open. Run by lspScenarios.ts with the plan on stdin; prints the milliseconds.
import { readFileSync } from 'node:fs';

import { parseAllDocuments } from 'yaml';
import Ajv from 'ajv';

const text = readFileSync(0, 'utf8');
const schema = JSON.parse(readFileSync(`${__dirname}/../schemas/licenseplan.schema.json`, 'utf8')) as object;
// From here: what the first open costs (the modules are loaded, as in a server that has started).
const start = performance.now();
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, keywords: ['markdownDescription', 'defaultSnippets'] });
const validate = ajv.compile(schema);
const [doc] = parseAllDocuments(text);
validate((doc as { toJS(): unknown }).toJS());
process.stdout.write(String(performance.now() - start));

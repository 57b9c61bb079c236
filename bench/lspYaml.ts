// The same measurements for yaml-language-server given our schema (optional comparison for bench:lsp).
// Install it apart: `npm install --no-save yaml-language-server@2.0.0` in a temp folder, then set
// YAML_LANGUAGE_SERVER to its bin/yaml-language-server. It checks only the schema, so its edits are schema errors.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../test/lsp/harness';

export interface Measured {
  openToDiagnosticsMs: number;
  editMs: number[];
  peakRssMiB: number;
}

export async function measureYamlLanguageServer(server: string, site: string, plan: string, edits: number): Promise<Measured> {
  const schema = pathToFileURL(resolve(__dirname, '../schemas/licenseplan.schema.json')).href;
  const settings = { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false }, maxItemsComputed: 100_000, schemas: { [schema]: '*.bms.yaml' } };
  const client = new TestClient({ 'site.bms.yaml': site }, { server, configuration: (section) => (section === 'yaml' ? settings : {}) });
  await client.start();
  await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: settings } });
  const uri = client.uri('plan.bms.yaml');
  let t = performance.now();
  const opened = client.nextDiagnostics(uri);
  await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: plan } });
  await opened;
  const openToDiagnosticsMs = performance.now() - t;
  const lines = plan.split('\n');
  const editMs: number[] = [];
  for (let i = 0; i < edits; i++) {
    const line = 8_000 + Math.floor(i / 2) * 397;
    const col = lines[line].indexOf('quantity: 1') + 'quantity: '.length;
    const breaking = i % 2 === 0;
    const onLine = (p: { diagnostics: { range: { start: { line: number } } }[] }) => p.diagnostics.some((d) => d.range.start.line === line);
    const next = client.nextDiagnostics(uri, (p) => onLine(p) === breaking);
    t = performance.now();
    await client.changeNoWait('plan.bms.yaml', [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: breaking ? 'x' : '1' }]);
    await next;
    editMs.push(performance.now() - t);
  }
  const peakRssMiB = client.peakRssMiB();
  await client.stop();
  return { openToDiagnosticsMs, editMs, peakRssMiB };
}

// Version names and 7.0 tiers as the editor shows them (issue 28): each finding on its exact range, as you type.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Hover } from 'vscode-languageserver-protocol';
import { toCachedUsage, usageFile, writeUsage } from '../../src/engine/lmstat/cache';
import { importLmstat } from '../../src/engine/lmstat/source';
import { brief, diag, range, TestClient } from './harness';
import { positionOf, SOUTH_PLAN, SOUTH_SITE } from './fixtures';

const NO_TIER = SOUTH_SITE.replace('  tier: advanced\n', '');
const ESSENTIAL = SOUTH_SITE.replace('tier: advanced', 'tier: essential').replace('spec:\n', 'spec:\n  licenseServers:\n    - { id: ls-s, host: ec.south.local, address: "@localhost" }\n');
const SEATS = SOUTH_PLAN.replace('  assignments:\n', '        - { activationId: ACT-WS, feature: client.station, licenseType: network, quantity: 5, expires: permanent }\n  assignments:\n');

/** The span of `needle` (its first occurrence, or the one after `after`) as a diagnostic range. */
function on(text: string, needle: string, code: string, after?: string) {
  const at = after === undefined ? positionOf(text, needle) : positionOf(text, after + needle, after.length);
  return diag(code, at.line, at.character, at.line, at.character + needle.length);
}

describe('lsp: version names and 7.0 tiers', () => {
  let client: TestClient;
  afterEach(() => client.stop());

  it('BMS055 on the version of a 7.0 site without a tier, cleared when the tier is typed', async () => {
    client = new TestClient({ 'south.bms.yaml': NO_TIER });
    await client.start(['south.bms.yaml']);
    const ds = await client.open('south.bms.yaml', NO_TIER);
    assert.deepEqual(brief(ds), [on(NO_TIER, '"7.0"', 'BMS055')]);
    assert.equal(ds[0].severity, 3, 'information');
    const end = positionOf(NO_TIER, '"7.0"', '"7.0"'.length);
    assert.deepEqual(await client.change('south.bms.yaml', [{ range: range(end.line, end.character, end.line, end.character), text: '\n  tier: essential' }]), []);
  });

  it('BMS054 on a release year the catalog does not know; a known one (2024, unquoted) is read as 6.0', async () => {
    client = new TestClient({ 'south.bms.yaml': SOUTH_SITE });
    await client.start(['south.bms.yaml']);
    const unknown = NO_TIER.replace('version: "7.0"', 'version: "2025"');
    const ds = await client.open('south.bms.yaml', unknown);
    assert.deepEqual(brief(ds), [on(unknown, '"2025"', 'BMS054')]);
    assert.match(String(ds[0].message), /2022 = 4\.0, 2023 = 5\.0, 2024 = 6\.0/);
    const at = positionOf(unknown, '"2025"');
    // 2024 is 6.0: no tier finding, the Enterprise Central needs a License Server below 7.0 (BMS031), and the
    // plan's centralized base license gets BMS024.
    const plan = client.nextDiagnostics(client.uri('south-plan.bms.yaml'), (p) => p.diagnostics.some((d) => d.code === 'BMS024'));
    await client.open('south-plan.bms.yaml', SOUTH_PLAN);
    const six = await client.change('south.bms.yaml', [{ range: range(at.line, at.character, at.line, at.character + 6), text: '2024' }]);
    assert.deepEqual(brief(six).map((d) => d.code), ['BMS031']);
    await plan;
  });

  it('a tier below 7.0 is a schema error (BMS002) on the tier', async () => {
    client = new TestClient({ 'south.bms.yaml': SOUTH_SITE });
    await client.start(['south.bms.yaml']);
    const old = SOUTH_SITE.replace('version: "7.0"', 'version: "6.0"');
    const ds = await client.open('south.bms.yaml', old);
    assert.deepEqual(brief(ds).filter((d) => d.code === 'BMS002'), [on(old, 'advanced', 'BMS002')]);
    assert.match(String(ds.find((d) => d.code === 'BMS002')!.message), /tiers .* come with EBO 7\.0/);
  });

  it('BMS056 on the feature of client.station seats planned on a 7.0 site', async () => {
    client = new TestClient({ 'south.bms.yaml': SOUTH_SITE });
    await client.start(['south.bms.yaml']);
    const ds = await client.open('south-plan.bms.yaml', SEATS);
    assert.deepEqual(brief(ds), [on(SEATS, 'client.station', 'BMS056')]);
    assert.match(String(ds[0].message), /not recognize/);
  });

  it('BMS057 on the License Server of an Essential site once a reading shows more than 3 clients in use', async () => {
    client = new TestClient({ 'south.bms.yaml': ESSENTIAL });
    await client.start(['south.bms.yaml']);
    assert.deepEqual(await client.open('south.bms.yaml', ESSENTIAL), []);
    const dir = mkdtempSync(join(tmpdir(), 'bms-lmstat-'));
    try {
      const file = join(dir, 'lmstat.txt');
      writeFileSync(file, ['License server status: 27000@ec', '', 'ec: license server UP (MASTER) v11.16.2', '', 'Feature usage info:', '', 'Users of client.station:  (Total of 10 licenses issued;  Total of 5 licenses in use)', ''].join('\n'));
      const reading = await importLmstat(file);
      assert.ok(reading.ok);
      const next = client.nextDiagnostics(client.uri('south.bms.yaml'), (p) => p.diagnostics.some((d) => d.code === 'BMS057'));
      assert.ok((await writeUsage(client.folder, toCachedUsage(reading.value, { site: 'south', licenseServer: 'ls-s', address: '@localhost' }))).ok);
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(usageFile(client.folder, 'south', 'ls-s')).href, type: 1 }] });
      const found = (await next).diagnostics.filter((d) => d.code === 'BMS057');
      assert.deepEqual(brief(found), [on(ESSENTIAL, 'ls-s', 'BMS057')]);
      assert.match(String(found[0].message), /our reading/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('completion offers the versions with both names; hover on the version key says both', async () => {
    client = new TestClient({ 'south.bms.yaml': SOUTH_SITE });
    await client.start(['south.bms.yaml']);
    const text = SOUTH_SITE.replace('version: "7.0"', 'version: ');
    await client.open('south.bms.yaml', text);
    const at = positionOf(text, 'version: ', 'version: '.length);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: client.uri('south.bms.yaml') }, position: at });
    const v2024 = items.find((i) => i.label === '"2024"');
    assert.ok(v2024, JSON.stringify(items.map((i) => i.label)));
    assert.match(String(v2024.detail), /6\.0/);
    assert.match(String(items.find((i) => i.label === '"6.0"')?.detail), /2024/);
    const key = positionOf(text, 'version', 2);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri('south.bms.yaml') }, position: key });
    assert.match((hover.contents as { value: string }).value, /2022 = 4\.0, 2023 = 5\.0, 2024 = 6\.0/);
  });
});

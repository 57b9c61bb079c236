import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { licenseState } from '../../../src/engine/ledger/fold';
import { loadWorkspace } from '../../../src/engine/load/files';
import { readSiteLedgers } from '../../../src/engine/tree/ledgers';
import { siteYaml } from '../../support/fixtures';

describe('readSiteLedgers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bms-tree-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('folds the ledger named by the site, beside the site file, and notes ignored lines', () => {
    writeFileSync(join(dir, 'site.bms.yaml'), siteYaml({ name: 's1', activation: 'simulator', ledger: 'records/s1.jsonl', servers: [{ id: 'as-1', type: 'as-p' }] }));
    mkdirSync(join(dir, 'records'));
    writeFileSync(
      join(dir, 'records', 's1.jsonl'),
      '{"at":"2026-11-20T10:00:00Z","op":"activate","site":"s1","target":"as-1","activationId":"A-1","quantity":2,"transaction":"T-1"}\n{"at":"2026-11-2',
    );
    const { index } = loadWorkspace([dir]);
    const ledgers = readSiteLedgers(index);
    assert.equal(ledgers.paths.get('s1'), join(dir, 'records', 's1.jsonl'));
    assert.equal(licenseState(ledgers.states.get('s1')!, 'as-1', 'A-1')?.status, 'activated');
    assert.match(ledgers.notes.get('s1')!, /1 line\(s\) ignored \(line 2: /);
  });

  it('gives an empty state when the site has no ledger yet', () => {
    writeFileSync(join(dir, 'site.bms.yaml'), siteYaml({ name: 's2' }));
    const ledgers = readSiteLedgers(loadWorkspace([dir]).index);
    assert.equal(ledgers.paths.get('s2'), join(dir, 's2.ledger.jsonl'));
    assert.equal(ledgers.states.get('s2')!.licenses.size, 0);
    assert.equal(ledgers.notes.size, 0);
  });
});

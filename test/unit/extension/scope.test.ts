import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { fold } from '../../../src/engine/ledger/fold';
import { loadWorkspace } from '../../../src/engine/load/files';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { siteYaml } from '../../support/fixtures';
import { progressTitle, refusalFor, scopeFromArgument, siteNode, sitePicks, targetPicks } from '../../../src/extension/commands/scope';

const { index } = loadWorkspace([join(__dirname, '../../../examples/hospital-north')]);
index.setText('file:///w/far.bms.yaml', siteYaml({ name: 'far-plant', connectivity: 'offline', servers: [{ id: 'as-9', type: 'as-p' }] }));
const ledger = fold([
  { at: '2026-11-20T10:00:00Z', op: 'activate', site: 'hospital-north', target: 'as-01', transaction: 'T-1', lines: [{ activationId: 'ACT-9C21-0001', quantity: 2 }] },
  { at: '2026-11-21T10:00:00Z', op: 'broken', site: 'hospital-north', target: 'as-01', transaction: 'T-1' },
]);
const tree = buildSiteTree({ index, today: new Date('2026-11-23T00:00:00Z'), ledgers: new Map([['hospital-north', ledger]]) });

describe('command scope', () => {
  it('takes site and target from the tree node the command was invoked on', () => {
    const as01 = [...tree.byId.values()].find((n) => n.target === 'as-01')!;
    assert.deepEqual(scopeFromArgument(as01), { site: 'hospital-north', target: 'as-01' });
    assert.deepEqual(scopeFromArgument(tree.roots[0]), { site: 'hospital-north', target: undefined });
    assert.deepEqual(scopeFromArgument(tree.roots[0].children[0]), { site: 'hospital-north' });
    assert.equal(scopeFromArgument(undefined), undefined);
    assert.equal(scopeFromArgument('hospital-north'), undefined);
    assert.equal(scopeFromArgument({ site: '' }), undefined);
    assert.equal(scopeFromArgument({ site: 'hospital-north', kind: 'usage', type: 'feature' }), undefined);
  });

  it('never offers offline commands on a semi-online site', () => {
    assert.match(refusalFor('createOfflineRequests', 'hospital-north', 'semi-online')!, /semi-online.*always uses the online/);
    assert.equal(refusalFor('activate', 'hospital-north', 'semi-online'), undefined);
    assert.equal(refusalFor('importOfflineResponses', 'far-plant', 'offline'), undefined);
    assert.deepEqual(sitePicks(tree, 'importOfflineResponses').map((p) => p.value), ['far-plant']);
    assert.deepEqual(sitePicks(tree, 'activate').map((p) => p.value), ['hospital-north', 'far-plant']);
  });

  it('offers the whole site first, then only the targets the command has work on', () => {
    const site = siteNode(tree, 'hospital-north')!;
    const repair = targetPicks(site, 'repair');
    assert.deepEqual(repair.map((p) => p.value), [undefined, 'as-01']);
    assert.equal(repair[0].label, 'Whole site hospital-north');
    assert.equal(repair[1].label, '    as-01', 'indented under ec-01 and es-01');
    const activate = targetPicks(site, 'activate').map((p) => p.value);
    assert.deepEqual(activate, [undefined, 'ls-eng', 'ec-01', 'es-01', 'as-01', 'as-02', 'es-02', 'as-05', 'edge-01', 'fdp-01', 'eng-script']);
    assert.deepEqual(targetPicks(site, 'importOfflineResponses').map((p) => p.value), [undefined]);
  });

  it('titles the progress with the command and its scope', () => {
    assert.equal(progressTitle('activate', { site: 's', target: 'es-01' }), 'Activate: es-01 (site s)');
    assert.equal(progressTitle('confirmReturn', { site: 's' }), 'Confirm offline return: site s');
  });
});

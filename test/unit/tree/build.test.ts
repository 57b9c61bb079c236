import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { fold } from '../../../src/engine/ledger/fold';
import type { LedgerEvent } from '../../../src/engine/ledger/ledger';
import { loadWorkspace } from '../../../src/engine/load/files';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { buildSiteTree } from '../../../src/engine/tree/build';
import type { SiteTree, TreeNode } from '../../../src/engine/tree/types';

const EXAMPLE = join(__dirname, '../../../examples/hospital-north');
const TODAY = new Date('2026-11-23T12:00:00Z');

function node(tree: SiteTree, suffix: string): TreeNode {
  const found = [...tree.byId.values()].filter((n) => n.id.endsWith(suffix));
  assert.equal(found.length, 1, `one node ending in ${suffix}, found ${found.map((n) => n.id).join(', ')}`);
  return found[0];
}

const ev = (e: Partial<LedgerEvent> & Pick<LedgerEvent, 'op'>): LedgerEvent => ({ at: '2026-11-20T10:00:00Z', site: 'hospital-north', ...e });

describe('site tree: Hospital North example', () => {
  const { index } = loadWorkspace([EXAMPLE]);

  it('shows the site with License Servers, the server hierarchy and clients', () => {
    const tree = buildSiteTree({ index, today: TODAY });
    assert.equal(tree.roots.length, 1);
    const site = tree.roots[0];
    assert.equal(site.label, 'hospital-north');
    assert.equal(site.contextValue, 'bms.site.toActivate');
    assert.deepEqual(site.children.map((c) => c.label), ['License Servers', 'ec-01', 'Clients']);
    const [lsGroup, ec, clients] = site.children;
    assert.deepEqual(lsGroup.children.map((c) => c.label), ['ls-main', 'ls-eng']);
    assert.deepEqual(ec.children.map((c) => c.label), ['es-01', 'es-02']);
    assert.deepEqual(ec.children[0].children.map((c) => c.label), ['as-01', 'as-02', 'as-03', 'as-04']);
    assert.deepEqual(ec.children[1].children.map((c) => c.type), ['as-p', 'as-p-3', 'edge-server', 'fdp-server']);
    assert.deepEqual(clients.children.map((c) => c.label), ['ws-control-room', 'ws-facilities', 'eng-laptop', 'eng-script']);
    assert.equal(node(tree, '/server:es-01').contextValue, 'bms.server.enterprise-server.toActivate');
    assert.equal(node(tree, '/licenseServer:ls-eng').contextValue, 'bms.licenseServer.toActivate');
    assert.equal(node(tree, '/client:eng-script').contextValue, 'bms.client.toActivate');
  });

  it('links every node to its parent and to the span of its id in the site file', () => {
    const tree = buildSiteTree({ index, today: TODAY });
    for (const n of tree.byId.values()) {
      if (n.parentId) assert.ok(tree.byId.get(n.parentId)!.children.includes(n), `${n.id} is a child of ${n.parentId}`);
      for (const c of n.children) assert.equal(c.parentId, n.id);
    }
    const as05 = node(tree, '/server:as-05');
    const text = index.file(as05.location!.uri)!.text;
    assert.equal(text.slice(as05.location!.focus.start, as05.location!.focus.end), 'as-05');
    assert.match(text.slice(as05.location!.span.start, as05.location!.span.end), /^\{ id: as-05, type: as-p, host: 10\.0\.2\.21 \}$/);
  });

  it('counts planned licenses per target; before anything is activated they are "not activated yet", never a violation', () => {
    const tree = buildSiteTree({ index, today: TODAY });
    const es01 = node(tree, '/server:es-01');
    // Licenses, not assignments: the base license and 2 of another on one assignment each.
    assert.equal(es01.planned, 3);
    assert.equal(es01.activated, 0);
    assert.equal(es01.status, 'planned');
    assert.match(es01.tooltip, /Status: not activated yet/);
    assert.equal(es01.description, 'Enterprise Server · 0/3 simulated');
    assert.equal(node(tree, '/server:as-01').status, 'planned');
    assert.equal(node(tree, '/server:as-03').status, 'none');
    assert.equal(node(tree, '/server:as-03').description, 'AS-P-3');
    const site = tree.roots[0];
    assert.equal(site.planned, 20, 'licenses (seats and quantities), not the assignments');
    assert.equal(site.status, 'planned');
    assert.equal(site.description, 'semi-online · simulator · 0/20 simulated');
    assert.ok(![...tree.byId.values()].some((n) => n.status === 'violation'), 'no violation on a site with nothing activated and no error');
  });

  it('keeps the same ids when the tree is built again', () => {
    const a = [...buildSiteTree({ index, today: TODAY }).byId.keys()];
    const b = [...buildSiteTree({ index, today: TODAY }).byId.keys()];
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, a.length);
  });

  it('tells what is planned, activated and with which transaction in the tooltip', () => {
    const ledger = fold([
      ev({ op: 'activate', target: 'es-01', transaction: 'T-100', mode: 'online', lines: [{ activationId: 'ACT-7F3A-0002', quantity: 1 }, { activationId: 'ACT-9C21-0003', quantity: 2 }] }),
    ]);
    const tree = buildSiteTree({ index, today: TODAY, ledgers: new Map([['hospital-north', ledger]]) });
    const es01 = node(tree, '/server:es-01');
    assert.equal(es01.status, 'activated');
    assert.equal(es01.activated, 3);
    assert.match(es01.tooltip, /\*\*es-01\*\* · Enterprise Server/);
    const act = es01.tooltip.split('\n').find((l) => l.includes('`ACT-7F3A-0002`')) ?? '';
    assert.match(act, /`server\.ec\.es`, .*planned ×1, permanent\./);
    assert.match(act, /Activated on 2026-11-20, transaction `T-100`/);
    assert.match(es01.tooltip, /Host: `es01\.hospital\.local`/);
    assert.equal(tree.roots[0].activated, 3);
  });
});

describe('site tree: states from synthetic ledgers', () => {
  const SITE = `apiVersion: bms.license/v1
kind: Site
metadata: { name: plant, customer: Acme, contact: Bo }
spec:
  version: "7.0"
  connectivity: offline
  licenseServers:
    - { id: ls-1, host: es1, address: "@localhost" }
  servers:
    - id: es-1
      type: enterprise-server
      host: es1
      children:
        - { id: as-1, type: as-p }
        - { id: as-2, type: as-b }
    - { id: fdp-1, type: fdp-server }
  clients:
    - { id: ws-1, type: workstation, licenseServers: [ls-1] }
`;
  const PLAN = `apiVersion: bms.license/v1
kind: LicensePlan
metadata: { name: plan, site: plant }
spec:
  expiryWarningDays: 10
  entitlements:
    - id: ENT-1
      products:
        - { activationId: A-BASE, feature: server.enterprise.base, licenseType: centralized, quantity: 1, expires: permanent }
        - { activationId: A-DRV, feature: smartdriver, licenseType: centralized, quantity: 4, expires: permanent }
        - { activationId: A-MQTT, feature: mqtt, licenseType: centralized, quantity: 1, expires: "2026-11-30" }
        - { activationId: A-OLD, feature: timescaledb, licenseType: centralized, quantity: 1, expires: "2026-01-01" }
        - { activationId: A-SEAT, feature: client.station, licenseType: network, quantity: 3, expires: permanent }
  assignments:
    - { server: es-1, activationId: A-BASE, quantity: 1 }
    - { server: as-1, activationId: A-DRV, quantity: 2 }
    - { server: as-2, activationId: A-MQTT, quantity: 1 }
    - { server: as-2, activationId: A-OLD, quantity: 1 }
    - { licenseServer: ls-1, activationId: A-SEAT, quantity: 3 }
`;
  const index = new WorkspaceIndex();
  index.setText('file:///w/site.bms.yaml', SITE);
  index.setText('file:///w/plan.bms.yaml', PLAN);
  const ev = (e: Partial<LedgerEvent> & Pick<LedgerEvent, 'op'>): LedgerEvent => ({ at: '2026-11-20T10:00:00Z', site: 'plant', ...e });
  const build = (events: LedgerEvent[]) => buildSiteTree({ index, today: TODAY, ledgers: new Map([['plant', fold(events)]]) });

  it('marks every node of an offline site for the offline menus', () => {
    const tree = build([]);
    assert.equal(tree.roots[0].contextValue, 'bms.site.toActivate.offline');
    assert.match(node(tree, '/server:as-1').contextValue, /^bms\.server\.as-p\b.*\.offline$/);
    assert.match(node(tree, '/licenseServer:ls-1').contextValue, /^bms\.licenseServer\b.*\.offline$/);
    assert.match(node(tree, '/client:ws-1').contextValue, /^bms\.client\b.*\.offline$/);
    assert.equal(node(tree, '/licenseServers').contextValue, 'bms.group.licenseServers');
  });

  it('a base-license server type with nothing planned is under-planned', () => {
    const fdp = node(build([]), '/server:fdp-1');
    assert.equal(fdp.status, 'under-planned');
    assert.match(fdp.description, /under-planned: fewer licenses planned/);
  });

  it('shows expired before expiring, and expiring with the plan warning days', () => {
    const tree = build([]);
    const as2 = node(tree, '/server:as-2');
    assert.equal(as2.status, 'expired');
    assert.deepEqual(as2.licenses.map((l) => [l.activationId, l.expiry]), [['A-MQTT', 'expiring'], ['A-OLD', 'expired']]);
    const old = as2.tooltip.split('\n').find((l) => l.includes('`A-OLD`')) ?? '';
    assert.match(old, /planned ×1, expires 2026-01-01 \(\*\*expired\*\*\)/);
    assert.match(old, /Not activated yet\./);
  });

  it('shows pending-offline while a request waits for its response, and activated after the import', () => {
    const requested = ev({ op: 'request-created', target: 'as-1', requestId: 'R-1', request: 'activate', lines: [{ activationId: 'A-DRV', quantity: 2 }] });
    const tree = build([requested]);
    const as1 = node(tree, '/server:as-1');
    assert.equal(as1.status, 'pending-offline');
    assert.equal(as1.licenses[0].state, 'requested');
    assert.match(as1.description, /waiting for an offline response/);
    const done = build([
      requested,
      ev({ op: 'response-imported', target: 'as-1', requestId: 'R-1', accepted: true }),
      ev({ op: 'activate', target: 'as-1', transaction: 'T-1', mode: 'offline', lines: [{ activationId: 'A-DRV', quantity: 2 }] }),
    ]);
    assert.equal(node(done, '/server:as-1').status, 'activated');
    assert.equal(node(done, '/server:as-1').description, 'AS-P · 2/2 activated');
  });

  it('shows broken until repaired, and a pending offline return until confirmed', () => {
    const act = ev({ op: 'activate', target: 'es-1', transaction: 'T-9', lines: [{ activationId: 'A-BASE', quantity: 1 }] });
    const broken = ev({ op: 'broken', target: 'es-1', transaction: 'T-9' });
    assert.equal(node(build([act, broken]), '/server:es-1').status, 'broken');
    assert.equal(node(build([act, broken, ev({ op: 'repair', target: 'es-1', transaction: 'T-9' })]), '/server:es-1').status, 'activated');
  });

  it('shows a pending offline return until it is confirmed', () => {
    const act = ev({ op: 'activate', target: 'as-1', transaction: 'T-9', lines: [{ activationId: 'A-DRV', quantity: 2 }] });
    const returned = ev({ op: 'return', target: 'as-1', transaction: 'T-9', mode: 'offline' });
    const pending = node(build([act, returned]), '/server:as-1');
    assert.equal(pending.status, 'pending-offline');
    assert.equal(pending.licenses[0].state, 'return-pending');
    const confirmed = node(build([act, returned, ev({ op: 'return-confirmed', target: 'as-1', transaction: 'T-9' })]), '/server:as-1');
    assert.equal(confirmed.licenses[0].state, 'planned');
    assert.equal(confirmed.status, 'planned');
  });

  it('a base license returned while still planned is "not activated yet" again', () => {
    const act = ev({ op: 'activate', target: 'es-1', transaction: 'T-9', lines: [{ activationId: 'A-BASE', quantity: 1 }] });
    assert.equal(node(build([act]), '/server:es-1').status, 'activated');
    assert.equal(node(build([act, ev({ op: 'return', target: 'es-1', transaction: 'T-9', mode: 'online' })]), '/server:es-1').status, 'planned');
  });

  it('asks for a reclaim when fewer licenses are activated than planned, and lists activations the plan dropped', () => {
    const tree = build([
      ev({ op: 'activate', target: 'ls-1', transaction: 'T-2', lines: [{ activationId: 'A-SEAT', quantity: 2 }] }),
      ev({ op: 'activate', target: 'ws-1', transaction: 'T-3', lines: [{ activationId: 'A-SEAT', quantity: 1 }] }),
    ]);
    const ls = node(tree, '/licenseServer:ls-1');
    assert.equal(ls.licenses[0].state, 'short');
    assert.equal(ls.status, 'planned');
    assert.equal(ls.activated, 2, 'the 2 seats active of the 3 planned');
    const ws = node(tree, '/client:ws-1');
    assert.equal(ws.licenses[0].state, 'unplanned');
    assert.equal(ws.planned, 0);
    assert.equal(ws.status, 'activated');
    const unplanned = ws.tooltip.split('\n').find((l) => l.includes('`T-3`')) ?? '';
    assert.match(unplanned, /activated ×1, .*on 2026-11-20, /);
    assert.match(unplanned, /not in the plan/);
  });

  it('rolls the worst status of the members up to the groups and the site', () => {
    const tree = build([ev({ op: 'activate', target: 'ls-1', transaction: 'T-2', lines: [{ activationId: 'A-SEAT', quantity: 3 }] })]);
    const group = node(tree, '/licenseServers');
    assert.equal(group.status, 'activated');
    assert.equal(group.description, '1 · 3/3 activated', '3 seats, one assignment');
    assert.equal(tree.roots[0].status, 'expired');
  });

  it('keeps distinct ids for duplicate ids in a site (BMS014) and for two sites with one name', () => {
    const dup = new WorkspaceIndex();
    dup.setText('file:///w/a.bms.yaml', SITE.replace('- { id: as-2, type: as-b }', '- { id: as-1, type: as-b }'));
    dup.setText('file:///w/b.bms.yaml', SITE);
    const tree = buildSiteTree({ index: dup, today: TODAY });
    assert.equal(tree.roots.length, 2);
    assert.notEqual(tree.roots[0].id, tree.roots[1].id);
    const ids = [...tree.byId.keys()];
    assert.equal(new Set(ids).size, ids.length);
  });
});

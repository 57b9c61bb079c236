// One function states a license's status for the tree, the dashboard, the report and its CSV (issue 28, items 4-6).
import { strict as assert } from 'node:assert';
import { fold } from '../../../src/engine/ledger/fold';
import type { LedgerEvent } from '../../../src/engine/ledger/ledger';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { siteReport } from '../../../src/engine/report/build';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { licenseStatus, sourceOfVia } from '../../../src/engine/tree/status';

const TODAY = new Date(2026, 10, 20);

describe('license status: the words kept apart', () => {
  it('not activated yet, under-planned and violation are three different things', () => {
    assert.equal(licenseStatus({ required: 10, planned: 10, activated: 0 }).kind, 'not-activated');
    assert.equal(licenseStatus({ required: 10, planned: 10, activated: 0 }).label, 'not activated yet');
    assert.equal(licenseStatus({ required: 10, planned: 10, activated: 4 }).label, 'not activated yet: 4 of 10 activated');
    assert.deepEqual(licenseStatus({ required: 10, planned: 8, activated: 0 }), { kind: 'under-planned', label: 'under-planned: 8 of 10 required planned' });
    assert.equal(licenseStatus({ required: 10, planned: 8, activated: 3 }).kind, 'under-planned', 'still planned licenses to activate');
    assert.deepEqual(licenseStatus({ required: 10, planned: 8, activated: 8 }), { kind: 'violation', label: 'license violation: 8 of 10 required activated' });
    assert.equal(licenseStatus({ required: 1, planned: 0, activated: 0 }).kind, 'under-planned', 'a base license not planned');
    assert.equal(licenseStatus({ planned: 5, activated: 5, used: 6 }).kind, 'violation');
    const full = licenseStatus({ planned: 5, activated: 5, used: 5 });
    assert.equal(full.kind, 'violation');
    assert.match(full.label, /^license violation: /);
    assert.match(full.label, /all 5 in use$/);
    assert.equal(licenseStatus({ planned: 5, activated: 5, used: 2 }).kind, 'activated');
    assert.equal(licenseStatus({ planned: 0, activated: 0 }).kind, 'none');
  });

  it('blocked by its code, broken, waiting and demo/engineering at handover come before the counts', () => {
    assert.deepEqual(licenseStatus({ planned: 1, activated: 0, blockedBy: { code: 'BMS020', where: 'plan.bms.yaml:40' } }), { kind: 'blocked', label: 'blocked by BMS020 (plan.bms.yaml:40)', detail: 'plan.bms.yaml:40' });
    assert.equal(licenseStatus({ planned: 1, activated: 1, lines: [{ state: 'broken' }] }).kind, 'broken');
    assert.equal(licenseStatus({ planned: 1, activated: 0, lines: [{ state: 'requested' }] }).kind, 'pending-offline');
    const demo = licenseStatus({ planned: 1, activated: 1, lines: [{ state: 'activated', licenseType: 'demo' }], stage: 'handover' });
    assert.equal(demo.kind, 'handover');
    const blockedDemo = licenseStatus({ planned: 1, activated: 0, lines: [{ state: 'planned', licenseType: 'demo' }], stage: 'handover', blockedBy: { code: 'BMS034' } });
    assert.equal(blockedDemo.kind, 'blocked', 'blocked comes first…');
    assert.match(blockedDemo.label, /^blocked by BMS034; /);
    assert.match(blockedDemo.label, /; demo license at handover/, '…and the handover action is still said');
    assert.ok(blockedDemo.handover);
    assert.match(demo.label, /^demo license at handover: /);
    assert.match(demo.label, /return it from every server/);
    assert.match(licenseStatus({ planned: 1, activated: 0, lines: [{ state: 'planned', licenseType: 'engineering' }], stage: 'handover' }).label, /Software Companion \(help 16221\)/);
    assert.equal(licenseStatus({ planned: 1, activated: 0, lines: [{ state: 'planned', licenseType: 'demo' }], stage: 'commissioning' }).kind, 'not-activated');
  });

  it('a source label, when given, goes beside the words (the ledger’s via)', () => {
    assert.deepEqual(licenseStatus({ planned: 2, activated: 2, source: 'simulated' }), { kind: 'activated', label: 'all activated (simulated)', source: 'simulated' });
    assert.equal(licenseStatus({ planned: 2, activated: 0, source: 'recorded' }).label, 'not activated yet (recorded)');
    assert.deepEqual(['simulator', 'license-administrator', 'device-administrator', 'http', undefined].map(sourceOfVia), ['simulated', 'recorded', 'recorded', 'http', undefined]);
  });
});

describe('license status in the tree and the report', () => {
  const SITE = `apiVersion: bms.license/v1
kind: Site
metadata: { name: yard, customer: Yard, contact: Bo }
spec:
  version: "7.0"
  tier: advanced
  connectivity: online
  licenseServers:
    - { id: ls-1, host: ec1, address: "@localhost" }
  servers:
    - id: ec-1
      type: enterprise-central
      host: ec1
      children:
        - id: es-1
          type: enterprise-server
          host: es1
`;
  const PLAN = `apiVersion: bms.license/v1
kind: LicensePlan
metadata: { name: plan, site: yard }
spec:
  entitlements:
    - id: ENT-1
      products:
        - { activationId: A-EC, feature: server.enterprise.central, licenseType: centralized, quantity: 1, expires: permanent }
        - { activationId: A-ES, feature: server.ec.es, licenseType: centralized, quantity: 1, expires: permanent }
        - { activationId: A-ATT, feature: automation-server-attach, licenseType: network, quantity: 1, expires: permanent }
  assignments:
    - { server: ec-1, activationId: A-EC, quantity: 1 }
    - { server: es-1, activationId: A-ES, quantity: 1 }
    - { server: es-1, activationId: A-ATT, quantity: 1 }
`;
  const index = new WorkspaceIndex();
  index.setText('file:///w/site.bms.yaml', SITE);
  index.setText('file:///w/plan.bms.yaml', PLAN);
  // The ledger's `via` (issue 25): the fold's license state carries its source; the status shows it.
  const activated = fold([{ at: '2026-11-02T09:00:00Z', op: 'activate', site: 'yard', target: 'ec-1', activationId: 'A-EC', quantity: 1, transaction: 'T-1', via: 'simulator' } as LedgerEvent], { activation: 'simulator' });

  it('the tree shows a license plan blocks as blocked by its code (BMS024: no attach license on 7.0), and the source of an activation', () => {
    const tree = buildSiteTree({ index, today: TODAY, pendingChanges: true, ledgers: new Map([['yard', activated]]) });
    const es = tree.byId.get('site:yard/server:es-1')!;
    assert.equal(es.status, 'blocked');
    assert.match(es.description, /blocked/);
    const att = /A-ATT.*\*\*blocked by (BMS\d{3})\*\* \(plan\.bms\.yaml:(\d+)\)/.exec(es.tooltip);
    assert.equal(att?.[1], 'BMS024', es.tooltip);
    assert.match(PLAN.split('\n')[Number(att![2]) - 1]!, /A-ATT/, 'the plan line that blocks it');
    const ec = tree.byId.get('site:yard/server:ec-1')!;
    assert.equal(ec.status, 'activated');
    assert.match(ec.tooltip, /Activated on 2026-11-02 \(simulated\), transaction `T-1`/);
  });

  it('the report view model (what the dashboard renders) says the same, with the source on the row', () => {
    const r = siteReport(index, 'yard', { diagnostics: [], today: TODAY, ledgerState: activated, blockerOf: (target, id) => (target === 'es-1' && id === 'A-ATT' ? { code: 'BMS024', message: 'x', uri: 'file:///w/plan.bms.yaml', span: { start: 0, end: 1 }, where: 'plan.bms.yaml:14' } : undefined) })!;
    const ec = r.targets.find((t) => t.id === 'ec-1')!;
    assert.equal(ec.licenses[0].statusLabel, 'all activated (simulated)');
    assert.equal(ec.features[0].statusLabel, 'all activated (simulated)');
    const att = r.targets.find((t) => t.id === 'es-1')!.licenses.find((l) => l.activationId === 'A-ATT')!;
    assert.deepEqual([att.status, att.statusLabel, att.statusDetail], ['blocked', 'blocked by BMS024 (plan.bms.yaml:14)', 'plan.bms.yaml:14']);
    assert.equal(r.entitlements.find((e) => e.activationId === 'A-ATT')!.status, 'blocked');
  });

  it('the tree keeps under-planned (BMS053: fewer devices licenses planned than counted) apart from not activated yet and from a violation', () => {
    const site = SITE.replace('          host: es1\n', '          host: es1\n          devices: { bacnet: 10 }\n');
    const plan = PLAN.replace('  assignments:\n', '        - { activationId: A-CD, feature: connected-devices, licenseType: centralized, quantity: 8, expires: permanent }\n  assignments:\n    - { server: es-1, activationId: A-CD, quantity: 8 }\n').replace(/.*A-ATT.*\n/g, '');
    const ix = new WorkspaceIndex();
    ix.setText('file:///w/site.bms.yaml', site);
    ix.setText('file:///w/plan.bms.yaml', plan);
    const es = (events: LedgerEvent[]) => buildSiteTree({ index: ix, today: TODAY, ledgers: new Map([['yard', fold(events)]]) }).byId.get('site:yard/server:es-1')!;
    const fresh = es([]);
    assert.equal(fresh.status, 'under-planned');
    assert.match(fresh.description, /under-planned/);
    assert.match(fresh.tooltip, /\*\*Under-planned:\*\* 10 connected-devices required, 8 planned: /);
    const ev = (activationId: string, quantity: number, transaction: string) => ({ at: '2026-11-02T09:00:00Z', op: 'activate', site: 'yard', target: 'es-1', activationId, quantity, transaction }) as LedgerEvent;
    // All 8 planned activated and the base license too: nothing left to activate, 8 of 10: what the BMS shows.
    assert.equal(es([ev('A-ES', 1, 'T-1'), ev('A-CD', 8, 'T-2')]).status, 'violation');
  });
});

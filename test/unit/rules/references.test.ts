import { strict as assert } from 'node:assert';
import { planYaml } from '../../support/fixtures';
import { at, check, codes, edit, one, PLAN, PLAN_URI, SITE, SITE_URI } from './fixtures';

describe('rules: references (BMS010–BMS014)', () => {
  it('the base site and plan are clean', () => {
    assert.deepEqual(check().all, []);
  });

  it('BMS010: an unknown server, on the id, with the closest known id', () => {
    const plan = edit(PLAN, '{ server: as-01, activationId: ACT-SD', '{ server: as-10, activationId: ACT-SD');
    const d = one(check({ plan }), 'BMS010', PLAN_URI, at(plan, 'as-10'));
    assert.match(d.message, /no server 'as-10'\./);
    assert.deepEqual(d.data, { suggestion: 'as-01' });
  });

  it('BMS010: an id that names a License Server, not a server, says which key to use', () => {
    const plan = edit(PLAN, '{ server: as-01, activationId: ACT-SD', '{ server: ls-ec, activationId: ACT-SD');
    const d = one(check({ plan }), 'BMS010', PLAN_URI, at(plan, 'ls-ec', { after: '{ server: ls-ec' }));
    assert.match(d.message, /write 'licenseServer: ls-ec'/);
  });

  it('BMS010: an unknown client computer', () => {
    const plan = edit(PLAN, '{ client: ed-01,', '{ client: ed-02,');
    const d = one(check({ plan }), 'BMS010', PLAN_URI, at(plan, 'ed-02'));
    assert.match(d.message, /no client computer 'ed-02'\./);
    assert.deepEqual(d.data, { suggestion: 'ed-01' });
  });

  it('BMS011: an unknown License Server in an assignment', () => {
    const plan = edit(PLAN, '{ licenseServer: ls-ec,', '{ licenseServer: ls-ecc,');
    const d = one(check({ plan }), 'BMS011', PLAN_URI, at(plan, 'ls-ecc'));
    assert.deepEqual(d.data, { suggestion: 'ls-ec' });
    assert.match(d.message, /Did you mean 'ls-ec'\?/);
  });

  it("BMS011: an unknown License Server in a server's licenseServer and a client's licenseServers, in the site file", () => {
    const site = edit(edit(SITE, 'licenseServer: ls-es', 'licenseServer: ls-zz'), 'licenseServers: [ls-ec]', 'licenseServers: [ls-nope]');
    const c = check({ site });
    assert.deepEqual(
      c.of('BMS011').map((d) => [d.uri, d.span]),
      [
        [SITE_URI, at(site, 'ls-zz')],
        [SITE_URI, at(site, 'ls-nope')],
      ],
    );
  });

  it('BMS012: an unknown activation id, with the closest known one', () => {
    const plan = edit(PLAN, 'activationId: ACT-SD, quantity: 2 }', 'activationId: ACT-SDD, quantity: 2 }');
    const d = one(check({ plan }), 'BMS012', PLAN_URI, at(plan, 'ACT-SDD'));
    assert.deepEqual(d.data, { suggestion: 'ACT-SD' });
  });

  it('BMS012 does not fire when the product is in another plan for the same site', () => {
    const plan = edit(PLAN, 'activationId: ACT-SD, quantity: 2 }', 'activationId: ACT-X1, quantity: 1 }');
    const other = planYaml({
      name: 'extra',
      site: 'plant',
      entitlements: [{ id: 'ENT-2', products: [{ activationId: 'ACT-X1', feature: 'smartdriver', licenseType: 'centralized', quantity: 1 }] }],
      assignments: [],
    });
    assert.deepEqual(check({ plan, extra: { 'file:///w/extra.bms.yaml': other } }).all, []);
  });

  it("BMS013: a plan for a site that is not in the workspace, on metadata.site's value", () => {
    const plan = edit(PLAN, 'site: plant', 'site: plnat');
    const c = check({ plan });
    const d = one(c, 'BMS013', PLAN_URI, at(plan, 'plnat'));
    assert.match(d.message, /No Site named 'plnat'/);
    assert.deepEqual(d.data, { suggestion: 'plant' });
    assert.deepEqual(codes(c), ['BMS013'], 'targets are not reported against a site that cannot be found');
  });

  it('BMS014: a duplicate id across servers and clients, on the second one, related to the first', () => {
    const site = edit(SITE, '{ id: ws-01, type: workstation', '{ id: as-01, type: workstation');
    const d = one(check({ site }), 'BMS014', SITE_URI, at(site, 'as-01', { nth: 2 }));
    assert.deepEqual(d.related?.map((r) => r.span), [at(site, 'as-01')]);
    assert.match(d.message, /already used by a server/);
  });
});

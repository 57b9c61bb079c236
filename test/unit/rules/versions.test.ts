import { strict as assert } from 'node:assert';
import { at, check, edit, one, PLAN, PLAN_7, PLAN_URI, SITE } from './fixtures';

const ON_7 = edit(SITE, 'version: "6.0"', 'version: "7.0"');
const CENTRALIZED = PLAN_7;
const NEW_PRODUCT = '        - { activationId: ACT-FDP, feature: fdp.server';

/** The plan with one more product (and no assignment of it). */
function withProduct(plan: string, product: string): string {
  return edit(plan, NEW_PRODUCT, `        - ${product}\n${NEW_PRODUCT}`);
}

describe('rules: the license type on the site’s EBO version (BMS024)', () => {
  it('a network Enterprise Server base license on a 7.0 site, on its licenseType, with the rule and the fix', () => {
    const c = check({ site: ON_7 });
    const found = c.of('BMS024');
    assert.deepEqual(found.map((d) => d.span), [at(PLAN, 'network', { after: 'ACT-EC' }), at(PLAN, 'network', { after: 'ACT-ES' }), at(PLAN, 'automation-server-attach')]);
    assert.match(found[1].message, /^ACT-ES \(server\.ec\.es\) /);
    assert.match(found[1].message, /is a network license/);
    assert.match(found[1].message, /\(help 12730, 12486\)/);
    assert.match(found[1].message, /Set licenseType to 'centralized'/);
    assert.deepEqual(found[1].data, { fix: 'centralized' });
    assert.deepEqual(check({ site: ON_7, plan: CENTRALIZED }).of('BMS024'), []);
  });

  it('a centralized base license below 7.0', () => {
    const found = check({ plan: CENTRALIZED }).of('BMS024');
    assert.deepEqual(found.map((d) => d.span), [at(CENTRALIZED, 'centralized', { after: 'ACT-EC' }), at(CENTRALIZED, 'centralized', { after: 'ACT-ES' })]);
    assert.match(found[0].message, /\(help 12730\)/);
    assert.match(found[0].message, /Set licenseType to 'network'/);
  });

  it('an engineering license below 7.0, and none from 7.0 on', () => {
    const product = '{ activationId: ACT-ENG, feature: client.graphiceditor, licenseType: engineering, quantity: 1, expires: "2026-12-31" }';
    const plan = withProduct(PLAN, product);
    const d = one(check({ plan }), 'BMS024', PLAN_URI, at(plan, 'engineering'));
    assert.match(d.message, /\(help 16221\)/);
    assert.match(d.message, /use a demo license/);
    assert.deepEqual(check({ site: ON_7, plan: withProduct(CENTRALIZED, product) }).of('BMS024'), []);
  });

  it('an attach license on a 7.0 site, on its feature', () => {
    const attach = '{ activationId: ACT-ATT, feature: automation-server-attach, licenseType: network, quantity: 1, expires: permanent }';
    const plan = withProduct(CENTRALIZED, attach);
    const d = one(check({ site: ON_7, plan }), 'BMS024', PLAN_URI, at(plan, 'automation-server-attach'));
    assert.match(d.message, /no attach license/);
    assert.match(d.message, /\(help 12730\)/);
    assert.deepEqual(check({ plan: withProduct(PLAN, attach) }).of('BMS024'), [], 'fine on 6.0');
  });

  it('nothing to say when the version is not a number, or the feature is the same on every version', () => {
    assert.deepEqual(check({ site: edit(SITE, 'version: "6.0"', 'version: "next"'), plan: CENTRALIZED }).of('BMS024'), []);
    assert.deepEqual(check({ site: ON_7, plan: CENTRALIZED }).all.filter((d) => d.severity === 'error'), []);
  });

  it('BMS020 says the version rule when a target fits another version only (connected devices on an AS in 3.x)', () => {
    const plan = edit(
      withProduct(PLAN, '{ activationId: ACT-CD, feature: connected-devices, licenseType: centralized, quantity: 10, expires: permanent }'),
      '    - { server: fdp-01,',
      '    - { server: as-01, activationId: ACT-CD, quantity: 10 }\n    - { server: fdp-01,',
    );
    const site = edit(SITE, 'version: "6.0"', 'version: "3.3"');
    const d = one(check({ site, plan }), 'BMS020', PLAN_URI, at(plan, 'ACT-CD', { after: 'server: as-01, activationId: ACT-CD' }));
    assert.match(d.message, /^ACT-CD \(connected-devices\) .*'as-01' on EBO 3\.3/);
    assert.match(d.message, /\(help 11031, 12865\)/);
    assert.match(d.message, /Assign it to Enterprise Server/);
    assert.deepEqual(check({ plan }).of('BMS020'), [], 'fine on 6.0');
  });
});

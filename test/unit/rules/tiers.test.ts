import { strict as assert } from 'node:assert';
import type { CachedUsage } from '../../../src/engine/lmstat/cache';
import { versionAtLeast, versionLabel, versionNumber } from '../../../src/engine/model';
import { at, check, edit, one, PLAN, PLAN_7, PLAN_URI, SITE, SITE_URI } from './fixtures';

/** The 7.0 plan that still carries the 6.0 WorkStation seats (ACT-WS, client.station). */
const PLAN_7_WS = PLAN.replace(/(server\.enterprise\.central|server\.ec\.es), licenseType: network/g, '$1, licenseType: centralized').replace(/.*ACT-ATT.*\n/g, '');

const siteOn = (version: string, extra = '') => edit(SITE, 'version: "6.0"', `version: ${version}${extra}`);

describe('rules: version names (BMS054)', () => {
  it('reads the release names as their numbers, quoted or not, and compares by the number', () => {
    assert.equal(versionNumber('2022'), '4.0');
    assert.equal(versionNumber('2024'), '6.0');
    assert.equal(versionAtLeast('2022', 7), false);
    assert.equal(versionAtLeast('2023', 5), true);
    assert.equal(versionAtLeast('2025', 0), undefined, 'an unknown year is unreadable, not 7.0 or later');
    assert.equal(versionLabel('2024'), '2024 (6.0)');
    assert.equal(versionLabel('4.0'), '4.0 (2022)');
    assert.equal(versionLabel('7.0'), '7.0');
  });

  it('a 4.0 site written "2022" gets no BMS024 for its network base licenses (it is not 7.0)', () => {
    for (const v of ['"2022"', '2022', '2024']) {
      const c = check({ site: siteOn(v) });
      assert.deepEqual(c.of('BMS024'), [], v);
      assert.deepEqual(c.of('BMS002'), [], `${v} passes the schema`);
      assert.deepEqual(c.of('BMS054'), [], v);
    }
    // and the 7.0 rules still apply by number: a network base license on 2024 is fine, on 7.0 it is not
    assert.equal(check({ site: siteOn('7.0', '\n  tier: advanced') }).of('BMS024').length > 0, true);
  });

  it('an unknown year is an error on the version, listing the known names', () => {
    const site = siteOn('"2025"');
    const d = one(check({ site }), 'BMS054', SITE_URI, at(site, '"2025"'));
    assert.match(d.message, /2022 = 4\.0, 2023 = 5\.0, 2024 = 6\.0/);
    assert.deepEqual(d.data, { known: ['2022', '2023', '2024'] });
    const unquoted = siteOn('2031');
    one(check({ site: unquoted }), 'BMS054', SITE_URI, at(unquoted, '2031'));
  });
});

describe('rules: 7.0 tiers (BMS055, BMS056, BMS057)', () => {
  it('a 7.0 site without a tier gets an information finding on its version; with one, none', () => {
    const site = siteOn('"7.0"');
    const d = one(check({ site, plan: PLAN_7 }), 'BMS055', SITE_URI, at(site, '"7.0"'));
    assert.match(d.message, /tier: essential/);
    assert.deepEqual(check({ site: siteOn('"7.0"', '\n  tier: essential'), plan: PLAN_7 }).of('BMS055'), []);
    assert.deepEqual(check().of('BMS055'), [], 'not below 7.0');
  });

  it('a tier below 7.0 is a schema error on the tier, saying tiers come with 7.0', () => {
    for (const v of ['"6.0"', '2024', '6.0']) {
      const site = siteOn(v, '\n  tier: essential');
      const d = one(check({ site }), 'BMS002', SITE_URI, at(site, 'essential'));
      assert.match(d.message, /tiers .* come with EBO 7\.0/, v);
    }
    const bad = siteOn('"7.0"', '\n  tier: premium');
    assert.match(one(check({ site: bad, plan: PLAN_7 }), 'BMS002', SITE_URI, at(bad, 'premium')).message, /advanced-plus/);
  });

  it('client.station seats on a 7.0 site: a warning on the product’s feature saying what the tiers give', () => {
    const site = siteOn('"7.0"', '\n  tier: essential');
    const d = one(check({ site, plan: PLAN_7_WS }), 'BMS056', PLAN_URI, at(PLAN_7_WS, 'client.station'));
    assert.match(d.message, /not recognize/);
    assert.match(d.message, /Essential includes 3 concurrent clients/);
    assert.deepEqual(check({ plan: PLAN }).of('BMS056'), [], 'fine on 6.0');
  });

  it('more than 3 clients in use on an Essential site (lmstat): a warning on the License Server, marked as our reading', () => {
    const site = siteOn('"7.0"', '\n  tier: essential');
    const reading = (inUse: number): CachedUsage =>
      ({
        version: 1, at: '2026-01-10T10:00:00Z', site: 'plant', licenseServer: 'ls-ec', address: '@localhost', source: { kind: 'file', file: 'lmstat.txt' },
        state: 'up', error: null, servers: [], vendorDaemons: [], statusTime: null, warnings: 0,
        features: [{ name: 'client.station', issued: 10, inUse, uncounted: false, users: [], usersOmitted: 0, queued: 0, expiry: null, error: null }],
      }) as unknown as CachedUsage;
    const usageOf = (inUse: number) => (_s: string, ls: string) => (ls === 'ls-ec' ? reading(inUse) : undefined);
    const d = one(check({ site, plan: PLAN_7 }, { usageOf: usageOf(5) }), 'BMS057', SITE_URI, at(site, 'ls-ec'));
    assert.match(d.message, /our reading/);
    assert.deepEqual(d.data, { inUse: 5, included: 3 });
    assert.deepEqual(check({ site, plan: PLAN_7 }, { usageOf: usageOf(3) }).of('BMS057'), [], 'three is what Essential gives');
    assert.deepEqual(check({ site: siteOn('"7.0"', '\n  tier: advanced'), plan: PLAN_7 }, { usageOf: usageOf(9) }).of('BMS057'), [], 'Advanced: unlimited');
  });
});

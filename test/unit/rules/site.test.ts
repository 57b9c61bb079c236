import { strict as assert } from 'node:assert';
import { addressProblems } from '../../../src/engine/flexnet/address';
import { at, check, edit, one, PLAN_7, SITE, SITE_URI } from './fixtures';

/** The base site with one more License Server that no ES/EC uses, at the given address. */
const withSpareServer = (address: string) =>
  edit(SITE, '  servers:\n', `    - { id: ls-spare, host: spare01, address: ${JSON.stringify(address)} }\n  servers:\n`);

describe('rules: the site (BMS030–BMS034)', () => {
  const bad: [string, RegExp][] = [
    ['es01', /has no '@': write '@es01'/],
    ['70000@es01', /port 70000 is out of range/],
    ['0@es01', /port 0 is out of range/],
    ['abc@es01', /'abc' before '@' is not a port number/],
    ['27000@', /names no host/],
    ['@ls 1.local', /not a valid host name/],
    ['@ls_1', /not a valid host name/],
    ['@localhost;', /entry 2 \(an empty entry/],
    ['27000@a;es02', /entry 2 \('es02' has no '@'/],
    ['@300.1.1.1', /not an IPv4 address/],
    ['', /the address is empty/],
  ];
  for (const [address, why] of bad) {
    it(`BMS030: ${JSON.stringify(address)} is a bad FlexNet address, on the address value`, () => {
      const site = withSpareServer(address);
      const d = one(check({ site }), 'BMS030', SITE_URI, at(site, JSON.stringify(address), { after: 'ls-spare' }));
      assert.match(d.message, why);
    });
  }

  for (const good of ['@localhost', '27000@localhost', '19650@localhost;@ls2.site.local', '27000@10.0.0.5', '@LS-01.Site.Local.', '65535@[fe80::1]']) {
    it(`BMS030 accepts ${good}`, () => {
      assert.deepEqual(addressProblems(good), []);
      assert.deepEqual(check({ site: withSpareServer(good) }).all, []);
    });
  }

  it('BMS031: an Enterprise Server below 7.0 without a License Server, on its id, suggesting the one on its host', () => {
    const site = edit(SITE, '          licenseServer: ls-es\n', '');
    const d = one(check({ site }), 'BMS031', SITE_URI, at(site, 'es-01'));
    assert.deepEqual(d.data, { licenseServer: 'ls-es' });
    assert.match(d.message, /Add 'licenseServer: ls-es'/);
  });

  it('BMS031 does not fire from 7.0 on', () => {
    const site = edit(edit(SITE, '          licenseServer: ls-es\n', ''), 'version: "6.0"', 'version: "7.0"\n  tier: essential');
    assert.deepEqual(check({ site, plan: PLAN_7 }).all, []);
  });

  it('BMS032: a License Server on another host than the ES it serves, on its address, with the @localhost fix', () => {
    const site = edit(SITE, '{ id: ls-es, host: es01,', '{ id: ls-es, host: ls99,');
    const d = one(check({ site }), 'BMS032', SITE_URI, at(site, '"27000@localhost"'));
    assert.deepEqual(d.data, { fix: '27000@localhost' });
    assert.match(d.message, /'ls99', .*'es-01' on 'es01'/);
    assert.deepEqual(d.related?.map((r) => r.span), [at(site, 'ls-es', { after: 'id: es-01' })]);
  });

  it('BMS032: a License Server on the same host as its EC but not addressed as @localhost', () => {
    const site = edit(SITE, 'address: "@localhost"', 'address: "@ec01"');
    const d = one(check({ site }), 'BMS032', SITE_URI, at(site, '"@ec01"'));
    assert.deepEqual(d.data, { fix: '@localhost' });
    assert.match(d.message, /'ec-01'.*'@localhost', not '@ec01'/);
  });

  it('BMS033: one License Server for two ES/EC, on its id, related to each', () => {
    const site = edit(SITE, 'licenseServer: ls-es', 'licenseServer: ls-ec');
    const c = check({ site });
    const d = one(c, 'BMS033', SITE_URI, at(site, 'ls-ec'));
    assert.deepEqual(d.related?.map((r) => r.span), [at(site, 'ls-ec', { after: 'id: ec-01' }), at(site, 'ls-ec', { after: 'id: es-01' })]);
    assert.equal(c.of('BMS032').length, 1, 'es-01 is also on another host');
  });

  it('BMS034: non-English registration details, on the value, with an English spelling', () => {
    const site = edit(SITE, 'customer: Acme Plant', 'customer: Müller Anlagen');
    const d = one(check({ site }), 'BMS034', SITE_URI, at(site, 'Müller Anlagen'));
    assert.deepEqual(d.data, { suggestion: 'Muller Anlagen' });
    assert.match(d.message, /contains 'ü'/);
    const contact = edit(SITE, 'contact: Jo Smith', 'contact: 山田');
    assert.equal(one(check({ site: contact }), 'BMS034', SITE_URI, at(contact, '山田')).data, undefined);
  });

  it("BMS034 accepts letters, digits, space and . , - & '", () => {
    const site = edit(SITE, 'customer: Acme Plant', `customer: "O'Brien & Sons, No. 2 - Ltd."`);
    assert.deepEqual(check({ site }).all, []);
  });
});

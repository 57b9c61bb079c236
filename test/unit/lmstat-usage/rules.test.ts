import { strict as assert } from 'node:assert';
import { RULES, type Diagnostic, type RuleCode } from '../../../src/engine/diagnostics';
import type { CachedUsage } from '../../../src/engine/lmstat/cache';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import type { Span } from '../../../src/engine/model';
import { validateFile, validateWorkspace } from '../../../src/engine/validate';
import { IncrementalRules } from '../../../src/engine/rules/incremental/passes';
import { IncrementalParser } from '../../../src/engine/load/incremental/incrementalParser';
import { DOWN_15, readerOf, upOutput, usage } from './readings';

const SITE_URI = 'file:///w/site.bms.yaml';
const PLAN_URI = 'file:///w/plan.bms.yaml';

const SITE = `apiVersion: bms.license/v1
kind: Site
metadata: { name: plant, customer: Acme, contact: Jo Smith }
spec:
  version: "6.0"
  connectivity: online
  activation: simulator
  licenseServers:
    - { id: ls-ec, host: ec01, address: "@localhost" }
    - { id: ls-es, host: es01, address: "27000@localhost" }
  servers:
    - id: ec-01
      type: enterprise-central
      host: ec01
      licenseServer: ls-ec
      children:
        - { id: es-01, type: enterprise-server, host: es01, licenseServer: ls-es }
`;

const PLAN = `apiVersion: bms.license/v1
kind: LicensePlan
metadata: { name: plant-2026, site: plant }
spec:
  entitlements:
    - id: ENT-1
      products:
        - { activationId: ACT-EC, feature: server.enterprise.central, licenseType: network, quantity: 1, expires: permanent }
        - { activationId: ACT-ES, feature: server.ec.es, licenseType: network, quantity: 1, expires: permanent }
        - { activationId: ACT-WS, feature: client.station, licenseType: network, quantity: 5, expires: permanent }
        - { activationId: ACT-WS2, feature: client.station, licenseType: network, quantity: 2, expires: permanent }
        - { activationId: ACT-GE, feature: client.graphiceditor, licenseType: network, quantity: 1, expires: permanent }
  assignments:
    - { server: ec-01, activationId: ACT-EC, quantity: 1 }
    - { server: es-01, activationId: ACT-ES, quantity: 1 }
    - { licenseServer: ls-ec, activationId: ACT-WS, quantity: 3 }
    - { licenseServer: ls-ec, activationId: ACT-GE }
`;

function check(readings: CachedUsage[] | undefined, plan = PLAN, site = SITE): Diagnostic[] {
  const index = new WorkspaceIndex();
  index.setText(SITE_URI, site);
  index.setText(PLAN_URI, plan);
  const options = { today: new Date(2026, 0, 15), ...(readings ? { usageOf: readerOf(readings) } : {}) };
  return [...validateWorkspace(index, options).values()].flat();
}

const of = (ds: Diagnostic[], code: RuleCode) => ds.filter((d) => d.code === code);

function spanOf(text: string, needle: string, after = ''): Span {
  const from = text.indexOf(after);
  const start = text.indexOf(needle, from + after.length);
  assert.ok(from >= 0 && start >= 0, needle);
  assert.equal(text.indexOf(needle, start + 1) === -1 || after !== '', true, `${needle} is unique or anchored`);
  return { start, end: start + needle.length };
}

function one(ds: Diagnostic[], code: RuleCode, uri: string, span: Span): Diagnostic {
  const found = of(ds, code);
  assert.equal(found.length, 1, JSON.stringify(ds.map((d) => [d.code, d.message])));
  assert.equal(found[0].severity, RULES[code].severity);
  assert.equal(found[0].uri, uri);
  assert.deepEqual(found[0].span, span);
  return found[0];
}

const SERVES_ALL = upOutput('ec01', { 'client.station': [3, 1, ['jsmith']], 'client.graphiceditor': [1, 0] });

describe('rules: the plan against License Server usage (BMS080–BMS082)', () => {
  it('no cached usage: no usage diagnostics at all', () => {
    const ds = check(undefined);
    assert.deepEqual([...of(ds, 'BMS080'), ...of(ds, 'BMS081'), ...of(ds, 'BMS082')], []);
    assert.deepEqual(check([]), ds);
  });

  it('a License Server serving everything planned, with enough seats: silent', () => {
    assert.deepEqual(check([usage(SERVES_ALL, 'plant', 'ls-ec')]), []);
  });

  it('BMS080: a planned feature the License Server does not serve, on the assignment’s licenseServer', () => {
    const text = upOutput('ec01', { 'client.station': [3, 0] });
    const ds = check([usage(text, 'plant', 'ls-ec')]);
    const d = one(ds, 'BMS080', PLAN_URI, spanOf(PLAN, 'ls-ec', 'ACT-WS, quantity: 3 }\n'));
    assert.match(d.message, /not serve client\.graphiceditor \(ACT-GE\)/);
    assert.match(d.message, /\(2026-01-15 10:20 UTC, lmutil lmstat -a -c @localhost\)/, 'when and how it was read');
    assert.deepEqual(d.data, { feature: 'client.graphiceditor', licenseServer: 'ls-ec', at: '2026-01-15T10:20:00.000Z' });
    assert.deepEqual(of(ds, 'BMS081'), []);
  });

  it('BMS081: fewer seats issued than planned, on the quantity', () => {
    const text = upOutput('ec01', { 'client.station': [2, 2, ['a', 'b']], 'client.graphiceditor': [1, 0] });
    const d = one(check([usage(text, 'plant', 'ls-ec')]), 'BMS081', PLAN_URI, spanOf(PLAN, '3', 'ACT-WS, quantity: '));
    assert.match(d.message, /issues 2 seats of client\.station/);
    assert.match(d.message, /puts 3 /);
    assert.deepEqual(d.data, { feature: 'client.station', licenseServer: 'ls-ec', issued: 2, planned: 3 });
  });

  it('BMS081 sums every assignment of the feature to that License Server, and defaults a missing quantity to 1', () => {
    const plan = `${PLAN}    - { licenseServer: ls-ec, activationId: ACT-WS2, quantity: 2 }\n`;
    const text = upOutput('ec01', { 'client.station': [4, 0], 'client.graphiceditor': [0, 0] });
    const ds = check([usage(text, 'plant', 'ls-ec')], plan);
    const found = of(ds, 'BMS081');
    assert.deepEqual(
      found.map((d) => d.span),
      [spanOf(plan, '3', 'ACT-WS, quantity: '), spanOf(plan, 'ls-ec', 'ACT-WS, quantity: 3 }\n    - { licenseServer: '), spanOf(plan, '2', 'ACT-WS2, quantity: ')].sort((a, b) => a.start - b.start),
    );
    assert.match(found[0].message, /issues 4 seats of client\.station/);
    assert.match(found[0].message, /puts 5 /);
    assert.match(found[0].message, /\(3 here, 5 in all /);
    assert.match(found[1].message, /issues 0 seats of client\.graphiceditor/);
    assert.match(found[1].message, /puts 1 /);
  });

  it('an uncounted or enough-seat feature never gives BMS081; more seats than planned is fine', () => {
    const text = upOutput('ec01', { 'client.station': [30, 0], 'client.graphiceditor': [1, 1, ['x']] });
    assert.deepEqual(check([usage(text, 'plant', 'ls-ec')]), []);
  });

  it('BMS082: a License Server down at the last refresh, on its address in the Site file, error explained', () => {
    const ds = check([usage(DOWN_15, 'plant', 'ls-es', '27000@localhost')]);
    const d = one(ds, 'BMS082', SITE_URI, spanOf(SITE, '"27000@localhost"'));
    assert.match(d.message, /^License Server 'ls-es' was down /);
    assert.match(d.message, /\(2026-01-15 10:20 UTC, lmutil lmstat -a -c 27000@localhost\)/, 'when and how it was read');
    assert.match(d.message, /\(-15,570:10061 "WinSock: Connection refused"\)/, 'the vendor error as lmstat gave it');
    assert.match(d.message, /is running/, 'what to check');
    assert.deepEqual(d.data, { licenseServer: 'ls-es', state: 'down', code: '-15', at: '2026-01-15T10:20:00.000Z' });
    assert.equal(ds.length, 1, 'a down License Server gives no BMS080/081: it served nothing to compare');
  });

  it('BMS082 is silent for a License Server that is up', () => {
    assert.deepEqual(check([usage(SERVES_ALL, 'plant', 'ls-ec'), usage(SERVES_ALL, 'plant', 'ls-es', '27000@localhost')]), []);
  });

  it('a reading of another address (the Site file changed since) is ignored', () => {
    assert.deepEqual(check([usage(DOWN_15, 'plant', 'ls-es', '27000@old-host')]), []);
    assert.deepEqual(check([usage(upOutput('x', {}), 'plant', 'ls-ec', '@OLD')]), []);
    assert.equal(of(check([usage(DOWN_15, 'plant', 'ls-es', ' 27000@LOCALHOST ')]), 'BMS082').length, 1, 'same address, other case and spaces');
  });

  it('readings of another site do not apply', () => {
    assert.deepEqual(check([usage(DOWN_15, 'other', 'ls-es', '27000@localhost'), usage(upOutput('ec01', {}), 'other', 'ls-ec')]), []);
  });
});

describe('rules: the editor’s incremental passes follow usage readings that come, change and go', () => {
  it('equal a whole pass after each step (no reading, a reading, an edit elsewhere, another reading, none)', () => {
    const index = new WorkspaceIndex();
    index.setText(SITE_URI, SITE);
    // As the language server reads an open file: unchanged items keep their objects from one edit to the next.
    const parser = new IncrementalParser(PLAN_URI);
    const edit = (text: string) => index.setFile(parser.parse(text).file);
    edit(PLAN);
    const editor = new IncrementalRules();
    let readings: CachedUsage[] = [];
    const options = () => ({ today: new Date(2026, 0, 15), usageOf: readerOf(readings) });
    const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.span.start} ${d.message}`).sort();
    const agree = (step: string) => {
      const whole = validateFile(index, PLAN_URI, options());
      const ctx = editor.context(index, options());
      const live = validateFile(index, PLAN_URI, options(), { incremental: editor, context: ctx });
      assert.deepEqual(codes(live), codes(whole), step);
      return live;
    };
    assert.deepEqual(of(agree('no reading'), 'BMS080'), []);
    readings = [usage(upOutput('ec01', { 'client.station': [3, 0] }), 'plant', 'ls-ec')];
    assert.equal(of(agree('a reading that lacks client.graphiceditor'), 'BMS080').length, 1);
    const edited = PLAN.replace('{ server: es-01, activationId: ACT-ES, quantity: 1 }', '{ server: es-01, activationId: ACT-ES }');
    edit(edited);
    assert.equal(of(agree('an edit in another bucket'), 'BMS080').length, 1);
    readings = [usage(upOutput('ec01', { 'client.station': [2, 2, ['a', 'b']], 'client.graphiceditor': [1, 0] }), 'plant', 'ls-ec')];
    const changed = agree('a new reading');
    assert.deepEqual([of(changed, 'BMS080').length, of(changed, 'BMS081').length], [0, 1]);
    // Enough seats for ACT-WS alone; a second assignment of the feature elsewhere in the plan makes both short.
    readings = [usage(upOutput('ec01', { 'client.station': [4, 0], 'client.graphiceditor': [1, 0] }), 'plant', 'ls-ec')];
    assert.deepEqual(of(agree('enough seats'), 'BMS081'), []);
    edit(`${edited}    - { licenseServer: ls-ec, activationId: ACT-WS2, quantity: 2 }\n`);
    assert.equal(of(agree('a second client.station assignment'), 'BMS081').length, 2);
    readings = [];
    assert.deepEqual(of(agree('the reading removed'), 'BMS081'), []);
  });
});

import { strict as assert } from 'node:assert';
import { parseDocument, isSeq, type Node } from 'yaml';
import { validateFragment, validateSchema } from '../../../src/engine/schema';
import { check, edit, onlyOne, PLAN, SITE, spanOfToken, tokenIn } from './fixtures';

describe('schema validation (BMS002)', () => {
  it('accepts the site and plan examples of the spec', () => {
    assert.deepEqual(check(SITE, 'Site'), []);
    assert.deepEqual(check(PLAN, 'LicensePlan'), []);
  });

  it('names an unknown key on the key, with the closest allowed key', () => {
    const text = edit(SITE, 'host: es01.hospital.local\n      licenseServer', 'hots: es01.hospital.local\n      licenseServer');
    const d = onlyOne(text, 'Site', 'hots');
    // sentence: the schema wording is the subject (an unknown key, its suggestion and the allowed keys)
    assert.equal(d.message, "Unknown key 'hots' in a server. Did you mean 'host'? Allowed keys: id, type, host, licenseServer, devices, children.");
    assert.equal(d.data?.suggestion, 'host');
  });

  it('suggests nothing when no key is close', () => {
    const d = onlyOne(edit(SITE, '  contact: Jane Smith', '  phone: "555"'), 'Site', 'phone');
    assert.equal(d.data?.suggestion, undefined);
    assert.deepEqual(d.data?.allowed, ['name', 'customer', 'contact']);
    assert.match(d.message, /^Unknown key 'phone' in 'metadata'\./);
  });

  it('takes a version written as a number (6.0, or a release name such as 2024), and says what a version is otherwise', () => {
    assert.deepEqual(check(edit(SITE, 'version: "6.0"', 'version: 6.0'), 'Site'), []);
    assert.deepEqual(check(edit(SITE, 'version: "6.0"', 'version: 2024'), 'Site'), []);
    const d = onlyOne(edit(SITE, 'version: "6.0"', 'version: true'), 'Site', 'true');
    assert.match(d.message, /a version such as "6\.0" or 2024/);
  });

  it('reports a wrong type on the value, e.g. a quoted quantity', () => {
    const d = onlyOne(edit(PLAN, 'quantity: 5, mode', 'quantity: "5", mode'), 'LicensePlan', '"5"');
    assert.match(d.message, /^'quantity' must be a whole number/);
    assert.match(d.message, /Remove the quotes\.$/);
  });

  it('lists the allowed values for a bad server type', () => {
    const d = onlyOne(edit(SITE, 'type: as-p', 'type: as-x'), 'Site', 'as-x');
    // sentence: the schema wording is the subject (a bad enum value and the values allowed)
    assert.equal(
      d.message,
      "'as-x' is not a server type. Use one of: enterprise-central, enterprise-server, as-p, as-p-3, as-b, edge-server, fdp-server.",
    );
  });

  it('reports bad enums of connectivity, license type, stage and mode', () => {
    onlyOne(edit(SITE, 'connectivity: offline', 'connectivity: semi'), 'Site', 'semi');
    onlyOne(edit(PLAN, 'licenseType: network', 'licenseType: floating'), 'LicensePlan', 'floating');
    onlyOne(edit(PLAN, 'stage: commissioning', 'stage: done'), 'LicensePlan', 'done');
    onlyOne(edit(PLAN, 'mode: offline', 'mode: semi-online'), 'LicensePlan', 'semi-online');
  });

  it('rejects an uppercase server id but accepts uppercase entitlement and activation ids', () => {
    const d = onlyOne(edit(SITE, 'id: es-01', 'id: ES-01'), 'Site', 'ES-01');
    assert.match(d.message, /^'ES-01' is not a valid id/);
    assert.match(d.message, /lowercase letters, digits and '-'/);
    const bad = onlyOne(edit(PLAN, 'id: ENT-2026-0042', 'id: ENT 2026/42'), 'LicensePlan', 'ENT 2026/42');
    assert.match(bad.message, /is not a valid Entitlement ID/);
  });

  it('reports an impossible date and says how to write one', () => {
    const d = onlyOne(edit(PLAN, 'expires: 2027-06-30', 'expires: 2026-13-45'), 'LicensePlan', '2026-13-45');
    assert.match(d.message, /^'2026-13-45' is not a date/);
    assert.match(d.message, /yyyy-mm-dd or permanent/);
  });

  it('points a missing key at the key of its mapping, never the whole file', () => {
    const noName = edit(SITE, '  name: hospital-north            # id of the site\n', '');
    const d = onlyOne(noName, 'Site', 'metadata');
    assert.deepEqual(d.data?.missing, ['name']);
    assert.match(d.message, /add 'name:'/);
    const noSpec = SITE.slice(0, SITE.indexOf('spec:'));
    const top = onlyOne(noSpec, 'Site', 'kind');
    assert.deepEqual(top.data?.missing, ['spec']);
    assert.match(top.message, /add 'spec:'/);
  });

  it('lists several keys missing from one mapping in one diagnostic', () => {
    const text = 'kind: Site\nmetadata:\n  name: x\n';
    const d = onlyOne(text, 'Site', 'kind');
    // sentence: the schema wording is the subject (two missing keys joined in one message)
    assert.equal(d.message, "Missing 'apiVersion' and 'spec' at the top of the Site: add 'apiVersion:' and 'spec:'.");
    assert.deepEqual(d.data?.missing, ['apiVersion', 'spec']);
  });

  it('says an empty value is empty, on its key', () => {
    const d = onlyOne(edit(SITE, 'type: as-p,', 'type: ,'), 'Site', 'type', 2);
    assert.match(d.message, /^'type' is empty\./);
    assert.match(d.message, /: enterprise-central,/);
    const spec = onlyOne(SITE.slice(0, SITE.indexOf('  version:')), 'Site', 'spec');
    assert.match(spec.message, /^'spec' must be a mapping/);
  });

  it('points a missing key of a list item at that item', () => {
    const text = edit(SITE, '{ id: as-01, type: as-p, host: 10.0.1.21 }', '{ id: as-01, host: 10.0.1.21 }');
    const d = onlyOne(text, 'Site', '{ id: as-01, host: 10.0.1.21 }');
    assert.match(d.message, /^Missing 'type' in a server/);
    assert.deepEqual(d.data?.missing, ['type']);
    assert.match(d.message, /: enterprise-central,/);
    const block = edit(SITE, '    - id: ls-main\n', '    - host: ls.local\n');
    onlyOne(block, 'Site', 'host: ls.local\n      host: es01.hospital.local\n      address: "@localhost"\n      hostId: "00155d01a2b3"');
  });

  it('says an assignment names exactly one target, once, whether it names two or none', () => {
    const two = edit(PLAN, '{ client: ws-eng,', '{ client: ws-eng, server: es-01,');
    const d = onlyOne(two, 'LicensePlan', tokenIn(two, 'ws-eng, server: es-01', 'server'));
    assert.deepEqual(d.data?.targets, ['server', 'client']);
    // sentence: the schema wording is the subject (which targets an assignment may name, and which it named)
    assert.equal(
      d.message,
      'An assignment names exactly one target: server, licenseServer or client (this one names both server and client).',
    );
    const none = edit(PLAN, '{ client: ws-eng, activationId', '{ activationId');
    const n = onlyOne(none, 'LicensePlan', '{ activationId: ACT-7F3A-0003, quantity: 1 }');
    assert.deepEqual(n.data?.targets, []);
    assert.match(n.message, /\(this one names none\)/);
  });

  it('reports a wrong apiVersion and a wrong kind on their values', () => {
    const d = onlyOne(edit(PLAN, 'bms.license/v1', 'bms.license/v2'), 'LicensePlan', 'bms.license/v2');
    assert.match(d.message, /not a supported apiVersion/);
    const wrongKind = onlyOne(SITE, 'LicensePlan', 'Site');
    assert.match(wrongKind.message, /kind must be LicensePlan/);
    assert.match(wrongKind.message, /\(found 'Site'\)/);
  });

  it('finds an error in a server nested two levels down', () => {
    const text = edit(SITE, '{ id: as-01, type: as-p, host: 10.0.1.21 }', '{ id: as-01, type: as-p, host: 10.0.1.21, licence: x }');
    const d = onlyOne(text, 'Site', 'licence');
    assert.match(d.message, /^Unknown key 'licence' in a server\./);
  });

  it('gives one diagnostic per problem when a document has several', () => {
    let text = edit(SITE, 'type: as-p', 'type: as-x');
    text = edit(text, 'connectivity: offline', 'connectivity: semi');
    text = edit(text, 'id: ws-eng', 'id: WS');
    const found = check(text, 'Site');
    assert.deepEqual(
      found.map((d) => text.slice(d.span.start, d.span.end)),
      ['semi', 'as-x', 'WS'],
    );
  });

  it('validates one list item on its own, with offsets into the file', () => {
    const text = edit(PLAN, '{ server: es-01, activationId', '{ server: es-01, licenseServer: ls-main, activationId');
    const doc = parseDocument(text);
    const items = doc.getIn(['spec', 'assignments'], true);
    assert.ok(isSeq(items));
    const found = validateFragment('LicensePlan', 'assignment', items.items[0] as Node, 'file:///p.bms.yaml');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].span, spanOfToken(text, 'licenseServer', 0));
    assert.deepEqual(validateFragment('LicensePlan', 'assignment', items.items[1] as Node, 'file:///p.bms.yaml'), []);
    const product = doc.getIn(['spec', 'entitlements', 0, 'products', 1], true) as Node;
    assert.deepEqual(validateFragment('LicensePlan', 'product', product, 'u'), []);
    assert.throws(() => validateFragment('LicensePlan', 'nothing', product, 'u'), /No definition 'nothing'/);
  });

  it('maps every error of a 10,000-assignment plan to its own node', () => {
    const lines = [PLAN.slice(0, PLAN.indexOf('  assignments:')), '  assignments:'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(i % 100 === 7 ? `    - { server: es-${i}, activationId: ACT-1, quanity: 1 }` : `    - { server: es-${i}, activationId: ACT-1 }`);
    }
    const text = lines.join('\n') + '\n';
    const found = validateSchema(parseDocument(text), 'LicensePlan', 'u');
    assert.equal(found.length, 100);
    assert.deepEqual(found[99].span, spanOfToken(text, 'quanity', 99));
  });
});

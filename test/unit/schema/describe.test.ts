import { strict as assert } from 'node:assert';
import { CLIENT_TYPES, CONNECTIVITY, DEVICE_KINDS, LICENSE_TYPES, MODES, SERVER_TYPES, STAGES } from '../../../src/engine/model';
import { closest, describeKey, enumAt, keysAt, schemaOf, resolve, type JsonSchema, type SchemaKind } from '../../../src/engine/schema';

describe('schema for hover and completion', () => {
  it('describes a key nested in the server hierarchy, with its allowed values', () => {
    const type = describeKey('Site', ['spec', 'servers', 0, 'children', 0, 'children', 3, 'type']);
    assert.ok(type);
    assert.deepEqual(type.enum, [...SERVER_TYPES]);
    assert.equal(type.type, 'string');
    assert.match(type.description, /Device Administrator refuses/);
    assert.equal(describeKey('Site', ['spec', 'servers', 0, 'children', 0, 'hots']), undefined);
  });

  it('explains licenseServer on an assignment with the @localhost advice', () => {
    const d = describeKey('LicensePlan', ['spec', 'assignments', 12, 'licenseServer']);
    assert.ok(d);
    assert.match(d.description, /@localhost/);
    assert.equal(d.title, 'License Server');
  });

  it('lists the keys of a server, marking the required ones', () => {
    const keys = keysAt('Site', ['spec', 'servers', 0, 'children', 1]);
    assert.deepEqual(
      keys.map((k) => [k.key, k.required]),
      [['id', true], ['type', true], ['host', false], ['licenseServer', false], ['devices', false], ['children', false]],
    );
    assert.ok(keys.every((k) => k.description.length > 10));
    assert.deepEqual(keysAt('LicensePlan', []).map((k) => k.key), ['apiVersion', 'kind', 'metadata', 'spec']);
    assert.deepEqual(keysAt('LicensePlan', ['spec', 'nothing']), []);
  });

  it('gives the values allowed at a path, including list items and constants', () => {
    assert.deepEqual(enumAt('LicensePlan', ['spec', 'entitlements', 0, 'products', 0, 'licenseType']), [...LICENSE_TYPES]);
    const appliesTo = enumAt('LicensePlan', ['spec', 'entitlements', 0, 'products', 0, 'appliesTo']);
    assert.deepEqual(appliesTo, [...SERVER_TYPES, 'license-server', ...CLIENT_TYPES]);
    assert.deepEqual(enumAt('LicensePlan', ['spec', 'entitlements', 0, 'products', 0, 'appliesTo', 2]), appliesTo);
    assert.deepEqual(enumAt('Site', ['apiVersion']), ['bms.license/v1']);
    assert.deepEqual(enumAt('Site', ['kind']), ['Site']);
    assert.equal(enumAt('Site', ['spec', 'servers', 0, 'host']), undefined);
  });

  it('keeps the schema enums equal to the engine model', () => {
    assert.deepEqual(enumAt('Site', ['spec', 'connectivity']), [...CONNECTIVITY]);
    assert.deepEqual(enumAt('Site', ['spec', 'clients', 0, 'type']), [...CLIENT_TYPES]);
    assert.deepEqual(enumAt('LicensePlan', ['spec', 'stage']), [...STAGES]);
    assert.deepEqual(enumAt('LicensePlan', ['spec', 'assignments', 0, 'mode']), [...MODES]);
  });

  it('describes every property of both schemas and closes every mapping', () => {
    for (const kind of ['Site', 'LicensePlan'] as SchemaKind[]) {
      const missing: string[] = [];
      const open: string[] = [];
      const visit = (schema: JsonSchema, where: string) => {
        if (schema.type === 'object' && schema.additionalProperties !== false) open.push(where);
        for (const [key, property] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) {
          if (typeof resolve(kind, property)?.description !== 'string') missing.push(`${where}.${key}`);
          visit(resolve(kind, property) ?? {}, `${where}.${key}`);
        }
      };
      const root = schemaOf(kind);
      visit(root, kind);
      for (const [name, def] of Object.entries(root.definitions as Record<string, JsonSchema>)) visit(def, `${kind}#${name}`);
      assert.deepEqual(missing, [], `${kind}: properties without a description`);
      assert.deepEqual(open, [], `${kind}: mappings that accept unknown keys`);
    }
  });

  it('suggests the closest key only for a likely typo', () => {
    assert.equal(closest('hots', ['id', 'type', 'host']), 'host');
    assert.equal(closest('licenceServer', ['licenseServer', 'licenseServers']), 'licenseServer');
    assert.equal(closest('activationID', ['activationId', 'quantity']), 'activationId');
    assert.equal(closest('phone', ['name', 'customer', 'contact']), undefined);
  });
});

describe('schema for hover and completion: a server’s devices (counts or a list)', () => {
  const server = ['spec', 'servers', 0];
  it('offers the device kinds as keys of the counts, and kind/name/count/devices in a list item', () => {
    assert.deepEqual(keysAt('Site', [...server, 'devices']).map((k) => k.key).slice(0, 3), ['bacnet', 'modbus', 'lonworks']);
    assert.deepEqual(keysAt('Site', [...server, 'devices', 0]).map((k) => [k.key, k.required]), [['kind', true], ['name', false], ['count', false], ['devices', false]]);
    assert.match(describeKey('Site', [...server, 'devices', 'under-mp-rp'])!.description, /Not counted from EBO 4\.0 \(help 16220\)/);
    assert.deepEqual(enumAt('Site', [...server, 'devices', 0, 'kind']), [...DEVICE_KINDS]);
    assert.deepEqual(keysAt('Site', [...server, 'devices']).map((k) => k.key), [...DEVICE_KINDS]);
  });
});

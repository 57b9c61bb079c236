// The examples of PRODUCT.md, and a way to point at a token in them as offsets.
import { strict as assert } from 'node:assert';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../../../src/engine/diagnostics';
import { validateSchema, type SchemaKind } from '../../../src/engine/schema';

export const SITE = `apiVersion: bms.license/v1
kind: Site
metadata:
  name: hospital-north            # id of the site
  customer: Northwind Health
  contact: Jane Smith
spec:
  version: "6.0"
  connectivity: offline
  ledger: hospital-north.ledger.jsonl
  licenseServers:
    - id: ls-main
      host: es01.hospital.local
      address: "@localhost"
      hostId: "00155d01a2b3"
  servers:
    - id: ec-01
      type: enterprise-central
      host: es01.hospital.local
      licenseServer: ls-main
      children:
        - id: es-01
          type: enterprise-server
          host: es01.hospital.local
          licenseServer: ls-main
          children:
            - { id: as-01, type: as-p, host: 10.0.1.21 }
  clients:
    - { id: ws-eng, type: workstation, licenseServers: [ls-main] }
`;

export const PLAN = `apiVersion: bms.license/v1
kind: LicensePlan
metadata:
  name: hospital-north-2026
  site: hospital-north
spec:
  expiryWarningDays: 30
  stage: commissioning
  entitlements:
    - id: ENT-2026-0042
      products:
        - activationId: ACT-7F3A-0001
          feature: server.enterprise.base
          licenseType: network
          quantity: 1
          expires: permanent
          appliesTo: [enterprise-server]
        - activationId: ACT-7F3A-0002
          feature: client.station
          licenseType: network
          quantity: 5
          expires: 2027-06-30
  assignments:
    - { server: es-01, activationId: ACT-7F3A-0001, quantity: 1 }
    - { licenseServer: ls-main, activationId: ACT-7F3A-0002, quantity: 5, mode: offline }
    - { client: ws-eng, activationId: ACT-7F3A-0003, quantity: 1 }
`;

/** `text` with the first `from` replaced by `to` (the test fails if `from` is absent). */
export function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture has no '${from}'`);
  return text.replace(from, to);
}

/** Offsets of the `nth` occurrence of `token` in `text`. */
export function spanOfToken(text: string, token: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(token, start + 1);
  assert.ok(start >= 0, `no '${token}' in the text`);
  return { start, end: start + token.length };
}

/** Offsets of `token` inside the first occurrence of the longer, unambiguous `context`. */
export function tokenIn(text: string, context: string, token: string): { start: number; end: number } {
  const outer = spanOfToken(text, context);
  const inner = context.indexOf(token);
  assert.ok(inner >= 0, `no '${token}' in '${context}'`);
  return { start: outer.start + inner, end: outer.start + inner + token.length };
}

export function check(text: string, kind: SchemaKind): Diagnostic[] {
  return validateSchema(parseDocument(text), kind, 'file:///site.bms.yaml');
}

/** Asserts exactly one BMS002 diagnostic, on `token` (or the given span), and returns it. */
export function onlyOne(text: string, kind: SchemaKind, token: string | { start: number; end: number }, nth = 0): Diagnostic {
  const found = check(text, kind);
  assert.equal(found.length, 1, `expected one diagnostic, got:\n${found.map((d) => d.message).join('\n')}`);
  const [d] = found;
  assert.equal(d.code, 'BMS002');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.span, typeof token === 'string' ? spanOfToken(text, token, nth) : token, `span covers '${text.slice(d.span.start, d.span.end)}'`);
  return d;
}

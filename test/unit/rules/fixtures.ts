// A small clean site and plan that rule tests bend one way at a time, and helpers to point at their text.
import { strict as assert } from 'node:assert';
import type { Diagnostic, RuleCode } from '../../../src/engine/diagnostics';
import { RULES } from '../../../src/engine/diagnostics';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import type { Span } from '../../../src/engine/model';
import { validateWorkspace, type ValidationOptions } from '../../../src/engine/validate';
import type { RuleFailure } from '../../../src/engine/rules';

export const SITE_URI = 'file:///w/site.bms.yaml';
export const PLAN_URI = 'file:///w/plan.bms.yaml';
export const TODAY = new Date(2026, 0, 15);

export const SITE = `apiVersion: bms.license/v1
kind: Site
metadata:
  name: plant
  customer: Acme Plant
  contact: Jo Smith
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
        - id: es-01
          type: enterprise-server
          host: es01
          licenseServer: ls-es
          children:
            - { id: as-01, type: as-p, host: 10.0.0.1 }
            - { id: fdp-01, type: fdp-server, host: 10.0.0.2 }
  clients:
    - { id: ws-01, type: workstation, licenseServers: [ls-ec] }
    - { id: ed-01, type: script-editor, licenseServers: [ls-es] }
`;

export const PLAN = `apiVersion: bms.license/v1
kind: LicensePlan
metadata:
  name: plant-2026
  site: plant
spec:
  entitlements:
    - id: ENT-1
      products:
        - { activationId: ACT-EC, feature: server.enterprise.central, licenseType: network, quantity: 1, expires: permanent }
        - { activationId: ACT-ES, feature: server.ec.es, licenseType: network, quantity: 1, expires: permanent }
        - { activationId: ACT-WS, feature: client.station, licenseType: network, quantity: 3, expires: permanent }
        - { activationId: ACT-SC, feature: client.script, licenseType: local, quantity: 1, expires: "2027-06-30" }
        - { activationId: ACT-SD, feature: smartdriver, licenseType: centralized, quantity: 2, expires: permanent }
        - { activationId: ACT-FDP, feature: fdp.server, licenseType: centralized, quantity: 1, expires: permanent }
        - { activationId: ACT-ATT, feature: automation-server-attach, licenseType: network, quantity: 1, expires: permanent }
  assignments:
    - { server: ec-01, activationId: ACT-EC, quantity: 1 }
    - { server: es-01, activationId: ACT-ES, quantity: 1 }
    - { licenseServer: ls-ec, activationId: ACT-WS, quantity: 3 }
    - { client: ed-01, activationId: ACT-SC, quantity: 1 }
    - { server: as-01, activationId: ACT-SD, quantity: 2 }
    - { server: fdp-01, activationId: ACT-FDP, quantity: 1 }
    - { server: es-01, activationId: ACT-ATT, quantity: 1 }
`;

/** The plan as it reads on a 7.0 site: centralized ES/EC base licenses, no attach license, no client.station seats (the tier gives the clients). */
export const PLAN_7 = PLAN.replace(/(server\.enterprise\.central|server\.ec\.es), licenseType: network/g, '$1, licenseType: centralized')
  .replace(/.*ACT-ATT.*\n/g, '')
  .replace(/.*ACT-WS.*\n/g, '');

/** The site on 7.0 with its tier. */
export const SITE_7 = SITE.replace('version: "6.0"', 'version: "7.0"\n  tier: advanced');

/** Replaces exactly one occurrence, so a typo in a test fails loudly instead of testing the base text. */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  assert.ok(i >= 0, `the fixture contains ${JSON.stringify(from)}`);
  assert.equal(text.indexOf(from, i + 1), -1, `${JSON.stringify(from)} occurs once in the fixture`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The span of the n-th (1-based) occurrence of `needle` in `text`, optionally after `after`. */
export function at(text: string, needle: string, options: { nth?: number; after?: string } = {}): Span {
  let from = options.after === undefined ? 0 : text.indexOf(options.after);
  assert.ok(from >= 0, `the text contains ${JSON.stringify(options.after)}`);
  let i = -1;
  for (let n = 0; n < (options.nth ?? 1); n++) {
    i = text.indexOf(needle, from);
    assert.ok(i >= 0, `the text contains ${JSON.stringify(needle)} ${n + 1} time(s)`);
    from = i + 1;
  }
  return { start: i, end: i + needle.length };
}

export interface Checked {
  all: Diagnostic[];
  failures: RuleFailure[];
  /** The diagnostics with that code. */
  of(code: RuleCode): Diagnostic[];
}

export function check(files: { site?: string; plan?: string; extra?: Record<string, string> } = {}, options: ValidationOptions = {}): Checked {
  const index = new WorkspaceIndex();
  if (files.site !== '') index.setText(SITE_URI, files.site ?? SITE);
  if (files.plan !== '') index.setText(PLAN_URI, files.plan ?? PLAN);
  for (const [uri, text] of Object.entries(files.extra ?? {})) index.setText(uri, text);
  const failures: RuleFailure[] = [];
  const all = [...validateWorkspace(index, { today: TODAY, ...options }, { failures }).values()].flat();
  assert.deepEqual(failures, [], 'no rule throws');
  return { all, failures, of: (code) => all.filter((d) => d.code === code) };
}

/** Asserts exactly one diagnostic of `code`, with its registered severity, in `uri` on `span`; returns it. */
export function one(c: Checked, code: RuleCode, uri: string, span: Span): Diagnostic {
  const found = c.of(code);
  assert.equal(found.length, 1, `one ${code}, got: ${JSON.stringify(c.all.map((d) => [d.code, d.message]), null, 1)}`);
  const d = found[0];
  assert.equal(d.severity, RULES[code].severity);
  assert.equal(d.uri, uri);
  assert.deepEqual(d.span, span);
  return d;
}

export function codes(c: Checked): string[] {
  return [...new Set(c.all.map((d) => d.code))].sort();
}

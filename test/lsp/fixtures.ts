// Small, valid sites and plans for the language server tests (line numbers matter: tests point into them).

export const SITE = `apiVersion: bms.license/v1
kind: Site
metadata:
  name: north
  customer: Northwind Health
  contact: Jane Smith
spec:
  version: "6.0"
  connectivity: online
  licenseServers:
    - id: ls-main
      host: es01.north.local
      address: "@localhost"
  servers:
    - id: es-01
      type: enterprise-server
      host: es01.north.local
      licenseServer: ls-main
      children:
        - { id: as-01, type: as-p, host: 10.0.0.21 }
        - { id: as-02, type: as-b, host: 10.0.0.22 }
  clients:
    - { id: ws-1, type: workstation, licenseServers: [ls-main] }
  activation: simulator
`;

export const PLAN = `apiVersion: bms.license/v1
kind: LicensePlan
metadata:
  name: north-2026
  site: north
spec:
  entitlements:
    - id: ENT-1
      products:
        - { activationId: ACT-0001, feature: server.enterprise.base, licenseType: network, quantity: 1, expires: permanent }
        - { activationId: ACT-0002, feature: smartdriver, licenseType: centralized, quantity: 3, expires: permanent }
        - { activationId: ACT-0003, feature: client.station, licenseType: network, quantity: 5, expires: permanent }
  assignments:
    - { server: es-01, activationId: ACT-0001, quantity: 1 }
    - { server: as-01, activationId: ACT-0002, quantity: 1 }
    - { server: as-02, activationId: ACT-0002, quantity: 1 }
    - { licenseServer: ls-main, activationId: ACT-0003, quantity: 5 }
`;

/** A second, unrelated site and its plan: edits to 'north' must not re-publish them. */
export const SOUTH_SITE = `apiVersion: bms.license/v1
kind: Site
metadata:
  name: south
  customer: Southwind
  contact: John Smith
spec:
  version: "7.0"
  tier: advanced
  servers:
    - { id: ec-s, type: enterprise-central, host: ec.south.local }
  activation: simulator
`;

export const SOUTH_PLAN = `apiVersion: bms.license/v1
kind: LicensePlan
metadata:
  name: south-2026
  site: south
spec:
  entitlements:
    - id: ENT-S
      products:
        - { activationId: ACT-S1, feature: server.enterprise.central, licenseType: centralized, quantity: 1, expires: permanent }
  assignments:
    - { server: ec-s, activationId: ACT-S1, quantity: 1 }
`;

/** The position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

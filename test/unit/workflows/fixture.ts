// A small site and plan for workflow tests, read through the real loader, plus a simulator and a ledger
// in a temporary folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { readLedger } from '../../../src/engine/ledger/ledger';
import { fold } from '../../../src/engine/ledger/fold';
import { LasSimulator } from '../../../src/engine/las/simulator';
import type { WorkflowOptions, WorkflowResult, Progress } from '../../../src/engine/workflows/context';

export function siteYaml(name: string, connectivity: string): string {
  return `apiVersion: bms.license/v1
kind: Site
metadata: { name: ${name}, customer: Northwind Health, contact: Jane Smith }
spec:
  version: "6.0"
  connectivity: ${connectivity}
  activation: simulator
  licenseServers:
    - { id: ls-main, host: es01.local, address: "@localhost" }
  servers:
    - id: es-01
      type: enterprise-server
      host: es01.local
      licenseServer: ls-main
      children:
        - { id: as-01, type: as-p, host: 10.0.1.21 }
  clients:
    - { id: ws-1, type: workstation, licenseServers: [ls-main] }
`;
}

export interface PlanOptions {
  snmpQuantity?: number;
  /** Extra assignment lines (YAML flow mappings). */
  extraAssignments?: string[];
}

export function planYaml(site: string, o: PlanOptions = {}): string {
  return `apiVersion: bms.license/v1
kind: LicensePlan
metadata: { name: ${site}-plan, site: ${site} }
spec:
  entitlements:
    - id: ENT-1
      products:
        - { activationId: ACT-BASE, feature: server.enterprise.base, licenseType: network, quantity: 1, expires: permanent, appliesTo: [enterprise-server] }
        - { activationId: ACT-CC, feature: change-control, licenseType: inherited, quantity: 1, expires: permanent, appliesTo: [enterprise-server] }
        - { activationId: ACT-SNMP, feature: snmp-notification, licenseType: centralized, quantity: ${o.snmpQuantity ?? 3}, expires: permanent, appliesTo: [as-p, enterprise-server] }
        - { activationId: ACT-SEATS, feature: client.station, licenseType: network, quantity: 5, expires: permanent, appliesTo: [license-server] }
  assignments:
    - { server: es-01, activationId: ACT-BASE, quantity: 1 }
    - { server: es-01, activationId: ACT-CC, quantity: 1 }
    - { server: as-01, activationId: ACT-SNMP, quantity: 2 }
    - { licenseServer: ls-main, activationId: ACT-SEATS, quantity: 5 }
${(o.extraAssignments ?? []).map((a) => `    - ${a}\n`).join('')}`;
}

export interface Bench {
  dir: string;
  las: LasSimulator;
  ledgerPath: string;
  requestsDir: string;
  responsesDir: string;
  clock: { now: Date };
  progress: Progress[];
  options(extra?: Partial<WorkflowOptions> & PlanOptions): WorkflowOptions;
  ledgerText(): string;
  state(): ReturnType<typeof fold>;
  cleanup(): void;
}

export function bench(siteName = 'hospital-north', connectivity = 'online'): Bench {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-'));
  const clock = { now: new Date('2026-11-23T10:15:00Z') };
  const las = new LasSimulator({ dataDir: path.join(dir, '.bmslicense', 'las-sim'), now: () => clock.now });
  const ledgerPath = path.join(dir, `${siteName}.ledger.jsonl`);
  const requestsDir = path.join(dir, 'requests');
  const responsesDir = path.join(dir, 'responses');
  const progress: Progress[] = [];
  return {
    dir,
    las,
    ledgerPath,
    requestsDir,
    responsesDir,
    clock,
    progress,
    options(extra = {}) {
      const index = new WorkspaceIndex();
      index.setText('file:///w/site.bms.yaml', siteYaml(siteName, (extra.site?.connectivity as string) ?? connectivity));
      index.setText('file:///w/plan.bms.yaml', planYaml(siteName, extra));
      const site = index.site(siteName)!;
      const { snmpQuantity: _q, extraAssignments: _e, ...rest } = extra;
      return {
        las,
        site,
        plans: index.plansFor(siteName),
        ledgerPath,
        by: 'jsmith',
        now: () => clock.now,
        onProgress: (p) => progress.push(p),
        confirm: async () => true,
        offlineDir: requestsDir,
        ...rest,
        ...(extra.site ? { site: { ...site, connectivity: extra.site.connectivity } } : {}),
      };
    },
    ledgerText: () => (fs.existsSync(ledgerPath) ? fs.readFileSync(ledgerPath, 'utf8') : ''),
    state: () => fold(readLedger(ledgerPath).events),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function assertOk(r: WorkflowResult): WorkflowResult {
  if (!r.ok) throw new Error(`workflow not ok:\n${JSON.stringify(r.notDone, null, 1)}`);
  return r;
}

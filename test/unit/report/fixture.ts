// The example site copied to a temporary folder with a small synthetic ledger, and a hostile twin whose
// names try to inject markup, script and formulas. Shared by the report tests and the webview tests.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerEvent } from '../../../src/engine/ledger/ledger';
import type { FeatureSeats } from '../../../src/engine/lmstat/usage';
import { collectSiteReport } from '../../../src/engine/report/collect';
import type { SiteReport } from '../../../src/engine/report/types';

export const EXAMPLE = join(__dirname, '../../../examples/hospital-north');
/** Three weeks before two dated licenses expire (2028-12-31): they are in the 30-day window. */
export const TODAY = new Date('2028-12-10T00:00:00Z');

const ev = (at: string, e: Partial<LedgerEvent> & Pick<LedgerEvent, 'op'>): LedgerEvent => ({ at, site: 'hospital-north', mode: 'online', by: 'jsmith', ...e });

export const EXAMPLE_LEDGER: LedgerEvent[] = [
  ev('2028-11-02T09:00:00Z', { op: 'activate', target: 'ec-01', activationId: 'ACT-7F3A-0001', quantity: 1, transaction: 'T-1001' }),
  ev('2028-11-02T09:05:00Z', { op: 'activate', target: 'es-01', transaction: 'T-1002', lines: [{ activationId: 'ACT-7F3A-0002', quantity: 1 }, { activationId: 'ACT-9C21-0003', quantity: 2 }] }),
  ev('2028-11-02T09:10:00Z', { op: 'activate', target: 'ls-eng', activationId: 'ACT-7F3A-0004', quantity: 2, transaction: 'T-1003' }),
  ev('2028-11-03T10:00:00Z', { op: 'activate', target: 'as-01', transaction: 'T-1004', lines: [{ activationId: 'ACT-9C21-0001', quantity: 2 }, { activationId: 'ACT-9C21-0002', quantity: 1 }] }),
  ev('2028-11-10T08:00:00Z', { op: 'broken', target: 'as-01', transaction: 'T-1004' }),
  ev('2028-11-10T09:00:00Z', { op: 'repair', target: 'as-01', transaction: 'T-1004' }),
  ev('2028-11-12T14:00:00Z', { op: 'activate', target: 'edge-01', transaction: 'T-1005', lines: [{ activationId: 'ACT-9C21-0001', quantity: 1 }, { activationId: 'ACT-9C21-0005', quantity: 1 }] }),
  ev('2028-11-20T11:00:00Z', { op: 'request-created', target: 'es-02', mode: 'offline', requestId: 'R-es-02-1', request: 'activate', file: 'offline/es-02-activate.req', lines: [{ activationId: 'ACT-7F3A-0002', quantity: 1 }] }),
  ev('2028-11-25T08:30:00Z', { op: 'activate', target: 'fdp-01', activationId: 'ACT-9C21-0004', quantity: 1, transaction: 'T-1006' }),
  ev('2028-11-26T16:45:00Z', { op: 'return', target: 'fdp-01', transaction: 'T-1006' }),
];

/** One of ls-eng's two Graphics Editor seats in use, as lmstat would say. */
export const EXAMPLE_USAGE = new Map<string, FeatureSeats>([['client.graphiceditor', { issued: 2, inUse: 1 }]]);

export interface Workspace {
  dir: string;
  report: SiteReport;
  dispose(): void;
}

function writeLedger(file: string, events: LedgerEvent[], tail = ''): void {
  writeFileSync(file, events.map((e) => `${JSON.stringify(e)}\n`).join('') + tail);
}

/** The example with its ledger, reported for TODAY with ls-eng's usage. */
export function exampleWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'bms-report-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  writeLedger(join(dir, 'hospital-north.ledger.jsonl'), EXAMPLE_LEDGER);
  const collected = collectSiteReport([dir], 'hospital-north', { today: TODAY, usage: EXAMPLE_USAGE });
  if (!collected.ok) throw new Error(collected.message);
  const report = collected.report;
  return { dir, report, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(2)</script>',
  js: 'javascript:alert(3)',
  css: '</style><style>body{display:none}</style>',
  formula: '=HYPERLINK("http://evil.example","x")',
  quote: 'Smith, "Jim" & Sons',
};

/** A site whose names, customer, features and ledger entries carry injection attempts. */
export function hostileWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'bms-hostile-'));
  const q = (s: string) => JSON.stringify(s);
  writeFileSync(
    join(dir, 'site.bms.yaml'),
    [
      'apiVersion: bms.license/v1',
      'kind: Site',
      'metadata:',
      '  name: evil',
      `  customer: ${q(HOSTILE.quote)}`,
      `  contact: ${q(HOSTILE.js)}`,
      'spec:',
      '  version: "7.0"',
      '  connectivity: online',
      '  licenseServers:',
      `    - { id: ${q(HOSTILE.css)}, host: ${q(HOSTILE.formula)}, address: "@localhost" }`,
      '  servers:',
      `    - id: ${q(HOSTILE.img)}`,
      '      type: enterprise-server',
      `      host: ${q(HOSTILE.js)}`,
      '      children:',
      `        - { id: ${q(HOSTILE.script)}, type: as-p }`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'plan.bms.yaml'),
    [
      'apiVersion: bms.license/v1',
      'kind: LicensePlan',
      'metadata: { name: evil-plan, site: evil }',
      'spec:',
      '  entitlements:',
      `    - id: ${q(HOSTILE.quote)}`,
      '      products:',
      `        - { activationId: ${q(HOSTILE.img)}, feature: ${q(HOSTILE.script)}, licenseType: centralized, quantity: 1, expires: "2028-12-20" }`,
      `        - { activationId: ${q(HOSTILE.formula)}, feature: ${q(HOSTILE.css)}, licenseType: network, quantity: 2, expires: "2028-01-01" }`,
      '  assignments:',
      `    - { server: ${q(HOSTILE.script)}, activationId: ${q(HOSTILE.img)}, quantity: 1 }`,
      `    - { licenseServer: ${q(HOSTILE.css)}, activationId: ${q(HOSTILE.formula)}, quantity: 2 }`,
      '',
    ].join('\n'),
  );
  const ev2 = (e: Partial<LedgerEvent> & Pick<LedgerEvent, 'op'>): LedgerEvent => ({ at: '2028-11-01T10:00:00Z', site: 'evil', ...e });
  writeLedger(join(dir, 'evil.ledger.jsonl'), [
    ev2({ op: 'activate', target: HOSTILE.script, activationId: HOSTILE.img, quantity: 1, transaction: HOSTILE.js, by: HOSTILE.css }),
    ev2({ op: 'response-imported', target: HOSTILE.img, requestId: HOSTILE.script, accepted: false, error: HOSTILE.img }),
  ]);
  const collected = collectSiteReport([dir], 'evil', { today: TODAY });
  if (!collected.ok) throw new Error(collected.message);
  return { dir, report: collected.report, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** RFC 4180: quoted fields with "" escapes, CRLF records; what a spreadsheet does on import. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

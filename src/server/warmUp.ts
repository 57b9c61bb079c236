// The engineer's first keystroke after opening a large plan used to cost 80-340 ms where the next ones cost
// ~25 ms: it ran the edit path (layout edit, items moved, buckets diffed, the narrowed rule pass) for the first
// time, unoptimized by V8, and it paid the major garbage collection of the open's garbage. So, once the server
// is idle after checking an opened file, it edits a small made-up site and plan of its own (a workspace apart:
// nothing is published, nothing touches the engineer's files) until that code is warm, then collects the
// garbage (`--expose-gc`, nodeFlags.ts). Each slice is a few milliseconds and an edit that arrives stops it.
// Measured (bench:edits, harness-shaped plan, first assignment edit 150 ms after the open, six runs each, load ~4):
// neither 45-234 ms (median 108), the collection alone 52-127 (65), warm-up and collection 40-86 (43.5).
import { LiveWorkspace } from '../engine/service/workspace';
import { toLspDiagnostic } from '../engine/service/lsp';

const ROOT = 'file:///bms-license-workbench-warm-up';
export const WARM_UP_SITE = `${ROOT}/site.bms.yaml`;
export const WARM_UP_PLAN = `${ROOT}/plan.bms.yaml`;
/** Edits in all: enough for V8 to optimize the edit path (measured: the first edit's parse 34 -> 16 ms). */
export const WARM_UP_EDITS = 32;
/** Edits per slice between two turns of the event loop (~1-2 ms each on the made-up files). */
const SLICE = 2;

/** A made-up site: an EC, two ESs and their automation servers, in block and flow style, two License Servers. */
function siteText(): string {
  const lines = ['apiVersion: bms.license/v1', 'kind: Site', 'metadata:', '  name: warm-up', 'spec:', '  version: "6.2"', '  activation: simulator', '  connectivity: online', '  licenseServers:'];
  for (const ls of ['ls-ec', 'ls-es-1', 'ls-es-2']) lines.push(`    - id: ${ls}`, `      host: ${ls}.warm-up.local`, '      address: "@localhost"');
  lines.push('  servers:', '    - id: ec-01', '      type: enterprise-central', '      host: ec01.warm-up.local', '      licenseServer: ls-ec', '      children:');
  for (const es of [1, 2]) {
    lines.push(`        - id: es-${es}`, '          type: enterprise-server', `          host: es${es}.warm-up.local   # panel ${es}`, `          licenseServer: ls-es-${es}`, '          children:');
    for (let a = 0; a < 8; a++) {
      const id = `as-${es}-${a}`;
      if (a % 2) lines.push(`            - { id: ${id}, type: as-p, host: 10.${es}.0.${a} }`);
      else lines.push(`            - id: ${id}`, `              type: ${a % 4 ? 'as-b' : 'as-p'}`, `              host: as${a}.es${es}.warm-up.local`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A made-up plan for it: base licenses, client seats on the License Servers and centralized products spread over the servers. */
function planText(): string {
  const lines = ['apiVersion: bms.license/v1', 'kind: LicensePlan', 'metadata:', '  name: warm-up-plan', '  site: warm-up', 'spec:', '  entitlements:'];
  const assignments: string[] = ['    - { server: ec-01, activationId: ACT-W0-1, quantity: 1 }', '    - { licenseServer: ls-ec, activationId: ACT-W0-2, quantity: 2 }  # per quote'];
  lines.push('    # ENT-W0: the EC', '    - id: ENT-W0', '      products:');
  lines.push('        - { activationId: ACT-W0-1, feature: server.enterprise.central, licenseType: network, quantity: 1, expires: permanent }');
  lines.push('        - { activationId: ACT-W0-2, feature: client.station, licenseType: network, quantity: 2, expires: permanent }');
  for (const es of [1, 2]) {
    const act = (n: number) => `ACT-W${es}-${n}`;
    lines.push(`    - id: ENT-W${es}`, '      products:');
    lines.push(`        - { activationId: ${act(1)}, feature: server.ec.es, licenseType: network, quantity: 1, expires: permanent }`);
    lines.push(`        - { activationId: ${act(2)}, feature: client.station, licenseType: network, quantity: 1, expires: permanent }`);
    lines.push(`        - { activationId: ${act(3)}, feature: smartdriver, licenseType: centralized, quantity: 8, expires: permanent }`);
    lines.push(`        - activationId: ${act(4)}`, '          feature: snmp-notification', '          licenseType: centralized', '          quantity: 8', '          expires: 2036-01-31');
    assignments.push(`    # es-${es} and the automation servers under it`, `    - { server: es-${es}, activationId: ${act(1)}, quantity: 1 }`, `    - { licenseServer: ls-es-${es}, activationId: ${act(2)}, quantity: 1 }`);
    for (let a = 0; a < 8; a++) {
      assignments.push(`    - { server: as-${es}-${a}, activationId: ${act(3)}, quantity: 1 }`);
      assignments.push(`    - server: as-${es}-${a}`, `      activationId: ${act(4)}`, '      quantity: 1');
    }
  }
  return [...lines, '  assignments:', ...assignments].join('\n') + '\n';
}

/** The made-up files, edited the way an engineer edits: an assignment's server, a quantity, a comment, a host. */
export class WarmUp {
  private readonly workspace = new LiveWorkspace();
  private readonly site = siteText().split('\n');
  private readonly plan = planText().split('\n');
  /** Edits made, and the time they took. */
  edits = 0;
  ms = 0;

  get done(): boolean {
    return this.edits >= WARM_UP_EDITS;
  }

  /** Opens the made-up files (first call) and makes the next `count` edits; returns each edit's plan findings by code. */
  next(count = SLICE): string[][] {
    const start = performance.now();
    if (this.edits === 0 && !this.workspace.lines(WARM_UP_PLAN)) {
      this.workspace.update(WARM_UP_SITE, this.site.join('\n'));
      this.workspace.update(WARM_UP_PLAN, this.plan.join('\n'));
      this.ms += performance.now() - start;
      return [];
    }
    const found: string[][] = [];
    for (let k = 0; k < count && !this.done; k++) found.push(this.edit(this.edits++));
    this.ms += performance.now() - start;
    return found;
  }

  private edit(i: number): string[] {
    // Eight steps, each undone by the next: break and fix an assignment's server, lower and restore a quantity,
    // change and restore a comment, change and restore a server's host in the site file.
    const step = i % 8;
    const round = i >> 3;
    const pick = (pattern: RegExp, lines: string[]) => lines.flatMap((l, n) => (pattern.test(l) ? [n] : []));
    const toggle = (lines: string[], line: number, from: string, to: string, back: boolean) => (lines[line] = back ? lines[line].replace(to, from) : lines[line].replace(from, to));
    if (step >= 6) {
      toggle(this.site, pick(/host: h?as\d/, this.site)[round % 8], 'host: ', 'host: h', step === 7);
      this.workspace.update(WARM_UP_SITE, this.site.join('\n'));
    } else {
      if (step < 2) toggle(this.plan, pick(/server: x?as-/, this.plan)[(round * 5) % 32], 'server: ', 'server: x', step === 1);
      else if (step < 4) toggle(this.plan, pick(/quantity: [78]$|quantity: [78],/, this.plan)[round % 4], 'quantity: 8', 'quantity: 7', step === 3);
      else toggle(this.plan, pick(/^ {4}#/, this.plan)[round % 3], '#', '# (checked)', step === 5);
      this.workspace.update(WARM_UP_PLAN, this.plan.join('\n'));
    }
    const ctx = this.workspace.ruleContext({});
    const codes: string[] = [];
    for (const uri of [WARM_UP_PLAN, WARM_UP_SITE]) {
      const lines = this.workspace.lines(uri)!;
      const ds = this.workspace.diagnostics(uri, {}, ctx).map((d) => toLspDiagnostic(d, lines, (other) => this.workspace.lines(other)));
      if (uri === WARM_UP_PLAN) codes.push(...ds.map((d) => String(d.code)));
    }
    return codes;
  }
}

/** Collects the garbage now, when the node runs with `--expose-gc` (the language server does): false otherwise. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return false;
  gc();
  return true;
}

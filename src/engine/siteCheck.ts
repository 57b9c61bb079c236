// What `validate` says about one site, for the commands that act on it (as Terraform refuses to plan an
// invalid configuration): the problems that stop every command, and the error findings that block one
// planned license while the independent ones still run.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, RuleCode } from './diagnostics';
import type { WorkspaceIndex } from './load/workspace';
import { productsOf, type LicensePlan, type Site, type Span } from './model';
import { RuleContext, type ValidationOptions } from './rules';
import { LineIndex } from './text';
import { validateFile } from './validate';

/** Findings that make the files themselves untrustworthy: no command may act on what they seem to say. */
export const STOPPING_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>(['BMS001', 'BMS002', 'BMS003', 'BMS014', 'BMS015']);

/** An error finding of `validate` that keeps a planned license from being acted on, and where it is. */
export interface Blocker {
  code: RuleCode;
  message: string;
  uri: string;
  span: Span;
  /** `plan.bms.yaml:40` */
  where: string;
}

/** A blocker as `plan` prints it beside the action: `BMS020 plan.bms.yaml:40: <message>`. */
export function blockerText(b: Blocker): string {
  return `${b.code} ${b.where}: ${b.message}`;
}

/** Looks up the blocker of a planned license (target, activation id). */
export type BlockerOf = (target: string, activationId: string) => Blocker | undefined;

export interface SiteCheck {
  /** Every diagnostic of the files the site is read from (its Site file, its plans, files of unknown kind), by uri. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Syntax and schema errors, duplicate ids or sites: nothing may run until they are fixed. */
  stopping: Diagnostic[];
  /** The error finding that keeps this license off this target, if any. */
  blockerOf: BlockerOf;
}

export interface SiteCheckOptions extends ValidationOptions {
  /** How a file is named in messages (default: its base name). */
  displayPath?: (uri: string) => string;
  /** `diagnostics` holds the error findings alone (all that `stopping` and `blockerOf` are made of): the tree's check. */
  errorsOnly?: boolean;
}

/** Validates the files the site is read from and sorts their errors into stopping and blocking ones. */
export function checkSite(index: WorkspaceIndex, site: Site, options: SiteCheckOptions = {}): SiteCheck {
  const ctx = new RuleContext(index, options);
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const uri of filesOf(index, site)) diagnostics.set(uri, validateFile(index, uri, options, { context: ctx, errorsOnly: options.errorsOnly }));
  const errors = [...diagnostics.values()].flat().filter((d) => d.severity === 'error');
  const stopping = errors.filter((d) => STOPPING_CODES.has(d.code));
  const display = options.displayPath ?? defaultDisplay;
  const lines = new Map<string, LineIndex>();
  const blocker = (d: Diagnostic): Blocker => {
    let li = lines.get(d.uri);
    if (!li) lines.set(d.uri, (li = new LineIndex(index.file(d.uri)?.text ?? '')));
    return { code: d.code, message: d.message, uri: d.uri, span: d.span, where: `${display(d.uri)}:${li.positionAt(d.span.start).line + 1}` };
  };
  const owners = new Owners(site, index.plansFor(site.name));
  for (const d of errors) if (!STOPPING_CODES.has(d.code)) owners.add(d, blocker);
  return { diagnostics, stopping, blockerOf: (target, activationId) => owners.blockerOf(target, activationId) };
}

/** The Site file, the files of its plans and of other Sites of that name, and files whose documents have no kind (they may be this site's). */
function filesOf(index: WorkspaceIndex, site: Site): string[] {
  return [...new Set([site.uri, ...index.filesNamed(site.name)])];
}

const key = (target: string, activationId: string) => `${target}\u0000${activationId}`;

/**
 * Which planned licenses an error finding concerns, from the innermost node that holds it: an assignment
 * (its target and license), a product (every assignment of that license), a server, License Server or
 * client (every license on it), a plan (its assignments), or the site itself (everything).
 */
class Owners {
  private readonly byLine = new Map<string, Blocker>();
  private readonly byTarget = new Map<string, Blocker>();
  private readonly byActivation = new Map<string, Blocker>();
  private site?: Blocker;

  constructor(
    private readonly theSite: Site,
    private readonly plans: LicensePlan[],
  ) {}

  add(d: Diagnostic, blocker: (d: Diagnostic) => Blocker): void {
    const first = <K>(map: Map<K, Blocker>, k: K) => void (map.has(k) || map.set(k, blocker(d)));
    if (d.uri === this.theSite.uri && within(this.theSite.span, d.span)) {
      const nodes = [...this.theSite.servers, ...this.theSite.licenseServers, ...this.theSite.clients];
      const node = innermost(nodes.filter((n) => within(n.span, d.span)));
      if (node) first(this.byTarget, node.id);
      else this.site ??= blocker(d);
      return;
    }
    for (const plan of this.plans) {
      if (plan.uri !== d.uri || !within(plan.span, d.span)) continue;
      const assignment = innermost(plan.assignments.filter((a) => within(a.span, d.span)));
      const product = innermost(productsOf(plan).filter((p) => within(p.span, d.span)));
      if (assignment) {
        if (assignment.target !== undefined && assignment.activationId !== undefined) first(this.byLine, key(assignment.target, assignment.activationId));
      } else if (product) first(this.byActivation, product.activationId);
      else for (const a of plan.assignments) if (a.target !== undefined && a.activationId !== undefined) first(this.byLine, key(a.target, a.activationId));
    }
  }

  blockerOf(target: string, activationId: string): Blocker | undefined {
    return this.byLine.get(key(target, activationId)) ?? this.byTarget.get(target) ?? this.byActivation.get(activationId) ?? this.site;
  }
}

function within(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function innermost<T extends { span: Span }>(nodes: T[]): T | undefined {
  let best: T | undefined;
  for (const n of nodes) if (!best || n.span.end - n.span.start < best.span.end - best.span.start) best = n;
  return best;
}

function defaultDisplay(uri: string): string {
  return uri.startsWith('file:') ? path.basename(fileURLToPath(uri)) : uri;
}

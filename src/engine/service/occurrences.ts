// Every place an id is defined or named, across the workspace: the basis of go to definition, find
// references, hover on ids and rename-safe navigation. Rebuilt lazily when the index changes.
import type { WorkspaceIndex } from '../load/workspace';
import { isSite, type LicensePlan, type Site, type Span } from '../model';

export type IdKind = 'site' | 'server' | 'licenseServer' | 'client' | 'activationId';

export interface Occurrence {
  uri: string;
  span: Span;
  kind: IdKind;
  id: string;
  /** Site name the id lives in ('' for a plan that names no site). */
  site: string;
  definition: boolean;
}

/** Servers, License Servers and clients share one namespace within a site. */
export function symbolOf(o: Pick<Occurrence, 'kind' | 'id' | 'site'>): string {
  const space = o.kind === 'site' ? 'site' : o.kind === 'activationId' ? 'act' : 'node';
  return `${space}\u0000${o.kind === 'site' ? '' : o.site}\u0000${o.id}`;
}

export class Occurrences {
  private generation = -1;
  private byUri = new Map<string, Occurrence[]>();
  private bySymbol = new Map<string, Occurrence[]>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** The occurrence under `offset` in a file. */
  at(uri: string, offset: number): Occurrence | undefined {
    this.refresh();
    return this.byUri.get(uri)?.find((o) => o.span.start <= offset && offset <= o.span.end);
  }

  of(o: Pick<Occurrence, 'kind' | 'id' | 'site'>): Occurrence[] {
    this.refresh();
    return this.bySymbol.get(symbolOf(o)) ?? [];
  }

  all(): Iterable<Occurrence> {
    this.refresh();
    return [...this.byUri.values()].flat();
  }

  private refresh(): void {
    if (this.generation === this.index.generation) return;
    this.generation = this.index.generation;
    this.byUri = new Map();
    this.bySymbol = new Map();
    for (const doc of this.index.documents()) {
      const list: Occurrence[] = this.byUri.get(doc.uri) ?? [];
      const add = (kind: IdKind, id: string | undefined, span: Span | undefined, site: string, definition: boolean) => {
        if (id === undefined || !span) return;
        const o: Occurrence = { uri: doc.uri, span, kind, id, site, definition };
        list.push(o);
        const key = symbolOf(o);
        const same = this.bySymbol.get(key);
        if (same) same.push(o);
        else this.bySymbol.set(key, [o]);
      };
      if (isSite(doc)) siteOccurrences(doc, add);
      else planOccurrences(doc, add);
      this.byUri.set(doc.uri, list);
    }
  }
}

type Add = (kind: IdKind, id: string | undefined, span: Span | undefined, site: string, definition: boolean) => void;

function siteOccurrences(site: Site, add: Add): void {
  const n = site.name;
  add('site', n, site.at['metadata.name'], n, true);
  for (const ls of site.licenseServers) add('licenseServer', ls.id, ls.at.id, n, true);
  for (const s of site.servers) {
    add('server', s.id, s.at.id, n, true);
    add('licenseServer', s.licenseServer, s.at.licenseServer, n, false);
  }
  for (const c of site.clients) {
    add('client', c.id, c.at.id, n, true);
    c.licenseServers.forEach((ls, i) => add('licenseServer', ls, c.licenseServerSpans[i], n, false));
  }
}

function planOccurrences(plan: LicensePlan, add: Add): void {
  const n = plan.site ?? '';
  add('site', plan.site, plan.at['metadata.site'], n, false);
  for (const e of plan.entitlements) for (const p of e.products) add('activationId', p.activationId, p.at.activationId, n, true);
  for (const a of plan.assignments) {
    if (a.targetKind) add(a.targetKind, a.target, a.at[a.targetKind], n, false);
    add('activationId', a.activationId, a.at.activationId, n, false);
  }
}

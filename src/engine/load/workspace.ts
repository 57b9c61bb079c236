// The workspace index: every parsed `*.bms.yaml` file, and the lookups that resolve references across files.
import type { BmsDocument, Client, LicensePlan, LicenseServer, Product, Server, Site } from '../model';
import { isPlan, isSite, productsOf } from '../model';
import { parseBmsText, type BmsFile } from './parse';

/** What an id in a site names. */
export type SiteNode =
  | { kind: 'server'; node: Server }
  | { kind: 'licenseServer'; node: LicenseServer }
  | { kind: 'client'; node: Client };

interface Derived {
  generation: number;
  documents: BmsDocument[];
  sites: Site[];
  plans: LicensePlan[];
  siteByName: Map<string, Site>;
  plansBySite: Map<string, LicensePlan[]>;
  /** Each file's place in file order, and the files a site of that name is read from (its Site and plan files). */
  fileOrder: Map<string, number>;
  filesByName: Map<string | undefined, string[]>;
  /** Files with a document of no known kind (they may belong to any site). */
  unknownKind: string[];
}

export class WorkspaceIndex {
  private readonly files = new Map<string, BmsFile>();
  /** Bumped on every change, so callers can cache derived results. */
  generation = 0;
  private kept?: Derived;

  /** Parses and stores a file's text (replacing what was there). */
  setText(uri: string, text: string): BmsFile {
    return this.setFile(parseBmsText(uri, text));
  }

  setFile(file: BmsFile): BmsFile {
    this.files.set(file.uri, file);
    this.generation++;
    return file;
  }

  remove(uri: string): void {
    if (this.files.delete(uri)) this.generation++;
  }

  file(uri: string): BmsFile | undefined {
    return this.files.get(uri);
  }

  allFiles(): BmsFile[] {
    return [...this.files.values()];
  }

  documents(): BmsDocument[] {
    return this.derived().documents.slice();
  }

  sites(): Site[] {
    return this.derived().sites.slice();
  }

  plans(): LicensePlan[] {
    return this.derived().plans.slice();
  }

  /** The Site with that `metadata.name` (the first in file order when several share it). */
  site(name: string | undefined): Site | undefined {
    return name === undefined ? undefined : this.derived().siteByName.get(name);
  }

  plansFor(site: string): LicensePlan[] {
    return this.derived().plansBySite.get(site)?.slice() ?? [];
  }

  /**
   * The documents, sites and plans in file order, and by name, worked out once per generation: the rules ask
   * for a site by name and for its plans again and again (a 200-site workspace asked 590 files each time).
   */
  private derived(): Derived {
    if (this.kept?.generation === this.generation) return this.kept;
    const documents: BmsDocument[] = [];
    for (const f of this.files.values()) for (const d of f.documents) if (d.model) documents.push(d.model);
    const sites = documents.filter(isSite);
    const plans = documents.filter(isPlan);
    const siteByName = new Map<string, Site>();
    for (const s of sites) if (s.name !== undefined && !siteByName.has(s.name)) siteByName.set(s.name, s);
    const plansBySite = new Map<string, LicensePlan[]>();
    for (const p of plans) {
      if (p.site === undefined) continue;
      let list = plansBySite.get(p.site);
      if (!list) plansBySite.set(p.site, (list = []));
      list.push(p);
    }
    const fileOrder = new Map<string, number>();
    const filesByName = new Map<string | undefined, string[]>();
    const unknownKind: string[] = [];
    for (const f of this.files.values()) {
      fileOrder.set(f.uri, fileOrder.size);
      let unknown = false;
      for (const d of f.documents) {
        const m = d.model;
        if (!m) unknown ||= d.yaml.contents !== null;
        if (!m || !(isSite(m) || isPlan(m))) continue;
        // A Site without a name goes with the other unnamed ones and the plans that name no site (key undefined).
        const name = isSite(m) ? m.name : m.site;
        let list = filesByName.get(name);
        if (!list) filesByName.set(name, (list = []));
        if (list[list.length - 1] !== f.uri) list.push(f.uri);
      }
      if (unknown) unknownKind.push(f.uri);
    }
    this.kept = { generation: this.generation, documents, sites, plans, siteByName, plansBySite, fileOrder, filesByName, unknownKind };
    return this.kept;
  }

  /**
   * The files a site of this name is read from, in file order: those holding a Site of that name or a plan
   * for it, and those with a document of no known kind (they may be its files).
   */
  filesNamed(name: string | undefined): string[] {
    const { fileOrder, filesByName, unknownKind } = this.derived();
    const named = filesByName.get(name) ?? [];
    if (unknownKind.length === 0) return named.slice();
    return [...new Set([...named, ...unknownKind])].sort((a, b) => fileOrder.get(a)! - fileOrder.get(b)!);
  }

  /** Resolves an id within a site: servers, License Servers and clients share one namespace. */
  resolve(site: Site, id: string): SiteNode | undefined {
    const server = site.servers.find((s) => s.id === id);
    if (server) return { kind: 'server', node: server };
    const ls = site.licenseServers.find((s) => s.id === id);
    if (ls) return { kind: 'licenseServer', node: ls };
    const client = site.clients.find((c) => c.id === id);
    if (client) return { kind: 'client', node: client };
    return undefined;
  }

  /** Products of every plan of the site with that activation id (normally one). */
  products(site: string, activationId: string): Product[] {
    return this.plansFor(site).flatMap((p) => productsOf(p).filter((x) => x.activationId === activationId));
  }
}


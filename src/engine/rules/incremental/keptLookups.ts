// A rule pass for the editor: a Site that did not change keeps its lookup maps from one edit to the next.
import { RuleContext } from '..';
import { SiteLookup } from '../lookup';
import type { Site } from '../../model';

/** A site's lookup that lists the ids of a kind once (did-you-mean asks for them per unknown id). */
class KeptSiteLookup extends SiteLookup {
  private readonly idsOf = new Map<string, string[]>();

  override ids(kind: Parameters<SiteLookup['ids']>[0]): string[] {
    let ids = this.idsOf.get(kind);
    if (!ids) this.idsOf.set(kind, (ids = super.ids(kind)));
    return ids;
  }
}

const lookups = new WeakMap<Site, SiteLookup>();

export class LiveRuleContext extends RuleContext {
  override lookup(site: Site): SiteLookup {
    let l = lookups.get(site);
    if (!l) lookups.set(site, (l = new KeptSiteLookup(site)));
    return l;
  }
}

// A rule pass for the editor: a Site that did not change keeps its lookup maps from one edit to the next.
import { RuleContext } from '../rules';
import { SiteLookup } from '../rules/lookup';
import type { Site } from '../model';

const lookups = new WeakMap<Site, SiteLookup>();

export class LiveRuleContext extends RuleContext {
  override lookup(site: Site): SiteLookup {
    let l = lookups.get(site);
    if (!l) lookups.set(site, (l = new SiteLookup(site)));
    return l;
  }
}

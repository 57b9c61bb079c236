// What validate says about each site, for the Pending changes node, kept from one tree rebuild to the
// next while the site's own documents are the same objects (an edit re-parses only its file): a rebuild
// after a keystroke re-checks the site that changed, not every site of the workspace.
import { localDayNumber } from '../calendar';
import type { WorkspaceIndex } from '../load/workspace';
import type { LicensePlan, Site } from '../model';
import { checkSite, type SiteCheck } from '../siteCheck';

const kept = new WeakMap<Site, { day: number; plans: LicensePlan[]; namesakes: Site[]; check: SiteCheck }>();

const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function siteCheckOf(index: WorkspaceIndex, site: Site, plans: LicensePlan[], today: Date): SiteCheck {
  const day = localDayNumber(today);
  const namesakes = index.sites().filter((s) => s.name === site.name);
  const before = kept.get(site);
  if (before && before.day === day && same(before.plans, plans) && same(before.namesakes, namesakes)) return before.check;
  // Errors only: the tree and the commands ask what stops or blocks, never for a warning.
  const check = checkSite(index, site, { today, errorsOnly: true });
  kept.set(site, { day, plans: [...plans], namesakes, check });
  return check;
}

// BMS030: a License Server address as FlexNet clients read it (the parsing: ../flexnet/address.ts).
import { diagnostic, type Diagnostic } from '../diagnostics';
import { addressProblems } from '../flexnet/address';
import type { SiteRule } from './rule';
import { t } from '../l10n';

export const licenseServerAddresses: SiteRule = {
  codes: ['BMS030'],
  kind: 'Site',
  check(site) {
    const out: Diagnostic[] = [];
    for (const ls of site.licenseServers) {
      const at = ls.at.address;
      if (ls.address === undefined || !at) continue;
      const problems = addressProblems(ls.address);
      if (problems.length === 0) continue;
      out.push(diagnostic('BMS030', site.uri, at, t("License Server '{0}' has a bad FlexNet address: {1}.", ls.id, problems.join('; '))));
    }
    return out;
  },
};

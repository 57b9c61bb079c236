// BMS034: registration details go to the License Activation Server, which takes English letters only.
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { SiteRule } from './rule';
import { t } from '../l10n';

const ALLOWED = /[A-Za-z0-9 .,\-&']/;
const SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'Th', '’': "'", '‘': "'", '–': '-', '—': '-' };

/** The same text in English letters, when accents can simply be dropped; undefined otherwise. */
export function englishSpelling(text: string): string | undefined {
  const s = [...text.normalize('NFD').replace(/\p{M}/gu, '')].map((c) => SPELLED[c] ?? c).join('');
  return [...s].every((c) => ALLOWED.test(c)) ? s : undefined;
}

export const registrationDetails: SiteRule = {
  codes: ['BMS034'],
  kind: 'Site',
  check(site) {
    const out: Diagnostic[] = [];
    for (const field of ['customer', 'contact'] as const) {
      const value = site[field];
      const at = site.at[`metadata.${field}`];
      if (value === undefined || !at) continue;
      const bad = [...new Set([...value].filter((c) => !ALLOWED.test(c)))];
      if (bad.length === 0) continue;
      const suggestion = englishSpelling(value);
      const fix = suggestion ? t(" Write '{0}'.", suggestion) : t(' Spell it with English letters.');
      out.push(
        diagnostic(
          'BMS034',
          site.uri,
          at,
          (field === 'customer' ? t("The customer '{0}' contains {1}: registration details accept English letters, digits, space and . , - & ' only, and must be identical on every License Server.{2}", value, bad.map((c) => `'${c}'`).join(', '), fix) : t("The contact '{0}' contains {1}: registration details accept English letters, digits, space and . , - & ' only, and must be identical on every License Server.{2}", value, bad.map((c) => `'${c}'`).join(', '), fix)),
          suggestion ? { data: { suggestion } } : {},
        ),
      );
    }
    return out;
  },
};

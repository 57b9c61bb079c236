// "Did you mean 'es-01'?": the sentence and quick-fix data for an unknown id (the distance: ../closest.ts).
import { closest } from '../closest';
import { t } from '../l10n';

/** The sentence and quick-fix data for an unknown id. */
export function didYouMean(word: string, candidates: Iterable<string>): { hint: string; data?: { suggestion: string } } {
  const suggestion = closest(word, candidates);
  return suggestion ? { hint: ` ${t("Did you mean '{0}'?", suggestion)}`, data: { suggestion } } : { hint: '' };
}

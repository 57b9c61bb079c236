// The engine's words in the engineer's language. Messages go through @vscode/l10n's `t()`, which returns
// the English text with its arguments filled in unless a bundle was loaded: the extension host and the
// language server load VS Code's bundle for the display language; the CLI never does, so its output and
// `--format json` stay the stable English contract (rule codes never change).
import * as l10n from '@vscode/l10n';

export const t = l10n.t;

/** Translated messages split at their placeholders, for tMany; emptied when another bundle is loaded. */
const templates = new Map<string, string[]>();

/** Loads the translations of `l10n/bundle.l10n.<language>.json` (VS Code's `l10n.uri`); without one, English. */
export function useBundle(fsPath: string | undefined): boolean {
  if (!fsPath) return false;
  try {
    l10n.config({ fsPath });
    templates.clear();
    return true;
  } catch {
    return false; // an unreadable bundle leaves the English text, never a broken message
  }
}

/** `1 day`, `3 days`, in the bundle's language. */
export function days(n: number): string {
  return n === 1 ? t('1 day') : t('{0} days', n);
}

/** `1 assignment`, `3 assignments`. */
export function assignments(n: number): string {
  return n === 1 ? t('1 assignment') : t('{0} assignments', n);
}

/** `1 seat`, `3 seats`. */
export function seats(n: number): string {
  return n === 1 ? t('1 seat') : t('{0} seats', n);
}

/**
 * `t(message, ...args)` for a message said thousands of times with other numbers (each node of a 200-site tree):
 * the translated message is looked up once and split at its `{0}`, `{1}` placeholders, then only joined.
 */
export function tMany(message: string, ...args: (string | number)[]): string {
  let parts = templates.get(message);
  if (!parts) templates.set(message, (parts = t(message).split(/\{(\d+)\}/)));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const arg = args[Number(parts[i])];
    out += (arg === undefined ? `{${parts[i]}}` : String(arg)) + parts[i + 1];
  }
  return out;
}

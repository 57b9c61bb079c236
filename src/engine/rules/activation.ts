// BMS066: a Site says how its licenses are activated (`spec.activation`). Without it the site is a real one
// (vendor-tools): said as information, or as a warning when the editor's activation setting is `http`, so
// nobody's HTTP set-up changes without a word. Quick fixes insert each of the three ways.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { ACTIVATION_WAYS } from '../model';
import type { SiteRule } from './rule';

export const activationDeclared: SiteRule = {
  codes: ['BMS066'],
  kind: 'Site',
  check(site, ctx) {
    if (site.activation !== undefined || !site.name) return [];
    const at = site.at['metadata.name'] ?? site.span;
    const http = ctx.activationMode === 'http';
    const message =
      `Site '${site.name}' does not say how its licenses are activated: it is treated as a real site (activation: vendor-tools — the engineer works in License Administrator and Device Administrator; the workbench guides and records).` +
      (http
        ? ' The setting bmsLicense.activation.mode is http: add `activation: http` to keep using your activation server (until then no command sends anything to it).'
        : ' Add `activation: vendor-tools`, `activation: simulator` (practice: nothing activated on the real system) or `activation: http` under spec.');
    const d: Diagnostic = diagnostic('BMS066', site.uri, at, message, { data: { activations: [...ACTIVATION_WAYS], preferred: http ? 'http' : 'vendor-tools' } });
    if (http) d.severity = 'warning';
    return [d];
  },
};

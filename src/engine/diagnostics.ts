// Diagnostics as the engine produces them: offsets into one file, a stable code, engineer wording.
import type { Span } from './model';

export type Severity = 'error' | 'warning' | 'information';

export interface RelatedInformation {
  uri: string;
  span: Span;
  message: string;
}

export interface Diagnostic {
  code: RuleCode;
  severity: Severity;
  message: string;
  uri: string;
  span: Span;
  related?: RelatedInformation[];
  /** Machine-readable hints for quick fixes (e.g. the closest known id). */
  data?: Record<string, unknown>;
}

export interface RuleInfo {
  severity: Severity;
  /** One line: what the rule checks. Shown in the README, hovers and `bmslicense rules`. */
  summary: string;
}

/** Every rule code the engine can emit. The codes are stable: tests, docs and users' CI depend on them. */
export const RULES = {
  BMS001: { severity: 'error', summary: 'YAML syntax error (the file still yields every diagnostic it can)' },
  BMS002: { severity: 'error', summary: 'schema violation (wrong type, unknown key, bad enum, bad id or date pattern)' },
  BMS003: { severity: 'error', summary: 'YAML anchor, alias or merge key (<<) in a site or plan: write each node out' },
  BMS010: { severity: 'error', summary: 'unknown server referenced' },
  BMS011: { severity: 'error', summary: 'unknown License Server referenced' },
  BMS012: { severity: 'error', summary: 'unknown activation id referenced' },
  BMS013: { severity: 'error', summary: "plan's metadata.site names no Site in the workspace" },
  BMS014: { severity: 'error', summary: 'duplicate id within a site (servers, License Servers, clients share one namespace)' },
  BMS015: { severity: 'error', summary: 'two Site documents with one metadata.name in the workspace' },
  BMS020: { severity: 'error', summary: "license not applicable to the target's type" },
  BMS021: { severity: 'error', summary: 'entitlement product over-allocated (sum of assignments > quantity)' },
  BMS022: { severity: 'error', summary: 'the same activation id assigned twice to the same target (duplicate activation)' },
  BMS023: { severity: 'error', summary: 'a local license assigned to more than one computer' },
  BMS024: { severity: 'error', summary: "license type (or feature) contradicts the site's EBO version, e.g. a network ES base license on 7.0" },
  BMS030: { severity: 'error', summary: 'bad FlexNet address (@host, port@host, ports 1-65535, ;-joined lists)' },
  BMS031: { severity: 'error', summary: 'ES or EC of a site below 7.0 without a License Server' },
  BMS032: { severity: 'warning', summary: 'License Server not on the same host as the ES/EC it serves: use @localhost' },
  BMS033: { severity: 'warning', summary: 'one License Server serves several ES/EC (usage cannot be attributed)' },
  BMS034: { severity: 'error', summary: 'registration details (customer, contact) with non-English characters' },
  BMS040: { severity: 'error', summary: 'license expired (relative to today)' },
  BMS041: { severity: 'warning', summary: 'license expires within expiryWarningDays (permanent never warns)' },
  BMS050: { severity: 'warning', summary: "a server's base license is not planned: license violation expected" },
  BMS051: { severity: 'warning', summary: 'demo license in a plan with spec.stage: handover' },
  BMS052: { severity: 'warning', summary: 'engineering license in a plan with spec.stage: handover (convert the entitlement to commercial)' },
  BMS053: { severity: 'warning', summary: 'fewer licenses planned on a server than it requires: connected devices counted from the site, attach licenses below 7.0' },
  BMS054: { severity: 'error', summary: 'spec.version written as a release year the catalog does not know (2022 = 4.0, 2023 = 5.0, 2024 = 6.0)' },
  BMS055: { severity: 'information', summary: 'a 7.0+ site without spec.tier (essential, advanced, advanced-plus)' },
  BMS056: { severity: 'warning', summary: 'client.station seats planned on a 7.0+ site: client licenses of earlier releases are not recognized, the tier decides' },
  BMS057: { severity: 'warning', summary: 'more than 3 concurrent clients in use on a License Server of an Essential-tier site (lmstat; our reading)' },
  BMS060: { severity: 'error', summary: 'connectivity: semi-online with an assignment mode: offline (semi-online counts as online)' },
  BMS061: { severity: 'warning', summary: 'repair budget used up: the ledger shows 4 repairs of this target in the last 12 months' },
  BMS062: { severity: 'warning', summary: 'ledger: the same event twice (a merge doubled the line)' },
  BMS063: { severity: 'error', summary: 'ledger: a return, repair, confirmation or reclaim of a transaction no line of the ledger activated' },
  BMS064: { severity: 'error', summary: "ledger: an event of another site in this site's ledger" },
  BMS065: { severity: 'error', summary: 'ledger: git conflict markers (every command refuses the ledger until they are resolved)' },
  BMS066: { severity: 'information', summary: 'a Site without spec.activation: treated as a real site (vendor-tools); a warning when bmsLicense.activation.mode is http' },
  BMS067: { severity: 'warning', summary: 'ledger: an event without via (written by an earlier version) in a site that is not a simulator site: not counted until adopted' },
  BMS068: { severity: 'error', summary: "ledger: a simulated event (via simulator, or a transaction the local simulator knows) in a real site's ledger: not counted" },
  BMS069: { severity: 'error', summary: 'ledger: an event recorded from License Administrator or Device Administrator in a simulator site: not counted' },
  BMS070: { severity: 'information', summary: 'feature not in the built-in catalog and no appliesTo: applicability not checked' },
  BMS090: { severity: 'error', summary: 'ledger: a line that is not a readable event (torn, not JSON, unknown op); its target waits until it is voided' },
  BMS091: { severity: 'error', summary: 'a ledger, site or plan file not saved as UTF-8 (UTF-16 from PowerShell, a legacy code page)' },
  BMS092: { severity: 'error', summary: 'ledger: a field with a wrong value (quantity not a positive whole number, a text that is not one, a bad mode)' },
  BMS093: { severity: 'error', summary: "ledger: a field the event's op needs is missing (target, transaction, activation id, quantity)" },
  BMS094: { severity: 'error', summary: "ledger: 'at' is not an ISO time, or lies in the future beyond a small clock skew" },
  BMS095: { severity: 'error', summary: 'ledger: one transaction id on two targets' },
  BMS096: { severity: 'error', summary: 'ledger: one (transaction, activation id) activated twice with different values' },
  BMS097: { severity: 'information', summary: 'ledger: a field this version does not know (written by a newer version): ignored' },
  BMS080: { severity: 'warning', summary: 'a feature the plan puts on this License Server is not served by it (lmstat)' },
  BMS081: { severity: 'warning', summary: 'fewer seats issued than planned on this License Server (lmstat)' },
  BMS082: { severity: 'information', summary: 'License Server down or unreachable at the last usage refresh (FlexNet error explained)' },
  BMS083: { severity: 'warning', summary: 'ledger: an event recorded with --anyway although the ledger contradicted it (the reason is shown)' },
  BMS084: { severity: 'warning', summary: 'a License Server issues fewer network seats than the ledger records there (lmstat)' },
  BMS085: { severity: 'information', summary: 'a License Server serves more network seats than the ledger records there: record them (lmstat)' },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

/** The repository package.json declares (`repository`, `bugs`, `homepage`); its README has one anchor a rule. */
export const REPOSITORY_URL = 'https://github.com/bms-tools/bms-license-workbench';

/** Where a rule is explained: the README's rules table, `#bms021`. */
export function ruleHelpUrl(code: RuleCode): string {
  return `${REPOSITORY_URL}#${code.toLowerCase()}`;
}

/** Builds a diagnostic with the rule's registered severity. */
export function diagnostic(
  code: RuleCode,
  uri: string,
  span: Span,
  message: string,
  extra: Pick<Diagnostic, 'related' | 'data'> = {},
): Diagnostic {
  return { code, severity: RULES[code].severity, message, uri, span, ...extra };
}

/** Stable order for output: by position, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.uri.localeCompare(b.uri) || a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code);
}

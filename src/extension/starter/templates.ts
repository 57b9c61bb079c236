// The starter site and plan the welcome view writes: small, valid, and commented so the engineer knows
// what to replace. Bundled as strings so the .vsix needs no extra files.

export const STARTER_SITE_FILE = 'site.bms.yaml';
export const STARTER_PLAN_FILE = 'plan.bms.yaml';
/** The line the starter adds to `.gitignore`: the simulator's state and other local files. */
export const GITIGNORE_LINE = '.bmslicense/';

export const STARTER_SITE = `# The site: its License Servers, the server hierarchy and the client computers.
# Rename the ids and hosts to match the site; see the Hospital North example for a larger one.
apiVersion: bms.license/v1
kind: Site
metadata:
  name: my-site                 # the site's id: lower-case letters, digits and '-'
  customer: Example Customer    # registration details: English letters only
  contact: Jane Smith
spec:
  version: "7.0"                # EBO version (or its name: 2022 = 4.0, 2023 = 5.0, 2024 = 6.0): below 7.0 the License Server licenses the ES/EC
  tier: essential               # 7.0+: essential (3 concurrent clients) | advanced | advanced-plus (unlimited)
  connectivity: online          # online | semi-online | offline
  activation: simulator         # practice: nothing is activated on the real system. A real site: vendor-tools
  licenseServers:
    - id: ls-main
      host: es01.example.local
      address: "@localhost"     # on the ES computer itself
  servers:
    - id: es-01
      type: enterprise-server
      host: es01.example.local
      licenseServer: ls-main
      children:
        - { id: as-01, type: as-p, host: 10.0.0.21 }
  clients:
    - { id: ws-01, type: workstation, licenseServers: [ls-main] }
`;

export const STARTER_PLAN = `# What goes where. Replace the entitlement and activation ids with those of the entitlement e-mail.
apiVersion: bms.license/v1
kind: LicensePlan
metadata:
  name: my-site-plan
  site: my-site
spec:
  expiryWarningDays: 30
  entitlements:
    - id: ENT-0000-0001
      products:
        # EBO 7.0: the Enterprise Server's base license is centralized (Device Administrator); below 7.0 it is network.
        - { activationId: ACT-0000-0001, feature: server.enterprise.base, licenseType: centralized, quantity: 1, expires: permanent }
        # The clients come with the tier on 7.0; editors stay network seats on the License Server.
        - { activationId: ACT-0000-0002, feature: client.graphiceditor, licenseType: network, quantity: 3, expires: permanent }
        - { activationId: ACT-0000-0003, feature: smartdriver, licenseType: centralized, quantity: 1, expires: permanent }
  assignments:
    - { server: es-01, activationId: ACT-0000-0001, quantity: 1 }
    - { licenseServer: ls-main, activationId: ACT-0000-0002, quantity: 3 }
    - { server: as-01, activationId: ACT-0000-0003, quantity: 1 }
`;

/** The lock a command holds beside a ledger while it runs, and its temp files: left by a crash, they must not reach other clones. */
export const LOCK_IGNORE_LINE = '*.ledger.jsonl.lock*';

/** `.gitignore` text with the starter's lines added, or undefined when they are already there. */
export function withGitignoreLine(existing: string | undefined): string | undefined {
  const lines = (existing ?? '').split(/\r?\n/).map((l) => l.trim());
  const hasState = lines.some((l) => l === GITIGNORE_LINE || l === '.bmslicense' || l === '/.bmslicense/' || l === '/.bmslicense');
  const hasLock = lines.some((l) => l === LOCK_IGNORE_LINE || l === '*.lock*');
  if (hasState && hasLock) return undefined;
  const base = existing ?? '';
  const sep = base === '' || base.endsWith('\n') ? '' : '\n';
  const add = [...(hasState ? [] : [GITIGNORE_LINE]), ...(hasLock ? [] : [LOCK_IGNORE_LINE])];
  return `${base}${sep}# BMS License Workbench: the LAS simulator's state, the site locks and other local files\n${add.join('\n')}\n`;
}

/**
 * The line the starter adds to `.gitattributes`: git's built-in union merge for ledgers. Two branches that
 * each appended events merge without a conflict, in every clone, with no driver to install; the engine
 * reports (BMS062) the one thing a union can do wrong, a line both branches carry twice.
 */
export const GITATTRIBUTES_LINE = '*.ledger.jsonl merge=union';

/** `.gitattributes` text with the union-merge line added, or undefined when ledgers already have a merge setting. */
export function withGitattributesLine(existing: string | undefined): string | undefined {
  const lines = (existing ?? '').split(/\r?\n/).map((l) => l.trim());
  if (lines.some((l) => /^\S*\.ledger\.jsonl\s.*\bmerge\b/.test(l))) return undefined;
  const base = existing ?? '';
  const sep = base === '' || base.endsWith('\n') ? '' : '\n';
  return `${base}${sep}# BMS License Workbench: ledgers are append-only, so a merge keeps the lines of both sides\n${GITATTRIBUTES_LINE}\n`;
}

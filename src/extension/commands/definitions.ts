// Every command the extension contributes, in one list: package.json declares the same ids (a unit test
// keeps them in step), and the one registration (registry.ts) takes from it whether a command needs a
// trusted workspace and what a failure half way may have left behind.

import { t } from '../../engine/l10n';

export const WORKFLOW_VERBS = ['activate', 'reclaim', 'return', 'repair', 'createOfflineRequests', 'importOfflineResponses', 'confirmReturn'] as const;
export type WorkflowVerb = (typeof WORKFLOW_VERBS)[number];

export interface CommandDefinition {
  id: string;
  title: string;
  /** Writes files, the ledger or calls the LAS: refused in an untrusted workspace. */
  needsTrust: boolean;
  /** What a failure half way may have left: steps recorded in the ledger, a file written, or nothing. */
  writes: 'ledger' | 'files' | 'nothing';
}

export const COMMANDS = [
  { id: 'bmsLicense.activate', title: 'Activate Licenses', needsTrust: true, writes: 'ledger' },
  { id: 'bmsLicense.reclaim', title: 'Reclaim Licenses (Refresh from Entitlement)', needsTrust: true, writes: 'ledger' },
  { id: 'bmsLicense.return', title: 'Return Licenses', needsTrust: true, writes: 'ledger' },
  { id: 'bmsLicense.repair', title: 'Repair Broken Licenses', needsTrust: true, writes: 'ledger' },
  { id: 'bmsLicense.createOfflineRequests', title: 'Create Offline Request Files', needsTrust: true, writes: 'ledger' },
  { id: 'bmsLicense.importOfflineResponses', title: 'Import Offline Response Files', needsTrust: true, writes: 'ledger' },
  { id: 'bmsLicense.confirmReturn', title: 'Confirm Offline Return', needsTrust: true, writes: 'ledger' },
  { id: 'bmsLicense.validateWorkspace', title: 'Validate Workspace', needsTrust: false, writes: 'nothing' },
  { id: 'bmsLicense.setActivationToken', title: 'Set Activation Server Token', needsTrust: true, writes: 'nothing' },
  { id: 'bmsLicense.refresh', title: 'Refresh Sites', needsTrust: false, writes: 'nothing' },
  { id: 'bmsLicense.revealInYaml', title: 'Reveal in YAML', needsTrust: false, writes: 'nothing' },
  { id: 'bmsLicense.createStarter', title: 'Create a Starter Site and Plan', needsTrust: true, writes: 'files' },
  { id: 'bmsLicense.openDashboard', title: 'Open License Dashboard', needsTrust: false, writes: 'nothing' },
  { id: 'bmsLicense.exportReport', title: 'Export License Report', needsTrust: true, writes: 'files' },
  { id: 'bmsLicense.refreshUsage', title: 'Refresh License Server Usage', needsTrust: true, writes: 'files' },
  { id: 'bmsLicense.importLmstat', title: 'Import lmstat Output…', needsTrust: true, writes: 'files' },
  { id: 'bmsLicense.importLicensesLog', title: 'Import Licenses Log…', needsTrust: true, writes: 'files' },
  { id: 'bmsLicense.reviewAndApply', title: 'Review and Apply Plan…', needsTrust: true, writes: 'ledger' },
  { id: 'bmsLicense.upgradeReport', title: 'Show 7.0 Upgrade Report', needsTrust: false, writes: 'nothing' },
  { id: 'bmsLicense.showOutput', title: 'Show Language Server Output', needsTrust: false, writes: 'nothing' },
] as const satisfies readonly CommandDefinition[];

export type CommandId = (typeof COMMANDS)[number]['id'];

/** What a workflow command says it does, in messages ("Activate, es-01: …"), in the display language. */
export function verbWords(verb: WorkflowVerb): { title: string; nothing: string } {
  switch (verb) {
    case 'activate':
      return { title: t('Activate'), nothing: t('everything planned is already active or requested') };
    case 'reclaim':
      return { title: t('Reclaim'), nothing: t('no active license to reclaim') };
    case 'return':
      return { title: t('Return'), nothing: t('no active license to return') };
    case 'repair':
      return { title: t('Repair'), nothing: t('no broken license to repair') };
    case 'createOfflineRequests':
      return { title: t('Create offline request files'), nothing: t('no request needed') };
    case 'importOfflineResponses':
      return { title: t('Import offline response files'), nothing: t('no response file to import') };
    case 'confirmReturn':
      return { title: t('Confirm offline return'), nothing: t('no offline return waits for its confirmation') };
  }
}

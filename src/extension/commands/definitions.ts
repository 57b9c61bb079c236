// Every command the extension contributes, in one list: package.json declares the same ids (a unit test
// keeps them in step), and the one registration (registry.ts) takes from it whether a command needs a
// trusted workspace and what a failure half way may have left behind.

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

/** What a workflow command says it does, in messages ("Activate on es-01: …"). */
export const VERB_WORDS: Record<WorkflowVerb, { title: string; done: string; nothing: string }> = {
  activate: { title: 'Activate', done: 'activated', nothing: 'everything planned is already active or requested' },
  reclaim: { title: 'Reclaim', done: 'reclaimed', nothing: 'no active license to reclaim' },
  return: { title: 'Return', done: 'returned', nothing: 'no active license to return' },
  repair: { title: 'Repair', done: 'repaired', nothing: 'no broken license to repair' },
  createOfflineRequests: { title: 'Create offline request files', done: 'request files written', nothing: 'no request needed' },
  importOfflineResponses: { title: 'Import offline response files', done: 'imported', nothing: 'no response file to import' },
  confirmReturn: { title: 'Confirm offline return', done: 'confirmed', nothing: 'no offline return waits for its confirmation' },
};

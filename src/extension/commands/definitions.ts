// Every command the extension contributes, in one list: package.json declares the same ids (a unit test
// keeps them in step), and the ones that write files or call the LAS need a trusted workspace.

export const WORKFLOW_VERBS = ['activate', 'reclaim', 'return', 'repair', 'createOfflineRequests', 'importOfflineResponses', 'confirmReturn'] as const;
export type WorkflowVerb = (typeof WORKFLOW_VERBS)[number];

export interface CommandDefinition {
  id: string;
  title: string;
  /** Writes files, the ledger or calls the LAS: refused in an untrusted workspace. */
  needsTrust: boolean;
}

export const COMMANDS: readonly CommandDefinition[] = [
  { id: 'bmsLicense.activate', title: 'Activate Licenses', needsTrust: true },
  { id: 'bmsLicense.reclaim', title: 'Reclaim Licenses (Refresh from Entitlement)', needsTrust: true },
  { id: 'bmsLicense.return', title: 'Return Licenses', needsTrust: true },
  { id: 'bmsLicense.repair', title: 'Repair Broken Licenses', needsTrust: true },
  { id: 'bmsLicense.createOfflineRequests', title: 'Create Offline Request Files', needsTrust: true },
  { id: 'bmsLicense.importOfflineResponses', title: 'Import Offline Response Files', needsTrust: true },
  { id: 'bmsLicense.confirmReturn', title: 'Confirm Offline Return', needsTrust: true },
  { id: 'bmsLicense.validateWorkspace', title: 'Validate Workspace', needsTrust: false },
  { id: 'bmsLicense.setActivationToken', title: 'Set Activation Server Token', needsTrust: true },
  { id: 'bmsLicense.refresh', title: 'Refresh Sites', needsTrust: false },
  { id: 'bmsLicense.revealInYaml', title: 'Reveal in YAML', needsTrust: false },
  { id: 'bmsLicense.createStarter', title: 'Create a Starter Site and Plan', needsTrust: true },
  { id: 'bmsLicense.openDashboard', title: 'Open License Dashboard', needsTrust: false },
  { id: 'bmsLicense.exportReport', title: 'Export License Report', needsTrust: true },
  { id: 'bmsLicense.refreshUsage', title: 'Refresh License Server Usage', needsTrust: true },
  { id: 'bmsLicense.importLmstat', title: 'Import lmstat Output…', needsTrust: true },
  { id: 'bmsLicense.importLicensesLog', title: 'Import Licenses Log…', needsTrust: true },
  { id: 'bmsLicense.reviewAndApply', title: 'Review and Apply Plan…', needsTrust: true },
  { id: 'bmsLicense.upgradeReport', title: 'Show 7.0 Upgrade Report', needsTrust: false },
];

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

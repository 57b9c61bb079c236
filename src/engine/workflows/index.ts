// The license workflows, for the CLI and the extension's commands.
export { activate } from './activate';
export { confirmReturn } from './confirmReturn';
export { describeResult, type Progress, type ReturnConfirmation, type WorkflowOptions, type WorkflowResult } from './context';
export { importResponses, responseFiles } from './importResponses';
export { reclaim } from './reclaim';
export { repair, reportBroken } from './repair';
export { describeReturn, returnLicenses } from './return';

// Reconcile: the plan as the desired state. `reconcile` computes the actions, `applyPlan` runs them.
export { applyPlan, planNow, reviewReturns, type ApplyOptions, type ApplyResult, type ReturnReview } from './apply';
export { assignmentStates, type AssignmentState, type AssignmentStateKind } from './assignmentStates';
export { actionSign, describeAction, formatPlanJson, formatPlanText, reviewText, summaryLine, targetLabel } from './format';
export { reconcile } from './reconcile';
export * from './types';

// The reconcile plan as text to review (Terraform-like: + activate, ~ reclaim/repair, - return, > offline
// step, ! cannot be applied) and as JSON for scripts.
import { blockerText } from '../siteCheck';
import { t } from '../l10n';
import type { ReconcileAction, ReconcilePlan, ReconcileSummary } from './types';

const SIGN: Record<ReconcileAction['kind'], string> = { activate: '+', reclaim: '~', return: '-', repair: '~', 'confirm-return': '>', 'import-response': '>' };

export function targetLabel(a: Pick<ReconcileAction, 'target' | 'targetKind' | 'targetType'>): string {
  if (a.targetKind === 'unknown') return `${a.target} (not in the site)`;
  if (a.targetKind === 'licenseServer') return `${a.target} (License Server)`;
  return a.targetType ? `${a.target} (${a.targetType})` : a.target;
}

function lines(a: ReconcileAction): string {
  return [{ activationId: a.activationId, quantity: a.quantity }, ...(a.takesAlong ?? [])].map((l) => `${l.activationId} ×${l.quantity}`).join(', ');
}

/** One line per action, without the sign. */
export function describeAction(a: ReconcileAction): string {
  if (a.finding) return `blocked  ${whatOf(a, targetLabel(a))} — ${blockerText(a.finding)}`;
  const on = targetLabel(a);
  let text = `${whatOf(a, on)} — ${a.workflow} — ${a.reason}`;
  if (a.kind === 'repair' && a.repairsLeft !== undefined) text += `; ${a.repairsLeft} repair${a.repairsLeft === 1 ? '' : 's'} left in 12 months`;
  if (a.kind === 'return' && a.takesAlong?.length) {
    const again = a.workflow === 'online' ? 'activated again below' : 'activate again once the return is confirmed';
    text += `  (also returns: ${a.takesAlong.map((l) => `${l.activationId} ×${l.quantity}${l.stillPlanned ? ` [still planned: ${again}]` : ''}`).join(', ')})`;
  }
  if (a.waitsFor) text += `; next: ${a.waitsFor}`;
  if (a.blocked) text += ` — cannot be applied: ${a.blocked}`;
  return text;
}

/** The action itself: `activate ACT-… ×1 on es-01 (enterprise-server)`. */
function whatOf(a: ReconcileAction, on: string): string {
  let what: string;
  switch (a.kind) {
    case 'activate':
      what = `activate ${a.activationId} ×${a.quantity} on ${on}`;
      break;
    case 'reclaim':
      what = `reclaim ${a.activationId} ×${a.activeQuantity ?? '?'} → ×${a.quantity} on ${on}`;
      break;
    case 'return':
      what = `return ${a.activationId} ×${a.quantity} from ${on}`;
      break;
    case 'repair':
      what = `repair ${a.transaction} (${lines(a)}) on ${on}`;
      break;
    case 'confirm-return':
      what = `confirm-return ${a.transaction} (${lines(a)}) from ${on}`;
      break;
    case 'import-response':
      what = `import-response ${a.requestId} (${a.request}) for ${on}`;
      break;
  }
  return what;
}

export function actionSign(a: ReconcileAction): string {
  return a.blocked ? '!' : SIGN[a.kind];
}

export function summaryLine(s: ReconcileSummary): string {
  // Through t(): English in the CLI (no bundle), the display language in the editor.
  if (s.activate + s.reclaim + s.return + s.repair + s.pending + s.blocked === 0) return t('No changes: the activations match the plan.');
  let text = t('Plan: {0} to activate, {1} to reclaim, {2} to return, {3} to repair.', s.activate, s.reclaim, s.return, s.repair);
  if (s.pending > 0) text += ` ${s.pending === 1 ? t('1 offline step pending.') : t('{0} offline steps pending.', s.pending)}`;
  if (s.blocked > 0) text += ` ${t('{0} blocked: cannot be applied (marked !).', s.blocked)}`;
  return text;
}

/** The whole plan as reviewable text. `ledger` is the file name to show. */
export function formatPlanText(plan: ReconcilePlan, ledger?: string): string {
  const out = [`Site ${plan.site} (${plan.connectivity}${activationWords(plan)})${ledger ? `, ledger ${ledger}` : ''}`];
  if (plan.actions.length > 0) out.push('', ...plan.actions.map((a) => `  ${actionSign(a)} ${describeAction(a)}`), '');
  out.push(summaryLine(plan.summary));
  return `${out.join('\n')}\n`;
}

/** `, simulator: simulated, nothing is activated on the real system`: said wherever a plan is shown. */
function activationWords(plan: ReconcilePlan): string {
  if (plan.activation === 'simulator') return ', activation simulator: every action is simulated, nothing is activated on the real system';
  if (plan.activation === 'vendor-tools') return ", activation vendor-tools: done in License Administrator / Device Administrator, then recorded";
  return plan.activation ? `, activation ${plan.activation}` : '';
}

export function formatPlanJson(plan: ReconcilePlan & { guide?: unknown }): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** The plan as a diff-like document to review before apply (`+` activate, `-` return, `~` change, `>` offline step, `!` blocked). */
/** `guide`: on a vendor-tools site, the steps in the vendor's tools as `guideText` prints them (appended). */
export function reviewText(plan: ReconcilePlan, ledger?: string, guide?: string): string {
  const out = [
    `# Review: site ${plan.site} (${plan.connectivity}${activationWords(plan)})${ledger ? `, ledger ${ledger}` : ''}`,
    guide
      ? "# Each action below is done by you in the vendor's tool (the steps follow); apply records what you answer done."
      : '# Apply runs the actions below in this order and records each in the ledger; it stops at the first failure.',
    '',
  ];
  for (const a of plan.actions) out.push(`${actionSign(a)} ${describeAction(a)}`);
  if (plan.actions.length > 0) out.push('');
  out.push(`# ${summaryLine(plan.summary)}`);
  if (guide) out.push('', guide.trimEnd());
  return `${out.join('\n')}\n`;
}

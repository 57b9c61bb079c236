// What the user is told when a workflow command ends: what was done, what was not and why, and what to
// do next. Plain TypeScript so the wording is unit-tested; the full list goes to the output channel.
import type { StepReport } from '../../engine/workflows/context';
import type { WorkflowResult } from '../../engine/workflows';
import { t } from '../../engine/l10n';
import { verbWords, type WorkflowVerb } from './definitions';
import { scopeLabel, type Scope } from './scope';

export interface Outcome {
  severity: 'information' | 'warning' | 'error';
  message: string;
  /** Offer "Show Details" (the output channel holds every step). */
  details: boolean;
}

const SHOWN = 3;
const retry = () => t('Run it again to finish: what is done is not redone.');

function list(items: StepReport[]): string {
  // A step's message may end with its own full stop; the sentence around the list adds one.
  const shown = items.slice(0, SHOWN).map((i) => (i.target && !i.message.startsWith(`${i.target}:`) ? `${i.target}: ${i.message}` : i.message).replace(/\.+$/, ''));
  const more = items.length > SHOWN ? t(' (and {0} more, see Show Details)', items.length - SHOWN) : '';
  return `${shown.join('; ')}${more}`;
}

/** The next step after request files were written. */
function offlineNext(verb: WorkflowVerb, count: number, folder: string | undefined): string {
  const written = folder ? t('{0} request file(s) written in {1}.', count, folder) : t('{0} request file(s) written.', count);
  const then = verb === 'return' ? ` ${t('After the import, run "Confirm Offline Return" from a computer that reaches the LAS: until then these licenses cannot be activated again.')}` : '';
  return `${written} ${t("Next: carry them to a computer that reaches this workspace's activation server (the built-in simulator: bmslicense las respond), answer them there, bring the response files back and run \"Import Offline Response Files\". They are BMS License Workbench's own format, not Device Administrator files: the vendor's License Activation Server does not read them.")}${then}`;
}

function failureHint(codes: (string | undefined)[]): string {
  if (codes.includes('unauthorized')) return t('The activation server refused the token: run "BMS: Set Activation Server Token", then run it again.');
  if (codes.includes('unavailable')) return t('The activation server could not be reached: check the connection and the setting bmsLicense.activation.url, then run it again.');
  if (codes.includes('repair-budget')) return t('The repair budget (4 per target in 12 months) is used up: contact the vendor for this target.');
  if (codes.includes('return-unconfirmed')) return t('Run "Confirm Offline Return" first, then run it again.');
  return t('Fix what is said above, then run it again.');
}

export function outcomeOf(verb: WorkflowVerb, scope: Scope, r: WorkflowResult, offlineFolder?: string): Outcome {
  const words = verbWords(verb);
  const head = `${words.title}, ${scopeLabel(scope)}`;
  const files = r.requestFiles.length;
  if (r.done.length === 0 && r.notDone.length === 1 && r.notDone[0]!.code === 'cancelled' && !r.notDone[0]!.target) {
    // The user said no to the confirmation (a return): nothing happened, nothing to finish.
    return { severity: 'information', message: `${head}: ${r.notDone[0]!.message}`, details: false };
  }
  if (r.cancelled) {
    const done = r.done.length > 0 ? t('Done: {0}.', list(r.done)) : t('Nothing was done.');
    return { severity: 'warning', message: `${head}: ${t('cancelled.')} ${done} ${retry()}`, details: r.done.length > 0 };
  }
  if (r.ok) {
    if (r.done.length === 0) return { severity: 'information', message: `${head}: ${t('nothing to do ({0}).', words.nothing)}`, details: false };
    const next = files > 0 ? ` ${offlineNext(verb, files, offlineFolder)}` : '';
    return { severity: 'information', message: `${head}: ${list(r.done)}.${next}`, details: r.done.length > SHOWN };
  }
  const hint = failureHint(r.notDone.map((n) => n.code));
  if (r.done.length === 0) {
    return { severity: 'error', message: `${head}: ${t('not done.')} ${list(r.notDone)}. ${hint}`, details: r.notDone.length > 1 };
  }
  const next = files > 0 ? ` ${offlineNext(verb, files, offlineFolder)}` : '';
  return {
    severity: 'warning',
    message: `${head}: ${t('{0} step(s) done, {1} not done. Done: {2}. Not done: {3}.', r.done.length, r.notDone.length, list(r.done), list(r.notDone))} ${hint} ${retry()}${next}`,
    details: true,
  };
}

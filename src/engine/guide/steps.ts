// Guided steps for the vendor's tools: each action of the plan on a vendor-tools site as what the engineer does
// in License Administrator or Device Administrator — the tool, the computer, the values to enter, the vendor's
// offline sub-steps and the help topic — grouped by tool and computer, one step per transaction. Plain data for
// the CLI's plan and apply, Pending changes and Review and Apply; render.ts turns it into text or Markdown.
import { licenseState, type LedgerState } from '../ledger/fold';
import type { RecordedVia } from '../ledger/provenance';
import type { LicensePlan, Site } from '../model';
import type { ReconcileAction, ReconcilePlan } from '../reconcile/types';
import { productOf, TOOL_NAMES, toolFor, type ToolPlace } from './tools';

export type GuideStepKind = 'activate' | 'activate-more' | 'reclaim' | 'return' | 'confirm-return' | 'repair' | 'import-response';

export interface GuideLicense {
  activationId: string;
  quantity: number;
  entitlementId?: string;
  feature?: string;
  /** The vendor's id recorded for it (returns, repairs). */
  vendorRef?: string;
}

export interface GuideStep {
  kind: GuideStepKind;
  target: string;
  place: ToolPlace;
  /** One line: `License Administrator on ls-main's computer (…): activate activation ID ACT-…, quantity 5 (entitlement ENT-…)`. */
  text: string;
  licenses: GuideLicense[];
  /** Each value to enter or copy, in order. */
  values: { label: string; value: string }[];
  transaction?: string;
  /** Offline: the vendor's request → upload → response (→ confirm) steps. */
  substeps: string[];
  /** Help topic ids (EcoStruxure Building help, DOMAIN.md). */
  help: number[];
  /** Repairs left, what a return takes along, why it cannot be done yet. */
  notes: string[];
  /** The command that records it once done. */
  record: string;
  /** Why it cannot be done now (a finding of validate, no repair left…). */
  blocked?: string;
  /** The reconcile actions behind it. */
  actions: ReconcileAction[];
}

export interface GuideGroup {
  tool: RecordedVia;
  toolName: string;
  computer: string;
  steps: GuideStep[];
}

export interface Guide {
  site: string;
  groups: GuideGroup[];
  /** Every step, in the order the groups list them. */
  steps: GuideStep[];
}

export const HELP_URL = (id: number) => `https://ecostruxure-building-help.se.com/bms/topics/show.castle?id=${id}`;

const HELP = {
  activateLA: 12688,
  activateDA: 12701,
  returnTx: 6366,
  offlineReturn: 15176,
  confirmReturn: 15177,
  repair: 5998,
  reclaim: 13500,
  offlineRequest: 15174,
  offlineResponse: 15217,
} as const;

/** The plan's actions as steps in the vendor's tools. */
export function buildGuide(site: Site, plans: readonly LicensePlan[], plan: ReconcilePlan, state: LedgerState): Guide {
  const steps: GuideStep[] = [];
  const activations = new Map<string, GuideStep>();
  for (const a of plan.actions) {
    const product = productOf(plans, a.activationId);
    const place = toolFor(site, a.target, product);
    const offline = a.workflow === 'offline';
    const lic = (activationId: string, quantity: number): GuideLicense => {
      const p = productOf(plans, activationId);
      const vendorRef = licenseState(state, a.target, activationId)?.vendorRef;
      return { activationId, quantity, entitlementId: p?.entitlementId, feature: p?.feature, ...(vendorRef ? { vendorRef } : {}) };
    };
    const base = (kind: GuideStepKind, licenses: GuideLicense[]): GuideStep => ({
      kind, target: a.target, place, text: '', licenses, values: [], substeps: [], help: [], notes: [], record: '', actions: [a],
      ...(a.transaction ? { transaction: a.transaction } : {}), ...(a.blocked ? { blocked: a.blocked } : {}),
    });
    let step: GuideStep;
    switch (a.kind) {
      case 'activate': {
        // Licenses activated together are one transaction (returned together later): one step per tool and target.
        const key = `${place.tool}\u0000${a.target}\u0000${a.executable}`;
        const same = activations.get(key);
        if (same) {
          same.licenses.push(lic(a.activationId, a.quantity));
          same.actions.push(a);
          continue;
        }
        step = base('activate', [lic(a.activationId, a.quantity)]);
        step.help = place.tool === 'license-administrator' ? [HELP.activateLA] : [HELP.activateDA, ...(offline ? [HELP.offlineRequest, HELP.offlineResponse] : [])];
        step.substeps = offline ? offlineSteps(place.tool, 'activation') : [];
        activations.set(key, step);
        break;
      }
      case 'reclaim': {
        const more = a.quantity - (a.activeQuantity ?? 0);
        if (place.tool === 'license-administrator') {
          // License Administrator has no reclaim: the seats that are missing are activated as one more transaction.
          step = base('activate-more', [lic(a.activationId, more)]);
          step.help = [HELP.activateLA];
          step.notes.push(`${a.activeQuantity ?? 0} of ${a.quantity} activated: activate ${more} more (License Administrator has no reclaim)`);
          step.substeps = offline ? offlineSteps(place.tool, 'activation') : [];
        } else {
          step = base('reclaim', [lic(a.activationId, a.quantity)]);
          step.help = offline ? [HELP.reclaim, HELP.offlineRequest, HELP.offlineResponse] : [HELP.reclaim];
          step.notes.push(`${a.activeQuantity ?? 0} activated, the entitlement now gives ${a.quantity}: reclaim picks it up`);
          step.substeps = offline ? ['Download the license information of the server in Device Administrator', ...offlineSteps(place.tool, 'reclaim')] : [];
        }
        break;
      }
      case 'return': {
        step = base('return', [lic(a.activationId, a.quantity), ...(a.takesAlong ?? []).map((l) => lic(l.activationId, l.quantity))]);
        step.help = offline ? [HELP.returnTx, HELP.offlineReturn, HELP.confirmReturn] : [HELP.returnTx];
        if (a.takesAlong?.length) step.notes.push(`the return takes the whole transaction ${a.transaction}: also ${a.takesAlong.map((l) => `${l.activationId} ×${l.quantity}${l.stillPlanned ? ' (still planned: activate it again afterwards)' : ''}`).join(', ')}`);
        step.substeps = offline ? [...offlineSteps(place.tool, 'return'), 'Confirm the return on the License Activation Server; until then these licenses cannot be activated again'] : [];
        break;
      }
      case 'repair': {
        step = base('repair', [lic(a.activationId, a.quantity), ...(a.takesAlong ?? []).map((l) => lic(l.activationId, l.quantity))]);
        step.help = [HELP.repair];
        if (place.licenseServer) step.notes.push(`only from ${place.licenseServer}, the License Server that activated it`);
        if (a.repairsLeft !== undefined) step.notes.push(`${a.repairsLeft} repair${a.repairsLeft === 1 ? '' : 's'} of ${a.target} left in 12 months (at most 4)`);
        step.substeps = offline ? offlineSteps(place.tool, 'repair') : [];
        break;
      }
      case 'confirm-return':
        step = base('confirm-return', [lic(a.activationId, a.quantity), ...(a.takesAlong ?? []).map((l) => lic(l.activationId, l.quantity))]);
        step.help = [HELP.confirmReturn];
        break;
      case 'import-response':
        step = base('import-response', a.activationId ? [lic(a.activationId, a.quantity)] : []);
        step.help = [HELP.offlineResponse];
        if (a.waitsFor) step.notes.push(a.waitsFor);
        break;
    }
    steps.push(step);
  }
  for (const s of steps) finish(site.name, s);
  return group(site.name, steps);
}

function offlineSteps(tool: RecordedVia, what: string): string[] {
  const name = TOOL_NAMES[tool];
  return [
    `In ${name}, create the ${what} request file`,
    "Carry it to a computer with internet and upload it to the vendor's License Activation Server",
    'Download the response file',
    `In ${name}, process the response file`,
  ];
}

const VERB: Record<GuideStepKind, string> = {
  activate: 'activate',
  'activate-more': 'activate more',
  reclaim: 'reclaim',
  return: 'return',
  'confirm-return': 'confirm the offline return of',
  repair: 'repair',
  'import-response': 'process the response file for',
};

function finish(site: string, s: GuideStep): void {
  const name = TOOL_NAMES[s.place.tool];
  const where = s.place.tool === 'license-administrator' ? `${name} on ${s.place.computer}` : `${name}, ${s.place.computer}`;
  const lic = (l: GuideLicense) => `activation ID ${l.activationId}, quantity ${l.quantity}${l.entitlementId ? ` (entitlement ${l.entitlementId})` : ''}${l.vendorRef ? ` [vendor id ${l.vendorRef}]` : ''}`;
  const what = s.kind === 'activate-more' ? `activate ${s.licenses[0]?.quantity ?? 0} more: ${s.licenses.map(lic).join('; ')}` : `${VERB[s.kind]} ${s.transaction && s.kind !== 'activate' ? `transaction ${s.transaction}: ` : ''}${s.licenses.map(lic).join('; ')}`;
  const forTarget = s.place.tool === 'license-administrator' && s.place.licenseServer !== undefined && s.place.licenseServer !== s.target ? ` for ${s.target}` : '';
  s.text = `${where}: ${what}${forTarget}`;
  for (const l of s.licenses) {
    if (l.entitlementId) s.values.push({ label: 'Entitlement ID', value: l.entitlementId });
    s.values.push({ label: 'Activation ID', value: l.activationId }, { label: 'Quantity', value: String(l.quantity) });
    if (l.vendorRef) s.values.push({ label: "Vendor's id", value: l.vendorRef });
  }
  if (s.place.server) s.values.push({ label: 'Server', value: s.place.server });
  const op = s.kind === 'activate-more' ? 'activate' : s.kind === 'import-response' ? 'response-imported' : s.kind;
  const pairs = op === 'activate' || op === 'reclaim' ? s.licenses.map((l) => ` --activation-id ${l.activationId} --quantity ${l.quantity}`).join('') : s.licenses[0] ? ` --activation-id ${s.licenses[0].activationId}` : '';
  s.record = `bmslicense record ${op} --site ${site} --target ${s.target}${pairs}`;
}

function group(site: string, steps: GuideStep[]): Guide {
  const groups = new Map<string, GuideGroup>();
  for (const s of steps) {
    const key = `${s.place.tool}\u0000${s.place.licenseServer ?? s.place.topServer ?? s.place.computer}`;
    const g = groups.get(key) ?? { tool: s.place.tool, toolName: TOOL_NAMES[s.place.tool], computer: s.place.tool === 'license-administrator' ? s.place.computer : s.place.topServer ? `from the top server ${s.place.topServer}` : s.place.computer, steps: [] };
    g.steps.push(s);
    groups.set(key, g);
  }
  const list = [...groups.values()];
  return { site, groups: list, steps: list.flatMap((g) => g.steps) };
}

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { licenseState } from '../../../src/engine/ledger/fold';
import { parseRequest, responseFileName } from '../../../src/engine/las/offline/format';
import { answerRequest } from '../../../src/engine/las/offline/respond';
import type { Las } from '../../../src/engine/las/types';
import { applyPlan, formatPlanText, reviewText, type ApplyResult } from '../../../src/engine/reconcile';
import { activate } from '../../../src/engine/workflows/activate';
import { repair, reportBroken } from '../../../src/engine/workflows/repair';
import { brief, without, world, type World } from './fixture';

function assertApplied<R extends Pick<ApplyResult, 'ok' | 'notDone'> & { skipped?: ApplyResult['skipped'] }>(r: R): R {
  if (!r.ok) throw new Error(`apply not ok:\n${JSON.stringify({ notDone: r.notDone, skipped: r.skipped }, null, 1)}`);
  return r;
}

/** The line of a plan text that starts (after its indent) with `start`; fails when there is none. */
function lineOf(text: string, start: string): string {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(start));
  assert.ok(line, `no line starting with ${JSON.stringify(start)} in:\n${text}`);
  return line;
}

describe('reconcile: plan against ledger', () => {
  let w: World;
  afterEach(() => w.cleanup());

  it('an empty ledger gives every activation, License Server first, servers top-down', () => {
    w = world();
    const plan = w.plan();
    assert.deepEqual(brief(plan), ['activate ls-main ACT-SEATS ×5', 'activate es-01 ACT-BASE ×1', 'activate es-01 ACT-CC ×1', 'activate as-01 ACT-SNMP ×2']);
    assert.ok(plan.actions.every((a) => a.workflow === 'online' && a.executable));
    assert.equal(plan.actions[1]!.reason, 'assignment #1 not activated');
    assert.deepEqual(plan.actions[0]!.assignments, [{ plan: 'north-plan', index: 3 }]);
    assert.deepEqual(plan.summary, { activate: 4, reclaim: 0, return: 0, repair: 0, pending: 0, blocked: 0 });
    const seats = lineOf(formatPlanText(plan), '+ activate ACT-SEATS ×5 on ls-main');
    assert.match(seats, /assignment #4/);
    assert.equal(formatPlanText(plan).trimEnd().split('\n').at(-1), `Plan: ${['4 to activate', '0 to reclaim', '0 to return', '0 to repair'].join(', ')}.`, 'the summary line, last');
    const review = reviewText(plan, 'north.ledger.jsonl').split('\n');
    assert.match(review[0]!, /^# Review: site north \(online, .*simulator/);
    assert.match(review[0]!, /north\.ledger\.jsonl$/);
    assert.equal(review.filter((l) => l.startsWith('+ activate ')).length, 4, 'diff-like: the sign in the first column');
  });

  it('nothing to do once everything is activated; a second apply leaves the ledger unchanged', async () => {
    w = world();
    const first = assertApplied(await applyPlan(w.options()));
    assert.equal(first.done.length, 3, 'one activation transaction per target');
    assert.deepEqual(brief(w.plan()), []);
    const ledger = w.ledgerText();
    const second = assertApplied(await applyPlan(w.options()));
    assert.equal(second.plan.actions.length, 0);
    assert.equal(second.done.length, 0);
    assert.equal(w.ledgerText(), ledger);
    const text = formatPlanText(w.plan()).split('\n');
    assert.equal(text.length, 3, 'a header, one line and the final newline');
    assert.match(text[0]!, /^Site north \(online, activation simulator/);
    assert.match(text[1]!, /^No changes:/);
  });

  it('an assignment removed: returns its whole transaction and reports the sibling it takes along', async () => {
    w = world();
    assertApplied(await applyPlan(w.options()));
    const tx = licenseState(w.state(), 'es-01', 'ACT-CC')!.transaction;
    const edit = without('{ server: es-01, activationId: ACT-CC, quantity: 1 }');
    const plan = w.plan({ edit });
    assert.deepEqual(brief(plan), ['return es-01 ACT-CC ×1', 'activate es-01 ACT-BASE ×1']);
    const ret = plan.actions[0]!;
    assert.equal(ret.transaction, tx);
    assert.deepEqual(ret.takesAlong, [{ activationId: 'ACT-BASE', quantity: 1, stillPlanned: true }]);
    assert.match(plan.actions[1]!.reason, new RegExp(`taken back by the return of ${tx}`));
    const returned = lineOf(formatPlanText(plan), '- return ACT-CC ×1 from es-01');
    assert.match(returned, /also returns: ACT-BASE ×1 \[still planned/);

    const before = w.ledgerText();
    const refused = await applyPlan({ ...w.options({ edit }), confirmReturns: undefined });
    assert.equal(refused.ok, false);
    assert.equal(refused.done.length, 0);
    assert.equal(w.ledgerText(), before, 'no return without a confirmation');

    let asked = '';
    assertApplied(await applyPlan({ ...w.options({ edit }), confirmReturns: async (r) => ((asked = r.message), true) }));
    assert.match(asked, /return ACT-CC ×1 from es-01/);
    assert.match(asked, /also returns: ACT-BASE ×1/);
    const s = w.state();
    assert.equal(licenseState(s, 'es-01', 'ACT-CC')!.status, 'returned');
    assert.equal(licenseState(s, 'es-01', 'ACT-BASE')!.status, 'activated');
    assert.notEqual(licenseState(s, 'es-01', 'ACT-BASE')!.transaction, tx);
    assert.deepEqual(brief(w.plan({ edit })), []);
  });

  it('quantity increased: a reclaim, which picks up the grown entitlement', async () => {
    w = world();
    assertApplied(await applyPlan(w.options()));
    const grown = { plan: { snmpQuantity: 4 }, edit: (t: string) => t.replace('activationId: ACT-SNMP, quantity: 2', 'activationId: ACT-SNMP, quantity: 3') };
    const plan = w.plan(grown);
    assert.deepEqual(brief(plan), ['reclaim as-01 ACT-SNMP ×3']);
    assert.equal(plan.actions[0]!.activeQuantity, 2);
    assert.match(formatPlanText(plan), /~ reclaim ACT-SNMP ×2 → ×3 on as-01 \(as-p\)/);
    assertApplied(await applyPlan(w.options(grown)));
    assert.equal(licenseState(w.state(), 'as-01', 'ACT-SNMP')!.quantity, 3);
    assert.deepEqual(brief(w.plan(grown)), []);
  });

  it('a reclaim that cannot reach the planned quantity (entitlement not grown) stops with the reason', async () => {
    w = world();
    assertApplied(await applyPlan(w.options()));
    const more = { edit: (t: string) => t.replace('activationId: ACT-SNMP, quantity: 2', 'activationId: ACT-SNMP, quantity: 3') };
    const r = await applyPlan(w.options(more));
    assert.equal(r.ok, false);
    assert.equal(r.notDone[0]!.code, 'reclaim-short');
    assert.match(r.notDone[0]!.message, /entitlement has not grown/);
  });

  it('an offline site: request steps, then responses waiting, then imported from the folder', async () => {
    w = world('offline');
    const plan = w.plan();
    assert.ok(plan.actions.every((a) => a.kind === 'activate' && a.workflow === 'offline'));
    const requested = assertApplied(await applyPlan(w.options()));
    assert.equal(requested.requestFiles.length, 3);
    const waiting = w.plan();
    assert.deepEqual(waiting.actions.map((a) => `${a.kind} ${a.target} ${a.request}`), ['import-response ls-main activate', 'import-response es-01 activate', 'import-response as-01 activate']);
    assert.ok(waiting.actions.every((a) => !a.executable && a.waitsFor));
    assert.deepEqual(waiting.summary, { activate: 0, reclaim: 0, return: 0, repair: 0, pending: 3, blocked: 0 });
    const before = w.ledgerText();
    const again = await applyPlan(w.options());
    assert.equal(again.ok, true);
    assert.equal(again.skipped.length, 3);
    assert.equal(w.ledgerText(), before, 'no second request while the first waits');

    const responses = path.join(w.dir, 'responses');
    fs.mkdirSync(responses);
    for (const f of requested.requestFiles) {
      const response = await answerRequest(w.las, parseRequest(fs.readFileSync(f, 'utf8')).request!, () => w.clock.now);
      fs.writeFileSync(path.join(responses, responseFileName(response.requestId)), JSON.stringify(response));
    }
    assertApplied(await applyPlan({ ...w.options(), responsesDir: responses, publicKeyPem: w.las.publicKeyPem() }));
    assert.equal(licenseState(w.state(), 'as-01', 'ACT-SNMP')!.status, 'activated');
    assert.deepEqual(brief(w.plan()), []);
  });

  it('a half-applied run (LAS down mid-way) resumes without activating anything twice', async () => {
    w = world();
    let calls = 0;
    const flaky: Las = Object.create(w.las);
    flaky.activate = async (t, l) => (++calls === 2 ? { ok: false, error: { code: 'unavailable', message: 'connection reset', retryable: true } } : w.las.activate(t, l));
    const first = await applyPlan(w.options({ las: flaky }));
    assert.equal(first.ok, false);
    assert.equal(first.done.length, 1);
    assert.match(first.notDone.map((n) => n.message).join('\n'), /connection reset[\s\S]*not attempted/);
    assert.deepEqual(brief(w.plan()), ['activate es-01 ACT-BASE ×1', 'activate es-01 ACT-CC ×1', 'activate as-01 ACT-SNMP ×2']);
    assertApplied(await applyPlan(w.options({ las: flaky })));
    const txs = await w.las.activations('north');
    assert.ok(txs.ok);
    const ids = txs.value.flatMap((t) => t.lines.map((l) => `${t.target}/${l.activationId}`)).sort();
    assert.deepEqual(ids, ['as-01/ACT-SNMP', 'es-01/ACT-BASE', 'es-01/ACT-CC', 'ls-main/ACT-SEATS']);
  });

  it('a crash between the LAS and the ledger: apply records the activation instead of repeating it', async () => {
    w = world();
    const opts = w.options();
    assertApplied(await activate({ ...opts, target: 'ls-main' } as never));
    await w.las.activate({ site: 'north', id: 'as-01', type: 'as-p' }, [{ activationId: 'ACT-SNMP', quantity: 2 }]);
    assert.ok(brief(w.plan()).includes('activate as-01 ACT-SNMP ×2'), 'the ledger does not know it yet');
    assertApplied(await applyPlan(w.options()));
    const txs = await w.las.activations('north', 'as-01');
    assert.ok(txs.ok);
    assert.equal(txs.value.length, 1);
    assert.deepEqual(brief(w.plan()), []);
  });

  it('a broken license: a repair with its budget, and not executable once the budget is used up', async () => {
    w = world();
    assertApplied(await applyPlan(w.options()));
    const tx = licenseState(w.state(), 'es-01', 'ACT-BASE')!.transaction!;
    const opts = { ...w.options(), target: 'es-01', confirm: async () => true };
    assertApplied(await reportBroken(opts as never, tx));
    let plan = w.plan();
    assert.deepEqual(brief(plan), ['repair es-01 ACT-BASE ×1']);
    assert.equal(plan.actions[0]!.repairsLeft, 4);
    assert.deepEqual(plan.actions[0]!.takesAlong, [{ activationId: 'ACT-CC', quantity: 1, stillPlanned: true }]);
    const repairLine = lineOf(formatPlanText(plan), `~ repair ${tx} (ACT-BASE ×1, ACT-CC ×1) on es-01`);
    assert.match(repairLine, /4 repairs left/);
    assertApplied(await applyPlan(w.options()));
    assert.equal(licenseState(w.state(), 'es-01', 'ACT-BASE')!.status, 'activated');
    for (let i = 0; i < 3; i++) {
      w.clock.now = new Date(w.clock.now.getTime() + 86_400_000);
      assertApplied(await reportBroken(opts as never, tx));
      assertApplied(await repair(opts as never));
    }
    assertApplied(await reportBroken(opts as never, tx));
    plan = w.plan();
    assert.deepEqual(brief(plan), ['repair es-01 ACT-BASE ×1 (not executable)']);
    assert.equal(plan.actions[0]!.repairsLeft, 0);
    assert.match(plan.actions[0]!.blocked!, /repaired 4 times/);
    assert.equal(plan.summary.blocked, 1);
    const blockedLine = lineOf(formatPlanText(plan), '! repair ');
    assert.match(blockedLine, /no repair left/);
    const before = w.ledgerText();
    const r = await applyPlan(w.options());
    assert.equal(r.ok, false);
    assert.equal(r.skipped[0]!.code, 'blocked');
    assert.equal(w.ledgerText(), before);
  });

  it('an activation id in no entitlement, or a target missing from the site, is not executable', () => {
    w = world();
    const plan = w.plan({ plan: { extraAssignments: ['{ server: as-01, activationId: ACT-NONE, quantity: 1 }', '{ server: as-99, activationId: ACT-SNMP, quantity: 1 }'] } });
    const blocked = plan.actions.filter((a) => !a.executable);
    assert.deepEqual(blocked.map((a) => `${a.target} ${a.activationId}`), ['as-01 ACT-NONE', 'as-99 ACT-SNMP']);
    assert.match(blocked[0]!.blocked!, /BMS012/);
    assert.match(blocked[1]!.blocked!, /BMS010/);
    assert.equal(plan.summary.blocked, 2);
  });
});

import { strict as assert } from 'node:assert';
import type { WorkflowResult } from '../../../src/engine/workflows';
import { outcomeOf } from '../../../src/extension/commands/outcome';

const result = (r: Partial<WorkflowResult>): WorkflowResult => ({ ok: true, cancelled: false, done: [], notDone: [], requestFiles: [], ...r });
const site = { site: 'plant' };

describe('workflow outcome messages', () => {
  it('says there was nothing to do', () => {
    const o = outcomeOf('repair', site, result({}));
    assert.equal(o.severity, 'information');
    assert.equal(o.message, 'Repair, site plant: nothing to do (no broken license to repair).');
  });

  it('lists what was done', () => {
    const o = outcomeOf('activate', { site: 'plant', target: 'es-1' }, result({ done: [{ target: 'es-1', message: 'activated A ×1 (transaction T-1)' }] }));
    assert.equal(o.message, 'Activate, es-1 (site plant): es-1: activated A ×1 (transaction T-1).');
    assert.equal(o.details, false);
  });

  it('tells where the request files are and what to do with them; a return adds the confirmation step', () => {
    const r = result({ done: [{ target: 'as-1', message: 'return of T-1: request R written' }], requestFiles: ['/tmp/out/a.request.json'] });
    const o = outcomeOf('return', site, r, '/tmp/out');
    assert.match(o.message, /1 request file\(s\) written in \/tmp\/out\. Next: carry them to a computer that reaches this workspace's activation server \(the built-in simulator: bmslicense las respond\).*"Import Offline Response Files"\. They are BMS License Workbench's own format, not Device Administrator files: the vendor's License Activation Server does not read them\./);
    assert.match(o.message, /run "Confirm Offline Return"/);
    assert.doesNotMatch(outcomeOf('activate', site, r, '/tmp/out').message, /Confirm Offline Return/);
  });

  it('on a partial failure says what was done, what was not, and to run it again', () => {
    const o = outcomeOf(
      'activate',
      site,
      result({
        ok: false,
        done: [{ target: 'es-1', message: 'activated A ×1 (transaction T-1)' }],
        notDone: [
          { target: 'as-1', message: 'activating B ×2 on as-1: the LAS could not be reached', code: 'unavailable' },
          { target: 'as-2', message: 'activate on as-2: not attempted after the failure above', code: 'not-attempted' },
        ],
      }),
    );
    assert.equal(o.severity, 'warning');
    assert.equal(o.details, true);
    assert.match(o.message, /^Activate, site plant: 1 step\(s\) done, 2 not done\. Done: es-1: activated A ×1 \(transaction T-1\)\. Not done: as-1: activating B ×2 on as-1: the LAS could not be reached; as-2: activate on as-2: not attempted/);
    assert.match(o.message, /check the connection and the setting bmsLicense\.activation\.url.*Run it again to finish: what is done is not redone\.$/);
  });

  it('a step message ending with a full stop does not double it (a refused offline response)', () => {
    const refused = 'R1.response.json refused (tampered): the signature does not match its content. Nothing was changed.';
    const o = outcomeOf('importOfflineResponses', site, result({ ok: false, notDone: [{ target: '', message: refused, code: 'tampered' }] }));
    assert.equal(o.severity, 'error');
    assert.match(o.message, /Nothing was changed\. Fix what is said above/);
    assert.doesNotMatch(o.message, /\.\./);
  });

  it('on a cancel lists what was done and says a second run finishes', () => {
    const o = outcomeOf('reclaim', site, result({ ok: false, cancelled: true, done: [{ target: 'a', message: 'reclaimed' }], notDone: [{ target: 'b', message: 'not started (cancelled)', code: 'cancelled' }] }));
    assert.equal(o.message, 'Reclaim, site plant: cancelled. Done: a: reclaimed. Run it again to finish: what is done is not redone.');
  });

  it('a refused return confirmation is not a failure', () => {
    const o = outcomeOf('return', site, result({ ok: false, cancelled: true, notDone: [{ target: '', message: 'Return not confirmed: nothing was returned.', code: 'cancelled' }] }));
    assert.equal(o.severity, 'information');
    assert.equal(o.message, 'Return, site plant: Return not confirmed: nothing was returned.');
  });

  it('an error that stopped everything says why and what to do', () => {
    const o = outcomeOf('repair', site, result({ ok: false, notDone: [{ target: 'as-1', message: 'repairing T-1: 4 repairs already', code: 'repair-budget' }] }));
    assert.equal(o.severity, 'error');
    assert.match(o.message, /^Repair, site plant: not done\. as-1: repairing T-1: 4 repairs already\. The repair budget/);
    const token = outcomeOf('activate', site, result({ ok: false, notDone: [{ target: '', message: 'refused', code: 'unauthorized' }, { target: 'x', message: 'y' }] }));
    assert.match(token.message, /Set Activation Server Token/);
  });

  it('keeps a long list short and points to the details', () => {
    const done = ['a', 'b', 'c', 'd', 'e'].map((t) => ({ target: t, message: 'activated' }));
    const o = outcomeOf('activate', site, result({ done }));
    assert.match(o.message, /a: activated; b: activated; c: activated \(and 2 more, see Show Details\)\./);
    assert.equal(o.details, true);
  });
});

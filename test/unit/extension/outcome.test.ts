import { strict as assert } from 'node:assert';
import type { WorkflowResult } from '../../../src/engine/workflows';
import { outcomeOf } from '../../../src/extension/commands/outcome';

const result = (r: Partial<WorkflowResult>): WorkflowResult => ({ ok: true, cancelled: false, done: [], notDone: [], requestFiles: [], ...r });
const site = { site: 'plant' };

describe('workflow outcome messages', () => {
  it('says there was nothing to do', () => {
    const o = outcomeOf('repair', site, result({}));
    assert.equal(o.severity, 'information');
    assert.match(o.message, /^Repair, site plant: nothing/);
  });

  it('lists what was done', () => {
    const o = outcomeOf('activate', { site: 'plant', target: 'es-1' }, result({ done: [{ target: 'es-1', message: 'activated A ×1 (transaction T-1)' }] }));
    assert.match(o.message, /^Activate, es-1 \(site plant\): /);
    assert.ok(o.message.endsWith(': es-1: activated A ×1 (transaction T-1).'), `the step's own message, once: ${o.message}`);
    assert.equal(o.details, false);
  });

  it('tells where the request files are and what to do with them; a return adds the confirmation step', () => {
    const r = result({ done: [{ target: 'as-1', message: 'return of T-1: request R written' }], requestFiles: ['/tmp/out/a.request.json'] });
    const o = outcomeOf('return', site, r, '/tmp/out');
    assert.match(o.message, /1 request file\(s\) written/);
    assert.ok(o.message.includes(' in /tmp/out.'), 'where they are');
    assert.match(o.message, /bmslicense las respond/);
    assert.match(o.message, /"Import Offline Response Files"/);
    assert.match(o.message, /not Device Administrator files/);
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
    assert.match(o.message, /^Activate, site plant: 1 step\(s\) done, /);
    assert.match(o.message, /, 2 not done\./);
    const done = o.message.indexOf('Done: es-1: activated A ×1 (transaction T-1)');
    const notDone = o.message.indexOf('Not done: as-1: activating B ×2 on as-1: the LAS could not be reached; as-2: ');
    assert.ok(done > 0 && notDone > done, `what was done, then what was not: ${o.message}`);
    assert.match(o.message, /bmsLicense\.activation\.url/);
    assert.match(o.message, /Run it again to finish/);
  });

  it('a step message ending with a full stop does not double it (a refused offline response)', () => {
    const refused = 'R1.response.json refused (tampered): the signature does not match its content. Nothing was changed.';
    const o = outcomeOf('importOfflineResponses', site, result({ ok: false, notDone: [{ target: '', message: refused, code: 'tampered' }] }));
    assert.equal(o.severity, 'error');
    assert.ok(o.message.includes(refused), 'the step message as it is');
    assert.match(o.message, /Fix what is said above/);
    assert.doesNotMatch(o.message, /\.\./);
  });

  it('on a cancel lists what was done and says a second run finishes', () => {
    const o = outcomeOf('reclaim', site, result({ ok: false, cancelled: true, done: [{ target: 'a', message: 'reclaimed' }], notDone: [{ target: 'b', message: 'not started (cancelled)', code: 'cancelled' }] }));
    assert.match(o.message, /^Reclaim, site plant: cancelled\./);
    assert.match(o.message, /Done: a: reclaimed\./);
    assert.match(o.message, /Run it again to finish/);
    assert.doesNotMatch(o.message, /\bb\b/, 'the cancelled step is not listed as done');
  });

  it('a refused return confirmation is not a failure', () => {
    const o = outcomeOf('return', site, result({ ok: false, cancelled: true, notDone: [{ target: '', message: 'Return not confirmed: nothing was returned.', code: 'cancelled' }] }));
    assert.equal(o.severity, 'information');
    assert.ok(o.message.startsWith('Return, site plant: '), o.message);
    assert.ok(o.message.endsWith(': Return not confirmed: nothing was returned.'), 'the step message, as it is and once');
  });

  it('an error that stopped everything says why and what to do', () => {
    const o = outcomeOf('repair', site, result({ ok: false, notDone: [{ target: 'as-1', message: 'repairing T-1: 4 repairs already', code: 'repair-budget' }] }));
    assert.equal(o.severity, 'error');
    assert.match(o.message, /^Repair, site plant: not done\. /);
    assert.ok(o.message.includes('as-1: repairing T-1: 4 repairs already.'), 'the step as given');
    assert.match(o.message, /The repair budget/);
    const token = outcomeOf('activate', site, result({ ok: false, notDone: [{ target: '', message: 'refused', code: 'unauthorized' }, { target: 'x', message: 'y' }] }));
    assert.match(token.message, /Set Activation Server Token/);
  });

  it('keeps a long list short and points to the details', () => {
    const done = ['a', 'b', 'c', 'd', 'e'].map((t) => ({ target: t, message: 'activated' }));
    const o = outcomeOf('activate', site, result({ done }));
    assert.ok(o.message.includes('a: activated; b: activated; c: activated ('), `three steps listed: ${o.message}`);
    assert.match(o.message, /\(and 2 more, see Show Details\)/);
    assert.doesNotMatch(o.message, /d: activated/);
    assert.equal(o.details, true);
  });
});

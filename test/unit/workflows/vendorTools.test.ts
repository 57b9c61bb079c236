// Issue 25.1: whoever asks (the CLI, the extension's commands, apply), the simulator never acts on a real site.
import { strict as assert } from 'node:assert';
import { activate } from '../../../src/engine/workflows/activate';
import { bench, type Bench } from './fixture';

describe('workflows on a vendor-tools site (issue 25.1)', () => {
  let b: Bench;
  beforeEach(() => (b = bench()));
  afterEach(() => b.cleanup());

  for (const activation of ['vendor-tools', undefined] as const) {
    it(`the simulator refuses to activate on a site whose activation is ${activation ?? 'not set'}: nothing written`, async () => {
      const o = b.options();
      const r = await activate({ ...o, site: { ...o.site, activation } });
      assert.equal(r.ok, false);
      assert.deepEqual(r.notDone.map((n) => n.code), ['vendor-tools-site']);
      assert.match(r.notDone[0]!.message, /record/);
      assert.equal(b.ledgerText(), '');
    });
  }

  it('the same site with activation: simulator activates, each line via simulator', async () => {
    const r = await activate(b.options());
    assert.equal(r.ok, true, JSON.stringify(r.notDone));
    assert.ok(b.ledgerText().split('\n').filter(Boolean).every((l) => (JSON.parse(l) as { via?: string }).via === 'simulator'));
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkspace } from '../../bench/workload/workspace';
import { loadWorkspace } from '../../src/engine/load/files';
import { parseBmsText } from '../../src/engine/load/parse';
import { validateWorkspace } from '../../src/engine/validate';

describe('bmslicense validate reads clean files item by item', function () {
  this.timeout(60_000);
  it('and reports exactly what the whole-file parse reports, for clean and broken files', () => {
    const root = mkdtempSync(join(tmpdir(), 'bms-quick-'));
    try {
      writeWorkspace(root, 12, 3);
      writeFileSync(join(root, 'broken.bms.yaml'), 'apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: b, site: nowhere }\nspec:\n  assignments:\n    - { server: "x, quantity: 1 }\n    - server: [\n');
      writeFileSync(join(root, 'schema.bms.yaml'), 'apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: c, site: nowhere }\nspec:\n  assignments:\n    - { server: es-01, quantity: many }\n');
      const today = new Date(2026, 11, 2);
      const quick = validateWorkspace(loadWorkspace([root]).index, { today });
      const whole = validateWorkspace(loadWorkspace([root], parseBmsText).index, { today });
      assert.deepEqual([...quick], [...whole]);
      assert.ok([...whole.values()].flat().some((d) => d.code === 'BMS001') && [...whole.values()].flat().some((d) => d.code === 'BMS002'));
      assert.ok([...whole.values()].flat().length > 20);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

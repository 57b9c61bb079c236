import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport, REPORT_FORMATS } from '../../../src/engine/report';
import { exampleWorkspace, type Workspace } from './fixture';

// Regenerate after an intended change with: UPDATE_GOLDEN=1 npx mocha test/unit/report/golden.test.ts
const GOLDEN = join(__dirname, 'golden');

describe('report golden files: the Hospital North example with a synthetic ledger', () => {
  let ws: Workspace;
  before(() => (ws = exampleWorkspace()));
  after(() => ws.dispose());

  for (const format of REPORT_FORMATS) {
    it(`renders ${format} exactly as the golden file`, () => {
      const text = renderReport(ws.report, format);
      const file = join(GOLDEN, `hospital-north.${format}`);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, text);
      }
      assert.equal(text, readFileSync(file, 'utf8'));
      assert.ok(!text.includes(ws.dir), 'no temporary path leaks into the report');
    });
  }
});

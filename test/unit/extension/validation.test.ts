import { strict as assert } from 'node:assert';
import { diagnostic } from '../../../src/engine/diagnostics';
import { summarizeValidation } from '../../../src/extension/commands/validation';

describe('Validate Workspace summary', () => {
  const text = 'a: 1\nbb: 2\n';
  const label = (uri: string) => uri.replace('file:///w/', '');

  it('says so when there is no problem', () => {
    const s = summarizeValidation(new Map([['file:///w/site.bms.yaml', []]]), () => text, label);
    assert.equal(s.severity, 'information');
    assert.equal(s.message, 'Validated 1 file: no problems.');
  });

  it('counts by severity, points at the Problems panel, and lists each problem with its line', () => {
    const uri = 'file:///w/plan.bms.yaml';
    const unknownId = 'unknown activation id';
    const s = summarizeValidation(
      new Map([
        [uri, [diagnostic('BMS012', uri, { start: 5, end: 7 }, unknownId), diagnostic('BMS041', uri, { start: 0, end: 1 }, 'expires soon')]],
        ['file:///w/site.bms.yaml', []],
      ]),
      (u) => (u === uri ? text : undefined),
      label,
    );
    assert.equal(s.severity, 'error');
    assert.match(s.message, /^Validated 2 files: 1 error, 1 warning\./);
    assert.match(s.message, /Problems panel/, 'where to go next');
    // Each line: file:line:column, code, severity, then the finding's own message as given.
    assert.deepEqual(s.lines, [`plan.bms.yaml:2:1 BMS012 error: ${unknownId}`, 'plan.bms.yaml:1:1 BMS041 warning: expires soon']);
  });
});

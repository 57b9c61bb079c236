// Issue 25.1: BMS066's quick fixes insert each of the three ways under the site's spec.
import { strict as assert } from 'node:assert';
import { codeActions } from '../../../src/engine/service/codeActions';
import { completion } from '../../../src/engine/service/completion';
import { hover } from '../../../src/engine/service/hover';
import { settingsFrom } from '../../../src/server/settings';
import { workspaceWith } from '../service/workspaceWith';

const SITE = `apiVersion: bms.license/v1
kind: Site
metadata:
  name: north
spec:
  version: "7.0"
  connectivity: online
  servers:
    - { id: es-01, type: enterprise-server, host: es01 }
`;

describe('BMS066 quick fixes (issue 25.1)', () => {
  it('offers vendor-tools (preferred), simulator and http, each a line under spec', () => {
    const t = workspaceWith({ 'site.bms.yaml': SITE });
    const d = t.diagnostics('site.bms.yaml').filter((x) => x.code === 'BMS066');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.severity, 3);
    const actions = codeActions(t.ws, t.uri('site.bms.yaml'), d);
    assert.deepEqual(actions.map((a) => [a.title.includes(`activation: ${['vendor-tools', 'simulator', 'http'][actions.indexOf(a)]}`), a.isPreferred]), [[true, true], [true, false], [true, false]]);
    const edit = actions[1]!.edit!.changes![t.uri('site.bms.yaml')]![0]!;
    const lines = SITE.split('\n');
    lines.splice(edit.range.start.line + 1, 0, edit.newText.replace(/^\n/, ''));
    assert.match(lines.join('\n'), /\n {2}version: "7.0"\n {2}activation: simulator\n/);
  });

  it('a site that says how it is licensed has no BMS066', () => {
    const t = workspaceWith({ 'site.bms.yaml': SITE.replace('  connectivity: online\n', '  connectivity: online\n  activation: vendor-tools\n') });
    assert.deepEqual(t.diagnostics('site.bms.yaml').filter((x) => x.code === 'BMS066'), []);
  });
});

describe('spec.activation in hover and completion (issue 25.1)', () => {
  it('completion offers the three ways; hover explains them', () => {
    const t = workspaceWith({ 'site.bms.yaml': SITE.replace('  connectivity: online\n', '  connectivity: online\n  activation: |\n') });
    assert.deepEqual(completion(t.ws, t.caret!.uri, t.caret!.offset).map((i) => i.label), ['vendor-tools', 'simulator', 'http']);
    const text = SITE.replace('  connectivity: online\n', '  connectivity: online\n  acti|vation: simulator\n');
    const h = workspaceWith({ 'site.bms.yaml': text });
    const shown = JSON.stringify(hover(h.ws, h.caret!.uri, h.caret!.offset)?.contents);
    assert.match(shown, /License Administrator/);
    assert.match(shown, /labelled simulated/);
  });
});

describe('bmsLicense.activation.mode reaches the rules (issue 25.1)', () => {
  it('the server reads it from the settings; BMS066 is a warning when it is http', () => {
    assert.equal(settingsFrom({ activation: { mode: 'http' } }).activationMode, 'http');
    assert.equal(settingsFrom({}).activationMode, undefined);
    const t = workspaceWith({ 'site.bms.yaml': SITE });
    const d = t.ws.session.validate({ activationMode: 'http' }).get(t.uri('site.bms.yaml'))!.filter((x) => x.code === 'BMS066');
    assert.deepEqual(d.map((x) => x.severity), ['warning']);
    assert.match(d[0]!.message, /activation: http/);
  });
});

// Hover, completion and code actions of the language service, in process (workspaceWith + a caret).
import { strict as assert } from 'node:assert';
import type { MarkupContent } from 'vscode-languageserver-types';
import { codeActions } from '../../../src/engine/service/codeActions';
import { completion } from '../../../src/engine/service/completion';
import { hover } from '../../../src/engine/service/hover';
import { PLAN, SITE } from '../../lsp/fixtures';
import { workspaceWith } from './workspaceWith';

const hoverText = (h: ReturnType<typeof hover>) => (h?.contents as MarkupContent | undefined)?.value ?? '';

describe('language service in process: hover, completion, code actions', () => {
  it('hover on a server id in a plan says what it is and what is planned on it', () => {
    const t = workspaceWith({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN.replace('{ server: as-01,', '{ server: as-0|1,') });
    const text = hoverText(hover(t.ws, t.caret!.uri, t.caret!.offset));
    assert.match(text, /as-01/);
    assert.match(text, /AS-P/);
    assert.match(text, /Planned licenses:\n- 1 × `ACT-0002` smartdriver \(centralized\)/);
  });

  it('hover off any id or key gives nothing', () => {
    const t = workspaceWith({ 'site.bms.yaml': SITE, 'plan.bms.yaml': `${PLAN}|\n` });
    assert.equal(hover(t.ws, t.caret!.uri, t.caret!.offset), null);
  });

  it('completion after server: lists the site servers, after licenseServer: its License Servers', () => {
    const servers = workspaceWith({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN.replace('{ server: as-01,', '{ server: |as-01,') });
    assert.deepEqual(completion(servers.ws, servers.caret!.uri, servers.caret!.offset).map((i) => i.label), ['es-01', 'as-01', 'as-02']);
    const ls = workspaceWith({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN.replace('{ licenseServer: ls-main,', '{ licenseServer: |,') });
    assert.deepEqual(completion(ls.ws, ls.caret!.uri, ls.caret!.offset).map((i) => i.label), ['ls-main']);
  });

  it('a mistyped server id gets BMS010 with a quick fix to the closest id, which edits exactly the id', () => {
    const t = workspaceWith({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN.replace('{ server: as-01,', '{ server: as-1,') });
    const ds = t.diagnostics('plan.bms.yaml');
    const bms010 = ds.filter((d) => d.code === 'BMS010');
    assert.equal(bms010.length, 1);
    const actions = codeActions(t.ws, t.uri('plan.bms.yaml'), bms010);
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'as-01'"]);
    const edit = actions[0]!.edit!.changes![t.uri('plan.bms.yaml')]!;
    assert.deepEqual(edit, [{ range: bms010[0]!.range, newText: 'as-01' }]);
  });

  it('no quick fix for a finding that has no mechanical fix', () => {
    const t = workspaceWith({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN.replace('quantity: 3, expires: permanent', 'quantity: 1, expires: permanent') });
    const bms021 = t.diagnostics('plan.bms.yaml').filter((d) => d.code === 'BMS021');
    assert.equal(bms021.length, 1);
    assert.deepEqual(codeActions(t.ws, t.uri('plan.bms.yaml'), bms021), []);
  });
});

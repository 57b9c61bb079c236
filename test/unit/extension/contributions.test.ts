import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { COMMANDS } from '../../../src/extension/commands/definitions';
import { manifest } from './manifest';

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

const declared: { command: string; title: string; category?: string; enablement?: string }[] = manifest.contributes.commands;
const itemMenus: MenuItem[] = manifest.contributes.menus['view/item/context'];

/** Evaluates the `viewItem` part of a when clause the way VS Code does (`==` or `=~ /re/`). */
function showsOn(item: MenuItem, contextValue: string): boolean {
  const when = item.when ?? '';
  const re = /viewItem =~ \/(.*?)\/(?= &&|$)/.exec(when);
  if (re) return new RegExp(re[1]).test(contextValue);
  const eq = /viewItem == ([^\s&]+)/.exec(when);
  return eq ? eq[1] === contextValue : true;
}

function menuOf(contextValue: string): string[] {
  return [...new Set(itemMenus.filter((m) => showsOn(m, contextValue)).map((m) => m.command.replace('bmsLicense.', '')))];
}

describe('package.json contributions', () => {
  it('declares every registered command once, in category BMS, and needs trust exactly where it writes', () => {
    assert.deepEqual(declared.map((c) => c.command).sort(), COMMANDS.map((c) => c.id).sort());
    for (const c of COMMANDS) {
      const d = declared.find((x) => x.command === c.id)!;
      assert.equal(d.category, 'BMS', c.id);
      assert.equal(d.title, c.title, c.id);
      assert.equal(d.enablement === 'isWorkspaceTrusted', c.needsTrust, `${c.id} enablement`);
    }
    for (const group of Object.values(manifest.contributes.menus) as MenuItem[][]) {
      for (const m of group) {
        assert.ok(declared.some((d) => d.command === m.command), `${m.command} is declared`);
        if (COMMANDS.find((c) => c.id === m.command)?.needsTrust) assert.match(m.when ?? '', /isWorkspaceTrusted/, `${m.command} hidden when untrusted`);
      }
    }
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('offers the offline commands on offline sites only, and only Reveal on the group rows', () => {
    const site = (connectivity: string) =>
      `apiVersion: bms.license/v1\nkind: Site\nmetadata: { name: s-${connectivity} }\nspec:\n  connectivity: ${connectivity}\n  licenseServers: [{ id: ls-1 }]\n  servers: [{ id: es-1, type: enterprise-server }]\n  clients: [{ id: ws-1, type: workstation }]\n`;
    const index = new WorkspaceIndex();
    for (const c of ['online', 'semi-online', 'offline']) index.setText(`file:///w/${c}.bms.yaml`, site(c));
    const tree = buildSiteTree({ index });
    const online = ['activate', 'reclaim', 'return', 'repair', 'revealInYaml'];
    for (const node of tree.byId.values()) {
      const menu = menuOf(node.contextValue);
      if (node.target === undefined && node.kind !== 'site') {
        assert.deepEqual(menu, ['revealInYaml'], `${node.id} (${node.contextValue})`);
        continue;
      }
      const offline = node.connectivity === 'offline' ? ['createOfflineRequests', ...(node.kind === 'site' ? ['importOfflineResponses'] : []), 'confirmReturn'] : [];
      const usage = node.kind === 'licenseServer' ? ['refreshUsage', 'importLmstat', 'importLicensesLog'] : node.kind === 'site' ? ['refreshUsage'] : [];
      const report = node.kind === 'site' ? ['openDashboard', 'exportReport', 'reviewAndApply'] : [];
      assert.deepEqual(menu.sort(), [...online, ...offline, ...usage, ...report].sort(), `${node.id} (${node.contextValue})`);
    }
  });

  it('shows the inline Activate button on sites, servers, License Servers and clients', () => {
    const inline = itemMenus.filter((m) => m.group === 'inline');
    assert.deepEqual(inline.map((m) => m.command), ['bmsLicense.activate', 'bmsLicense.reviewAndApply']);
    assert.deepEqual(menuOf('bms.pendingChanges'), ['revealInYaml', 'reviewAndApply']);
    assert.deepEqual(menuOf('bms.pendingChanges.none'), ['revealInYaml']);
    for (const cv of ['bms.site', 'bms.server.as-p', 'bms.licenseServer.offline', 'bms.client']) assert.ok(showsOn(inline[0], cv), cv);
    assert.ok(!showsOn(inline[0], 'bms.group.clients'));
  });
});

import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { COMMANDS } from '../../../src/extension/commands/definitions';
import { planYaml, siteYaml } from '../../support/fixtures';
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
    const site = (connectivity: 'online' | 'semi-online' | 'offline') =>
      siteYaml({ name: `s-${connectivity}`, connectivity, licenseServers: [{ id: 'ls-1' }], servers: [{ id: 'es-1', type: 'enterprise-server' }], clients: [{ id: 'ws-1', type: 'workstation' }] });
    const index = new WorkspaceIndex();
    for (const c of ['online', 'semi-online', 'offline'] as const) index.setText(`file:///w/${c}.bms.yaml`, site(c));
    const tree = buildSiteTree({ index });
    // Nothing planned or activated on these nodes: no license command to offer.
    const online = ['revealInYaml'];
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

  it('shows the inline Activate button where something planned is not active', () => {
    const inline = itemMenus.filter((m) => m.group === 'inline');
    assert.deepEqual(inline.map((m) => m.command), ['bmsLicense.activate', 'bmsLicense.reviewAndApply']);
    assert.deepEqual(menuOf('bms.pendingChanges'), ['revealInYaml', 'reviewAndApply']);
    assert.deepEqual(menuOf('bms.pendingChanges.none'), ['revealInYaml']);
    for (const cv of ['bms.site.toActivate', 'bms.server.as-p.toActivate.active', 'bms.licenseServer.toActivate.offline', 'bms.client.toActivate']) assert.ok(showsOn(inline[0], cv), cv);
    for (const cv of ['bms.group.clients', 'bms.server.as-p.active', 'bms.site']) assert.ok(!showsOn(inline[0], cv), cv);
  });

  it('offers Activate, Return, Reclaim and Repair by what is planned, activated or broken on each node', () => {
    const index = new WorkspaceIndex();
    index.setText(
      'file:///w/site.bms.yaml',
      siteYaml({ name: 's', version: '7.0', connectivity: 'online', servers: ['as-1', 'as-2', 'as-3'].map((id) => ({ id, type: 'as-p' })) }),
    );
    index.setText(
      'file:///w/plan.bms.yaml',
      planYaml({
        name: 'p',
        site: 's',
        entitlements: [{ id: 'E-1', products: [{ activationId: 'A-1', feature: 'smartdriver', licenseType: 'centralized', quantity: 3 }] }],
        assignments: [
          { server: 'as-1', activationId: 'A-1', quantity: 1 },
          { server: 'as-2', activationId: 'A-1', quantity: 1 },
        ],
      }),
    );
    const active = { at: '2026-11-20T10:00:00Z', op: 'activate', site: 's', target: 'as-1', transaction: 'T-1', mode: 'online', lines: [{ activationId: 'A-1', quantity: 1 }] };
    const { fold } = require('../../../src/engine/ledger/fold') as typeof import('../../../src/engine/ledger/fold');
    const tree = buildSiteTree({ index, ledgers: new Map([['s', fold([active as never])]]) });
    const menu = (target: string) => menuOf([...tree.byId.values()].find((n) => n.target === target)!.contextValue).filter((c) => ['activate', 'reclaim', 'return', 'repair'].includes(c));
    assert.deepEqual(menu('as-1').sort(), ['reclaim', 'return'], 'fully activated: no Activate');
    assert.deepEqual(menu('as-2'), ['activate'], 'nothing activated: no Return, Reclaim or Repair');
    assert.deepEqual(menu('as-3'), [], 'nothing planned here');
    assert.deepEqual(menuOf(tree.roots[0]!.contextValue).filter((c) => ['activate', 'return'].includes(c)).sort(), ['activate', 'return']);
  });
});

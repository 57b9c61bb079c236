// The upgrade report as Markdown: the same escaping and tables as the handover report.
import { simulationBanner } from '../sources';
import type { UpgradeItem, UpgradeReport } from '../upgrade';
import { mdTable as table, mdText as t } from './markdown';
import { num } from './words';

function items(list: UpgradeItem[], withNewType: boolean): string[] {
  const head = ['Activation ID', 'Entitlement', 'Feature', 'License type', ...(withNewType ? ['On the new version'] : []), 'Quantity', 'Assigned to', 'Why'];
  return table(
    head,
    list.map((i) => [t(i.activationId), t(i.entitlementId), t(i.feature), t(i.licenseType), ...(withNewType ? [t(i.newLicenseType ?? '')] : []), num(i.quantity), t(i.targets.join(', ') || '(not assigned)'), t(i.why)]),
  );
}

function section(out: string[], title: string, intro: string, list: UpgradeItem[], withNewType = false): void {
  out.push(`## ${title}`, '', intro, '');
  if (list.length === 0) out.push('None.', '');
  else out.push(...items(list, withNewType));
}

export function renderUpgradeMarkdown(r: UpgradeReport): string {
  const out: string[] = [];
  out.push(`# Upgrade report: ${t(r.site.name)}, EBO ${t(r.from)} → ${t(r.to)}`, '');
  const banner = simulationBanner(r.site.activation, r.site.name);
  if (banner) out.push(`> **${t(banner)} What this report says is to return was simulated too.**`, '');
  out.push(`${t(r.site.customer || 'Customer not set')}, report of ${r.today}. From 7.0 every server is licensed centrally, from the top server, with Device Administrator; License Administrator stays for the editors (help 12730, 12486), and the tier chosen at the upgrade decides the clients (community KB 523934). An upgrade keeps the entitlements, but licenses of the old version are returned first and cannot be activated again.`, '');
  out.push('## Choose the tier', '');
  if (r.tier) out.push(`Tier chosen for the upgrade: **${t(r.tier)}**. ${t(r.tierGives)} (community KB 523934). Set \`tier: ${t(r.tier)}\` under spec in the site file once it runs ${t(r.to)}.`, '');
  else out.push(`From 7.0 client availability is decided by the tier chosen at the upgrade, and only by it (community KB 523934): ${t(r.tierGives)}. Which tier will this site have? Run again with \`--tier essential|advanced|advanced-plus\`, and set \`tier:\` under spec in the site file after the upgrade.`, '');
  section(out, 'Stays with License Administrator', 'Licenses of editors, served by the License Server as before.', r.stays);
  section(out, 'Stops counting with the upgrade', `Client seats bought for earlier releases (License Administrator, e.g. SXWSWCLIENT0001/0999): not recognized on ${t(r.to)}; the tier gives the clients.`, r.stopsCounting);
  section(out, 'Needs a new entitlement through Device Administrator', 'Return these on the old version before the upgrade, then have the entitlement updated for the new version and assign it with Device Administrator from the top server.', r.moves, true);
  section(out, 'Ends with the upgrade', 'These licenses do not exist on the new version: return them before the upgrade.', r.ends);
  section(out, 'Unchanged', 'Already licensed with Device Administrator (automation servers and their options).', r.unchanged);
  if (r.unknown.length > 0) section(out, 'Ask the vendor', 'The catalog does not know these on the new version, or the vendor\'s help does not say how they are licensed there.', r.unknown);

  out.push('## Count the connected devices before the upgrade', '');
  out.push('From 7.0 connected-devices licenses are centralized on every Enterprise Server and automation server; the counting rules are those of EBO 4.0 and later (help 16220). Count them before the upgrade, so the new entitlement covers them.', '');
  out.push(
    ...table(
      ['Server', 'Type', 'Required', 'Planned', 'Counted from'],
      r.devices.map((d) => [t(d.server), t(d.typeLabel), d.required === undefined ? '**not counted**' : num(d.required), num(d.planned), d.from ? t(d.from) : 'the site file lists no devices for it: add its `devices:` (counts per kind, or a list)']),
    ),
  );
  if (r.devices.length === 0) out.push('No Enterprise Server or automation server in the site.', '');
  const uncounted = r.devices.filter((d) => d.required === undefined).length;
  const short = r.devices.filter((d) => d.required !== undefined && d.planned < d.required).length;
  out.push(`${uncounted === 0 ? 'Every server is counted.' : `${uncounted} server(s) not counted yet.`} ${short === 0 ? 'No counted server is short of licenses.' : `${short} counted server(s) have fewer connected-devices licenses planned than required (BMS053).`}`, '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

// Maps a parse result to the shape of fixtures/EXPECTED.json (snake_case, per license server block).
import type { FeatureUsage, FlexNetError, LicenseGroup, LmstatResult } from '../../../src/engine/lmstat';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One value when every group agrees, the per-group list when they differ, null without groups. */
function perGroup(groups: LicenseGroup[], pick: (g: LicenseGroup) => string | null): Json {
  if (groups.length === 0) return null;
  const values = groups.map(pick);
  return new Set(values).size === 1 ? values[0] : values;
}

function featureError(e: FlexNetError | null): Json {
  return e && { message: e.message, code: e.code, code_full: e.codeFull };
}

function feature(f: FeatureUsage): Json {
  return {
    name: f.name,
    issued: f.issued,
    in_use: f.inUse,
    uncounted: f.uncounted,
    error: featureError(f.error),
    version: perGroup(f.licenseGroups, (g) => g.version),
    vendor: perGroup(f.licenseGroups, (g) => g.vendor),
    expiry: perGroup(f.licenseGroups, (g) => g.expiry),
    license_groups: f.licenseGroups.map((g) => ({
      name_in_detail: g.nameInDetail,
      version: g.version,
      vendor: g.vendor,
      expiry: g.expiry,
      expiry_raw: g.expiryRaw,
      type: g.type,
      vendor_string: g.vendorString,
    })),
    users: f.users.map((u) => ({
      user: u.user,
      host: u.host,
      display: u.display,
      extra: u.extra,
      version: u.version,
      server: u.server,
      handle: u.handle,
      start: u.start,
      licenses: u.licenses,
      linger: u.linger,
      pid: u.pid,
      group_index: u.groupIndex,
      ambiguous: u.ambiguous,
    })),
    reservations: f.reservations.map((r) => ({ count: r.count, for: r.for, name: r.name, server: r.server, group_index: r.groupIndex })),
    queued: f.queued.map((q) => ({
      user: q.user,
      host: q.host,
      display: q.display,
      extra: q.extra,
      version: q.version,
      server: q.server,
      handle: q.handle,
      licenses: q.licenses,
      group_index: q.groupIndex,
    })),
  };
}

export function toExpectedShape(r: LmstatResult): { [key: string]: Json } {
  const h = r.header;
  const header: { [key: string]: Json } = {};
  if (h.tool !== null) header.tool = h.tool;
  if (h.copyright !== null) header.copyright = h.copyright;
  if (h.statusTime !== null) header.status_time = h.statusTime;
  if (h.detectingLmgrd) header.detecting_lmgrd_line = true;
  if (h.lmstatINote) header.lmstat_i_note = true;
  const features = r.blocks.flatMap((b) => b.features);
  return {
    header: Object.keys(header).length > 0 ? header : null,
    error: r.error && { message: r.error.message, code: r.error.code, code_full: r.error.codeFull, detail: r.error.detail },
    foreign_lines: r.warnings.map((w) => w.text),
    summary: {
      license_server_blocks: r.blocks.length,
      servers: r.blocks.reduce((n, b) => n + b.servers.length, 0),
      vendor_daemons: r.blocks.reduce((n, b) => n + b.vendorDaemons.length, 0),
      features: features.length,
      user_lines: features.reduce((n, f) => n + f.users.length, 0),
      reservation_lines: features.reduce((n, f) => n + f.reservations.length, 0),
      queued_lines: features.reduce((n, f) => n + f.queued.length, 0),
      expiry_rows: r.expiryTable.length,
    },
    license_server_blocks: r.blocks.map((b) => ({
      license_server_status: b.statusList,
      license_files: b.licenseFiles.map((f) => ({ on: f.on, path: f.path })),
      servers: b.servers.map((s) => ({
        host: s.host,
        port: s.port,
        port_at_host: s.address,
        status: s.status,
        master: s.master,
        version: s.version,
        error_code: s.error?.code ?? null,
        error_code_full: s.error?.codeFull ?? null,
        error_message: s.error?.message ?? null,
        error_detail: s.error?.detail ?? null,
      })),
      vendor_daemons_on: b.vendorDaemonsOn,
      vendor_daemons: b.vendorDaemons.map((d) => ({
        name: d.name,
        status: d.status,
        version: d.version,
        error_code: d.error?.code ?? null,
        error_code_full: d.error?.codeFull ?? null,
        error_message: d.error?.message ?? null,
      })),
      features: b.features.map(feature),
    })),
    expiry_table: r.expiryTable.map((e) => ({
      feature: e.feature,
      version: e.version,
      licenses: e.licenses,
      expiry: e.expiry,
      expiry_raw: e.expiryRaw,
      vendor: e.vendor,
    })),
  };
}

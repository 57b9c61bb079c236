// Reads lmstat output line by line. Never throws: what it cannot read becomes a warning with its line number.
import { expiryTableHeader, normalizeExpiry, parseExpiryRow, type ExpiryColumns } from './expiry';
import { classifyStructural, type StructuralLine } from './lines';
import { parseRequestLine, parseReservation } from './users';
import type { FeatureUsage, FlexNetError, LicenseServerBlock, LmstatResult } from './types';

/** More warnings than this are summed up in one last warning (binary input would otherwise flood). */
const MAX_WARNINGS = 500;
const MAX_WARNING_TEXT = 200;

type Section = 'servers' | 'vendors' | 'features' | null;

class LmstatReader {
  readonly result: LmstatResult = {
    header: { tool: null, copyright: null, statusTime: null, detectingLmgrd: false, lmstatINote: false },
    error: null,
    blocks: [],
    expiryTable: [],
    warnings: [],
    lineCount: 0,
  };
  private block: LicenseServerBlock | null = null;
  /** Ports of the current block's 'License server status:' list, by lower-case host. */
  private ports = new Map<string, string>();
  private section: Section = null;
  private feature: FeatureUsage | null = null;
  private table: ExpiryColumns | null = null;
  private dropped = 0;

  warn(line: number, text: string, message: string): void {
    if (this.result.warnings.length >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    const shown = text.length > MAX_WARNING_TEXT ? `${text.slice(0, MAX_WARNING_TEXT)}…` : text;
    this.result.warnings.push({ line, text: shown, message });
  }

  finish(): LmstatResult {
    if (this.dropped > 0) {
      this.result.warnings.push({ line: this.result.lineCount, text: '', message: `${this.dropped} more lines were not understood` });
    }
    return this.result;
  }

  private ensureBlock(list: string | null = null): LicenseServerBlock {
    if (this.block) return this.block;
    return this.startBlock(list);
  }

  private startBlock(list: string | null): LicenseServerBlock {
    this.block = { statusList: list, licenseFiles: [], servers: [], vendorDaemonsOn: null, vendorDaemons: [], features: [] };
    this.result.blocks.push(this.block);
    this.ports = new Map();
    for (const entry of (list ?? '').split(/[,;\s]+/)) {
      const at = entry.indexOf('@');
      if (at >= 0) this.ports.set(entry.slice(at + 1).toLowerCase(), entry.slice(0, at));
    }
    this.section = 'servers';
    this.feature = null;
    return this.block;
  }

  private addServer(host: string, line: number, fields: { status: 'UP' | 'DOWN'; master: boolean; version: string | null; error: FlexNetError | null }): void {
    const block = this.ensureBlock();
    const printed = this.ports.get(host.toLowerCase()) ?? '';
    const port = /^\d+$/.test(printed) ? Number(printed) : printed || null;
    block.servers.push({ address: `${printed}@${host}`, host, port, ...fields, line });
  }

  read(raw: string, n: number): void {
    const text = raw.trimEnd();
    if (text.trim() === '') return;
    if (this.table) {
      if (/^[\s_]+$/.test(text)) return;
      const row = parseExpiryRow(text, this.table, n);
      if (row) {
        this.result.expiryTable.push(row);
        return;
      }
      this.table = null;
    }
    if (text.includes('(v')) {
      const group = this.feature && this.feature.licenseGroups.length > 0 ? this.feature.licenseGroups.length - 1 : null;
      const request = parseRequestLine(text, n, group);
      if (request) {
        if (!this.feature) return this.warn(n, text, 'user line outside a "Users of" section');
        if (request.kind === 'use') this.feature.users.push(request.use);
        else this.feature.queued.push(request.queued);
        return;
      }
    }
    if (text.includes('RESERVATION')) {
      const group = this.feature && this.feature.licenseGroups.length > 0 ? this.feature.licenseGroups.length - 1 : null;
      const reservation = parseReservation(text, n, group);
      if (reservation) {
        if (!this.feature) return this.warn(n, text, 'reservation outside a "Users of" section');
        this.feature.reservations.push(reservation);
        return;
      }
    }
    const structural = classifyStructural(text);
    if (structural) return this.apply(structural, text, n);
    const columns = expiryTableHeader(text);
    if (columns) {
      this.table = columns;
      return;
    }
    this.warn(n, text, 'not lmstat output');
  }

  private apply(s: StructuralLine, text: string, n: number): void {
    const header = this.result.header;
    const group = this.feature?.licenseGroups[this.feature.licenseGroups.length - 1];
    switch (s.kind) {
      case 'banner':
        header.tool ??= s.tool;
        header.copyright ??= s.copyright;
        return;
      case 'statusTime':
        header.statusTime ??= s.time;
        return;
      case 'detecting':
        header.detectingLmgrd = true;
        return;
      case 'note':
      case 'noteContinued':
        header.lmstatINote = true;
        return;
      case 'statusError':
        if (this.result.error) return this.warn(n, text, 'a second "Error getting status" line');
        this.result.error = s.error;
        return;
      case 'blockStart':
        this.startBlock(s.list);
        return;
      case 'licenseFile':
        this.ensureBlock().licenseFiles.push({ on: s.on, path: s.path });
        return;
      case 'serverUp':
        return this.addServer(s.host, n, { status: s.status, master: s.master, version: s.version, error: null });
      case 'vendorHeader':
        this.ensureBlock().vendorDaemonsOn = s.on;
        this.section = 'vendors';
        this.feature = null;
        return;
      case 'vendorUp':
        this.ensureBlock().vendorDaemons.push({ name: s.name, status: s.status, version: s.version, error: null, line: n });
        return;
      case 'namedError':
        if (this.section === 'vendors') {
          this.ensureBlock().vendorDaemons.push({ name: s.name, status: 'DOWN', version: null, error: s.error, line: n });
          return;
        }
        if (this.section === 'features') return this.warn(n, text, 'error line inside the feature section');
        return this.addServer(s.name, n, { status: 'DOWN', master: false, version: null, error: s.error });
      case 'error':
        return this.applyNamelessError(s.error, text, n);
      case 'featureSection':
        this.ensureBlock();
        this.section = 'features';
        this.feature = null;
        return;
      case 'feature': {
        const { kind: _kind, ...fields } = s;
        const block = this.ensureBlock();
        this.feature = { ...fields, licenseGroups: [], users: [], queued: [], reservations: [], line: n };
        block.features.push(this.feature);
        this.section = 'features';
        return;
      }
      case 'detail':
        if (!this.feature) return this.warn(n, text, 'license detail line outside a "Users of" section');
        this.feature.licenseGroups.push({
          nameInDetail: s.name,
          version: s.version,
          vendor: s.vendor,
          expiry: normalizeExpiry(s.expiryRaw),
          expiryRaw: s.expiryRaw,
          type: null,
          vendorString: null,
          line: n,
        });
        return;
      case 'vendorString':
        if (!group) return this.warn(n, text, 'vendor_string line outside a license group');
        group.vendorString = s.value;
        return;
      case 'licenseType':
        if (!group) return this.warn(n, text, 'license type line outside a license group');
        group.type = s.type;
        return;
    }
  }

  /** 'lmgrd is not running: … (-96,…)' speaks for every listed server that printed no line of its own. */
  private applyNamelessError(error: FlexNetError, text: string, n: number): void {
    if (this.block && this.section === 'servers') {
      const seen = new Set(this.block.servers.map((s) => s.host.toLowerCase()));
      const hosts = (this.block.statusList ?? '').split(/[,;\s]+/).map((e) => e.slice(e.indexOf('@') + 1)).filter((h) => h && !seen.has(h.toLowerCase()));
      for (const host of hosts) this.addServer(host, n, { status: 'DOWN', master: false, version: null, error });
      if (hosts.length > 0) return;
    }
    if (!this.result.error) {
      this.result.error = error;
      return;
    }
    this.warn(n, text, 'error line that belongs to no server, vendor daemon or feature');
  }
}

/** Parses the text of `lmutil lmstat -a`, `lmstat -a -i` or `lmstat -i`. Never throws. */
export function parseLmstat(text: string): LmstatResult {
  const reader = new LmstatReader();
  const input = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  const lines = input.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  reader.result.lineCount = lines.length;
  for (let i = 0; i < lines.length; i++) {
    try {
      reader.read(lines[i], i + 1);
    } catch (e) {
      // A bug must not cost the user the rest of the report: keep reading and say which line failed.
      reader.warn(i + 1, lines[i], `internal error while reading this line: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return reader.finish();
}

// The typed result of reading `lmutil lmstat -a`, `lmstat -a -i` and `lmstat -i` output.
// Field values are as printed (versions without the leading 'v'); nothing is recomputed.

/** A FlexNet error as printed: `message (code,minor[:sys] "detail")`. */
export interface FlexNetError {
  /** Major code, e.g. '-15'; null when the text carries no code (e.g. 'Error: 1 licenses, unsupported ...'). */
  code: string | null;
  /** The whole code text, e.g. '-15,570:115'. */
  codeFull: string | null;
  message: string;
  /** The quoted system detail, e.g. 'Connection refused'. */
  detail: string | null;
}

export interface LmstatHeader {
  /** 'lmutil', 'lmstat', 'lmutil-l34815'. */
  tool: string | null;
  copyright: string | null;
  /** As printed after 'status on', e.g. 'Thu 11/23/2017 15:08'. */
  statusTime: string | null;
  /** A '[Detecting lmgrd processes...]' line was printed. */
  detectingLmgrd: boolean;
  /** The 'NOTE: lmstat -i does not give information from the server...' preamble was printed. */
  lmstatINote: boolean;
}

/** One lmgrd of the block: one line per server of a redundant triad. */
export interface LicenseServerStatus {
  /** 'port@host'; the port comes from the 'License server status:' list entry of this host. */
  address: string;
  host: string;
  /** A number, or the printed text when it is not numeric (redacted outputs print 'port'). */
  port: number | string | null;
  status: 'UP' | 'DOWN';
  master: boolean;
  version: string | null;
  error: FlexNetError | null;
  line: number;
}

export interface VendorDaemonStatus {
  name: string;
  status: 'UP' | 'DOWN';
  version: string | null;
  error: FlexNetError | null;
  line: number;
}

export interface LicenseFile {
  on: string;
  /** A path (Windows or POSIX) or a port@host. */
  path: string;
}

/** One detail line `"NAME" vX, vendor: V, expiry: E` and what follows it. */
export interface LicenseGroup {
  nameInDetail: string;
  version: string;
  vendor: string;
  /** 'yyyy-mm-dd', 'permanent', or null when absent or unreadable (see expiryRaw). */
  expiry: string | null;
  expiryRaw: string | null;
  /** 'floating', 'nodelocked', 'uncounted nodelocked'; null until a type line is read. */
  type: string | null;
  vendorString: string | null;
  line: number;
}

/** The fields shared by a checked-out license and a queued request. */
export interface LicenseRequest {
  user: string;
  host: string | null;
  display: string | null;
  /** Tokens after the display, joined by one space (vendor-defined). */
  extra: string | null;
  version: string;
  /** 'host/port' of the server that handed out the license. */
  server: string;
  port: number | string | null;
  handle: number | null;
  licenses: number;
  /** Index into the feature's licenseGroups; null when the feature printed no detail line. */
  groupIndex: number | null;
  /** The user/host/display split cannot be told from the text (more than four tokens). */
  ambiguous: boolean;
  line: number;
}

export interface LicenseUse extends LicenseRequest {
  /** As printed after 'start ', e.g. 'Fri 10/20 16:40'. */
  start: string;
  /** 'a / b' text of a '(linger: a / b)' suffix. */
  linger: string | null;
  pid: number | null;
}

export type QueuedRequest = LicenseRequest;

export interface Reservation {
  count: number;
  /** 'HOST', 'GROUP', 'USER', 'DISPLAY', ... */
  for: string;
  name: string;
  server: string;
  groupIndex: number | null;
  line: number;
}

export interface FeatureUsage {
  name: string;
  /** Header numbers as printed; null for uncounted or error features. */
  issued: number | null;
  inUse: number | null;
  uncounted: boolean;
  error: FlexNetError | null;
  licenseGroups: LicenseGroup[];
  users: LicenseUse[];
  queued: QueuedRequest[];
  reservations: Reservation[];
  line: number;
}

/** What one 'License server status:' section reports: one license pool (a triad is one pool). */
export interface LicenseServerBlock {
  /** The list after 'License server status:', e.g. '27000@a,27000@b,27000@c'; null in fragments. */
  statusList: string | null;
  licenseFiles: LicenseFile[];
  servers: LicenseServerStatus[];
  vendorDaemonsOn: string | null;
  vendorDaemons: VendorDaemonStatus[];
  features: FeatureUsage[];
}

/** A row of an `lmstat -i` table. */
export interface ExpiryRow {
  feature: string;
  version: string;
  licenses: number;
  expiry: string | null;
  expiryRaw: string;
  vendor: string;
  line: number;
}

/** A line that was not understood (shell prompts, wrapper text, '...', garbage). */
export interface LmstatWarning {
  line: number;
  text: string;
  message: string;
}

export interface LmstatResult {
  header: LmstatHeader;
  /** Set when lmstat could not get any status ('Error getting status: ...'). */
  error: FlexNetError | null;
  blocks: LicenseServerBlock[];
  expiryTable: ExpiryRow[];
  warnings: LmstatWarning[];
  lineCount: number;
}

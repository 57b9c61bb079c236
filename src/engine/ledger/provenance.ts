// Where a ledger event came from, and the ops and fields that say so: the one list of what this version adds
// to the ledger (the per-line schema check reads it from here).
//   via        who did it: the built-in simulator, an HTTP activation server, or the engineer in the vendor's tool
//   lasHost    the HTTP activation server's host (never its token)
//   vendorRef  the vendor's id of what was done (e.g. the fulfillment or transaction id License Administrator shows)
//   reason     why: a void, a record written --anyway, a broken license (restore, host, time, other)
//   line       the 1-based ledger line a `void` cancels or an `adopt` confirms
//   anyway     true on an event recorded although the ledger contradicted it (the reason says why)
//   counts     on a `verified` event: the network seats lmstat showed per feature

/** Ops added for real sites: cancel a line, confirm a line written by an earlier version, an lmstat check that agreed. */
export const PROVENANCE_OPS = ['void', 'adopt', 'verified'] as const;

/** Fields added for real sites. */
export const PROVENANCE_FIELDS = ['via', 'lasHost', 'vendorRef', 'reason', 'line', 'anyway', 'counts'] as const;

/** Every value of `via`. */
export const VIAS = ['simulator', 'http', 'license-administrator', 'device-administrator'] as const;
export type Via = (typeof VIAS)[number];

/** What the engineer records from the vendor's tools. */
export const RECORDED_VIAS = ['license-administrator', 'device-administrator'] as const satisfies readonly Via[];
export type RecordedVia = (typeof RECORDED_VIAS)[number];

/** Why a license is broken, as the vendor's tool shows it (FlexNet trust flags), for `broken` events. */
export const BROKEN_REASONS = ['restore', 'host', 'time', 'other'] as const;

/** Where an activation the fold holds came from: a `via`, or `unknown` for an event without one (an earlier version). */
export type Source = Via | 'unknown';

export function isRecordedVia(via: unknown): via is RecordedVia {
  return via === 'license-administrator' || via === 'device-administrator';
}

/** "simulated", "recorded from License Administrator", "via HTTP (host)", "not adopted": a label any view can show. */
export function sourceLabel(source: Source, lasHost?: string): string {
  switch (source) {
    case 'simulator':
      return 'simulated';
    case 'http':
      return lasHost ? `via HTTP (${lasHost})` : 'via HTTP';
    case 'license-administrator':
      return 'recorded from License Administrator';
    case 'device-administrator':
      return 'recorded from Device Administrator';
    case 'unknown':
      return 'not adopted';
  }
}

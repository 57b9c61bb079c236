// What `bmslicense record` (and apply's checklist) asks to write: one step done in the vendor's tools.
import type { LicenseLine } from '../las/types';

export const RECORD_OPS = ['activate', 'return', 'confirm-return', 'reclaim', 'repair', 'broken', 'request-created', 'response-imported', 'adopt', 'void'] as const;
export type RecordOp = (typeof RECORD_OPS)[number];

export interface RecordRequest {
  op: RecordOp;
  target?: string;
  /** Repeated --activation-id / --quantity pairs: one transaction. */
  lines: LicenseLine[];
  /** Activation ids named without a quantity (return, repair, broken: to find the transaction). */
  activationIds: string[];
  /** The vendor's ids (`--vendor-ref`): kept on the events; a return or repair finds its transaction by them. */
  vendorRefs: string[];
  /** When it was done (`--at`), for work done before the workbench was adopted; default now. */
  at?: Date;
  /** `--anyway "reason"`: written although the ledger contradicts it. */
  anyway?: string;
  /** adopt, void: the 1-based ledger line. */
  line?: number;
  /** adopt: every line written without via. */
  all?: boolean;
  /** void: why; broken: restore, host, time or other. */
  reason?: string;
  /** request-created: what the offline request asks (default activate). */
  request?: 'activate' | 'return' | 'reclaim' | 'repair';
}

/** What record did: the events written (none when refused), and what to tell the engineer. */
export interface RecordOutcome {
  ok: boolean;
  /** 1-based ledger lines written. */
  lines: number[];
  message: string;
  /** Warnings written with it (an --anyway reason, a fifth repair in 12 months). */
  warnings: string[];
  /** Set when refused: `unknown-target`, `unknown-activation-id`, `contradicted`, `bad-line`, a lock refusal… */
  code?: string;
}

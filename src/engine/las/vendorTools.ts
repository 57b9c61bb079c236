// The LAS of a site licensed with the vendor's tools (`activation: vendor-tools`): only License Administrator
// and Device Administrator reach the vendor's License Activation Server, so every call is refused with what to
// do instead. Reading the activations answers "none known" (nothing to compare the ledger with).
import type { Las, LasResult } from './types';

const REFUSED = {
  ok: false as const,
  error: {
    code: 'bad-request' as const,
    message:
      "this site is licensed with the vendor's tools (activation: vendor-tools): do it in License Administrator or Device Administrator, then record it ('bmslicense record …', or apply's checklist)",
  },
};

export class VendorToolsLas implements Las {
  readonly via = undefined;
  async syncEntitlements(): Promise<LasResult<void>> {
    return { ok: true, value: undefined };
  }
  async activate(): Promise<LasResult<never>> {
    return REFUSED;
  }
  async returnTransaction(): Promise<LasResult<never>> {
    return REFUSED;
  }
  async confirmReturn(): Promise<LasResult<never>> {
    return REFUSED;
  }
  async reclaim(): Promise<LasResult<never>> {
    return REFUSED;
  }
  async repair(): Promise<LasResult<never>> {
    return REFUSED;
  }
  async activations(): Promise<LasResult<never[]>> {
    return { ok: true, value: [] };
  }
}

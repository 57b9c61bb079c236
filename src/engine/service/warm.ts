// Compiling the schemas takes ~0.3 s: done once while the server is idle, not on the first keystroke.
import { definitionsOf } from '../schema';
import { validatorFor, type SchemaKind } from '../schema/schemas';

export function warmValidators(): void {
  for (const kind of ['Site', 'LicensePlan'] as SchemaKind[]) {
    validatorFor(kind);
    for (const d of definitionsOf(kind)) validatorFor(kind, d);
  }
}

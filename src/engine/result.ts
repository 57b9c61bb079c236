// The one shape of an outcome that can fail in a way a user meets: the value, or an error that says what
// happened and what to do. (Exceptions are for bugs.)
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

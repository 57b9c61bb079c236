// The server's view of the `bmsLicense.*` settings, pulled from the client (or given at initialize).
import type { Connection } from 'vscode-languageserver/node';

export interface ServerSettings {
  debounceMs: number;
  expiryWarningDays: number;
  /** `bmsLicense.activation.mode`: BMS066 warns on a Site without spec.activation when it is `http`. */
  activationMode?: string;
}

export const DEFAULT_SETTINGS: ServerSettings = { debounceMs: 100, expiryWarningDays: 30 };

/** Reads settings in either shape: `{ validation: { debounceMs }, expiryWarningDays }` or flat. */
export function settingsFrom(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validation = (r.validation && typeof r.validation === 'object' ? r.validation : {}) as Record<string, unknown>;
  const debounce = validation.debounceMs ?? r.debounceMs;
  const days = r.expiryWarningDays;
  const activation = (r.activation && typeof r.activation === 'object' ? r.activation : {}) as Record<string, unknown>;
  const mode = activation.mode ?? r.activationMode;
  return {
    activationMode: typeof mode === 'string' ? mode : base.activationMode,
    debounceMs: typeof debounce === 'number' && debounce >= 0 ? debounce : base.debounceMs,
    expiryWarningDays: typeof days === 'number' && days >= 0 ? days : base.expiryWarningDays,
  };
}

export async function pullSettings(connection: Connection, base: ServerSettings): Promise<ServerSettings> {
  try {
    const raw = await connection.workspace.getConfiguration('bmsLicense');
    return settingsFrom(raw, base);
  } catch {
    return base;
  }
}

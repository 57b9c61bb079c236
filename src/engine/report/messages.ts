// The messages between the dashboard webview and its host, declared once for both sides. What comes from
// the webview is untrusted: `parseWebviewMessage` checks its shape before the host acts on it.
import type { SiteReport } from './types';

export const DASHBOARD_VIEW_TYPE = 'bmsLicense.dashboard';

export type HostMessage = { type: 'report'; report: SiteReport } | { type: 'error'; message: string };

export type ExportFormat = 'md' | 'html' | 'csv';

export type WebviewMessage =
  /** The page is loaded and listening: send the report. */
  | { type: 'ready' }
  /** Show the place behind a key of `report.locations` (a row was clicked). */
  | { type: 'reveal'; target: string }
  | { type: 'export'; format: ExportFormat };

/** Keys of `locations` are short; anything longer is not one of ours. */
const MAX_TARGET = 512;
const FORMATS: readonly string[] = ['md', 'html', 'csv'];

/** The message when its shape is one the webview may send, undefined otherwise (ignore it). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return typeof m.target === 'string' && m.target.length > 0 && m.target.length <= MAX_TARGET ? { type: 'reveal', target: m.target } : undefined;
    case 'export':
      return typeof m.format === 'string' && FORMATS.includes(m.format) ? { type: 'export', format: m.format as ExportFormat } : undefined;
    default:
      return undefined;
  }
}

/** The dashboard's per-panel state, kept by the webview (`setState`) and given back to the serializer. */
export interface DashboardState {
  site?: string;
  report?: SiteReport;
  tab?: number;
  filters?: { op: string; target: string; text: string };
  selected?: string;
}

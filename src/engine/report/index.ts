// The site report: one view model for the dashboard and the handover report, and its three renderings.
import { renderCsv } from './render/csv';
import { renderHtml } from './render/html';
import { renderMarkdown } from './render/markdown';
import type { SiteReport } from './types';

export { siteReport, type SiteReportOptions } from './build';
export { collectSiteReport, type CollectOptions, type CollectResult } from './collect';
export { escapeHtml } from './render/html';
export { csvCell } from './render/csv';
export type * from './types';
export { upgradeReport, type UpgradeReport, type UpgradeItem, type DeviceCount } from './upgrade';
export { renderUpgradeMarkdown } from './render/upgradeMarkdown';

export const REPORT_FORMATS = ['md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(report: SiteReport, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'csv':
      return renderCsv(report);
  }
}

/** The file name a report of that site and format is saved under by default. */
export function reportFileName(report: SiteReport, format: ReportFormat): string {
  const name = report.site.name.replace(/[^A-Za-z0-9._-]+/g, '-') || 'site';
  return `${name}-license-report-${report.today}.${format}`;
}

// The dashboard page: a strict Content-Security-Policy (scripts by nonce only, styles from the extension
// or constructed by the bundle), no data in the HTML (the report arrives by postMessage). No `vscode` import,
// so tests render the same page in a plain browser.
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../engine/report/render/html';

export interface DashboardPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** URI of `dist/webview.js` as the webview sees it. */
  scriptUri: string;
  nonce: string;
  title: string;
  /** Shown until the report arrives, in the display language (the webview has no translations of its own). */
  loading?: string;
  /** Extra nonce'd script before the bundle (tests use it for a stub `acquireVsCodeApi`). */
  preludeScriptUri?: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const attr = escapeHtml;

export function dashboardHtml(p: DashboardPage): string {
  const prelude = p.preludeScriptUri ? `<script nonce="${attr(p.nonce)}" src="${attr(p.preludeScriptUri)}"></script>\n` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${attr(p.title)}</title>
</head>
<body>
${p.loading ? `<p class="empty" id="loading">${attr(p.loading)}</p>\n` : ''}${prelude}<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>
</body>
</html>
`;
}

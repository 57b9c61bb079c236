// The dashboard's look, from VS Code's theme variables (light, dark, high contrast). Adopted as a
// constructable stylesheet, so the CSP needs no 'unsafe-inline' for styles.
const CSS = `
:root { --bad: var(--vscode-errorForeground, #f14c4c); --warn: var(--vscode-editorWarning-foreground, #cca700); --ok: var(--vscode-charts-green, #89d185); --line: var(--vscode-panel-border, var(--vscode-widget-border, rgba(128,128,128,.35))); }
body { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); background: var(--vscode-editor-background); margin: 0; padding: 12px 20px 24px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 4px 0 2px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 18px 0 6px; }
.muted { color: var(--vscode-descriptionForeground); }
header { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-end; justify-content: space-between; margin-bottom: 10px; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 6px 0 0; }
.facts span b { font-weight: 600; }
.counters { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0; }
.counter { border: 1px solid var(--line); border-radius: 4px; padding: 4px 10px; min-width: 90px; }
.counter .v { font-size: 1.4em; font-weight: 600; display: block; }
.banner { border: 1px solid var(--warn); border-left-width: 4px; border-radius: 4px; padding: 6px 10px; font-weight: 600; }
.counter.bad { border-color: var(--bad); } .counter.bad .v { color: var(--bad); }
.counter.warn { border-color: var(--warn); } .counter.warn .v { color: var(--warn); }
.actions { display: flex; gap: 6px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { text-align: left; padding: 3px 8px; border-top: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
th { white-space: nowrap; overflow-wrap: normal; font-weight: 600; color: var(--vscode-descriptionForeground); position: sticky; top: 0; background: var(--vscode-editor-background); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.type { white-space: nowrap; } td.target { min-width: 16ch; overflow-wrap: anywhere; }
td.repeat { color: var(--vscode-descriptionForeground); opacity: .55; }
tr.more td { border-top: none; } tr.first td { border-top: 1px solid var(--line); }
tbody tr td { border-bottom: none; } tbody tr:last-child td { border-bottom: 1px solid var(--line); }
tr.pending td.status { color: var(--vscode-charts-blue, #3794ff); }
tr.link { cursor: pointer; }
tr.link:hover td { background: var(--vscode-list-hoverBackground); }
tr.link:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
tr.selected td { background: var(--vscode-list-inactiveSelectionBackground); }
tr.violation td { background: var(--vscode-inputValidation-errorBackground, rgba(241,76,76,.12)); }
tr.violation td.status, .bad-text { color: var(--bad); font-weight: 600; }
tr.expiring td.status, .warn-text { color: var(--warn); font-weight: 600; }
tr.group td { border-bottom: none; padding-top: 8px; }
.d1 { padding-left: 26px; } .d2 { padding-left: 44px; } .d3 { padding-left: 62px; }
.empty { padding: 12px 0; color: var(--vscode-descriptionForeground); }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.filters label { color: var(--vscode-descriptionForeground); }
vscode-tabs { margin-top: 6px; }
svg.timeline { max-width: 100%; height: auto; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family, sans-serif); font-size: 11px; }
svg .axis { stroke: var(--line); stroke-width: 1; }
svg .today { stroke: var(--vscode-focusBorder, #007fd4); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg .window { fill: var(--warn); opacity: .12; }
svg .dot.ok { fill: var(--ok); } svg .dot.expiring { fill: var(--warn); } svg .dot.expired { fill: var(--bad); }
svg .lane { stroke: var(--line); stroke-dasharray: 2 3; }
svg .bar-bg { fill: var(--line); } svg .bar-assigned { fill: var(--vscode-charts-blue, #3794ff); opacity: .45; } svg .bar-activated { fill: var(--vscode-charts-blue, #3794ff); }
svg .bar-over { fill: var(--bad); }
svg .row { cursor: pointer; } svg .row:focus { outline: none; } svg .row:focus .dot { stroke: var(--vscode-focusBorder); stroke-width: 2; }
body.vscode-high-contrast th, body.vscode-high-contrast td, body.vscode-high-contrast .counter { border-color: var(--vscode-contrastBorder, #6fc3df); }
body.vscode-high-contrast tr.link:hover td { outline: 1px dashed var(--vscode-contrastActiveBorder, #f38518); }
`;

export function applyStyles(doc: Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

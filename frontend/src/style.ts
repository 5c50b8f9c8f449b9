// The page's styles, injected as one <style> element by render() (the bundle
// is a single ES module; TensorBoard allows inline styles in the plugin frame).
// Looks like TensorBoard: Roboto/system font, grey chrome, orange accents.
export const STYLE = `
:root { color-scheme: light; }
html, body { margin: 0; background: #f5f5f5; }
.tbviz { font: 13px/1.4 Roboto, "Helvetica Neue", system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #212121; min-height: 100vh; }
.tbviz select, .tbviz button, .tbviz input { font: inherit; }
.top { position: sticky; top: 0; z-index: 20; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.runbar { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px; padding: 8px 16px; background: #fff; border-bottom: 1px solid #e0e0e0; }
.brand { display: flex; align-items: baseline; gap: 8px; margin-right: 8px; }
.brand-name { font-weight: 500; font-size: 16px; color: #f57c00; letter-spacing: .3px; }
.brand-sub { color: #757575; font-size: 12px; }
.field { display: inline-flex; align-items: center; gap: 6px; }
.field-label { color: #616161; font-size: 12px; text-transform: uppercase; letter-spacing: .4px; }
.field.check { gap: 4px; color: #616161; font-size: 12px; }
.field.check input { accent-color: #f57c00; }
select { padding: 3px 6px; border: 1px solid #bdbdbd; border-radius: 3px; background: #fff; max-width: 320px; }
select:focus, button:focus-visible, input:focus-visible { outline: 2px solid #ffb74d; outline-offset: 1px; }
.btn { padding: 4px 12px; border: 1px solid #f57c00; border-radius: 3px; background: #fff; color: #e65100; cursor: pointer; font-weight: 500; }
.btn:hover:not(:disabled) { background: #fff3e0; }
.btn:disabled { opacity: .4; cursor: default; }
.btn.small { padding: 1px 7px; font-size: 12px; }
.btn.play { min-width: 78px; }
.status { color: #757575; font-size: 12px; }
.status.error { color: #c62828; }
.badges { display: flex; flex-wrap: wrap; gap: 6px; flex-basis: 100%; }
.badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px 2px 6px; border: 1px solid #e0e0e0; border-radius: 12px; background: #fafafa; cursor: pointer; font-size: 12px; color: #424242; }
.badge.selected { border-color: #f57c00; background: #fff3e0; }
.badge-dot { width: 10px; height: 10px; border-radius: 50%; background: #43a047; }
.badge.sev-info .badge-dot { background: #1976d2; }
.badge.sev-pending .badge-dot { background: #bdbdbd; }
.badge.sev-warning .badge-dot { background: #ffa000; }
.badge.sev-error .badge-dot { background: #d32f2f; }
.badge-sev { color: #757575; }
.badge.sev-error .badge-sev { color: #c62828; font-weight: 500; }
.tabs { display: flex; gap: 4px; padding: 0 16px; background: #fff; border-bottom: 1px solid #e0e0e0; }
.tab { padding: 10px 16px 8px; border: 0; border-bottom: 2px solid transparent; background: none; cursor: pointer; color: #616161; font-weight: 500; text-transform: uppercase; letter-spacing: .5px; font-size: 12px; }
.tab:hover { color: #212121; }
.tab.active { color: #f57c00; border-bottom-color: #f57c00; }
.tab.muted { opacity: .45; }
.unreadable { margin: 8px 16px 0; padding: 6px 12px; background: #fff8e1; border: 1px solid #ffe082; border-radius: 4px; font-size: 12px; color: #5d4037; }
.unreadable ul { margin: 2px 0 0; padding-left: 18px; }
.empty { margin: 24px; padding: 24px; background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; color: #616161; }
.panels { padding: 12px 16px 24px; position: relative; }
.panel { position: relative; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; margin-bottom: 8px; }
.stepper { display: flex; align-items: center; gap: 8px; margin: 6px 0 8px; padding: 6px 10px; background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; }
.step-slider { flex: 1; accent-color: #f57c00; min-width: 200px; }
.step-label { min-width: 190px; font-variant-numeric: tabular-nums; color: #424242; font-weight: 500; }
.panel-info { color: #616161; font-size: 12px; margin: 4px 0 10px; }
.columns { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.flow-maps { display: flex; flex-direction: column; gap: 16px; }
.column { background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; padding: 10px 12px; box-shadow: 0 1px 2px rgba(0,0,0,.06); min-width: 300px; }
.caption { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; margin-bottom: 8px; }
.caption-run { font-weight: 500; color: #e65100; }
.caption-tag { font-family: "Roboto Mono", ui-monospace, Menlo, monospace; font-size: 12px; background: #f5f5f5; padding: 1px 6px; border-radius: 3px; white-space: pre; }
.caption-step { color: #424242; font-variant-numeric: tabular-nums; }
.caption-actions { margin-left: auto; display: inline-flex; gap: 4px; }
.message { display: none; color: #c62828; font-size: 12px; margin-bottom: 6px; }
.column-body { position: relative; }
.surface { display: block; border-radius: 3px; cursor: grab; }
.surface:active { cursor: grabbing; }
.heatmap { display: block; image-rendering: pixelated; cursor: crosshair; }
.axis-note { font-size: 11px; color: #757575; margin-bottom: 2px; }
.readout { font-variant-numeric: tabular-nums; font-size: 12px; color: #757575; margin-top: 6px; min-height: 17px; }
.readout.active { color: #212121; }
.note { font-size: 12px; color: #616161; }
.note.alarm { color: #c62828; font-weight: 500; }
.legend { margin-top: 8px; width: 300px; }
.legend-unit { font-size: 12px; color: #424242; margin-bottom: 2px; }
.legend-bar { display: block; width: 300px; height: 12px; border: 1px solid #e0e0e0; image-rendering: pixelated; }
.legend-ticks { display: flex; justify-content: space-between; font-size: 11px; color: #616161; font-variant-numeric: tabular-nums; }
.legend-special { display: flex; gap: 12px; font-size: 11px; color: #616161; margin-top: 3px; }
.legend-key, .legend-zero { display: inline-flex; align-items: center; gap: 4px; }
.swatch { display: inline-block; width: 10px; height: 10px; border: 1px solid #bdbdbd; }
.count.alarm { color: #c62828; font-weight: 700; }
.tiles { display: grid; gap: 4px; }
.tile { position: relative; padding: 1px; border: 1px solid transparent; }
.tile.dead { border-color: #d32f2f; background: #ffebee; }
.tile-label { position: absolute; left: 2px; top: 1px; font-size: 9px; color: #fff; background: rgba(0,0,0,.45); padding: 0 3px; border-radius: 2px; pointer-events: none; }
.tile.dead .tile-label { background: #d32f2f; }
.flow-map { display: block; cursor: pointer; }
.column.wide { min-width: 0; }
.marker-key { display: inline-flex; gap: 10px; font-size: 12px; color: #616161; }
.marker-key-item { display: inline-flex; align-items: center; gap: 4px; }
.dot { width: 9px; height: 9px; clip-path: polygon(0 0, 100% 0, 50% 100%); display: inline-block; }
.chart-title { display: flex; align-items: center; gap: 10px; margin: 14px 0 6px; color: #424242; font-weight: 500; }
.chart-title .caption-actions, .controls .caption-actions { margin-left: 0; }
.flow-chart { background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; display: inline-block; padding: 6px; }
.flow-chart:empty { display: none; }
.tooltip { display: none; position: absolute; z-index: 10; max-width: 320px; pointer-events: none; background: rgba(33,33,33,.94); color: #fff; font-size: 12px; padding: 6px 9px; border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.tt-title { font-weight: 500; color: #ffcc80; word-break: break-all; }
.tt-event { margin-top: 4px; }
.tt-event.sev-error b { color: #ef9a9a; }
.tt-event.sev-warning b { color: #ffe082; }
.tt-hint { color: #e0e0e0; }
.tt-foot { margin-top: 4px; color: #9e9e9e; font-size: 11px; }
.table-box { background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; overflow: auto; max-height: 75vh; }
.health-table { border-collapse: collapse; width: 100%; }
.health-table th { position: sticky; top: 0; background: #fafafa; text-align: left; font-weight: 500; color: #616161; font-size: 12px; padding: 8px 10px; border-bottom: 1px solid #e0e0e0; cursor: pointer; user-select: none; white-space: nowrap; }
.health-table th:hover { color: #e65100; }
.health-table td { padding: 6px 10px; border-bottom: 1px solid #f0f0f0; vertical-align: top; }
.health-table td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.health-table td.code { font-family: "Roboto Mono", ui-monospace, Menlo, monospace; font-size: 12px; }
.health-table td.hint { color: #616161; max-width: 460px; }
.health-table .evidence { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
.health-table .evidence span { font-family: "Roboto Mono", ui-monospace, Menlo, monospace; font-size: 11px; color: #37474f; background: #eceff1; border-radius: 3px; padding: 1px 5px; white-space: nowrap; }
.health-table tr:hover td { background: #fff8e1; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11px; font-weight: 500; color: #fff; background: #1976d2; text-transform: uppercase; }
.pill.sev-warning { background: #ffa000; }
.pill.sev-error { background: #d32f2f; }
.uplot { font-family: inherit; }
.cm-axis { font-size: 11px; color: #757575; }
.cm-axis-top { margin-bottom: 2px; text-align: right; }
.cm-grid { display: grid; grid-template-columns: auto auto; justify-content: start; }
.cm-axis-left { align-self: end; text-align: right; padding: 0 6px 2px 0; }
.cm-col-labels { display: flex; align-items: flex-end; }
.cm-row-labels { display: flex; flex-direction: column; align-items: flex-end; padding-right: 6px; }
.cm-label { font-size: 11px; color: #37474f; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 140px; text-align: center; }
.cm-row-labels .cm-label { text-align: right; }
.cm-label.vertical { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 110px; text-align: left; padding: 2px 0; }
.cm-label.hot { color: #e65100; font-weight: 700; }
.cm-body { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
.cm-tables { display: flex; flex-direction: column; gap: 14px; align-items: flex-start; }
.cm-box { margin-top: 10px; }
.cm-tables .cm-box { margin-top: 0; }
.cm-title { display: flex; align-items: center; gap: 8px; font-weight: 500; color: #424242; margin-bottom: 4px; }
.cm-title .caption-actions { margin-left: 0; }
.cm-pairs, .top-features { margin: 0; padding-left: 22px; font-size: 12px; font-variant-numeric: tabular-nums; }
.cm-pairs .ok { list-style: none; margin-left: -22px; color: #616161; }
.cm-table { width: auto; }
.cm-table td.alarm { color: #c62828; font-weight: 500; }
.importance-chart { background: #fff; }
.top-box { min-width: 200px; }
`;

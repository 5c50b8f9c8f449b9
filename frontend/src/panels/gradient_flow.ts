// Gradient flow: layers (depth order, input at the top) × steps, coloured by
// one statistic on a log scale, so that gradients fading with depth
// (vanishing) or blowing up (exploding) show in one picture. Health events
// are markers on the map. Clicking a layer plots its statistics over steps.
import uPlot from "uplot";
import { flowValue, getGradientFlow, type GradientFlow, type HealthEvent } from "../api";
import { logScale, paint, rangeOf, autoScale, type Range, type Scale } from "../colormap";
import { type Context, type Panel, SEVERITY_RANK, shownRuns, tagInfo, tagsOfKind, type UpdateReason } from "../context";
import { el, fillSelect, fmt, fmtValue, labelled } from "../dom";
import { exportButtons, saveCSV, savePNG, tableCSV } from "../export";
import { enlarged } from "../heatmap";
import { nearestIndex } from "../stepper";
import { Column } from "./column";
import { TagChoice } from "./tag_choice";


const LOG_STATS = new Set(["mean_abs", "max_abs", "l2", "rms", "weight_l2", "update_ratio"]);
const STAT_UNITS: Record<string, string> = {
  mean_abs: "mean |gradient|",
  max_abs: "max |gradient|",
  l2: "‖gradient‖₂",
  rms: "RMS gradient",
  nan_count: "NaN elements",
  inf_count: "Inf elements",
  zero_frac: "fraction of exact zeros",
  weight_l2: "‖weight‖₂",
  update_ratio: "‖Δw‖ / ‖w‖",
};
export const SEVERITY_COLOR: Record<string, string> = { error: "#d32f2f", warning: "#ffa000", info: "#1976d2" };
const LINE_COLORS = ["#f57c00", "#1976d2", "#388e3c", "#7b1fa2", "#c2185b", "#0097a7", "#5d4037", "#455a64", "#fbc02d"];

const LABEL_W = 160;
const TOP = 14; // strip for events without a layer
const BOTTOM = 22; // step axis
/** Width of the map and chart: the panel's width within bounds. */
function mapWidth(panel: HTMLElement): number {
  const available = panel.clientWidth - 40;
  return Math.round(Math.max(640, Math.min(1400, available > 0 ? available : 980)));
}

interface FlowView {
  run: string;
  column: Column;
  canvas: HTMLCanvasElement;
  flow: GradientFlow | null;
  native: HTMLCanvasElement;
  rowH: number;
  cellW: number;
  events: Array<{ event: HealthEvent; layer: number; index: number }>;
}

export class GradientFlowPanel implements Panel {
  readonly id = "gradient_flow";
  readonly title = "Gradient flow";
  readonly element: HTMLElement;
  private readonly tags = new TagChoice("gradient flow tag", () => void this.load());
  private readonly statSelect = el("select", { cls: "stat-select", attrs: { "aria-label": "statistic" } });
  private readonly markers = el("input", { attrs: { type: "checkbox", checked: "" } });
  private readonly maps = el("div", { cls: "flow-maps" });
  private readonly chartBox = el("div", { cls: "flow-chart" });
  private readonly chartTitle = el("span", { text: "Click a layer on the map to plot its statistics over the steps." });
  private readonly chartActions = exportButtons(
    { title: "Download the layer's statistics over steps as CSV", save: () => this.exportChartCSV() },
    { title: "Download the chart as PNG", save: () => this.exportChartPNG() },
  );
  private chartData: { run: string; layer: string; steps: number[]; series: Array<[string, Float32Array]> } | null = null;
  private readonly tooltip = el("div", { cls: "tooltip" });
  private readonly views = new Map<string, FlowView>();
  private selectedLayer: string | null = null;
  private chart: uPlot | null = null;
  private ctx: Context | null = null;

  constructor() {
    this.statSelect.addEventListener("change", () => this.drawAll());
    this.markers.addEventListener("change", () => this.drawAll());
    this.chartActions.style.display = "none";
    this.element = el("section", { cls: "panel", attrs: { "data-panel": this.id } }, [
      el("div", { cls: "controls" }, [
        labelled("Model", this.tags.select),
        labelled("Statistic", this.statSelect),
        el("label", { cls: "field check" }, [this.markers, el("span", { text: "health markers" })]),
        el("span", { cls: "marker-key" }, [
          ...["error", "warning", "info"].map((s) => {
            const dot = el("span", { cls: "dot" });
            dot.style.background = SEVERITY_COLOR[s];
            return el("span", { cls: "marker-key-item" }, [dot, el("span", { text: s })]);
          }),
        ]),
      ]),
      this.maps,
      el("div", { cls: "chart-title" }, [this.chartTitle, this.chartActions]),
      this.chartBox,
      this.tooltip,
    ]);
    let resizeTimer = 0;
    window.addEventListener("resize", () => {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => {
        if (this.element.offsetParent !== null) this.drawAll();
      }, 150);
    });
  }

  available(ctx: Context): boolean {
    return tagsOfKind(ctx, "gradient_flow").length > 0;
  }

  async update(ctx: Context, _why: UpdateReason): Promise<void> {
    this.ctx = ctx;
    this.tags.offer(ctx, tagsOfKind(ctx, "gradient_flow"));
    await this.load();
  }

  private async load(): Promise<void> {
    const load = this.tags.begin();
    if (!load) return;
    const { ctx, tag } = load;
    const runs = shownRuns(ctx).filter((r) => tagInfo(ctx, r, tag));
    const flows = await Promise.all(
      runs.map((r) => getGradientFlow(r, tag, 1000).then((f) => ({ f, e: "" }), (e) => ({ f: null, e: String((e as Error).message ?? e) }))),
    );
    if (!load.current()) return;
    for (const run of [...this.views.keys()]) if (!runs.includes(run)) this.views.delete(run);
    runs.forEach((run, i) => {
      const view = this.views.get(run) ?? this.makeView(run);
      this.views.set(run, view);
      view.flow = flows[i].f;
      view.column.showMessage(flows[i].e);
    });
    this.maps.replaceChildren(...runs.map((r) => this.views.get(r)!.column.element));
    const stats = new Set<string>();
    for (const v of this.views.values()) v.flow?.stats.forEach((s) => stats.add(s));
    const order = [...stats].sort((a, b) => rank(a) - rank(b));
    fillSelect(this.statSelect, order.map((s) => [s, `${s} — ${STAT_UNITS[s] ?? s}`]), this.statSelect.value || "mean_abs");
    this.drawAll();
  }

  private makeView(run: string): FlowView {
    const canvas = el("canvas", { cls: "flow-map" });
    const view: FlowView = {
      run,
      canvas,
      flow: null,
      native: document.createElement("canvas"),
      rowH: 10,
      cellW: 1,
      events: [],
      column: new Column(
        () => this.exportCSV(view),
        () => savePNG([view.run, this.tags.tag, this.statSelect.value], enlarged(view.native).toDataURL("image/png")),
      ),
    };
    view.column.element.dataset.run = run;
    view.column.element.classList.add("wide");
    view.column.body.append(canvas);
    canvas.addEventListener("mousemove", (e) => this.hover(view, e));
    canvas.addEventListener("mouseleave", () => (this.tooltip.style.display = "none"));
    canvas.addEventListener("click", (e) => {
      const hit = this.cellAt(view, e);
      if (hit && view.flow) {
        this.selectedLayer = view.flow.layers[hit.layer];
        this.drawAll();
      }
    });
    return view;
  }

  private statIndex(flow: GradientFlow): number {
    return flow.stats.indexOf(this.statSelect.value);
  }

  private drawAll(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const stat = this.statSelect.value;
    const log = LOG_STATS.has(stat);
    // One scale for all runs shown, so they can be compared by colour.
    const columns: Float32Array[] = [];
    for (const view of this.views.values()) {
      const flow = view.flow;
      if (!flow || this.statIndex(flow) < 0) continue;
      columns.push(statTable(flow, this.statIndex(flow)));
    }
    const range = rangeOf(...columns);
    const scale = log ? logScale(range) : autoScale({ ...range, min: Math.min(0, range.min) });
    for (const view of this.views.values()) this.drawMap(view, scale, range, ctx.health[view.run] ?? []);
    this.drawChart();
  }

  private drawMap(view: FlowView, scale: Scale, range: Range, health: HealthEvent[]): void {
    const flow = view.flow;
    const tag = this.tags.tag;
    const s = flow ? this.statIndex(flow) : -1;
    if (!flow || s < 0 || !flow.steps.length) {
      view.column.caption(view.run, tag, "");
      view.canvas.width = 0;
      return;
    }
    const nSteps = flow.steps.length;
    const nLayers = flow.layers.length;
    view.column.caption(view.run, tag, `steps ${flow.steps[0]}–${flow.steps[nSteps - 1]} (${nSteps} shown)`);
    // The picture: rows = layers (input at the top), columns = steps.
    const table = statTable(flow, s);
    const transposed = new Float32Array(nLayers * nSteps);
    for (let i = 0; i < nSteps; i++) for (let l = 0; l < nLayers; l++) transposed[l * nSteps + i] = table[i * nLayers + l];
    view.native.width = nSteps;
    view.native.height = nLayers;
    const nctx = view.native.getContext("2d")!;
    const image = nctx.createImageData(nSteps, nLayers);
    paint(transposed, scale, image.data);
    nctx.putImageData(image, 0, 0);

    const rowH = Math.max(3, Math.min(26, Math.floor(460 / nLayers)));
    const width = mapWidth(this.element);
    const plotW = width - LABEL_W;
    const height = TOP + rowH * nLayers + BOTTOM;
    view.rowH = rowH;
    view.cellW = plotW / nSteps;
    const dpr = window.devicePixelRatio || 1;
    const c = view.canvas;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    c.style.width = `${width}px`;
    c.style.height = `${height}px`;
    const g = c.getContext("2d")!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    g.imageSmoothingEnabled = false;
    g.drawImage(view.native, LABEL_W, TOP, plotW, rowH * nLayers);
    // Layer names (canvas text: never parsed as HTML), every row when they fit.
    g.font = `${Math.min(12, Math.max(9, rowH - 2))}px Roboto, system-ui, sans-serif`;
    g.textBaseline = "middle";
    g.textAlign = "right";
    const every = Math.max(1, Math.ceil(11 / rowH));
    for (let l = 0; l < nLayers; l++) {
      const selected = flow.layers[l] === this.selectedLayer;
      if (l % every !== 0 && !selected) continue;
      g.fillStyle = selected ? "#f57c00" : "#37474f";
      g.fillText(ellipsize(g, flow.layers[l], LABEL_W - 10), LABEL_W - 6, TOP + (l + 0.5) * rowH);
    }
    const sel = flow.layers.indexOf(this.selectedLayer ?? "\u0000");
    if (sel >= 0) {
      g.strokeStyle = "#f57c00";
      g.lineWidth = 2;
      g.strokeRect(LABEL_W + 1, TOP + sel * rowH + 1, plotW - 2, rowH - 2);
    }
    // Step axis.
    g.fillStyle = "#546e7a";
    g.textAlign = "center";
    g.textBaseline = "top";
    g.font = "11px Roboto, system-ui, sans-serif";
    const ticks = Math.min(8, nSteps);
    for (let t = 0; t < ticks; t++) {
      const i = Math.round((t * (nSteps - 1)) / Math.max(1, ticks - 1));
      const x = LABEL_W + (i + 0.5) * view.cellW;
      g.fillRect(x, TOP + rowH * nLayers, 1, 4);
      g.fillText(String(flow.steps[i]), Math.min(width - 20, Math.max(LABEL_W + 10, x)), TOP + rowH * nLayers + 6);
    }
    g.textAlign = "right";
    g.fillText("step →", LABEL_W - 6, TOP + rowH * nLayers + 6);
    g.textAlign = "left";
    g.textBaseline = "middle";
    g.fillText("input ↓", 4, TOP / 2 + 1);
    // Health markers.
    view.events = [];
    if (this.markers.checked) {
      for (const event of health) {
        if (event.tag && event.tag !== tag && event.source === "diagnosed") continue;
        const layer = event.layer === null || event.layer === undefined ? -1 : flow.layers.indexOf(String(event.layer));
        if (event.layer && layer < 0) continue;
        const index = nearestIndex(flow.steps, Number(event.step));
        view.events.push({ event, layer, index });
      }
      view.events.sort((a, b) => (SEVERITY_RANK[a.event.severity] ?? 0) - (SEVERITY_RANK[b.event.severity] ?? 0));
      for (const { event, layer, index } of view.events) {
        const x = LABEL_W + (index + 0.5) * view.cellW;
        const y = layer < 0 ? TOP / 2 : TOP + (layer + 0.5) * rowH;
        const r = Math.max(3, Math.min(6, rowH / 2));
        g.beginPath();
        g.moveTo(x, y + r);
        g.lineTo(x - r, y - r);
        g.lineTo(x + r, y - r);
        g.closePath();
        g.fillStyle = SEVERITY_COLOR[event.severity] ?? "#607d8b";
        g.strokeStyle = "#ffffff";
        g.lineWidth = 1;
        g.fill();
        g.stroke();
      }
    }
    const stat = this.statSelect.value;
    view.column.legend.update(scale, STAT_UNITS[stat] ?? stat, range);
    const own = rangeOf(table);
    view.column.note.textContent =
      `${nLayers} layers × ${nSteps} steps · ${view.events.length} health markers` +
      (own.nan ? ` · ${own.nan} cells NaN (no finite gradient)` : "");
  }

  private cellAt(view: FlowView, e: MouseEvent): { layer: number; index: number } | null {
    const flow = view.flow;
    if (!flow) return null;
    const rect = view.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left - LABEL_W;
    const y = e.clientY - rect.top - TOP;
    const layer = Math.floor(y / view.rowH);
    const index = Math.max(0, Math.min(flow.steps.length - 1, Math.floor(x / view.cellW)));
    if (layer < 0 || layer >= flow.layers.length || e.clientX - rect.left < 0) return null;
    return { layer, index };
  }

  private hover(view: FlowView, e: MouseEvent): void {
    const hit = this.cellAt(view, e);
    const flow = view.flow;
    if (!hit || !flow) {
      this.tooltip.style.display = "none";
      return;
    }
    const s = this.statIndex(flow);
    const value = flowValue(flow, hit.index, hit.layer, s);
    const lines = [
      el("div", { cls: "tt-title", text: flow.layers[hit.layer] }),
      el("div", { text: `step ${flow.steps[hit.index]} · ${this.statSelect.value} = ${fmt(value)}` }),
    ];
    const near = Math.max(2, Math.ceil(3 / view.cellW));
    for (const { event, layer, index } of view.events) {
      if (layer === hit.layer && Math.abs(index - hit.index) <= near) {
        lines.push(
          el("div", { cls: `tt-event sev-${event.severity}` }, [
            el("b", { text: `${event.severity}: ${event.code}` }),
            el("span", { text: ` at step ${event.step} (value ${fmtValue(event.value)}, threshold ${fmtValue(event.threshold)})` }),
          ]),
          el("div", { cls: "tt-hint", text: String(event.hint ?? "") }),
        );
      }
    }
    lines.push(el("div", { cls: "tt-foot", text: "click to plot this layer" }));
    this.tooltip.replaceChildren(...lines);
    this.tooltip.style.display = "block";
    const box = this.element.getBoundingClientRect();
    this.tooltip.style.left = `${Math.min(e.clientX - box.left + 14, box.width - 320)}px`;
    this.tooltip.style.top = `${e.clientY - box.top + 14}px`;
    view.column.readout.textContent = `${flow.layers[hit.layer]} · step ${flow.steps[hit.index]}: ${fmt(value)}`;
  }

  private drawChart(): void {
    const primary = this.ctx ? this.views.get(this.ctx.run) ?? [...this.views.values()][0] : undefined;
    const flow = primary?.flow;
    const layer = flow && this.selectedLayer !== null ? flow.layers.indexOf(this.selectedLayer) : -1;
    this.chart?.destroy();
    this.chart = null;
    this.chartData = null;
    this.chartActions.style.display = "none";
    if (!flow || layer < 0) {
      this.chartBox.replaceChildren();
      this.chartTitle.textContent = "Click a layer on the map to plot its statistics over the steps.";
      return;
    }
    this.chartTitle.textContent = `${primary!.run} · ${flow.layers[layer]}: gradient statistics over steps (log scale)`;
    const series: uPlot.Series[] = [{ label: "step" }];
    const data: Array<Array<number | null>> = [flow.steps.slice()];
    let k = 0;
    for (let s = 0; s < flow.stats.length; s++) {
      if (!LOG_STATS.has(flow.stats[s])) continue;
      const values: Array<number | null> = flow.steps.map((_, i) => {
        const v = flowValue(flow, i, layer, s);
        return Number.isFinite(v) && v > 0 ? v : null;
      });
      if (values.every((v) => v === null)) continue;
      const chosen = flow.stats[s] === this.statSelect.value;
      series.push({
        label: flow.stats[s],
        stroke: LINE_COLORS[k++ % LINE_COLORS.length],
        width: chosen ? 2.5 : 1.2,
        spanGaps: false,
        points: { show: flow.steps.length <= 60, size: 4 },
      });
      data.push(values);
    }
    this.chartData = {
      run: primary!.run,
      layer: flow.layers[layer],
      steps: flow.steps.slice(),
      // The exported values are the raw ones (zeros, NaN, Inf included), not the plotted ones.
      series: series.slice(1).map((ser): [string, Float32Array] => {
        const s = flow.stats.indexOf(String(ser.label));
        return [String(ser.label), Float32Array.from(flow.steps, (_, i) => flowValue(flow, i, layer, s))];
      }),
    };
    this.chartActions.style.display = "";
    this.chart = new uPlot(
      {
        width: mapWidth(this.element),
        height: 260,
        scales: { x: { time: false }, y: { distr: 3 } },
        series,
        axes: [
          { label: "step", stroke: "#546e7a", grid: { stroke: "#eceff1" } },
          {
            label: "value (log scale)",
            stroke: "#546e7a",
            grid: { stroke: "#eceff1", width: 1 },
            ticks: { stroke: "#cfd8dc", width: 1 },
            size: 70,
            splits: decades,
            values: (_u, vals) => vals.map((v) => (v == null ? "" : fmt(v))),
          },
        ],
        legend: { live: true },
        cursor: { points: { size: 6 } },
      },
      data as uPlot.AlignedData,
      this.chartBox,
    );
  }

  private exportChartCSV(): void {
    const c = this.chartData;
    if (!c) return;
    saveCSV([c.run, this.tags.tag, c.layer], tableCSV("stat \\ step", c.steps.map(String), c.series));
  }

  private exportChartPNG(): void {
    const c = this.chartData;
    const canvas = this.chartBox.querySelector("canvas");
    if (c && canvas) savePNG([c.run, this.tags.tag, c.layer], canvas.toDataURL("image/png"));
  }

  private exportCSV(view: FlowView): void {
    const flow = view.flow;
    if (!flow) return;
    const s = this.statIndex(flow);
    const table = statTable(flow, s);
    const rows: Array<[string, Float32Array]> = flow.layers.map((name, l) => [
      name,
      Float32Array.from(flow.steps, (_, i) => table[i * flow.layers.length + l]),
    ]);
    saveCSV([view.run, this.tags.tag, this.statSelect.value], tableCSV(`layer \\ step (${this.statSelect.value})`, flow.steps.map(String), rows));
  }
}

/** Powers of ten from below `min` to above `max`: one grid line per decade. */
function decades(_u: uPlot, _axis: number, min: number, max: number): number[] {
  const out: number[] = [];
  const lo = Math.floor(Math.log10(Math.max(min, 1e-300)));
  const hi = Math.ceil(Math.log10(Math.max(max, 1e-300)));
  const stride = Math.max(1, Math.ceil((hi - lo) / 8));
  for (let e = lo; e <= hi; e += stride) {
    const v = 10 ** e;
    if (v >= min * 0.999 && v <= max * 1.001) out.push(v);
  }
  return out;
}

/** [steps][layers] values of one stat. */
function statTable(flow: GradientFlow, s: number): Float32Array {
  const n = flow.steps.length * flow.layers.length;
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) out[k] = flow.values[k * flow.stats.length + s];
  return out;
}

function rank(stat: string): number {
  const order = ["mean_abs", "max_abs", "rms", "l2", "update_ratio", "weight_l2", "zero_frac", "nan_count", "inf_count"];
  const i = order.indexOf(stat);
  return i < 0 ? order.length : i;
}

function ellipsize(g: CanvasRenderingContext2D, text: string, width: number): string {
  if (g.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (g.measureText("…" + text.slice(text.length - mid)).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return "…" + text.slice(text.length - lo);
}

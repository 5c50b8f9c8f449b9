// Feature importance: how much the model relies on each input feature at the
// chosen step (mean |input gradient × input| on the probe set). A vector
// (tabular inputs) is a bar chart, in feature order or most important first;
// an [h, w] map (image inputs) is a heatmap shaped like the input. The most
// important features are listed either way.
import uPlot from "uplot";
import type { Tensor } from "../api";
import { namesFor, rankDescending } from "../classes";
import { autoScale, rangeOf } from "../colormap";
import { tagInfo } from "../context";
import { el, fillSelect, fmt, labelled } from "../dom";
import { arrayCSV, saveCSV, savePNG, tableCSV } from "../export";
import { enlarged, Heatmap } from "../heatmap";
import { Column } from "./column";
import { SteppedPanel } from "./stepped";

const CHART_W = 620;
const CHART_H = 300;
const TOP = 10;

interface RunView {
  run: string;
  column: Column;
  steps: number[];
  tensor: Tensor | null;
  /** The features' names as the tag gives them, else their indices. */
  names: string[];
  /** Whether the tag names its features (else "feature 12" in read-outs). */
  named: boolean;
  chart: uPlot | null;
  /** Feature index of each bar, left to right. */
  order: number[];
  /** Each feature's place among all, 0 = most important. */
  rank: number[];
  heatmap: Heatmap;
  top: HTMLElement;
  /** The most important features, beside the picture. */
  topBox: HTMLElement;
}

export class ImportancePanel extends SteppedPanel<RunView> {
  private readonly orderSelect = el("select", { cls: "order-select", attrs: { "aria-label": "bar order" } });

  constructor() {
    super("feature_importance", "Importance", "feature_importance", "Importance");
    fillSelect(this.orderSelect, [["feature", "feature order"], ["importance", "most important first"]]);
    this.orderSelect.addEventListener("change", () => void this.draw());
    this.controls.append(labelled("Bars", this.orderSelect));
  }

  protected describe(runs: string[]): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const info = tagInfo(ctx, runs[0] ?? ctx.run, this.tags.tag);
    if (!info) {
      this.info.textContent = "No feature importance in the selected runs.";
      return;
    }
    const shape = Array.isArray(info.input_shape) ? ` (input shape ${JSON.stringify(info.input_shape)}${info.input_shape.length === 3 ? ", summed over channels" : ""})` : "";
    this.info.textContent =
      "Importance of each input feature: mean |gradient of the loss × input| over the probe set; " +
      (info.layout === "image" ? `a map shaped like one input image${shape}.` : "one bar per feature.");
  }

  protected makeView(run: string): RunView {
    const view: RunView = {
      run,
      steps: [],
      tensor: null,
      names: [],
      named: false,
      chart: null,
      order: [],
      rank: [],
      heatmap: new Heatmap({ maxWidth: 420, maxHeight: 420, minCell: 3 }),
      top: el("ol", { cls: "top-features" }),
      topBox: el("div"),
      column: new Column(
        () => this.exportCSV(view),
        () => this.exportPNG(view),
      ),
    };
    view.column.element.dataset.run = run;
    view.heatmap.onHover = (y, x) => this.read(y * (view.tensor?.shape[1] ?? 0) + x);
    view.heatmap.onLeave = () => this.views.forEach((other) => other.column.readout.classList.remove("active"));
    view.topBox = el("div", { cls: "top-box" }, [el("div", { cls: "cm-title", text: "Most important" }), view.top]);
    view.column.body.classList.add("cm-body");
    return view;
  }

  protected dropView(view: RunView): void {
    view.chart?.destroy();
  }

  /** One feature's value and rank, read in every run shown (they have the same inputs). */
  private read(feature: number): void {
    for (const view of this.views.values()) {
      const tensor = view.tensor;
      if (!tensor || feature >= tensor.data.length) continue;
      const w = tensor.shape.length === 2 ? tensor.shape[1] : 0;
      const name = w ? `pixel (row ${Math.floor(feature / w)}, col ${feature % w})` : this.featureName(view, feature);
      view.column.readout.textContent = `${name}: ${fmt(tensor.data[feature])} · rank ${view.rank[feature] + 1} of ${view.rank.length}`;
      view.column.readout.classList.add("active");
    }
  }

  async draw(): Promise<void> {
    const read = await this.loadTensors();
    if (!read) return; // no context yet, or a newer request is drawing
    const { tag, loaded } = read;
    const tensors = loaded.flatMap((l) => (l.data ? [l.data.data] : []));
    // One scale for the runs compared: bars share the y range, maps the colours.
    const range = rangeOf(...tensors);
    const scale = autoScale({ ...range, min: Math.min(0, range.min) });
    this.orderSelect.parentElement!.style.display = loaded.some((l) => l.data && l.data.shape.length !== 2) ? "" : "none";
    for (const { view, data: tensor, error } of loaded) {
      view.tensor = tensor;
      view.rank = [];
      if (tensor) rankDescending(tensor.data).forEach((f, i) => (view.rank[f] = i));
      view.column.showMessage(error);
      view.column.caption(view.run, tag, tensor ? `step ${tensor.step}` : "");
      if (!tensor) continue;
      if (tensor.shape.length === 2) {
        view.chart?.destroy();
        view.chart = null;
        const [h, w] = tensor.shape;
        view.heatmap.set(tensor.data, h, w, scale);
        view.column.body.replaceChildren(
          el("div", {}, [el("div", { cls: "axis-note", text: `${w} columns →  ·  ${h} rows ↓ (one cell per input pixel)` }), view.heatmap.element]),
          view.topBox,
        );
        view.column.legend.element.style.display = "";
        view.column.legend.update(scale, "importance (mean |∂loss/∂x · x|)", range);
      } else {
        this.drawBars(view, tensor, range.max);
        view.column.legend.element.style.display = "none";
      }
      this.drawTop(view, tensor);
      const own = rangeOf(tensor.data);
      const bad = own.nan + own.posInf + own.negInf;
      view.column.note.textContent =
        `${tensor.data.length} features · max ${fmt(own.max)} · ${own.zeros} exactly 0` +
        (bad ? ` · ${own.nan} NaN, ${own.posInf + own.negInf} Inf (not drawn as bars)` : "");
      view.column.note.classList.toggle("alarm", bad > 0);
    }
  }

  private drawBars(view: RunView, tensor: Tensor, sharedMax: number): void {
    const n = tensor.data.length;
    const info = this.ctx ? tagInfo(this.ctx, view.run, this.tags.tag) : undefined;
    view.names = namesFor(info?.feature_names, n);
    view.named = Array.isArray(info?.feature_names) && (info.feature_names as unknown[]).length === n;
    view.order = this.orderSelect.value === "importance" ? rankDescending(tensor.data) : Array.from({ length: n }, (_, i) => i);
    const xs = view.order.map((_, i) => i);
    const ys = view.order.map((f) => (Number.isFinite(tensor.data[f]) ? tensor.data[f] : null));
    const names = view.names;
    const longest = Math.max(...names.map((s) => s.length));
    // As many names as fit under the bars: slanted ones need a line's height, level ones their width.
    const labelSpace = longest > 3 ? 16 : longest * 7 + 8;
    const labelEvery = Math.max(1, Math.ceil(labelSpace / ((CHART_W - 100) / Math.max(1, n))));
    view.chart?.destroy();
    const box = el("div", { cls: "importance-chart" });
    view.column.body.replaceChildren(box, view.topBox);
    view.chart = new uPlot(
      {
        width: CHART_W,
        height: CHART_H + Math.min(150, longest * 6),
        padding: [TOP, 40, 0, 0], // room for the last name, slanted to the right
        legend: { show: false },
        cursor: { y: false, points: { show: false }, drag: { x: false, y: false } },
        scales: {
          x: { time: false, range: [-0.5, n - 0.5] },
          y: { range: [0, Number.isFinite(sharedMax) && sharedMax > 0 ? sharedMax * 1.05 : 1] },
        },
        series: [
          { label: "feature" },
          { label: "importance", fill: "#ffb74d", stroke: "#f57c00", width: 1, paths: uPlot.paths.bars!({ size: [0.8, 60], align: 0 }), points: { show: false } },
        ],
        axes: [
          {
            label: this.orderSelect.value === "importance" ? "feature (most important first)" : "feature",
            stroke: "#546e7a",
            grid: { show: false },
            rotate: longest > 3 ? -60 : 0,
            size: 30 + Math.min(150, longest * 6),
            splits: () => xs.filter((i) => i % labelEvery === 0),
            values: (_u, splits) => splits.map((i) => names[view.order[i]] ?? ""),
          },
          { label: "importance", stroke: "#546e7a", grid: { stroke: "#eceff1" }, size: 60, values: (_u, vals) => vals.map((v) => (v == null ? "" : fmt(v))) },
        ],
        hooks: {
          setCursor: [
            (u) => {
              const i = u.cursor.idx;
              if (i == null || i < 0 || i >= n) return;
              this.read(view.order[i]);
            },
          ],
        },
      },
      [xs, ys] as uPlot.AlignedData,
      box,
    );
    box.addEventListener("mouseleave", () => this.views.forEach((other) => other.column.readout.classList.remove("active")));
  }

  /** The ten most important features (pixels for a map), largest first. */
  private drawTop(view: RunView, tensor: Tensor): void {
    const image = tensor.shape.length === 2;
    const w = image ? tensor.shape[1] : 0;
    const name = (f: number) => (image ? `(row ${Math.floor(f / w)}, col ${f % w})` : this.featureName(view, f));
    view.top.replaceChildren(
      ...rankDescending(tensor.data)
        .slice(0, 10)
        .filter((f) => !Number.isNaN(tensor.data[f]))
        .map((f) => el("li", {}, [el("b", { text: name(f) }), el("span", { text: `: ${fmt(tensor.data[f])}` })])),
    );
  }

  private featureName(view: RunView, f: number): string {
    return view.named ? view.names[f] : `feature ${f}`;
  }

  private fileName(view: RunView): string[] {
    return [view.run, this.tags.tag, `step ${view.tensor?.step ?? ""}`];
  }

  private exportCSV(view: RunView): void {
    const tensor = view.tensor;
    if (!tensor) return;
    if (tensor.shape.length === 2) return saveCSV(this.fileName(view), arrayCSV(tensor.data, tensor.shape));
    const rows = view.order.map((f): [string, number[]] => [view.names[f], [f, tensor.data[f]]]);
    saveCSV(this.fileName(view), tableCSV("feature", ["index", "importance"], rows));
  }

  private exportPNG(view: RunView): void {
    if (!view.tensor) return;
    const canvas = view.chart ? view.chart.ctx.canvas : enlarged(view.heatmap.native);
    savePNG(this.fileName(view), canvas.toDataURL("image/png"));
  }
}

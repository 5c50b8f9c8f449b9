// Confusion matrix: a classifier's predictions on a fixed probe set against
// the truth (rows true class, columns predicted class) at the chosen step, as
// a heatmap with the counts written in, class names on both axes, per-class
// precision and recall on hover and in a table, and the most confused pairs.
// "Normalise by row" shows each true class's shares instead of counts.
import type { Tensor } from "../api";
import { autoScale, rangeOf } from "../colormap";
import { accuracy, classStats, type ClassStat, confusedPairs, namesFor, normaliseRows, percent } from "../classes";
import { tagInfo } from "../context";
import { el, fmt } from "../dom";
import { csvText, exportButtons, saveCSV, savePNG, tableCSV } from "../export";
import { Heatmap } from "../heatmap";
import { Column } from "./column";
import { SteppedPanel } from "./stepped";

const SIZE = 440;
const PAIRS = 8;

interface Shown {
  tensor: Tensor;
  n: number;
  names: string[];
  /** What is painted: counts, or row shares when normalised. */
  values: Float32Array;
  stats: ClassStat[];
}

interface RunView {
  run: string;
  column: Column;
  steps: number[];
  heatmap: Heatmap;
  rowLabels: HTMLElement;
  colLabels: HTMLElement;
  pairs: HTMLElement;
  table: HTMLTableElement;
  shown: Shown | null;
}

/** 1 -> "1 sample", 3 -> "3 samples". */
function samples(count: number): string {
  return `${fmt(count)} sample${count === 1 ? "" : "s"}`;
}

export class ConfusionPanel extends SteppedPanel<RunView> {
  private readonly normalise = el("input", { cls: "normalise", attrs: { type: "checkbox" } });

  constructor() {
    super("confusion_matrix", "Confusion", "confusion_matrix", "Predictions");
    this.normalise.addEventListener("change", () => void this.draw());
    this.controls.append(
      el("label", { cls: "field check", title: "Each true class's row as shares of its samples (recall on the diagonal)" }, [
        this.normalise,
        el("span", { text: "normalise by row" }),
      ]),
    );
  }

  protected describe(runs: string[]): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const info = tagInfo(ctx, runs[0] ?? ctx.run, this.tags.tag);
    this.info.textContent = info
      ? "Predictions on the probe set: rows are the true class, columns the predicted class; the diagonal is correct. " +
        "Hover a cell for its count and the classes' precision and recall."
      : "No confusion matrices in the selected runs.";
  }

  protected makeView(run: string): RunView {
    const view: RunView = {
      run,
      steps: [],
      heatmap: new Heatmap({ maxWidth: SIZE, maxHeight: SIZE, minCell: 4, maxCell: 72 }),
      rowLabels: el("div", { cls: "cm-row-labels" }),
      colLabels: el("div", { cls: "cm-col-labels" }),
      pairs: el("ol", { cls: "cm-pairs" }),
      table: el("table", { cls: "health-table cm-table" }),
      shown: null,
      column: new Column(
        () => view.shown && saveCSV(this.fileName(view), this.matrixCSV(view.shown)),
        () => view.shown && savePNG(this.fileName(view), this.matrixPNG(view).toDataURL("image/png")),
      ),
    };
    view.column.element.dataset.run = run;
    const tables = el("div", { cls: "cm-tables" }, [
      el("div", { cls: "cm-box" }, [el("div", { cls: "cm-title", text: "Most confused (true → predicted)" }), view.pairs]),
      el("div", { cls: "cm-box" }, [
        el("div", { cls: "cm-title" }, [
          el("span", { text: "Per class" }),
          exportButtons({ title: "Download precision and recall per class as CSV", save: () => view.shown && saveCSV([...this.fileName(view), "per_class"], this.classCSV(view.shown)) }),
        ]),
        view.table,
      ]),
    ]);
    // The matrix and, beside it, what it says class by class.
    view.column.body.classList.add("cm-body");
    view.column.body.append(
      el("div", { cls: "cm" }, [
        el("div", { cls: "cm-axis cm-axis-top", text: "predicted class →" }),
        el("div", { cls: "cm-grid" }, [
          el("div", { cls: "cm-axis cm-axis-left", text: "true class ↓" }),
          view.colLabels,
          view.rowLabels,
          view.heatmap.element,
        ]),
      ]),
      tables,
    );
    // Hovering one run's matrix reads the same cell in every run shown.
    view.heatmap.onHover = (row, col) => {
      for (const other of this.views.values()) this.readCell(other, row, col);
    };
    view.heatmap.onLeave = () => this.views.forEach((other) => this.readCell(other, -1, -1));
    return view;
  }

  private fileName(view: RunView): string[] {
    return [view.run, this.tags.tag, `step ${view.shown?.tensor.step ?? ""}`, this.normalise.checked ? "normalised" : "counts"];
  }

  /** The readout of one cell: the count, its share, and both classes' precision and recall. */
  private readCell(view: RunView, row: number, col: number): void {
    const shown = view.shown;
    view.rowLabels.querySelectorAll(".hot").forEach((e) => e.classList.remove("hot"));
    view.colLabels.querySelectorAll(".hot").forEach((e) => e.classList.remove("hot"));
    if (!shown || row < 0 || row >= shown.n || col >= shown.n) {
      view.column.readout.classList.remove("active");
      return;
    }
    view.rowLabels.children[row]?.classList.add("hot");
    view.colLabels.children[col]?.classList.add("hot");
    const count = shown.tensor.data[row * shown.n + col];
    const t = shown.stats[row];
    const p = shown.stats[col];
    const share = t.support > 0 ? count / t.support : NaN;
    view.column.readout.textContent =
      `true ${shown.names[row]} → predicted ${shown.names[col]}: ${samples(count)} (${percent(share)} of ${shown.names[row]})` +
      ` · recall of ${shown.names[row]} ${percent(t.recall)} · precision of ${shown.names[col]} ${percent(p.precision)}` +
      (p.predicted === 0 ? " (never predicted)" : "");
    view.column.readout.classList.add("active");
  }

  async draw(): Promise<void> {
    const read = await this.loadTensors();
    if (!read) return; // no context yet, or a newer request is drawing
    const { ctx, tag, loaded } = read;
    const normalised = this.normalise.checked;
    for (const { view, data: tensor, error } of loaded) {
      const n = tensor?.shape[0] ?? 0;
      if (tensor && (tensor.shape.length !== 2 || tensor.shape[1] !== n)) {
        view.shown = null;
        view.column.showMessage(`a confusion matrix must be square [classes, classes]; this one is [${tensor.shape.join(", ")}]`);
        continue;
      }
      view.column.showMessage(error);
      view.shown = tensor
        ? {
            tensor,
            n,
            names: namesFor(tagInfo(ctx, view.run, tag)?.class_names, n),
            values: normalised ? normaliseRows(tensor.data, n) : tensor.data,
            stats: classStats(tensor.data, n),
          }
        : null;
    }
    // One colour scale for the runs compared: counts from 0, or shares 0–1.
    const shownList = loaded.flatMap((l) => (l.view.shown ? [l.view.shown] : []));
    const range = rangeOf(...shownList.map((s) => s.values));
    const scale = autoScale({ ...range, min: 0, max: normalised ? 1 : Math.max(1, range.max) });
    for (const { view } of loaded) {
      const shown = view.shown;
      view.column.caption(view.run, tag, shown ? `step ${shown.tensor.step}` : "");
      if (!shown) continue;
      const { n, names, values } = shown;
      view.heatmap.set(values, n, n, scale, {
        text: (r, c) => {
          const v = values[r * n + c];
          if (!Number.isFinite(v)) return fmt(v);
          return normalised ? (v === 0 ? "" : `${Math.round(v * 100)}`) : v === 0 ? "" : fmt(v);
        },
      });
      this.drawLabels(view, names);
      this.drawPairs(view, shown);
      this.drawTable(view, shown);
      const acc = accuracy(shown.tensor.data, n);
      const total = shown.stats.reduce((sum, s) => sum + s.support, 0);
      const never = shown.stats.filter((s) => s.predicted === 0 && s.support > 0).map((s) => names[s.index]);
      view.column.note.textContent =
        `${fmt(total)} samples · ${n} classes · accuracy ${percent(acc)}` +
        (never.length ? ` · never predicted: ${never.join(", ")}` : "") +
        (normalised ? " · cells: % of the true class" : "");
      view.column.note.classList.toggle("alarm", never.length > 0);
      view.column.legend.update(scale, normalised ? "share of the true class's samples" : "samples", range);
    }
  }

  /** Class names beside the rows and above the columns, one per cell. */
  private drawLabels(view: RunView, names: string[]): void {
    const { width, height } = view.heatmap.cellSize;
    const vertical = names.some((s) => s.length > 3);
    view.rowLabels.replaceChildren(
      ...names.map((name) => {
        const label = el("div", { cls: "cm-label", text: name, title: name });
        label.style.height = label.style.lineHeight = `${height}px`;
        return label;
      }),
    );
    view.colLabels.replaceChildren(
      ...names.map((name) => {
        const label = el("div", { cls: vertical ? "cm-label vertical" : "cm-label", text: name, title: name });
        label.style.width = `${width}px`;
        return label;
      }),
    );
  }

  private drawPairs(view: RunView, shown: Shown): void {
    const pairs = confusedPairs(shown.tensor.data, shown.n, PAIRS);
    view.pairs.replaceChildren(
      ...(pairs.length
        ? pairs.map((p) =>
            el("li", {}, [
              el("b", { text: `${shown.names[p.actual]} → ${shown.names[p.predicted]}` }),
              el("span", { text: `: ${samples(p.count)} (${percent(p.rate)} of ${shown.names[p.actual]})` }),
            ]),
          )
        : [el("li", { cls: "ok", text: "none: every sample is on the diagonal" })]),
    );
  }

  private drawTable(view: RunView, shown: Shown): void {
    const head = el("tr", {}, ["class", "samples", "predicted", "correct", "precision", "recall"].map((h) => el("th", { text: h })));
    const rows = shown.stats.map((s) =>
      el("tr", { attrs: { "data-class": String(s.index) } }, [
        el("td", { cls: "code", text: shown.names[s.index] }),
        el("td", { cls: "num", text: fmt(s.support) }),
        el("td", { cls: "num", text: fmt(s.predicted) }),
        el("td", { cls: "num", text: fmt(s.correct) }),
        el("td", { cls: s.predicted === 0 && s.support > 0 ? "num alarm" : "num", text: s.predicted === 0 ? "— never predicted" : percent(s.precision) }),
        el("td", { cls: "num", text: s.support === 0 ? "— no samples" : percent(s.recall) }),
      ]),
    );
    view.table.replaceChildren(el("thead", {}, [head]), el("tbody", {}, rows));
  }

  private matrixCSV(shown: Shown): string {
    const corner = `true \\ predicted (${this.normalise.checked ? "share of the true class" : "samples"})`;
    return tableCSV(corner, shown.names, shown.names.map((name, r): [string, Float32Array] => [name, shown.values.subarray(r * shown.n, (r + 1) * shown.n)]));
  }

  private classCSV(shown: Shown): string {
    const lines = ["class,samples,predicted,correct,precision,recall"];
    for (const s of shown.stats) {
      lines.push([csvText(shown.names[s.index]), s.support, s.predicted, s.correct, s.precision, s.recall].map(String).join(","));
    }
    return lines.join("\n") + "\n";
  }

  /** The matrix as on screen, with the class names on both axes (for a report). */
  private matrixPNG(view: RunView): HTMLCanvasElement {
    const shown = view.shown!;
    const source = view.heatmap.canvas;
    const w = Number.parseFloat(source.style.width);
    const h = Number.parseFloat(source.style.height);
    const { width: cw, height: ch } = view.heatmap.cellSize;
    const scale = 2; // crisp text in documents
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.font = "12px Roboto, system-ui, sans-serif";
    const label = Math.min(160, Math.max(...shown.names.map((s) => probe.measureText(s).width)) + 10);
    const left = label + 18;
    const top = label + 18;
    const out = document.createElement("canvas");
    out.width = Math.round((left + w + 8) * scale);
    out.height = Math.round((top + h + 8) * scale);
    const g = out.getContext("2d")!;
    g.scale(scale, scale);
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, left + w + 8, top + h + 8);
    g.drawImage(source, left, top, w, h);
    g.fillStyle = "#37474f";
    g.font = "12px Roboto, system-ui, sans-serif";
    g.textBaseline = "middle";
    g.textAlign = "right";
    shown.names.forEach((name, i) => g.fillText(name, left - 6, top + (i + 0.5) * ch, label - 4));
    shown.names.forEach((name, i) => {
      g.save();
      g.translate(left + (i + 0.5) * cw, top - 6);
      g.rotate(-Math.PI / 2);
      g.textAlign = "left";
      g.fillText(name, 0, 0, label - 4);
      g.restore();
    });
    g.fillStyle = "#757575";
    g.textAlign = "left";
    g.fillText("predicted →", left, 8);
    g.save();
    g.translate(8, top);
    g.rotate(Math.PI / 2);
    g.fillText("true →", 0, 0);
    g.restore();
    return out;
  }
}

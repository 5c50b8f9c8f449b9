// Weights: the selected layer's weight (or gradient) matrix as a 3-D surface
// or a 2-D heatmap, a step slider with play, differences against the first or
// the previous step, one colour scale shared by the runs compared.
import { getTensor, type Tensor } from "../api";
import { autoScale, rangeOf } from "../colormap";
import { type Context, tagInfo, tagsOfKind } from "../context";
import { button, el, fillSelect, fmt, labelled } from "../dom";
import { arrayCSV, saveCSV, savePNG } from "../export";
import { Heatmap } from "../heatmap";
import { Surface } from "../surface";
import { Column } from "./column";
import { SteppedPanel } from "./stepped";

type Mode = "surface" | "heatmap";
type Diff = "none" | "first" | "previous";

interface RunView {
  run: string;
  column: Column;
  surface: Surface | null;
  heatmap: Heatmap;
  steps: number[];
  shown: { values: Float32Array; shape: number[]; step: number; label: string } | null;
}

const VIEW_W = 520;
const VIEW_H = 420;

export class WeightsPanel extends SteppedPanel<RunView> {
  private readonly modeSelect = el("select", { attrs: { "aria-label": "view" } });
  private readonly diffSelect = el("select", { attrs: { "aria-label": "difference" } });
  private readonly hold = el("input", { attrs: { type: "checkbox" } });
  private readonly resetCamera: HTMLButtonElement;
  private held: { min: number; max: number } | null = null;

  constructor() {
    super("weights", "Weights", "weight_surface", "Tensor");
    fillSelect(this.modeSelect, [["surface", "3-D surface"], ["heatmap", "2-D heatmap"]]);
    fillSelect(this.diffSelect, [["none", "values"], ["first", "difference vs first step"], ["previous", "difference vs previous step"]]);
    this.modeSelect.addEventListener("change", () => void this.draw());
    this.diffSelect.addEventListener("change", () => {
      this.held = null;
      void this.draw();
    });
    this.hold.addEventListener("change", () => {
      this.held = null;
      void this.draw();
    });
    this.resetCamera = button("Reset camera", "Back to the initial 3-D view", () => this.views.forEach((v) => v.surface?.resetView()));
    this.controls.append(
      labelled("View", this.modeSelect),
      labelled("Show", this.diffSelect),
      el("label", { cls: "field check", title: "Keep one colour scale and height over the steps (for play), widened when a step needs more" }, [
        this.hold,
        el("span", { text: "hold scale over steps" }),
      ]),
      this.resetCamera,
    );
  }

  protected tagOptions(ctx: Context): Array<[string, string]> {
    return tagsOfKind(ctx, this.kind).map((tag) => {
      const info = tagInfo(ctx, ctx.run, tag) ?? tagInfo(ctx, ctx.compare ?? "", tag);
      return [tag, `${tag}  (${info?.quantity === "grad" ? "gradient" : "weight"})`];
    });
  }

  protected startOver(): void {
    this.held = null;
  }

  protected dropView(view: RunView): void {
    view.surface?.dispose();
  }

  protected describe(runs: string[]): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const tag = this.tags.tag;
    const info = tagInfo(ctx, runs[0] ?? ctx.run, tag);
    if (info) {
      const shape = JSON.stringify(info.shape ?? "?");
      const matrix = (info.matrix_shape as number[] | undefined) ?? [];
      this.info.textContent =
        `${info.quantity === "grad" ? "Gradient" : "Weight"} of shape ${shape}` +
        (matrix.length ? `, as a ${matrix.join(" × ")} matrix (${String(info.form ?? "matrix")})` : "") +
        `; pooled by ${String(info.pool ?? "max_abs")} to at most ${JSON.stringify(info.max_grid ?? "?")}.`;
    } else this.info.textContent = tag ? "" : "No weight surfaces in the selected runs.";
  }

  protected makeView(run: string): RunView {
    const view: RunView = {
      run,
      column: new Column(
        () => view.shown && saveCSV([view.run, this.tags.tag, view.shown.label], arrayCSV(view.shown.values, view.shown.shape)),
        () => view.shown && savePNG([view.run, this.tags.tag, view.shown.label], this.mode() === "surface" && view.surface ? view.surface.toPNG() : view.heatmap.toPNG()),
      ),
      surface: null,
      heatmap: new Heatmap({ maxWidth: VIEW_W, maxHeight: VIEW_H, minCell: 2 }),
      steps: [],
      shown: null,
    };
    // Hovering one run's picture reads the same cell in every run shown.
    const hover = (row: number, col: number, value: number) => {
      for (const other of this.views.values()) {
        const shown = other.shown;
        if (other !== view && (!shown || shown.shape[0] <= row || shown.shape[1] <= col)) continue;
        const v = other === view ? value : shown!.values[row * shown!.shape[1] + col];
        other.column.readout.textContent = `row ${row}, col ${col}: ${fmt(v)}`;
        other.column.readout.classList.add("active");
      }
    };
    const leave = () => this.views.forEach((other) => other.column.readout.classList.remove("active"));
    view.heatmap.onHover = hover;
    view.heatmap.onLeave = leave;
    view.column.element.dataset.run = run;
    // The WebGL context and its shaders are made while the run's data is read.
    if (this.mode() === "surface") this.surfaceOf(view).warmUp();
    return view;
  }

  /** The column's 3-D view, made at first use; hovering it reads as the heatmap does. */
  private surfaceOf(view: RunView): Surface {
    if (!view.surface) {
      view.surface = new Surface(VIEW_W, VIEW_H);
      view.surface.onHover = view.heatmap.onHover;
      view.surface.onLeave = view.heatmap.onLeave;
    }
    return view.surface;
  }

  private mode(): Mode {
    return this.modeSelect.value as Mode;
  }

  /** Loads the chosen step of every column and draws them on one shared scale. */
  async draw(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const tag = this.tags.tag;
    const diff = this.diffSelect.value as Diff;
    const reads = await this.load(async (view, step, index) => {
      const tensor = await getTensor(view.run, tag, step);
      let reference: Tensor | null = null;
      if (diff === "first") reference = await getTensor(view.run, tag, view.steps[0]);
      if (diff === "previous") reference = await getTensor(view.run, tag, view.steps[Math.max(0, index - 1)]);
      return { tensor, reference };
    });
    if (!reads) return; // a newer request is drawing
    const loaded = reads
      .filter((r) => r.index >= 0) // runs without steps are left as they are
      .map(({ view, step, data, error }) => ({ view, step, tensor: data?.tensor ?? null, reference: data?.reference ?? null, error }));
    const arrays: Float32Array[] = [];
    for (const item of loaded) {
      if (!item.tensor) continue;
      let values = item.tensor.data;
      let label = `step ${item.step}`;
      if (item.reference) {
        if (item.reference.data.length !== values.length) {
          item.error = "the reference step has another shape; no difference shown";
        } else {
          const d = new Float32Array(values.length);
          for (let i = 0; i < d.length; i++) d[i] = values[i] - item.reference.data[i];
          values = d;
          label = `step ${item.step} − step ${item.reference.step}`;
        }
      }
      item.view.shown = { values, shape: item.tensor.shape, step: item.step, label };
      arrays.push(values);
    }
    const range = rangeOf(...arrays);
    if (this.hold.checked && Number.isFinite(range.min)) {
      this.held = this.held
        ? { min: Math.min(this.held.min, range.min), max: Math.max(this.held.max, range.max) }
        : { min: range.min, max: range.max };
    }
    const held = this.hold.checked && this.held ? { ...range, ...this.held } : range;
    const scale = autoScale(held, diff !== "none");
    this.resetCamera.style.display = this.mode() === "surface" ? "" : "none";
    const zScale = Math.max(Math.abs(scale.min), Math.abs(scale.max));
    const info = tagInfo(ctx, ctx.run, tag);
    const quantity = info?.quantity === "grad" ? "gradient" : "weight";
    const unit = diff === "none" ? `${quantity} value` : `Δ ${quantity} (${diff === "first" ? "vs first step" : "vs previous step"})`;
    for (const item of loaded) {
      const { view } = item;
      view.column.showMessage(item.error);
      const shown = view.shown;
      view.column.caption(view.run, tag, shown ? shown.label : "");
      if (!shown || !item.tensor) continue;
      const [rows, cols] = shown.shape;
      if (this.mode() === "surface") {
        const surface = this.surfaceOf(view);
        surface.set(shown.values, rows, cols, scale, zScale);
        view.column.body.replaceChildren(
          surface.element,
          el("div", { cls: "axis-note", text: `rows 0–${rows - 1} back to front · cols 0–${cols - 1} left to right · drag to rotate, scroll to zoom, hover to read` }),
        );
      } else {
        view.heatmap.set(shown.values, rows, cols, scale);
        view.column.body.replaceChildren(view.heatmap.element);
      }
      const own = rangeOf(shown.values);
      view.column.note.textContent =
        `${rows} × ${cols} · min ${fmt(own.min)} · max ${fmt(own.max)}` +
        (own.nan + own.posInf + own.negInf ? ` · ${own.nan} NaN, ${own.posInf + own.negInf} Inf` : "");
      view.column.legend.update(scale, unit, range);
    }
  }
}

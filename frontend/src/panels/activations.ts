// Activations: dense outputs [samples, units] as one heatmap with dead units
// (always exactly 0) flagged in red; conv outputs [channels, h, w] as a grid
// of channel tiles with dead channels outlined. One colour scale per step,
// shared by the runs compared.
import { getSteps, getTensor, type Tensor } from "../api";
import { autoScale, rangeOf, type Range, type Scale } from "../colormap";
import { type Context, type Panel, shownRuns, tagInfo, tagsOfKind, type UpdateReason } from "../context";
import { el, fillSelect, fmt, labelled } from "../dom";
import { arrayCSV, saveCSV, savePNG } from "../export";
import { enlarged, Heatmap } from "../heatmap";
import { nearestIndex, Stepper } from "../stepper";
import { Column } from "./column";

interface RunView {
  run: string;
  column: Column;
  steps: number[];
  tensor: Tensor | null;
  tiles: Heatmap[];
  pngCanvas: () => HTMLCanvasElement | null;
}

const WIDTH = 560;

/** Units (columns) of [samples, units] that are exactly 0 for every sample. */
export function deadColumns(values: ArrayLike<number>, rows: number, cols: number): boolean[] {
  const dead = new Array<boolean>(cols).fill(rows > 0);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) if (values[r * cols + c] !== 0) dead[c] = false;
  }
  return dead;
}

export class ActivationsPanel implements Panel {
  readonly id = "activations";
  readonly title = "Activations";
  readonly element: HTMLElement;
  private readonly tagSelect = el("select", { cls: "tag-select", attrs: { "aria-label": "activation tag" } });
  private readonly stepper = new Stepper();
  private readonly columns = el("div", { cls: "columns" });
  private readonly info = el("div", { cls: "panel-info" });
  private readonly views = new Map<string, RunView>();
  private ctx: Context | null = null;
  private generation = 0;

  constructor() {
    this.tagSelect.addEventListener("change", () => void this.loadTag());
    this.stepper.onChange = () => this.draw();
    this.element = el("section", { cls: "panel", attrs: { "data-panel": this.id } }, [
      el("div", { cls: "controls" }, [labelled("Layer output", this.tagSelect)]),
      this.stepper.element,
      this.info,
      this.columns,
    ]);
  }

  available(ctx: Context): boolean {
    return tagsOfKind(ctx, "activation_map").length > 0;
  }

  async update(ctx: Context, why: UpdateReason): Promise<void> {
    this.ctx = ctx;
    fillSelect(this.tagSelect, tagsOfKind(ctx, "activation_map").map((t) => [t, t]));
    if (why === "select" || !this.stepper.stepList.length) return this.loadTag();
    await this.loadSteps();
  }

  private async loadTag(): Promise<void> {
    this.views.forEach((v) => v.column.resetReadout());
    this.stepper.setSteps([]);
    await this.loadSteps();
  }

  private async loadSteps(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const tag = this.tagSelect.value;
    const runs = shownRuns(ctx).filter((r) => tagInfo(ctx, r, tag));
    for (const run of [...this.views.keys()]) if (!runs.includes(run)) this.views.delete(run);
    for (const run of runs) if (!this.views.has(run)) this.views.set(run, this.makeView(run));
    this.columns.replaceChildren(...runs.map((r) => this.views.get(r)!.column.element));
    const lists = await Promise.all(runs.map((r) => getSteps(r, tag).catch(() => [])));
    runs.forEach((r, i) => (this.views.get(r)!.steps = lists[i].map((s) => s.step)));
    this.stepper.setSteps((this.views.get(ctx.run) ?? this.views.get(runs[0]))?.steps ?? []);
    const info = tagInfo(ctx, runs[0] ?? ctx.run, tag);
    if (!info) this.info.textContent = "No activation maps in the selected runs.";
    else if (info.form === "channels") {
      this.info.textContent =
        `Conv output of one sample (#${String(info.sample ?? 0)}), shape ${JSON.stringify(info.sample_shape ?? "?")}, ` +
        `${String(info.layout ?? "")}: one tile per channel` +
        (Number(info.channels) > Number(info.max_channels) ? ` (the first ${String(info.max_channels)} of ${String(info.channels)})` : "") +
        ". " +
        "Channels that are 0 everywhere are outlined in red.";
    } else {
      this.info.textContent =
        `Dense output, one row per sample, one column per unit (unit shape ${JSON.stringify(info.sample_shape ?? "?")}). ` +
        "Units that are 0 for every sample (dead) are marked in red.";
    }
    await this.draw();
  }

  private makeView(run: string): RunView {
    const view: RunView = {
      run,
      steps: [],
      tensor: null,
      tiles: [],
      pngCanvas: () => null,
      column: new Column(
        () => view.tensor && saveCSV([view.run, this.tagSelect.value, `step ${view.tensor.step}`], arrayCSV(view.tensor.data, view.tensor.shape)),
        () => {
          const canvas = view.pngCanvas();
          if (canvas && view.tensor) savePNG([view.run, this.tagSelect.value, `step ${view.tensor.step}`], canvas.toDataURL("image/png"));
        },
      ),
    };
    view.column.element.dataset.run = run;
    return view;
  }

  async draw(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const generation = ++this.generation;
    const tag = this.tagSelect.value;
    const wanted = this.stepper.step;
    const views = [...this.views.values()];
    const loaded = await Promise.all(
      views.map(async (view) => {
        if (!view.steps.length || !Number.isFinite(wanted)) return { view, tensor: null, error: "" };
        const step = view.steps[nearestIndex(view.steps, wanted)];
        try {
          return { view, tensor: await getTensor(view.run, tag, step), error: "" };
        } catch (e) {
          return { view, tensor: null, error: String((e as Error).message ?? e) };
        }
      }),
    );
    if (generation !== this.generation) return;
    const range = rangeOf(...loaded.flatMap((l) => (l.tensor ? [l.tensor.data] : [])));
    const scale = autoScale(range);
    for (const { view, tensor, error } of loaded) {
      view.tensor = tensor;
      view.column.showMessage(error);
      view.column.caption(view.run, tag, tensor ? `step ${tensor.step}` : "");
      if (!tensor) continue;
      if (tensor.shape.length === 3) this.drawChannels(view, tensor, scale, range);
      else this.drawDense(view, tensor, scale, range);
    }
  }

  private drawDense(view: RunView, tensor: Tensor, scale: Scale, range: Range): void {
    const [rows, cols] = tensor.shape.length === 2 ? tensor.shape : [1, tensor.data.length];
    const heatmap = view.tiles[0] && view.tiles.length === 1 ? view.tiles[0] : new Heatmap({ maxWidth: WIDTH, maxHeight: 420, minCell: 2 });
    view.tiles = [heatmap];
    const dead = deadColumns(tensor.data, rows, cols);
    heatmap.set(tensor.data, rows, cols, scale, { columns: dead });
    heatmap.onHover = (r, c, v) => {
      view.column.readout.textContent = `sample ${r}, unit ${c}: ${fmt(v)}${dead[c] ? " (dead unit)" : ""}`;
    };
    view.pngCanvas = () => enlarged(nativeOf(tensor.data, rows, cols, scale));
    view.column.body.replaceChildren(
      el("div", { cls: "axis-note", text: `${cols} units →  ·  ${rows} samples ↓` }),
      heatmap.element,
    );
    const n = dead.filter(Boolean).length;
    view.column.note.textContent = `${n} of ${cols} units dead (0 for all ${rows} samples)`;
    view.column.note.classList.toggle("alarm", n > 0);
    view.column.legend.update(scale, "activation value", range);
  }

  private drawChannels(view: RunView, tensor: Tensor, scale: Scale, range: Range): void {
    const [channels, h, w] = tensor.shape;
    const perRow = Math.max(1, Math.ceil(Math.sqrt(channels * 1.4)));
    const tile = Math.max(24, Math.min(128, Math.floor(WIDTH / perRow) - 8));
    const grid = el("div", { cls: "tiles" });
    grid.style.gridTemplateColumns = `repeat(${perRow}, ${tile + 4}px)`;
    view.tiles = [];
    let deadCount = 0;
    for (let c = 0; c < channels; c++) {
      const values = tensor.data.subarray(c * h * w, (c + 1) * h * w);
      const heatmap = new Heatmap({ maxWidth: tile, maxHeight: tile, minCell: 1 });
      heatmap.set(values, h, w, scale);
      const dead = values.every((v) => v === 0);
      if (dead) deadCount++;
      heatmap.onHover = (y, x, v) => {
        view.column.readout.textContent = `channel ${c}, y ${y}, x ${x}: ${fmt(v)}${dead ? " (dead channel)" : ""}`;
      };
      view.tiles.push(heatmap);
      grid.append(el("div", { cls: dead ? "tile dead" : "tile", title: `channel ${c}` }, [heatmap.element, el("span", { cls: "tile-label", text: dead ? `${c} dead` : String(c) })]));
    }
    view.pngCanvas = () => {
      const cols = perRow;
      const rows = Math.ceil(channels / cols);
      const out = document.createElement("canvas");
      out.width = cols * (w + 1);
      out.height = rows * (h + 1);
      const g = out.getContext("2d")!;
      g.fillStyle = "#ffffff";
      g.fillRect(0, 0, out.width, out.height);
      for (let c = 0; c < channels; c++) {
        g.drawImage(nativeOf(tensor.data.subarray(c * h * w, (c + 1) * h * w), h, w, scale), (c % cols) * (w + 1), Math.floor(c / cols) * (h + 1));
      }
      return enlarged(out);
    };
    view.column.body.replaceChildren(grid);
    view.column.note.textContent = `${deadCount} of ${channels} channels dead (0 everywhere) · each tile ${h} × ${w}`;
    view.column.note.classList.toggle("alarm", deadCount > 0);
    view.column.legend.update(scale, "activation value", range);
  }
}

function nativeOf(values: ArrayLike<number>, rows: number, cols: number, scale: Scale): HTMLCanvasElement {
  const h = new Heatmap({ maxWidth: cols, maxHeight: rows });
  h.set(values, rows, cols, scale);
  return h.native;
}

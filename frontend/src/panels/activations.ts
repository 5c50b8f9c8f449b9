// Activations: dense outputs [samples, units] as one heatmap with dead units
// (always exactly 0) flagged in red; conv outputs [channels, h, w] as a grid
// of channel tiles with dead channels outlined; one-dimensional outputs
// [channels, 1, positions] (sequences: embeddings, attention, recurrent layers,
// 1-D convs) as one heatmap of positions × channels, dead channels flagged as
// dead units are. One colour scale per step, shared by the runs compared.
import type { Tensor } from "../api";
import { autoScale, rangeOf, type Range, type Scale } from "../colormap";
import { tagInfo } from "../context";
import { el, fmt } from "../dom";
import { arrayCSV, saveCSV, savePNG } from "../export";
import { enlarged, Heatmap } from "../heatmap";
import { Column } from "./column";
import { SteppedPanel } from "./stepped";

interface RunView {
  run: string;
  column: Column;
  steps: number[];
  tensor: Tensor | null;
  tiles: Heatmap[];
  pngCanvas: () => HTMLCanvasElement | null;
}

const WIDTH = 560;

/** What the rows and columns of a matrix heatmap are ("sample", "unit"), and how
 * many of them the pooled rows and columns stand for (absent: not pooled). */
interface MatrixNames {
  row: string;
  column: string;
  rowTotal?: number;
  columnTotal?: number;
}

const DENSE: MatrixNames = { row: "sample", column: "unit" };

/** "channel 7", or for a pooled index the block it stands for: "channels 21–23"
 * (blocks of ceil(total / stored), as the writer's max-abs pooling makes them). */
export function blockLabel(noun: string, index: number, stored: number, total: number | undefined): string {
  if (!total || total <= stored) return `${noun} ${index}`;
  const block = Math.ceil(total / stored);
  const first = index * block;
  const last = Math.min(total, first + block) - 1;
  return first === last ? `${noun} ${first}` : `${noun}s ${first}–${last}`;
}

/** "24 channels", or pooled "768 channels in 256 columns". */
function countLabel(noun: string, stored: number, total: number | undefined, unit: string): string {
  return total && total > stored ? `${total} ${noun}s in ${stored} ${unit}` : `${stored} ${noun}s`;
}

/** [channels, 1, positions] (one strip per channel) as [positions, channels]. */
export function stripsToMatrix(values: ArrayLike<number>, channels: number, positions: number): Float32Array {
  const out = new Float32Array(channels * positions);
  for (let c = 0; c < channels; c++) {
    for (let p = 0; p < positions; p++) out[p * channels + c] = values[c * positions + p];
  }
  return out;
}

/** Units (columns) of [samples, units] that are exactly 0 for every sample. */
export function deadColumns(values: ArrayLike<number>, rows: number, cols: number): boolean[] {
  const dead = new Array<boolean>(cols).fill(rows > 0);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) if (values[r * cols + c] !== 0) dead[c] = false;
  }
  return dead;
}

export class ActivationsPanel extends SteppedPanel<RunView> {
  constructor() {
    super("activations", "Activations", "activation_map", "Layer output");
  }

  protected describe(runs: string[]): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const tag = this.tags.tag;
    const info = tagInfo(ctx, runs[0] ?? ctx.run, tag);
    if (!info) this.info.textContent = "No activation maps in the selected runs.";
    else if (info.form === "channels" && Array.isArray(info.sample_shape) && info.sample_shape.length === 2) {
      this.info.textContent =
        `Sequence or 1-D conv output of one sample (#${String(info.sample ?? 0)}), shape ${JSON.stringify(info.sample_shape)}, ` +
        `${String(info.layout ?? "")}: one row per position, one column per channel, ` +
        (info.channels_pooled === true
          ? `every channel shown (max-abs pooled to at most ${JSON.stringify(info.max_grid ?? "?")} channels × positions). `
          : Number(info.channels) > Number(info.max_channels)
            ? `the first ${String(info.max_channels)} of ${String(info.channels)} channels. `
            : "") +
        "Channels that are 0 at every position are marked in red.";
    } else if (info.form === "channels") {
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
  }

  protected makeView(run: string): RunView {
    const view: RunView = {
      run,
      steps: [],
      tensor: null,
      tiles: [],
      pngCanvas: () => null,
      column: new Column(
        () => view.tensor && saveCSV([view.run, this.tags.tag, `step ${view.tensor.step}`], arrayCSV(view.tensor.data, view.tensor.shape)),
        () => {
          const canvas = view.pngCanvas();
          if (canvas && view.tensor) savePNG([view.run, this.tags.tag, `step ${view.tensor.step}`], canvas.toDataURL("image/png"));
        },
      ),
    };
    view.column.element.dataset.run = run;
    return view;
  }

  async draw(): Promise<void> {
    const read = await this.loadTensors();
    if (!read) return; // no context yet, or a newer request is drawing
    const { tag, loaded } = read;
    const range = rangeOf(...loaded.flatMap((l) => (l.data ? [l.data.data] : [])));
    const scale = autoScale(range);
    for (const { view, data: tensor, error } of loaded) {
      view.tensor = tensor;
      view.column.showMessage(error);
      view.column.caption(view.run, tag, tensor ? `step ${tensor.step}` : "");
      if (!tensor) continue;
      // One sample's shape before pooling: what a pooled row or column stands for.
      const info = this.ctx ? tagInfo(this.ctx, view.run, tag) : undefined;
      const shape = Array.isArray(info?.sample_shape) ? (info.sample_shape as number[]) : [];
      if (tensor.shape.length === 3 && tensor.shape[1] === 1) {
        const [channels, , positions] = tensor.shape;
        const names: MatrixNames = {
          row: "position",
          column: "channel",
          rowTotal: shape.length === 2 ? Number(info?.layout === "channels_first" ? shape[1] : shape[0]) : undefined,
          // Logs written before channels were pooled hold the first max_channels.
          columnTotal: info?.channels_pooled === true ? Number(info.channels) : undefined,
        };
        this.drawMatrix(view, stripsToMatrix(tensor.data, channels, positions), positions, channels, names, scale, range);
      } else if (tensor.shape.length === 3) this.drawChannels(view, tensor, scale, range);
      else {
        const [rows, cols] = tensor.shape.length === 2 ? tensor.shape : [1, tensor.data.length];
        const names: MatrixNames = { ...DENSE, columnTotal: shape.length === 1 ? Number(shape[0]) : undefined };
        this.drawMatrix(view, tensor.data, rows, cols, names, scale, range);
      }
    }
  }

  /** One heatmap of rows × columns (samples × units, positions × channels), the
   * columns that are 0 in every row marked dead. */
  private drawMatrix(view: RunView, values: ArrayLike<number>, rows: number, cols: number, names: MatrixNames, scale: Scale, range: Range): void {
    const heatmap = view.tiles[0] && view.tiles.length === 1 ? view.tiles[0] : new Heatmap({ maxWidth: WIDTH, maxHeight: 420, minCell: 2 });
    view.tiles = [heatmap];
    const dead = deadColumns(values, rows, cols);
    heatmap.set(values, rows, cols, scale, { columns: dead });
    heatmap.onHover = (r, c, v) => {
      const where = `${blockLabel(names.row, r, rows, names.rowTotal)}, ${blockLabel(names.column, c, cols, names.columnTotal)}`;
      view.column.readout.textContent = `${where}: ${fmt(v)}${dead[c] ? ` (dead ${names.column})` : ""}`;
    };
    view.pngCanvas = () => enlarged(nativeOf(values, rows, cols, scale));
    const across = countLabel(names.column, cols, names.columnTotal, "columns");
    const down = countLabel(names.row, rows, names.rowTotal, "rows");
    view.column.body.replaceChildren(el("div", { cls: "axis-note", text: `${across} →  ·  ${down} ↓` }), heatmap.element);
    const n = dead.filter(Boolean).length;
    const pooled = names.columnTotal !== undefined && names.columnTotal > cols;
    view.column.note.textContent = `${n} of ${cols} ${names.column}${pooled ? " column" : ""}s dead (0 for all ${rows} ${names.row}${pooled ? " row" : ""}s)`;
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

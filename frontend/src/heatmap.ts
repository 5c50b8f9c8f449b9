// A 2-D heatmap on a canvas: values painted into ImageData at their own
// resolution, then scaled up without smoothing. Hover reports the cell.
import { paint, type Scale } from "./colormap";
import { el } from "./dom";

export interface HeatmapOptions {
  /** Largest drawn size in CSS pixels. */
  maxWidth: number;
  maxHeight: number;
  /** Smallest drawn cell side; a small matrix is enlarged to at least this. */
  minCell?: number;
  /** Largest drawn cell side (default 48). */
  maxCell?: number;
}

export interface Marks {
  /** Columns to flag (e.g. dead units): drawn with a red band above and a hatch. */
  columns?: boolean[];
  /** Text written in each cell (e.g. a count) when the cells are big enough to hold it. */
  text?: (row: number, col: number) => string;
}

export class Heatmap {
  readonly element: HTMLDivElement;
  readonly canvas = el("canvas", { cls: "heatmap" });
  readonly native = document.createElement("canvas");
  private values: ArrayLike<number> = new Float32Array(0);
  rows = 0;
  cols = 0;
  private cellW = 1;
  private cellH = 1;
  private readonly markBand = 6;
  private marks: Marks = {};
  onHover: (row: number, col: number, value: number) => void = () => {};
  onLeave: () => void = () => {};

  constructor(private readonly options: HeatmapOptions) {
    this.element = el("div", { cls: "heatmap-box" }, [this.canvas]);
    this.canvas.addEventListener("mousemove", (e) => this.hover(e));
    this.canvas.addEventListener("mouseleave", () => this.onLeave());
  }

  set(values: ArrayLike<number>, rows: number, cols: number, scale: Scale, marks: Marks = {}): void {
    this.values = values;
    this.rows = rows;
    this.cols = cols;
    this.marks = marks;
    this.native.width = Math.max(1, cols);
    this.native.height = Math.max(1, rows);
    const ctx = this.native.getContext("2d")!;
    const image = ctx.createImageData(this.native.width, this.native.height);
    paint(values, scale, image.data);
    ctx.putImageData(image, 0, 0);
    this.draw();
  }

  private draw(): void {
    const { maxWidth, maxHeight, minCell = 1, maxCell = 48 } = this.options;
    const band = this.marks.columns ? this.markBand : 0;
    let cellW = Math.max(minCell, maxWidth / Math.max(1, this.cols));
    let cellH = Math.max(minCell, (maxHeight - band) / Math.max(1, this.rows));
    // Square cells when both fit; otherwise stretch along the long side only.
    const square = Math.min(cellW, cellH);
    if (square * this.cols <= maxWidth && square * this.rows <= maxHeight) cellW = cellH = square;
    cellW = Math.min(cellW, maxCell);
    cellH = Math.min(cellH, maxCell);
    this.cellW = cellW;
    this.cellH = cellH;
    const width = Math.max(1, Math.round(cellW * this.cols));
    const height = Math.max(1, Math.round(cellH * this.rows)) + band;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext("2d")!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, width, height);
    ctx.drawImage(this.native, 0, band, width, height - band);
    if (this.marks.text) this.drawText(ctx, this.marks.text, band);
    const flagged = this.marks.columns;
    if (flagged) {
      ctx.fillStyle = "#eceff1";
      ctx.fillRect(0, 0, width, band);
      for (let c = 0; c < flagged.length; c++) {
        if (!flagged[c]) continue;
        const x = c * cellW;
        ctx.fillStyle = "#d32f2f";
        ctx.fillRect(x, 0, Math.max(1, cellW), band - 1);
        ctx.fillStyle = "rgba(211, 47, 47, 0.35)";
        ctx.fillRect(x, band, Math.max(1, cellW), height - band);
      }
    }
  }

  /** Each cell's text, dark on light colours and white on dark ones; none when cells are too small. */
  private drawText(ctx: CanvasRenderingContext2D, text: (row: number, col: number) => string, top: number): void {
    if (this.cellW < 16 || this.cellH < 12) return;
    const colours = this.native.getContext("2d")!.getImageData(0, 0, this.cols, this.rows).data;
    ctx.font = `${Math.min(13, Math.floor(this.cellH * 0.42))}px Roboto, system-ui, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const t = text(r, c);
        if (!t || ctx.measureText(t).width > this.cellW - 2) continue;
        const i = (r * this.cols + c) * 4;
        const luminance = 0.299 * colours[i] + 0.587 * colours[i + 1] + 0.114 * colours[i + 2];
        ctx.fillStyle = luminance > 140 ? "#212121" : "#ffffff";
        ctx.fillText(t, (c + 0.5) * this.cellW, top + (r + 0.5) * this.cellH);
      }
    }
  }

  /** The drawn size of one cell in CSS pixels. */
  get cellSize(): { width: number; height: number } {
    return { width: this.cellW, height: this.cellH };
  }

  private hover(e: MouseEvent): void {
    const rect = this.canvas.getBoundingClientRect();
    const band = this.marks.columns ? this.markBand : 0;
    const col = Math.floor((e.clientX - rect.left) / this.cellW);
    const row = Math.floor((e.clientY - rect.top - band) / this.cellH);
    if (row < 0 || col < 0 || row >= this.rows || col >= this.cols) return this.onLeave();
    this.onHover(row, col, this.values[row * this.cols + col]);
  }

  /** The picture at native resolution, enlarged to at least 256 px, as a PNG data URL. */
  toPNG(): string {
    return enlarged(this.native).toDataURL("image/png");
  }
}

/** A copy of a canvas scaled by a whole factor so its short side is at least 256 px. */
export function enlarged(source: HTMLCanvasElement, minSide = 256): HTMLCanvasElement {
  const factor = Math.max(1, Math.ceil(minSide / Math.max(1, Math.min(source.width, source.height))));
  const out = document.createElement("canvas");
  out.width = Math.min(8192, source.width * factor);
  out.height = Math.min(8192, source.height * factor);
  const ctx = out.getContext("2d")!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, out.width, out.height);
  return out;
}

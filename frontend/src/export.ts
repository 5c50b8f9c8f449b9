// Export of what is on screen: every array as CSV, every picture as PNG, and
// the CSV/PNG buttons every view puts beside its caption.
import { button, download, el, safeName } from "./dom";

function cell(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

/** A text field quoted for CSV (names from the logs may hold commas or quotes). */
export function csvText(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** [rows, cols] (or [channels, rows, cols]) as CSV with a header naming the columns. */
export function arrayCSV(values: ArrayLike<number>, shape: number[]): string {
  const lines: string[] = [];
  if (shape.length === 3) {
    const [channels, rows, cols] = shape;
    lines.push(["channel", "row", ...Array.from({ length: cols }, (_, c) => `col_${c}`)].join(","));
    for (let ch = 0; ch < channels; ch++) {
      for (let r = 0; r < rows; r++) {
        const row = [String(ch), String(r)];
        for (let c = 0; c < cols; c++) row.push(cell(values[(ch * rows + r) * cols + c]));
        lines.push(row.join(","));
      }
    }
  } else {
    const rows = shape.length === 2 ? shape[0] : 1;
    const cols = shape.length === 2 ? shape[1] : values.length;
    lines.push(["row", ...Array.from({ length: cols }, (_, c) => `col_${c}`)].join(","));
    for (let r = 0; r < rows; r++) {
      const row = [String(r)];
      for (let c = 0; c < cols; c++) row.push(cell(values[r * cols + c]));
      lines.push(row.join(","));
    }
  }
  return lines.join("\n") + "\n";
}

/** A table with named rows and columns as CSV. */
export function tableCSV(corner: string, columns: string[], rows: Array<[string, ArrayLike<number>]>): string {
  const lines = [[corner, ...columns].map(csvText).join(",")];
  for (const [name, values] of rows) lines.push([csvText(name), ...Array.from(values, cell)].join(","));
  return lines.join("\n") + "\n";
}

export function saveCSV(nameParts: string[], text: string): void {
  download(nameParts.map(safeName).join("__") + ".csv", new Blob([text], { type: "text/csv" }));
}

export function savePNG(nameParts: string[], dataURL: string): void {
  download(nameParts.map(safeName).join("__") + ".png", dataURL);
}

/** What one export button downloads (its tooltip) and how. */
export interface ExportAction {
  title: string;
  save: () => void;
}

/**
 * The CSV (and, when given, PNG) buttons of a view, in a `.caption-actions`
 * span; tests and users find them by the `export-csv` / `export-png` classes.
 *
 *   exportButtons({ title: "Download the table as CSV", save: () => saveCSV(["t"], text) })
 */
export function exportButtons(csv: ExportAction, png?: ExportAction): HTMLSpanElement {
  return el("span", { cls: "caption-actions" }, [
    button("CSV", csv.title, csv.save, "btn small export-csv"),
    png && button("PNG", png.title, png.save, "btn small export-png"),
  ]);
}

// Layers: the model as a table, one row per layer in depth order, with its
// gradient statistics at the newest step and its health events; sortable.
// Built from the gradient_flow tags (format v1 has no separate layer table).
import { getGradientFlow, type GradientFlow } from "../api";
import { type Context, type Panel, SEVERITY_RANK, shownRuns, tagInfo, tagsOfKind, type UpdateReason } from "../context";
import { button, el, fillSelect, fmt, labelled } from "../dom";
import { saveCSV, csvText } from "../export";

interface Row {
  run: string;
  depth: number;
  layer: string;
  step: number;
  stats: Record<string, number>;
  events: number;
  worst: string;
}

const FIXED = ["run", "depth", "layer", "health"];

export class LayersPanel implements Panel {
  readonly id = "layers";
  readonly title = "Layers";
  readonly element: HTMLElement;
  private readonly tagSelect = el("select", { cls: "tag-select", attrs: { "aria-label": "model" } });
  private readonly info = el("div", { cls: "panel-info" });
  private readonly table = el("table", { cls: "health-table layers-table" });
  private rows: Row[] = [];
  private stats: string[] = [];
  private sortKey = "depth";
  private descending = false;
  private ctx: Context | null = null;
  private generation = 0;

  constructor() {
    this.tagSelect.addEventListener("change", () => void this.load());
    this.element = el("section", { cls: "panel", attrs: { "data-panel": this.id } }, [
      el("div", { cls: "controls" }, [
        labelled("Model", this.tagSelect),
        button("CSV", "Download the table as CSV", () => this.exportCSV(), "btn small export-csv"),
      ]),
      this.info,
      el("div", { cls: "table-box" }, [this.table]),
    ]);
  }

  available(ctx: Context): boolean {
    return tagsOfKind(ctx, "gradient_flow").length > 0;
  }

  async update(ctx: Context, _why: UpdateReason): Promise<void> {
    this.ctx = ctx;
    fillSelect(this.tagSelect, tagsOfKind(ctx, "gradient_flow").map((t) => [t, t]));
    await this.load();
  }

  private async load(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const generation = ++this.generation;
    const tag = this.tagSelect.value;
    const runs = shownRuns(ctx).filter((r) => tagInfo(ctx, r, tag));
    // max_steps=1 serves only the newest step.
    const flows = await Promise.all(runs.map((r) => getGradientFlow(r, tag, 1).catch(() => null)));
    if (generation !== this.generation) return;
    const stats = new Set<string>();
    this.rows = [];
    runs.forEach((run, k) => {
      const flow = flows[k];
      if (flow) this.rows.push(...this.rowsOf(run, flow, ctx));
      flow?.stats.forEach((s) => stats.add(s));
    });
    this.stats = [...stats];
    const steps = [...new Set(this.rows.map((r) => r.step))];
    this.info.textContent = this.rows.length
      ? `Gradient statistics of each layer at the newest step (${steps.map((s) => `step ${s}`).join(", ")}), input first; health events over the whole run. Click a column to sort.`
      : "No gradient flow in the selected runs.";
    this.draw();
  }

  private rowsOf(run: string, flow: GradientFlow, ctx: Context): Row[] {
    const i = flow.steps.length - 1;
    if (i < 0) return [];
    return flow.layers.map((layer, depth) => {
      const stats: Record<string, number> = {};
      flow.stats.forEach((s, k) => (stats[s] = flow.values[(i * flow.layers.length + depth) * flow.stats.length + k]));
      const events = (ctx.health[run] ?? []).filter((e) => e.layer === layer);
      let worst = "";
      for (const e of events) if ((SEVERITY_RANK[e.severity] ?? 0) > (SEVERITY_RANK[worst] ?? 0)) worst = e.severity;
      return { run, depth, layer, step: flow.steps[i], stats, events: events.length, worst };
    });
  }

  private value(row: Row, key: string): number | string {
    if (key === "run") return row.run;
    if (key === "depth") return row.depth;
    if (key === "layer") return row.layer;
    if (key === "health") return (SEVERITY_RANK[row.worst] ?? 0) * 1e6 + row.events;
    return row.stats[key] ?? NaN;
  }

  private sorted(): Row[] {
    const sign = this.descending ? -1 : 1;
    return [...this.rows].sort((a, b) => {
      const x = this.value(a, this.sortKey);
      const y = this.value(b, this.sortKey);
      let order: number;
      if (typeof x === "number" && typeof y === "number") {
        const xx = Number.isNaN(x) ? -Infinity : x;
        const yy = Number.isNaN(y) ? -Infinity : y;
        order = xx === yy ? 0 : xx < yy ? -1 : 1;
      } else order = String(x).localeCompare(String(y));
      return sign * order || a.depth - b.depth;
    });
  }

  private draw(): void {
    const keys = [...FIXED, ...this.stats];
    const head = el("tr", {}, keys.map((key) => {
      const th = el("th", { text: key + (key === this.sortKey ? (this.descending ? " ▼" : " ▲") : ""), attrs: { "data-key": key } });
      th.addEventListener("click", () => {
        if (this.sortKey === key) this.descending = !this.descending;
        else {
          this.sortKey = key;
          this.descending = !["run", "depth", "layer"].includes(key);
        }
        this.draw();
      });
      return th;
    }));
    const body = this.sorted().map((row) =>
      el("tr", {}, [
        el("td", { text: row.run }),
        el("td", { cls: "num", text: String(row.depth) }),
        el("td", { cls: "code", text: row.layer }),
        el("td", {}, row.events ? [el("span", { cls: `pill sev-${row.worst}`, text: `${row.worst} ×${row.events}` })] : [el("span", { cls: "ok", text: "—" })]),
        ...this.stats.map((s) => el("td", { cls: "num", text: fmt(row.stats[s] ?? NaN) })),
      ]),
    );
    this.table.replaceChildren(el("thead", {}, [head]), el("tbody", {}, body));
  }

  private exportCSV(): void {
    const lines = [["run", "depth", "layer", "step", "health_events", "worst", ...this.stats].map(csvText).join(",")];
    for (const r of this.sorted()) {
      lines.push([r.run, String(r.depth), r.layer, String(r.step), String(r.events), r.worst, ...this.stats.map((s) => String(r.stats[s] ?? NaN))].map(csvText).join(","));
    }
    saveCSV(["layers", this.tagSelect.value], lines.join("\n") + "\n");
  }
}

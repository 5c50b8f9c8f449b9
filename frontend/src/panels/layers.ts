// Layers: the model as a table, one row per layer in depth order, with its
// type, output shape and parameters (from the model's layer_table tag, when
// the run has one), its gradient statistics at the newest step (from the
// gradient_flow tag) and its health events; sortable.
import { getGradientFlow, type GradientFlow, layers as getLayers, type LayerRow, type LayerTable } from "../api";
import { type Context, type Panel, SEVERITY_RANK, shownRuns, tagInfo, tagsOfKind, type UpdateReason } from "../context";
import { el, fmt, labelled } from "../dom";
import { csvText, exportButtons, saveCSV } from "../export";
import { TagChoice } from "./tag_choice";

interface Row {
  run: string;
  depth: number;
  layer: string;
  step: number;
  stats: Record<string, number>;
  events: number;
  worst: string;
  /** From the layer table; null when the run has none or does not list the layer. */
  info: LayerRow | null;
}

/** A layer of a run: its layer-table row and/or its gradient row, in depth order. */
export interface JoinedLayer {
  name: string;
  info: LayerRow | null;
  /** Index in the gradient-flow table's layers, or -1. */
  flowIndex: number;
}

const FLOW_SUFFIX = "gradient_flow";
const TABLE_SUFFIX = "layers";
const TABLE_KEYS = ["type", "output shape", "params"];

/** The model a gradient_flow or layer_table tag belongs to: `m/gradient_flow`, `m/layers` -> `m`. */
export function modelOf(tag: string, kind: string): string {
  const suffix = kind === "layer_table" ? TABLE_SUFFIX : FLOW_SUFFIX;
  if (tag === suffix) return "";
  return tag.endsWith("/" + suffix) ? tag.slice(0, -suffix.length - 1) : tag;
}

/**
 * The layer_table tag that goes with a gradient_flow tag among a run's
 * layer_table tags: the same model (`m/gradient_flow` with `m/layers`), else
 * the only one when the run has a single model.
 */
export function tableTagFor(flowTag: string, tableTags: string[], flowTags: string[]): string | null {
  const model = modelOf(flowTag, "gradient_flow");
  const same = tableTags.find((t) => modelOf(t, "layer_table") === model);
  if (same !== undefined) return same;
  return tableTags.length === 1 && flowTags.length <= 1 ? tableTags[0] : null;
}

/**
 * Layer-table rows in forward order joined with the gradient-flow layers by
 * name; gradient layers the table does not list follow at the end. Without a
 * table, the gradient-flow layers as they are.
 */
export function joinLayers(table: LayerRow[] | null, flowLayers: string[]): JoinedLayer[] {
  const index = new Map(flowLayers.map((name, i) => [name, i]));
  if (!table) return flowLayers.map((name, i) => ({ name, info: null, flowIndex: i }));
  const out: JoinedLayer[] = table.map((row) => ({ name: String(row.name), info: row, flowIndex: index.get(String(row.name)) ?? -1 }));
  const listed = new Set(out.map((r) => r.name));
  flowLayers.forEach((name, i) => {
    if (!listed.has(name)) out.push({ name, info: null, flowIndex: i });
  });
  return out;
}

/** `[null, 28, 28, 8]` -> `(None, 28, 28, 8)`; unknown -> "". */
export function formatShape(shape: unknown): string {
  if (!Array.isArray(shape)) return "";
  return `(${shape.map((n) => (n === null ? "None" : String(n))).join(", ")}${shape.length === 1 ? "," : ""})`;
}

/** 54090 -> "54,090". */
export function formatCount(n: unknown): string {
  return typeof n === "number" && Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "";
}

function countText(n: unknown): string {
  return typeof n === "number" && Number.isFinite(n) ? String(n) : "";
}

export class LayersPanel implements Panel {
  readonly id = "layers";
  readonly usesHealth = true;
  readonly title = "Layers";
  readonly element: HTMLElement;
  private readonly tags = new TagChoice("model", () => void this.load());
  private readonly info = el("div", { cls: "panel-info" });
  private readonly table = el("table", { cls: "health-table layers-table" });
  private rows: Row[] = [];
  private stats: string[] = [];
  private hasTable = false;
  private sortKey = "depth";
  private descending = false;

  constructor() {
    this.element = el("section", { cls: "panel", attrs: { "data-panel": this.id } }, [
      el("div", { cls: "controls" }, [
        labelled("Model", this.tags.select),
        exportButtons({ title: "Download the table as CSV", save: () => this.exportCSV() }),
      ]),
      this.info,
      el("div", { cls: "table-box" }, [this.table]),
    ]);
  }

  available(ctx: Context): boolean {
    return tagsOfKind(ctx, "gradient_flow").length > 0 || tagsOfKind(ctx, "layer_table").length > 0;
  }

  /** The select's entries: the gradient_flow tags, then layer tables of models without one. */
  private options(ctx: Context): string[] {
    const flows = tagsOfKind(ctx, "gradient_flow");
    const models = new Set(flows.map((t) => modelOf(t, "gradient_flow")));
    const paired = new Set<string>();
    for (const run of shownRuns(ctx)) {
      const runFlows = tagsOfKind(ctx, "gradient_flow", [run]);
      const runTables = tagsOfKind(ctx, "layer_table", [run]);
      for (const f of runFlows) {
        const t = tableTagFor(f, runTables, runFlows);
        if (t) paired.add(t);
      }
    }
    const alone = tagsOfKind(ctx, "layer_table").filter((t) => !paired.has(t) && !models.has(modelOf(t, "layer_table")));
    return [...flows, ...alone];
  }

  async update(ctx: Context, _why: UpdateReason): Promise<void> {
    this.tags.offer(ctx, this.options(ctx));
    await this.load();
  }

  private async load(): Promise<void> {
    const load = this.tags.begin();
    if (!load) return;
    const { ctx, tag } = load;
    const runs = shownRuns(ctx);
    const loaded = await Promise.all(runs.map(async (run): Promise<[GradientFlow | null, LayerTable | null]> => {
      const info = tagInfo(ctx, run, tag);
      const flowTag = info?.kind === "gradient_flow" ? tag : null;
      const tables = tagsOfKind(ctx, "layer_table", [run]);
      const tableTag = info?.kind === "layer_table" ? tag : flowTag ? tableTagFor(flowTag, tables, tagsOfKind(ctx, "gradient_flow", [run])) : null;
      // max_steps=1 serves only the newest step.
      return Promise.all([
        flowTag ? getGradientFlow(run, flowTag, 1).catch(() => null) : null,
        tableTag ? getLayers(run, tableTag).catch(() => null) : null,
      ]);
    }));
    if (!load.current()) return;
    const stats = new Set<string>();
    const notes: string[] = [];
    this.rows = [];
    this.hasTable = false;
    runs.forEach((run, k) => {
      const [flow, table] = loaded[k];
      if (!flow && !table) return;
      this.rows.push(...this.rowsOf(run, flow, table, ctx));
      flow?.stats.forEach((s) => stats.add(s));
      if (table) {
        this.hasTable = true;
        const total = table.rows.reduce((sum, r) => sum + (typeof r.params === "number" ? r.params : 0), 0);
        notes.push(`${runs.length > 1 ? `${run}: ` : ""}${table.rows.length} layers, ${formatCount(total)} parameters (layer table of step ${table.step})`);
      }
    });
    this.stats = [...stats];
    const steps = [...new Set(this.rows.filter((r) => r.step >= 0).map((r) => r.step))];
    const parts = [...notes];
    if (steps.length) {
      parts.push(`Gradient statistics of each layer at the newest step (${steps.map((s) => `step ${s}`).join(", ")}), input first; health events over the whole run. Click a column to sort.`);
    } else if (this.rows.length) {
      parts.push("No gradient flow for this model; health events over the whole run. Click a column to sort.");
    }
    this.info.textContent = this.rows.length ? parts.join(". ") : "No gradient flow or layer table in the selected runs.";
    this.draw();
  }

  private rowsOf(run: string, flow: GradientFlow | null, table: LayerTable | null, ctx: Context): Row[] {
    const i = flow ? flow.steps.length - 1 : -1;
    const flowLayers = flow && i >= 0 ? flow.layers : [];
    if (!table && !flowLayers.length) return [];
    return joinLayers(table?.rows ?? null, flowLayers).map((joined, depth) => {
      const stats: Record<string, number> = {};
      if (flow && joined.flowIndex >= 0) {
        const n = flow.layers.length;
        flow.stats.forEach((s, k) => (stats[s] = flow.values[(i * n + joined.flowIndex) * flow.stats.length + k]));
      }
      const layer = joined.name;
      const events = (ctx.health[run] ?? []).filter((e) => e.layer === layer);
      let worst = "";
      for (const e of events) if ((SEVERITY_RANK[e.severity] ?? 0) > (SEVERITY_RANK[worst] ?? 0)) worst = e.severity;
      return { run, depth, layer, step: flow && i >= 0 ? flow.steps[i] : -1, stats, events: events.length, worst, info: joined.info };
    });
  }

  private value(row: Row, key: string): number | string {
    if (key === "run") return row.run;
    if (key === "depth") return row.depth;
    if (key === "layer") return row.layer;
    if (key === "health") return (SEVERITY_RANK[row.worst] ?? 0) * 1e6 + row.events;
    if (key === "type") return row.info ? String(row.info.type) : "";
    if (key === "output shape") return formatShape(row.info?.output_shape);
    if (key === "params") return typeof row.info?.params === "number" ? row.info.params : NaN;
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
    const keys = ["run", "depth", "layer", ...(this.hasTable ? TABLE_KEYS : []), "health", ...this.stats];
    const head = el("tr", {}, keys.map((key) => {
      const th = el("th", { text: key + (key === this.sortKey ? (this.descending ? " ▼" : " ▲") : ""), attrs: { "data-key": key } });
      th.addEventListener("click", () => {
        if (this.sortKey === key) this.descending = !this.descending;
        else {
          this.sortKey = key;
          this.descending = !["run", "depth", "layer", "type", "output shape"].includes(key);
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
        ...(this.hasTable ? this.tableCells(row) : []),
        el("td", {}, row.events ? [el("span", { cls: `pill sev-${row.worst}`, text: `${row.worst} ×${row.events}` })] : [el("span", { cls: "ok", text: "—" })]),
        ...this.stats.map((s) => el("td", { cls: "num", text: row.stats[s] === undefined ? "—" : fmt(row.stats[s]) })),
      ]),
    );
    this.table.replaceChildren(el("thead", {}, [head]), el("tbody", {}, body));
  }

  private tableCells(row: Row): HTMLElement[] {
    const info = row.info;
    const trainable = info?.trainable_params;
    const frozen = typeof trainable === "number" && typeof info?.params === "number" && trainable < info.params;
    return [
      el("td", { cls: "layer-type", text: info ? String(info.type) : "—" }),
      el("td", { cls: "num layer-shape", text: info ? formatShape(info.output_shape) || "—" : "—" }),
      el("td", {
        cls: "num layer-params",
        text: info ? formatCount(info.params) + (frozen ? ` (${formatCount(trainable)} trainable)` : "") : "—",
      }),
    ];
  }

  private exportCSV(): void {
    const table = this.hasTable ? ["type", "output_shape", "params", "trainable_params"] : [];
    const lines = [["run", "depth", "layer", "step", ...table, "health_events", "worst", ...this.stats].map(csvText).join(",")];
    for (const r of this.sorted()) {
      const info = this.hasTable
        ? [r.info ? String(r.info.type) : "", formatShape(r.info?.output_shape), countText(r.info?.params), countText(r.info?.trainable_params)]
        : [];
      lines.push([r.run, String(r.depth), r.layer, r.step >= 0 ? String(r.step) : "", ...info, String(r.events), r.worst, ...this.stats.map((s) => String(r.stats[s] ?? NaN))].map(csvText).join(","));
    }
    saveCSV(["layers", this.tags.tag], lines.join("\n") + "\n");
  }
}

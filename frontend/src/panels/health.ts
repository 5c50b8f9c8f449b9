// Health: every event of the shown runs (stored by the writer and diagnosed
// by the plugin at read time) as a sortable table with hints, each hint under
// the evidence its rule compared (window, figures, loss trend).
import type { HealthEvent } from "../api";
import { type Context, type Panel, SEVERITY_RANK, shownRuns, type UpdateReason } from "../context";
import { el, fillSelect, fmtValue, labelled } from "../dom";
import { csvText, exportButtons, saveCSV } from "../export";

interface Row {
  run: string;
  event: HealthEvent;
}

interface ColumnDef {
  key: string;
  title: string;
  value: (row: Row) => string | number;
}

const COLUMNS: ColumnDef[] = [
  { key: "severity", title: "Severity", value: (r) => SEVERITY_RANK[r.event.severity] ?? 0 },
  { key: "run", title: "Run", value: (r) => r.run },
  { key: "step", title: "Step", value: (r) => Number(r.event.step) },
  { key: "layer", title: "Layer", value: (r) => String(r.event.layer ?? "") },
  { key: "code", title: "What", value: (r) => r.event.code },
  { key: "value", title: "Value", value: (r) => numeric(r.event.value) },
  { key: "threshold", title: "Threshold", value: (r) => numeric(r.event.threshold) },
  { key: "hint", title: "Hint", value: (r) => String(r.event.hint ?? "") },
];

// Evidence keys shown by their own words, first; the rest follow in their order.
const EVIDENCE_FIRST = ["window", "logged_steps", "loss"];

/** One short phrase per evidence entry: "steps 5–15", "3 logs", "loss flat 2.3 → 2.3",
 * "ratio 1.2e-7", "classes bird, cat"; null entries and nested objects are left out. */
export function evidenceParts(evidence: unknown): string[] {
  if (!evidence || typeof evidence !== "object" || Array.isArray(evidence)) return [];
  const entries = Object.entries(evidence as Record<string, unknown>);
  const rank = (k: string) => (EVIDENCE_FIRST.includes(k) ? EVIDENCE_FIRST.indexOf(k) : EVIDENCE_FIRST.length);
  entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  const parts: string[] = [];
  for (const [key, value] of entries) {
    if (value === null || value === undefined) continue;
    if (key === "window" && Array.isArray(value) && value.length === 2) {
      parts.push(value[0] === value[1] ? `step ${value[0]}` : `steps ${value[0]}–${value[1]}`);
    } else if (key === "logged_steps" && typeof value === "number") {
      parts.push(`${value} log${value === 1 ? "" : "s"}`);
    } else if (key === "loss" && typeof value === "object" && !Array.isArray(value)) {
      const loss = value as Record<string, unknown>;
      parts.push(`loss ${String(loss.state ?? "")} ${fmtValue(loss.first)} → ${fmtValue(loss.last)}`);
    } else if (Array.isArray(value)) {
      const shown = value.slice(0, 6).map((v) => (typeof v === "number" ? fmtValue(v) : String(v)));
      parts.push(`${key.replace(/_/g, " ")} ${shown.join(", ")}${value.length > 6 ? ", …" : ""}`);
    } else if (typeof value !== "object") {
      parts.push(`${key.replace(/_/g, " ")} ${fmtValue(value)}`);
    }
  }
  return parts;
}

function numeric(v: unknown): number {
  if (typeof v === "number") return v;
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  return NaN;
}

export class HealthPanel implements Panel {
  readonly id = "health";
  readonly usesHealth = true;
  readonly title = "Health";
  readonly element: HTMLElement;
  private readonly filter = el("select", { attrs: { "aria-label": "severity filter" } });
  private readonly summary = el("div", { cls: "panel-info" });
  private readonly table = el("table", { cls: "health-table" });
  private sortKey = "severity";
  private descending = true;
  private rows: Row[] = [];

  constructor() {
    fillSelect(this.filter, [["info", "all events"], ["warning", "warnings and errors"], ["error", "errors only"]]);
    this.filter.addEventListener("change", () => this.draw());
    this.element = el("section", { cls: "panel", attrs: { "data-panel": this.id } }, [
      el("div", { cls: "controls" }, [
        labelled("Show", this.filter),
        exportButtons({ title: "Download the events as CSV", save: () => this.exportCSV() }),
      ]),
      this.summary,
      el("div", { cls: "table-box" }, [this.table]),
    ]);
  }

  available(): boolean {
    return true;
  }

  async update(ctx: Context, _why: UpdateReason): Promise<void> {
    this.rows = shownRuns(ctx).flatMap((run) => (ctx.health[run] ?? []).map((event) => ({ run, event })));
    this.draw();
  }

  private visible(): Row[] {
    const min = SEVERITY_RANK[this.filter.value] ?? 0;
    const column = COLUMNS.find((c) => c.key === this.sortKey) ?? COLUMNS[0];
    const sign = this.descending ? -1 : 1;
    return this.rows
      .filter((r) => (SEVERITY_RANK[r.event.severity] ?? 0) >= min)
      .sort((a, b) => {
        const x = column.value(a);
        const y = column.value(b);
        let order: number;
        if (typeof x === "number" && typeof y === "number") {
          order = (Number.isNaN(x) ? -Infinity : x) - (Number.isNaN(y) ? -Infinity : y);
          if (Number.isNaN(order)) order = 0;
        } else order = String(x).localeCompare(String(y));
        return sign * order || Number(a.event.step) - Number(b.event.step);
      });
  }

  private draw(): void {
    const rows = this.visible();
    const counts: Record<string, number> = {};
    for (const r of this.rows) counts[r.event.severity] = (counts[r.event.severity] ?? 0) + 1;
    this.summary.textContent = this.rows.length
      ? `${this.rows.length} events: ${counts.error ?? 0} errors, ${counts.warning ?? 0} warnings, ${counts.info ?? 0} info. Click a column to sort.`
      : "No health events: nothing was diagnosed in the selected runs.";
    const head = el("tr", {}, COLUMNS.map((c) => {
      const th = el("th", { text: c.title + (c.key === this.sortKey ? (this.descending ? " ▼" : " ▲") : ""), attrs: { "data-key": c.key } });
      th.addEventListener("click", () => {
        if (this.sortKey === c.key) this.descending = !this.descending;
        else {
          this.sortKey = c.key;
          this.descending = c.key === "severity";
        }
        this.draw();
      });
      return th;
    }));
    const body = rows.map(({ run, event }) =>
      el("tr", { cls: `sev-${event.severity}` }, [
        el("td", {}, [el("span", { cls: `pill sev-${event.severity}`, text: event.severity })]),
        el("td", { text: run }),
        el("td", { cls: "num", text: String(event.step) }),
        el("td", { text: String(event.layer ?? "—") }),
        el("td", { cls: "code", text: event.code + (event.source === "diagnosed" ? " (diagnosed)" : "") }),
        el("td", { cls: "num", text: fmtValue(event.value) }),
        el("td", { cls: "num", text: fmtValue(event.threshold) }),
        el("td", { cls: "hint" }, [
          ...(evidenceParts(event.evidence).length
            ? [el("div", { cls: "evidence", attrs: { title: "what the rule compared" } }, evidenceParts(event.evidence).map((p) => el("span", { text: p })))]
            : []),
          el("div", { text: String(event.hint ?? "") }),
        ]),
      ]),
    );
    this.table.replaceChildren(el("thead", {}, [head]), el("tbody", {}, body));
  }

  private exportCSV(): void {
    const lines = ["run,step,layer,severity,code,value,threshold,hint,source,evidence"];
    for (const { run, event } of this.visible()) {
      lines.push(
        [run, String(event.step), String(event.layer ?? ""), event.severity, event.code, fmtValue(event.value), fmtValue(event.threshold), String(event.hint ?? ""), String(event.source ?? ""), event.evidence ? JSON.stringify(event.evidence) : ""]
          .map(csvText)
          .join(","),
      );
    }
    saveCSV(["health"], lines.join("\n") + "\n");
  }
}

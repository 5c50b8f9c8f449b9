// The plugin's entry: TensorBoard loads this module in the tbviz iframe and
// calls render(). Builds the run bar and the tabs, keeps the context (tags,
// runs, health) fresh, and hands it to the visible panel.
import uPlotCSS from "uplot/dist/uPlot.min.css";
import { getHealth, getTags, type HealthEvent, type TagsResponse } from "./api";
import type { Context, Panel } from "./context";
import { el } from "./dom";
import { onHostReload } from "./host";
import { ActivationsPanel } from "./panels/activations";
import { ConfusionPanel } from "./panels/confusion";
import { GradientFlowPanel } from "./panels/gradient_flow";
import { HealthPanel } from "./panels/health";
import { ImportancePanel } from "./panels/importance";
import { LayersPanel } from "./panels/layers";
import { WeightsPanel } from "./panels/weights";
import { RunBar } from "./runs";
import { STYLE } from "./style";

const POLL_MS = 30_000;

class App {
  private readonly bar = new RunBar();
  private readonly panels: Panel[] = [
    new WeightsPanel(),
    new ActivationsPanel(),
    new GradientFlowPanel(),
    new ConfusionPanel(),
    new ImportancePanel(),
    new HealthPanel(),
    new LayersPanel(),
  ];
  private readonly tabs = el("nav", { cls: "tabs" });
  private readonly body = el("main", { cls: "panels" });
  private readonly empty = el("div", { cls: "empty" });
  private readonly unreadable = el("div", { cls: "unreadable" });
  private active: Panel = this.panels[0];
  private ctx: Context | null = null;
  private stale = new Set<Panel>();
  private busy = false;
  private pending = false;
  /** Each context's read of its health events, which fills `ctx.health` (see loadContext). */
  private readonly healthReads = new WeakMap<Context["health"], Promise<void>>();

  mount(root: HTMLElement): void {
    // Run bar and tabs stay at the top while a panel scrolls: the run is always in view.
    root.append(el("div", { cls: "top" }, [this.bar.element, this.tabs]), this.unreadable, this.empty, this.body);
    this.bar.onSelect = () => void this.select();
    this.bar.onRefresh = () => void this.refresh();
    for (const panel of this.panels) {
      const tab = el("button", { cls: "tab", text: panel.title, attrs: { type: "button", "data-tab": panel.id } });
      tab.addEventListener("click", () => this.show(panel));
      this.tabs.append(tab);
      panel.element.style.display = "none";
      this.body.append(panel.element);
    }
    onHostReload(() => void this.refresh());
    window.setInterval(() => {
      if (this.bar.autoRefresh.checked && document.visibilityState !== "hidden") void this.refresh();
    }, POLL_MS);
    void this.start();
  }

  private async start(): Promise<void> {
    await this.refresh(true);
  }

  private async loadContext(): Promise<Context> {
    const tags = await getTags();
    const runs = Object.keys(tags).sort();
    const saved = loadView();
    const previousRun = this.bar.run || saved.run || "";
    const previousCompare = this.bar.run ? this.bar.compareSelect.value : saved.compare || "";
    this.bar.setRuns(runs);
    if (runs.includes(previousRun)) this.bar.runSelect.value = previousRun;
    else if (runs.length) this.bar.runSelect.value = preferredRun(tags, runs);
    if (runs.includes(previousCompare)) this.bar.compareSelect.value = previousCompare;
    // The health events are read beside the visible panel's own requests, not
    // before them: `health` fills when they arrive, and only the panels that
    // use them wait (updatePanel).
    const health: Record<string, HealthEvent[]> = {};
    this.bar.setBadgesPending(runs);
    const read = Promise.all(runs.map(async (run) => {
      health[run] = await getHealth(run).catch(() => []);
    })).then(() => this.bar.setBadges(runs, health));
    this.healthReads.set(health, read);
    return { tags, run: this.bar.run, compare: this.bar.compare, health };
  }

  async refresh(first = false): Promise<void> {
    if (this.busy) {
      this.pending = true; // one more round once this one is done
      return;
    }
    this.busy = true;
    try {
      this.bar.setStatus("reading…");
      this.ctx = await this.loadContext();
      const runs = Object.keys(this.ctx.tags);
      this.empty.textContent = runs.length
        ? ""
        : "No tbviz data yet. Write some with tbviz.Writer (weight_surface, activation_map, gradient_flow, confusion_matrix, feature_importance, health) into the logdir; this page checks for new data every 30 s.";
      this.empty.style.display = runs.length ? "none" : "";
      this.body.style.display = runs.length ? "" : "none";
      this.showUnreadable(this.ctx.tags);
      this.updateTabs();
      if (first) {
        const saved = this.panels.find((p) => p.id === loadView().tab && p.available(this.ctx!));
        this.show(saved ?? this.panels.find((p) => p.available(this.ctx!)) ?? this.panels[0]);
      }
      else {
        this.panels.forEach((p) => this.stale.add(p));
        await this.updatePanel(this.active, "refresh");
      }
      await this.healthReads.get(this.ctx.health);
      this.bar.setStatus(`updated ${new Date().toLocaleTimeString()}`);
    } catch (e) {
      this.bar.setStatus(`cannot read tbviz data: ${String((e as Error).message ?? e)}`, true);
    } finally {
      this.busy = false;
    }
    if (this.pending) {
      this.pending = false;
      await this.refresh();
    }
  }

  /** Tags the plugin could not parse (e.g. written by a newer tbviz), named, not dropped. */
  private showUnreadable(tags: TagsResponse): void {
    const items: HTMLElement[] = [];
    for (const run of Object.keys(tags).sort()) {
      for (const [tag, info] of Object.entries(tags[run])) {
        if (info.kind !== "error") continue;
        items.push(el("li", {}, [el("b", { text: `${run} · ${tag}: ` }), el("span", { text: String(info.error ?? "cannot be read") })]));
      }
    }
    this.unreadable.replaceChildren(
      ...(items.length ? [el("div", { text: `${items.length} tag${items.length > 1 ? "s" : ""} cannot be shown:` }), el("ul", {}, items)] : []),
    );
    this.unreadable.style.display = items.length ? "" : "none";
  }

  private async select(): Promise<void> {
    if (!this.ctx) return;
    this.ctx = { ...this.ctx, run: this.bar.run, compare: this.bar.compare };
    saveView({ run: this.bar.run, compare: this.bar.compare ?? "", tab: this.active.id });
    this.bar.markSelected();
    this.panels.forEach((p) => this.stale.add(p));
    this.updateTabs();
    await this.updatePanel(this.active, "select");
  }

  private updateTabs(): void {
    for (const tab of this.tabs.querySelectorAll<HTMLButtonElement>(".tab")) {
      const panel = this.panels.find((p) => p.id === tab.dataset.tab)!;
      tab.classList.toggle("active", panel === this.active);
      tab.classList.toggle("muted", !!this.ctx && !panel.available(this.ctx));
    }
  }

  /** Shows a panel as it was left; one that missed a refresh or run change catches up. */
  show(panel: Panel): void {
    this.active.element.style.display = "none";
    this.active = panel;
    panel.element.style.display = "";
    this.updateTabs();
    if (this.ctx) saveView({ run: this.bar.run, compare: this.bar.compare ?? "", tab: panel.id });
    if (this.stale.has(panel) || !this.seen.has(panel)) void this.updatePanel(panel, "refresh");
  }

  private seen = new Set<Panel>();

  private async updatePanel(panel: Panel, why: "select" | "refresh"): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    this.stale.delete(panel);
    const reason = this.seen.has(panel) ? why : "select";
    this.seen.add(panel);
    try {
      if (panel.usesHealth) await this.healthReads.get(ctx.health);
      await panel.update(ctx, reason);
    } catch (e) {
      this.bar.setStatus(`${panel.title}: ${String((e as Error).message ?? e)}`, true);
    }
  }
}

interface View {
  run?: string;
  compare?: string;
  tab?: string;
}

const VIEW_KEY = "tbviz.view";

/** The run, compared run and tab of this browser tab, kept across reloads of the page. */
function loadView(): View {
  try {
    const view = JSON.parse(sessionStorage.getItem(VIEW_KEY) ?? "{}");
    return view && typeof view === "object" ? (view as View) : {};
  } catch {
    return {};
  }
}

function saveView(view: View): void {
  try {
    sessionStorage.setItem(VIEW_KEY, JSON.stringify(view));
  } catch {
    /* storage may be disabled */
  }
}

/** The first run with weight surfaces, else the first run. */
function preferredRun(tags: TagsResponse, runs: string[]): string {
  return runs.find((r) => Object.values(tags[r] ?? {}).some((t) => t.kind === "weight_surface")) ?? runs[0];
}

let mounted = false;

export function render(): void {
  if (mounted) return;
  mounted = true;
  const style = document.createElement("style");
  style.textContent = uPlotCSS + "\n" + STYLE;
  document.head.append(style);
  const root = el("div", { cls: "tbviz" });
  document.body.append(root);
  new App().mount(root);
}

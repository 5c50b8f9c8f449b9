// The run bar: which run is shown, which one it is compared with, a badge per
// run with its worst health event, and refresh.
import type { HealthEvent } from "./api";
import { worstSeverity } from "./context";
import { button, el, fillSelect, labelled } from "./dom";

export class RunBar {
  readonly element: HTMLElement;
  readonly runSelect = el("select", { cls: "run-select", attrs: { "aria-label": "run" } });
  readonly compareSelect = el("select", { cls: "compare-select", attrs: { "aria-label": "compare with" } });
  readonly autoRefresh = el("input", { attrs: { type: "checkbox", checked: "" } });
  private readonly badges = el("div", { cls: "badges" });
  private readonly status = el("span", { cls: "status" });
  onSelect: () => void = () => {};
  onRefresh: () => void = () => {};

  constructor() {
    this.runSelect.addEventListener("change", () => this.onSelect());
    this.compareSelect.addEventListener("change", () => this.onSelect());
    this.element = el("header", { cls: "runbar" }, [
      el("div", { cls: "brand" }, [el("span", { cls: "brand-name", text: "tbviz" }), el("span", { cls: "brand-sub", text: "inside the training" })]),
      labelled("Run", this.runSelect),
      labelled("Compare with", this.compareSelect),
      button("⟳ Refresh", "Read new steps now (the view is kept)", () => this.onRefresh(), "btn refresh"),
      el("label", { cls: "field check", title: "Read new steps every 30 s" }, [this.autoRefresh, el("span", { text: "auto" })]),
      this.status,
      this.badges,
    ]);
  }

  setRuns(runs: string[]): void {
    fillSelect(this.runSelect, runs.map((r) => [r, r]));
    fillSelect(this.compareSelect, [["", "— none —"], ...runs.map((r): [string, string] => [r, r])]);
  }

  get run(): string {
    return this.runSelect.value;
  }

  get compare(): string | null {
    const c = this.compareSelect.value;
    return c && c !== this.run ? c : null;
  }

  setStatus(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle("error", error);
  }

  /** One badge per run, coloured by its worst event; clicking selects the run. */
  setBadges(runs: string[], health: Record<string, HealthEvent[]>): void {
    this.known = health;
    this.renderBadges(runs, (run) => health[run] ?? []);
  }

  /**
   * The badges while the health events are on their way: each run's last known
   * badge, or a grey "…" one for a run not seen before. The badge row is there
   * from the first paint, so the tabs below it do not move when the events
   * arrive (a click aimed at a tab would land on a badge).
   */
  setBadgesPending(runs: string[]): void {
    this.renderBadges(runs, (run) => this.known[run] ?? null);
  }

  /** Marks the chosen run's badge. */
  markSelected(): void {
    for (const badge of this.badges.querySelectorAll<HTMLElement>(".badge")) badge.classList.toggle("selected", badge.dataset.run === this.run);
  }

  private known: Record<string, HealthEvent[]> = {};

  private renderBadges(runs: string[], eventsOf: (run: string) => HealthEvent[] | null): void {
    this.badges.replaceChildren(
      ...runs.map((run) => {
        const events = eventsOf(run);
        const worst = events ? worstSeverity(events) ?? "ok" : "pending";
        const count = events ? events.filter((e) => e.severity === worst).length : 0;
        const title = !events ? `${run}: reading health events…` : worst === "ok" ? `${run}: no health events` : `${run}: worst event ${worst} (${count})`;
        const text = !events ? "…" : worst === "ok" ? "ok" : `${worst} ×${count}`;
        const badge = el("button", {
          cls: `badge sev-${worst}`,
          title,
          attrs: { type: "button", "data-run": run, "data-severity": worst },
        }, [el("span", { cls: "badge-dot" }), el("span", { cls: "badge-run", text: run }), el("span", { cls: "badge-sev", text })]);
        badge.addEventListener("click", () => {
          this.runSelect.value = run;
          this.onSelect();
        });
        return badge;
      }),
    );
    this.markSelected();
  }
}

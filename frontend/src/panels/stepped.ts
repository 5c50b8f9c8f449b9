// The common part of the panels that show one tensor of a tag per step
// (Weights, Activations, Confusion matrix, Feature importance): the tag
// select, the step slider, a column per shown run that has the tag, the
// runs' kept steps, and the read of every column's tensor at the step nearest
// the slider's. A refresh keeps the tag and the step (or follows the newest
// step when the newest was shown); another run or tag starts at the newest.
//
// A panel subclasses it and says how to make a run's column, describe the
// tag, and draw:
//
//   class MyPanel extends SteppedPanel<MyView> {
//     constructor() { super("mine", "Mine", "my_kind", "My tag"); this.controls.append(extra); }
//     protected makeView(run) { return { run, column: new Column(csv, png), steps: [] }; }
//     protected describe(runs) { this.info.textContent = ...; }
//     async draw() { const loaded = await this.load((v, step) => getTensor(v.run, this.tags.tag, step)); ... }
//   }
import { getSteps, getTensor, type Tensor } from "../api";
import { type Context, type Panel, shownRuns, tagInfo, tagsOfKind, type UpdateReason } from "../context";
import { el, labelled } from "../dom";
import { nearestIndex, Stepper } from "../stepper";
import type { Column } from "./column";
import { TagChoice } from "./tag_choice";

export interface SteppedView {
  readonly run: string;
  readonly column: Column;
  /** The run's kept steps of the tag, ascending. */
  steps: number[];
}

/** One column's read at the chosen step: `data` null with `error` set when it failed. */
export interface Loaded<V, R> {
  view: V;
  /** Index of the step in view.steps (-1 when the run has no steps). */
  index: number;
  step: number;
  data: R | null;
  error: string;
}

export abstract class SteppedPanel<V extends SteppedView> implements Panel {
  readonly element: HTMLElement;
  protected readonly tags: TagChoice;
  protected readonly stepper = new Stepper();
  /** The panel's controls; a subclass appends its own after the tag select. */
  protected readonly controls: HTMLElement;
  protected readonly info = el("div", { cls: "panel-info" });
  protected readonly columns = el("div", { cls: "columns" });
  protected readonly views = new Map<string, V>();
  protected ctx: Context | null = null;
  private generation = 0;
  private stepsGeneration = 0; // the newest loadSteps: an older one's columns are gone

  constructor(
    readonly id: string,
    readonly title: string,
    /** The tbviz kind whose tags the panel shows. */
    protected readonly kind: string,
    tagLabel: string,
  ) {
    this.tags = new TagChoice(tagLabel, () => void this.loadTag());
    this.controls = el("div", { cls: "controls" }, [labelled(tagLabel, this.tags.select)]);
    this.stepper.onChange = () => this.draw();
    this.element = el("section", { cls: "panel", attrs: { "data-panel": id } }, [this.controls, this.stepper.element, this.info, this.columns]);
  }

  /** A run's column (its picture, readout, legend and export). */
  protected abstract makeView(run: string): V;
  /** The panel's line about the chosen tag, for the runs that have it. */
  protected abstract describe(runs: string[]): void;
  /** Reads the chosen step of every column (with `load`) and draws it. */
  abstract draw(): Promise<void>;

  /** A column leaves (its run is no longer shown): free what it holds. */
  protected dropView(_view: V): void {}
  /** The view starts over (another tag or run): forget what was carried over steps. */
  protected startOver(): void {}
  /** The tag select's (tag, label) pairs. */
  protected tagOptions(ctx: Context): Array<[string, string]> {
    return tagsOfKind(ctx, this.kind).map((t) => [t, t]);
  }

  available(ctx: Context): boolean {
    return tagsOfKind(ctx, this.kind).length > 0;
  }

  async update(ctx: Context, why: UpdateReason): Promise<void> {
    this.ctx = ctx;
    this.tags.offer(ctx, this.tagOptions(ctx));
    if (why === "select" || !this.stepper.stepList.length) this.reset();
    await this.loadSteps();
  }

  private async loadTag(): Promise<void> {
    this.reset();
    await this.loadSteps();
  }

  private reset(): void {
    this.views.forEach((v) => v.column.resetReadout());
    this.stepper.setSteps([]);
    this.startOver();
  }

  /** One column per shown run that has the tag, their steps read, then drawn. */
  private async loadSteps(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const generation = ++this.stepsGeneration;
    const tag = this.tags.tag;
    const runs = shownRuns(ctx).filter((r) => tagInfo(ctx, r, tag));
    // The reads start first: making a view can take a while (a WebGL context).
    this.prefetchNewest(ctx, tag, runs);
    const reads = Promise.all(runs.map((r) => getSteps(r, tag).catch(() => [])));
    for (const [run, view] of [...this.views]) {
      if (runs.includes(run)) continue;
      view.column.element.remove();
      this.dropView(view);
      this.views.delete(run);
    }
    for (const run of runs) if (!this.views.has(run)) this.views.set(run, this.makeView(run));
    this.columns.replaceChildren(...runs.map((r) => this.views.get(r)!.column.element));
    const lists = await reads;
    // Another run or tag was chosen while the steps were read: that load draws.
    if (generation !== this.stepsGeneration) return;
    runs.forEach((r, i) => (this.views.get(r)!.steps = lists[i].map((s) => s.step)));
    const primary = this.views.get(ctx.run) ?? this.views.get(runs[0]);
    this.stepper.setSteps(primary ? primary.steps : []);
    this.describe(runs);
    await this.draw();
  }

  /**
   * When the view is to show the newest step, starts reading each column's
   * tensor of it beside the steps lists: the tags give each run's newest step,
   * and getTensor keeps the read for `draw`. A compared run newer than the
   * chosen one is drawn at an older step, so it is left to `draw`.
   */
  private prefetchNewest(ctx: Context, tag: string, runs: string[]): void {
    const steps = this.stepper.stepList;
    if (steps.length && this.stepper.index !== steps.length - 1) return;
    const newest = tagInfo(ctx, ctx.run, tag)?.max_step ?? tagInfo(ctx, runs[0], tag)?.max_step;
    for (const run of runs) {
      const step = tagInfo(ctx, run, tag)?.max_step;
      if (step !== undefined && newest !== undefined && step <= newest) void getTensor(run, tag, step).catch(() => undefined);
    }
  }

  /**
   * `read` for every column at its step nearest the slider's, in parallel;
   * null when a newer load began meanwhile (its result is the one to draw).
   */
  protected async load<R>(read: (view: V, step: number, index: number) => Promise<R>): Promise<Array<Loaded<V, R>> | null> {
    const generation = ++this.generation;
    const wanted = this.stepper.step;
    const loaded = await Promise.all(
      [...this.views.values()].map(async (view): Promise<Loaded<V, R>> => {
        if (!view.steps.length || !Number.isFinite(wanted)) return { view, index: -1, step: NaN, data: null, error: "" };
        const index = nearestIndex(view.steps, wanted);
        const step = view.steps[index];
        try {
          return { view, index, step, data: await read(view, step, index), error: "" };
        } catch (e) {
          return { view, index, step, data: null, error: String((e as Error).message ?? e) };
        }
      }),
    );
    return generation === this.generation ? loaded : null;
  }

  /** Every column's tensor of the chosen tag at the chosen step; null before a context or when overtaken. */
  protected async loadTensors(): Promise<{ ctx: Context; tag: string; loaded: Array<Loaded<V, Tensor>> } | null> {
    const ctx = this.ctx;
    if (!ctx) return null;
    const tag = this.tags.tag;
    const loaded = await this.load((view, step) => getTensor(view.run, tag, step));
    return loaded && { ctx, tag, loaded };
  }
}

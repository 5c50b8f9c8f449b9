// The step control shared by the panels: a slider over the kept steps, a play
// button that animates training, and the step shown as text.
import { button, el } from "./dom";

export class Stepper {
  readonly element: HTMLDivElement;
  readonly slider = el("input", { cls: "step-slider", attrs: { type: "range", min: "0", max: "0", step: "1", value: "0", "aria-label": "step" } });
  private readonly label = el("span", { cls: "step-label" });
  private readonly playButton: HTMLButtonElement;
  private steps: number[] = [];
  private playing = false;
  private timer = 0;
  /** Called with the chosen step; playing waits for the returned promise before moving on. */
  onChange: (step: number) => Promise<void> = async () => {};

  constructor() {
    this.playButton = button("▶ Play", "Animate the steps", () => (this.playing ? this.pause() : this.play()), "btn play");
    this.slider.addEventListener("input", () => {
      this.pause();
      this.showLabel();
      void this.onChange(this.step);
    });
    this.element = el("div", { cls: "stepper" }, [
      this.playButton,
      button("◀", "Previous step", () => this.move(-1), "btn small"),
      this.slider,
      button("▶", "Next step", () => this.move(1), "btn small"),
      this.label,
    ]);
  }

  get step(): number {
    return this.steps.length ? this.steps[Number(this.slider.value)] : NaN;
  }

  get index(): number {
    return Number(this.slider.value);
  }

  get stepList(): readonly number[] {
    return this.steps;
  }

  /**
   * New list of steps (e.g. after a refresh). The view stays where it was;
   * a view that showed the newest step follows to the new newest step.
   */
  setSteps(steps: number[]): void {
    const wasLast = this.steps.length === 0 || this.index === this.steps.length - 1;
    const current = this.step;
    this.steps = steps;
    this.slider.max = String(Math.max(0, steps.length - 1));
    let index = steps.length - 1;
    if (!wasLast && Number.isFinite(current)) index = nearestIndex(steps, current);
    this.slider.value = String(Math.max(0, index));
    this.slider.disabled = steps.length < 2;
    this.playButton.disabled = steps.length < 2;
    this.showLabel();
  }

  private showLabel(): void {
    const n = this.steps.length;
    this.label.textContent = n ? `step ${this.step}  (${this.index + 1} of ${n} kept)` : "no steps";
  }

  private move(delta: number): void {
    this.pause();
    const index = Math.max(0, Math.min(this.steps.length - 1, this.index + delta));
    if (index === this.index) return;
    this.slider.value = String(index);
    this.showLabel();
    void this.onChange(this.step);
  }

  play(): void {
    if (this.steps.length < 2) return;
    this.playing = true;
    this.playButton.textContent = "❚❚ Pause";
    if (this.index === this.steps.length - 1) this.slider.value = "0";
    const tick = async () => {
      if (!this.playing) return;
      this.showLabel();
      await this.onChange(this.step);
      if (!this.playing) return;
      if (this.index >= this.steps.length - 1) return this.pause();
      this.timer = window.setTimeout(() => {
        this.slider.value = String(this.index + 1);
        void tick();
      }, 180);
    };
    void tick();
  }

  pause(): void {
    this.playing = false;
    window.clearTimeout(this.timer);
    this.playButton.textContent = "▶ Play";
  }
}

export function nearestIndex(steps: readonly number[], step: number): number {
  let best = 0;
  for (let i = 0; i < steps.length; i++) {
    if (Math.abs(steps[i] - step) < Math.abs(steps[best] - step)) best = i;
  }
  return best;
}

// One run's view inside a panel: a caption that always says run, tag and
// step, the picture, a hover read-out, the colour legend and export buttons.
import { el } from "../dom";
import { exportButtons } from "../export";
import { Legend } from "../legend";

export class Column {
  readonly element: HTMLElement;
  readonly body = el("div", { cls: "column-body" });
  readonly legend = new Legend();
  readonly readout = el("div", { cls: "readout", text: "Hover the picture to read values." });
  readonly note = el("div", { cls: "note" });
  private readonly runLabel = el("span", { cls: "caption-run" });
  private readonly tagLabel = el("span", { cls: "caption-tag" });
  private readonly stepLabel = el("span", { cls: "caption-step" });
  readonly message = el("div", { cls: "message" });

  constructor(onCSV: () => void, onPNG: () => void) {
    const actions = exportButtons(
      { title: "Download the array shown as CSV", save: onCSV },
      { title: "Download the picture as PNG", save: onPNG },
    );
    this.element = el("div", { cls: "column" }, [
      el("div", { cls: "caption" }, [this.runLabel, this.tagLabel, this.stepLabel, actions]),
      this.message,
      this.body,
      this.readout,
      this.note,
      this.legend.element,
    ]);
  }

  resetReadout(): void {
    this.readout.textContent = "Hover the picture to read values.";
    this.readout.classList.remove("active");
  }

  caption(run: string, tag: string, step: string): void {
    this.runLabel.textContent = run;
    this.tagLabel.textContent = tag;
    this.stepLabel.textContent = step;
  }

  showMessage(text: string): void {
    this.message.textContent = text;
    this.message.style.display = text ? "" : "none";
  }
}

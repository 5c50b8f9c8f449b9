// One run's view inside a panel: a caption that always says run, tag and
// step, the picture, a hover read-out, the colour legend and export buttons.
import { button, el } from "../dom";
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
  private readonly actions = el("span", { cls: "caption-actions" });
  readonly message = el("div", { cls: "message" });

  constructor(onCSV: () => void, onPNG: () => void) {
    this.actions.append(
      button("CSV", "Download the array shown as CSV", onCSV, "btn small export-csv"),
      button("PNG", "Download the picture as PNG", onPNG, "btn small export-png"),
    );
    this.element = el("div", { cls: "column" }, [
      el("div", { cls: "caption" }, [this.runLabel, this.tagLabel, this.stepLabel, this.actions]),
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

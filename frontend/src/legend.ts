// The colour legend: a bar of the scale's colours, the value range with its
// unit, and the NaN/Inf colours with their counts.
import { INF_RGB, NAN_RGB, ZERO_RGB, type Range, type Scale } from "./colormap";
import { el, fmt } from "./dom";

function swatch(rgb: number[]): HTMLSpanElement {
  const s = el("span", { cls: "swatch" });
  s.style.background = `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
  return s;
}

export class Legend {
  readonly element: HTMLDivElement;
  private readonly bar = el("canvas", { cls: "legend-bar", attrs: { width: "256", height: "1" } });
  private readonly unit = el("div", { cls: "legend-unit" });
  private readonly ticks = el("div", { cls: "legend-ticks" });
  private readonly nan = el("span", { cls: "count" });
  private readonly inf = el("span", { cls: "count" });
  private readonly zero = el("span", { cls: "legend-zero" });

  constructor() {
    this.zero.append(swatch(ZERO_RGB), el("span", { text: "0 (off the log scale)" }));
    this.element = el("div", { cls: "legend" }, [
      this.unit,
      this.bar,
      this.ticks,
      el("div", { cls: "legend-special" }, [
        el("span", { cls: "legend-key" }, [swatch(NAN_RGB), el("span", { text: "NaN " }), this.nan]),
        el("span", { cls: "legend-key" }, [swatch(INF_RGB), el("span", { text: "±Inf " }), this.inf]),
        this.zero,
      ]),
    ]);
  }

  update(scale: Scale, unit: string, range: Range): void {
    const ctx = this.bar.getContext("2d");
    if (ctx) {
      const image = ctx.createImageData(256, 1);
      for (let i = 0; i < 256; i++) {
        image.data.set([scale.lut[i * 3], scale.lut[i * 3 + 1], scale.lut[i * 3 + 2], 255], i * 4);
      }
      ctx.putImageData(image, 0, 0);
    }
    this.unit.textContent = unit + (scale.kind === "log" ? " (log₁₀ scale)" : "");
    const values =
      scale.kind === "log"
        ? [scale.min, Math.sqrt(scale.min * scale.max), scale.max]
        : [scale.min, (scale.min + scale.max) / 2, scale.max];
    this.ticks.replaceChildren(...values.map((v) => el("span", { text: fmt(v) })));
    this.nan.textContent = String(range.nan);
    this.inf.textContent = String(range.posInf + range.negInf);
    this.nan.classList.toggle("alarm", range.nan > 0);
    this.inf.classList.toggle("alarm", range.posInf + range.negInf > 0);
    this.zero.style.display = scale.kind === "log" ? "" : "none";
  }
}

// Colour maps and value → colour scales. Pure functions over arrays; the
// drawing modules (heatmap, surface, legend) use them.
//
// viridis (perceptual, sequential) for one-signed data, a blue-white-red
// diverging map centred on 0 for signed data and differences, and a log10
// scale for magnitudes spanning decades (gradient flow). NaN and ±Inf get
// colours that are in none of the maps, and are counted.

export type RGB = [number, number, number];

export const NAN_RGB: RGB = [255, 0, 255]; // magenta
export const INF_RGB: RGB = [0, 0, 0]; // black
export const ZERO_RGB: RGB = [120, 120, 120]; // grey: exact zero on a log scale

const VIRIDIS_STOPS = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"];
const DIVERGING_STOPS = ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"];

function hex(h: string): RGB {
  return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
}

function lut(stops: string[]): Uint8Array {
  const rgb = stops.map(hex);
  const out = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (rgb.length - 1);
    const k = Math.min(rgb.length - 2, Math.floor(t));
    const f = t - k;
    for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.round(rgb[k][c] * (1 - f) + rgb[k + 1][c] * f);
  }
  return out;
}

export const VIRIDIS = lut(VIRIDIS_STOPS);
export const DIVERGING = lut(DIVERGING_STOPS);

export type ScaleKind = "sequential" | "diverging" | "log";

export interface Scale {
  kind: ScaleKind;
  /** Value range (for log: the positive range, in data units). */
  min: number;
  max: number;
  lut: Uint8Array;
}

export interface Range {
  min: number;
  max: number;
  nan: number;
  posInf: number;
  negInf: number;
  /** Smallest and largest strictly positive finite values (for log scales). */
  minPositive: number;
  maxPositive: number;
  zeros: number;
}

export function rangeOf(...arrays: ArrayLike<number>[]): Range {
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  let maxPositive = -Infinity;
  let nan = 0;
  let posInf = 0;
  let negInf = 0;
  let zeros = 0;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) nan++;
      else if (v === Infinity) posInf++;
      else if (v === -Infinity) negInf++;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
        if (v > 0) {
          if (v < minPositive) minPositive = v;
          if (v > maxPositive) maxPositive = v;
        } else if (v === 0) zeros++;
      }
    }
  }
  return { min, max, nan, posInf, negInf, minPositive, maxPositive, zeros };
}

/** viridis for one-signed data, a symmetric diverging map when data has both signs. */
export function autoScale(range: Range, forceDiverging = false): Scale {
  if (!Number.isFinite(range.min)) return { kind: "sequential", min: 0, max: 1, lut: VIRIDIS };
  if (forceDiverging || (range.min < 0 && range.max > 0)) {
    const m = Math.max(Math.abs(range.min), Math.abs(range.max)) || 1;
    return { kind: "diverging", min: -m, max: m, lut: DIVERGING };
  }
  let { min, max } = range;
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  return { kind: "sequential", min, max, lut: VIRIDIS };
}

/** log10 scale over the positive values, at most `decades` decades deep. */
export function logScale(range: Range, decades = 12): Scale {
  if (!Number.isFinite(range.maxPositive)) return { kind: "log", min: 1e-8, max: 1, lut: VIRIDIS };
  let max = range.maxPositive;
  let min = Math.max(range.minPositive, max / 10 ** decades);
  if (min === max) {
    min /= 10;
    max *= 10;
  }
  return { kind: "log", min, max, lut: VIRIDIS };
}

/** Position of a finite value on the scale, in [0, 1]; NaN for values off a log scale (≤ 0). */
export function position(scale: Scale, v: number): number {
  let t: number;
  if (scale.kind === "log") {
    if (!(v > 0)) return NaN;
    t = (Math.log10(v) - Math.log10(scale.min)) / (Math.log10(scale.max) - Math.log10(scale.min));
  } else {
    t = (v - scale.min) / (scale.max - scale.min);
  }
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** The colour of one value, written at out[o..o+2]. */
export function colorInto(scale: Scale, v: number, out: Uint8Array | Uint8ClampedArray | Float32Array, o: number, unit = 1): void {
  let rgb: ArrayLike<number>;
  let base = 0;
  if (v !== v) rgb = NAN_RGB;
  else if (v === Infinity || v === -Infinity) rgb = INF_RGB;
  else {
    const t = position(scale, v);
    if (t !== t) rgb = ZERO_RGB;
    else {
      rgb = scale.lut;
      base = Math.round(t * 255) * 3;
    }
  }
  out[o] = rgb[base] * unit;
  out[o + 1] = rgb[base + 1] * unit;
  out[o + 2] = rgb[base + 2] * unit;
}

/** RGBA pixels (ImageData layout) of row-major values. */
export function paint(values: ArrayLike<number>, scale: Scale, out: Uint8ClampedArray): void {
  for (let i = 0; i < values.length; i++) {
    colorInto(scale, values[i], out, i * 4);
    out[i * 4 + 3] = 255;
  }
}

export function cssColor(scale: Scale, v: number): string {
  const c = new Uint8Array(3);
  colorInto(scale, v, c, 0);
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

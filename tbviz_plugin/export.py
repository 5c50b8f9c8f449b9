"""Exporting tbviz tensors as CSV, NPY or PNG (used by ``tbviz export``).

Example:
    >>> import numpy as np, io
    >>> buf = io.StringIO(); write_csv(buf, np.eye(2)); buf.getvalue().splitlines()[0]
    '1.0,0.0'
"""

from __future__ import annotations

import csv
import math
from typing import IO, Any, Dict, List, Optional

import numpy as np

from tbviz_plugin import logdir as logdir_data
from tbviz_plugin import metadata

FORMATS = ("csv", "npy", "png")
NAN_RGB = (255, 0, 255)  # magenta: never a colour of the maps below

# Viridis as a 6th-degree polynomial per channel (fit by Matt Zucker, CC0),
# accurate to about 1/255, so no 256-entry table is needed here.
_VIRIDIS = np.array(
    [
        [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
        [0.1050930431085774, 1.404613529898575, 1.384590162594685],
        [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
        [-4.634230498983486, -5.799100973351585, -19.33244095627987],
        [6.228269936347081, 14.17993336680509, 56.69055260068105],
        [4.776384997670288, -13.74514537774601, -65.35303263337234],
        [-5.435455855934631, 4.645852612178535, 26.3124352495832],
    ]
)


def viridis(unit: np.ndarray) -> np.ndarray:
    """Maps values in [0, 1] to uint8 RGB; NaN becomes ``NAN_RGB``."""
    t = np.clip(np.nan_to_num(unit, nan=0.0), 0, 1)[..., None]
    rgb = sum(_VIRIDIS[i] * t**i for i in range(len(_VIRIDIS)))
    out = (np.clip(rgb, 0, 1) * 255 + 0.5).astype(np.uint8)
    out[np.isnan(unit)] = NAN_RGB
    return out


def to_rgb(array: np.ndarray, *, log: bool = False) -> np.ndarray:
    """A 2-D array as an RGB image, scaled to its finite range; NaN/Inf in magenta."""
    values = np.asarray(array, dtype=np.float64)
    if log:
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(values > 0, np.log10(values), np.nan)
    finite = values[np.isfinite(values)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    scale = (values - lo) / (hi - lo) if hi > lo else np.zeros_like(values)
    scale[~np.isfinite(values)] = np.nan
    return viridis(scale)


def tile_channels(maps: np.ndarray) -> np.ndarray:
    """``[channels, h, w]`` as one 2-D mosaic (NaN gaps between tiles)."""
    channels, h, w = maps.shape
    cols = math.ceil(math.sqrt(channels))
    rows = math.ceil(channels / cols)
    mosaic = np.full((rows * (h + 1) - 1, cols * (w + 1) - 1), np.nan)
    for c in range(channels):
        r, k = divmod(c, cols)
        mosaic[r * (h + 1) : r * (h + 1) + h, k * (w + 1) : k * (w + 1) + w] = maps[c]
    return mosaic


def write_csv(stream: IO[str], array: np.ndarray) -> None:
    """A 2-D array as CSV, ``nan``/``inf`` spelled out."""
    writer = csv.writer(stream, lineterminator="\n")
    for row in np.atleast_2d(array):
        writer.writerow([_cell(x) for x in row])


def _cell(x: float) -> str:
    return repr(float(x)) if math.isfinite(x) else str(float(x))


def export(
    logdir: str,
    run: str,
    tag: str,
    fmt: str,
    out: str,
    step: Optional[int] = None,
    stat: str = "mean_abs",
) -> Dict[str, Any]:
    """Writes one tag's data to ``out`` and returns what was written.

    Weight surfaces and activation maps export one step (default: the last).
    Gradient flow exports the whole run: CSV rows ``step, layer, stats...``,
    NPY ``[steps, layers, stats]``, PNG layers x steps of ``stat`` (log scale).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    data = logdir_data.LogdirData(logdir)
    content = data.tags().get(run, {}).get(tag)
    if content is None:
        raise KeyError(f"no tbviz tag {tag!r} in run {run!r} under {logdir}")
    kind = content["kind"]
    if kind == "error":
        raise ValueError(f"tag {tag!r} of run {run!r} cannot be read: {content['error']}")
    if kind in (metadata.HEALTH, metadata.LAYER_TABLE):
        raise ValueError(
            f"tag {tag!r} is a {kind} tag: {kind} tags hold records, not arrays; "
            f"use `tbviz inspect --json`"
        )
    steps = data.steps(run, tag)
    for s in steps:  # never a wrong file from a tensor that contradicts its metadata
        try:
            metadata.check_tensor(content, s.array)
        except ValueError as e:
            raise ValueError(f"run {run!r} tag {tag!r} step {s.step}: {e}") from None
    if kind == metadata.GRADIENT_FLOW:
        table = np.stack([s.array for s in steps])
        _export_flow(table, content, [s.step for s in steps], fmt, out, stat)
        return {"kind": kind, "shape": list(table.shape), "steps": len(steps), "out": out}
    chosen = steps[-1] if step is None else next((s for s in steps if s.step == step), None)
    if chosen is None:
        raise KeyError(f"tag {tag!r} of run {run!r} has no step {step}")
    array = chosen.array
    if fmt == "npy":
        np.save(out, array)
    elif fmt == "csv":
        with open(out, "w", newline="") as f:
            _labelled_csv(f, array, content) or write_csv(f, array.reshape(-1, array.shape[-1]))
    else:
        _save_png(to_rgb(tile_channels(array) if array.ndim == 3 else np.atleast_2d(array)), out)
    return {"kind": kind, "step": chosen.step, "shape": list(array.shape), "out": out}


def _labelled_csv(stream: IO[str], array: np.ndarray, content: Dict[str, Any]) -> bool:
    """CSV with the names the metadata gives: a confusion matrix with its class names
    (rows true, columns predicted), an importance vector as ``feature,importance``
    rows. False (nothing written) for other tags."""
    writer = csv.writer(stream, lineterminator="\n")
    kind = content["kind"]
    if kind == metadata.CONFUSION_MATRIX and array.ndim == 2:
        names = content.get("class_names") or [str(i) for i in range(array.shape[0])]
        writer.writerow(["true/predicted", *names])
        for name, row in zip(names, array):
            writer.writerow([name, *(_cell(x) for x in row)])
        return True
    if kind == metadata.FEATURE_IMPORTANCE and array.ndim == 1:
        names = content.get("feature_names") or [str(i) for i in range(array.shape[0])]
        writer.writerow(["feature", "importance"])
        for name, x in zip(names, array):
            writer.writerow([name, _cell(x)])
        return True
    return False


def _export_flow(
    table: np.ndarray, content: Dict[str, Any], steps: List[int], fmt: str, out: str, stat: str
) -> None:
    layers, stats = content["layers"], content["stats"]
    if fmt == "npy":
        np.save(out, table)
    elif fmt == "csv":
        with open(out, "w", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["step", "layer", *stats])
            for step, rows in zip(steps, table):
                for layer, row in zip(layers, rows):
                    writer.writerow([step, layer, *(_cell(x) for x in row)])
    else:
        if stat not in stats:
            raise ValueError(f"stat must be one of {stats}, got {stat!r}")
        _save_png(to_rgb(table[:, :, stats.index(stat)].T, log=True), out)


def _save_png(rgb: np.ndarray, out: str, min_size: int = 256) -> None:
    from PIL import Image

    image = Image.fromarray(rgb, "RGB")
    factor = max(1, math.ceil(min_size / max(1, min(rgb.shape[:2]))))
    if factor > 1:  # small arrays are scaled up with visible cells, not blurred
        image = image.resize((rgb.shape[1] * factor, rgb.shape[0] * factor), Image.NEAREST)
    image.save(out)

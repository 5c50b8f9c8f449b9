"""Exporting tbviz tensors as CSV, NPY or PNG (used by ``tbviz export``).

Example:
    >>> import numpy as np, io
    >>> buf = io.StringIO(); write_csv(buf, np.eye(2)); buf.getvalue().splitlines()[0]
    '1.0,0.0'
"""

from __future__ import annotations

import csv
import math
import os
from typing import IO, Any, Dict, List, Optional

import numpy as np

from tbviz_plugin import figure, metadata
from tbviz_plugin import logdir as logdir_data

FORMATS = ("csv", "npy", "png")
# An error about a missing step or tag lists at most this many of those that exist.
_LISTED_STEPS = 12
_LISTED_TAGS = 60


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
    stat: Optional[str] = None,
) -> Dict[str, Any]:
    """Writes one tag's data to ``out`` and returns what was written.

    Weight surfaces, activation maps, confusion matrices and feature importance
    export one step (default: the last). Gradient flow exports the whole run
    (CSV rows ``step, layer, stats...``, NPY ``[steps, layers, stats]``, PNG
    layers x steps of ``stat``, default ``mean_abs``, log scale) or, with
    ``step``, that step's rows (CSV, NPY ``[layers, stats]``).

    Raises ``KeyError`` or ``ValueError`` naming the problem and what exists
    (the runs, the tags of the run, the steps of the tag).

    Example:
        >>> export("demo_logs", "torch_healthy", "model/gradient_flow", "csv",
        ...        "flow.csv")  # doctest: +SKIP
        {'kind': 'gradient_flow', 'shape': [15, 3, 9], 'steps': 15, 'out': 'flow.csv'}
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    _check_out(out)
    data = logdir_data.LogdirData(logdir)
    content = _content(data.tags(), logdir, run, tag)
    kind = content["kind"]
    if kind == "error":
        raise ValueError(f"tag {tag!r} of run {run!r} cannot be read: {content['error']}")
    if kind in (metadata.HEALTH, metadata.LAYER_TABLE):
        raise ValueError(
            f"tag {tag!r} is a {kind} tag: {kind} tags hold records, not arrays; "
            f"use `tbviz inspect --json`"
        )
    if stat is not None and kind != metadata.GRADIENT_FLOW:
        raise ValueError(f"--stat is for gradient_flow tags; tag {tag!r} is a {kind} tag")
    steps = data.steps(run, tag)
    for s in steps:  # never a wrong file from a tensor that contradicts its metadata
        try:
            metadata.check_tensor(content, s.array)
        except ValueError as e:
            raise ValueError(f"run {run!r} tag {tag!r} step {s.step}: {e}") from None
    if step is not None:
        steps = [_one_step(steps, step, run, tag)]
    title = f"{run}  {tag}"
    if kind == metadata.GRADIENT_FLOW:
        if step is not None and fmt == "png":
            raise ValueError(
                "a gradient-flow PNG shows every step (layers x steps); leave out --step, "
                "or export one step's rows with --format csv or npy"
            )
        table = np.stack([s.array for s in steps])
        if step is not None:  # one step's [layers, stats]
            table = table[0]
        _export_flow(table, content, [s.step for s in steps], fmt, out, stat or "mean_abs", title)
        if step is not None:
            return {"kind": kind, "step": step, "shape": list(table.shape), "out": out}
        return {"kind": kind, "shape": list(table.shape), "steps": len(steps), "out": out}
    chosen = steps[-1]
    array = chosen.array
    if fmt == "npy":
        np.save(out, array)
    elif fmt == "csv":
        with open(out, "w", newline="") as f:
            _labelled_csv(f, array, content) or write_csv(f, array.reshape(-1, array.shape[-1]))
    else:
        _png(array, content, f"{title}  step {chosen.step}", out)
    return {"kind": kind, "step": chosen.step, "shape": list(array.shape), "out": out}


def _check_out(out: str) -> None:
    """A ``ValueError`` when ``out``'s directory is missing or ``out`` is a directory."""
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise ValueError(f"cannot write {out}: no such directory {folder}; create it first")
    if os.path.isdir(out):
        raise ValueError(f"cannot write {out}: it is a directory; give a file name")


def _content(
    tags: Dict[str, Dict[str, Dict[str, Any]]], logdir: str, run: str, tag: str
) -> Dict[str, Any]:
    """The content of ``tag`` in ``run``; else a ``KeyError`` listing what exists."""
    if not tags:
        raise KeyError(
            f"no tbviz data under {logdir}; `tbviz inspect {logdir}` shows what is there"
        )
    if run not in tags:
        raise KeyError(f"no run {run!r} with tbviz data under {logdir}; runs: {', '.join(tags)}")
    known = list(tags[run])
    if tag in known:
        return tags[run][tag]
    # A tag named after another model (model/gradient_flow for sequential/gradient_flow).
    last = tag.rsplit("/", 1)[-1]
    alike = [t for t in known if t.rsplit("/", 1)[-1] == last]
    listed = known[:_LISTED_TAGS]
    more = f" and {len(known) - len(listed)} more" if len(known) > len(listed) else ""
    guess = f"did you mean {' or '.join(map(repr, alike))}? " if alike else ""
    raise KeyError(
        f"run {run!r} has no tbviz tag {tag!r}; {guess}its tags: {', '.join(listed)}{more}"
    )


def _one_step(steps: List[logdir_data.Step], step: int, run: str, tag: str) -> logdir_data.Step:
    for s in steps:
        if s.step == step:
            return s
    numbers = [str(s.step) for s in steps]
    if len(numbers) > _LISTED_STEPS:
        half = _LISTED_STEPS // 2
        numbers = numbers[:half] + ["..."] + numbers[-half:]
    raise KeyError(
        f"tag {tag!r} of run {run!r} has no step {step}; its {len(steps)} steps: "
        f"{', '.join(numbers)}"
    )


def _png(array: np.ndarray, content: Dict[str, Any], title: str, out: str) -> None:
    """One step of a per-step kind as a labelled figure."""
    kind = content["kind"]
    if kind == metadata.CONFUSION_MATRIX:
        names = content.get("class_names") or [str(i) for i in range(array.shape[0])]
        figure.heatmap(
            array,
            out,
            title=title,
            x=figure.Axis("predicted class", figure.index_ticks(len(names), names, most=30)),
            y=figure.Axis("true class", figure.index_ticks(len(names), names, most=30)),
            value_label="samples",
            annotate=True,
        )
    elif kind == metadata.FEATURE_IMPORTANCE and array.ndim == 1:
        names = content.get("feature_names")
        figure.bars(
            array,
            out,
            title=title,
            x=figure.Axis("feature", figure.index_ticks(array.shape[0], names, most=12)),
            value_label="importance",
        )
    elif array.ndim == 3:  # an activation map's channels, one tile each
        channels = array.shape[0]
        figure.heatmap(
            tile_channels(array),
            out,
            blank=np.isnan(tile_channels(np.zeros_like(array))),  # the gaps between tiles
            title=f"{title}  ({channels} channels, row by row)",
            x=figure.Axis("channel tiles"),
            y=figure.Axis(""),
            value_label="activation",
        )
    else:
        rows, cols = array.shape
        x_label, y_label, value = {
            metadata.WEIGHT_SURFACE: ("output unit", "input", content.get("quantity", "weight")),
            metadata.ACTIVATION_MAP: ("unit", "sample", "activation"),
            metadata.FEATURE_IMPORTANCE: ("column", "row", "importance"),
        }[kind]
        # A pooled surface's ticks give indices of the matrix before pooling.
        full_rows, full_cols = content.get("matrix_shape") or (rows, cols)
        if (full_rows, full_cols) != (rows, cols):
            title += f"  (max-abs pooled from {full_rows}x{full_cols})"
        figure.heatmap(
            array,
            out,
            title=title,
            x=figure.Axis(x_label, _scaled_ticks(cols, full_cols)),
            y=figure.Axis(y_label, _scaled_ticks(rows, full_rows)),
            value_label=value,
        )


def _scaled_ticks(cells: int, full: int) -> List[Any]:
    """Ticks over ``cells`` cells labelled with the index they start at in ``full``."""
    return [(i, str(i * full // cells)) for i, _ in figure.index_ticks(cells)]


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
    table: np.ndarray,
    content: Dict[str, Any],
    steps: List[int],
    fmt: str,
    out: str,
    stat: str,
    title: str,
) -> None:
    """``table`` is ``[steps, layers, stats]``, or one step's ``[layers, stats]``."""
    layers, stats = content["layers"], content["stats"]
    if fmt == "png" and stat not in stats:
        raise ValueError(f"stat must be one of {stats}, got {stat!r}")
    if fmt == "npy":
        np.save(out, table)
    elif fmt == "csv":
        with open(out, "w", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["step", "layer", *stats])
            for step, rows in zip(steps, table if table.ndim == 3 else table[None]):
                for layer, row in zip(layers, rows):
                    writer.writerow([step, layer, *(_cell(x) for x in row)])
    else:
        figure.heatmap(
            table[:, :, stats.index(stat)].T,
            out,
            title=f"{title}  {stat}",
            x=figure.Axis("step", figure.index_ticks(len(steps), [str(s) for s in steps])),
            y=figure.Axis("layer (input at top)", figure.index_ticks(len(layers), layers, 40)),
            value_label=stat,
            log=True,
        )

"""``gradient_flow``: per-layer gradient statistics as a ``[layers, stats]`` table.

Tag ``<model>/gradient_flow``; one float32 ``[layers, stats]`` tensor per step,
layers in forward (depth) order; content: the ``layers`` and ``stats`` names.
The first write of a tag fixes its layers: later steps may leave layers out
(a NaN row) but not add any. Diagnosed at read time from all kept steps.

Example:
    >>> s = gradient_flow("m/gradient_flow", {"fc": np.ones((3, 2))})
    >>> [d.size for d in s.value[0].tensor.tensor_shape.dim]
    [1, 7]
"""

from __future__ import annotations

import csv
import functools
import math
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import figure, metadata, reduce
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "gradient_flow"


def _mapping_items(value: Any, name: str) -> List[Tuple[str, Any]]:
    if not isinstance(value, Mapping):
        raise TypeError(
            f"{name} must be a mapping of layer name -> array in depth order, "
            f"got {type(value).__name__}"
        )
    items = list(value.items())
    for key, _ in items:
        if not isinstance(key, str) or not key:
            raise TypeError(f"{name} keys must be non-empty layer names (str), got {key!r}")
    return items


def prepare(
    tag: str,
    grads: Mapping[str, Any],
    *,
    weights: Optional[Mapping[str, Any]] = None,
    prev_weights: Optional[Mapping[str, Any]] = None,
    layers: Optional[Sequence[str]] = None,
) -> Prepared:
    """Validates per-layer gradients; see ``gradient_flow``. ``layers``: the
    tag's layers when its first write fixed them."""
    base.check_tag(tag)
    items = _mapping_items(grads, "grads")
    if not items:
        raise ValueError("grads is empty: give at least one layer")
    order = list(layers) if layers is not None else [k for k, _ in items]
    unknown = [k for k, _ in items if k not in order]
    if unknown:
        raise ValueError(
            f"grads has layers {unknown} that tag {tag!r} did not have when first written "
            f"({order}); write a changed model under a new tag"
        )
    arrays = {k: None if v is None else reduce.as_numpy(v, f"grads[{k!r}]") for k, v in items}
    w = p = None
    if weights is not None:
        w = {
            k: reduce.as_numpy(v, f"weights[{k!r}]") for k, v in _mapping_items(weights, "weights")
        }
        stray = sorted(set(w) - set(order))
        if stray:
            raise ValueError(f"weights has layers not in grads: {stray}")
    if prev_weights is not None:
        if weights is None:
            raise ValueError("prev_weights needs weights too (update_ratio compares them)")
        p = {
            k: reduce.as_numpy(v, f"prev_weights[{k!r}]")
            for k, v in _mapping_items(prev_weights, "prev_weights")
        }
    stats = list(reduce.GRADIENT_STATS) + (list(reduce.WEIGHT_STATS) if w is not None else [])
    md = metadata.serialized_summary_metadata(NAME, layers=order, stats=stats)
    return Prepared(
        tag,
        NAME,
        functools.partial(_build, tag, md, order, stats, arrays, w, p),
        md,
        sum(
            a.nbytes for held in (arrays, w or {}, p or {}) for a in held.values() if a is not None
        ),
    )


def _build(
    tag: str,
    md: bytes,
    order: List[str],
    stats: List[str],
    grads: Dict[str, Optional[np.ndarray]],
    weights: Optional[Dict[str, np.ndarray]],
    prev: Optional[Dict[str, np.ndarray]],
) -> SummaryTensor:
    table = np.full((len(order), len(stats)), np.nan, dtype=np.float32)
    for i, layer in enumerate(order):
        row: Dict[str, float] = {}
        if grads.get(layer) is not None:
            row.update(reduce.layer_stats(grads[layer]))
        if weights is not None and layer in weights:
            row.update(reduce.weight_stats(weights[layer], (prev or {}).get(layer)))
        table[i] = [row.get(s, math.nan) for s in stats]
    return SummaryTensor(tag, md, table)


def prepare_table(tag: str, layers: Sequence[str], stats: Sequence[str], table: Any) -> Prepared:
    """A finished ``[layers, stats]`` table, for integrations that reduce on the device.

    The summary is the same kind and format as ``gradient_flow`` writes.
    """
    base.check_tag(tag)
    layers, stats = [str(x) for x in layers], [str(x) for x in stats]
    if not layers or not stats:
        raise ValueError("layers and stats must be non-empty")
    array = np.array(reduce.as_numpy(table, "table"), dtype=np.float32, copy=True, order="C")
    if array.shape != (len(layers), len(stats)):
        raise ValueError(
            f"table must have shape [{len(layers)} layers, {len(stats)} stats], got {array.shape}"
        )
    md = metadata.serialized_summary_metadata(NAME, layers=layers, stats=stats)
    return Prepared(tag, NAME, lambda: SummaryTensor(tag, md, array), md, array.nbytes)


def gradient_flow(tag: str, grads: Mapping[str, Any], **kwargs: Any) -> summary_pb2.Summary:
    """Per-layer gradient statistics as a ``[layers, stats]`` table.

    Args:
      tag: e.g. ``"model/gradient_flow"``.
      grads: layer name -> gradient array, in forward (depth) order; a value
        of ``None`` (a frozen layer) gives a row of NaN.
      weights: optional layer name -> weight array; adds ``weight_l2`` and
        ``update_ratio`` columns.
      prev_weights: the same layers' weights at the previously logged step,
        for ``update_ratio = ||w - w_prev|| / ||w_prev||``.

    Returns:
      A ``Summary`` proto; the stat names are in the metadata content.
    """
    return prepare(tag, grads, **kwargs).build().to_proto()


def record(
    sink: Any,
    tag: str,
    grads: Mapping[str, Any],
    step: int,
    *,
    weights: Optional[Mapping[str, Any]] = None,
    prev_weights: Optional[Mapping[str, Any]] = None,
    wall_time: Optional[float] = None,
) -> None:
    """Records per-layer gradient statistics (layers in depth order).

    The first call fixes the tag's layer list; later calls may leave
    layers out (their row is NaN) but not add new ones.

    Example:
        >>> w.gradient_flow("model/gradient_flow",
        ...                 {"dense": g0, "dense_1": g1}, step=100)  # doctest: +SKIP
    """
    first = sink.first_content(tag, NAME)
    prepared = prepare(
        tag,
        grads,
        weights=weights,
        prev_weights=prev_weights,
        layers=None if first is None else first["layers"],
    )
    sink.send(prepared, step, wall_time)


def record_table(
    sink: Any,
    tag: str,
    layers: Sequence[str],
    stats: Sequence[str],
    table: Any,
    step: int,
    *,
    wall_time: Optional[float] = None,
) -> None:
    """Records a finished ``[layers, stats]`` gradient-flow table (statistics
    already reduced, e.g. on the GPU); same kind and format as ``gradient_flow``.

    Example:
        >>> w.gradient_flow_table("model/gradient_flow", ["fc1", "fc2"],
        ...                       ["mean_abs", "max_abs"], table, step=10)  # doctest: +SKIP
    """
    sink.send(prepare_table(tag, layers, stats, table), step, wall_time)


# --------------------------------------------------------------------------- reading


def check_content(content: Dict[str, Any]) -> None:
    """The readers need the ``layers`` and ``stats`` names."""
    for key in ("layers", "stats"):
        names = content.get(key)
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError(f"tbviz gradient_flow content needs {key!r} as a list of names")


def step_shape(content: Dict[str, Any]) -> Tuple[int, int]:
    """``[len(layers), len(stats)]``: every step's shape."""
    return len(content.get("layers", ())), len(content.get("stats", ()))


def diagnose(
    content: Dict[str, Any],
    steps: List[int],
    table: np.ndarray,
    *,
    loss: Any = None,
    types: Optional[Mapping[str, str]] = None,
) -> List[Dict[str, Any]]:
    """The gradient rules over ``[steps, layers, stats]``."""
    from tbviz_plugin import diagnose as rules

    return rules.diagnose_gradient_flow(
        content["layers"], content["stats"], steps, table, loss=loss, layer_types=types
    )


def export(
    steps: Sequence[Any],
    content: Dict[str, Any],
    fmt: str,
    out: str,
    *,
    step: Optional[int],
    stat: Optional[str],
    title: str,
) -> Dict[str, Any]:
    """The whole run (CSV rows ``step, layer, stats...``, NPY ``[steps, layers,
    stats]``, PNG layers x steps of ``stat``, default ``mean_abs``, log scale) or,
    with ``step``, that step's rows (CSV, NPY ``[layers, stats]``)."""
    if step is not None and fmt == "png":
        raise ValueError(
            "a gradient-flow PNG shows every step (layers x steps); leave out --step, "
            "or export one step's rows with --format csv or npy"
        )
    stat = stat or "mean_abs"
    table = np.stack([s.array for s in steps])
    if step is not None:  # one step's [layers, stats]
        table = table[0]
    numbers = [s.step for s in steps]
    layers, stats = content["layers"], content["stats"]
    if fmt == "png" and stat not in stats:
        raise ValueError(f"stat must be one of {stats}, got {stat!r}")
    if fmt == "npy":
        np.save(out, table)
    elif fmt == "csv":
        with open(out, "w", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["step", "layer", *stats])
            for number, rows in zip(numbers, table if table.ndim == 3 else table[None]):
                for layer, row in zip(layers, rows):
                    writer.writerow([number, layer, *(base.format_cell(x) for x in row)])
    else:
        figure.heatmap(
            table[:, :, stats.index(stat)].T,
            out,
            title=f"{title}  {stat}",
            x=figure.Axis("step", figure.index_ticks(len(numbers), [str(s) for s in numbers])),
            y=figure.Axis("layer (input at top)", figure.index_ticks(len(layers), layers, 40)),
            value_label=stat,
            log=True,
        )
    if step is not None:
        return {"kind": NAME, "step": step, "shape": list(table.shape), "out": out}
    return {"kind": NAME, "shape": list(table.shape), "steps": len(steps), "out": out}


KIND = base.Kind(
    name=NAME,
    prepare=prepare,
    methods={"gradient_flow": record, "gradient_flow_table": record_table},
    tf_summary=True,
    check_content=check_content,
    tensor_matches=lambda content, array: tuple(array.shape) == step_shape(content),
    step_shape=step_shape,
    diagnose=diagnose,
    export=export,
    export_stat=True,
)

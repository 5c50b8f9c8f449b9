"""``feature_importance``: the importance of each input feature, shaped like one input.

Tag ``<model>/feature_importance``; a float32 ``[F]`` tensor for tabular
inputs (content ``layout: vector``, optionally ``feature_names``) or ``[H, W]``
for images (``layout: image``, the ``input_shape`` and, for 3-D input, its
``input_layout``; channels are summed).

Example:
    >>> s = feature_importance("m/fi", np.ones((8, 8, 3)))
    >>> [d.size for d in s.value[0].tensor.tensor_shape.dim]
    [8, 8]
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import figure, metadata, reduce
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "feature_importance"
# `layout` of a feature_importance tag: a [F] vector or an [H, W] image.
IMPORTANCE_LAYOUTS = ("vector", "image")


def prepare(
    tag: str,
    importance: Any,
    *,
    feature_names: Optional[Sequence[str]] = None,
    layout: str = "auto",
) -> Prepared:
    """Validates per-feature importance; see ``feature_importance``."""
    base.check_tag(tag)
    layout = base.resolve_layout(layout, importance)
    data = reduce.check_array(importance, "importance", ranks=(1, 2, 3))
    content: Dict[str, Any] = {}
    if data.ndim == 1:
        content["layout"] = "vector"
        if feature_names is not None:
            content["feature_names"] = base.check_names(
                feature_names, "feature_names", data.shape[0]
            )
    else:
        if feature_names is not None:
            raise ValueError(
                f"feature_names are for vector importance [F]; importance has shape "
                f"{data.shape} (an image)"
            )
        content.update(layout="image", input_shape=list(data.shape))
        if data.ndim == 3:
            content["input_layout"] = layout
    md = metadata.serialized_summary_metadata(NAME, **content)
    return Prepared(tag, NAME, functools.partial(_build, tag, md, data, layout), md, data.nbytes)


def _build(tag: str, md: bytes, data: np.ndarray, layout: str) -> SummaryTensor:
    if data.ndim == 3:  # an image's channels are summed: one value per pixel
        data = data.sum(axis=-1 if layout == "channels_last" else 0, dtype=np.float32)
    return SummaryTensor(tag, md, np.ascontiguousarray(data, dtype=np.float32))


def feature_importance(tag: str, importance: Any, **kwargs: Any) -> summary_pb2.Summary:
    """Importance of each input feature, shaped like one input.

    Args:
      tag: e.g. ``"model/feature_importance"``.
      importance: ``[F]`` for tabular inputs (stored as is, ``layout: vector``),
        ``[H, W]`` for images (``layout: image``) or ``[H, W, C]`` (``[C, H, W]``
        with ``layout="channels_first"``, automatic for torch), summed over
        channels to ``[H, W]``.
      feature_names: ``F`` names for a vector.
      layout: ``"auto"``, ``"channels_last"`` or ``"channels_first"`` for 3-D input.

    Example:
        >>> s = feature_importance("m/fi", np.ones((8, 8, 3)))
        >>> [d.size for d in s.value[0].tensor.tensor_shape.dim]
        [8, 8]
    """
    return prepare(tag, importance, **kwargs).build().to_proto()


def record(
    sink: Any,
    tag: str,
    importance: Any,
    step: int,
    *,
    feature_names: Optional[Sequence[str]] = None,
    layout: str = "auto",
    wall_time: Optional[float] = None,
) -> None:
    """Records the importance of each input feature, shaped like one input.

    ``[F]`` for tabular inputs, ``[H, W]`` or ``[H, W, C]`` (summed over
    channels) for images.

    Example:
        >>> w.feature_importance("model/importance", saliency, step=100)  # doctest: +SKIP

    See ``tbviz_plugin.summary.feature_importance``.
    """
    prepared = prepare(tag, importance, feature_names=feature_names, layout=layout)
    sink.send(prepared, step, wall_time)


# --------------------------------------------------------------------------- reading


def tensor_matches(content: Dict[str, Any], array: np.ndarray) -> bool:
    """``[F]`` (as many as ``feature_names``, if any) or ``[H, W]`` of its ``input_shape``."""
    if content.get("layout") == "image":
        shape = list(content.get("input_shape") or array.shape)
        if len(shape) == 3:  # channels were summed away
            shape = shape[1:] if content.get("input_layout") == "channels_first" else shape[:2]
        return array.ndim == 2 and list(array.shape) == shape
    names = content.get("feature_names")
    return array.ndim == 1 and (names is None or tuple(array.shape) == (len(names),))


def _labelled_rows(array: np.ndarray, content: Dict[str, Any]) -> Optional[List[List[str]]]:
    """An importance vector as ``feature,importance`` rows."""
    if array.ndim != 1:
        return None
    names = content.get("feature_names") or [str(i) for i in range(array.shape[0])]
    return [["feature", "importance"]] + [
        [name, base.format_cell(x)] for name, x in zip(names, array)
    ]


def _png(array: np.ndarray, content: Dict[str, Any], title: str, out: str) -> None:
    if array.ndim == 1:
        names = content.get("feature_names")
        figure.bars(
            array,
            out,
            title=title,
            x=figure.Axis("feature", figure.index_ticks(array.shape[0], names, most=12)),
            value_label="importance",
        )
    else:
        figure.matrix_heatmap(
            array, out, title=title, x_label="column", y_label="row", value_label="importance"
        )


KIND = base.Kind(
    name=NAME,
    prepare=prepare,
    methods={"feature_importance": record},
    tf_summary=True,
    tensor_matches=tensor_matches,
    export=base.step_exporter(_png, _labelled_rows),
)

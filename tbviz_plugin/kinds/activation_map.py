"""``activation_map``: a layer's output as a heatmap.

Tag ``<layer>``; a float32 tensor ``[samples, units]`` for dense outputs, or
``[channels, h, w]`` of one sample for conv outputs, channel-capped and max-abs
pooled; one-dimensional outputs (sequences, 1-D convs) as ``[channels, 1,
positions]`` of one sample, channels and positions max-abs pooled together to
``max_grid`` as a dense map's samples and units are (every channel is seen, none
cut off); content: one sample's shape, form (``dense`` or ``channels``), layout,
pooling, and for conv outputs the sample, channels and channel cap
(``channels_pooled`` for one-dimensional outputs).

Example:
    >>> s = activation_map("conv", np.ones((2, 8, 8, 3)))
    >>> [d.size for d in s.value[0].tensor.tensor_shape.dim]
    [3, 8, 8]
"""

from __future__ import annotations

import functools
import numbers
from typing import Any, Dict, Optional, Tuple

import numpy as np
from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import figure, metadata, reduce
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "activation_map"
DEFAULT_DENSE_GRID = (256, 256)
DEFAULT_CHANNEL_GRID = (64, 64)


def prepare(
    tag: str,
    array: Any,
    *,
    sample: int = 0,
    max_channels: int = 64,
    max_grid: Optional[Tuple[int, int]] = None,
    layout: str = "auto",
) -> Prepared:
    """Validates a layer output; see ``activation_map``."""
    base.check_tag(tag)
    layout = base.resolve_layout(layout, array)
    if isinstance(max_channels, bool) or not isinstance(max_channels, numbers.Integral):
        raise TypeError(f"max_channels must be an integer, got {max_channels!r}")
    if max_channels < 1:
        raise ValueError(f"max_channels must be >= 1, got {max_channels}")
    data = reduce.check_array(array, "array", ranks=(1, 2, 3, 4))
    # A one-dimensional output ([N, L, C]) is one [channels, positions] matrix per
    # sample: pooled to the dense map's grid.
    grid = reduce.check_grid(
        max_grid or (DEFAULT_DENSE_GRID if data.ndim <= 3 else DEFAULT_CHANNEL_GRID)
    )
    if data.ndim >= 3:
        if isinstance(sample, bool) or not isinstance(sample, numbers.Integral):
            raise TypeError(f"sample must be an integer, got {sample!r}")
        if not 0 <= sample < data.shape[0]:
            raise ValueError(
                f"sample must be in [0, {data.shape[0]}) for a batch of shape {data.shape}, "
                f"got {sample}"
            )
    md = _metadata(data.shape, int(sample), int(max_channels), grid, layout)
    return Prepared(
        tag,
        NAME,
        functools.partial(_build, tag, md, data, int(sample), int(max_channels), grid, layout),
        md,
        data.nbytes,
    )


def _metadata(
    shape: Tuple[int, ...], sample: int, max_channels: int, grid: Tuple[int, int], layout: str
) -> bytes:
    """An activation map's serialised metadata: one sample's shape (the batch size may
    vary between steps; metadata must not), its form, layout and pooling."""
    sample_shape = list(shape[1:]) if len(shape) >= 2 else list(shape)
    content: Dict[str, Any] = dict(
        sample_shape=sample_shape,
        form="dense" if len(shape) <= 2 else "channels",
        layout=layout,
        pool="max_abs",
        max_grid=list(grid),
    )
    if len(shape) >= 3:
        channels = shape[-1] if layout == "channels_last" else shape[1]
        content.update(sample=sample, channels=int(channels), max_channels=max_channels)
    if len(shape) == 3:  # one-dimensional: the channels pooled, not cut to max_channels
        content.update(channels_pooled=True)
    return metadata.serialized_summary_metadata(NAME, **content)


def _build(
    tag: str,
    md: bytes,
    data: np.ndarray,
    sample: int,
    max_channels: int,
    grid: Tuple[int, int],
    layout: str,
) -> SummaryTensor:
    if data.ndim <= 2:
        maps = data.reshape(1, -1) if data.ndim == 1 else data
    else:
        one = data[sample]
        if layout == "channels_last":  # (L, C) or (H, W, C) -> channels first
            one = np.moveaxis(one, -1, 0)
        if one.ndim == 2:  # 1-D conv / sequence: [C, L] pooled to grid -> [C', 1, L']
            maps = reduce.pool_max_abs(one, grid)[0][:, None, :]  # fits grid: pooled once
        else:
            maps = one[:max_channels]
    pooled, _ = reduce.pool_max_abs(maps, grid)
    return SummaryTensor(tag, md, np.ascontiguousarray(pooled, dtype=np.float32))


def activation_map(tag: str, array: Any, **kwargs: Any) -> summary_pb2.Summary:
    """A layer's output as a heatmap.

    Args:
      tag: e.g. ``"conv2d"``.
      array: ``[samples, units]`` (dense; stored as is, pooled to
        ``max_grid``, default 256x256), ``[N, H, W, C]`` (conv, Keras layout;
        ``[N, C, H, W]`` with ``layout="channels_first"``, automatic for
        torch), stored for one ``sample`` as ``[C, h, w]`` with at most
        ``max_channels`` channels, each pooled to ``max_grid`` (default
        64x64), or ``[N, L, C]`` / ``[N, C, L]`` (sequences, 1-D convs),
        stored for one ``sample`` as ``[C', 1, L']``: all channels and
        positions pooled to ``max_grid`` (default 256x256; ``max_channels``
        does not apply).

    Returns:
      A ``Summary`` proto with one tensor value.
    """
    return prepare(tag, array, **kwargs).build().to_proto()


def record(
    sink: Any,
    tag: str,
    array: Any,
    step: int,
    *,
    sample: int = 0,
    max_channels: int = 64,
    max_grid: Optional[Tuple[int, int]] = None,
    layout: str = "auto",
    wall_time: Optional[float] = None,
) -> None:
    """Records a layer's output as a heatmap at ``step``.

    Example:
        >>> w.activation_map("conv2d", feature_maps, step=100)  # doctest: +SKIP

    See ``tbviz_plugin.summary.activation_map`` for layouts.
    """
    prepared = prepare(
        tag, array, sample=sample, max_channels=max_channels, max_grid=max_grid, layout=layout
    )
    sink.send(prepared, step, wall_time)


def _png(array: np.ndarray, content: Dict[str, Any], title: str, out: str) -> None:
    if array.ndim == 3 and array.shape[1] == 1:  # a sequence: positions x channels
        figure.matrix_heatmap(
            array[:, 0, :].T,
            out,
            title=title,
            x_label="channel",
            y_label="position",
            value_label="activation",
        )
    elif array.ndim == 3:  # the channels, one tile each
        figure.channel_tiles(array, out, title=title, value_label="activation")
    else:
        figure.matrix_heatmap(
            array, out, title=title, x_label="unit", y_label="sample", value_label="activation"
        )


KIND = base.Kind(
    name=NAME,
    prepare=prepare,
    methods={"activation_map": record},
    tf_summary=True,
    tensor_matches=lambda content, array: array.ndim in (2, 3),
    export=base.step_exporter(_png),
)

"""``weight_surface``: a weight or gradient matrix as a ``[rows, cols]`` surface.

Tag ``<layer>/<param>``; a 2-D float32 tensor max-abs pooled to at most
``max_grid`` (default 256x256); content: the original ``shape``, the
``matrix_shape`` it is shown as, its ``form``, ``pool``, ``max_grid`` and
``quantity`` (``weight`` or ``grad``). Conv kernels are flattened to
``[kh*kw*in, out]``, vectors to ``[1, n]`` (``surface_layout``).

Example:
    >>> s = weight_surface("dense/kernel", np.ones((784, 128)))
    >>> [d.size for d in s.value[0].tensor.tensor_shape.dim]
    [196, 128]
"""

from __future__ import annotations

import functools
import math
from typing import Any, Dict, Optional, Sequence, Tuple

import numpy as np
from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import figure, metadata, reduce, snapshots
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "weight_surface"
DEFAULT_SURFACE_GRID = (256, 256)
QUANTITIES = ("weight", "grad")
_FLOAT32 = np.dtype(np.float32)

# Checked (tag, quantity, max_grid, layout) -> the grid: a training loop logs
# the same few tags with the same arguments at every step, so each
# combination is validated once (bounded: cleared when full).
_CHECKED_ARGS: Dict[Tuple[Any, ...], Tuple[int, int]] = {}
_MAX_CHECKED = 4096


def _check_args(tag: Any, quantity: Any, max_grid: Any, layout: Any) -> Tuple[int, int]:
    """The validated grid of ``prepare``'s arguments (raises on bad ones)."""
    # Only plain str and tuple keys, equal only to values that validate alike
    # ((2.0, 3) passes as (2, 3)); a tuple holding a list is unhashable.
    key = None
    if type(tag) is str and type(quantity) is str and type(layout) is str:
        if type(max_grid) is tuple:
            key = (tag, quantity, max_grid, layout)
            try:
                grid = _CHECKED_ARGS.get(key)
            except TypeError:
                grid = key = None
            if grid is not None:
                return grid
    base.check_tag(tag)
    base.check_choice(quantity, "quantity", QUANTITIES)
    grid = reduce.check_grid(max_grid)
    base.check_choice(layout, "layout", base.LAYOUTS)
    if key is not None:
        if len(_CHECKED_ARGS) >= _MAX_CHECKED:
            _CHECKED_ARGS.clear()
        _CHECKED_ARGS[key] = grid
    return grid


def prepare(
    tag: str,
    array: Any,
    *,
    quantity: str = "weight",
    max_grid: Tuple[int, int] = DEFAULT_SURFACE_GRID,
    layout: str = "auto",
) -> Prepared:
    """Validates a weight or gradient array; see ``weight_surface``.

    The array is copied on the caller's thread (the snapshot: training may
    change it in place right after) and reshaped and pooled by ``build()`` on
    the writer's thread: pooling straight from the caller's array would save
    the copy but read the array twice on the training loop's thread.
    """
    grid = _check_args(tag, quantity, max_grid, layout)
    if type(array) is np.ndarray and array.dtype == _FLOAT32 and 0 < array.ndim <= 5 and array.size:
        if layout == "auto":
            layout = "channels_last"  # numpy: Keras' order
        # The snapshot (C order), as check_array takes it, in a recycled buffer
        # that a writer may give back once the record is written.
        data = snapshots.copy_of(array)
        snapshot: Optional[np.ndarray] = data
    else:
        layout = base.resolve_layout(layout, array)
        data = reduce.check_array(array, "array", ranks=(1, 2, 3, 4, 5))
        snapshot = None
    matrix_shape, form = surface_layout(data.shape, layout)
    md = _metadata(quantity, data.shape, matrix_shape, form, grid)
    return Prepared(
        tag,
        NAME,
        functools.partial(_build, tag, md, data, grid, layout),
        md,
        data.nbytes,
        snapshot,
    )


def surface_layout(
    shape: Sequence[Optional[int]], layout: str
) -> Optional[Tuple[Tuple[int, int], str]]:
    """``(matrix_shape, form)``: the ``[rows, cols]`` matrix a weight of ``shape``
    is shown as, for ``layout`` ``"channels_last"`` (Keras) or ``"channels_first"``
    (PyTorch); None for shapes a surface does not take (0-D, more than 5-D,
    empty, or of unknown size). The one statement of the layout rule: the
    integrations that pool on the device use it too.

    Example:
        >>> surface_layout((3, 3, 16, 32), "channels_last")
        ((144, 32), 'kernel_channels_last')
        >>> surface_layout((32, 16, 3, 3), "channels_first")
        ((144, 32), 'kernel_channels_first')
    """
    if not 1 <= len(shape) <= 5 or any(n is None or n <= 0 for n in shape):
        return None
    shape = tuple(int(n) for n in shape)
    if len(shape) == 1:
        return (1, shape[0]), "vector"
    if layout == "channels_last":  # Dense (in, out); conv (kh, kw, in, out) -> [kh*kw*in, out]
        return (math.prod(shape[:-1]), shape[-1]), (
            "matrix" if len(shape) == 2 else "kernel_channels_last"
        )
    # PyTorch (out, in, k...) -> [in*k..., out], like every other kind
    form = "matrix_channels_first" if len(shape) == 2 else "kernel_channels_first"
    return (math.prod(shape[1:]), shape[0]), form


def _matrix(data: np.ndarray, layout: str) -> np.ndarray:
    """The ``[rows, cols]`` matrix (a view of ``data``) a surface shows."""
    (rows, cols), form = surface_layout(data.shape, layout)
    if form.endswith("channels_first"):  # (out, in, k...): its [out, in*k...] transposed
        return data.reshape(cols, rows).T
    return data.reshape(rows, cols)


def _build(
    tag: str, md: bytes, data: np.ndarray, grid: Tuple[int, int], layout: str
) -> SummaryTensor:
    pooled, _ = reduce.pool_max_abs(_matrix(data, layout), grid)
    return SummaryTensor(tag, md, np.ascontiguousarray(pooled, dtype=np.float32))


def prepare_pooled(
    tag: str,
    pooled: np.ndarray,
    *,
    shape: Sequence[int],
    matrix_shape: Sequence[int],
    form: str,
    grid: Tuple[int, int] = DEFAULT_SURFACE_GRID,
) -> Prepared:
    """The summary ``prepare`` makes for a weight of ``shape``, from its matrix
    already max-abs pooled elsewhere (on the device), so that the full weights
    never reach the host: the same metadata (original ``shape``, ``matrix_shape``,
    ``form``, pool and grid), ``pooled`` as the tensor. ``pooled`` must be a
    private array: a float32 C-ordered one is sent as is.

    Example:
        >>> p = prepare_pooled("w", np.ones((2, 2), np.float32), shape=[2, 2],
        ...                    matrix_shape=[2, 2], form="matrix")
        >>> p.metadata_bytes == prepare("w", np.ones((2, 2), np.float32)).metadata_bytes
        True
    """
    md = _metadata(
        "weight",
        tuple(int(n) for n in shape),
        tuple(int(n) for n in matrix_shape),
        form,
        tuple(int(n) for n in grid),
    )
    built = SummaryTensor(tag, md, np.ascontiguousarray(pooled, dtype=np.float32))
    return Prepared(tag, NAME, lambda: built, md, built.array.nbytes)


@functools.lru_cache(maxsize=1024)
def _metadata(
    quantity: str,
    shape: Tuple[int, ...],
    matrix_shape: Tuple[int, ...],
    form: str,
    grid: Tuple[int, int],
) -> bytes:
    """A surface's serialised metadata, once per distinct layer (JSON costs ~10 µs)."""
    return metadata.serialized_summary_metadata(
        NAME,
        quantity=quantity,
        shape=list(shape),
        matrix_shape=list(matrix_shape),
        form=form,
        pool="max_abs",
        max_grid=list(grid),
    )


def weight_surface(tag: str, array: Any, **kwargs: Any) -> summary_pb2.Summary:
    """A weight or gradient matrix as a ``[rows, cols]`` surface.

    Args:
      tag: e.g. ``"dense_1/kernel"``.
      array: 1-D (a bias, shown as ``[1, n]``), 2-D, or a 3-D..5-D conv kernel,
        flattened to ``[k*in, out]`` (Keras layout) or from PyTorch's
        ``(out, in, k...)`` (``layout="channels_first"``, automatic for torch).
      quantity: ``"weight"`` or ``"grad"``.
      max_grid: at most this many ``(rows, cols)``; larger matrices are
        max-abs pooled (see ``tbviz_plugin.reduce``).
      layout: ``"auto"``, ``"channels_last"`` or ``"channels_first"``.

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
    quantity: str = "weight",
    max_grid: Tuple[int, int] = DEFAULT_SURFACE_GRID,
    layout: str = "auto",
    wall_time: Optional[float] = None,
) -> None:
    """Records a weight (or gradient) matrix as a 3-D surface at ``step``.

    Example:
        >>> w.weight_surface("dense/kernel", layer.kernel, step=100)  # doctest: +SKIP

    See ``tbviz_plugin.summary.weight_surface`` for shapes and pooling.
    """
    sink.send(
        prepare(tag, array, quantity=quantity, max_grid=max_grid, layout=layout), step, wall_time
    )


def _png(array: np.ndarray, content: Dict[str, Any], title: str, out: str) -> None:
    figure.matrix_heatmap(
        array,
        out,
        title=title,
        x_label="output unit",
        y_label="input",
        value_label=content.get("quantity", "weight"),
        matrix_shape=content.get("matrix_shape"),
    )


KIND = base.Kind(
    name=NAME,
    prepare=prepare,
    methods={"weight_surface": record},
    tf_summary=True,
    tensor_matches=lambda content, array: array.ndim == 2,
    export=base.step_exporter(_png),
)

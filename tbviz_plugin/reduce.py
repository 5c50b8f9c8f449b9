"""Array intake, pooling to a bounded grid, and per-layer statistics.

Everything here takes numpy arrays (``as_numpy`` converts torch, TensorFlow and
JAX arrays without importing those libraries) and is pure: no I/O, no state.

Pooling op: **signed max-abs pooling**. Each output cell holds the element of
its block with the largest absolute value, sign kept. Mean pooling would blur a
single exploding weight into its neighbours (a 1e3 spike in a 16x16 block shows
as ~4); plain max pooling would hide negative spikes. Max-abs keeps both, and
NaN and Inf win their block (NaN first), so a bad value is never pooled away.

Example:
    >>> import numpy as np
    >>> a = np.zeros((512, 512), np.float32); a[100, 7] = -9.0
    >>> p, block = pool_max_abs(a, (256, 256))
    >>> p.shape, block, float(p.min())
    ((256, 256), (2, 2), -9.0)
"""

from __future__ import annotations

import math
from typing import Any, Dict, Optional, Sequence, Tuple

import numpy as np

GRADIENT_STATS = ("mean_abs", "max_abs", "l2", "rms", "nan_count", "inf_count", "zero_frac")
WEIGHT_STATS = ("weight_l2", "update_ratio")
_FLOAT32 = np.dtype(np.float32)


def as_numpy(value: Any, name: str) -> np.ndarray:
    """Converts numpy / torch / TensorFlow / JAX arrays (or lists) to numpy.

    Never imports torch, tensorflow or jax: a torch tensor is recognised by its
    ``detach`` method, the others by ``numpy()`` / ``__array__``.

    Raises:
      TypeError: ``value`` is not an array of real numbers; names ``name``.
    """
    return _to_numpy(value, name)[0]


def _to_numpy(value: Any, name: str) -> Tuple[np.ndarray, bool]:
    """``as_numpy``, and whether the array is a fresh copy that nothing else holds.

    Fresh: a torch tensor brought from another device (``.cpu()`` copied it) or
    converted from a half type, and a TensorFlow tensor (``.numpy()`` copies).
    ``check_array`` need not copy those once more.
    """
    if isinstance(value, np.ndarray):
        array, fresh = value, False
    elif value is None:
        raise TypeError(
            f"{name} is None, not an array (a parameter's gradient is None until backward() "
            "has reached it; log after loss.backward(), or leave the parameter out)"
        )
    elif hasattr(value, "detach") and hasattr(value, "cpu"):  # torch.Tensor
        tensor = value.detach()
        fresh = getattr(getattr(tensor, "device", None), "type", "cpu") != "cpu"
        if str(getattr(tensor, "dtype", "")) in ("torch.bfloat16", "torch.float16"):
            tensor, fresh = tensor.float(), True
        array = tensor.cpu().numpy()
    elif hasattr(value, "numpy") and callable(value.numpy):  # tf.Tensor / Variable
        array = np.asarray(value.numpy())
        fresh = (
            type(value).__module__.startswith("tensorflow")
            and array.flags.owndata
            and array.base is None
        )
    else:
        fresh = False
        try:
            array = np.asarray(value)
        except Exception as e:  # e.g. ragged nested lists
            raise TypeError(
                f"{name} must be an array of numbers, got {type(value).__name__}: {e}"
            ) from None
    if array.dtype.kind not in "biuf":
        raise TypeError(
            f"{name} must hold real numbers (bool, int or float), got dtype {array.dtype}"
        )
    return array, fresh


def check_array(value: Any, name: str, ranks: Sequence[int]) -> np.ndarray:
    """``as_numpy`` plus rank and emptiness checks, returning float32.

    Returns a fresh float32 array (never a view of the caller's buffer), so the
    caller may go on mutating its weights while a background thread encodes.
    """
    if (
        type(value) is np.ndarray
        and value.dtype == _FLOAT32
        and value.ndim in ranks
        and value.size
        and value.flags.c_contiguous
    ):
        return value.copy()  # the common case: one memcpy, no other Python work
    array, fresh = _to_numpy(value, name)
    if array.ndim not in ranks:
        raise ValueError(
            f"{name} must have rank {' or '.join(map(str, ranks))}, got shape {array.shape}"
        )
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}); nothing to record")
    if fresh and array.dtype == np.float32 and array.flags.c_contiguous and array.flags.writeable:
        return array  # already a private copy (from a GPU, or TensorFlow's .numpy())
    return np.array(array, dtype=np.float32, copy=True, order="C")


def check_grid(max_grid: Any, name: str = "max_grid") -> Tuple[int, int]:
    """Validates a ``(rows, cols)`` bound."""
    if type(max_grid) is tuple and len(max_grid) == 2:  # the common case, fast
        rows, cols = max_grid
        if type(rows) is int and type(cols) is int and rows >= 1 and cols >= 1:
            return max_grid
    try:
        rows, cols = (int(v) for v in max_grid)
        ok = all(float(v) == int(v) for v in max_grid)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a pair of positive integers, got {max_grid!r}") from None
    if not ok or rows < 1 or cols < 1:
        raise ValueError(f"{name} must be a pair of positive integers, got {max_grid!r}")
    return rows, cols


def pool_max_abs(
    array: np.ndarray, max_grid: Tuple[int, int]
) -> Tuple[np.ndarray, Tuple[int, int]]:
    """Pools the last two axes of ``array`` to at most ``max_grid`` cells.

    Each cell holds its block's element of largest absolute value, sign kept;
    a NaN wins its block, then an Inf. When ``x`` and ``-x`` tie for the
    largest magnitude, ``x >= 0`` wins (as the Keras integration's in-graph
    pooling does). Blocks are ``ceil(n / max)`` wide; a ragged last block is
    padded with zeros, which never beat a real element's absolute value
    except when all are zero.

    Computed as the block's maximum and minimum (numpy's vectorised
    reductions, NaN propagating), whichever has the larger magnitude: about
    ten times faster than an ``argmax`` over ``|block|``.

    Returns:
      ``(pooled, (block_rows, block_cols))``: ``pooled`` a new array, or
      ``array`` itself when it fits.

    Example:
        >>> a = np.array([[1, -3, 2, 2], [0, 2, -2, 0]], np.float32)
        >>> pool_max_abs(a, (1, 2))[0].tolist()
        [[-3.0, 2.0]]
    """
    rows, cols = array.shape[-2:]
    out_r, br, out_c, bc = pooled_grid_shape(rows, cols, max_grid)
    if br == 1 and bc == 1:
        return array, (1, 1)
    lead = array.shape[:-2]
    # Integers (and bools) are compared as float64, where -x never overflows.
    work = array if array.dtype.kind == "f" else array.astype(np.float64)
    if out_r * br != rows or out_c * bc != cols:  # zeros, never the largest magnitude
        padded = np.zeros(lead + (out_r * br, out_c * bc), dtype=work.dtype)
        padded[..., :rows, :cols] = work
        work = padded
    # Rows of each block first: each step is a vectorised pass over whole
    # contiguous rows, and it halves the data for the column step. A
    # column-major array (a transposed matrix) is pooled as its transpose.
    transposed = work.strides[-2] < work.strides[-1]
    row_block, col_block = (bc, br) if transposed else (br, bc)
    if transposed:
        work = work.swapaxes(-1, -2)
    high, low = _blocks(work, np.maximum, row_block, -2), _blocks(work, np.minimum, row_block, -2)
    high, low = _blocks(high, np.maximum, col_block, -1), _blocks(low, np.minimum, col_block, -1)
    with np.errstate(invalid="ignore", over="ignore"):  # inf + -inf; float32 overflow
        sign = high + low  # < 0 exactly when -low > high: low wins
        # ``low`` is a new array (one of the steps pooled), so it is negated in place.
        pooled = np.negative(low, out=low)
        np.maximum(pooled, high, out=pooled)  # NaN propagates
        np.copysign(pooled, sign, out=pooled)
    if np.isnan(sign.min()):
        # ``sign`` is NaN for a block holding NaN (``pooled`` is NaN there,
        # as it should be) and for one holding both Inf and -Inf, where the
        # NaN's sign bit is the CPU's choice: the tie rule says +Inf.
        pooled[np.isnan(sign) & ~np.isnan(pooled)] = np.inf
    if transposed:
        pooled = pooled.swapaxes(-1, -2)
    return pooled.astype(array.dtype, copy=False), (br, bc)


def pooled_grid_shape(rows: int, cols: int, grid: Tuple[int, int]) -> Tuple[int, int, int, int]:
    """``(out_rows, block_rows, out_cols, block_cols)`` of ``pool_max_abs`` for a
    ``[rows, cols]`` matrix: blocks ``ceil(n / max)`` wide. The integrations that
    pool on the device use it too, so their grids are the writer's.

    Example:
        >>> pooled_grid_shape(513, 600, (256, 256))
        (171, 3, 200, 3)
    """
    br = max(1, math.ceil(rows / grid[0]))
    bc = max(1, math.ceil(cols / grid[1]))
    return math.ceil(rows / br), br, math.ceil(cols / bc), bc


def _blocks(array: np.ndarray, op: np.ufunc, width: int, axis: int) -> np.ndarray:
    """``op`` (maximum or minimum) over each run of ``width`` along ``axis`` (-1 or -2)."""
    if width == 1:
        return array
    if width > 64:  # a long run: one numpy reduction
        shape = array.shape
        if axis == -1:
            return op.reduce(array.reshape(shape[:-1] + (-1, width)), axis=-1)
        return op.reduce(array.reshape(shape[:-2] + (-1, width, shape[-1])), axis=-2)

    # Otherwise ``width`` whole-array steps over strided views: numpy reduces a
    # short last axis one output at a time (about 100 ns each), far slower.
    def nth(k: int) -> np.ndarray:
        every = slice(k, None, width)
        return array[..., every, :] if axis == -2 else array[..., every]

    out = op(nth(0), nth(1))
    for k in range(2, width):
        op(out, nth(k), out=out)
    return out


def layer_stats(grad: np.ndarray) -> Dict[str, float]:
    """Gradient statistics of one layer (see ``GRADIENT_STATS``).

    Magnitudes are over finite elements only, so a single NaN does not hide the
    layer's scale; NaN and Inf are counted separately.
    """
    flat = np.asarray(grad, dtype=np.float64).ravel()
    finite_mask = np.isfinite(flat)
    nan_count = int(np.isnan(flat).sum())
    inf_count = int(flat.size - finite_mask.sum() - nan_count)
    finite = flat[finite_mask] if nan_count or inf_count else flat
    if finite.size == 0:
        mean_abs = max_abs = l2 = rms = zero_frac = math.nan
    else:
        absolute = np.abs(finite)
        l2 = float(math.sqrt(float(np.dot(finite, finite))))
        mean_abs = float(absolute.mean())
        max_abs = float(absolute.max())
        rms = l2 / math.sqrt(finite.size)
        zero_frac = float((finite == 0).sum()) / flat.size
    return {
        "mean_abs": mean_abs,
        "max_abs": max_abs,
        "l2": l2,
        "rms": rms,
        "nan_count": float(nan_count),
        "inf_count": float(inf_count),
        "zero_frac": zero_frac,
    }


def weight_stats(weight: np.ndarray, prev_weight: Optional[np.ndarray]) -> Dict[str, float]:
    """``weight_l2`` and ``update_ratio`` = ||w - w_prev|| / ||w_prev|| (NaN without prev)."""
    w = np.asarray(weight, dtype=np.float64).ravel()
    weight_l2 = float(np.linalg.norm(w))
    update_ratio = math.nan
    if prev_weight is not None:
        p = np.asarray(prev_weight, dtype=np.float64).ravel()
        if p.shape != w.shape:
            raise ValueError(
                f"prev_weights has {p.size} elements but weights has {w.size} for the same layer"
            )
        prev_l2 = float(np.linalg.norm(p))
        update_ratio = float(np.linalg.norm(w - p)) / prev_l2 if prev_l2 > 0 else math.nan
    return {"weight_l2": weight_l2, "update_ratio": update_ratio}

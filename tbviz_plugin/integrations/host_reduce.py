"""A gradient-flow row's sums and the pooled surfaces with numpy, for arrays that are
in host memory: JAX on CPU devices and Keras on TensorFlow's CPU read them in
place, so a log costs a few vectorised passes over the arrays and nothing to
trace or compile.

Example:
    >>> import numpy as np
    >>> row = partials([np.array([3.0, -4.0, 0.0], np.float32)])
    >>> [float(x) for x in row]  # sum|g|, max|g|, sum (g/max)^2, finite, NaN, size, zeros
    [7.0, 4.0, 1.5625, 3.0, 0.0, 3.0, 1.0]
"""

from __future__ import annotations

import collections
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from tbviz_plugin import reduce, summary
from tbviz_plugin.integrations import common

# The fast sums are trusted while the largest magnitude lies in this range:
# float32 squares of the elements then neither overflow nor underflow.
FAST_SQUARES_RANGE = (1e-15, 1e15)


def fast_sums_trusted(sum_abs: Any, max_abs: Any, sumsq: Any) -> Any:
    """Whether fast sums (``sum |g|``, ``max |g|``, ``sum g²``; numbers or arrays of
    them) can be trusted: all finite, and the largest magnitude zero or within
    ``FAST_SQUARES_RANGE``. Else the exact form (NaN and Inf counted apart,
    squares scaled before they are taken) must run.

    Example:
        >>> bool(fast_sums_trusted(3.0, 2.0, 5.0)), bool(fast_sums_trusted(1e-30, 1e-30, 0.0))
        (True, False)
    """
    low, high = FAST_SQUARES_RANGE
    max_abs = np.asarray(max_abs)
    finite = np.isfinite(sum_abs) & np.isfinite(max_abs) & np.isfinite(sumsq)
    return finite & ((max_abs == 0) | ((max_abs >= low) & (max_abs <= high)))


_scratch = threading.local()

# A row that reads at least this many elements is summed on two threads (numpy's
# loops and BLAS release the GIL, and training waits for the row anyway); below
# it, handing layers to a thread costs more than it saves.
PARALLEL_MIN_ELEMENTS = 1 << 18
_helper: Optional[Tuple[int, ThreadPoolExecutor]] = None  # (the process that made it, it)
_helper_lock = threading.Lock()


def _scratch_like(a: np.ndarray, dtype: Any) -> np.ndarray:
    """A reused 1-D buffer of ``a.size`` elements of ``dtype`` for one pass's temporary:
    a fresh large array would fault its pages in at every row."""
    key = np.dtype(dtype).char
    buffer = getattr(_scratch, key, None)
    if buffer is None or buffer.size < a.size:
        buffer = np.empty(a.size, dtype)
        setattr(_scratch, key, buffer)
    return buffer[: a.size]


def as_float32(leaf: Any) -> np.ndarray:
    """The leaf as a flat float32 numpy array: a view of a float32 array in host
    memory (no copy), a float32 copy of other dtypes."""
    return np.asarray(leaf).astype(np.float32, copy=False).reshape(-1)


def partials(leaves: Sequence[Any]) -> Tuple[float, ...]:
    """One layer's ``common.Partial`` row from its gradients: the fast form while the
    sums are finite and the magnitudes moderate, else the exact form (NaN and Inf
    counted apart, magnitudes over the finite elements, squares scaled by the
    largest before they are taken)."""
    grads = [as_float32(leaf) for leaf in leaves]
    n = sum(g.size for g in grads)
    zeros = 0
    sum_abs, max_abs, sumsq = 0.0, 0.0, 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        for g in grads:
            if not g.size:
                continue
            zeros += int(np.count_nonzero(np.equal(g, 0, out=_scratch_like(g, np.bool_))))
            sum_abs += float(np.abs(g, out=_scratch_like(g, np.float32)).sum(dtype=np.float32))
            max_abs = max(max_abs, float(g.max()), -float(g.min()))
            sumsq += float(np.dot(g, g))
    if fast_sums_trusted(sum_abs, max_abs, sumsq):
        scale = max_abs if max_abs > 0 else 1.0
        return (sum_abs, max_abs, sumsq / scale / scale, n, 0.0, n, zeros)
    return _exact_partials(grads, n, zeros)


def _exact_partials(grads: List[np.ndarray], n: int, zeros: int) -> Tuple[float, ...]:
    finite_count, nan_count, sum_abs, top = 0, 0, 0.0, 0.0
    finite_abs = []
    for g in grads:
        finite = np.isfinite(g)
        a = np.where(finite, np.abs(g), np.float32(0))
        finite_abs.append(a)
        finite_count += int(np.count_nonzero(finite))
        nan_count += int(np.count_nonzero(np.isnan(g)))
        sum_abs += float(a.sum(dtype=np.float64))
        top = max(top, float(np.max(a, initial=0.0)))
    scale = np.float32(top if top > 0 else 1.0)
    sumsq_scaled = sum(float(np.square(a / scale).sum(dtype=np.float32)) for a in finite_abs)
    return (sum_abs, top, sumsq_scaled, finite_count, nan_count, n, zeros)


def weight_sums(weights: Sequence[Any], prev: Sequence[Any]) -> List[float]:
    """One layer's ``common.WeightSum`` row: ``sum w²``, ``sum (w - w_prev)²``,
    ``sum w_prev²`` over its weights and their values at the previous row."""
    out = [0.0, 0.0, 0.0]
    with np.errstate(over="ignore", invalid="ignore"):
        for w, p in zip(weights, prev):
            w, p = as_float32(w), as_float32(p)
            change = np.subtract(w, p, out=_scratch_like(w, np.float32))
            out[0] += float(np.dot(w, w))
            out[1] += float(np.dot(change, change))
            out[2] += float(np.dot(p, p))
    return out


def pooled_surface(leaf: Any) -> np.ndarray:
    """A channels-last weight's surface matrix (Keras and JAX kernels: Dense ``(in,
    out)``, conv ``(kh, kw, in, out)``) max-abs pooled as ``Writer.weight_surface``
    pools it (``reduce.pool_max_abs``), always a new array."""
    weight = np.asarray(leaf).astype(np.float32, copy=False)
    (rows, cols), _ = summary.surface_layout(tuple(weight.shape), "channels_last")
    m = weight.reshape(rows, cols)
    pooled, _ = reduce.pool_max_abs(m, summary.DEFAULT_SURFACE_GRID)
    return np.array(pooled) if np.may_share_memory(pooled, m) else pooled


LayerArrays = Tuple[Optional[Sequence[Any]], Sequence[Any], Sequence[Any]]


def layer_rows(layers: Sequence[LayerArrays], keep: bool = False) -> Tuple[np.ndarray, np.ndarray]:
    """A gradient-flow row's tables from each layer's ``(gradients or None, weights,
    weights at the previous row)``: ``[layers, common.Partial]`` (``partials``, or
    ``common.NO_GRADIENT``) and ``[layers, common.WeightSum]`` (``weight_sums``).
    ``keep``: the previous weights are float32 arrays of the weights' size, and
    each weight is copied into its own once summed (a framework that updates its
    weights in place: PyTorch); an array that several layers share (tied
    weights) after all of them are summed. A large row is split in two halves of
    about equal size, one summed on a helper thread while the caller sums the other.

    Example:
        >>> w = np.ones(4, np.float32)
        >>> flow, sums = layer_rows([([w], [w], [w]), (None, [w], [w])])
        >>> flow.shape, sums[1].tolist()
        ((2, 7), [4.0, 0.0, 4.0])
    """
    flow = np.empty((len(layers), len(common.Partial)))
    sums = np.empty((len(layers), len(common.WeightSum)))
    users = collections.Counter(id(p) for _, _, prev in layers for p in prev) if keep else {}
    shared = {}  # id -> (weight, previous) of arrays that several layers read

    def fill(indices: Sequence[int]) -> None:
        for i in indices:
            grads, weights, prev = layers[i]
            flow[i] = partials(grads) if grads else common.NO_GRADIENT
            sums[i] = weight_sums(weights, prev)
            for w, p in zip(weights, prev) if keep else ():
                if users[id(p)] > 1:
                    shared[id(p)] = (w, p)
                else:
                    np.copyto(p.reshape(-1), as_float32(w))

    def keep_shared() -> None:
        for w, p in shared.values():
            np.copyto(p.reshape(-1), as_float32(w))

    sizes = [sum(np.size(a) for a in [*(grads or ()), *weights]) for grads, weights, _ in layers]
    helper = _helper_thread() if sum(sizes) >= PARALLEL_MIN_ELEMENTS else None
    if helper is None:
        fill(range(len(layers)))
        keep_shared()
        return flow, sums
    halves: Tuple[List[int], List[int]] = ([], [])
    loads = [0, 0]
    for i in sorted(range(len(layers)), key=lambda i: -sizes[i]):  # the larger first
        lighter = 0 if loads[0] <= loads[1] else 1
        halves[lighter].append(i)
        loads[lighter] += sizes[i]
    other = helper.submit(fill, halves[1])
    try:
        fill(halves[0])
    finally:  # the helper's half is done (or its error raised) before anything else
        other.result()
    keep_shared()
    return flow, sums


def _helper_thread() -> Optional[ThreadPoolExecutor]:
    """One worker thread for ``layer_rows``, made once per process (a forked child,
    a data loader's worker, makes its own); None on a single core."""
    global _helper
    if (os.cpu_count() or 1) < 2:
        return None
    with _helper_lock:
        if _helper is None or _helper[0] != os.getpid():
            _helper = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="tbviz-rows"))
        return _helper[1]

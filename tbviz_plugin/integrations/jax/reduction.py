"""The statistics and pooled surfaces a JAX log writes, reduced where the arrays are:
one jitted ``jax.numpy`` function on an accelerator, numpy in place on the host.

Example::

    partials, weight_sums, pooled, copies = reduce_on_device(
        weights, grads, prev, groups=((0, 1), (2, 3)), surfaces=(0, 2), sums=True
    )
"""

from __future__ import annotations

import functools
from typing import Any, Callable, List, NamedTuple, Optional, Sequence, Tuple

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tbviz_plugin import reduce, summary
from tbviz_plugin.integrations import common, host_reduce


def surface_spec(shape: Tuple[int, ...]) -> Optional[Tuple[Tuple[int, int], str]]:
    """``(matrix_shape, form)`` of a leaf's surface (JAX kernels are channels last:
    Dense ``(in, out)``, Conv ``(kh, kw, in, out)``); None for shapes it cannot show."""
    return summary.surface_layout(shape, "channels_last")


class _ArrayLibrary(NamedTuple):
    """The functions a log's reduction runs with: ``jax.numpy`` on the device (traced
    into one jitted call), numpy on arrays in host memory (nothing to compile)."""

    partials: Callable[[List[Any]], Any]  # one layer's gradients -> common.Partial
    weight_sums: Callable[[List[Any], List[Any]], Any]  # weights, prev -> common.WeightSum
    pooled_surface: Callable[[Any], Any]  # a leaf -> its pooled surface
    no_gradient: Callable[[], Any]  # the row of a layer without gradients
    table: Callable[[List[Any]], Any]  # rows -> one [rows, columns] array
    no_sums: Callable[[int], Any]  # zeros for the weight sums of n layers, when not asked for
    float32_copy: Callable[[Any], Any]  # a new float32 array of a leaf


def _reduce_layers(
    library: _ArrayLibrary,
    weights: tuple,
    grads: Optional[tuple],
    prev: tuple,
    *,
    groups: Tuple[Tuple[int, ...], ...],
    surfaces: Tuple[int, ...],
    sums: bool,
) -> tuple:
    """Everything a log needs from the arrays, reduced with ``library``.

    Returns ``(partials [layers, common.Partial], weight sums [layers,
    common.WeightSum], pooled surfaces of the leaves ``surfaces``, float32
    copies of the weights)``: the copies are the next log's ``prev``, so a
    jitted train step that donates its params cannot delete them, and on the
    host no view of a leaf's buffer outlives the call.
    """
    rows, weight_rows = [], []
    for group in groups:
        if grads is None:
            rows.append(library.no_gradient())
        else:
            rows.append(library.partials([grads[k] for k in group]))
        if sums:
            layer_weights = [weights[k] for k in group]
            weight_rows.append(library.weight_sums(layer_weights, [prev[k] for k in group]))
    partial_table = library.table(rows)
    weight_table = library.table(weight_rows) if sums else library.no_sums(len(groups))
    pooled = tuple(library.pooled_surface(weights[k]) for k in surfaces)
    copies = tuple(library.float32_copy(w) for w in weights) if sums else ()
    return partial_table, weight_table, pooled, copies


def partials(grads: Sequence[Any]) -> Any:
    """The ``common.Partial`` sums of one layer's gradients.

    The fast form assumes every element is finite (sums of magnitudes and
    squares, the extremes and the zeros: XLA's CPU counts ``isfinite`` several
    times slower than these); when its sums are not finite, ``lax.cond`` runs
    the exact form instead, in the same call.
    """
    g = jnp.concatenate([jnp.ravel(t).astype(jnp.float32) for t in grads])
    n = jnp.float32(g.size)
    zeros = jnp.sum(g == 0, dtype=jnp.float32)
    sum_abs = jnp.sum(jnp.abs(g))
    max_abs = jnp.maximum(-jnp.min(g, initial=0.0), jnp.max(g, initial=0.0))
    sumsq = jnp.sum(g * g)

    def fast() -> Any:
        scale = jnp.where(max_abs > 0, max_abs, 1.0)
        return jnp.stack([sum_abs, max_abs, sumsq / scale / scale, n, 0.0, n, zeros])

    def exact() -> Any:  # NaN/Inf counted apart; magnitudes over finite elements, scaled
        finite = jnp.isfinite(g)
        a = jnp.where(finite, jnp.abs(g), 0.0)
        top = jnp.max(a, initial=0.0)
        scale = jnp.where(top > 0, top, 1.0)
        return jnp.stack(
            [
                jnp.sum(a),
                top,
                jnp.sum(jnp.square(a / scale)),
                jnp.sum(finite, dtype=jnp.float32),
                jnp.sum(jnp.isnan(g), dtype=jnp.float32),
                n,
                zeros,
            ]
        )

    return lax.cond(jnp.isfinite(sum_abs) & jnp.isfinite(sumsq), fast, exact)


def weight_sums(weights: Sequence[Any], prev: Sequence[Any]) -> Any:
    """``common.WeightSum`` of one layer: ``sum w²``, ``sum (w - w_prev)²``, ``sum w_prev²``."""
    w = jnp.concatenate([jnp.ravel(t).astype(jnp.float32) for t in weights])
    p = jnp.concatenate([jnp.ravel(t).astype(jnp.float32) for t in prev])
    return jnp.stack([jnp.sum(w * w), jnp.sum(jnp.square(w - p)), jnp.sum(p * p)])


def pooled_surface(weight: Any, grid: Tuple[int, int] = summary.DEFAULT_SURFACE_GRID) -> Any:
    """The leaf's surface matrix max-abs pooled to ``grid`` as ``reduce.pool_max_abs``
    does: each block's element of largest magnitude, sign kept; NaN wins, then Inf;
    ``x`` beats ``-x``; a ragged last block padded with zeros."""
    (rows, cols), _ = surface_spec(tuple(weight.shape))
    m = weight.astype(jnp.float32).reshape(rows, cols)
    out_r, br, out_c, bc = reduce.pooled_grid_shape(rows, cols, grid)
    if br == 1 and bc == 1:
        return m
    m = jnp.pad(m, ((0, out_r * br - rows), (0, out_c * bc - cols)))
    # Rows of each block first, then columns of the result: XLA's CPU reduces one
    # axis at a time several times faster than both axes of a 4-D view at once.
    by_rows = m.reshape(out_r, br, out_c * bc)
    high = by_rows.max(axis=1).reshape(out_r, out_c, bc).max(axis=2)
    low = by_rows.min(axis=1).reshape(out_r, out_c, bc).min(axis=2)
    # XLA's CPU max/min may drop NaN (its fast min/max), so a NaN block is marked apart.
    nan = jnp.isnan(m).reshape(out_r, br, out_c, bc).any(axis=(1, 3))
    return jnp.where(nan, jnp.nan, jnp.where(-low > high, low, high))


_ON_DEVICE = _ArrayLibrary(
    partials=partials,
    weight_sums=weight_sums,
    pooled_surface=pooled_surface,
    no_gradient=lambda: jnp.asarray(common.NO_GRADIENT, jnp.float32),
    table=jnp.stack,
    no_sums=lambda n: jnp.zeros((n, 3), jnp.float32),
    float32_copy=lambda w: w.astype(jnp.float32),
)

# The one reduction of a log on the device, jitted: traced again for each new set of layers.
reduce_on_device = jax.jit(
    functools.partial(_reduce_layers, _ON_DEVICE), static_argnames=("groups", "surfaces", "sums")
)


# --------------------------------------------------------------------------- reduction on the host


def on_host(leaves: Sequence[Any]) -> bool:
    """Whether every leaf is in host memory (a JAX array on CPU devices, or not a
    JAX array), where numpy reads it in place without a transfer."""
    for leaf in leaves:
        devices = getattr(leaf, "devices", None)
        if callable(devices) and any(d.platform != "cpu" for d in devices()):
            return False
    return True


_ON_HOST = _ArrayLibrary(
    partials=host_reduce.partials,
    weight_sums=host_reduce.weight_sums,
    pooled_surface=host_reduce.pooled_surface,
    no_gradient=lambda: common.NO_GRADIENT,
    table=lambda rows: np.asarray(rows, dtype=np.float64),
    no_sums=lambda n: np.zeros((n, 3), np.float64),
    float32_copy=lambda w: np.array(w, dtype=np.float32),
)

# The same reduction with numpy, for arrays in host memory: nothing to compile or transfer.
reduce_on_host = functools.partial(_reduce_layers, _ON_HOST)

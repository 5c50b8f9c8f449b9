"""TensorFlow reductions for the Keras callback: per-layer gradient sums, weight
pooling and the snapshot's packing, each a function of tensors (eager or traced).

Example::

    import tensorflow as tf
    table = gradient_partials(tf, [tf.constant([[3.0, -4.0]])], [0], [True], 1)

Weights and gradients of one shape are reduced as one stack (``same_shape_groups``),
so a deep stack of equal layers costs the operations of one.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

import numpy as np

from tbviz_plugin import reduce, summary
from tbviz_plugin.integrations import common, host_reduce


def pool_tf(tf: Any, value: Any, form: Tuple[Tuple[int, int], str]) -> Any:
    """``reduce.pool_max_abs`` in the graph, of a stack ``[k, *shape]`` of equal-shaped
    weights at once: ``[k, grid rows, grid cols]``. Each cell keeps its block's
    element of largest magnitude, sign kept (ragged blocks padded with zeros,
    which lose to any non-zero element), NaN first, then Inf.

    Block maxima and minima are taken in two stages, over the block's rows (a
    reduction over the row axis) and then over its columns, which is as fast
    as ``max_pool2d`` on a CPU and, unlike it, keeps NaN; no ``tf.cond``, so the
    snapshot function stays cheap to trace.
    """
    (rows, cols), _ = form
    out_r, br, out_c, bc = reduce.pooled_grid_shape(rows, cols, summary.DEFAULT_SURFACE_GRID)
    m = tf.reshape(value, [-1, rows, cols])
    if br == 1 and bc == 1:
        return m
    if out_r * br != rows or out_c * bc != cols:
        m = tf.pad(m, [[0, 0], [0, out_r * br - rows], [0, out_c * bc - cols]])
    high = low = m
    if br > 1:
        blocks = tf.reshape(m, [-1, out_r, br, out_c * bc])
        high, low = tf.reduce_max(blocks, axis=2), tf.reduce_min(blocks, axis=2)
    if bc > 1:
        high = tf.reduce_max(tf.reshape(high, [-1, out_r, out_c, bc]), axis=3)
        low = tf.reduce_min(tf.reshape(low, [-1, out_r, out_c, bc]), axis=3)
    return tf.where(-low > high, low, high)


def fast_sums(tf: Any, stacks: List[Any]) -> Any:
    """``[tensors, 4]``: per tensor of stacks ``[k, *shape]`` (in stack order) its
    ``sum |g|``, ``max |g|``, ``sum g²`` and non-zero count; ops for a traced
    function, or eager."""
    sums = []
    for stack in stacks:
        g = tf.reshape(stack, [stack.shape[0], -1])
        a = tf.abs(g)
        sums += [
            tf.reduce_sum(a, 1),
            tf.reduce_max(a, 1) if g.shape[1] else tf.zeros([stack.shape[0]]),
            tf.reduce_sum(tf.square(g), 1),
            tf.reduce_sum(tf.sign(a), 1),  # non-zero elements (NaN rows are redone exactly)
        ]
    if not sums:
        return tf.zeros([0, 4])
    return tf.stack([tf.concat(sums[c::4], 0) for c in range(4)], 1)


def gradient_partials(
    tf: Any, stacks: List[Any], owners: List[int], present: List[bool], n_layers: int
) -> np.ndarray:
    """``[layers, common.Partial]`` of gradients held as stacks ``[k, *shape]`` of
    equal-shaped tensors; ``owners``/``present``: each stacked tensor's layer and
    whether it had a gradient, in stack order (``fast_sums``, then
    ``partials_from_sums``).

    Example:
        >>> g = tf.constant([[3.0, -4.0]])
        >>> gradient_partials(tf, [g], [0], [True], 1)[0, :3]
        array([ 7.  ,  4.  ,  1.5625])
    """
    fast = np.asarray(fast_sums(tf, stacks), dtype=np.float64)
    return partials_from_sums(tf, fast, stacks, owners, present, n_layers)


def partials_from_sums(
    tf: Any,
    fast: np.ndarray,
    stacks: List[Any],
    owners: List[int],
    present: List[bool],
    n_layers: int,
) -> np.ndarray:
    """``[layers, common.Partial]`` from ``fast_sums`` of the stacks, combined per
    layer on the host. The fast sums assume finite values of moderate size; when
    a tensor's sums are not finite (NaN or Inf in it, or squares overflowing) or
    its values are tiny, the exact form (``group_partials``: NaN and Inf counted
    apart, magnitudes over the finite elements, scaled squares) runs instead, on
    the device."""
    used = np.asarray(present, bool)
    if not used.any():
        return np.asarray([common.NO_GRADIENT] * n_layers)
    sum_abs, max_abs, sumsq, nonzero = fast.T
    trusted = host_reduce.fast_sums_trusted(sum_abs, max_abs, sumsq)
    if not trusted[used].all():
        tensors = [t for s in stacks for t in tf.unstack(s)]
        pairs = [(t, o) for t, o, p in zip(tensors, owners, present) if p]
        return np.asarray(group_partials(tf, pairs, n_layers), dtype=np.float64)
    sizes = np.asarray(
        [float(np.prod(s.shape[1:], dtype=np.int64)) for s in stacks for _ in range(s.shape[0])]
    )
    P = common.Partial
    owners = np.asarray(owners)
    table = np.tile(np.asarray(common.NO_GRADIENT), (n_layers, 1))
    for layer in np.unique(owners[used]):
        mine = used & (owners == layer)
        top = max_abs[mine].max()
        row = table[layer]
        row[P.SUM_ABS] = sum_abs[mine].sum()
        row[P.MAX_ABS] = top
        row[P.SUMSQ_SCALED] = sumsq[mine].sum() / top**2 if top > 0 else 0.0
        row[P.FINITE] = row[P.SIZE] = sizes[mine].sum()
        row[P.NAN] = 0.0
        row[P.ZEROS] = (sizes[mine] - nonzero[mine]).sum()
    return table


def group_partials(tf: Any, pairs: List[Tuple[Any, int]], n_layers: int) -> Any:
    """``[layers, PARTIALS]`` of (gradient, layer) pairs, exact: NaN and Inf counted
    apart, magnitudes over the finite elements, squares of values scaled by their
    tensor's largest (no overflow for huge gradients, no underflow for tiny ones).

    Graph size matters as much as speed here: this is traced into every fit's
    train step, where each op costs tracing and graph-optimisation time. So
    gradients of the same shape are stacked and reduced together
    (``same_shape_groups``: a deep stack of equal layers costs the ops of one),
    with no branch, and the per-layer combination is a handful of segment ops
    whatever the number of layers.
    """
    pairs = [(tf.convert_to_tensor(g), i) for g, i in pairs]
    if not pairs:
        return no_gradient(tf, n_layers)
    axis, zero, one = tf.constant([1]), tf.constant(0.0), tf.constant(1.0)
    P = common.Partial
    per_group, order = [], []
    for members in same_shape_groups([g for g, _ in pairs]):
        group = [pairs[m][0] for m in members]
        k, size = len(group), int(np.prod(group[0].shape))
        if size == 0:
            per_group.append(tf.zeros([k, len(P)]))
            order += members
            continue
        g = tf.reshape(tf.cast(stack_tensors(tf, group), tf.float32), [k, size])
        finite = tf.math.is_finite(g)
        a = tf.abs(tf.where(finite, g, zero))
        top = tf.reduce_max(a, axis)
        scale = tf.where(top > 0, top, one)
        columns = {
            P.SUM_ABS: tf.reduce_sum(a, axis),
            P.MAX_ABS: top,
            P.SUMSQ_SCALED: tf.reduce_sum(tf.square(a / scale[:, None]), axis),
            P.FINITE: tf.reduce_sum(tf.cast(finite, tf.float32), axis),
            P.NAN: tf.reduce_sum(tf.cast(tf.math.is_nan(g), tf.float32), axis),
            P.SIZE: tf.fill([k], float(size)),
            P.ZEROS: tf.reduce_sum(tf.cast(tf.equal(g, zero), tf.float32), axis),
        }
        per_group.append(tf.stack([columns[c] for c in P], axis=1))
        order += members
    owners = tf.constant([pairs[m][1] for m in order], tf.int32)
    stats = tf.concat(per_group, 0)  # [tensors, PARTIALS], each scaled by its own max
    max_abs = tf.math.unsorted_segment_max(stats[:, P.MAX_ABS], owners, n_layers)
    layer_scale = tf.gather(tf.where(max_abs > 0, max_abs, one), owners)
    # Each tensor's sum of squares rescaled to its layer's largest value, then added.
    rescaled = stats[:, P.SUMSQ_SCALED] * tf.square(stats[:, P.MAX_ABS] / layer_scale)
    sums = tf.math.unsorted_segment_sum(
        tf.concat([stats[:, : P.SUMSQ_SCALED], rescaled[:, None], stats[:, P.FINITE :]], 1),
        owners,
        n_layers,
    )
    sizes = layer_sizes(pairs, n_layers)
    rows = tf.concat([sums[:, : P.MAX_ABS], max_abs[:, None], sums[:, P.SUMSQ_SCALED :]], 1)
    return tf.where(tf.constant(sizes > 0)[:, None], rows, no_gradient(tf, n_layers))


def same_shape_groups(tensors: List[Any], max_elements: int = 8 << 20) -> List[List[int]]:
    """Indices of ``tensors`` grouped by static shape and dtype, in first-seen order.

    A group's stack (a copy) holds at most ``max_elements`` (32 MB of float32),
    so a large model's big layers add no large transient copy: they are summed
    one by one, where their ops cost little beside their size anyway.

    Example:
        >>> import numpy as np
        >>> same_shape_groups([np.zeros((4, 4)), np.zeros(4), np.zeros((4, 4))])
        [[0, 2], [1]]
    """
    groups: Dict[Any, List[List[int]]] = {}
    for i, t in enumerate(tensors):
        shape = tuple(t.shape)
        if any(n is None for n in shape):  # unknown size: alone
            groups[i] = [[i]]
            continue
        size = int(np.prod(shape))
        runs = groups.setdefault((shape, str(t.dtype)), [[]])
        if runs[-1] and (len(runs[-1]) + 1) * size > max_elements:
            runs.append([])
        runs[-1].append(i)
    return [run for runs in groups.values() for run in runs]


def stack_tensors(tf: Any, tensors: List[Any]) -> Any:
    """``[k, *shape]`` of equal-shaped tensors; one tensor gets its new axis without
    a copy."""
    if len(tensors) == 1:
        return tf.expand_dims(tensors[0], 0)
    return tf.stack(tensors)


def no_gradient(tf: Any, n_layers: int) -> Any:
    """``[layers, PARTIALS]`` rows of layers without a gradient (size 0: see
    ``common.stats_from_partials``)."""
    return tf.constant([common.NO_GRADIENT] * n_layers, tf.float32)


def layer_sizes(pairs: List[Tuple[Any, int]], n_layers: int) -> np.ndarray:
    """Elements of each layer's gradients (static shapes)."""
    sizes = np.zeros(n_layers)
    for g, i in pairs:
        sizes[i] += int(np.prod(g.shape))
    return sizes


def layer_partials(tf: Any, grads: List[Any], owners: List[int], n_layers: int) -> Any:
    """``[layers, PARTIALS]`` sums of each layer's gradients, computed in the graph
    (exact: NaN and Inf counted apart, magnitudes over the finite elements).

    All gradients go into one vector reduced per layer with segment sums, so
    the graph has the same few ops whatever the number of layers (it is traced
    into the train step's ``tf.cond`` and the multi-replica probe). It runs
    only when a gradient is not finite, or on the probe batch.
    """
    pairs = [(g, o) for g, o in zip(grads, owners) if g is not None]
    if not pairs:
        return no_gradient(tf, n_layers)
    sizes = layer_sizes(pairs, n_layers)
    flat = tf.constant([-1])
    g = tf.concat([tf.reshape(tf.cast(g, tf.float32), flat) for g, _ in pairs], 0)
    # The layer of each element: the index of the first tensor end after it.
    ends = np.cumsum([int(np.prod(g.shape)) for g, _ in pairs])
    tensor = tf.searchsorted(tf.constant(ends, tf.int64), tf.range(ends[-1]), side="right")
    ids = tf.gather(tf.constant([o for _, o in pairs], tf.int32), tensor)

    def per_layer(values: Any) -> Any:
        return tf.math.unsorted_segment_sum(values, ids, n_layers)

    finite = tf.math.is_finite(g)
    safe = tf.abs(tf.where(finite, g, 0.0))
    max_abs = tf.maximum(tf.math.unsorted_segment_max(safe, ids, n_layers), 0.0)
    scale = tf.where(max_abs > 0, max_abs, 1.0)
    P = common.Partial
    columns = {
        P.SUM_ABS: per_layer(safe),
        P.MAX_ABS: max_abs,
        P.SUMSQ_SCALED: per_layer(tf.square(safe / tf.gather(scale, ids))),
        P.FINITE: per_layer(tf.cast(finite, tf.float32)),
        P.NAN: per_layer(tf.cast(tf.math.is_nan(g), tf.float32)),
        P.SIZE: tf.constant(sizes, tf.float32),
        P.ZEROS: per_layer(tf.cast(tf.equal(g, 0.0), tf.float32)),
    }
    rows = tf.stack([columns[p] for p in P], axis=1)
    return tf.where(tf.constant(sizes > 0)[:, None], rows, no_gradient(tf, n_layers))


def unpack(flat: np.ndarray, layout: List[Tuple[str, int, Tuple[int, ...]]]) -> Dict[tuple, Any]:
    """Splits the probe's packed vector by the shapes recorded while tracing."""
    out, offset = {}, 0
    for kind, i, shape in layout:
        n = int(np.prod(shape, dtype=np.int64))
        out[(kind, i)] = flat[offset : offset + n].reshape(shape)
        offset += n
    if offset != flat.size:
        raise RuntimeError(f"tbviz: probe output has {flat.size} values, its layout {offset}")
    return out

"""Reductions on a PyTorch tensor's own device: the gradient partial sums of a layer, its
weight sums for ``update_ratio``, max-abs pooled weight surfaces and the dead or
saturated units of an activation, gathered so that a log leaves each device in one copy.

Example::

    copy = HostCopy()
    flow = copy.add(partials([p.grad for p in layer.parameters()]))
    copy.fetch()                      # one .cpu() per device
    flow()                            # the layer's common.Partial sums, on the host
"""

from __future__ import annotations

import math
from typing import Any, Callable, Dict, Hashable, List, Optional, Sequence, Tuple

import numpy as np
import torch

from tbviz_plugin import diagnose, reduce, summary
from tbviz_plugin.integrations import common, host_reduce


class HostCopy:
    """Tensors gathered per device and moved to the host in one copy per device.

    ``add`` returns a getter for the tensor's values, valid after ``fetch``.
    """

    def __init__(self) -> None:
        self._chunks: Dict[torch.device, List[torch.Tensor]] = {}
        self._filled: Dict[torch.device, int] = {}
        self._host: Dict[torch.device, np.ndarray] = {}

    def add(self, tensor: torch.Tensor) -> Callable[[], np.ndarray]:
        t = tensor.detach().reshape(-1).float()
        device, n, shape = t.device, t.numel(), tuple(tensor.shape)
        offset = self._filled.get(device, 0)
        self._chunks.setdefault(device, []).append(t)
        self._filled[device] = offset + n
        return lambda: self._host[device][offset : offset + n].reshape(shape)

    def fetch(self) -> None:
        self._host = {d: to_host(chunks) for d, chunks in self._chunks.items()}


def partials(grads: Sequence[torch.Tensor], exact: bool = False) -> torch.Tensor:
    """The ``common.PARTIALS`` sums of one layer's gradients, on their device.

    The fast form assumes every element is finite: per tensor one ``aminmax``,
    ``abs().sum()``, a ``dot`` and a ``count_nonzero`` (whole-tensor reductions,
    which PyTorch runs far faster than ``abs().max()`` or a vector norm), summed
    over the layer's tensors without concatenating them. The host checks the
    result and asks for the ``exact`` form (NaN/Inf counted, magnitudes over
    finite elements only) when it is not finite. Gradients in host memory are
    summed with numpy on views of them (``host_reduce``: fewer, cheaper calls
    than PyTorch's per-tensor ops, and it takes the exact form itself).
    """
    if exact:
        return _exact_partials(grads)
    if in_host_memory(grads):
        return torch.tensor(host_reduce.partials([_host_view(t) for t in grads]))
    return device_partials(grads)


def in_host_memory(tensors: Sequence[torch.Tensor]) -> bool:
    """Whether every tensor is in host memory, where numpy reads it in place."""
    return all(t.device.type == "cpu" for t in tensors)


def host_rows(
    layers: Sequence[Tuple[Sequence[torch.Tensor], Sequence[torch.Tensor]]],
    kept: Dict[int, np.ndarray],
) -> Tuple[np.ndarray, np.ndarray]:
    """A gradient-flow row of layers in host memory, each ``(gradients, parameters)``:
    its ``[layers, common.Partial]`` and ``[layers, common.WeightSum]`` tables,
    summed with numpy on views of the tensors (``host_reduce.layer_rows``), no
    PyTorch op and no copy to gather. ``kept`` holds each parameter's float32
    values at the last row, by the parameter's id, and is refreshed in place; a
    layer with a parameter not in it has no change to show (NaN)."""
    arrays, fresh, new = [], [], set()
    for grads, params in layers:
        weights = [_host_view(p) for p in params]
        prev = []
        for p, w in zip(params, weights):
            last = kept.get(id(p))
            if last is None or last.size != w.size:
                last = kept[id(p)] = np.array(w, dtype=np.float32)
                new.add(id(p))
            if id(p) in new:  # (a parameter shared with an earlier layer: new there too)
                fresh.append(len(arrays))
            prev.append(last)
        arrays.append(([_host_view(g) for g in grads] or None, weights, prev))
    flow, sums = host_reduce.layer_rows(arrays, keep=True)
    sums[fresh, common.WeightSum.CHANGE_SQ] = np.nan
    sums[fresh, common.WeightSum.PREV_SQ] = np.nan
    return flow, sums


def device_partials(grads: Sequence[torch.Tensor]) -> torch.Tensor:
    """``partials``' fast form with PyTorch's ops, on the gradients' device."""
    sums = []
    for t in grads:
        g = t.detach().reshape(-1)
        if g.dtype not in (torch.float32, torch.float64):
            g = g.float()
        if g.numel() == 0:
            continue
        low, high = torch.aminmax(g)
        n = torch.tensor(float(g.numel()), device=g.device)
        sums.append(
            torch.stack(
                [
                    g.abs().sum().float(),
                    torch.maximum(-low, high).float(),
                    torch.dot(g, g).float(),
                    n,
                    n - torch.count_nonzero(g).float(),
                ]
            )
        )
    if not sums:
        return torch.tensor(common.NO_GRADIENT)
    per = torch.stack(sums)
    max_abs = per[:, 1].max()
    scale = torch.where(max_abs > 0, max_abs, torch.ones_like(max_abs))
    total = per.sum(dim=0)
    zero = torch.zeros((), device=per.device)
    return torch.stack(
        [total[0], max_abs, total[2] / scale / scale, total[3], zero, total[3], total[4]]
    )


def _host_view(t: torch.Tensor) -> np.ndarray:
    """A CPU tensor as a flat numpy array: a view for float32 and float64, a float32
    copy of other dtypes (numpy has no bfloat16)."""
    g = t.detach().reshape(-1)
    if g.dtype not in (torch.float32, torch.float64):
        g = g.float()
    return g.numpy()


def pooled_surface(
    param: torch.Tensor, grid: Tuple[int, int] = summary.DEFAULT_SURFACE_GRID
) -> Optional[Tuple[torch.Tensor, Tuple[int, int], str]]:
    """``(pooled, matrix_shape, form)``: the surface ``summary.weight_surface(param,
    layout="channels_first")`` writes, max-abs pooled on the parameter's device, so
    only the pooled grid goes to the host and the writer has no pooling to do.
    None for shapes a surface does not take (0-D, more than 5-D, empty).

    The surface shows ``W.T`` (``[in·k…, out]``); the pooling runs on ``W``'s own
    ``[out, in·k…]`` layout with the blocks swapped, and only the small pooled
    result is transposed.
    """
    surface = summary.surface_layout(tuple(param.shape), "channels_first")
    if surface is None:
        return None
    (rows, cols), form = surface
    _, br, _, bc = reduce.pooled_grid_shape(rows, cols, grid)
    w = param.detach().float()
    if form == "vector":
        return pool_max_abs(w.reshape(1, -1), br, bc), (rows, cols), form
    return pool_max_abs(w.reshape(cols, rows), bc, br).T, (rows, cols), form


def pool_max_abs(m: torch.Tensor, br: int, bc: int) -> torch.Tensor:
    """``reduce.pool_max_abs`` of a ``[rows, cols]`` tensor in ``br × bc`` blocks, on
    its device: each block's element of largest magnitude, sign kept; NaN wins, then
    Inf; ``x`` beats ``-x``; a ragged last block is padded with zeros.

    Block rows first (over the whole tensor), then the columns of the result,
    half its size or less.
    """
    if br == 1 and bc == 1:
        return m
    rows, cols = m.shape
    out_r, out_c = -(-rows // br), -(-cols // bc)
    if out_r * br != rows or out_c * bc != cols:
        m = torch.nn.functional.pad(m, (0, out_c * bc - cols, 0, out_r * br - rows))
    blocks = m.reshape(out_r, br, out_c * bc)

    def extreme(pairwise: Any, reduction: Any) -> torch.Tensor:  # over rows, then columns
        by_rows = _fold(blocks, 1, pairwise, reduction)
        return _fold(by_rows.reshape(out_r, out_c, bc), 2, pairwise, reduction)

    low, high = extreme(torch.minimum, torch.amin), extreme(torch.maximum, torch.amax)
    return torch.where(-low > high, low, high)


def _fold(blocks: torch.Tensor, dim: int, pairwise: Any, reduction: Any) -> torch.Tensor:
    """``reduction(blocks, dim)`` (``amin``/``amax``: NaN propagates). A short axis is
    folded with the element-wise ``pairwise`` (``minimum``/``maximum``) of its
    slices instead: 2-3× faster on a CPU than reducing an axis of two."""
    n = blocks.shape[dim]
    if n > 4:
        return reduction(blocks, dim)
    parts = blocks.unbind(dim)
    out = parts[0]
    for part in parts[1:]:
        out = pairwise(out, part)
    return out


def _exact_partials(grads: Sequence[torch.Tensor]) -> torch.Tensor:
    """``partials`` for gradients with NaN or Inf: those counted apart, magnitudes
    and squares over the finite elements, scaled first so huge values cannot overflow."""
    g = torch.cat([t.detach().reshape(-1).float() for t in grads])
    n = torch.tensor(float(g.numel()), device=g.device)
    zeros = n - torch.count_nonzero(g).float()
    finite = torch.isfinite(g)
    nan = torch.isnan(g).sum().float()
    count = finite.sum().float()
    g = torch.where(finite, g, torch.zeros((), dtype=g.dtype, device=g.device))
    a = g.abs()
    max_abs = a.max()
    scale = torch.where(max_abs > 0, max_abs, torch.ones_like(max_abs))
    sumsq_scaled = torch.linalg.vector_norm(g / scale) ** 2
    return torch.stack([a.sum(), max_abs, sumsq_scaled, count, nan, n, zeros])


def unit_masks(out: torch.Tensor, kind: str, thresholds: Optional[diagnose.Thresholds]):
    """Per unit, 1 when dead (ReLU-like) or saturated (sigmoid/tanh) on the probe batch,
    else 0, on the device."""
    t = thresholds or diagnose.DEFAULT_THRESHOLDS
    a = out.detach().float()
    a = a.transpose(0, 1).reshape(a.shape[1], -1) if a.ndim > 2 else a.T  # [units, samples...]
    if kind in diagnose.RELU_LIKE:
        return (a.amax(dim=1) <= 0).float()
    eps = t.saturation_level
    if kind in ("tanh", "softsign"):
        sat = a.abs() > 1.0 - eps
    else:
        sat = (a < eps) | (a > 1.0 - eps)
    return (sat.float().mean(dim=1) >= t.saturated_sample_fraction).float()


def to_host(chunks: List[torch.Tensor]) -> np.ndarray:
    if len(chunks) > 1:
        return torch.cat(chunks).cpu().numpy()
    return chunks[0].cpu().numpy().copy()


def weight_sums(
    params: Sequence[torch.Tensor],
    kept: Dict[int, Tuple[torch.Tensor, torch.Tensor]],
    done: Optional[Dict[int, Optional[Tuple[torch.Tensor, torch.Tensor]]]] = None,
) -> torch.Tensor:
    """``common.WeightSum`` of one layer, on its device (NaN for the change without
    a previous log); keeps each ``w`` and its ``sum w²`` in ``kept`` (by the
    parameter's id) for the next log, in a buffer reused from log to log.
    ``done``: this log's ``(sum (w - w_prev)², sum w_prev²)`` of each parameter
    summed so far (by id; None without a previous log), so that a parameter
    several layers share (tied weights) shows the same change in each."""
    sq = diff = prev_sq = torch.zeros((), device=params[0].device)
    known = True
    done = {} if done is None else done
    for p in params:
        w = p.detach().reshape(-1).float()
        w_sq = torch.dot(w, w)
        sq = sq + w_sq
        if id(p) in done:  # summed for another layer in this log: kept is updated
            change = done[id(p)]
            known = known and change is not None
            if change is not None:
                diff, prev_sq = diff + change[0], prev_sq + change[1]
            continue
        previous = kept.get(id(p))
        if previous is None or previous[0].shape != w.shape:
            known = False
            kept[id(p)] = (w.clone(), w_sq)
            done[id(p)] = None
            continue
        prev, prev_w_sq = previous
        d = w - prev
        d_sq = torch.dot(d, d)
        diff = diff + d_sq
        prev_sq = prev_sq + prev_w_sq
        done[id(p)] = (d_sq, prev_w_sq)
        prev.copy_(w)
        kept[id(p)] = (prev, w_sq)
    if not known:
        diff = torch.full((), math.nan, device=sq.device)
    return torch.stack([sq, diff, prev_sq])


def recount_not_finite(
    table: np.ndarray, layers: Sequence[Hashable], grads: Dict[Hashable, List[torch.Tensor]]
) -> None:
    """Replaces, in ``table`` (``[layers, common.Partial]`` on the host), the rows
    whose fast ``partials`` are not finite by the exact form: the fast form assumes
    finite gradients, so a layer with NaN/Inf (a broken run) is counted again, in a
    second copy only then. ``grads``: each layer's gradients, by its key in
    ``layers`` (a name, or the row's index)."""
    P = common.Partial
    bad = [
        i
        for i, layer in enumerate(layers)
        if table[i, P.SIZE] > 0 and not np.all(np.isfinite(table[i, : P.SUMSQ_SCALED + 1]))
    ]
    if not bad:
        return
    exact = HostCopy()
    getters = [exact.add(partials(grads[layers[i]], exact=True)) for i in bad]
    exact.fetch()
    for i, value in zip(bad, getters):
        table[i] = value()

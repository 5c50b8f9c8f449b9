"""Rules over the gradient-flow table: vanishing, exploding, NaN/Inf, stalled weights.

The gradient rules judge training, not initialisation: a vanishing gradient is a
deficit that grows with depth while the loss stalls (small gradients with a loss
near its floor are convergence), and a gradient's growth is an explosion only
when the loss or the weights' movement shows it doing harm (a layer moving off
its tiny initial gradients while the loss falls is learning). Without a loss
(read time, a plain ``Writer``) the rules judge the gradients alone.
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from tbviz_plugin.diagnose.base import (
    DEFAULT_THRESHOLDS,
    Found,
    LossTrend,
    Thresholds,
    event,
    first_hits,
    layer_kind,
    loss_trend,
    persistent,
    quiet,
)

Loss = Tuple[Sequence[int], Sequence[float]]


def diagnose_gradient_flow(
    layers: Sequence[str],
    stats: Sequence[str],
    steps: Sequence[int],
    values: Any,
    thresholds: Optional[Thresholds] = None,
    *,
    loss: Optional[Loss] = None,
    layer_types: Optional[Mapping[str, str]] = None,
) -> List[Dict[str, Any]]:
    """Diagnoses a ``gradient_flow`` table: vanishing, exploding, NaN/Inf, stalled weights.

    Args:
      layers: layer names in forward (depth) order, as in the tag's metadata.
      stats: statistic names (columns), as in the tag's metadata; rules whose
        statistics are missing are skipped.
      steps: the training step of each row of ``values``.
      values: ``[steps, layers, stats]`` numbers (NaN where not recorded).
      thresholds: a ``Thresholds``; the defaults when None.
      loss: ``(steps, values)`` of the training loss known so far, from the
        run's start (the batch loss at logged steps, or the probe's loss);
        None when unknown, and the rules then judge the gradients alone.
      layer_types: layer name -> class name (``"LSTM"``), for the hints.

    Returns:
      Events, at most one per ``(code, layer)``, sorted by step, each with an
      ``evidence`` object: the window, the figures compared, the loss trend.

    Example:
        >>> rms = np.array([[[1e-9], [1e-6], [1e-2]]] * 3)   # [steps, layers, stats]
        >>> stalled_loss = ([0, 1, 2], [2.3, 2.3, 2.3])
        >>> [e["layer"] for e in diagnose_gradient_flow(
        ...     ["d0", "d1", "d2"], ["rms"], [0, 1, 2], rms, loss=stalled_loss)]
        ['d0', 'd1']
        >>> diagnose_gradient_flow(["d0", "d1", "d2"], ["rms"], [0, 1, 2], rms,
        ...                        loss=([0, 1, 2], [2.3, 0.01, 0.001]))
        []
    """
    t = thresholds or DEFAULT_THRESHOLDS
    table = np.asarray(values, dtype=np.float64)
    if table.ndim == 2:
        table = table[None]
    if table.ndim != 3 or table.shape[1:] != (len(layers), len(stats)):
        raise ValueError(
            f"values must have shape [steps, {len(layers)} layers, {len(stats)} stats], "
            f"got {table.shape}"
        )
    if table.shape[0] != len(steps):
        raise ValueError(f"values has {table.shape[0]} steps but steps has {len(steps)}")
    if loss is not None and len(loss[0]) != len(loss[1]):
        raise ValueError(f"loss has {len(loss[0])} steps but {len(loss[1])} values")
    column = {name: i for i, name in enumerate(stats)}
    w = _Window(list(layers), [int(s) for s in steps], t, loss, dict(layer_types or {}))

    def col(name: str) -> Optional[np.ndarray]:
        return table[:, :, column[name]] if name in column else None

    _nan_inf(w.found, layers, steps, col("nan_count"), col("inf_count"))
    magnitude = col("rms") if "rms" in column else col("mean_abs")
    if magnitude is not None:
        _vanishing(w, _where_flowing(magnitude, col("zero_frac")))
    _exploding(w, col("l2"), magnitude, col("update_ratio"))
    ratio = col("update_ratio")
    if ratio is not None:
        _stalled(w, ratio)
    return w.found.events()


class _Window:
    """What every gradient rule of one call reads: the window's layers and steps, the
    thresholds, the loss, and the events found."""

    def __init__(self, layers, steps, t: Thresholds, loss: Optional[Loss], types) -> None:
        self.layers, self.steps, self.t, self.loss = layers, steps, t, loss
        self.types = types
        self.found = Found()

    def kind(self, li: int) -> Optional[str]:
        return layer_kind(self.layers[li], self.types.get(self.layers[li]))

    def trend(self, first: int, last: int) -> Optional[LossTrend]:
        """The loss trend between two rows of the window (both included)."""
        return loss_trend(self.loss, self.steps[first], self.steps[last], self.t)

    def span(self, first: int, last: int) -> Dict[str, Any]:
        return {"window": [self.steps[first], self.steps[last]], "logged_steps": last - first + 1}


def _where_flowing(magnitude: np.ndarray, zero_frac: Optional[np.ndarray]) -> np.ndarray:
    """The RMS over the elements a gradient reached: an embedding's gradient is zero
    outside the batch's tokens, and those zeros say nothing of its scale."""
    if zero_frac is None:
        return magnitude
    with np.errstate(invalid="ignore", divide="ignore"):
        reached = 1.0 - np.where(np.isfinite(zero_frac), zero_frac, 0.0)
        return np.where(reached > 0, magnitude / np.sqrt(np.maximum(reached, 1e-300)), 0.0)


def _nan_inf(found, layers, steps, nan_count, inf_count) -> None:
    # Per layer only the first hit (its step and count) and the largest count
    # matter to ``Found``: two events per layer, not one per (step, layer),
    # which for a diverged 1,000-layer run would be a million.
    for code, counts in (("nan", nan_count), ("inf", inf_count)):
        if counts is None:
            continue
        with np.errstate(invalid="ignore"):
            hit = counts > 0
        for li in np.nonzero(hit.any(axis=0))[0]:
            first = int(np.argmax(hit[:, li]))
            worst = int(np.nanargmax(np.where(hit[:, li], counts[:, li], -np.inf)))
            for s in dict.fromkeys((first, worst)):
                n = counts[s, li]
                found.add(
                    event(
                        code,
                        steps[s],
                        layers[li],
                        n,
                        0.0,
                        detail=f"{n:g} {'NaN' if code == 'nan' else 'Inf'} gradient values.",
                        evidence={
                            "window": [steps[0], steps[-1]],
                            "logged_steps": len(steps),
                            "count": n,
                            "first_step": steps[first],
                            "worst_step": steps[worst],
                            "worst_count": counts[worst, li],
                        },
                    ),
                )


def _vanishing(w: _Window, magnitude: np.ndarray) -> None:
    """A deficit with depth: the largest RMS of this layer and every layer before it
    (the gradient that reached this depth) is orders of magnitude below the largest
    of any later layer, on consecutive logged steps, while the loss stalls."""
    t = w.t
    finite = np.isfinite(magnitude)
    mag = np.where(finite, magnitude, np.nan)
    n_steps, n_layers = mag.shape
    # Per step: the largest magnitude of any later layer (nearer the loss) and which.
    later = np.full_like(mag, np.nan)
    later_at = np.zeros(mag.shape, dtype=int)
    running = np.full(n_steps, np.nan)
    running_at = np.zeros(n_steps, dtype=int)
    for li in range(n_layers - 1, -1, -1):
        later[:, li], later_at[:, li] = running, running_at
        bigger = ~(mag[:, li] <= running)  # NaN-safe: a known value beats NaN
        bigger &= np.isfinite(mag[:, li])
        running = np.where(bigger, mag[:, li], running)
        running_at = np.where(bigger, li, running_at)
    # ...and the largest of this layer and every earlier one (the depth reached).
    with quiet():
        reach = np.fmax.accumulate(np.where(finite, mag, -np.inf), axis=1)
    reach = np.where(np.isfinite(reach), reach, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = reach / later
        by_depth = finite & (later > 0) & (ratio < t.vanishing_depth_ratio)
        by_floor = finite & (mag < t.vanishing_floor)
    trend = w.trend(0, n_steps - 1) if w.loss is not None else None
    if w.loss is not None and (trend is None or trend.state in ("falling", "converged")):
        return  # not judged yet, or the loss falls or sits near its floor: no vanishing
    depth_hits = persistent(by_depth, t.persist_steps)
    floor_hits = persistent(by_floor & ~by_depth, t.persist_steps)
    need = max(1, min(int(t.persist_steps), n_steps))

    def evidence(s: int, li: int) -> Dict[str, Any]:
        out = w.span(max(0, s - need + 1), s)
        out.update(rms=mag[s, li], loss=None if trend is None else trend.evidence())
        return out

    def depth(s, li):
        r = ratio[s, li]
        ref = w.layers[later_at[s, li]]
        if r > 0:
            detail = (
                f"Gradient RMS {mag[s, li]:.2g} is {-math.log10(r):.1f} orders of magnitude "
                f"below a later layer's ({later[s, li]:.2g}, {ref})"
            )
        else:
            detail = (
                f"No gradient reaches this layer (a later layer, {ref}, has {later[s, li]:.2g})"
            )
        detail += _loss_words(trend, need)
        ev = evidence(s, li)
        ev.update(depth_rms=reach[s, li], later_rms=later[s, li], later_layer=ref, ratio=r)
        e = event(
            "vanishing_gradient",
            w.steps[s],
            w.layers[li],
            r,
            t.vanishing_depth_ratio,
            detail=detail,
            evidence=ev,
            kind=w.kind(li),
        )
        return e, min

    def floor(s, li):
        detail = f"Gradient RMS {mag[s, li]:.2g} is below the floor {t.vanishing_floor:g}"
        detail += _loss_words(trend, need)
        e = event(
            "vanishing_gradient",
            w.steps[s],
            w.layers[li],
            mag[s, li],
            t.vanishing_floor,
            detail=detail,
            evidence=evidence(s, li),
            kind=w.kind(li),
        )
        return e, min

    first_hits(w.found, depth_hits, depth)
    first_hits(w.found, floor_hits, floor)


def _loss_words(trend: Optional[LossTrend], need: int) -> str:
    """The end of a vanishing event's first sentence: for how long, and the loss."""
    logged = f" on {need} logged step{'s' if need > 1 else ''}"
    if trend is None:
        return f"{logged} (no loss known)."
    return f"{logged}, while the loss stayed {trend.state} ({trend.first:.3g} -> {trend.last:.3g})."


def _exploding(w: _Window, l2, magnitude, update_ratio) -> None:
    t = w.t
    if l2 is not None:
        l2f = np.where(np.isfinite(l2), l2, np.nan)
        with np.errstate(invalid="ignore"):
            huge = l2f > t.exploding_l2
        first_hits(
            w.found,
            huge,
            lambda s, li: (
                event(
                    "exploding_gradient",
                    w.steps[s],
                    w.layers[li],
                    l2f[s, li],
                    t.exploding_l2,
                    detail=f"Gradient L2 norm {l2f[s, li]:.3g} is above {t.exploding_l2:g}.",
                    evidence=dict(w.span(s, s), l2=l2f[s, li]),
                    kind=w.kind(li),
                ),
                max,
            ),
        )
        _growth(w, l2f, update_ratio)
    if magnitude is not None and magnitude.shape[1] >= 2:
        mag = np.where(np.isfinite(magnitude), magnitude, np.nan)
        last = mag[:, -1:]
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = mag / last
            steep = (last > 0) & (ratio > t.exploding_depth_ratio)
        first_hits(
            w.found,
            steep,
            lambda s, li: (
                event(
                    "exploding_gradient",
                    w.steps[s],
                    w.layers[li],
                    ratio[s, li],
                    t.exploding_depth_ratio,
                    detail=f"Gradient RMS is {ratio[s, li]:.3g}x the last layer's.",
                    evidence=dict(
                        w.span(s, s), rms=mag[s, li], last_layer_rms=last[s, 0], ratio=ratio[s, li]
                    ),
                    kind=w.kind(li),
                ),
                max,
            ),
        )


# Logged steps before a row that its layer's settled level is taken over.
_SETTLED_ROWS = 3


def _nanmedian_columns(x: np.ndarray) -> np.ndarray:
    """``np.nanmedian(x, axis=0)`` of a small 2-D array, without its masked-array path
    (a hundred times slower on a window of rows); NaN where a column has no number.

    Example:
        >>> _nanmedian_columns(np.array([[1.0, np.nan], [3.0, np.nan], [np.nan, np.nan]]))
        array([ 2., nan])
    """
    ordered = np.sort(x, axis=0)  # NaN last
    count = np.sum(~np.isnan(ordered), axis=0)
    low = np.take_along_axis(ordered, np.maximum(count - 1, 0)[None] // 2, axis=0)[0]
    high = np.take_along_axis(ordered, (count // 2)[None], axis=0)[0]
    return np.where(count > 0, (low + high) / 2, np.nan)


def _growth(w: _Window, l2: np.ndarray, update_ratio: Optional[np.ndarray]) -> None:
    """A layer's gradient L2 norm ``exploding_growth`` times the level it had settled
    at (the median of its earlier logged steps in the window), with the harm shown:
    the loss rising, or (loss flat or unknown) the weights moving by
    ``exploding_update_ratio`` of their norm or more. A growth while the loss falls
    or has converged is learning."""
    t = w.t
    n_steps = l2.shape[0]
    if n_steps <= _SETTLED_ROWS:
        return
    with np.errstate(invalid="ignore", divide="ignore"), quiet():
        settled = np.full_like(l2, np.nan)
        for s in range(_SETTLED_ROWS, n_steps):
            settled[s] = _nanmedian_columns(l2[:s])
        growth = l2 / settled
        grew = (settled > 0) & (growth > t.exploding_growth)
    for s, li in zip(*np.nonzero(grew)):
        s, li = int(s), int(li)
        if ("exploding_gradient", w.layers[li]) in w.found:
            continue
        trend = w.trend(0, s)
        moved = np.nan
        if update_ratio is not None:  # the change up to this row and the next one
            with quiet():
                moved = np.nanmax(update_ratio[s : s + 2, li])
        if trend is not None and trend.state in ("falling", "converged"):
            continue
        if trend is None or trend.state == "flat":
            if np.isfinite(moved) and moved < t.exploding_update_ratio:
                continue
        detail = (
            f"Gradient L2 norm {l2[s, li]:.3g} is {growth[s, li]:.3g}x the level it had "
            f"settled at ({settled[s, li]:.3g}, the median of steps {w.steps[0]}-"
            f"{w.steps[s - 1]})"
        )
        if trend is not None:
            detail += f"; the loss is {trend.state} ({trend.first:.3g} -> {trend.last:.3g})"
        if np.isfinite(moved):
            detail += f"; the weights moved by {moved:.3g} of their norm"
        ev = dict(
            w.span(0, s),
            l2=l2[s, li],
            settled_l2=settled[s, li],
            growth=growth[s, li],
            update_ratio=moved,
            loss=None if trend is None else trend.evidence(),
        )
        e = event(
            "exploding_gradient",
            w.steps[s],
            w.layers[li],
            growth[s, li],
            t.exploding_growth,
            detail=detail + ".",
            evidence=ev,
            kind=w.kind(li),
        )
        w.found.add(e, max)


def _stalled(w: _Window, ratio: np.ndarray) -> None:
    t = w.t
    with np.errstate(invalid="ignore"):
        hit = np.isfinite(ratio) & (ratio < t.stalled_update_ratio)
    hits = persistent(hit, t.persist_steps)
    need = max(1, min(int(t.persist_steps), ratio.shape[0]))
    first_hits(
        w.found,
        hits,
        lambda s, li: (
            event(
                "stalled_weights",
                w.steps[s],
                w.layers[li],
                ratio[s, li],
                t.stalled_update_ratio,
                detail=f"Update ratio {ratio[s, li]:.2g} between logged steps, on {need} "
                "logged steps.",
                evidence=dict(w.span(s - need + 1, s), update_ratio=ratio[s, li]),
            ),
            min,
        ),
    )

"""Rules over the gradient-flow table: vanishing, exploding, NaN/Inf, stalled weights."""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from tbviz_plugin.diagnose.base import (
    DEFAULT_THRESHOLDS,
    Found,
    Thresholds,
    event,
    first_hits,
    persistent,
    quiet,
)


def diagnose_gradient_flow(
    layers: Sequence[str],
    stats: Sequence[str],
    steps: Sequence[int],
    values: Any,
    thresholds: Optional[Thresholds] = None,
) -> List[Dict[str, Any]]:
    """Diagnoses a ``gradient_flow`` table: vanishing, exploding, NaN/Inf, stalled weights.

    Args:
      layers: layer names in forward (depth) order, as in the tag's metadata.
      stats: statistic names (columns), as in the tag's metadata; rules whose
        statistics are missing are skipped.
      steps: the training step of each row of ``values``.
      values: ``[steps, layers, stats]`` numbers (NaN where not recorded).
      thresholds: a ``Thresholds``; the defaults when None.

    Returns:
      Events, at most one per ``(code, layer)``, sorted by step.
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
    column = {name: i for i, name in enumerate(stats)}
    found = Found()

    def col(name: str) -> Optional[np.ndarray]:
        return table[:, :, column[name]] if name in column else None

    _nan_inf(found, layers, steps, col("nan_count"), col("inf_count"))
    magnitude = col("rms") if "rms" in column else col("mean_abs")
    if magnitude is not None:
        _vanishing(found, layers, steps, magnitude, t)
    _exploding(found, layers, steps, col("l2"), magnitude, t)
    ratio = col("update_ratio")
    if ratio is not None:
        _stalled(found, layers, steps, ratio, t)
    return found.events()


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
                    ),
                )


def _vanishing(found, layers, steps, magnitude, t: Thresholds) -> None:
    finite = np.isfinite(magnitude)
    mag = np.where(finite, magnitude, np.nan)
    # Largest magnitude of any later layer (nearer the loss), per step.
    later = np.full_like(mag, np.nan)
    running = np.full(mag.shape[0], np.nan)
    for li in range(mag.shape[1] - 1, -1, -1):
        later[:, li] = running
        running = np.fmax(running, mag[:, li])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = mag / later
        by_depth = finite & (later > 0) & (ratio < t.vanishing_depth_ratio)
        by_floor = finite & (mag < t.vanishing_floor)
    depth_hits = persistent(by_depth, t.persist_steps)
    floor_hits = persistent(by_floor & ~by_depth, t.persist_steps)

    def depth(s, li):
        r = ratio[s, li]
        if r > 0:
            detail = (
                f"Gradient RMS {mag[s, li]:.2g} is {-math.log10(r):.1f} orders of magnitude "
                f"below a later layer's ({later[s, li]:.2g})."
            )
        else:
            detail = f"No gradient reaches this layer (a later layer has {later[s, li]:.2g})."
        return event(
            "vanishing_gradient", steps[s], layers[li], r, t.vanishing_depth_ratio, detail=detail
        ), min

    def floor(s, li):
        detail = f"Gradient RMS {mag[s, li]:.2g} is below the floor {t.vanishing_floor:g}."
        return event(
            "vanishing_gradient", steps[s], layers[li], mag[s, li], t.vanishing_floor, detail=detail
        ), min

    first_hits(found, depth_hits, depth)
    first_hits(found, floor_hits, floor)


def _exploding(found, layers, steps, l2, magnitude, t: Thresholds) -> None:
    if l2 is not None:
        l2f = np.where(np.isfinite(l2), l2, np.nan)
        with np.errstate(invalid="ignore"):
            huge = l2f > t.exploding_l2
        first_hits(
            found,
            huge,
            lambda s, li: (
                event(
                    "exploding_gradient",
                    steps[s],
                    layers[li],
                    l2f[s, li],
                    t.exploding_l2,
                    detail=f"Gradient L2 norm {l2f[s, li]:.3g} is above {t.exploding_l2:g}.",
                ),
                max,
            ),
        )
        if l2f.shape[0] >= 3:
            head = max(1, l2f.shape[0] // 4)
            with np.errstate(invalid="ignore", divide="ignore"), quiet():
                base = np.nanmedian(l2f[:head], axis=0)
                growth = l2f / base
                grew = (base > 0) & (growth > t.exploding_growth)
            grew[:head] = False
            first_hits(
                found,
                grew,
                lambda s, li: (
                    event(
                        "exploding_gradient",
                        steps[s],
                        layers[li],
                        growth[s, li],
                        t.exploding_growth,
                        detail=f"Gradient L2 norm grew {growth[s, li]:.3g}x since the start of the "
                        "window.",
                    ),
                    max,
                ),
            )
    if magnitude is not None and magnitude.shape[1] >= 2:
        mag = np.where(np.isfinite(magnitude), magnitude, np.nan)
        last = mag[:, -1:]
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = mag / last
            steep = (last > 0) & (ratio > t.exploding_depth_ratio)
        first_hits(
            found,
            steep,
            lambda s, li: (
                event(
                    "exploding_gradient",
                    steps[s],
                    layers[li],
                    ratio[s, li],
                    t.exploding_depth_ratio,
                    detail=f"Gradient RMS is {ratio[s, li]:.3g}x the last layer's.",
                ),
                max,
            ),
        )


def _stalled(found, layers, steps, ratio, t: Thresholds) -> None:
    with np.errstate(invalid="ignore"):
        hit = np.isfinite(ratio) & (ratio < t.stalled_update_ratio)
    hits = persistent(hit, t.persist_steps)
    first_hits(
        found,
        hits,
        lambda s, li: (
            event(
                "stalled_weights",
                steps[s],
                layers[li],
                ratio[s, li],
                t.stalled_update_ratio,
                detail=f"Update ratio {ratio[s, li]:.2g} between logged steps.",
            ),
            min,
        ),
    )

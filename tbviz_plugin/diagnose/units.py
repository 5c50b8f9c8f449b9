"""Rules over the activations on the probe batch: dead and saturated units."""

from __future__ import annotations

import math
from typing import Any, Dict, List, Mapping, Optional

import numpy as np

from tbviz_plugin.diagnose.base import (
    DEFAULT_THRESHOLDS,
    RELU_LIKE,
    SQUASHING,
    Thresholds,
    event,
    quiet,
)


def normalise_activation(name: Any) -> Optional[str]:
    """A framework's activation name (``"ReLU"``, ``"leaky_relu"``, ``"Tanh"``) in our terms."""
    if name is None:
        return None
    key = str(getattr(name, "__name__", name)).lower().replace("-", "_")
    key = {"hardsigmoid": "hard_sigmoid"}.get(key, key)
    if key in RELU_LIKE or key in SQUASHING:
        return key
    return None


def activation_unit_stats(
    values: Any,
    activation: Optional[str],
    *,
    channel_axis: int = -1,
    thresholds: Optional[Thresholds] = None,
) -> Dict[str, float]:
    """Per-layer unit statistics of a probe batch's activations (numpy).

    Args:
      values: ``[samples, units]`` or ``[samples, ..., channels]`` (a conv
        unit is a channel; ``channel_axis=1`` for PyTorch's layout).
      activation: the layer's activation (see ``normalise_activation``); for
        ReLU-like layers ``values`` may be the pre-activation.
      channel_axis: the axis of units for rank > 2.

    Returns:
      ``{"units", "dead_frac"}`` for ReLU-like, ``{"units", "saturated_frac"}``
      for sigmoid/tanh, ``{"units"}`` otherwise.
    """
    t = thresholds or DEFAULT_THRESHOLDS
    a = np.asarray(values, dtype=np.float64)
    if a.ndim < 2:
        raise ValueError(f"values must be [samples, units...], got shape {a.shape}")
    if a.ndim > 2:
        a = np.moveaxis(a, channel_axis, -1).reshape(-1, a.shape[channel_axis])
    elif a.ndim == 2 and channel_axis not in (-1, 1):
        raise ValueError("channel_axis must be the last axis for [samples, units]")
    out: Dict[str, float] = {"units": float(a.shape[1])}
    kind = normalise_activation(activation)
    if kind in RELU_LIKE:
        with np.errstate(invalid="ignore"), quiet():  # a NaN unit is not dead
            out["dead_frac"] = float(np.mean(np.nanmax(a, axis=0) <= 0.0))
    elif kind in SQUASHING:
        eps = t.saturation_level
        if kind in ("tanh", "softsign"):
            sat = np.abs(a) > 1.0 - eps
        else:
            sat = (a < eps) | (a > 1.0 - eps)
        out["saturated_frac"] = float(np.mean(sat.mean(axis=0) >= t.saturated_sample_fraction))
    return out


def diagnose_activation_stats(
    layer: str,
    step: int,
    unit_stats: Mapping[str, float],
    thresholds: Optional[Thresholds] = None,
) -> List[Dict[str, Any]]:
    """Dead and saturated units from ``activation_unit_stats`` (or the same on device)."""
    t = thresholds or DEFAULT_THRESHOLDS
    found = []
    dead = unit_stats.get("dead_frac")
    if dead is not None and math.isfinite(dead) and dead >= t.dead_fraction:
        found.append(
            event(
                "dead_units",
                step,
                layer,
                dead,
                t.dead_fraction,
                severity="error" if dead >= t.dead_fraction_error else "warning",
                detail=f"{dead:.0%} of units are never active on the probe batch.",
            )
        )
    sat = unit_stats.get("saturated_frac")
    if sat is not None and math.isfinite(sat) and sat >= t.saturated_fraction:
        found.append(
            event(
                "saturated_units",
                step,
                layer,
                sat,
                t.saturated_fraction,
                detail=f"{sat:.0%} of units are saturated on at least "
                f"{t.saturated_sample_fraction:.0%} of the probe batch.",
            )
        )
    return found


def diagnose_activations(
    layer: str,
    values: Any,
    step: int,
    activation: Optional[str],
    *,
    channel_axis: int = -1,
    thresholds: Optional[Thresholds] = None,
) -> List[Dict[str, Any]]:
    """Dead ReLU units and saturated sigmoid/tanh units of one layer on the probe batch.

    Example:
        >>> import numpy as np
        >>> a = np.maximum(np.random.default_rng(0).normal(size=(32, 10)), 0); a[:, :8] = 0
        >>> [e["code"] for e in diagnose_activations("dense", a, 5, "relu")]
        ['dead_units']
    """
    stats = activation_unit_stats(
        values, activation, channel_axis=channel_axis, thresholds=thresholds
    )
    return diagnose_activation_stats(layer, step, stats, thresholds)

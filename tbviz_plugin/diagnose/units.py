"""Rules over the activations on the probe batch: dead and saturated units."""

from __future__ import annotations

import functools
import math
from typing import Any, Dict, List, Mapping, Optional, Sequence

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
      ``{"units", "samples", "dead_frac", "dead_mask"}`` for ReLU-like,
      ``{"units", "samples", "saturated_frac", "saturated_mask"}`` for
      sigmoid/tanh, ``{"units", "samples"}`` otherwise; a mask is a boolean
      array with one entry per unit (what ``diagnose_unit_history`` follows).
    """
    t = thresholds or DEFAULT_THRESHOLDS
    a = np.asarray(values, dtype=np.float64)
    if a.ndim < 2:
        raise ValueError(f"values must be [samples, units...], got shape {a.shape}")
    if a.ndim > 2:
        a = np.moveaxis(a, channel_axis, -1).reshape(-1, a.shape[channel_axis])
    elif a.ndim == 2 and channel_axis not in (-1, 1):
        raise ValueError("channel_axis must be the last axis for [samples, units]")
    out: Dict[str, Any] = {"units": float(a.shape[1]), "samples": float(len(values))}
    kind = normalise_activation(activation)
    if kind in RELU_LIKE:
        with np.errstate(invalid="ignore"), quiet():  # a NaN unit is not dead
            dead = np.nanmax(a, axis=0) <= 0.0
        out["dead_frac"], out["dead_mask"] = float(np.mean(dead)), dead
    elif kind in SQUASHING:
        eps = t.saturation_level
        if kind in ("tanh", "softsign"):
            sat = np.abs(a) > 1.0 - eps
        else:
            sat = (a < eps) | (a > 1.0 - eps)
        saturated = sat.mean(axis=0) >= t.saturated_sample_fraction
        out["saturated_frac"], out["saturated_mask"] = float(np.mean(saturated)), saturated
    return out


@functools.lru_cache(maxsize=1024)
def fewest_beyond_chance(units: int, chance: float) -> int:
    """The fewest off units, of ``units``, that a coin toss per unit (off with
    probability 1/2) reaches with probability at most ``chance``: the binomial
    upper tail ``P(X >= k) <= chance``, ``units + 1`` when no count does.

    Example:
        >>> fewest_beyond_chance(8, 0.01), fewest_beyond_chance(64, 0.01)
        (8, 42)
    """
    log_half = units * math.log(0.5)
    tail = 0.0
    for k in range(units, -1, -1):  # from the top, adding P(X = k)
        log_p = math.lgamma(units + 1) - math.lgamma(k + 1) - math.lgamma(units - k + 1)
        tail += math.exp(log_p + log_half)
        if tail > chance:
            return k + 1
    return 0


def beyond_chance(off: int, units: int, t: Thresholds) -> bool:
    """More than ``dead_fraction`` of ``units`` off, and more than chance leaves off
    (``Thresholds.dead_chance``)."""
    return off > t.dead_fraction * units and off >= fewest_beyond_chance(units, t.dead_chance)


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
    units = int(unit_stats.get("units") or 0)
    if (
        dead is not None
        and math.isfinite(dead)
        and dead > t.dead_fraction
        and (not units or beyond_chance(round(dead * units), units, t))
    ):
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
        >>> a = np.maximum(np.random.default_rng(0).normal(size=(32, 20)), 0); a[:, :16] = 0
        >>> [e["code"] for e in diagnose_activations("dense", a, 5, "relu")]
        ['dead_units']
    """
    stats = activation_unit_stats(
        values, activation, channel_axis=channel_axis, thresholds=thresholds
    )
    return diagnose_activation_stats(layer, step, stats, thresholds)


# The unit rules a history of per-unit masks feeds: (code, mask key, fraction, what it is).
_UNIT_RULES = (
    ("dead_units", "dead_mask", "dead_fraction", "never active on any probe sample"),
    ("saturated_units", "saturated_mask", "saturated_fraction", "saturated"),
)


def diagnose_unit_history(
    layer: str,
    steps: Sequence[int],
    stats: Sequence[Mapping[str, Any]],
    thresholds: Optional[Thresholds] = None,
) -> List[Dict[str, Any]]:
    """Dead and saturated units over a window of logged steps: a unit counts when it
    is dead (or saturated) on the probe batch at each of the newest
    ``unit_persist_logs`` logged steps, so a unit that is off on one batch, or off
    only until training moves it, is no finding.

    Args:
      layer: the layer's name.
      steps: the logged steps of ``stats``, ascending (the integrations leave
        out the run's first log: the initialisation is not judged).
      stats: per step, ``activation_unit_stats`` (or the same from the device)
        with ``dead_mask`` or ``saturated_mask``.

    Returns:
      At most one ``dead_units`` and one ``saturated_units`` event, dated at the
      newest step, with the window in their ``evidence``.

    Example:
        >>> off = {"dead_mask": np.array([True] * 16 + [False] * 4), "samples": 64}
        >>> [e["code"] for e in diagnose_unit_history("fc", [5, 10], [off, off])]
        []
        >>> e = diagnose_unit_history("fc", [5, 10, 15], [off] * 3)[0]
        >>> e["code"], e["value"], e["evidence"]["window"]
        ('dead_units', 0.8, [5, 15])
    """
    t = thresholds or DEFAULT_THRESHOLDS
    if len(steps) != len(stats):
        raise ValueError(f"steps has {len(steps)} values but stats has {len(stats)}")
    need = max(1, int(t.unit_persist_logs))
    if len(steps) < need:
        return []
    recent = stats[-need:]
    found = []
    for code, key, fraction, what in _UNIT_RULES:
        masks = [np.asarray(s[key], dtype=bool).reshape(-1) for s in recent if key in s]
        if len(masks) < need or len({m.size for m in masks}) != 1 or not masks[0].size:
            continue
        stuck = np.logical_and.reduce(masks)
        frac = float(stuck.mean())
        limit = getattr(t, fraction)
        if code == "dead_units":
            if not beyond_chance(int(stuck.sum()), stuck.size, t):  # see Thresholds
                continue
        elif frac < limit:
            continue
        severity = "error" if code == "dead_units" and frac >= t.dead_fraction_error else None
        samples = recent[-1].get("samples")
        found.append(
            event(
                code,
                steps[-1],
                layer,
                frac,
                limit,
                severity=severity,
                detail=f"{int(stuck.sum())} of {stuck.size} units ({frac:.0%}) were {what} "
                f"at each of the last {need} logged steps ({steps[-need]}-{steps[-1]}).",
                evidence={
                    "window": [steps[-need], steps[-1]],
                    "logged_steps": need,
                    "units": stuck.size,
                    "stuck_units": int(stuck.sum()),
                    "probe_samples": samples,
                },
            )
        )
    return found

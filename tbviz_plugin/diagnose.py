"""Health rules: statistics in, plain-language events out. Pure functions, no I/O.

The same code runs while training (the Keras and PyTorch integrations write its
events under ``<model>/health``) and at read time (the plugin's ``health`` route
and ``tbviz inspect`` run ``diagnose_gradient_flow`` over a stored
``gradient_flow`` tag). docs/diagnosis.md lists every rule with its threshold
and hint.

Every function returns a list of event dicts with the fields of a ``health``
event: ``step, layer, code, severity, value, threshold, hint``. Codes:
``vanishing_gradient, exploding_gradient, nan, inf, dead_units,
saturated_units, stalled_weights, overfitting, underfitting``.

De-duplication: one call is one *diagnosis window*; it yields at most one event
per ``(code, layer)``, dated at the first step where the problem showed, with
the worst value seen in the window.

Example:
    >>> import numpy as np
    >>> stats = ["rms", "nan_count"]
    >>> values = np.array([[[1e-9, 0], [1e-6, 0], [1e-2, 0]]])  # [steps, layers, stats]
    >>> [e["layer"] for e in diagnose_gradient_flow(["d0", "d1", "d2"], stats, [0], values)]
    ['d0', 'd1']
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

import numpy as np

CODES = (
    "vanishing_gradient",
    "exploding_gradient",
    "nan",
    "inf",
    "dead_units",
    "saturated_units",
    "stalled_weights",
    "overfitting",
    "underfitting",
    "class_never_predicted",
)

# Activations whose units can be "dead" (zero output and zero gradient for
# every input) or "saturated" (stuck on a flat end of the curve). ELU, GELU,
# SiLU and leaky ReLU keep a gradient for negative inputs, so they cannot die.
RELU_LIKE = ("relu", "relu6")
SQUASHING = ("sigmoid", "tanh", "hard_sigmoid", "softsign")


@dataclasses.dataclass(frozen=True)
class Thresholds:
    """Thresholds of every rule; docs/diagnosis.md explains each one.

    Create a changed copy with ``dataclasses.replace(Thresholds(), ...)`` or
    ``Thresholds(vanishing_depth_ratio=1e-4)``.

    Attributes:
      vanishing_depth_ratio: a layer's gradient RMS divided by the largest RMS
        of any layer after it (nearer the loss). Below this ratio (default
        1e-3, three orders of magnitude) the gradient is vanishing on its way
        back to that layer.
      vanishing_floor: gradient RMS below this absolute value (default 1e-8)
        is vanishing whatever the other layers do (float32 updates that small
        change nothing).
      exploding_l2: a layer's gradient L2 norm above this (default 1e3) is
        exploding.
      exploding_growth: a layer's gradient L2 norm growing by this factor
        (default 1e2) over its median of the first logged steps of the window.
      exploding_depth_ratio: a layer's gradient RMS larger than this factor
        (default 1e3) times the RMS of the last layer (gradients growing on
        the way back).
      persist_steps: the vanishing and stalled rules need their condition on
        this many consecutive logged steps (default 2), or on the only step
        when the window has fewer; NaN, Inf and exploding fire at once.
      dead_fraction: fraction of units never active on the probe batch above
        which a ReLU-like layer is flagged (default 0.5); ``error`` from
        ``dead_fraction_error`` (default 0.9).
      saturation_level: a sigmoid output within this distance of 0 or 1, or a
        tanh output with ``|y| > 1 - saturation_level``, is saturated
        (default 0.01).
      saturated_sample_fraction: a unit is saturated when it is saturated on
        at least this fraction of probe samples (default 0.9).
      saturated_fraction: fraction of saturated units above which a sigmoid or
        tanh layer is flagged (default 0.5).
      stalled_update_ratio: ``update_ratio`` = ||w - w_prev|| / ||w_prev||
        between logged steps below this (default 1e-6) means the weights have
        stopped moving. Healthy training shows about 1e-3 per optimiser step.
      overfit_rise: validation loss this fraction (default 0.1, i.e. 10%)
        above its best while training loss went on falling.
      overfit_patience: ...for at least this many epochs after the best
        validation loss (default 3).
      underfit_min_epochs: epochs of history before the under-fitting rule
        speaks (default 5).
      underfit_min_drop: training loss that fell by less than this fraction
        of its first value (default 0.1) is under-fitting.
      underfit_chance_ratio: with ``num_classes`` known, a last training loss
        above this fraction (default 0.9) of the chance-level cross-entropy
        ``ln(num_classes)`` is under-fitting.
      never_predicted_steps: a class with probe samples that the model
        predicted for none of them in this many consecutive logged confusion
        matrices, the newest included (default 3), is flagged.
    """

    vanishing_depth_ratio: float = 1e-3
    vanishing_floor: float = 1e-8
    exploding_l2: float = 1e3
    exploding_growth: float = 1e2
    exploding_depth_ratio: float = 1e3
    persist_steps: int = 2
    dead_fraction: float = 0.5
    dead_fraction_error: float = 0.9
    saturation_level: float = 0.01
    saturated_sample_fraction: float = 0.9
    saturated_fraction: float = 0.5
    stalled_update_ratio: float = 1e-6
    overfit_rise: float = 0.1
    overfit_patience: int = 3
    underfit_min_epochs: int = 5
    underfit_min_drop: float = 0.1
    underfit_chance_ratio: float = 0.9
    never_predicted_steps: int = 3


DEFAULT_THRESHOLDS = Thresholds()

HINTS = {
    "vanishing_gradient": (
        "Gradients reaching this layer are orders of magnitude smaller than nearer the "
        "output, so it barely learns. Try ReLU-family activations instead of sigmoid/tanh, "
        "He (for ReLU) or Glorot (for tanh) initialisation, batch normalisation, or "
        "residual connections."
    ),
    "exploding_gradient": (
        "Gradients are huge or growing fast; training is about to diverge. Lower the "
        "learning rate, add gradient clipping (Keras clipnorm=1.0, PyTorch "
        "clip_grad_norm_), check the initialisation scale, or add normalisation layers."
    ),
    "nan": (
        "NaN in the gradients: training diverged or an unsafe operation (log(0), 0/0) "
        "produced it. Lower the learning rate, add gradient clipping, check the inputs for "
        "NaN, and use numerically stable losses (from_logits=True)."
    ),
    "inf": (
        "Infinite gradients: values overflowed. Lower the learning rate, add gradient "
        "clipping, scale the inputs, and use numerically stable losses (from_logits=True)."
    ),
    "dead_units": (
        "Many ReLU units output zero for every probe input; they get no gradient and stop "
        "learning. Lower the learning rate, use He initialisation, a small positive bias, "
        "or LeakyReLU/ELU/GELU."
    ),
    "saturated_units": (
        "Many sigmoid/tanh units sit on the flat ends of their curve, where the gradient "
        "is almost zero. Normalise the inputs, use Glorot initialisation, add batch "
        "normalisation, or switch to ReLU-family activations."
    ),
    "stalled_weights": (
        "This layer's weights have practically stopped changing between logged steps "
        "(healthy is about 1e-3 per step). Check that its gradient is not vanishing or "
        "cut off by dead units, raise the learning rate, or confirm it is meant to be "
        "frozen."
    ),
    "overfitting": (
        "Validation loss is rising while training loss keeps falling: the model memorises "
        "the training set. Use early stopping with the best weights restored, more data or "
        "augmentation, dropout, weight decay (L2), or a smaller model."
    ),
    "underfitting": (
        "Training loss is barely falling or stays near chance level. Train longer, raise "
        "the learning rate, use a bigger model, and check inputs, labels and preprocessing."
    ),
    "class_never_predicted": (
        "The model predicts these classes for none of the probe samples although the "
        "probe set holds some: it has collapsed onto other classes. Check the class "
        "balance (class weights or resampling), the labels of these classes, the output "
        "layer's size, and that training has not stalled."
    ),
}

SEVERITY = {
    "vanishing_gradient": "warning",
    "exploding_gradient": "error",
    "nan": "error",
    "inf": "error",
    "dead_units": "warning",
    "saturated_units": "warning",
    "stalled_weights": "warning",
    "overfitting": "warning",
    "underfitting": "warning",
    "class_never_predicted": "warning",
}


def event(
    code: str,
    step: int,
    layer: Optional[str],
    value: Optional[float],
    threshold: Optional[float],
    *,
    severity: Optional[str] = None,
    detail: str = "",
) -> Dict[str, Any]:
    """One health event dict; ``detail`` (what was measured) precedes the standard hint."""
    if code not in HINTS:
        raise ValueError(f"code must be one of {CODES}, got {code!r}")
    hint = f"{detail} {HINTS[code]}" if detail else HINTS[code]
    return {
        "step": int(step),
        "layer": layer,
        "code": code,
        "severity": severity or SEVERITY[code],
        "value": _plain(value),
        "threshold": _plain(threshold),
        "hint": hint,
    }


def _plain(x: Optional[float]) -> Optional[float]:
    return None if x is None else float(x)


class _Found:
    """Collects one event per (code, layer): the first step, the worst value."""

    def __init__(self) -> None:
        self._events: Dict[tuple, Dict[str, Any]] = {}

    def add(self, e: Dict[str, Any], worse: Any = max) -> None:
        key = (e["code"], e["layer"])
        old = self._events.get(key)
        if old is None:
            self._events[key] = e
            return
        if e["value"] is not None and old["value"] is not None:
            old["value"] = worse(old["value"], e["value"])
        if e["severity"] == "error":
            old["severity"] = "error"

    def events(self) -> List[Dict[str, Any]]:
        return sorted(self._events.values(), key=lambda e: (e["step"], e["code"], e["layer"] or ""))


# --------------------------------------------------------------------------- gradient flow


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
    found = _Found()

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
    # matter to ``_Found``: two events per layer, not one per (step, layer),
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


def _persistent(hit: np.ndarray, need: int) -> np.ndarray:
    """``hit`` [steps, layers] -> True where the run of hits ending there is ``need`` long.

    With fewer steps than ``need`` in the window, every step counts on its own.
    """
    need = max(1, min(int(need), hit.shape[0]))
    run = np.zeros(hit.shape[1], dtype=int)
    out = np.zeros_like(hit)
    for s in range(hit.shape[0]):
        run = np.where(hit[s], run + 1, 0)
        out[s] = run >= need
    return out


def _first_hits(found: _Found, hits: np.ndarray, make) -> None:
    """Adds ``make(s, li)`` for every persistent hit (``_Found`` keeps the first)."""
    for s, li in zip(*np.nonzero(hits)):
        found.add(*make(int(s), int(li)))


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
    depth_hits = _persistent(by_depth, t.persist_steps)
    floor_hits = _persistent(by_floor & ~by_depth, t.persist_steps)

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

    _first_hits(found, depth_hits, depth)
    _first_hits(found, floor_hits, floor)


def _exploding(found, layers, steps, l2, magnitude, t: Thresholds) -> None:
    if l2 is not None:
        l2f = np.where(np.isfinite(l2), l2, np.nan)
        with np.errstate(invalid="ignore"):
            huge = l2f > t.exploding_l2
        _first_hits(
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
            with np.errstate(invalid="ignore", divide="ignore"), _quiet():
                base = np.nanmedian(l2f[:head], axis=0)
                growth = l2f / base
                grew = (base > 0) & (growth > t.exploding_growth)
            grew[:head] = False
            _first_hits(
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
        _first_hits(
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
    hits = _persistent(hit, t.persist_steps)
    _first_hits(
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


class _quiet:
    """Silences numpy's 'All-NaN slice' warnings inside a block."""

    def __enter__(self):
        import warnings

        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("ignore", RuntimeWarning)

    def __exit__(self, *exc):
        self._catch.__exit__(*exc)


# --------------------------------------------------------------------------- activations


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
        with np.errstate(invalid="ignore"), _quiet():  # a NaN unit is not dead
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


# --------------------------------------------------------------------------- loss curves


def diagnose_loss_curves(
    steps: Sequence[int],
    train_loss: Sequence[float],
    val_loss: Optional[Sequence[float]] = None,
    *,
    num_classes: Optional[int] = None,
    thresholds: Optional[Thresholds] = None,
) -> List[Dict[str, Any]]:
    """Over- and under-fitting from per-epoch training and validation losses.

    Args:
      steps: the step (or epoch) of each loss value.
      train_loss: training loss per epoch.
      val_loss: validation loss per epoch, or None.
      num_classes: for a classifier trained with cross-entropy, enables the
        near-chance test against ``ln(num_classes)``.

    Returns:
      At most one ``overfitting`` and one ``underfitting`` event (layer None).
    """
    t = thresholds or DEFAULT_THRESHOLDS
    train = np.asarray(train_loss, dtype=np.float64)
    if len(steps) != train.size:
        raise ValueError(f"steps has {len(steps)} values but train_loss has {train.size}")
    found: List[Dict[str, Any]] = []
    if val_loss is not None:
        val = np.asarray(val_loss, dtype=np.float64)
        if val.size != train.size:
            raise ValueError(f"val_loss has {val.size} values but train_loss has {train.size}")
        e = _overfitting(steps, train, val, t)
        if e:
            found.append(e)
    e = _underfitting(steps, train, num_classes, t)
    if e:
        found.append(e)
    return found


def _overfitting(steps, train, val, t: Thresholds) -> Optional[Dict[str, Any]]:
    for i in range(1, val.size):
        best = int(np.argmin(np.where(np.isfinite(val[: i + 1]), val[: i + 1], np.inf)))
        if i - best < t.overfit_patience or not np.isfinite(val[best]) or val[best] <= 0:
            continue
        rise = (val[i] - val[best]) / val[best]
        train_fell = np.isfinite(train[i]) and train[i] < train[best]
        if rise >= t.overfit_rise and train_fell:
            return event(
                "overfitting",
                steps[i],
                None,
                rise,
                t.overfit_rise,
                detail=f"Validation loss is {rise:.0%} above its best ({val[best]:.3g} at step "
                f"{steps[best]}) while training loss fell from {train[best]:.3g} to "
                f"{train[i]:.3g}.",
            )
    return None


def _underfitting(steps, train, num_classes, t: Thresholds) -> Optional[Dict[str, Any]]:
    finite = np.isfinite(train)
    if train.size < t.underfit_min_epochs or not finite.all():
        return None  # diverged runs are NaN/exploding, not under-fitting
    first, last = train[0], train[-1]
    if num_classes and num_classes > 1:
        chance = math.log(num_classes)
        if last >= t.underfit_chance_ratio * chance:
            return event(
                "underfitting",
                steps[-1],
                None,
                last,
                t.underfit_chance_ratio * chance,
                detail=f"Training loss {last:.3g} is still near chance level "
                f"(ln {num_classes} = {chance:.3g}).",
            )
    if first > 0:
        drop = (first - last) / first
        if drop < t.underfit_min_drop:
            return event(
                "underfitting",
                steps[-1],
                None,
                drop,
                t.underfit_min_drop,
                detail=f"Training loss fell only {drop:.0%} in {train.size} epochs.",
            )
    return None


# --------------------------------------------------------------------------- predictions


def diagnose_predictions(
    class_names: Sequence[str],
    steps: Sequence[int],
    counts: Any,
    thresholds: Optional[Thresholds] = None,
) -> List[Dict[str, Any]]:
    """What a series of confusion matrices shows: classes the model never predicts.

    Args:
      class_names: the ``C`` class names (rows and columns).
      steps: the step of each matrix, ascending.
      counts: ``[steps, C, C]`` counts, rows true class, columns predicted.

    Returns:
      At most one ``class_never_predicted`` event (layer None) at the newest
      step, with ``value`` the number of such classes and ``classes`` their names.
      Judged on the newest ``never_predicted_steps`` matrices only, so a class
      that early training ignored but that the model predicts now is no finding.

    Example:
        >>> cm = np.array([[[5, 0], [4, 0]]] * 3)   # class "b" is always called "a"
        >>> diagnose_predictions(["a", "b"], [0, 1, 2], cm)[0]["classes"]
        ['b']
    """
    t = thresholds or DEFAULT_THRESHOLDS
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 3 or table.shape[1:] != (len(class_names), len(class_names)):
        raise ValueError(
            f"counts must be [steps, {len(class_names)}, {len(class_names)}], got {table.shape}"
        )
    if len(steps) != table.shape[0]:
        raise ValueError(f"steps has {len(steps)} values but counts has {table.shape[0]}")
    need = max(1, int(t.never_predicted_steps))
    if table.shape[0] < need:
        return []
    recent = table[-need:]
    present = (recent.sum(axis=2) > 0).all(axis=0)  # the class has probe samples throughout
    never = (recent.sum(axis=1) == 0).all(axis=0) & present
    if not never.any():
        return []
    names = [class_names[i] for i in np.flatnonzero(never)]
    samples = int(recent[-1].sum(axis=1)[never].sum())
    listed = ", ".join(repr(n) for n in names[:10]) + (" ..." if len(names) > 10 else "")
    e = event(
        "class_never_predicted",
        steps[-1],
        None,
        len(names),
        None,
        detail=f"{len(names)} of {len(class_names)} classes ({listed}; {samples} probe samples) "
        f"were predicted for no probe sample in the last {need} logged steps.",
    )
    e["classes"] = names
    return [e]


def merge_new(events: Iterable[Mapping[str, Any]], seen: set) -> List[Dict[str, Any]]:
    """Events whose ``(code, layer)`` is not in ``seen`` yet; adds them to ``seen``.

    Writers diagnose a sliding window again and again; this keeps each problem
    to one stored event per run.
    """
    out = []
    for e in events:
        key = (e["code"], e.get("layer"))
        if key not in seen:
            seen.add(key)
            out.append(dict(e))
    return out

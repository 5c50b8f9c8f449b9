"""Rules over the loss curves: over- and under-fitting."""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from tbviz_plugin.diagnose.base import DEFAULT_THRESHOLDS, Thresholds, event


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

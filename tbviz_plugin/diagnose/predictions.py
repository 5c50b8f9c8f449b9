"""Rules over the confusion matrices of the probe set: classes never predicted."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

import numpy as np

from tbviz_plugin.diagnose.base import DEFAULT_THRESHOLDS, Thresholds, event, layer_kind


def diagnose_predictions(
    class_names: Sequence[str],
    steps: Sequence[int],
    counts: Any,
    thresholds: Optional[Thresholds] = None,
    *,
    layer_types: Optional[Mapping[str, str]] = None,
) -> List[Dict[str, Any]]:
    """What a series of confusion matrices shows: classes the model never predicts.

    Args:
      class_names: the ``C`` class names (rows and columns).
      steps: the step of each matrix, ascending.
      counts: ``[steps, C, C]`` counts, rows true class, columns predicted.
      layer_types: the model's layer name -> class name (its layer table), when
        known: with BatchNorm layers the hint names their eval-mode statistics
        first, the usual cause of a short run.

    Returns:
      At most one ``class_never_predicted`` event (layer None) at the newest
      step, with ``value`` the number of such classes and ``classes`` their
      names; its ``evidence`` holds the window, the classes, their probe
      samples, the classes predicted, and the BatchNorm layers (null when the
      layers are unknown).
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
    predicted = [class_names[i] for i in np.flatnonzero(recent[-1].sum(axis=0) > 0)]
    norms = None
    if layer_types is not None:
        norms = sorted(n for n, k in layer_types.items() if layer_kind(n, k) == "batchnorm")
    detail = (
        f"{len(names)} of {len(class_names)} classes ({listed}; {samples} probe samples) "
        f"were predicted for no probe sample in the last {need} logged steps "
        f"({steps[-need]}-{steps[-1]})"
    )
    if norms:
        detail += f"; the model has {len(norms)} BatchNorm layer{'s' if len(norms) > 1 else ''}"
    e = event(
        "class_never_predicted",
        steps[-1],
        None,
        len(names),
        None,
        detail=detail + ".",
        kind="batchnorm" if norms else None,
        evidence={
            "window": [steps[-need], steps[-1]],
            "logged_steps": need,
            "classes": names,
            "probe_samples": samples,
            "predicted_classes": predicted,
            "batchnorm_layers": None if norms is None else len(norms),
        },
    )
    e["classes"] = names
    return [e]

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

from tbviz_plugin.diagnose.base import (
    CODES,
    DEFAULT_THRESHOLDS,
    HINTS,
    RELU_LIKE,
    SEVERITY,
    SQUASHING,
    Thresholds,
    event,
    merge_new,
)
from tbviz_plugin.diagnose.curves import diagnose_loss_curves
from tbviz_plugin.diagnose.gradients import diagnose_gradient_flow
from tbviz_plugin.diagnose.predictions import diagnose_predictions
from tbviz_plugin.diagnose.units import (
    activation_unit_stats,
    diagnose_activation_stats,
    diagnose_activations,
    diagnose_unit_history,
    fewest_beyond_chance,
    normalise_activation,
)

__all__ = [
    "CODES",
    "DEFAULT_THRESHOLDS",
    "HINTS",
    "RELU_LIKE",
    "SEVERITY",
    "SQUASHING",
    "Thresholds",
    "activation_unit_stats",
    "diagnose_activation_stats",
    "diagnose_activations",
    "diagnose_gradient_flow",
    "diagnose_loss_curves",
    "diagnose_predictions",
    "diagnose_unit_history",
    "event",
    "fewest_beyond_chance",
    "merge_new",
    "normalise_activation",
]

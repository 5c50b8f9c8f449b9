"""numpy -> tbviz summaries, one function per kind; no I/O, no TensorFlow.

The kinds live in ``tbviz_plugin.kinds``, one module each; this module gathers
their public functions under the names writers and users call.

Each kind is built in two steps so that writers can split the work:

* ``prepare_<kind>(...)`` validates the arguments (raising ``ValueError`` or
  ``TypeError`` that names the argument) and copies the array. It is cheap and
  runs on the caller's thread, so errors surface where the mistake was made.
* the returned ``Prepared`` value's ``build()`` does the reshaping and pooling
  and returns a ``SummaryTensor``; ``tbviz.Writer`` calls it on its background
  thread.

The plain functions (``weight_surface`` etc.) do both and return a ``Summary``
proto for any writer that takes protos.

Example:
    >>> import numpy as np
    >>> s = weight_surface("dense/kernel", np.ones((784, 128)))
    >>> s.value[0].tag, s.value[0].tensor.tensor_shape.dim[0].size
    ('dense/kernel', 196)
"""

from __future__ import annotations

from tbviz_plugin.kinds.activation_map import DEFAULT_CHANNEL_GRID, DEFAULT_DENSE_GRID
from tbviz_plugin.kinds.activation_map import activation_map as activation_map
from tbviz_plugin.kinds.activation_map import prepare as prepare_activation_map
from tbviz_plugin.kinds.base import (
    LAYOUTS,
    Prepared,
    SummaryTensor,
    check_step,
    check_tag,
)
from tbviz_plugin.kinds.confusion_matrix import confusion_matrix as confusion_matrix
from tbviz_plugin.kinds.confusion_matrix import prepare as prepare_confusion_matrix
from tbviz_plugin.kinds.feature_importance import feature_importance as feature_importance
from tbviz_plugin.kinds.feature_importance import prepare as prepare_feature_importance
from tbviz_plugin.kinds.gradient_flow import gradient_flow as gradient_flow
from tbviz_plugin.kinds.gradient_flow import prepare as prepare_gradient_flow
from tbviz_plugin.kinds.gradient_flow import prepare_table as prepare_gradient_flow_table
from tbviz_plugin.kinds.health import SEVERITIES, normalise_event
from tbviz_plugin.kinds.health import health as health
from tbviz_plugin.kinds.health import prepare as prepare_health
from tbviz_plugin.kinds.image import image as image
from tbviz_plugin.kinds.image import prepare as prepare_image
from tbviz_plugin.kinds.layer_table import layer_table as layer_table
from tbviz_plugin.kinds.layer_table import normalise_layer_row
from tbviz_plugin.kinds.layer_table import prepare as prepare_layer_table
from tbviz_plugin.kinds.scalar import prepare as prepare_scalar
from tbviz_plugin.kinds.scalar import scalar as scalar
from tbviz_plugin.kinds.weight_surface import DEFAULT_SURFACE_GRID, QUANTITIES, surface_layout
from tbviz_plugin.kinds.weight_surface import prepare as prepare_weight_surface
from tbviz_plugin.kinds.weight_surface import prepare_pooled as prepare_pooled_weight_surface
from tbviz_plugin.kinds.weight_surface import weight_surface as weight_surface

__all__ = [
    "DEFAULT_CHANNEL_GRID",
    "DEFAULT_DENSE_GRID",
    "DEFAULT_SURFACE_GRID",
    "LAYOUTS",
    "QUANTITIES",
    "SEVERITIES",
    "Prepared",
    "SummaryTensor",
    "activation_map",
    "check_step",
    "check_tag",
    "confusion_matrix",
    "feature_importance",
    "gradient_flow",
    "health",
    "image",
    "layer_table",
    "normalise_event",
    "normalise_layer_row",
    "prepare_activation_map",
    "prepare_confusion_matrix",
    "prepare_feature_importance",
    "prepare_gradient_flow",
    "prepare_gradient_flow_table",
    "prepare_health",
    "prepare_image",
    "prepare_layer_table",
    "prepare_pooled_weight_surface",
    "prepare_scalar",
    "prepare_weight_surface",
    "scalar",
    "surface_layout",
    "weight_surface",
]

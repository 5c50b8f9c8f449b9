"""What the model sees and decides on the probe set, for the Keras, PyTorch and JAX integrations.

At every logged step the integrations run the probe batch ``(x, y)`` through the
model once more, in inference mode, with the gradient of the loss taken with
respect to the *input* (never the weights: training is not touched), and write:

* ``<model>/confusion_matrix``: true class against predicted class (classifiers:
  outputs ``[N, C]`` with ``C >= 2`` scored by argmax, or one output ``[N, 1]``
  thresholded: probabilities at 0.5, logits at 0);
* ``<model>/feature_importance``: the mean over the probe set of
  ``|d loss / d input * input|`` (gradient x input), shaped like one input,
  images summed over their channels;
* ``<model>/predictions``: for image inputs ``[N, H, W, C]`` (Keras) or
  ``[N, C, H, W]`` (PyTorch), one picture of the first probe images with their
  true and predicted labels, through TensorBoard's own Images dashboard.

The per-sample loss is summed over the batch before differentiating, so each
sample's input gradient is that of its own loss, whatever the loss's reduction.

Everything framework-specific is one function per framework (``keras_outputs``, ``jax_outputs``,
``torch_outputs``, in ``probes.importance``) returning host arrays; ``PredictionProbe``
(``probes.prediction``) writes them; ``probes.data`` slices and describes probe inputs.

Example:
    >>> probe = PredictionProbe(w, "mlp", compute, x, y, layout="channels_last")  # doctest: +SKIP
    >>> probe.log(step=100)                                                     # doctest: +SKIP
"""

from tbviz_plugin.integrations.probes.data import (
    MAX_PROBE_SAMPLES,
    PROBE_BATCH,
    cap_probe,
    describe,
    inputs_of,
    map_inputs,
    num_samples,
    take,
)
from tbviz_plugin.integrations.probes.importance import (
    for_jax,
    for_keras,
    for_torch,
    jax_outputs,
    keras_in_graph,
    keras_outputs,
    model_scores,
    torch_outputs,
)
from tbviz_plugin.integrations.probes.prediction import (
    MAX_GRID_IMAGES,
    Importance,
    Outputs,
    PredictionProbe,
    cross_entropy,
    prediction_grid,
)

__all__ = [
    "MAX_GRID_IMAGES",
    "MAX_PROBE_SAMPLES",
    "PROBE_BATCH",
    "Importance",
    "Outputs",
    "PredictionProbe",
    "cap_probe",
    "cross_entropy",
    "describe",
    "for_jax",
    "for_keras",
    "for_torch",
    "inputs_of",
    "jax_outputs",
    "keras_in_graph",
    "keras_outputs",
    "map_inputs",
    "model_scores",
    "num_samples",
    "prediction_grid",
    "take",
    "torch_outputs",
]

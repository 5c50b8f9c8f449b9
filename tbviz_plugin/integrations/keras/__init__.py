"""Keras: ``TbvizCallback(log_dir)`` records weights, activations, gradient flow and health.

Example::

    from tbviz_plugin.integrations.keras import TbvizCallback

    model.fit(x, y, validation_split=0.2, epochs=10, callbacks=[TbvizCallback("logs/run1")])

Supported: Keras 3 with the TensorFlow backend (``KERAS_BACKEND=tensorflow``,
the default), Sequential and Functional models for every part; subclassed
models get weights, gradient flow, scalars and health but no activation maps
(their layer outputs are not reachable from outside the model). Under the JAX
and PyTorch backends ``TbvizCallback(...)`` returns a ``BackendCallback`` (a
``TbvizCallback`` too), with the same arguments and tags.

The package, one job per module: ``callback`` (the hooks, cadence, probe and
logging parts, written once), ``steps`` (what a backend provides), ``tf_steps``,
``tf_train_step`` and ``tf_reduce`` (TensorFlow), ``jax_steps``, ``torch_steps``,
and ``model_info`` (what is read off a Keras model). The callback is an adapter
on ``integrations.core``: it reduces on the device and hands host arrays to a
``StepLogger``, which writes each part. It never changes training.

Gradient statistics come from the training step's own gradients: on
TensorFlow the callback wraps the optimiser's ``apply`` so that, on the steps it
logs (and only then), the compiled train step copies the gradients into device
variables, which the callback reduces to per-layer sums after the step. Weights
are pooled to their surface grid on the device too, so a logged step moves only
pooled surfaces, activations of the probe batch and a few sums to the host, in
one copy. The log of the state before the first batch has no training gradient
yet, so it has weights but no gradient-flow row; the first batch's gradients
(taken at those same initial weights) are the flow of the next log, which the
governor always takes.

Without ``probe_data`` the probe batch is the first ``probe_size`` samples of
the first training batch, kept by the train step itself (arrays, datasets and
generators alike), so activation maps start with the log after that batch.
"""

from tbviz_plugin.integrations.keras.callback import BACKENDS, BackendCallback, TbvizCallback

__all__ = ["BACKENDS", "BackendCallback", "TbvizCallback"]

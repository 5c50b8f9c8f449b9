"""Trains small Keras models on scikit-learn's digits with ``TbvizCallback`` under the
Keras backend of ``KERAS_BACKEND`` (jax or torch), for test_keras_backends.py.

Run as ``python keras_backend_worker.py OUT_DIR``: each scenario writes its event
files under ``OUT_DIR/<scenario>`` and what only this process can see (the
model's final weights, gradients computed here, warnings, traces) into
``OUT_DIR/result.json`` and ``OUT_DIR/*.npy``. The backend is fixed per process,
so the tests run this in a subprocess per backend.
"""

import json
import logging
import os
import random
import sys

import keras
import numpy as np
from keras.src.backend.common import global_state
from keras.src.random import seed_generator
from sklearn.datasets import load_digits

from tbviz_plugin.integrations.keras import TbvizCallback

BACKEND = keras.backend.backend()


def seed(value):
    """``keras.utils.set_random_seed`` without its TensorFlow import (it seeds TF when
    TF is installed, and this worker proves TF is never needed)."""
    global_state.set_global_attribute("global_random_seed", value)
    global_state.set_global_attribute(seed_generator.GLOBAL_SEED_GENERATOR, None)
    random.seed(value)
    np.random.seed(value)
    if BACKEND == "torch":
        import torch

        torch.manual_seed(value)


def mlp(depth, act="relu", width=32, names=False):
    """A Sequential MLP; ``names``: its layers are ``fc0``, ``fc1``, ... (Keras' own
    names count up across the models of a process)."""
    layers = [keras.Input((64,))]
    for i in range(depth + 1):
        layers.append(
            keras.layers.Dense(
                width if i < depth else 10,
                activation=act if i < depth else None,
                name=f"fc{i}" if names else None,
            )
        )
    return keras.Sequential(layers, name="mlp")


def compiled(model):
    model.compile(
        keras.optimizers.SGD(0.1),
        keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    return model


def fit(model, x, y, callback=None, epochs=2, batch_size=32, **kw):
    return model.fit(
        x,
        y,
        epochs=epochs,
        batch_size=batch_size,
        verbose=0,
        callbacks=[callback] if callback is not None else [],
        **kw,
    )


def layer_grad_l2(model, x, y):
    """Per layer, the l2 norm of the gradient of the compiled loss at the model's
    current weights on (x, y), computed here with the backend's own autograd."""
    loss_fn = model.loss
    if BACKEND == "jax":
        import jax

        trainable = [v.value for v in model.trainable_variables]
        non_trainable = [v.value for v in model.non_trainable_variables]

        def loss(tv):
            out, _ = model.stateless_call(tv, non_trainable, x, training=True)
            return loss_fn(y, out)

        grads = [np.asarray(g, np.float64) for g in jax.grad(loss)(trainable)]
    else:
        import torch

        model.zero_grad()
        loss_fn(torch.as_tensor(y), model(torch.as_tensor(x), training=True)).backward()
        grads = [v.value.grad.double().numpy().copy() for v in model.trainable_variables]
        model.zero_grad()
    by_id = {id(v): g for v, g in zip(model.trainable_variables, grads)}
    return {
        layer.name: float(np.sqrt(sum(np.sum(by_id[id(v)] ** 2) for v in layer.trainable_weights)))
        for layer in model.layers
        if layer.trainable_weights
    }


class Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def main(out):
    x, y = load_digits(return_X_y=True)
    x, y = (x / 16.0).astype("float32"), y.astype("int32")
    x_val, y_val = x[1504:], y[1504:]
    result = {"backend": BACKEND}
    caught = Warnings()
    logging.getLogger("tbviz").addHandler(caught)

    # A healthy ReLU MLP, 2 x 47 batches, a labelled probe set, every=10.
    seed(0)
    model = compiled(mlp(2))
    callback = TbvizCallback(os.path.join(out, "healthy"), every=10, probe_data=(x_val, y_val))
    fit(model, x[:1504], y[:1504], callback, validation_data=(x_val, y_val))
    result["callback_type"] = type(callback).__name__
    result["healthy_events"] = [e["code"] for e in callback.events]
    result["traces"] = getattr(callback._steps, "traces", None)
    for layer in model.layers:
        np.save(
            os.path.join(out, f"healthy_{layer.name}_kernel.npy"),
            np.asarray(keras.ops.convert_to_numpy(layer.kernel)),
        )
    probe = model(x_val, training=False)
    result["probe_argmax"] = np.argmax(keras.ops.convert_to_numpy(probe), 1).tolist()
    result["probe_labels"] = y_val.tolist()
    hidden = keras.Model(model.inputs[0], model.layers[0].output)(x_val[:64])
    np.save(os.path.join(out, "healthy_dense_activation.npy"), keras.ops.convert_to_numpy(hidden))

    # One batch of 256 from known weights: its gradient-flow row is the gradient at them.
    seed(1)
    model = compiled(mlp(3))
    result["one_batch_l2"] = layer_grad_l2(model, x[:256], y[:256])
    callback = TbvizCallback(os.path.join(out, "one_batch"), every=1)
    fit(model, x[:256], y[:256], callback, epochs=1, batch_size=256, shuffle=False)

    # A 10-layer sigmoid MLP loses its gradient on the way back.
    seed(0)
    model = compiled(mlp(10, "sigmoid"))
    callback = TbvizCallback(os.path.join(out, "sigmoid"), every=10)
    fit(model, x[:1504], y[:1504], callback, epochs=1)
    result["sigmoid_layers"] = [layer.name for layer in model.layers]
    result["sigmoid_vanishing"] = [
        e["layer"] for e in callback.events if e["code"] == "vanishing_gradient"
    ]

    # Training is unchanged: the same seed gives the same weights with and without.
    finals = []
    for with_callback in (False, True):
        seed(2)
        model = compiled(mlp(2))
        callback = TbvizCallback(os.path.join(out, "same"), every=3) if with_callback else None
        history = fit(model, x[:640], y[:640], callback, epochs=2)
        finals.append(
            ([keras.ops.convert_to_numpy(v) for v in model.weights], history.history["loss"])
        )
    (w0, h0), (w1, h1) = finals
    result["same_weights"] = all(np.array_equal(a, b) for a, b in zip(w0, w1))
    result["same_history"] = h0 == h1

    # A probe the model cannot run warns once, naming probe_data; training goes on.
    seed(0)
    model = compiled(mlp(1))
    before = len(caught.messages)
    callback = TbvizCallback(
        os.path.join(out, "bad_probe"), every=5, probe_data=(x[:50, :10], y[:50])
    )
    fit(model, x[:320], y[:320], callback, epochs=1)
    result["bad_probe_warnings"] = caught.messages[before:]

    # The default cadence (the governor), the first batch as the probe, include/exclude,
    # the last step logged whatever `every`.
    seed(0)
    model = compiled(mlp(2))
    fit(model, x[:320], y[:320], TbvizCallback(os.path.join(out, "governor")), epochs=2)
    seed(0)
    model = compiled(mlp(2, names=True))
    callback = TbvizCallback(os.path.join(out, "every7"), every=7, include="fc1")
    fit(model, x[:320], y[:320], callback, epochs=2)

    result["tensorflow_imported"] = "tensorflow" in sys.modules
    with open(os.path.join(out, "result.json"), "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main(sys.argv[1])

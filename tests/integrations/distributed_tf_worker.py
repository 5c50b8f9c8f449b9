"""A Keras fit under MirroredStrategy over 2 logical CPU devices, or the single-device reference.

    python distributed_tf_worker.py mirrored|single LOGDIR

Both start from the same weights and train on the same 4 batches of 64
digits; the callback's probe batch is the same 64 samples.

Over several replicas the callback's gradient flow is the probe batch's
gradient, split over the replicas and reduced with the strategy's collectives
(one replica's training step sees only its share of the batch). The single
run also writes that reference: the probe batch's gradient statistics on one
device, by plain numpy, to ``LOGDIR/probe_reference.npz``.
"""

import sys

import tensorflow as tf

# Before TensorFlow touches a device: split the one CPU into two logical devices.
_cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(_cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin import reduce  # noqa: E402
from tbviz_plugin.integrations.keras import TbvizCallback  # noqa: E402


class ProbeReference(keras.callbacks.Callback):
    """Gradient statistics of the probe batch, per layer, at each step the callback logs."""

    def __init__(self, x, y, loss):
        super().__init__()
        self.x, self.y, self.loss, self.tables, self.step = x, y, loss, {}, 0

    def _record(self):
        layers = [layer for layer in self.model.layers if layer.trainable_weights]
        variables = [v for layer in layers for v in layer.trainable_weights]
        with tf.GradientTape() as tape:
            loss = self.loss(self.y, self.model(self.x, training=False))
        grads = iter(tape.gradient(loss, variables))
        rows = []
        for layer in layers:
            flat = np.concatenate([next(grads).numpy().ravel() for _ in layer.trainable_weights])
            stats = reduce.layer_stats(flat.astype(np.float64))
            rows.append([stats[name] for name in reduce.GRADIENT_STATS])
        self.tables[self.step] = np.array(rows)

    def on_train_begin(self, logs=None):
        self._record()

    def on_train_batch_end(self, batch, logs=None):
        self.step += 1
        self._record()


def main(kind, logdir):
    x, y = load_digits(return_X_y=True)
    x, y = (x[:256] / 16.0).astype("float32"), y[:256]
    if kind == "mirrored":
        strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
        assert strategy.num_replicas_in_sync == 2
    else:
        strategy = tf.distribute.get_strategy()
    with strategy.scope():
        model = keras.Sequential(
            [
                keras.Input((64,)),
                keras.layers.Dense(32, activation="relu", name="d1"),
                keras.layers.Dense(16, activation="tanh", name="d2"),
                keras.layers.Dense(10, name="out"),
            ]
        )
        rng = np.random.default_rng(0)
        model.set_weights([rng.normal(0, 0.3, w.shape).astype("float32") for w in model.weights])
        model.compile(
            optimizer=keras.optimizers.SGD(0.5),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        )
    callback = TbvizCallback(
        logdir, every=1, probe_data=(x[:64], y[:64]), name="mlp", write_graph=False
    )
    callbacks = [callback]
    if kind == "single":
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
        reference = ProbeReference(x[:64], y[:64], loss)
        callbacks.append(reference)
    model.fit(x, y, batch_size=64, epochs=1, shuffle=False, callbacks=callbacks, verbose=0)
    if kind == "single":
        tables = {str(step): table for step, table in reference.tables.items()}
        np.savez(f"{logdir}/probe_reference.npz", **tables)
    if kind == "mirrored":
        steps = callback._steps
        assert steps.dist.reduces and steps._probe_partials is not None


if __name__ == "__main__":
    main(*sys.argv[1:])

"""A Keras fit under MirroredStrategy over 2 logical CPU devices, or the single-device reference.

    python distributed_tf_worker.py mirrored|single LOGDIR

Both start from the same weights and train on the same 4 batches of 64
digits; the callback's probe batch is the same 64 samples.
"""

import sys

import tensorflow as tf

# Before TensorFlow touches a device: split the one CPU into two logical devices.
_cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(_cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin.integrations.keras import TbvizCallback  # noqa: E402


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
    model.fit(x, y, batch_size=64, epochs=1, shuffle=False, callbacks=[callback], verbose=0)
    if kind == "mirrored":
        assert callback._dist.reduces and callback._probe_partials is not None


if __name__ == "__main__":
    main(*sys.argv[1:])

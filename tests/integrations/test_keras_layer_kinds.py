"""What ``TbvizCallback`` records for Keras' conv, normalisation, recurrent, attention and
embedding layers, checked against the trained model: a conv net with BatchNorm before
its activation on scikit-learn's digits, and a token model with an embedding, stacked
LSTMs and multi-head attention."""

import os

import pytest

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
keras = pytest.importorskip("keras")
pytest.importorskip("tensorflow")

import numpy as np  # noqa: E402
from integration_helpers import read_tensors  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin import metadata  # noqa: E402
from tbviz_plugin.integrations.common import FLOW_STATS  # noqa: E402
from tbviz_plugin.integrations.keras import TbvizCallback  # noqa: E402

WEIGHT_L2 = FLOW_STATS.index("weight_l2")


def flow(tensors, name):
    rows = tensors[f"{name}/gradient_flow"]
    layers = metadata.parse_plugin_metadata(rows[0][3].plugin_data.content)["layers"]
    return layers, rows


def layer_l2(layer):
    return float(
        np.sqrt(
            sum(np.sum(np.square(w.numpy().astype(np.float64))) for w in layer.trainable_weights)
        )
    )


def test_conv_and_batchnorm_before_its_activation(tmp_path):
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype("float32").reshape(-1, 8, 8, 1)
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input((8, 8, 1)),
            keras.layers.Conv2D(8, 3, padding="same", name="conv"),
            keras.layers.BatchNormalization(name="bn"),
            keras.layers.Activation("relu", name="relu"),
            keras.layers.GlobalAveragePooling2D(name="pool"),
            keras.layers.Dense(10, name="head"),
        ],
        name="convnet",
    )
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(
        x[:640],
        y[:640],
        batch_size=32,
        epochs=2,
        verbose=0,
        callbacks=[TbvizCallback(tmp_path, probe_data=(x[:64], y[:64]))],
    )
    tensors = read_tensors(tmp_path)
    layers, rows = flow(tensors, "convnet")
    assert layers == ["conv", "bn", "head"]
    # weight_l2 of the last row is that of the weights the fit ended with.
    last = rows[-1][2]
    for i, name in enumerate(layers):
        assert last[i, WEIGHT_L2] == pytest.approx(layer_l2(model.get_layer(name)), rel=1e-5)
    # The conv kernel [3, 3, 1, 8] is shown as the [9, 8] matrix it applies.
    kernel = tensors["conv/kernel"][-1][2]
    np.testing.assert_allclose(
        kernel, model.get_layer("conv").kernel.numpy().reshape(9, 8), rtol=1e-6
    )
    # BatchNorm's map is its own output (negatives included), one sample's [H, W, C].
    bn = tensors["bn"][-1][2]
    assert bn.shape[-3:] == (8, 8, 8) and bn.min() < 0 < bn.max()
    probe = keras.Model(model.inputs, model.get_layer("bn").output)(x[:1], training=False)
    # stored channel by channel: [C, H, W]
    expected = np.moveaxis(np.asarray(probe)[0], -1, 0)
    np.testing.assert_allclose(bn.reshape(8, 8, 8), expected, rtol=1e-4, atol=1e-5)


def test_embedding_stacked_lstms_and_attention(tmp_path):
    rng = np.random.default_rng(0)
    tokens = rng.integers(1, 30, (512, 12)).astype("int32")
    labels = (tokens[:, 0] > 15).astype("int64")
    keras.utils.set_random_seed(0)
    inputs = keras.Input((12,), dtype="int32")
    h = keras.layers.Embedding(30, 16, name="embed")(inputs)
    h = keras.layers.LSTM(16, return_sequences=True, name="lstm_a")(h)
    h = keras.layers.LSTM(16, return_sequences=True, name="lstm_b")(h)
    h = keras.layers.MultiHeadAttention(2, 8, name="attn")(h, h)
    out = keras.layers.Dense(2, name="head")(keras.layers.GlobalAveragePooling1D()(h))
    model = keras.Model(inputs, out, name="tagger")
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(
        tokens,
        labels,
        batch_size=32,
        epochs=2,
        verbose=0,
        callbacks=[TbvizCallback(tmp_path, probe_data=(tokens[:64], labels[:64]))],
    )
    tensors = read_tensors(tmp_path)
    layers, rows = flow(tensors, "tagger")
    assert layers == ["embed", "lstm_a", "lstm_b", "attn", "head"]
    last = rows[-1][2]
    for i, name in enumerate(layers):
        assert last[i, WEIGHT_L2] == pytest.approx(layer_l2(model.get_layer(name)), rel=1e-5)
    # Sequence outputs [N, L, D]: D units over the L positions, as PyTorch's are stored.
    for name in ("embed", "lstm_b", "attn"):
        content = metadata.parse_plugin_metadata(tensors[name][0][3].plugin_data.content)
        assert content["layout"] == "channels_last" and content["sample_shape"] == [12, 16]
    assert {"lstm_a/kernel", "lstm_a/recurrent_kernel", "embed/embeddings"} <= set(tensors)
    # Sublayers that repeat a name (attention's query, key, value) keep their own tags.
    assert {"attn/query/kernel", "attn/key/kernel", "attn/attention_output/bias"} <= set(tensors)
    # Predictions from the token probe; no importance for integer inputs.
    counts = tensors["tagger/confusion_matrix"][-1][2]
    np.testing.assert_array_equal(counts.sum(axis=1), np.bincount(labels[:64], minlength=2))
    assert not any("feature_importance" in t for t in tensors)

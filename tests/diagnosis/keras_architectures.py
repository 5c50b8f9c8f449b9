"""Small Keras 3 (TensorFlow backend) versions of the architectures users train.

The Keras twin of ``torch_architectures``: each builder returns a ``Case``
(model, data, optimiser, epochs) and ``train`` fits it under ``TbvizCallback``
with probe data, so a test asserts on ``callback.events``. The data are the
same: scikit-learn's digits as 8x8 images, the token task and the majority task.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Callable, Dict

os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin.integrations.keras import TbvizCallback  # noqa: E402


@dataclasses.dataclass
class Case:
    """One training: the model, its data, its optimiser and how long it trains."""

    model: Callable[[], keras.Model]
    x: np.ndarray
    y: np.ndarray
    optimizer: Callable[[], keras.optimizers.Optimizer]
    epochs: int
    batch: int = 64
    every: int = 5


def digit_images() -> tuple:
    """scikit-learn's digits as ``[N, 8, 8, 1]`` images in [0, 1] and class indices."""
    x, y = load_digits(return_X_y=True)
    return (x / 16.0).astype("float32").reshape(-1, 8, 8, 1), y.astype("int64")


def token_task(n: int = 1024, length: int = 12, vocab: int = 32, classes: int = 4) -> tuple:
    """Token sequences whose class is the token after the first, modulo ``classes``
    (position 0 is a [CLS]-like token 1), as in ``torch_architectures.token_task``."""
    rng = np.random.default_rng(1)
    x = rng.integers(2, vocab, (n, length))
    x[:, 0] = 1
    return x.astype("int32"), (x[:, 1] % classes).astype("int64")


def majority_task(n: int = 1024, length: int = 16) -> tuple:
    """Sequences of +1/-1 features whose class is the sign of their sum."""
    rng = np.random.default_rng(2)
    x = (rng.integers(0, 2, (n, length, 1)) * 2 - 1).astype("float32")
    return x, (x.sum(axis=(1, 2)) > 0).astype("int64")


# --------------------------------------------------------------------------- models

layers = keras.layers


def conv_bn(x: Any, channels: int, kernel: int = 3, relu: Any = "relu") -> Any:
    """Convolution without bias, BatchNorm, then ``relu`` (a ReLU layer, or none)."""
    x = layers.Conv2D(channels, kernel, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    if relu == "relu":
        x = layers.ReLU()(x)
    elif relu == "relu6":
        x = layers.ReLU(max_value=6.0)(x)
    return x


def resnet(blocks: int = 2, channels: int = 16) -> keras.Model:
    """A small ResNet for 8x8 images: conv-BN-ReLU-conv-BN plus the identity, ReLU."""
    inputs = keras.Input((8, 8, 1))
    x = conv_bn(inputs, channels)
    for _ in range(blocks):
        out = conv_bn(conv_bn(x, channels), channels, relu=None)
        x = layers.ReLU()(layers.Add()([out, x]))
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(10)(x), name="resnet")


def inverted_residual(x: Any, channels: int, expand: int = 4) -> Any:
    """MobileNetV2/V3's block: 1x1 expand, depthwise 3x3, squeeze-excite, 1x1 project."""
    wide = channels * expand
    out = conv_bn(x, wide, kernel=1, relu="relu6")
    out = layers.DepthwiseConv2D(3, padding="same", use_bias=False)(out)
    out = layers.ReLU(max_value=6.0)(layers.BatchNormalization()(out))
    gate = layers.GlobalAveragePooling2D(keepdims=True)(out)
    gate = layers.Conv2D(max(4, wide // 8), 1, activation="relu")(gate)
    gate = layers.Conv2D(wide, 1, activation="hard_sigmoid")(gate)
    out = layers.Multiply()([out, gate])
    out = conv_bn(out, channels, kernel=1, relu=None)
    return layers.Add()([x, out])


def mobilenet(channels: int = 16, blocks: int = 2) -> keras.Model:
    """A small MobileNet for 8x8 images: ReLU6 after BatchNorm, depthwise convolutions
    and squeeze-excite bottlenecks."""
    inputs = keras.Input((8, 8, 1))
    x = conv_bn(inputs, channels, relu="relu6")
    for _ in range(blocks):
        x = inverted_residual(x, channels)
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(10)(x), name="mobilenet")


class PositionEmbedding(layers.Layer):
    """A learned position vector added to each token's embedding."""

    def build(self, input_shape: Any) -> None:
        self.position = self.add_weight(
            shape=tuple(input_shape[1:]),
            initializer=keras.initializers.RandomNormal(stddev=0.02),
            name="position",
        )

    def call(self, x: Any) -> Any:
        return x + self.position


def encoder_block(x: Any, width: int, heads: int = 4) -> Any:
    """Post-norm transformer encoder layer (as ``nn.TransformerEncoderLayer``)."""
    attended = layers.MultiHeadAttention(heads, width // heads)(x, x)
    x = layers.LayerNormalization()(layers.Add()([x, attended]))
    hidden = layers.Dense(2 * width, activation="relu")(x)
    x = layers.LayerNormalization()(layers.Add()([x, layers.Dense(width)(hidden)]))
    return x


def encoder(vocab: int = 32, length: int = 12, width: int = 32, blocks: int = 2) -> keras.Model:
    """Token embedding plus learned positions, encoder layers, mean pool."""
    inputs = keras.Input((length,), dtype="int32")
    x = PositionEmbedding()(layers.Embedding(vocab, width)(inputs))
    for _ in range(blocks):
        x = encoder_block(x, width)
    x = layers.GlobalAveragePooling1D()(x)
    return keras.Model(inputs, layers.Dense(4)(x), name="encoder")


def recurrent(width: int = 32, length: int = 16) -> keras.Model:
    """An LSTM over a sequence, classified from its last hidden state."""
    inputs = keras.Input((length, 1))
    return keras.Model(inputs, layers.Dense(2)(layers.LSTM(width)(inputs)), name="lstm")


def mlp(widths: tuple = (64, 64), bias: float = 0.0) -> keras.Model:
    """ReLU dense layers of ``widths`` (biases starting at ``bias``), then 10 logits."""
    inputs = keras.Input((8, 8, 1))
    x = layers.Flatten()(inputs)
    for width in widths:
        init = keras.initializers.Constant(bias)
        x = layers.Dense(width, activation="relu", bias_initializer=init)(x)
    return keras.Model(inputs, layers.Dense(10)(x), name="mlp")


def sigmoid_cnn(depth: int = 8, channels: int = 8) -> keras.Model:
    """A plain deep CNN with sigmoid activations: its gradient vanishes on the way back."""
    inputs = keras.Input((8, 8, 1))
    x = inputs
    for _ in range(depth):
        x = layers.Conv2D(channels, 3, padding="same", activation="sigmoid")(x)
    x = layers.Flatten()(x)
    return keras.Model(inputs, layers.Dense(10)(x), name="sigmoid_cnn")


# --------------------------------------------------------------------------- training


def train(case: Case, logdir: Any, **callback_kw: Any):
    """Fits ``case`` under ``TbvizCallback`` with probe data (seed 0); returns the
    callback and the loss of each epoch."""
    keras.utils.set_random_seed(0)
    model = case.model()
    model.compile(case.optimizer(), keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    callback = TbvizCallback(
        str(logdir),
        every=case.every,
        probe_data=(case.x[:128], case.y[:128]),
        write_graph=False,
        **callback_kw,
    )
    history = model.fit(
        case.x,
        case.y,
        batch_size=case.batch,
        epochs=case.epochs,
        shuffle=True,
        verbose=0,
        callbacks=[callback],
    )
    return callback, np.asarray(history.history["loss"])


def _adam(lr: float) -> Callable[[], keras.optimizers.Optimizer]:
    return lambda: keras.optimizers.Adam(lr)


def _sgd(lr: float, momentum: float = 0.9) -> Callable[[], keras.optimizers.Optimizer]:
    return lambda: keras.optimizers.SGD(lr, momentum=momentum)


def healthy_cases() -> Dict[str, Case]:
    """Architectures trained the way their authors train them: no alarm expected."""
    images, tokens, signs = digit_images(), token_task(), majority_task()
    return {
        "resnet": Case(resnet, *images, _sgd(0.05), 4),
        "mobilenet": Case(mobilenet, *images, _adam(3e-3), 4),
        "transformer": Case(encoder, *tokens, _adam(3e-3), 12),
        "lstm": Case(recurrent, *signs, _adam(1e-2), 6),
        "converged_mlp": Case(mlp, images[0][:256], images[1][:256], _adam(1e-2), 50, batch=64),
    }


def broken_cases() -> Dict[str, Case]:
    """Trainings that go wrong in a known way."""
    images = digit_images()
    return {
        "dead_relu": Case(lambda: mlp((64, 64), bias=-5.0), *images, _sgd(0.05), 2),
        "deep_sigmoid_cnn": Case(sigmoid_cnn, *images, _sgd(0.05), 2),
    }

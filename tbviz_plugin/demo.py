"""``tbviz demo``: small real trainings on scikit-learn's digits, written as demo logs.

Five runs whose outcome is known from the literature, so every panel has
something to show and the diagnosis something to find. Every run has a probe
set of 32 validation digits, so each also shows its confusion matrix and feature
importance; the two healthy runs take the digits as 8x8 images (an importance
map and a sample-predictions picture in the Images dashboard), the others as
64-pixel vectors (importance bars).

| run | model | expected |
|---|---|---|
| keras_healthy | conv + dense, ReLU, He init, Adam | clean health, accuracy ~97% |
| keras_deep_sigmoid | 10 sigmoid dense layers, SGD | vanishing gradients (Glorot & Bengio 2010) |
| torch_healthy | ReLU MLP, Adam | clean health |
| torch_exploding | ELU MLP, SGD with learning rate 2 | exploding gradients, then NaN |
| torch_overfitting | wide MLP on 64 samples, Adam 1e-2 | over-fitting (val loss rises) |

Example:
    >>> for line in write_demo_logs("demo_logs"):   # doctest: +SKIP
    ...     print(line)
"""

from __future__ import annotations

import os
import shutil
from typing import Iterator, Tuple

import numpy as np

Split = Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def digits(seed: int = 0, train_size: int = 1400) -> Split:
    """scikit-learn's 8x8 digits scaled to [0, 1]: ``(x_train, y_train, x_val, y_val)``."""
    from sklearn.datasets import load_digits

    data = load_digits()
    x = (data.data / 16.0).astype(np.float32)
    y = data.target.astype(np.int64)
    order = np.random.default_rng(seed).permutation(len(x))
    x, y = x[order], y[order]
    return x[:train_size], y[:train_size], x[train_size:], y[train_size:]


# The modules the demo trains with, and the pip package that brings each.
NEEDS = {"keras": "tensorflow", "torch": "torch", "sklearn": "scikit-learn"}


def check_dependencies() -> None:
    """Raises ``ModuleNotFoundError`` naming every missing package and the install line.

    Example:
        >>> check_dependencies()  # doctest: +SKIP
    """
    import importlib.util

    missing = [package for module, package in NEEDS.items() if not importlib.util.find_spec(module)]
    if missing:
        raise ModuleNotFoundError(
            f"tbviz demo needs {', '.join(missing)}, which this Python lacks: "
            "pip install 'tbviz_plugin[demo]'"
        )


def write_demo_logs(out: str = "demo_logs", *, quick: bool = False) -> Iterator[str]:
    """Trains every demo run into ``out/<run>``, replacing what was there; yields progress."""
    check_dependencies()
    os.makedirs(out, exist_ok=True)
    runs = [
        ("keras_healthy", _keras_healthy),
        ("keras_deep_sigmoid", _keras_deep_sigmoid),
        ("keras_sequence", _keras_sequence),
        ("torch_healthy", _torch_healthy),
        ("torch_exploding", _torch_exploding),
        ("torch_overfitting", _torch_overfitting),
    ]
    for name, train in runs:
        path = os.path.join(out, name)
        shutil.rmtree(path, ignore_errors=True)
        result = train(path, quick)
        yield f"{name}: {result}"


# --------------------------------------------------------------------------- Keras


def _keras_fit(
    path: str,
    model,
    optimizer,
    epochs: int,
    every: int,
    quick: bool,
    train_size=1400,
    images: bool = False,
    rows: bool = False,
) -> str:
    """``images``: the model takes ``[N, 8, 8, 1]`` (an 8x8 importance map and a
    sample-predictions picture); ``rows``: ``[N, 8, 8]``, each digit read row by
    row as a sequence of 8 steps; otherwise ``[N, 64]`` (an importance vector)."""
    import keras

    from tbviz_plugin.integrations.keras import TbvizCallback

    x, y, xv, yv = digits(train_size=train_size)
    if images:
        x, xv = x.reshape(-1, 8, 8, 1), xv.reshape(-1, 8, 8, 1)
    elif rows:
        x, xv = x.reshape(-1, 8, 8), xv.reshape(-1, 8, 8)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(
        x,
        y,
        validation_data=(xv, yv),
        epochs=2 if quick else epochs,
        batch_size=64,
        verbose=0,
        callbacks=[TbvizCallback(path, every=every, probe_data=(xv[:32], yv[:32]))],
    )
    keras.backend.clear_session()
    return f"val_accuracy {history.history['val_accuracy'][-1]:.3f}"


def _keras_healthy(path: str, quick: bool) -> str:
    import keras

    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input((8, 8, 1)),
            keras.layers.Conv2D(8, 3, padding="same", activation="relu", name="conv"),
            keras.layers.Flatten(name="flatten"),  # named: tags must not depend on earlier models
            keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal", name="dense"),
            keras.layers.Dense(10, activation="softmax", name="output"),
        ],
        name="keras_healthy",
    )
    return _keras_fit(path, model, keras.optimizers.Adam(1e-3), 12, 20, quick, images=True)


def _keras_deep_sigmoid(path: str, quick: bool) -> str:
    import keras

    keras.utils.set_random_seed(0)
    layers = [keras.Input((64,))]
    for i in range(10):
        layers.append(keras.layers.Dense(32, activation="sigmoid", name=f"sigmoid_{i}"))
    layers.append(keras.layers.Dense(10, activation="softmax", name="output"))
    model = keras.Sequential(layers, name="deep_sigmoid")
    return _keras_fit(path, model, keras.optimizers.SGD(0.05), 10, 20, quick)


def _keras_sequence(path: str, quick: bool) -> str:
    """Each digit read row by row (8 steps of 8 pixels) by an LSTM and self-attention:
    their activation maps are positions x channels."""
    import keras

    keras.utils.set_random_seed(0)
    pixel_rows = keras.Input((8, 8), name="rows")
    hidden = keras.layers.LSTM(32, return_sequences=True, name="lstm")(pixel_rows)
    attended = keras.layers.MultiHeadAttention(2, 16, name="attention")(hidden, hidden)
    hidden = keras.layers.Add(name="residual")([hidden, attended])
    hidden = keras.layers.LayerNormalization(name="norm")(hidden)
    pooled = keras.layers.GlobalAveragePooling1D(name="pool")(hidden)
    output = keras.layers.Dense(10, activation="softmax", name="output")(pooled)
    model = keras.Model(pixel_rows, output, name="keras_sequence")
    return _keras_fit(path, model, keras.optimizers.Adam(3e-3), 12, 20, quick, rows=True)


# --------------------------------------------------------------------------- PyTorch


def _torch_mlp(widths, activation, images: bool = False):
    """A Sequential MLP with named layers (``fc1``, ``act1``, ..., ``output``); with
    ``images`` it takes ``[N, 1, 8, 8]`` through a first ``flatten``."""
    from collections import OrderedDict

    import torch

    layers = OrderedDict()
    if images:
        layers["flatten"] = torch.nn.Flatten()
    last = len(widths) - 2
    for i, (a, b) in enumerate(zip(widths[:-1], widths[1:])):
        layers["output" if i == last else f"fc{i + 1}"] = torch.nn.Linear(a, b)
        if i < last:
            layers[f"act{i + 1}"] = activation()
    return torch.nn.Sequential(layers)


def _torch_fit(
    path: str,
    widths,
    make_optimizer,
    epochs: int,
    every: int,
    quick: bool,
    train_size: int = 1400,
    activation=None,
    images: bool = False,
) -> str:
    import torch

    from tbviz_plugin.integrations.torch import watch

    torch.manual_seed(0)
    x, y, xv, yv = (torch.from_numpy(a) for a in digits(train_size=train_size))
    if images:
        x, xv = x.reshape(-1, 1, 8, 8), xv.reshape(-1, 1, 8, 8)
    model = _torch_mlp(widths, activation or torch.nn.ReLU, images)
    optimizer = make_optimizer(model.parameters())
    loss_fn = torch.nn.CrossEntropyLoss()
    handle = watch(
        model,
        path,
        every=every,
        probe_data=(xv[:32], yv[:32]),
        name="model",
        log_graph=True,
        num_classes=10,
    )
    accuracy = float("nan")
    try:
        for epoch in range(2 if quick else epochs):
            model.train()
            order = torch.randperm(len(x))
            losses = []
            for start in range(0, len(x), 64):
                batch = order[start : start + 64]
                optimizer.zero_grad()
                loss = loss_fn(model(x[batch]), y[batch])
                loss.backward()
                optimizer.step()
                handle.step(loss)
                losses.append(loss.item())
            model.eval()
            with torch.no_grad():
                logits = model(xv)
                val_loss = float(loss_fn(logits, yv))
                accuracy = float((logits.argmax(1) == yv).float().mean())
            handle.log_epoch(
                epoch, loss=float(np.mean(losses)), val_loss=val_loss, accuracy=accuracy
            )
    finally:
        handle.remove()
    return f"val_accuracy {accuracy:.3f}"


def _torch_healthy(path: str, quick: bool) -> str:
    import torch

    return _torch_fit(
        path, [64, 128, 64, 10], lambda p: torch.optim.Adam(p, 1e-3), 12, 20, quick, images=True
    )


def _torch_exploding(path: str, quick: bool) -> str:
    import torch

    return _torch_fit(
        path,
        [64, 128, 64, 10],
        lambda p: torch.optim.SGD(p, lr=2.0),
        2,
        2,
        quick,
        activation=torch.nn.ELU,
    )


def _torch_overfitting(path: str, quick: bool) -> str:
    import torch

    return _torch_fit(
        path,
        [64, 256, 256, 10],
        lambda p: torch.optim.Adam(p, 1e-2),
        25,
        10,
        quick,
        train_size=64,
    )

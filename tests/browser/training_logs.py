"""Real-looking tbviz logs for the browser tests: small numpy networks, trained.

Two runs of the same 8-layer MLP on the same task: ``sigmoid_deep`` (sigmoid,
small random init: gradients vanish towards the input) and ``relu_he``
(ReLU, He init: gradients flow). Every logged step writes the gradient flow
of all layers, weight and gradient surfaces of one layer, a dense activation
map and the feature maps of a small convolution, as a training script would
with ``tbviz.Writer``.
"""

import numpy as np

import tbviz_plugin as tbviz

HTML_TAG = "<img src=x onerror=alert(1)>"
WIDTHS = [16, 48, 48, 48, 48, 48, 48, 48, 2]  # input, 7 hidden layers, output
LAYERS = [f"dense_{i}" for i in range(len(WIDTHS) - 1)]


def _task(rng, n=256):
    x = rng.normal(size=(n, WIDTHS[0])).astype(np.float64)
    teacher = rng.normal(size=(WIDTHS[0], 2))
    y = np.argmax(np.tanh(x @ teacher) + 0.1 * rng.normal(size=(n, 2)), axis=1)
    return x, y


def _act(kind, z):
    if kind == "sigmoid":
        a = 1.0 / (1.0 + np.exp(-z))
        return a, a * (1.0 - a)
    a = np.maximum(z, 0.0)
    return a, (z > 0).astype(z.dtype)


def _sequence_maps(step, positions=40, channels=24):
    """A sequence layer's output (attention, LSTM, 1-D conv) over a drifting wave:
    ``[1, positions, channels]``, channel 5 never active."""
    p = np.arange(positions)[:, None] / positions
    frequency = 1 + np.arange(channels)[None, :] / 4
    out = np.sin(2 * np.pi * frequency * p + step / 40) * np.linspace(0.2, 1.5, channels)
    out[:, 5] = 0.0
    return out[None].astype(np.float32)


def _conv_maps(rng, step, channels=16, size=28):
    """Feature maps of a 3x3 conv with ReLU over a drifting blob image: [1, H, W, C]."""
    yy, xx = np.mgrid[0:size, 0:size] / size
    image = np.sin(6 * xx + step / 40) * np.cos(5 * yy) + np.exp(
        -((xx - 0.5) ** 2 + (yy - 0.4) ** 2) * 20
    )
    filters = np.random.default_rng(7).normal(size=(3, 3, channels))
    bias = np.linspace(-0.5, 0.5, channels)
    bias[[3, 11]] = -50.0  # two channels that never fire
    padded = np.pad(image, 1)
    out = np.zeros((size, size, channels))
    for dy in range(3):
        for dx in range(3):
            out += padded[dy : dy + size, dx : dx + size, None] * filters[dy, dx]
    return np.maximum(out + bias, 0)[None].astype(np.float32)


def layer_rows():
    """The MLP's layer table: its dense layers and the softmax, which has no parameters."""
    rows = [
        {
            "name": n,
            "type": "Dense",
            "output_shape": [None, b],
            "params": a * b + b,
            "trainable_params": a * b + b,
        }
        for n, a, b in zip(LAYERS, WIDTHS[:-1], WIDTHS[1:])
    ]
    rows.append(
        {"name": "softmax", "type": "Softmax", "output_shape": [None, WIDTHS[-1]], "params": 0}
    )
    return rows


def train_and_log(
    logdir, activation, steps=300, every=10, seed=0, html_tag=False, layer_table=False
):
    """Trains the MLP with plain SGD and logs it with tbviz.Writer; returns nothing.

    With ``layer_table`` the run also has the model's layer table (``model/layers``).
    """
    rng = np.random.default_rng(seed)
    x, y = _task(rng)
    scale = (lambda n: np.sqrt(2.0 / n)) if activation == "relu" else (lambda n: 0.5 / np.sqrt(n))
    weights = [rng.normal(size=(a, b)) * scale(a) for a, b in zip(WIDTHS[:-1], WIDTHS[1:])]
    biases = [np.zeros(b) for b in WIDTHS[1:]]
    if activation == "relu":
        biases[3][:6] = -20.0  # six units of layer 3 never fire (dead ReLUs)
    lr = 0.5 if activation == "sigmoid" else 0.05
    previous = None
    with tbviz.Writer(str(logdir)) as w:
        if layer_table:
            w.layer_table("model/layers", layer_rows(), 0)
        for step in range(steps + 1):
            batch = rng.choice(len(x), 64, replace=False)
            a, cache = x[batch], []
            for i, (W, b) in enumerate(zip(weights, biases)):
                z = a @ W + b
                if i == len(weights) - 1:
                    out = z
                else:
                    a_next, d = _act(activation, z)
                    cache.append((a, d))
                    a = a_next
                    continue
                cache.append((a, None))
            p = np.exp(out - out.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            loss = -np.log(p[np.arange(len(batch)), y[batch]] + 1e-12).mean()
            g = p.copy()
            g[np.arange(len(batch)), y[batch]] -= 1
            g /= len(batch)
            grads = [None] * len(weights)
            hidden = None
            for i in reversed(range(len(weights))):
                a_in, d = cache[i]
                if d is not None:
                    g = g * d
                if i == 3:
                    hidden = cache[i + 1][0] if i + 1 < len(cache) else None
                grads[i] = (a_in.T @ g, g.sum(0))
                g = g @ weights[i].T
            if step % every == 0:
                current = {n: W.copy() for n, W in zip(LAYERS, weights)}
                w.gradient_flow(
                    "model/gradient_flow",
                    {n: gw for n, (gw, _) in zip(LAYERS, grads)},
                    step,
                    weights=current,
                    prev_weights=previous,
                )
                previous = current
                w.weight_surface("dense_3/kernel", weights[3], step)
                w.weight_surface("dense_3/kernel_grad", grads[3][0], step, quantity="grad")
                w.weight_surface("dense_0/kernel", weights[0], step)
                w.activation_map("dense_3", hidden[:48], step)
                w.activation_map("conv_1", _conv_maps(rng, step), step)
                w.activation_map("attention_1", _sequence_maps(step), step)
                if html_tag:
                    w.weight_surface(
                        HTML_TAG, np.outer(np.sin(np.arange(12) + step / 50), np.arange(8)), step
                    )
                w.scalar("loss", float(loss), step)
            for i, (gw, gb) in enumerate(grads):
                weights[i] -= lr * gw
                biases[i] -= lr * gb
        if activation == "sigmoid":
            w.health(
                "model/health",
                [
                    {
                        "code": "vanishing_gradient",
                        "severity": "warning",
                        "layer": "dense_0",
                        "value": 1e-7,
                        "threshold": 1e-5,
                        "hint": "Try He/Glorot initialisation, ReLU instead of sigmoid, batch "
                        "normalisation or residual connections.",
                    }
                ],
                steps // 2,
            )
        else:
            w.health(
                "model/health",
                [
                    {
                        "code": "dead_units",
                        "severity": "info",
                        "layer": "dense_3",
                        "value": 6,
                        "threshold": 0,
                        "hint": "Some ReLU units never fire: lower the learning "
                        "rate or use LeakyReLU.",
                    }
                ],
                steps // 2,
            )


def write_newer_version_run(logdir):
    """A run with one tag written by a (hypothetical) newer tbviz, which this one cannot read."""
    import time

    from tensorboard.compat.proto import event_pb2

    from tbviz_plugin import metadata, summary
    from tbviz_plugin.writer import record

    with tbviz.Writer(str(logdir)) as w:
        w.weight_surface("dense/kernel", np.eye(6), 0)
    future = metadata.create_summary_metadata("weight_surface")
    future.plugin_data.content = b'{"v": 99, "kind": "weight_surface"}'
    value = summary.SummaryTensor(
        "from_the_future", future.SerializeToString(), np.ones((2, 2), np.float32)
    )
    event = event_pb2.Event(wall_time=time.time(), step=0, summary=value.to_proto())
    with open(w.path, "ab") as f:
        record.RecordFile(f, buffer_size=0).write([event.SerializeToString()])


def write_logs(root):
    """The runs under ``root``; returns ``root``."""
    train_and_log(root / "sigmoid_deep", "sigmoid", html_tag=True, layer_table=True)
    train_and_log(root / "relu_he", "relu", seed=0)
    write_large_run(root / "large_100_layers")
    write_classifier_run(root / "digits_softmax", "digits")
    write_classifier_run(root / "wine_softmax", "wine")
    write_odd_classifier_run(root / "nan_inf_importance")
    return root


CLASSIFIER_STEPS = 60
CLASSIFIER_EVERY = 10
WINE_CLASSES = ["Barolo", "Grignolino", "Barbera"]


def classifier_history(dataset):
    """A softmax regression trained by gradient descent on scikit-learn's ``digits``
    (8x8 images, 10 classes) or ``wine`` (13 named features, 3 cultivars).

    Yields ``(step, y_true, y_pred, importance)`` every CLASSIFIER_EVERY steps on a
    fixed probe set: importance is mean |d loss / d x * x| per input feature, shaped
    like one input. Deterministic, so tests recompute what the logs hold.
    """
    from sklearn import datasets

    data = datasets.load_digits() if dataset == "digits" else datasets.load_wine()
    x = data.data.astype(np.float64)
    x = (x - x.mean(0)) / (x.std(0) + 1e-9) if dataset == "wine" else x / 16.0
    y = data.target
    classes = int(y.max()) + 1
    rng = np.random.default_rng(1)
    probe = rng.choice(len(x), 120, replace=False)
    w = np.zeros((x.shape[1], classes))
    b = np.zeros(classes)
    lr = 0.5 if dataset == "digits" else 0.05
    for step in range(CLASSIFIER_STEPS + 1):
        if step % CLASSIFIER_EVERY == 0:
            xp, yp = x[probe], y[probe]
            logits = xp @ w + b
            p = np.exp(logits - logits.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            g = p.copy()
            g[np.arange(len(yp)), yp] -= 1
            importance = np.abs((g @ w.T) * xp).mean(0)
            if dataset == "digits":
                importance = importance.reshape(8, 8)
            yield step, yp, logits.argmax(1), importance
        batch = rng.choice(len(x), 128, replace=False)
        logits = x[batch] @ w + b
        p = np.exp(logits - logits.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        p[np.arange(len(batch)), y[batch]] -= 1
        w -= lr * x[batch].T @ p / len(batch)
        b -= lr * p.mean(0)


def write_odd_classifier_run(logdir):
    """Importance holding NaN and Inf, and a class with samples that is never predicted."""
    with tbviz.Writer(str(logdir)) as w:
        w.feature_importance(
            "model/feature_importance",
            np.array([0.5, np.nan, np.inf, 0.25], np.float32),
            0,
            feature_names=["a", "b", "c", "d"],
        )
        w.confusion_matrix("model/confusion_matrix", [0, 0, 1, 2], [0, 1, 1, 1], 0)


def write_classifier_run(logdir, dataset):
    """A classifier's confusion matrix and feature importance over its training."""
    from sklearn import datasets

    names = WINE_CLASSES if dataset == "wine" else [str(d) for d in range(10)]
    features = list(datasets.load_wine().feature_names) if dataset == "wine" else None
    with tbviz.Writer(str(logdir)) as w:
        for step, y_true, y_pred, importance in classifier_history(dataset):
            w.confusion_matrix("model/confusion_matrix", y_true, y_pred, step, class_names=names)
            w.feature_importance(
                "model/feature_importance", importance, step, feature_names=features
            )


def write_large_run(logdir, layers=100, steps=1000, grid=256):
    """The sizes the panels must stay responsive with: 100 layers x 1,000 steps of
    gradient flow, 256x256 surfaces, plus NaN and Inf in a surface."""
    rng = np.random.default_rng(3)
    names = [f"block_{i:02d}/conv" for i in range(layers)]
    depth = np.arange(layers)
    with tbviz.Writer(str(logdir)) as w:
        for step in range(steps):
            # Gradients grow with depth and explode in the last blocks late in training
            # (1000x over the last tenth of the steps, against the level they had settled at).
            late = max(0.0, (step / steps - 0.9) / 0.1)
            growth = 10.0 ** (-4 + 3 * depth / layers + late * (depth > 90) * 3)
            grads = {n: rng.normal(size=6) * g for n, g in zip(names, growth)}
            w.gradient_flow("resnet/gradient_flow", grads, step)
        yy, xx = np.mgrid[0:grid, 0:grid] / grid
        for step in range(0, steps, 100):
            t = step / steps
            surface = (
                np.sin(8 * xx + 4 * t) * np.cos(6 * yy - 2 * t) * np.exp(-((xx - 0.5) ** 2) * 3)
            )
            surface = surface + 0.05 * rng.normal(size=surface.shape)
            surface[10:14, 200:204] = np.nan
            surface[100, 100] = np.inf
            w.weight_surface("block_50/conv/kernel", surface, step)


if __name__ == "__main__":
    import pathlib
    import sys

    write_logs(pathlib.Path(sys.argv[1]))

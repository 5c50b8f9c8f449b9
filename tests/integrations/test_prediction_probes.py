"""Confusion matrix, feature importance and sample predictions from real trainings on digits.

scikit-learn's digits are 8x8 images; the models see them as images
(``[N, 8, 8, 1]`` for Keras, ``[N, 1, 8, 8]`` for PyTorch), so the importance
is an 8x8 map. Known facts to check against: some pixels are 0 in every image
of the data set (their gradient x input is exactly 0), the strokes are in the
middle, and a classifier that learns gets more diagonal as it goes.
"""

import io
import os

import numpy as np
import pytest
from integration_helpers import kinds, read_tensors
from sklearn.datasets import load_digits

from tbviz_plugin import metadata
from tbviz_plugin.integrations import probes

os.environ.setdefault("KERAS_BACKEND", "tensorflow")

PROBE = 64


@pytest.fixture(scope="module")
def digits():
    data = load_digits()
    images = (data.images / 16.0).astype(np.float32)  # [N, 8, 8]
    order = np.random.default_rng(0).permutation(len(images))
    return images[order], data.target[order].astype(np.int64)


@pytest.fixture(scope="module")
def constant_pixels(digits):
    images, _ = digits
    return images.std(axis=0) == 0


def _check_confusion(tensors, tag, probe_truth):
    rows = tensors[tag]
    content = metadata.parse_plugin_metadata(rows[0][3].plugin_data.content)
    assert content == {
        "v": 1,
        "kind": "confusion_matrix",
        "class_names": [str(i) for i in range(10)],
    }
    for _, _, counts, _ in rows:
        assert counts.shape == (10, 10) and counts.sum() == PROBE
        # the rows are the true classes of the probe set, at every step
        np.testing.assert_array_equal(counts.sum(axis=1), np.bincount(probe_truth, minlength=10))
    first, last = rows[0][2], rows[-1][2]
    assert np.trace(first) < np.trace(last)
    assert np.trace(last) / PROBE > 0.8
    return [np.trace(r[2]) for r in rows]


def _check_importance(tensors, tag, constant):
    rows = tensors[tag]
    content = metadata.parse_plugin_metadata(rows[0][3].plugin_data.content)
    assert content["layout"] == "image"
    importance = rows[-1][2]
    assert importance.shape == (8, 8) and np.all(importance >= 0)
    assert constant.sum() >= 3  # e.g. the corners: zero in every digit
    assert np.all(importance[constant] <= 1e-6 * importance.max())
    centre = importance[2:6, 2:6].mean()
    border = np.concatenate(
        [importance[0], importance[-1], importance[1:-1, 0], importance[1:-1, -1]]
    )
    assert centre > 3 * border.mean()
    return importance


def _check_predictions_image(tensors, tag):
    from PIL import Image

    rows = tensors[tag]
    md = rows[0][3]
    assert md.plugin_data.plugin_name == "images" and md.data_class == 3  # BLOB_SEQUENCE
    width, height, png = rows[-1][2].ravel()
    image = Image.open(io.BytesIO(png))
    assert image.size == (int(width), int(height)) and image.mode == "RGB"
    # 16 probe digits in 2 rows of 8, each 8x8 enlarged 8 times above its caption
    assert image.size == (8 * 64, 2 * (64 + 14))


def test_keras_callback_writes_predictions_that_grow_diagonal(digits, constant_pixels, tmp_path):
    keras = pytest.importorskip("keras")
    pytest.importorskip("tensorflow")
    from tbviz_plugin.integrations.keras import TbvizCallback

    images, labels = digits
    x, y = images[..., None], labels  # [N, 8, 8, 1]
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input((8, 8, 1)),
            keras.layers.Flatten(),
            keras.layers.Dense(32, activation="relu", name="hidden"),
            keras.layers.Dense(10, name="logits"),
        ],
        name="digits",
    )
    model.compile(
        keras.optimizers.SGD(0.05),
        keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    probe = (x[1500:1564], y[1500:1564])  # held out from training
    callback = TbvizCallback(tmp_path, every=20, probe_data=probe, write_graph=False)
    model.fit(x[:1500], y[:1500], epochs=4, batch_size=32, verbose=0, callbacks=[callback])

    tensors = read_tensors(tmp_path)
    k = kinds(tensors)
    assert k["digits/confusion_matrix"] == "confusion_matrix"
    assert k["digits/feature_importance"] == "feature_importance"
    assert k["digits/predictions"] == "images"
    cm_steps = [s for s, *_ in tensors["digits/confusion_matrix"]]
    assert cm_steps == [s for s, *_ in tensors["hidden/kernel"]]  # each logged step
    traces = _check_confusion(tensors, "digits/confusion_matrix", probe[1])
    assert traces[0] < 0.5 * PROBE  # an untrained model is mostly wrong
    fi = tensors["digits/feature_importance"]
    assert metadata.parse_plugin_metadata(fi[0][3].plugin_data.content)["input_shape"] == [8, 8, 1]
    _check_importance(tensors, "digits/feature_importance", constant_pixels)
    _check_predictions_image(tensors, "digits/predictions")
    # the same probe batch feeds the activation maps
    assert tensors["hidden"][0][2].shape == (PROBE, 32)
    # The callback takes scores and importance from its snapshot's forward pass; the
    # final state's must be what the probe's own pass computes for the trained model.
    scores, importance = probes.keras_outputs(model, model.loss, *probe)()
    np.testing.assert_allclose(fi[-1][2], importance[..., 0], rtol=1e-4, atol=1e-7)
    final_matrix = tensors["digits/confusion_matrix"][-1][2]
    truth, predicted = probe[1], np.argmax(scores, axis=1)
    np.testing.assert_array_equal(
        final_matrix, np.histogram2d(truth, predicted, bins=10, range=[[0, 10], [0, 10]])[0]
    )


def test_torch_watch_writes_predictions_that_grow_diagonal(digits, constant_pixels, tmp_path):
    torch = pytest.importorskip("torch")
    from tbviz_plugin.integrations.torch import watch

    images, labels = digits
    x = torch.from_numpy(images[:, None])  # [N, 1, 8, 8]
    y = torch.from_numpy(labels)
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Flatten(), torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)
    )
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)
    probe = (x[1500:1564], y[1500:1564])
    handle = watch(model, tmp_path, optimizer=opt, every=20, probe_data=probe, name="digits")
    for _ in range(4):
        for i in range(0, 1500, 32):
            opt.zero_grad()
            torch.nn.functional.cross_entropy(model(x[i : i + 32]), y[i : i + 32]).backward()
            opt.step()
    handle.remove()

    tensors = read_tensors(tmp_path)
    traces = _check_confusion(tensors, "digits/confusion_matrix", probe[1].numpy())
    assert traces[0] < 0.5 * PROBE
    fi = tensors["digits/feature_importance"]
    content = metadata.parse_plugin_metadata(fi[0][3].plugin_data.content)
    assert content["input_shape"] == [1, 8, 8] and content["input_layout"] == "channels_first"
    _check_importance(tensors, "digits/feature_importance", constant_pixels)
    _check_predictions_image(tensors, "digits/predictions")
    assert tensors["1"][0][2].shape == (PROBE, 32)  # activation maps of the probe batch


def test_torch_probe_leaves_gradients_and_modes_alone():
    torch = pytest.importorskip("torch")

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Dropout(0.5), torch.nn.Linear(8, 3))
    model.train()
    for p in model.parameters():
        p.grad = torch.full_like(p, 7.0)
    x, y = torch.randn(5, 4), torch.tensor([0, 1, 2, 0, 1])
    scores, importance = probes.torch_outputs(model, x, y)
    assert all(torch.all(p.grad == 7.0) for p in model.parameters())
    assert model.training and model[1].training
    # gradient x input of the summed per-sample loss, by hand
    xr = x.clone().requires_grad_(True)
    model.eval()
    loss = torch.nn.functional.cross_entropy(model(xr), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, xr)
    np.testing.assert_allclose(importance, (grad * xr).abs().mean(0).detach().numpy(), rtol=1e-5)
    assert scores.shape == (5, 3)


def test_regression_model_gets_importance_but_no_confusion_matrix(tmp_path):
    torch = pytest.importorskip("torch")
    from tbviz_plugin.integrations.torch import watch

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x = torch.randn(32, 3)
    y = x[:, :1] * 2.0 + 0.5  # a float target shaped like the output
    handle = watch(model, tmp_path, optimizer=opt, every=1, probe_data=(x, y))
    for _ in range(3):
        opt.zero_grad()
        torch.nn.functional.mse_loss(model(x), y).backward()
        opt.step()
    handle.remove()
    tensors = read_tensors(tmp_path)
    assert "Sequential/confusion_matrix" not in tensors
    fi = tensors["Sequential/feature_importance"]
    assert fi[-1][2].shape == (3,)
    assert metadata.parse_plugin_metadata(fi[0][3].plugin_data.content)["layout"] == "vector"


@pytest.mark.parametrize(
    "from_logits, scores, expected",
    [
        (True, [[-2.0], [0.5], [3.0], [0.1]], [[1, 1], [0, 2]]),  # logits: class 1 above 0
        (False, [[0.2], [0.4], [0.9], [0.4]], [[2, 0], [1, 1]]),  # probabilities: above 0.5
    ],
)
def test_binary_classifier_with_one_output_is_thresholded(tmp_path, from_logits, scores, expected):
    import tbviz_plugin as tbviz

    y = np.array([0, 0, 1, 1])
    with tbviz.Writer(tmp_path) as w:
        probe = probes.PredictionProbe(
            w,
            "m",
            lambda: None,
            np.zeros((4, 3)),
            y,
            layout="channels_last",
            from_logits=from_logits,
        )
        probe.write(0, np.array(scores), None)
    np.testing.assert_array_equal(read_tensors(tmp_path)["m/confusion_matrix"][0][2], expected)


def test_one_hot_labels_and_nan_scores(tmp_path):
    import tbviz_plugin as tbviz

    y = np.eye(3)[[0, 1, 2, 2]]
    scores = np.array([[3.0, 0, 0], [0, 3.0, 0], [np.nan, 0, 0], [0, 0, 3.0]])
    images = np.random.default_rng(0).random((4, 5, 5, 1))
    with tbviz.Writer(tmp_path) as w:
        probe = probes.PredictionProbe(
            w,
            "m",
            lambda start, stop: (scores[start:stop], None),
            images,
            y,
            layout="channels_last",
        )
        probe.log(3)
    tensors = read_tensors(tmp_path)
    counts = tensors["m/confusion_matrix"][0][2]
    np.testing.assert_array_equal(counts, [[1, 0, 0], [0, 1, 0], [0, 0, 1]])  # NaN row not counted
    assert tensors["m/predictions"][0][0] == 3
    assert "m/feature_importance" not in tensors


def test_a_failing_probe_is_reported_once_and_training_goes_on(tmp_path, caplog):
    import tbviz_plugin as tbviz

    def broken(start, stop):
        raise RuntimeError("shape mismatch in the model")

    with tbviz.Writer(tmp_path) as w:
        probe = probes.PredictionProbe(
            w, "m", broken, np.zeros((2, 3)), None, layout="channels_last"
        )
        with caplog.at_level("WARNING", logger="tbviz"):
            probe.log(0)
            probe.log(1)
    assert probe.failed
    assert caplog.text.count("shape mismatch in the model") == 1


def test_prediction_grid_shrinks_large_images_and_keeps_captions_legible():

    big = np.random.default_rng(0).random((16, 224, 200, 3))
    grid = probes.prediction_grid(big, [0] * 16, [1] * 16, ["cat", "dog"])
    assert grid.shape == (2 * (128 + 14), 8 * 114, 3)
    tiny = probes.prediction_grid(np.zeros((2, 2, 3, 1)), [0, 1], [0, 1], ["a", "b"])
    assert tiny.shape == (2 * 21 + 14, 2 * 3 * 21, 3)  # 2x3 pixels enlarged 21 times


def _two_input_data(n=96):
    """Inputs ``a`` (which decides the class) and ``b``, the labels, from a fixed teacher."""
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, 8)).astype(np.float32)
    b = rng.standard_normal((n, 4)).astype(np.float32)
    y = np.argmax(a[:, :3], axis=1).astype(np.int64)
    return a, b, y


def _check_two_inputs(tensors, name, y, keys):
    """A confusion matrix of every probe sample, and one importance per input: ``b`` goes
    through a layer that multiplies it by zero, so its importance is exactly 0."""
    matrices = tensors[f"{name}/confusion_matrix"]
    for _, _, counts, _ in matrices:
        np.testing.assert_array_equal(counts.sum(axis=1), np.bincount(y, minlength=3))
    a_key, b_key = keys
    importance_a = tensors[f"{name}/feature_importance/{a_key}"][-1][2]
    importance_b = tensors[f"{name}/feature_importance/{b_key}"][-1][2]
    assert importance_a.shape == (8,) and importance_b.shape == (4,)
    assert np.all(importance_a > 0) and np.all(importance_b == 0)


@pytest.mark.parametrize("structure", ["list", "dict"])
def test_keras_model_with_two_inputs_gets_predictions_and_importance_per_input(tmp_path, structure):
    import keras

    from tbviz_plugin.integrations.keras import TbvizCallback

    keras.utils.set_random_seed(0)
    a_in, b_in = keras.Input((8,), name="a"), keras.Input((4,), name="b")
    ignored = keras.layers.Dense(8, kernel_initializer="zeros", trainable=False)(b_in)
    hidden = keras.layers.Dense(16, activation="relu")(a_in)
    out = keras.layers.Dense(3)(keras.layers.Concatenate()([hidden, ignored]))
    model = keras.Model([a_in, b_in], out, name="two_inputs")
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    a, b, y = _two_input_data()
    x = {"a": a, "b": b} if structure == "dict" else [a, b]
    probe = {"a": a[:50], "b": b[:50]} if structure == "dict" else [a[:50], b[:50]]
    callback = TbvizCallback(tmp_path, probe_data=(probe, y[:50]))
    model.fit(x, y, epochs=2, batch_size=32, verbose=0, callbacks=[callback])
    _check_two_inputs(read_tensors(tmp_path), "two_inputs", y[:50], ("a", "b"))


class TwoInputs:
    """A PyTorch model of two inputs, ``b`` multiplied by zero."""

    @staticmethod
    def make():
        import torch

        class Net(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.a = torch.nn.Linear(8, 16)
                self.head = torch.nn.Linear(16, 3)

            def forward(self, a, b):
                return self.head(torch.relu(self.a(a))) + 0 * b.sum(dim=1, keepdim=True)

        return Net()


@pytest.mark.parametrize("structure", ["tuple", "dict"])
def test_torch_model_with_two_inputs_gets_predictions_and_importance_per_input(tmp_path, structure):
    import torch

    from tbviz_plugin.integrations.torch import watch

    torch.manual_seed(0)
    a, b, y = (torch.tensor(v) for v in _two_input_data())
    model = TwoInputs.make()
    opt = torch.optim.Adam(model.parameters(), 1e-2)
    probe = {"a": a[:50], "b": b[:50]} if structure == "dict" else (a[:50], b[:50])
    handle = watch(model, tmp_path, probe_data=(probe, y[:50]))
    for i in range(3):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(
            model(a[i * 32 : (i + 1) * 32], b[i * 32 : (i + 1) * 32]), y[i * 32 : (i + 1) * 32]
        ).backward()
        opt.step()
    handle.remove()
    # Positional inputs are named after forward's parameters.
    _check_two_inputs(read_tensors(tmp_path), "Net", y[:50].numpy(), ("a", "b"))

"""TbvizCallback on Keras 3's JAX and PyTorch backends, training real small models on
scikit-learn's digits.

The Keras backend is fixed per process, so each backend's trainings run in one
subprocess (keras_backend_worker.py, both started at once); the tests read the
event files it wrote, as TensorBoard does, and compare them with what the
worker saw of the model (its final weights, its layer outputs, gradients it
computed itself with the backend's autograd).
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from integration_helpers import assert_keras_mlp_kinds, health, kinds, read_tensors

from tbviz_plugin import metadata
from tbviz_plugin.integrations import common

WORKER = os.path.join(os.path.dirname(__file__), "keras_backend_worker.py")
BACKENDS = ["jax", "torch"]
ALARMS = {"vanishing_gradient", "exploding_gradient", "nan", "inf"}
L2 = common.FLOW_STATS.index("l2")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """{backend: output directory} of one worker run per backend, run side by side."""
    pytest.importorskip("keras")
    started = {}
    for backend in BACKENDS:
        pytest.importorskip(backend)
        out = tmp_path_factory.mktemp(f"keras_{backend}")
        env = dict(os.environ, KERAS_BACKEND=backend, PYTHONWARNINGS="ignore")
        started[backend] = (
            out,
            subprocess.Popen(
                [sys.executable, WORKER, str(out)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            ),
        )
    for backend, (_, process) in started.items():
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, f"{backend} worker failed:\n{output[-4000:]}"
    return {backend: out for backend, (out, _) in started.items()}


def result(out):
    with open(out / "result.json") as f:
        return json.load(f)


def steps(rows):
    return [s for s, *_ in rows]


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_kind_is_recorded_with_the_models_values(runs, backend):
    out = runs[backend]
    r = result(out)
    assert r["callback_type"] == "BackendCallback"
    tensors = read_tensors(out / "healthy")
    k = kinds(tensors)
    assert_keras_mlp_kinds(k)
    assert k["mlp/confusion_matrix"] == metadata.CONFUSION_MATRIX
    assert k["mlp/feature_importance"] == metadata.FEATURE_IMPORTANCE
    assert steps(tensors["epoch_val_loss"]) == [0, 1]
    np.testing.assert_allclose(tensors["learning_rate"][-1][2], 0.1, rtol=1e-6)

    # 2 x 47 batches, every=10: the first batch's row, every 10th and the last; with
    # probe_data step 0 (before any update) is logged whole, the first batch's row alone
    flow = tensors["mlp/gradient_flow"]
    assert steps(flow) == [1] + list(range(10, 94, 10)) + [94]
    assert steps(tensors["dense/kernel"]) == [0] + list(range(10, 94, 10)) + [94]
    content = metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)
    assert content["layers"] == ["dense", "dense_1", "dense_2"]
    last = flow[-1][2]
    assert last.shape == (3, len(common.FLOW_STATS)) and np.all(np.isfinite(last))
    assert np.all(last[:, L2] > 0)

    # the last surface is the final kernel ([in, out], as Keras keeps it; 64 x 32 is
    # within the pooling grid, so exact)
    for layer in ("dense", "dense_1", "dense_2"):
        final = np.load(out / f"healthy_{layer}_kernel.npy")
        np.testing.assert_array_equal(tensors[f"{layer}/kernel"][-1][2], final)
    # the activation map of the probe's first 64 samples is the layer's output on them
    hidden = np.load(out / "healthy_dense_activation.npy")
    np.testing.assert_allclose(tensors["dense"][-1][2], hidden, rtol=1e-5, atol=1e-6)
    # the confusion matrix counts the model's own predictions on the whole probe set
    predicted, truth = np.array(r["probe_argmax"]), np.array(r["probe_labels"])
    expected = np.zeros((10, 10))
    np.add.at(expected, (truth, predicted), 1)
    np.testing.assert_array_equal(tensors["mlp/confusion_matrix"][-1][2], expected)
    importance = tensors["mlp/feature_importance"][-1][2]
    assert importance.shape == (64,) and np.all(importance >= 0) and importance.max() > 0

    assert not set(r["healthy_events"]) & ALARMS
    assert not {e["code"] for e in health(out / "healthy")} & ALARMS


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_gradient_flow_row_is_the_training_steps_gradient(runs, backend):
    out = runs[backend]
    expected = result(out)["one_batch_l2"]  # computed in the worker with the backend's autograd
    flow = read_tensors(out / "one_batch")["mlp/gradient_flow"]
    (step, _, row, md) = flow[0]
    layers = metadata.parse_plugin_metadata(md.plugin_data.content)["layers"]
    assert step == 1 and layers == list(expected)
    np.testing.assert_allclose(row[:, L2], [expected[n] for n in layers], rtol=1e-4)


@pytest.mark.parametrize("backend", BACKENDS)
def test_deep_sigmoid_net_is_flagged_vanishing(runs, backend):
    r = result(runs[backend])
    first, last = r["sigmoid_layers"][0], r["sigmoid_layers"][-1]
    assert first in r["sigmoid_vanishing"] and last not in r["sigmoid_vanishing"]
    assert any(
        e["code"] == "vanishing_gradient" and e["layer"] == first
        for e in health(runs[backend] / "sigmoid")
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_training_is_unchanged_and_needs_no_tensorflow(runs, backend):
    r = result(runs[backend])
    # same seed, with gradient flow on: bit-identical weights and the same losses
    assert r["same_weights"] is True and r["same_history"] is True
    assert r["tensorflow_imported"] is False
    if backend == "jax":  # the armed flag is an argument: one trace for 47 equal batches
        assert r["traces"] == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_probe_the_model_cannot_run_warns_once_and_training_goes_on(runs, backend):
    out = runs[backend]
    (warning,) = result(out)["bad_probe_warnings"]
    assert "probe_data x [50, 10] float32" in warning and "[None, 64]" in warning
    tensors = read_tensors(out / "bad_probe")
    assert steps(tensors["mlp/gradient_flow"])[-1] == 10  # 10 batches, all logged to the end
    assert "fc0" not in tensors and not any(
        metadata.ACTIVATION_MAP == v for v in kinds(tensors).values()
    )
    assert "mlp/confusion_matrix" not in tensors


@pytest.mark.parametrize("backend", BACKENDS)
def test_governor_first_batch_probe_include_and_the_last_step(runs, backend):
    out = runs[backend]
    governed = read_tensors(out / "governor")
    assert steps(governed["mlp/gradient_flow"])[-1] == 20  # the last of 2 x 10 batches
    maps = [t for t, kind in kinds(governed).items() if kind == metadata.ACTIVATION_MAP]
    assert maps and all(governed[t][0][2].shape[0] == 32 for t in maps)  # the first batch
    assert steps(governed[maps[0]])[0] >= 1  # kept by the first train step

    chosen = read_tensors(out / "every7")
    assert steps(chosen["mlp/gradient_flow"]) == [1, 7, 14, 20]
    assert "fc1/kernel" in chosen and "fc0/kernel" not in chosen and "fc2/kernel" not in chosen
    content = metadata.parse_plugin_metadata(chosen["mlp/gradient_flow"][0][3].plugin_data.content)
    assert content["layers"] == ["fc1"]

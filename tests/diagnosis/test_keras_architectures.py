"""The health rules on real Keras 3 trainings (TensorFlow backend) of the architectures
users train, the twin of test_architectures.py.

Healthy ResNet (BatchNorm), MobileNet (ReLU6 after BatchNorm, depthwise,
squeeze-excite), transformer encoder (MultiHeadAttention, LayerNormalization),
LSTM and a converged MLP must raise no alarm, neither while training
(``callback.events``) nor when the run is read back (``tbviz inspect``); dead
ReLUs (biases of -5) and a deep sigmoid CNN must be flagged with the right
codes. docs/diagnosis.md reports the outcome as a table.
"""

import os

import pytest

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")
pytest.importorskip("sklearn")

from keras_architectures import broken_cases, healthy_cases, train  # noqa: E402

from tbviz_plugin import cli  # noqa: E402
from tbviz_plugin.integrations.options import DEFAULT_PROBE_SIZE  # noqa: E402

# Codes that say training is going wrong; a healthy run shows none of them.
ALARMS = {
    "vanishing_gradient",
    "exploding_gradient",
    "nan",
    "inf",
    "dead_units",
    "saturated_units",
    "stalled_weights",
}


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """One intra-op thread: on a shared 2-core machine more threads only contend.
    TensorFlow takes it only before its runtime starts (an earlier test may have).
    Afterwards Keras' name counters are reset for the tests that follow."""
    try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:
        pass
    yield
    keras.backend.clear_session()  # later tests get Keras' layer names from the start


def read_back(logdir):
    """Health events as the plugin serves them: stored ones and those diagnosed at read time."""
    (run,) = cli.inspect_logdir(str(logdir))["runs"].values()
    return run["health"]


def trained(case, tmp_path):
    callback, losses = train(case, tmp_path)
    return callback, read_back(tmp_path), losses


def alarms(events):
    return [(e["code"], e["layer"]) for e in events if e["code"] in ALARMS]


@pytest.mark.parametrize("name", sorted(healthy_cases()))
def test_healthy_keras_architecture_raises_no_alarm(name, tmp_path):
    callback, served, losses = trained(healthy_cases()[name], tmp_path)
    assert losses[-1] < 0.25 * losses[0]  # it did learn
    assert alarms(callback.events) == []
    assert alarms(served) == []


def test_keras_attention_layers_have_one_surface_per_sublayer(tmp_path):
    from event_reading import read_tensors

    train(healthy_cases()["transformer"], tmp_path)
    tags = set(read_tensors(tmp_path))
    attention = {t.split("/")[0] for t in tags if t.endswith("/query/kernel")}
    assert len(attention) == 2  # one per encoder block
    for mha in attention:
        for part in ("query", "key", "value", "attention_output"):
            assert f"{mha}/{part}/kernel" in tags and f"{mha}/{part}/bias" in tags


def test_keras_negative_biases_kill_the_relus(tmp_path):
    callback, served, _ = trained(broken_cases()["dead_relu"], tmp_path)
    hidden = [x.name for x in callback.model.layers if getattr(x, "activation", None)]
    hidden = [n for n in hidden if callback.model.get_layer(n).activation.__name__ == "relu"]
    dead = {e["layer"]: e for e in callback.events if e["code"] == "dead_units"}
    assert len(hidden) == 2 and set(dead) == set(hidden)  # both hidden layers, not the output
    e = dead[hidden[0]]
    assert e["value"] == 1.0 and e["severity"] == "error"
    assert e["step"] > 1  # judged over logged steps of training, not at initialisation
    assert e["evidence"]["logged_steps"] == 3 and e["evidence"]["stuck_units"] == 64
    assert e["evidence"]["probe_samples"] == DEFAULT_PROBE_SIZE
    assert "dead_units" in {e["code"] for e in served}


def test_keras_deep_sigmoid_cnn_is_flagged_vanishing(tmp_path):
    callback, served, _ = trained(broken_cases()["deep_sigmoid_cnn"], tmp_path)
    names = [x.name for x in callback.model.layers if x.trainable_weights]
    first, head = names[0], names[-1]
    vanishing = {e["layer"]: e for e in callback.events if e["code"] == "vanishing_gradient"}
    assert first in vanishing and head not in vanishing  # the input side, not the output
    evidence = vanishing[first]["evidence"]
    assert evidence["loss"]["state"] == "flat" and evidence["later_layer"] == head
    assert evidence["ratio"] < 1e-3
    assert "while the loss stayed flat" in vanishing[first]["hint"]
    assert any(e["code"] == "vanishing_gradient" and e["layer"] == first for e in served)

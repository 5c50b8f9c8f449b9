"""The health rules on real trainings of the architectures users train (PyTorch).

Healthy ResNet, MobileNet, transformer encoder, LSTM, tiny BERT and a converged
MLP must raise no alarm, neither while training (``handle.events``) nor when the
run is read back (``tbviz inspect``, which diagnoses the stored gradient flow
again without the loss); a diverging transformer, dead ReLUs, a deep sigmoid CNN
and a normalisation-free ResNet at a high learning rate must be flagged with the
right codes. docs/diagnosis.md reports the outcome as a table.
"""

import dataclasses

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("sklearn")

from torch_architectures import broken_cases, healthy_cases, train  # noqa: E402

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


@pytest.fixture(autouse=True)
def one_thread():
    """One intra-op thread: on a shared 2-core machine more threads only contend."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def read_back(logdir):
    """Health events as the plugin serves them: stored ones and those diagnosed at read time."""
    (run,) = cli.inspect_logdir(str(logdir))["runs"].values()
    return run["health"]


def trained(name, cases, tmp_path):
    torch.manual_seed(0)
    case = cases[name]()
    handle, losses = train(case, tmp_path)
    return handle.events, read_back(tmp_path), losses


@pytest.mark.parametrize("name", sorted(healthy_cases()))
def test_healthy_architecture_raises_no_alarm(name, tmp_path):
    if name == "tiny_bert":
        pytest.importorskip("transformers")
    written, served, losses = trained(name, healthy_cases(), tmp_path)
    assert losses[-10:].mean() < 0.5 * losses[:10].mean()  # it did learn
    assert [(e["code"], e["layer"]) for e in written if e["code"] in ALARMS] == []
    assert [(e["code"], e["layer"]) for e in served if e["code"] in ALARMS] == []


def codes_of(events):
    return {e["code"] for e in events}


def test_diverging_transformer_is_flagged(tmp_path):
    written, served, _ = trained("diverging_transformer", broken_cases(), tmp_path)
    assert codes_of(written) & {"exploding_gradient", "nan"}
    assert codes_of(served) & {"exploding_gradient", "nan"}


def test_negative_biases_kill_the_relus(tmp_path):
    written, _, _ = trained("dead_relu", broken_cases(), tmp_path)
    dead = {e["layer"]: e for e in written if e["code"] == "dead_units"}
    assert set(dead) == {"1", "3"}  # both hidden layers, not the output
    e = dead["1"]
    assert e["value"] == 1.0 and e["severity"] == "error"
    assert e["step"] > 0  # judged over logged steps of training, not at initialisation
    assert e["evidence"]["logged_steps"] == 3 and e["evidence"]["stuck_units"] == 64
    assert e["evidence"]["probe_samples"] == DEFAULT_PROBE_SIZE


def test_deep_sigmoid_cnn_is_flagged_vanishing(tmp_path):
    written, served, _ = trained("deep_sigmoid_cnn", broken_cases(), tmp_path)
    vanishing = {e["layer"]: e for e in written if e["code"] == "vanishing_gradient"}
    assert "0" in vanishing and "17" not in vanishing  # the input side, not the output
    evidence = vanishing["0"]["evidence"]
    assert evidence["loss"]["state"] == "flat" and evidence["later_layer"] == "17"
    assert evidence["ratio"] < 1e-3
    assert "while the loss stayed flat" in vanishing["0"]["hint"]
    assert any(e["code"] == "vanishing_gradient" and e["layer"] == "0" for e in served)


def test_normalisation_free_resnet_at_a_high_learning_rate_explodes(tmp_path):
    written, served, _ = trained("nf_resnet_high_lr", broken_cases(), tmp_path)
    exploding = [e for e in written if e["code"] == "exploding_gradient"]
    assert exploding and min(e["step"] for e in exploding) <= 2
    assert all(e["evidence"]["l2"] > 1e3 for e in exploding if "l2" in e["evidence"])
    assert "exploding_gradient" in codes_of(served)


def test_mobilenet_with_lagging_batchnorm_statistics_names_them(tmp_path):
    # The healthy MobileNet stopped after 20 steps: its BatchNorm running statistics
    # still lag the weights, so the eval-mode probe predicts a few classes only.
    torch.manual_seed(0)
    case = dataclasses.replace(healthy_cases()["mobilenet"](), steps=20)
    train(case, tmp_path)
    (e,) = [e for e in read_back(tmp_path) if e["code"] == "class_never_predicted"]
    assert "eval mode" in e["hint"] and "BatchNorm" in e["hint"]
    assert e["evidence"]["batchnorm_layers"] == 7 and e["evidence"]["logged_steps"] == 3
    assert set(e["classes"]) == set(e["evidence"]["classes"])
    assert not set(e["classes"]) & set(e["evidence"]["predicted_classes"])
    # The cause: with batch statistics (train mode) the same probe gets the missing
    # classes predicted.
    x = case.x[:128]
    case.model.train()
    with torch.no_grad():
        predicted = {str(int(c)) for c in case.model(x).argmax(dim=1).unique()}
    assert predicted & set(e["classes"])

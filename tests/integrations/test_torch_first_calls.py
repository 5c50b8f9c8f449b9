"""The calls users write first, as the README shows them: ``watch(model, log_dir)`` with
nothing else, in the loops people have (gradient accumulation, two optimizers, a
compiled or wrapped model, a probe of the wrong shape), on small real trainings."""

import logging

import pytest

torch = pytest.importorskip("torch")

import numpy as np  # noqa: E402
from integration_helpers import read_tensors  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin import metadata  # noqa: E402
from tbviz_plugin.integrations.torch import watch  # noqa: E402


@pytest.fixture(scope="module")
def digits():
    x, y = load_digits(return_X_y=True)
    return torch.tensor(x / 16.0, dtype=torch.float32), torch.tensor(y)


def bn_mlp():
    """Linear, BatchNorm, in-place ReLU (as in every ResNet block), dropout."""
    return torch.nn.Sequential(
        torch.nn.Linear(64, 32),
        torch.nn.BatchNorm1d(32),
        torch.nn.ReLU(inplace=True),
        torch.nn.Dropout(0.2),
        torch.nn.Linear(32, 10),
    )


def fit(model, digits, *, steps=20, accumulate=1, batch=32, log=None, **watch_kw):
    """The loop of the README with ``optimizer.step()`` every ``accumulate`` batches."""
    x, y = digits
    torch.manual_seed(0)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    handle = watch(model, log, **watch_kw) if log is not None else None
    for i in range(steps * accumulate):
        j = (i * batch) % 1500
        loss = torch.nn.functional.cross_entropy(model(x[j : j + batch]), y[j : j + batch])
        (loss / accumulate).backward()
        if (i + 1) % accumulate == 0:
            opt.step()
            opt.zero_grad()
    if handle is not None:
        handle.remove()
    return model


def flow_steps(logdir, name="Sequential"):
    return [s for s, *_ in read_tensors(logdir)[f"{name}/gradient_flow"]]


def flow_layers(logdir, name="Sequential"):
    rows = read_tensors(logdir)[f"{name}/gradient_flow"]
    return metadata.parse_plugin_metadata(rows[0][3].plugin_data.content)["layers"]


def seeded(make):
    torch.manual_seed(0)
    return make()


def test_watch_with_nothing_else_records_every_optimizer_step_and_the_last(
    digits, tmp_path, caplog
):
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        fit(seeded(bn_mlp), digits, steps=23, log=tmp_path, every=5)
    assert flow_steps(tmp_path) == [0, 5, 10, 15, 20, 22]
    tensors = read_tensors(tmp_path)
    assert [s for s, *_ in tensors["0/weight"]] == [0, 5, 10, 15, 20, 22]
    assert [s for s, *_ in tensors["learning_rate"]][-1] == 22  # the optimizer found
    assert not [r for r in caplog.records if "never stepped" in r.getMessage()]


def test_gradient_accumulation_counts_optimizer_steps(digits, tmp_path):
    fit(seeded(bn_mlp), digits, steps=20, accumulate=4, log=tmp_path, every=3)
    assert flow_steps(tmp_path) == [0, 3, 6, 9, 12, 15, 18, 19]


def test_training_is_bit_identical_with_and_without_watch(digits, tmp_path):
    """BatchNorm and dropout included: the probe pass touches no RNG or running stat."""
    plain = fit(seeded(bn_mlp), digits, steps=15)
    watched = fit(seeded(bn_mlp), digits, steps=15, log=tmp_path, every=2)
    for (key, a), b in zip(plain.state_dict().items(), watched.state_dict().values()):
        assert torch.equal(a, b), key


def test_only_the_models_own_optimizer_counts_steps(digits, tmp_path):
    """A GAN-like loop: the other model's optimizer steps too, and is not counted."""
    x, y = digits
    torch.manual_seed(0)
    gen, disc = bn_mlp(), torch.nn.Linear(10, 1)
    opt_g = torch.optim.Adam(gen.parameters(), 1e-3)
    opt_d = torch.optim.Adam(disc.parameters(), 1e-3)
    handle = watch(gen, tmp_path, every=2)
    for i in range(7):
        for opt in (opt_d, opt_g):
            opt.zero_grad()
            disc(gen(x[i * 32 : (i + 1) * 32])).mean().backward()
            opt.step()
    handle.remove()
    assert flow_steps(tmp_path) == [0, 2, 4, 6]
    assert flow_layers(tmp_path) == ["0", "1", "4"]


def test_a_loop_that_never_steps_gets_one_clear_warning(digits, tmp_path, caplog):
    x, _ = digits
    model = bn_mlp()
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        handle = watch(model, tmp_path)
        model(x[:8]).sum().backward()  # no optimizer.step(), no handle.step()
        handle.remove()
        handle.remove()
    (message,) = [r.getMessage() for r in caplog.records]
    assert "never stepped" in message and "handle.step()" in message


def test_a_loop_without_an_optimizer_calls_step(digits, tmp_path):
    x, y = digits
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 16), torch.nn.Tanh(), torch.nn.Linear(16, 10))
    handle = watch(model, tmp_path, every=2)
    for i in range(5):
        model.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x[i * 32 : (i + 1) * 32]), y[:32])
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= 0.1 * p.grad
        handle.step(loss=loss)
    handle.remove()
    assert flow_steps(tmp_path) == [0, 2, 4]
    assert [s for s, *_ in read_tensors(tmp_path)["batch_loss"]] == [0, 2, 4]


def test_explicit_probe_data_is_used_whole_for_predictions(digits, tmp_path):
    x, y = digits
    fit(seeded(bn_mlp), digits, steps=6, log=tmp_path, every=5, probe_data=(x[1500:], y[1500:]))
    tensors = read_tensors(tmp_path)
    matrices = tensors["Sequential/confusion_matrix"]
    assert [m[2].sum() for m in matrices] == [len(x) - 1500] * 2  # 297 samples at steps 0, 5
    assert tensors["0"][0][2].shape == (64, 32)  # probe_size rows of activation maps


def test_a_probe_of_the_wrong_shape_warns_once_and_training_goes_on(digits, tmp_path, caplog):
    x, y = digits
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        watched = fit(
            seeded(bn_mlp), digits, steps=8, log=tmp_path, every=2, probe_data=(x[:50, :10], y[:50])
        )
    (message,) = [r.getMessage() for r in caplog.records]
    assert "probe_data" in message and "[50, 10] float32" in message
    assert "training batches are [32, 64] float32" in message
    tensors = read_tensors(tmp_path)
    assert flow_steps(tmp_path) == [0, 2, 4, 6, 7]
    assert "0/weight" in tensors and "0" not in tensors  # no activation maps
    plain = fit(seeded(bn_mlp), digits, steps=8)
    for a, b in zip(plain.parameters(), watched.parameters()):
        assert torch.equal(a, b)


def test_include_and_exclude_choose_the_layers(digits, tmp_path, caplog):
    fit(seeded(bn_mlp), digits, steps=3, log=tmp_path / "inc", every=1, include=["0", "4"])
    tensors = read_tensors(tmp_path / "inc")
    assert flow_layers(tmp_path / "inc") == ["0", "4"]
    assert {"0/weight", "4/weight", "0", "4"} <= set(tensors)
    assert not {"1/weight", "1"} & set(tensors)

    fit(seeded(bn_mlp), digits, steps=3, log=tmp_path / "exc", every=1, exclude="1")
    assert flow_layers(tmp_path / "exc") == ["0", "4"]

    with caplog.at_level(logging.WARNING, logger="tbviz"):
        fit(seeded(bn_mlp), digits, steps=2, log=tmp_path / "typo", every=1, include="encoder*")
    assert "include='encoder*' matches no layer of Sequential" in caplog.text
    assert "its layers are: 0, 1, 4" in caplog.text


def test_the_batchnorm_map_holds_its_own_output_before_an_in_place_relu(digits, tmp_path):
    fit(seeded(bn_mlp), digits, steps=3, log=tmp_path, every=1)
    bn = read_tensors(tmp_path)["1"][0][2]
    assert bn.min() < 0  # normalised values, not the ReLU's
    assert abs(float(bn.mean())) < 0.5


def test_a_compiled_model_trains_as_without_watch_and_is_named_as_its_module(digits, tmp_path):
    from torch._dynamo.utils import counters

    torch._dynamo.reset()
    counters.clear()
    plain = fit(torch.compile(seeded(bn_mlp), backend="eager"), digits, steps=6)
    graphs_without = counters["stats"]["unique_graphs"]
    torch._dynamo.reset()
    counters.clear()
    model = seeded(bn_mlp)
    fit(torch.compile(model, backend="eager"), digits, steps=6, log=tmp_path, every=2)
    # tbviz causes no recompilation: the same graphs are compiled as without it.
    assert counters["stats"]["unique_graphs"] == graphs_without > 0
    assert flow_steps(tmp_path) == [0, 2, 4, 5]
    assert flow_layers(tmp_path) == ["0", "1", "4"]
    assert "0/weight" in read_tensors(tmp_path)  # not _orig_mod.0/weight
    for a, b in zip(plain.parameters(), model.parameters()):
        assert torch.equal(a, b)


class Tagger(torch.nn.Module):
    """An embedding, an LSTM and multi-head attention: modules returning tuples, and
    an ``out_proj`` whose forward is never called as a module."""

    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(17, 16)
        self.lstm = torch.nn.LSTM(16, 16, batch_first=True)
        self.attn = torch.nn.MultiheadAttention(16, 2, batch_first=True)
        self.head = torch.nn.Linear(16, 2)

    def forward(self, tokens):
        h, _ = self.lstm(self.embed(tokens))
        a, _ = self.attn(h, h, h)
        return self.head(a.mean(dim=1))


def test_recurrent_and_attention_layers_get_maps_surfaces_and_rows(tmp_path):
    torch.manual_seed(0)
    tokens = torch.randint(0, 17, (96, 12))
    labels = (tokens[:, 0] > 8).long()
    model = Tagger()
    opt = torch.optim.Adam(model.parameters(), 1e-2)
    handle = watch(model, tmp_path, every=2)
    for i in range(5):
        opt.zero_grad()
        b = slice(i * 16, (i + 1) * 16)
        torch.nn.functional.cross_entropy(model(tokens[b]), labels[b]).backward()
        opt.step()
    handle.remove()
    tensors = read_tensors(tmp_path)
    assert flow_layers(tmp_path, "Tagger") == ["embed", "lstm", "attn", "attn.out_proj", "head"]
    assert {"lstm", "attn", "attn.out_proj/weight", "lstm/weight_hh_l0"} <= set(tensors)
    table = tensors["Tagger/gradient_flow"][-1][2]
    assert np.all(np.isfinite(table[:, 0])) and np.all(table[:, 0] > 0)
    # Token sequences [N, L, D] read channels last, as Keras stores them: D units over L.
    for layer in ("embed", "lstm", "attn"):
        content = metadata.parse_plugin_metadata(tensors[layer][0][3].plugin_data.content)
        assert content["layout"] == "channels_last" and content["sample_shape"] == [12, 16]

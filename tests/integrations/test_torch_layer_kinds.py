"""What ``watch`` records for the parts of real architectures that are not one module
per layer: a stacked LSTM (one gradient-flow row per recurrent layer), a parameter of
the model itself (a learned positional embedding, placed where it is used) and two
models recorded into one log directory (a GAN), checked against the gradients and
weights the training left behind."""

import logging

import pytest

torch = pytest.importorskip("torch")

import numpy as np  # noqa: E402
from integration_helpers import read_tensors  # noqa: E402

from tbviz_plugin import metadata  # noqa: E402
from tbviz_plugin.integrations.common import FLOW_STATS  # noqa: E402
from tbviz_plugin.integrations.torch import watch  # noqa: E402

L2 = FLOW_STATS.index("l2")


class PositionalTagger(torch.nn.Module):
    """A linear embedding plus a learned positional embedding owned by the model itself,
    a 3-layer LSTM, attention and a head."""

    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Linear(8, 16)
        self.pos = torch.nn.Parameter(torch.randn(6, 16) * 0.1)
        self.lstm = torch.nn.LSTM(16, 16, num_layers=3, batch_first=True)
        self.attn = torch.nn.MultiheadAttention(16, 2, batch_first=True)
        self.head = torch.nn.Linear(16, 3)

    def forward(self, x):
        h, _ = self.lstm(self.embed(x) + self.pos)
        a, _ = self.attn(h, h, h)
        return self.head(a.mean(dim=1))


def flow(logdir, name):
    rows = read_tensors(logdir)[f"{name}/gradient_flow"]
    layers = metadata.parse_plugin_metadata(rows[0][3].plugin_data.content)["layers"]
    return layers, rows


def l2(tensors):
    return float(torch.sqrt(sum((t.double() ** 2).sum() for t in tensors)))


def test_stacked_lstm_rows_and_model_parameters_placed_where_used(tmp_path):
    torch.manual_seed(0)
    x, y = torch.randn(64, 6, 8), torch.randint(0, 3, (64,))
    model = PositionalTagger()
    opt = torch.optim.Adam(model.parameters(), 1e-2)
    handle = watch(model, tmp_path)
    for i in range(4):
        opt.zero_grad()
        b = slice(i * 16, (i + 1) * 16)
        torch.nn.functional.cross_entropy(model(x[b]), y[b]).backward()
        opt.step()
    handle.remove()  # logs the last step, whose gradients are still in .grad

    layers, rows = flow(tmp_path, "PositionalTagger")
    # The model's own parameter follows the embedding it is added to, not the head;
    # the LSTM is one row per recurrent layer, in depth order.
    assert layers == [
        "embed",
        "PositionalTagger",
        "lstm.l0",
        "lstm.l1",
        "lstm.l2",
        "attn",
        "attn.out_proj",
        "head",
    ]
    step, _, table, _ = rows[-1]
    assert step == 3
    lstm = dict(model.lstm.named_parameters())
    expected = {
        "PositionalTagger": [model.pos.grad],
        "lstm.l1": [lstm[n].grad for n in lstm if n.endswith("_l1")],
        "attn.out_proj": [model.attn.out_proj.weight.grad, model.attn.out_proj.bias.grad],
    }
    for row, grads in expected.items():
        assert table[layers.index(row), L2] == pytest.approx(l2(grads), rel=1e-4)
    # Surfaces keep the module's own parameter names.
    assert {"lstm/weight_ih_l2", "PositionalTagger/pos"} <= set(read_tensors(tmp_path))


def gan(latent=4, features=8):
    g = torch.nn.Sequential(torch.nn.Linear(latent, 16), torch.nn.ReLU(), torch.nn.Linear(16, 8))
    d = torch.nn.Sequential(torch.nn.Linear(features, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
    return g, d


def train_gan(g, d, steps=4):
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    opt_g = torch.optim.Adam(g.parameters(), 1e-3)
    opt_d = torch.optim.Adam(d.parameters(), 1e-3)
    real = torch.randn(32, 8) + 2
    for _ in range(steps):
        fake = g(torch.randn(32, 4))
        opt_d.zero_grad()
        loss_d = bce(d(real), torch.ones(32, 1)) + bce(d(fake.detach()), torch.zeros(32, 1))
        loss_d.backward()
        opt_d.step()
        opt_g.zero_grad()
        bce(d(fake), torch.ones(32, 1)).backward()
        opt_g.step()


def test_two_models_in_one_log_directory_keep_their_own_tags(tmp_path):
    torch.manual_seed(0)
    g, d = gan()
    handles = [watch(g, tmp_path, name="generator"), watch(d, tmp_path, name="discriminator")]
    train_gan(g, d)
    for h in handles:
        h.remove()
    tensors = read_tensors(tmp_path)
    # The first model's tags as they are; the second's under its name.
    assert {"0/weight", "discriminator/0/weight"} <= set(tensors)
    assert not any(t.startswith("generator/0") for t in tensors)
    # One tensor per logged step in each tag, each the right model's weights.
    for tag, model in (("2/weight", g), ("discriminator/2/weight", d)):
        steps = [s for s, *_ in tensors[tag]]
        assert steps == sorted(set(steps)) and steps[-1] == 3
        final = tensors[tag][-1][2]
        # stored [in, out], as Keras keeps a kernel
        np.testing.assert_allclose(final, model[2].weight.detach().numpy().T, rtol=1e-6)
    g_layers, _ = flow(tmp_path, "generator")
    d_layers, _ = flow(tmp_path, "discriminator")
    assert g_layers == d_layers == ["0", "2"]


def test_a_second_model_of_the_same_name_gets_its_own_tags_and_a_warning(tmp_path, caplog):
    torch.manual_seed(0)
    g, d = gan()
    first = watch(g, tmp_path)
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        second = watch(d, tmp_path)
    assert "another model named 'Sequential'" in caplog.text and "'Sequential_1'" in caplog.text
    train_gan(g, d)
    first.remove()
    second.remove()
    tensors = read_tensors(tmp_path)
    assert {"0/weight", "Sequential_1/0/weight", "Sequential/gradient_flow"} <= set(tensors)
    assert "Sequential_1/gradient_flow" in tensors
    final = tensors["Sequential_1/2/weight"][-1][2]
    np.testing.assert_allclose(final, d[2].weight.detach().numpy().T, rtol=1e-6)
    # Once both are removed, the directory takes a model as the first again.
    watch(d, tmp_path).remove()
    assert "Sequential_2/0/weight" not in read_tensors(tmp_path)


def test_a_transformers_bert_built_from_its_config(tmp_path):
    """A Hugging Face model called with keyword inputs, returning an output object: the
    probe runs as the model is called (``model(**probe)``), predictions come from its
    ``logits``; token ids have no input gradient, so there is no importance."""
    transformers = pytest.importorskip("transformers")
    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=40,
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=16,
        num_labels=2,
    )
    model = transformers.BertForSequenceClassification(config)
    ids = torch.randint(1, 40, (48, 10))
    mask = torch.ones_like(ids)
    labels = (ids[:, 0] > 20).long()
    opt = torch.optim.AdamW(model.parameters(), 1e-3)
    handle = watch(model, tmp_path, probe_data=({"input_ids": ids, "attention_mask": mask}, labels))
    for i in range(3):
        opt.zero_grad()
        b = slice(i * 16, (i + 1) * 16)
        model(input_ids=ids[b], attention_mask=mask[b], labels=labels[b]).loss.backward()
        opt.step()
    handle.remove()
    tensors = read_tensors(tmp_path)
    name = "BertForSequenceClassification"
    for _, _, counts, _ in tensors[f"{name}/confusion_matrix"]:
        np.testing.assert_array_equal(counts.sum(axis=1), np.bincount(labels.numpy(), minlength=2))
    assert not any("feature_importance" in t for t in tensors)
    layers, rows = flow(tmp_path, name)
    assert layers[0] == "bert.embeddings.word_embeddings" and layers[-1] == "classifier"
    query = layers.index("bert.encoder.layer.1.attention.self.query")
    expected = l2(
        [
            model.bert.encoder.layer[1].attention.self.query.weight.grad,
            model.bert.encoder.layer[1].attention.self.query.bias.grad,
        ]
    )
    assert rows[-1][2][query, L2] == pytest.approx(expected, rel=1e-4)
    # The attention output [N, L, D] is a map of D units over the L positions.
    content = metadata.parse_plugin_metadata(
        tensors["bert.encoder.layer.1.attention.self.query"][0][3].plugin_data.content
    )
    assert content["layout"] == "channels_last" and content["sample_shape"] == [10, 16]


class DictOutputs(torch.nn.Module):
    """An encoder returning a dict, and a model returning ``{"hidden", "logits"}``."""

    class Encoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = torch.nn.Linear(8, 16)
            self.shift = torch.nn.Parameter(torch.zeros(16))

        def forward(self, x):
            return {"hidden": torch.tanh(self.fc(x) + self.shift), "norm": x.norm(dim=1)}

    def __init__(self):
        super().__init__()
        self.encoder = DictOutputs.Encoder()
        self.scale = torch.nn.Parameter(torch.ones(16))
        self.head = torch.nn.Linear(16, 3)

    def forward(self, x):
        hidden = self.encoder(x)["hidden"] * self.scale
        return {"hidden": hidden, "logits": self.head(hidden)}


def test_dict_outputs_give_their_tensor_and_logits(tmp_path):
    torch.manual_seed(0)
    x, y = torch.randn(64, 8), torch.randint(0, 3, (64,))
    model = DictOutputs()
    opt = torch.optim.Adam(model.parameters(), 1e-2)
    handle = watch(model, tmp_path, probe_data=(x[:32], y[:32]))
    for _ in range(3):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x)["logits"], y).backward()
        opt.step()
    handle.remove()
    tensors = read_tensors(tmp_path)
    # The encoder's own parameters' map is its dict's first tensor; the model's own
    # parameter sits where it is used (after the encoder), and its map is the logits.
    layers, _ = flow(tmp_path, "DictOutputs")
    assert layers == ["encoder.fc", "encoder", "DictOutputs", "head"]
    encoder_map = tensors["encoder"][-1][2]
    expected = torch.tanh(model.encoder.fc(x[:32]) + model.encoder.shift).detach().numpy()
    np.testing.assert_allclose(encoder_map.reshape(expected.shape), expected, rtol=1e-5, atol=1e-6)
    with torch.no_grad():
        predicted = model(x[:32])["logits"].argmax(1).numpy()
    counts = tensors["DictOutputs/confusion_matrix"][-1][2]
    np.testing.assert_array_equal(counts.sum(axis=0), np.bincount(predicted, minlength=3))


def test_sparse_embedding_gradients_are_summed_as_the_dense_gradient(tmp_path):
    """``nn.Embedding(sparse=True)`` with ``SparseAdam``: training goes on, and the
    embedding's gradient-flow row is that of the dense gradient the sparse one stands for."""
    torch.manual_seed(0)

    class Bag(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = torch.nn.Embedding(100, 16, sparse=True)
            self.fc = torch.nn.Linear(16, 3)

        def forward(self, x):
            return self.fc(self.emb(x).mean(1))

    model = Bag()
    sparse, dense = (
        torch.optim.SparseAdam(list(model.emb.parameters())),
        torch.optim.Adam(model.fc.parameters()),
    )
    handle = watch(model, tmp_path, every=2)
    norms = {}
    for step in range(5):
        x, y = torch.randint(0, 100, (8, 5)), torch.randint(0, 3, (8,))
        sparse.zero_grad()
        dense.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        norms[step] = float(model.emb.weight.grad.to_dense().norm())
        sparse.step()
        dense.step()
    handle.remove()
    flow = read_tensors(tmp_path)["Bag/gradient_flow"]
    assert [s for s, *_ in flow] == [0, 2, 4]
    l2 = list(FLOW_STATS).index("l2")
    for step, _, table, _ in flow:
        assert table[0, l2] == pytest.approx(norms[step], rel=1e-5)


@pytest.mark.parametrize("path", ["host", "device"])
def test_tied_weights_show_their_change_in_each_layer(tmp_path, monkeypatch, path):
    """A language model's output layer that shares the embedding's weight (tied
    weights, as transformers ties them): both rows show that weight's change since
    the last log, not the second a change of zero after the first kept the new value."""
    from tbviz_plugin.integrations.torch import reduction

    if path == "device":  # PyTorch's ops, as on an accelerator, forced on the CPU
        monkeypatch.setattr(reduction, "in_host_memory", lambda tensors: False)
    torch.manual_seed(0)

    class Tied(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = torch.nn.Embedding(50, 16)
            self.head = torch.nn.Linear(16, 50, bias=False)
            self.head.weight = self.emb.weight

        def forward(self, x):
            return self.head(torch.tanh(self.emb(x)))

    model = Tied()
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    handle = watch(model, tmp_path, every=2)
    seen = {}
    for step in range(5):
        x = torch.randint(0, 50, (32,))
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), torch.roll(x, 1)).backward()
        opt.step()
        seen[step] = model.emb.weight.detach().clone().numpy()
    handle.remove()
    flow = read_tensors(tmp_path)["Tied/gradient_flow"]
    assert [s for s, *_ in flow] == [0, 2, 4]
    ratio = list(FLOW_STATS).index("update_ratio")
    first = flow[0][2][:, ratio]
    assert np.isnan(first).all()  # no log before the first
    for step, _, table, _ in flow[1:]:
        change = np.linalg.norm(seen[step] - seen[step - 2]) / np.linalg.norm(seen[step - 2])
        assert table[:, ratio] == pytest.approx([change, change], rel=1e-4)

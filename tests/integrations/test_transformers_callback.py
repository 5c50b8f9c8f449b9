"""TbvizCallback on real Hugging Face Trainer runs over scikit-learn's digits.

A tiny BERT built from ``BertConfig`` (no download) reads each digit as a
sentence of 64 pixel tokens (intensities 0-16); MLPs returning ``{"loss",
"logits"}`` show the known outcomes of test_torch_watch: a small ReLU MLP
trains cleanly, a 10-layer sigmoid MLP loses its gradient on the way back.
"""

import math

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

import numpy as np  # noqa: E402
from integration_helpers import health, kinds, read_tensors  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin import metadata  # noqa: E402
from tbviz_plugin.integrations import common  # noqa: E402
from tbviz_plugin.integrations.transformers import TbvizCallback  # noqa: E402

ALARMS = {"vanishing_gradient", "exploding_gradient", "nan", "inf"}
L2 = list(common.FLOW_STATS).index("l2")


class Digits(torch.utils.data.Dataset):
    """Digits as token ids (``input_ids``) or pixel intensities (``x``), with labels."""

    def __init__(self, start, stop, tokens, nan_at=None):
        x, y = load_digits(return_X_y=True)
        self.x, self.y = x[start:stop], y[start:stop]
        self.tokens, self.nan_at = tokens, nan_at

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        if self.tokens:
            ids = torch.tensor(self.x[i], dtype=torch.long)
            return {"input_ids": ids, "labels": int(self.y[i])}
        x = torch.tensor(self.x[i] / 16.0, dtype=torch.float32)
        if i == self.nan_at:
            x[0] = float("nan")
        return {"x": x, "labels": int(self.y[i])}


class MLP(torch.nn.Module):
    def __init__(self, depth=2, act=torch.nn.ReLU):
        super().__init__()
        layers, d = [], 64
        for _ in range(depth):
            layers += [torch.nn.Linear(d, 32), act()]
            d = 32
        self.net = torch.nn.Sequential(*layers, torch.nn.Linear(d, 10))

    def forward(self, x, labels=None):
        logits = self.net(x)
        loss = None if labels is None else torch.nn.functional.cross_entropy(logits, labels)
        return {"loss": loss, "logits": logits}


def tiny_bert():
    config = transformers.BertConfig(
        vocab_size=17,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        num_labels=10,
    )
    return transformers.BertForSequenceClassification(config)


class Recorder:
    """What the test knows independently: each training forward's raw loss, the first
    training batch, and the classifier's gradient norm just before each optimizer step."""

    def __init__(self, model, head):
        self.losses, self.first, self.head_norms = [], None, []
        self.head = head
        model.register_forward_pre_hook(self._on_input, with_kwargs=True)
        model.register_forward_hook(self._on_output)

    def _on_input(self, module, args, kwargs):
        if module.training and self.first is None:
            self.first = {k: v.clone() for k, v in kwargs.items()}

    def _on_output(self, module, args, output):
        if module.training:
            self.losses.append(float(output["loss"].detach()))

    def callback(self):
        recorder = self

        class HeadNorm(transformers.TrainerCallback):
            def on_pre_optimizer_step(self, args, state, control, **kwargs):
                grads = [p.grad.reshape(-1) for p in recorder.head.parameters()]
                recorder.head_norms.append(float(torch.linalg.vector_norm(torch.cat(grads))))

        return HeadNorm()


def train(make, out, callbacks=(), record=None, n_train=320, tokens=False, nan_at=None, **kw):
    """Seeds, builds ``make()`` and trains it with the Trainer; returns (trainer, model)."""
    torch.manual_seed(0)
    model = make()
    callbacks = list(callbacks)
    if record is not None:
        callbacks.append(record(model).callback())
    kw.setdefault("learning_rate", 1e-3)
    args = transformers.TrainingArguments(
        output_dir=str(out),
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        save_strategy="no",
        use_cpu=True,
        disable_tqdm=True,
        seed=0,
        **{"report_to": "none", "num_train_epochs": 2, **kw},
    )
    trainer = transformers.Trainer(
        model=model,
        args=args,
        train_dataset=Digits(0, n_train, tokens, nan_at),
        eval_dataset=Digits(1500, 1564, tokens),
        callbacks=callbacks,
    )
    trainer.train()
    return trainer, model


def scalars(logdir):
    """{tag: [(step, value)]} of the plain scalars (``add_scalar``) TensorBoard reads."""
    from tensorboard.backend.event_processing import event_accumulator as ea

    acc = ea.EventAccumulator(str(logdir), size_guidance={ea.SCALARS: 0})
    acc.Reload()
    return {tag: [(e.step, e.value) for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}


def test_a_tiny_bert_writes_every_kind_into_the_trainers_tensorboard_run(tmp_path):
    recorders = []

    def record(model):
        recorders.append(Recorder(model, model.classifier))
        return recorders[-1]

    trainer, model = train(
        tiny_bert,
        tmp_path,
        [TbvizCallback(every=5, num_classes=10)],
        record=record,
        n_train=160,
        tokens=True,
        eval_strategy="epoch",
        report_to=["tensorboard"],
        logging_steps=5,
    )
    (rec,) = recorders
    assert trainer.state.global_step == 10  # 2 epochs x 5 batches

    (run,) = (tmp_path / "runs").iterdir()  # the Trainer's TensorBoard run directory
    files = sorted(p.name for p in run.glob("events.out.tfevents.*"))
    assert len(files) == 2 and any(".tbviz" in f for f in files)  # the Trainer's and tbviz's
    tensors = read_tensors(run)
    k = kinds(tensors)
    query = "bert.encoder.layer.0.attention.self.query"
    for layer in ("bert.embeddings.word_embeddings", query, "classifier"):
        assert k[f"{layer}/weight"] == metadata.WEIGHT_SURFACE
        assert k[layer] == metadata.ACTIVATION_MAP
    assert k["BertForSequenceClassification/gradient_flow"] == metadata.GRADIENT_FLOW
    assert k["batch_loss"] == k["epoch_loss"] == k["epoch_val_loss"] == "scalars"

    # Steps are the Trainer's global_step after the update (1 = the first), every 5th.
    flow = tensors["BertForSequenceClassification/gradient_flow"]
    layers = metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)["layers"]
    assert layers[0] == "bert.embeddings.word_embeddings" and layers[-1] == "classifier"
    assert [s for s, *_ in flow] == [5, 10]
    for step, _, table, _ in flow:  # read before optimizer.step(), as the Trainer left them
        assert table[-1, L2] == pytest.approx(rec.head_norms[step - 1], rel=1e-5)
    for step, _, value, _ in tensors["batch_loss"]:  # the model's own loss of that step
        assert float(value) == pytest.approx(rec.losses[step - 1], rel=1e-6)
    epochs = tensors["epoch_loss"]
    assert [s for s, *_ in epochs] == [0, 1]
    assert float(epochs[0][2]) == pytest.approx(np.mean(rec.losses[:5]), rel=1e-5)
    theirs = scalars(run)  # the Trainer's own logs, in the same run
    assert [float(v) for _, _, v, _ in tensors["epoch_val_loss"]] == pytest.approx(
        [v for _, v in theirs["eval/loss"]], rel=1e-6
    )
    assert [s for s, _ in theirs["train/loss"]] == [5, 10]

    # The probe is the first training batch, passed as model(**batch); the activation map
    # of the classifier at the last step is the trained model's logits on it.
    model.eval()
    with torch.no_grad():
        logits = model(**rec.first).logits.numpy()
    final = tensors["classifier"][-1]
    assert final[0] == 10 and final[2].shape == (32, 10)
    np.testing.assert_allclose(final[2], logits, rtol=1e-4, atol=1e-5)
    assert tensors[query][0][2].shape == (32, 1, 64)  # one sample: features x tokens

    assert not {e["code"] for e in health(run)} & {"exploding_gradient", "nan", "inf"}


def test_deep_sigmoid_net_is_flagged_and_a_healthy_one_raises_nothing(tmp_path):
    train(
        lambda: MLP(10, torch.nn.Sigmoid),
        tmp_path / "out",
        [TbvizCallback(tmp_path / "sigmoid", every=5)],
        num_train_epochs=1,
        n_train=640,
    )
    found = health(tmp_path / "sigmoid")
    vanishing = [e for e in found if e["code"] == "vanishing_gradient"]
    flagged = {e["layer"] for e in vanishing}
    assert "net.0" in flagged and "net.20" not in flagged  # the input side, not the output
    assert all(e["evidence"]["loss"] is not None for e in vanishing)  # the rules read the loss

    train(MLP, tmp_path / "out", [TbvizCallback(tmp_path / "relu", every=5)], n_train=640)
    assert not {e["code"] for e in health(tmp_path / "relu")} & ALARMS
    tensors = read_tensors(tmp_path / "relu")
    losses = [float(v) for _, _, v, _ in tensors["epoch_loss"]]
    assert len(losses) == 2 and losses[1] < losses[0]


def test_a_nan_loss_is_recorded_raw_where_the_trainer_filters_it(tmp_path):
    recorders = []

    def record(model):
        recorders.append(Recorder(model, model.net[-1]))
        return recorders[-1]

    trainer, _ = train(
        MLP,
        tmp_path / "out",
        [TbvizCallback(tmp_path / "run", every=1)],
        record=record,
        n_train=128,
        nan_at=70,
        num_train_epochs=1,
        logging_steps=4,
    )
    (rec,) = recorders
    broken = next(i for i, loss in enumerate(rec.losses) if math.isnan(loss)) + 1
    tensors = read_tensors(tmp_path / "run")
    batch = [(s, float(v)) for s, _, v, _ in tensors["batch_loss"]]
    assert [s for s, _ in batch] == [1, 2, 3, 4]
    assert all(math.isnan(v) == (s >= broken) for s, v in batch)
    assert math.isnan(float(tensors["epoch_loss"][0][2]))
    assert "nan" in {e["code"] for e in health(tmp_path / "run")}
    (logged,) = [h["loss"] for h in trainer.state.log_history if "loss" in h]
    assert math.isfinite(logged)  # the Trainer's own log hides it


def test_training_is_unchanged_and_a_dict_probe_gets_a_confusion_matrix(tmp_path):
    """A tiny BERT with dropout and gradient accumulation: the same weights with and
    without the callback (the probe passes run in eval mode without gradients); a
    probe_data of keyword inputs is run as model(**x) and scored by its logits."""
    kw = dict(n_train=128, tokens=True, gradient_accumulation_steps=2, num_train_epochs=1)
    _, plain = train(tiny_bert, tmp_path / "plain", **kw)
    held_out = Digits(1600, 1664, tokens=True)
    x = {"input_ids": torch.stack([held_out[i]["input_ids"] for i in range(64)])}
    y = torch.tensor(held_out.y)
    callback = TbvizCallback(tmp_path / "run", every=1, probe_data=(x, y))
    _, watched = train(tiny_bert, tmp_path / "watched", [callback], **kw)
    a, b = plain.state_dict(), watched.state_dict()
    assert a.keys() == b.keys()
    for key in a:
        assert torch.equal(a[key], b[key]), key
    for m in watched.modules():
        assert not m._forward_hooks and not m._forward_pre_hooks

    tensors = read_tensors(tmp_path / "run")
    flow = tensors["BertForSequenceClassification/gradient_flow"]
    assert [s for s, *_ in flow] == [1, 2]  # 4 batches, 2 per optimizer step
    assert tensors["bert.embeddings.word_embeddings"][0][2].shape == (32, 1, 64)  # probe_data
    step, _, counts, _ = tensors["BertForSequenceClassification/confusion_matrix"][-1]
    watched.eval()
    with torch.no_grad():
        predicted = watched(**x).logits.argmax(dim=1).numpy()
    expected = np.zeros((10, 10), dtype=np.int64)
    np.add.at(expected, (y.numpy(), predicted), 1)
    assert step == 2
    np.testing.assert_array_equal(counts, expected)


def test_bad_arguments_name_the_argument():
    with pytest.raises(ValueError, match="overhead_budget"):
        TbvizCallback(overhead_budget=2)
    with pytest.raises(TypeError, match="include"):
        TbvizCallback(include=[3])
    with pytest.raises(ValueError, match="max_bytes"):
        TbvizCallback(max_bytes=0)


def test_a_run_stopped_early_logs_its_last_step(tmp_path):
    """The Trainer zeroes the gradients after each update: a run stopped before its
    max_steps (early stopping) has its last step logged with weights and an empty
    gradient-flow column, as watch logs a loop that zeroes them after the step."""

    class StopAtThree(transformers.TrainerCallback):
        def on_step_end(self, args, state, control, **kwargs):
            control.should_training_stop = state.global_step == 3

    callback = TbvizCallback(tmp_path / "run", every=2)
    train(MLP, tmp_path / "out", [callback, StopAtThree()], n_train=320)
    tensors = read_tensors(tmp_path / "run")
    flow = tensors["MLP/gradient_flow"]
    assert [s for s, *_ in flow] == [2, 3]
    assert np.all(np.isfinite(flow[0][2][:, :L2])) and np.all(np.isnan(flow[1][2][:, :L2]))
    assert [s for s, *_ in tensors["net.0/weight"]] == [2, 3]
    assert not {e["code"] for e in health(tmp_path / "run")} & ALARMS

"""TbvizCallback on real PyTorch Lightning trainings over scikit-learn's digits.

Known outcomes as in test_torch_watch: a small ReLU MLP trains cleanly; a
10-layer sigmoid MLP loses its gradient on the way back.
"""

import logging
import math
import os

import pytest

torch = pytest.importorskip("torch")
pl = pytest.importorskip("lightning.pytorch")

import numpy as np  # noqa: E402
from integration_helpers import health, kinds, read_tensors  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin import metadata  # noqa: E402
from tbviz_plugin.integrations import common  # noqa: E402
from tbviz_plugin.integrations.lightning import TbvizCallback  # noqa: E402

ALARMS = {"vanishing_gradient", "exploding_gradient", "nan", "inf"}


@pytest.fixture(scope="module")
def digits():
    x, y = load_digits(return_X_y=True)
    return torch.tensor(x / 16.0, dtype=torch.float32), torch.tensor(y)


class Digits(pl.LightningModule):
    """An MLP classifier that keeps, for the test, each step's loss and each layer's
    gradient norm as Lightning hands them over (before clipping)."""

    def __init__(self, depth=2, act=torch.nn.ReLU, extra=(), call_self=True, lr=0.1):
        super().__init__()
        layers, d = [], 64
        for _ in range(depth):
            layers += [torch.nn.Linear(d, 32), *[e(32) for e in extra], act()]
            d = 32
        self.net = torch.nn.Sequential(*layers, torch.nn.Linear(d, 10))
        self.call_self, self.lr = call_self, lr
        self.losses, self.first_grad_norms = [], []

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x) if self.call_self else self.net(x)
        loss = torch.nn.functional.cross_entropy(logits, y)
        self.losses.append(float(loss.detach()))
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_loss", torch.nn.functional.cross_entropy(self(x), y))

    def on_before_optimizer_step(self, optimizer):
        first = self.net[0]
        grads = torch.cat([first.weight.grad.reshape(-1), first.bias.grad])
        self.first_grad_norms.append(float(torch.linalg.vector_norm(grads)))

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=self.lr)


def loader(digits, start, stop, batch=32):
    x, y = digits
    ds = torch.utils.data.TensorDataset(x[start:stop], y[start:stop])
    return torch.utils.data.DataLoader(ds, batch_size=batch)


def fit(digits, make, root, callbacks=(), n_train=640, val=True, **trainer_kw):
    """Seeds, builds the module with ``make()``, fits it; returns (trainer, module)."""
    pl.seed_everything(0, verbose=False)
    module = make()
    trainer_kw.setdefault("max_epochs", 2)
    trainer = pl.Trainer(
        default_root_dir=root,
        callbacks=list(callbacks),
        enable_progress_bar=False,
        enable_model_summary=False,
        enable_checkpointing=False,
        num_sanity_val_steps=2,
        log_every_n_steps=5,
        **trainer_kw,
    )
    trainer.fit(
        module,
        loader(digits, 0, n_train),
        loader(digits, 1500, 1797) if val else None,
    )
    return trainer, module


def scalars(logdir):
    """{tag: [(step, value)]} of the plain scalars (``add_scalar``) TensorBoard reads."""
    from tensorboard.backend.event_processing import event_accumulator as ea

    acc = ea.EventAccumulator(str(logdir), size_guidance={ea.SCALARS: 0})
    acc.Reload()
    return {tag: [(e.step, e.value) for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}


def test_a_fit_writes_every_kind_beside_lightnings_logs_at_global_steps(digits, tmp_path):
    x, y = digits
    callback = TbvizCallback(every=5, num_classes=10, probe_data=(x[1500:1564], y[1500:1564]))
    trainer, module = fit(digits, Digits, tmp_path, [callback])
    assert trainer.global_step == 40  # 2 epochs x 20 batches

    run = tmp_path / "lightning_logs" / "version_0"  # the TensorBoard logger's log_dir
    files = sorted(p.name for p in run.glob("events.out.tfevents.*"))
    assert len(files) == 2 and any(".tbviz" in f for f in files)  # Lightning's and tbviz's
    tensors = read_tensors(run)  # TensorBoard reads both files as one run
    k = kinds(tensors)
    for layer in ("net.0", "net.2", "net.4"):
        assert k[f"{layer}/weight"] == k[f"{layer}/bias"] == metadata.WEIGHT_SURFACE
        assert k[layer] == metadata.ACTIVATION_MAP
    assert k["Digits/gradient_flow"] == metadata.GRADIENT_FLOW
    assert k["Digits/confusion_matrix"] == metadata.CONFUSION_MATRIX
    assert k["batch_loss"] == k["epoch_loss"] == k["epoch_val_loss"] == "scalars"
    lightning_scalars = scalars(run)  # Lightning's own logger, read in the same run

    flow = tensors["Digits/gradient_flow"]
    content = metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)
    assert content["layers"] == ["net.0", "net.2", "net.4"]
    assert [s for s, *_ in flow] == [0, 5, 10, 15, 20, 25, 30, 35, 39]  # global steps, the last
    l2 = list(common.FLOW_STATS).index("l2")
    for step, _, table, _ in flow:
        assert np.all(np.isfinite(table[:, :-1])) and table[0, l2] == pytest.approx(
            module.first_grad_norms[step], rel=1e-5
        )
    # the step's loss as training_step returned it, and the epochs' means
    for step, _, value, _ in tensors["batch_loss"]:
        assert float(value) == pytest.approx(module.losses[step], rel=1e-6)
    epochs = tensors["epoch_loss"]
    assert [s for s, *_ in epochs] == [0, 1]
    assert float(epochs[1][2]) == pytest.approx(np.mean(module.losses[20:]), rel=1e-5)
    assert float(tensors["epoch_val_loss"][1][2]) == pytest.approx(
        lightning_scalars["val_loss"][-1][1], rel=1e-6
    )
    assert tensors["net.0"][0][2].shape == (64, 32)  # probe_size rows of probe_data
    assert not {e["code"] for e in health(run)} & ALARMS


def test_deep_sigmoid_net_is_flagged_vanishing(digits, tmp_path):
    callback = TbvizCallback(every=5)
    fit(digits, lambda: Digits(depth=10, act=torch.nn.Sigmoid), tmp_path, [callback], max_epochs=1)
    found = health(tmp_path / "lightning_logs" / "version_0")
    vanishing = [e for e in found if e["code"] == "vanishing_gradient"]
    flagged = {e["layer"] for e in vanishing}
    assert "net.0" in flagged and "net.20" not in flagged  # the input side, not the output
    assert all(e["evidence"]["loss"] is not None for e in vanishing)  # the rules read the loss


def test_training_is_unchanged_and_gradients_are_read_before_clipping(digits, tmp_path):
    """Dropout, batch norm, gradient accumulation and clipping: the same weights with and
    without the callback; the probe (the first training batch, self.net called directly)
    touches neither RNG nor running statistics; the flow holds the unclipped norms."""

    def make():
        extra = (torch.nn.BatchNorm1d, lambda _: torch.nn.Dropout(0.3))
        return Digits(extra=extra, call_self=False)

    kw = dict(max_epochs=1, accumulate_grad_batches=2, gradient_clip_val=1e-3, val=False)
    _, plain = fit(digits, make, tmp_path / "plain", logger=False, **kw)
    callback = TbvizCallback(tmp_path / "tb", every=2)
    _, watched = fit(digits, make, tmp_path / "watched", [callback], **kw)
    a, b = plain.state_dict(), watched.state_dict()
    assert a.keys() == b.keys()
    for key in a:
        assert torch.equal(a[key], b[key]), key

    tensors = read_tensors(tmp_path / "tb")
    flow = tensors["Digits/gradient_flow"]
    assert [s for s, *_ in flow] == [0, 2, 4, 6, 8, 9]  # 10 optimizer steps of 2 batches
    l2 = list(common.FLOW_STATS).index("l2")
    for step, _, table, _ in flow:
        assert table[0, l2] == pytest.approx(watched.first_grad_norms[step], rel=1e-5)
        assert table[0, l2] > 100 * 1e-3  # far above the clipped norm
    # the step's loss is the mean over its two accumulated batches
    for step, _, value, _ in tensors["batch_loss"]:
        pair = watched.losses[2 * step : 2 * step + 2]
        assert float(value) == pytest.approx(np.mean(pair), rel=1e-5)
    assert tensors["net.0"][0][2].shape == (32, 32)  # the first training batch's samples


def test_a_probe_the_module_cannot_run_warns_and_training_goes_on(digits, tmp_path, caplog):
    x, y = digits
    callback = TbvizCallback(every=1, probe_data=(x[:8, :10], y[:8]))
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        trainer, _ = fit(digits, Digits, tmp_path, [callback], max_steps=3, val=False)
    assert trainer.global_step == 3
    messages = [r.getMessage() for r in caplog.records if "probe_data" in r.getMessage()]
    assert len(messages) == 1 and "[8, 10]" in messages[0]
    tensors = read_tensors(tmp_path / "lightning_logs" / "version_0")
    assert [s for s, *_ in tensors["Digits/gradient_flow"]] == [0, 1, 2]
    assert "net.0" not in tensors  # no activation maps; the rest is logged
    assert math.isfinite(float(tensors["batch_loss"][-1][2]))


def test_bad_arguments_name_the_argument():
    with pytest.raises(ValueError, match="every"):
        TbvizCallback(every=0)
    with pytest.raises(ValueError, match="val_loss"):
        TbvizCallback(val_loss="")
    with pytest.raises(ValueError, match="max_bytes"):
        TbvizCallback(max_bytes=0)


def test_a_module_without_forward_gets_one_warning_and_the_rest(digits, tmp_path, caplog):
    class NoForward(Digits):
        forward = pl.LightningModule.forward  # training_step calls self.net

    with caplog.at_level(logging.WARNING, logger="tbviz"):
        fit(
            digits,
            lambda: NoForward(call_self=False),
            tmp_path,
            [TbvizCallback(every=1)],
            max_steps=2,
            val=False,
        )
    (message,) = [r.getMessage() for r in caplog.records]
    assert "NoForward defines no forward()" in message
    tensors = read_tensors(tmp_path / "lightning_logs" / "version_0")
    assert [s for s, *_ in tensors["NoForward/gradient_flow"]] == [0, 1]
    assert "net.0/weight" in tensors and "net.0" not in tensors


def test_the_probe_is_the_batch_under_ddps_forward_redirection(digits, tmp_path, caplog):
    """Under DDP Lightning reaches training_step by calling the module with the batch
    (forward patched on the instance): that call is not the probe, self(x) inside is."""
    environ = dict(os.environ)
    try:
        with caplog.at_level(logging.WARNING, logger="tbviz"):
            kw = dict(strategy="ddp", accelerator="cpu", devices=1)
            fit(digits, Digits, tmp_path, [TbvizCallback(every=1)], max_steps=2, val=False, **kw)
    finally:  # Lightning leaves its one-process group and its variables behind
        if torch.distributed.is_initialized():
            torch.distributed.destroy_process_group()
        os.environ.clear()
        os.environ.update(environ)
    assert not caplog.records
    tensors = read_tensors(tmp_path / "lightning_logs" / "version_0")
    assert [s for s, *_ in tensors["net.0"]] == [0, 1]
    assert tensors["net.0"][0][2].shape == (32, 32)

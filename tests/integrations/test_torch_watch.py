"""watch(model) on real PyTorch trainings over scikit-learn's digits.

Known outcomes: a small ReLU MLP trains cleanly; a 10-layer sigmoid MLP with
PyTorch's default initialisation loses its gradient on the way back (Glorot &
Bengio 2010); SGD with a learning rate of 2 diverges; a wide net on 64
samples over-fits.
"""

import json
import logging

import pytest

torch = pytest.importorskip("torch")

import numpy as np  # noqa: E402
from integration_helpers import has_graph, health, kinds, read_tensors  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

import tbviz_plugin as tbviz  # noqa: E402
from tbviz_plugin import metadata  # noqa: E402
from tbviz_plugin.integrations import common  # noqa: E402
from tbviz_plugin.integrations import torch as tbviz_torch  # noqa: E402
from tbviz_plugin.integrations.torch import reduction as torch_reduction  # noqa: E402
from tbviz_plugin.integrations.torch import watch  # noqa: E402

ALARMS = {"vanishing_gradient", "exploding_gradient", "nan", "inf"}


@pytest.fixture(scope="module")
def digits():
    x, y = load_digits(return_X_y=True)
    return torch.tensor(x / 16.0, dtype=torch.float32), torch.tensor(y)


def mlp(depth, act=torch.nn.ReLU, width=32, extra=()):
    layers, d = [], 64
    for _ in range(depth):
        layers += [torch.nn.Linear(d, width), *[e(width) for e in extra], act()]
        d = width
    return torch.nn.Sequential(*layers, torch.nn.Linear(d, 10))


def train(digits, make, *, lr=0.1, adam=False, epochs=2, n_train=1500, log=None, **watch_kw):
    """Trains with seed 0; returns (model, handle or None)."""
    x, y = digits
    torch.manual_seed(0)
    model = make()
    opt = (torch.optim.Adam if adam else torch.optim.SGD)(model.parameters(), lr=lr)
    handle = watch(model, log, optimizer=opt, **watch_kw) if log is not None else None
    loss_fn = torch.nn.functional.cross_entropy
    for epoch in range(epochs):
        model.train()
        for i in range(0, n_train, 32):
            j = min(i + 32, n_train)
            opt.zero_grad()
            loss_fn(model(x[i:j]), y[i:j]).backward()
            opt.step()
        if handle is not None:
            model.eval()
            with torch.no_grad():
                handle.log_epoch(
                    epoch,
                    loss=loss_fn(model(x[:n_train]), y[:n_train]),
                    val_loss=loss_fn(model(x[1500:]), y[1500:]),
                )
    if handle is not None:
        handle.remove()
    return model, handle


def test_healthy_run_writes_every_kind_and_no_alarms(digits, tmp_path):
    x, y = digits
    _, handle = train(
        digits,
        lambda: mlp(2),
        log=tmp_path,
        every=5,
        num_classes=10,
        probe_data=(x[:64], y[:64]),
        log_graph=True,
    )
    tensors = read_tensors(tmp_path)
    k = kinds(tensors)
    for layer in ("0", "2", "4"):
        assert k[f"{layer}/weight"] == k[f"{layer}/bias"] == metadata.WEIGHT_SURFACE
        assert k[layer] == metadata.ACTIVATION_MAP
    assert k["Sequential/gradient_flow"] == metadata.GRADIENT_FLOW
    assert k["Sequential/layers"] == metadata.LAYER_TABLE
    assert k["epoch_loss"] == k["epoch_val_loss"] == k["learning_rate"] == "scalars"
    assert {"system/step_time_ms", "system/rss_mb"} <= set(k)

    flow = tensors["Sequential/gradient_flow"]
    content = metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)
    assert content["layers"] == ["0", "2", "4"] and content["stats"] == list(common.FLOW_STATS)
    steps = [s for s, *_ in flow]
    assert steps == list(range(0, 94, 5)) + [93]  # 2 epochs x 47 batches: every 5th, the last
    last = flow[-1][2]
    assert last.shape == (3, 9) and np.all(np.isfinite(last)) and np.all(last[:, 2] > 0)
    assert tensors["0"][0][2].shape == (64, 32)  # the probe batch, [samples, units]
    ((layer_step, _, table, _),) = tensors["Sequential/layers"]
    rows = [json.loads(b) for b in table.ravel()]
    assert layer_step == 0
    assert rows[0] == {
        "name": "0",
        "type": "Linear",
        "output_shape": [64, 32],  # on the probe batch
        "params": 2080,
        "trainable_params": 2080,
    }
    assert [r["name"] for r in rows] == ["0", "2", "4"]

    assert has_graph(tmp_path)  # add_graph, for the built-in Graphs view

    assert not {e["code"] for e in handle.events} & ALARMS
    assert not {e["code"] for e in health(tmp_path)} & ALARMS


def test_deep_sigmoid_net_is_flagged_vanishing(digits, tmp_path):
    _, handle = train(digits, lambda: mlp(10, torch.nn.Sigmoid), log=tmp_path, every=5, epochs=1)
    flagged = {e["layer"] for e in handle.events if e["code"] == "vanishing_gradient"}
    assert "0" in flagged and "20" not in flagged  # the input side, not the output layer
    assert any(e["code"] == "vanishing_gradient" and e["layer"] == "0" for e in health(tmp_path))


def test_too_high_learning_rate_is_flagged(digits, tmp_path):
    _, handle = train(digits, lambda: mlp(3, torch.nn.ELU), lr=2.0, log=tmp_path, every=2, epochs=1)
    found = {e["code"] for e in handle.events}
    assert found & {"exploding_gradient", "nan"}, found
    assert {e["code"] for e in health(tmp_path)} & {"exploding_gradient", "nan"}


def test_wide_net_on_few_samples_is_flagged_overfitting(digits, tmp_path):
    _, handle = train(
        digits,
        lambda: mlp(2, width=256),
        lr=1e-2,
        adam=True,
        epochs=25,
        n_train=64,
        log=tmp_path,
        every=10,
    )
    assert "overfitting" in {e["code"] for e in handle.events}
    assert "overfitting" in {e["code"] for e in health(tmp_path)}


def test_dead_relu_units_are_flagged(digits, tmp_path):
    x, y = digits
    _, handle = train(
        digits,
        lambda: mlp(3),
        lr=20.0,
        log=tmp_path,
        every=5,
        epochs=1,
        probe_data=(x[:64], y[:64]),
    )
    assert "dead_units" in {e["code"] for e in handle.events}


def test_remove_leaves_no_hooks(digits, tmp_path):
    x, y = digits
    torch.manual_seed(0)
    model = mlp(2, extra=(torch.nn.BatchNorm1d,))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    handle = watch(
        model, tmp_path, optimizer=opt, every=1, log_graph=True, probe_data=(x[:16], y[:16])
    )
    torch.nn.functional.cross_entropy(model(x[:32]), y[:32]).backward()
    opt.step()
    assert all(m.training for m in model.modules())  # restored after the eval-mode passes
    assert opt._optimizer_step_post_hooks
    # No hook stays on the model during training: the probe's exist only while it runs.
    for m in model.modules():
        assert not m._forward_hooks and not m._forward_pre_hooks
    handle.remove()
    for m in model.modules():
        assert not m._forward_hooks and not m._forward_pre_hooks
        assert not m._backward_hooks and not getattr(m, "_backward_pre_hooks", {})
    assert not opt._optimizer_step_post_hooks and not opt._optimizer_step_pre_hooks
    assert all(not p._backward_hooks for p in model.parameters() if p._backward_hooks is not None)
    handle.remove()  # twice is fine


def test_same_seed_same_weights_with_and_without_watch(digits, tmp_path):
    """Dropout and batch norm included: the probe pass must not touch RNG or running stats."""
    x, y = digits

    def make():
        return mlp(2, extra=(torch.nn.BatchNorm1d, lambda _: torch.nn.Dropout(0.3)))

    plain, _ = train(digits, make, epochs=1)
    watched, _ = train(
        digits, make, epochs=1, log=tmp_path, every=3, log_graph=True, probe_data=(x[:64], y[:64])
    )
    a, b = plain.state_dict(), watched.state_dict()
    assert a.keys() == b.keys()
    for key in a:
        assert torch.equal(a[key], b[key]), key


def test_one_host_transfer_per_logged_step(digits, tmp_path, monkeypatch):
    calls = []
    real = torch_reduction.to_host
    monkeypatch.setattr(torch_reduction, "to_host", lambda chunks: calls.append(1) or real(chunks))
    x, y = digits
    train(digits, lambda: mlp(2), log=tmp_path, every=10, epochs=1, probe_data=(x[:64], y[:64]))
    flow = read_tensors(tmp_path)["Sequential/gradient_flow"]
    assert len(calls) == len(flow) == 6  # steps 0, 10, 20, 30, 40 and the last, 46


def test_step_without_optimizer_and_existing_writers(digits, tmp_path):
    x, y = digits
    model = mlp(1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    with tbviz.Writer(tmp_path / "own") as w:
        handle = watch(model, w, every=2, name="net")
        for i in range(5):
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x[i * 32 : (i + 1) * 32]), y[:32])
            loss.backward()
            opt.step()
            handle.step(loss=loss)
        assert handle.layers == ["0", "2"]
        handle.remove()
        assert not w.closed  # a writer we were given stays open
    tensors = read_tensors(tmp_path / "own")
    assert [s for s, *_ in tensors["net/gradient_flow"]] == [0, 2, 4]
    assert [s for s, *_ in tensors["batch_loss"]] == [0, 2, 4]
    # activations without a probe batch: the training batch of the logged step
    assert tensors["0"][0][2].shape == (32, 32)

    from torch.utils.tensorboard import SummaryWriter

    sw = SummaryWriter(str(tmp_path / "sw"))
    handle = watch(model, sw, every=1)
    model(x[:8]).sum().backward()
    handle.step()
    handle.remove()
    sw.close()
    assert "Sequential/gradient_flow" in read_tensors(tmp_path / "sw")


def test_manual_handle_reads_gradients_before_clipping_at_the_loops_step_numbers(digits, tmp_path):
    """An adapter's handle: no optimizer hook, steps numbered by the loop (a run resumed
    at 100), gradients read before clipping; the last step's read is logged in full."""
    x, y = digits
    torch.manual_seed(0)
    model = mlp(1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    handle = tbviz_torch.WatchHandle(
        model, tmp_path, tbviz_torch.Options(every=2, name="net"), manual=True
    )
    assert not opt._optimizer_step_post_hooks
    norms = {}
    for step in range(100, 106):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x[:32]), y[:32])
        loss.backward()
        layer = torch.cat([model[0].weight.grad.reshape(-1), model[0].bias.grad])
        norms[step] = float(torch.linalg.vector_norm(layer))
        handle.read_gradients(at=step, last=step == 103)
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1e-3)
        opt.step()
        opt.step()  # a second optimizer step: not a step of the handle
        handle.step(loss, at=step)
    handle.remove()
    flow = read_tensors(tmp_path)["net/gradient_flow"]
    assert [s for s, *_ in flow] == [100, 102, 103, 104, 105]  # every 2nd, last=, remove()
    l2 = metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)["stats"].index("l2")
    for step, _, table, _ in flow[:4]:
        assert table[0, l2] == pytest.approx(norms[step], rel=1e-5)  # not the clipped 1e-3
    assert flow[4][2][0, l2] < 2e-3  # the final log of remove() reads .grad, clipped
    assert [s for s, *_ in read_tensors(tmp_path)["batch_loss"]] == [100, 102, 103, 104]


@pytest.mark.parametrize("bad", [False, True])
def test_device_statistics_match_reduce_layer_stats(bad):
    from tbviz_plugin import reduce

    g = torch.randn(50, 7)
    g[3, :] = 0
    if bad:
        g[0, 0], g[1, 1], g[2, 2] = float("nan"), float("inf"), 1e30
    b = torch.randn(7)
    exact = torch_reduction.partials([g, b], exact=True).numpy()[None]
    got = common.stats_from_partials(exact)[0]
    want = reduce.layer_stats(np.concatenate([g.numpy().ravel(), b.numpy()]))
    assert got == pytest.approx([want[k] for k in reduce.GRADIENT_STATS], rel=1e-5, nan_ok=True)
    # PyTorch's ops (an accelerator's gradients): the fast form, not finite when bad
    fast = torch_reduction.device_partials([g, b]).numpy()
    assert np.all(np.isfinite(fast[:3])) != bad  # the host's cue to ask for the exact form
    if not bad:
        assert common.stats_from_partials(fast[None])[0] == pytest.approx(got, rel=1e-5)
    # CPU gradients are summed with numpy, which takes the exact form itself when bad
    on_host = torch_reduction.partials([g, b]).numpy()
    assert common.stats_from_partials(on_host[None])[0] == pytest.approx(got, rel=1e-5, nan_ok=True)


@pytest.mark.parametrize(
    "shape", [(513, 600), (700,), (30, 40), (5, 3, 3, 3), (300, 2, 200), (1, 1, 1, 1, 9)]
)
def test_surfaces_pooled_on_the_device_are_the_writers_record(shape):
    """What watch sends for a parameter is exactly the record Writer.weight_surface
    builds from the full array: pooled grid, values (NaN, Inf, -Inf, ties) and metadata."""
    from tbviz_plugin import summary

    torch.manual_seed(1)
    w = torch.randn(shape)
    flat = w.view(-1)
    n = flat.numel()
    flat[[7 % n, 5000 % n]] = float("nan")
    flat[[11 % n, 9000 % n]] = torch.tensor([float("inf"), -float("inf")])
    flat[13 % n] = -50.0  # a large negative value keeps its sign
    flat[[2 % n, 3 % n]] = torch.tensor([60.0, -60.0])  # a tie: +60 wins, as in reduce
    pooled, matrix_shape, form = torch_reduction.pooled_surface(w)
    want = summary.prepare_weight_surface("t", w.numpy(), layout="channels_first").build()
    got = summary.prepare_pooled_weight_surface(
        "t", pooled.contiguous().numpy(), shape=shape, matrix_shape=matrix_shape, form=form
    ).build()
    assert got.metadata_bytes == want.metadata_bytes
    np.testing.assert_array_equal(got.array, want.array)


@pytest.mark.parametrize("path", ["host", "device"])
def test_weight_l2_and_update_ratio_match_numpy_against_the_previous_log(
    digits, tmp_path, monkeypatch, path
):
    """Each log's weight_l2 and update_ratio, per layer (weight and bias together),
    against the weights of the log before, computed with numpy; the gradients' l2
    against the gradients'. Parameters in host memory are summed with numpy in
    place (``host``), elsewhere with PyTorch's ops on their device (``device``,
    forced here on the CPU)."""
    from tbviz_plugin import reduce

    if path == "device":
        monkeypatch.setattr(torch_reduction, "in_host_memory", lambda tensors: False)
    host_rows = torch_reduction.host_rows
    calls = []
    monkeypatch.setattr(
        torch_reduction, "host_rows", lambda *a: (calls.append(1), host_rows(*a))[1]
    )
    x, y = digits
    torch.manual_seed(0)
    model = mlp(2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    handle = watch(model, tmp_path, every=4)
    seen, grads = {}, {}
    for step in range(12):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x[:32]), y[:32]).backward()
        opt.step()
        if step % 4 == 0 or step == 11:
            linear = [m for m in model if isinstance(m, torch.nn.Linear)]
            seen[step] = [
                np.concatenate([p.detach().numpy().ravel() for p in m.parameters()]) for m in linear
            ]
            grads[step] = [
                np.concatenate([p.grad.numpy().ravel() for p in m.parameters()]) for m in linear
            ]
        handle.step()
    handle.remove()
    assert bool(calls) == (path == "host")
    flow = read_tensors(tmp_path)["Sequential/gradient_flow"]
    assert [s for s, *_ in flow] == [0, 4, 8, 11]  # the last step, logged by remove()
    columns = list(common.FLOW_STATS)
    previous = {0: None, 4: 0, 8: 4, 11: 8}
    for step, _, table, _ in flow:
        for i, g in enumerate(grads[step]):
            assert table[i, columns.index("l2")] == pytest.approx(np.linalg.norm(g), rel=1e-5)
        for i, w in enumerate(seen[step]):
            want = reduce.weight_stats(w, seen.get(previous[step], [None] * 3)[i])
            assert table[i, columns.index("weight_l2")] == pytest.approx(
                want["weight_l2"], rel=1e-5
            )
            assert table[i, columns.index("update_ratio")] == pytest.approx(
                want["update_ratio"], rel=1e-4, nan_ok=True
            )


def test_surfaces_skip_parameters_a_surface_cannot_show():
    assert torch_reduction.pooled_surface(torch.zeros(())) is None
    assert torch_reduction.pooled_surface(torch.zeros(0, 4)) is None
    assert torch_reduction.pooled_surface(torch.zeros((1,) * 6)) is None


def test_a_scalar_parameter_does_not_stop_the_log(digits, tmp_path):
    """A 0-D parameter (a learned temperature) has no surface; the rest is logged."""

    class Scaled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.body = mlp(1)
            self.temperature = torch.nn.Parameter(torch.tensor(1.0))

        def forward(self, x):
            return self.body(x) / self.temperature

    train(digits, Scaled, log=tmp_path, every=10, epochs=1, n_train=320)
    tensors = read_tensors(tmp_path)
    assert "body.0/weight" in tensors and "Scaled/temperature" not in tensors
    content = metadata.parse_plugin_metadata(
        tensors["Scaled/gradient_flow"][0][3].plugin_data.content
    )
    assert content["layers"][-1] == "Scaled"


def test_step_with_an_optimizer_hook_only_records_the_loss(digits, tmp_path):
    x, y = digits
    model = mlp(1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    handle = watch(model, tmp_path, optimizer=opt, every=2)
    for i in range(4):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x[i * 32 : (i + 1) * 32]), y[:32])
        loss.backward()
        opt.step()
        handle.step(loss=loss)  # counted once, by the optimiser hook
    handle.remove()
    tensors = read_tensors(tmp_path)
    assert [s for s, *_ in tensors["Sequential/gradient_flow"]] == [0, 2, 3]  # 3: remove()
    assert [s for s, *_ in tensors["batch_loss"]] == [0, 2]


def test_bad_arguments_name_the_argument(tmp_path):
    with pytest.raises(TypeError, match="model"):
        watch("not a model", tmp_path)
    with pytest.raises(TypeError, match="log_dir"):
        watch(mlp(1), 42)
    with pytest.raises(ValueError, match="every"):
        watch(mlp(1), tmp_path / "a", every=0)
    with pytest.raises(TypeError, match="probe_data"):
        watch(mlp(1), tmp_path / "b", probe_data=np.zeros((4, 64)))


def test_a_log_that_fails_never_stops_training(digits, tmp_path, monkeypatch, caplog):
    """An error inside a log (here the gradient sums) is said once, with its
    traceback; training goes on and ends as without tbviz, and no more steps are
    logged but the last, which is tried again."""
    monkeypatch.delenv("TBVIZ_RAISE_LOG_ERRORS")
    x, y = digits

    def train(with_watch: bool):
        torch.manual_seed(0)
        model = mlp(2)
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        handle = watch(model, tmp_path, every=2) if with_watch else None
        for _ in range(8):
            opt.zero_grad()
            torch.nn.functional.cross_entropy(model(x[:64]), y[:64]).backward()
            opt.step()
        if handle is not None:
            handle.remove()
        return [p.detach().clone() for p in model.parameters()], handle

    calls = []

    def broken(*args):
        calls.append(1)
        raise RuntimeError("a reduction that breaks")

    monkeypatch.setattr(torch_reduction, "host_rows", broken)
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        watched, handle = train(True)
    plain, _ = train(False)
    for a, b in zip(watched, plain):
        assert torch.equal(a, b)
    said = [r for r in caplog.records if "logging step 0 failed" in r.getMessage()]
    assert len(said) == 1 and "a reduction that breaks" in said[0].getMessage()
    assert said[0].exc_info is not None  # the traceback, for a report
    assert len(calls) == 2  # step 0, then the last step at remove(); nothing between
    assert handle.recorder.failed

"""A run's disk budget (``max_bytes``): near it, weight surfaces thin out first, then
activation maps; gradient flow, health and scalars are written at every logged step,
and the thinning is told as ``disk_budget`` health events that ``tbviz inspect``
lists."""

import pytest

torch = pytest.importorskip("torch")

from integration_helpers import read_tensors  # noqa: E402

from tbviz_plugin import cli  # noqa: E402
from tbviz_plugin.integrations.torch import watch  # noqa: E402

STEPS = 60


def train(log_dir, max_bytes):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    x, y = torch.randn(256, 64), torch.randint(0, 10, (256,))
    handle = watch(model, log_dir, every=1, max_bytes=max_bytes, resources=False)
    for i in range(STEPS):
        opt.zero_grad()
        b = slice((i * 32) % 256, (i * 32) % 256 + 32)
        torch.nn.functional.cross_entropy(model(x[b]), y[b]).backward()
        opt.step()
    sent = handle.writer.bytes_sent
    handle.remove()
    return sent


def steps(tensors, tag):
    return [s for s, *_ in tensors[tag]]


def on_disk(log_dir):
    return sum(p.stat().st_size for p in log_dir.iterdir())


def test_surfaces_thin_out_first_then_activations_and_flow_is_kept(tmp_path):
    unbounded = train(tmp_path / "unbounded", None)
    budget = unbounded // 4
    bounded = train(tmp_path / "bounded", budget)
    full = read_tensors(tmp_path / "unbounded")
    thinned = read_tensors(tmp_path / "bounded")
    every_step = list(range(STEPS))
    assert steps(full, "0/weight") == steps(full, "0") == every_step
    # Never dropped: the gradient-flow row and the scalars of every step.
    assert steps(thinned, "Sequential/gradient_flow") == every_step
    assert steps(thinned, "learning_rate") == every_step
    surfaces, maps = steps(thinned, "0/weight"), steps(thinned, "0")
    assert len(surfaces) < len(maps) < STEPS
    assert min(set(every_step) - set(surfaces)) < min(set(every_step) - set(maps))
    # The last step is written whole, once.
    assert surfaces[-1] == maps[-1] == STEPS - 1 and len(set(surfaces)) == len(surfaces)
    # What was written stays near the budget: over it by about the last step's full
    # log (written whole) and the rows that go on past it; the files hold what was sent.
    assert bounded < budget + 2 * unbounded / STEPS
    assert 0.9 * bounded < on_disk(tmp_path / "bounded") < 1.1 * bounded
    # Each rise of the thinning is one health event, with its figures.
    events = [
        e for e in thinned["Sequential/health"] for e in _events(e[2]) if e["code"] == "disk_budget"
    ]
    levels = [e["evidence"]["level"] for e in events]
    assert levels == sorted(levels) and len(levels) == len(set(levels)) >= 2
    assert all(e["severity"] == "info" and e["threshold"] == budget / 1e6 for e in events)
    assert "weight surfaces at every 2nd full log" in events[0]["hint"]
    # tbviz inspect lists them under the run.
    report = cli.inspect_logdir(str(tmp_path))
    listed = [e for e in report["runs"]["bounded"]["health"] if e["code"] == "disk_budget"]
    assert [e["step"] for e in listed] == [e["step"] for e in events]


def _events(array):
    import json

    return [json.loads(v) for v in array.reshape(-1)]


def test_keras_callback_keeps_to_its_budget(tmp_path):
    import os

    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras
    import numpy as np

    from tbviz_plugin.integrations.keras import TbvizCallback

    def fit(log_dir, max_bytes):
        keras.utils.set_random_seed(0)
        model = keras.Sequential(
            [
                keras.Input((64,)),
                keras.layers.Dense(64, activation="relu", name="hidden"),
                keras.layers.Dense(10, name="out"),
            ],
            name="mlp",
        )
        model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        rng = np.random.default_rng(0)
        x = rng.standard_normal((640, 64)).astype("float32")
        y = rng.integers(0, 10, 640)
        callback = TbvizCallback(log_dir, every=1, max_bytes=max_bytes, resources=False)
        model.fit(x, y, batch_size=32, epochs=2, verbose=0, callbacks=[callback])
        return callback.writer.bytes_sent

    unbounded = fit(tmp_path / "unbounded", None)
    budget = unbounded // 4
    bounded = fit(tmp_path / "bounded", budget)
    tensors = read_tensors(tmp_path / "bounded")
    surfaces = steps(tensors, "hidden/kernel")
    flow = steps(tensors, "mlp/gradient_flow")
    assert len(surfaces) < len(flow) // 2 and surfaces[-1] == flow[-1] == 40
    assert bounded < budget + 2 * unbounded / len(flow)


def test_max_bytes_is_checked():
    model = torch.nn.Linear(2, 2)
    with pytest.raises(ValueError, match="max_bytes must be a positive integer"):
        watch(model, "unused", max_bytes=0)

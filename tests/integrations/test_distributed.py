"""Multi-worker runs: one coherent run whose gradient flow equals the single-process one.

Tolerance: the workers sum float32 gradients in a different order than one
process does (DDP's all-reduce, then slices), and the weights drift by as much
over the steps; rtol 1e-4 (atol 1e-7 for values near zero) holds that and
nothing more: a doubled count or a norm off by sqrt(2) fails by orders more.
"""

import glob
import os
import socket
import subprocess
import sys

import numpy as np
import pytest
from integration_helpers import read_tensors

from tbviz_plugin import metadata
from tbviz_plugin.integrations import common, distributed, options

WORKER = os.path.join(os.path.dirname(__file__), "distributed_torch_worker.py")
RTOL, ATOL = 1e-4, 1e-7


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(*args):
    return subprocess.Popen(
        [sys.executable, WORKER, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait(*procs):
    for p in procs:
        out, _ = p.communicate(timeout=300)
        assert p.returncode == 0, out


def _flow(logdir):
    return {step: table for step, _, table, _ in read_tensors(logdir)["mlp/gradient_flow"]}


def _layers(logdir):
    rows = read_tensors(logdir)["mlp/gradient_flow"]
    return metadata.parse_plugin_metadata(rows[0][3].plugin_data.content)["layers"]


@pytest.fixture(scope="module")
def single_flow(tmp_path_factory):
    pytest.importorskip("torch")
    logdir = tmp_path_factory.mktemp("single") / "run"
    _wait(_run("single", logdir))
    return _flow(logdir)


def _ddp(tmp_path, mode):
    port = _free_port()
    logdir = tmp_path / "run"
    _wait(*[_run(rank, logdir, mode, port) for rank in (0, 1)])
    return logdir


def test_ddp_chief_writes_one_run_equal_to_the_single_process_flow(tmp_path, single_flow):
    logdir = _ddp(tmp_path, "auto")
    assert len(glob.glob(str(logdir / "events.out.tfevents.*"))) == 1  # rank 1 wrote nothing
    assert not glob.glob(str(logdir / "worker_*"))
    flow = _flow(logdir)
    assert _layers(logdir) == ["0", "2", "4"]  # watch(ddp): the inner model's names
    assert sorted(flow) == sorted(single_flow) == [0, 1, 2, 3]
    for step, table in flow.items():
        assert table.shape == (3, len(common.FLOW_STATS))
        np.testing.assert_allclose(table, single_flow[step], rtol=RTOL, atol=ATOL)
    size = common.FLOW_STATS.index("l2")
    assert np.all(flow[0][:, size] > 0)


def test_ddp_per_worker_mode_writes_worker_runs(tmp_path, single_flow):
    logdir = _ddp(tmp_path, "per_worker")
    assert sorted(os.listdir(logdir)) == ["worker_0", "worker_1"]
    for worker in ("worker_0", "worker_1"):
        flow = _flow(logdir / worker)
        # DDP hands every worker the averaged gradient: each run shows the global one.
        for step, table in flow.items():
            np.testing.assert_allclose(table, single_flow[step], rtol=RTOL, atol=ATOL)


def test_combining_slices_equals_the_whole():
    rng = np.random.default_rng(0)
    g = rng.normal(size=1001) * 10.0 ** rng.integers(-3, 3, size=1001)
    g[[5, 700]] = np.nan
    g[900] = np.inf
    g[10:20] = 0

    def partials(x):
        finite = x[np.isfinite(x)]
        m = np.abs(finite).max()
        return [
            np.abs(finite).sum(),
            m,
            ((finite / m) ** 2).sum(),
            finite.size,
            np.isnan(x).sum(),
            x.size,
            (x == 0).sum(),
        ]

    whole = np.array([partials(g)])
    slices = np.array([[partials(s)] for s in np.array_split(g, 3)])
    np.testing.assert_allclose(distributed.combine_partials(slices), whole, rtol=1e-12)


def test_bad_mode_is_named():
    with pytest.raises(ValueError, match="distributed must be one of"):
        options.check_distributed("everyone")


TF_WORKER = os.path.join(os.path.dirname(__file__), "distributed_tf_worker.py")


def test_mirrored_strategy_flow_equals_the_single_device_flow(tmp_path):
    pytest.importorskip("tensorflow")
    runs = {kind: tmp_path / kind for kind in ("mirrored", "single")}
    procs = [
        subprocess.Popen(
            [sys.executable, TF_WORKER, kind, logdir],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for kind, logdir in runs.items()
    ]
    _wait(*procs)
    mirrored, single = (_flow(runs[k]) for k in ("mirrored", "single"))
    reference = np.load(runs["single"] / "probe_reference.npz")
    assert sorted(mirrored) == sorted(int(k) for k in reference) == [0, 1, 2, 3, 4]
    # one device: the training step's own gradients, so none before the first batch
    assert sorted(single) == [1, 2, 3, 4]
    n_grad = len(common.FLOW_STATS) - 2  # then weight_l2 and update_ratio
    for step, table in mirrored.items():
        assert table.shape == (3, len(common.FLOW_STATS))
        # Gradient columns: the whole probe batch's, as one device computes them.
        np.testing.assert_allclose(table[:, :n_grad], reference[str(step)], rtol=RTOL, atol=ATOL)
        # Weight columns: the replicas' weights are the single device's.
        if step in single:
            np.testing.assert_allclose(
                table[:, n_grad:], single[step][:, n_grad:], rtol=RTOL, atol=ATOL
            )

"""Many concurrent requests against the routes of a large run, on loopback, with
a bounded count: no errors, and the server's memory does not grow from one
identical round of requests to the next (both loaders)."""

import concurrent.futures
import json
import random
import time
import urllib.parse

import numpy as np
import pytest
from faults import tensorboard_rss
from tb_server import get, tensorboard

import tbviz_plugin as tbviz

LAYERS = [f"block_{i}/conv" for i in range(100)]
STATS = ["mean_abs", "max_abs", "l2", "nan_count", "inf_count", "zero_frac"]
FLOW_STEPS = 1000
SURFACE_STEPS = 100
THREADS = 16
REQUESTS_PER_ROUND = 160
MB = 1 << 20


@pytest.fixture(scope="module")
def logdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("large")
    rng = np.random.default_rng(0)
    with tbviz.Writer(root / "large", max_queue=256) as w:
        for step in range(FLOW_STEPS):
            table = rng.random((len(LAYERS), len(STATS))).astype(np.float32)
            table[:, 3:5] = 0
            w.gradient_flow_table("model/gradient_flow", LAYERS, STATS, table, step)
            if step % (FLOW_STEPS // SURFACE_STEPS) == 0:
                w.weight_surface("block_50/kernel", np.full((256, 256), step, np.float32), step)
                w.activation_map("block_50", np.full((1, 16, 16, 8), step, np.float32), step)
        w.health("model/health", [{"code": "nan", "layer": LAYERS[3]}], FLOW_STEPS - 1)
    return root


@pytest.fixture(scope="module", params=["false", "true"], ids=["python_loader", "rust_loader"])
def server(request, logdir):
    with tensorboard(logdir, load_fast=request.param) as url:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            tags = json.loads(get(url + "/data/plugin/tbviz/tags")[2]).get("large", {})
            if all(
                tags.get(t, {}).get("max_step") == FLOW_STEPS - 1 - k
                for t, k in [("model/gradient_flow", 0), ("block_50/kernel", 9)]
            ):
                break
            time.sleep(0.5)
        yield url


def _requests(seed):
    """One round: the same mix of every route each time it is built with ``seed``."""
    rng = random.Random(seed)
    surface_steps = list(range(0, FLOW_STEPS, FLOW_STEPS // SURFACE_STEPS))
    kinds = [
        ("tags", {}),
        ("steps", {"run": "large", "tag": "block_50/kernel"}),
        ("tensor", {"run": "large", "tag": "block_50/kernel", "step": None}),
        ("tensor", {"run": "large", "tag": "block_50", "step": None}),
        ("gradient_flow", {"run": "large", "tag": "model/gradient_flow", "max_steps": 50}),
        ("gradient_flow", {"run": "large", "tag": "model/gradient_flow", "format": "binary"}),
        (
            "gradient_flow",
            {"run": "large", "tag": "model/gradient_flow", "format": "binary", "max_steps": 10_000},
        ),
        ("health", {"run": "large"}),
    ]
    out = []
    for _ in range(REQUESTS_PER_ROUND):
        route, params = rng.choice(kinds)
        if "step" in params:
            params = dict(params, step=rng.choice(surface_steps))
        out.append(f"{route}?{urllib.parse.urlencode(params)}")
    return out


def _round(server, seed):
    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        results = list(
            pool.map(lambda q: (q, get(f"{server}/data/plugin/tbviz/{q}")), _requests(seed))
        )
    failed = [(q, status, body[:200]) for q, (status, _, body) in results if status != 200]
    assert not failed, failed[:5]
    for q, (_, _, body) in results:
        if q.startswith("tensor") and "block_50/kernel" in urllib.parse.unquote(q):
            step = int(urllib.parse.parse_qs(q.split("?", 1)[1])["step"][0])
            assert (np.frombuffer(body, "<f4") == step).all()


def test_concurrent_requests_all_succeed_and_memory_stays_bounded(server, logdir):
    _round(server, seed=1)  # warms the caches: every series read once
    warm = tensorboard_rss(logdir)
    for _ in range(2):
        _round(server, seed=1)
    after = tensorboard_rss(logdir)
    # Identical rounds after the first read nothing new: memory must not keep
    # growing (the plugin's tensor cache is bounded and already filled).
    assert after - warm < 64 * MB, f"RSS grew from {warm / MB:.0f} to {after / MB:.0f} MB"
    print(f"tensorboard RSS: {warm / MB:.0f} MB warm, {after / MB:.0f} MB after 2 more rounds")

"""Many concurrent requests against the routes of a large run, on loopback, with
a bounded count: no errors, and the server's memory does not grow from one
identical round of requests to the next (both loaders)."""

import concurrent.futures
import random
import urllib.parse

import numpy as np
from tb_server import get

from .faults import tensorboard_rss
from .logs import FLOW_STEPS, SURFACE_STEPS

THREADS = 16
REQUESTS_PER_ROUND = 160
MB = 1 << 20


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


def test_concurrent_requests_all_succeed_and_memory_stays_bounded(server, shared_logdir):
    _round(server, seed=1)  # warms the caches: every series read once
    warm = tensorboard_rss(shared_logdir)
    for _ in range(2):
        _round(server, seed=1)
    after = tensorboard_rss(shared_logdir)
    # Identical rounds after the first read nothing new: memory must not keep
    # growing (the plugin's tensor cache is bounded and already filled).
    assert after - warm < 64 * MB, f"RSS grew from {warm / MB:.0f} to {after / MB:.0f} MB"
    print(f"tensorboard RSS: {warm / MB:.0f} MB warm, {after / MB:.0f} MB after 2 more rounds")

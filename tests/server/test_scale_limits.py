"""Routes stay bounded for a 1,000-layer model (docs/scale.md), against a real TensorBoard."""

import json
import struct
import urllib.parse

import numpy as np
import pytest
from tb_server import get, tensorboard

import tbviz_plugin as tbviz
from tbviz_plugin import plugin
from tbviz_plugin.integrations import common

LAYERS = [f"block_{i:04d}" for i in range(1000)]
STEPS = 70


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("logs")
    table = np.ones((len(LAYERS), len(common.FLOW_STATS)), np.float32)
    table[:, common.FLOW_STATS.index("nan_count")] = 3  # every layer NaN at every step
    with tbviz.Writer(root / "big") as w:
        for step in range(STEPS):
            w.gradient_flow_table("m/gradient_flow", LAYERS, common.FLOW_STATS, table, step)
    with tensorboard(root) as url:
        yield url


def _flow(server, **extra):
    q = urllib.parse.urlencode(dict(run="big", tag="m/gradient_flow", **extra))
    status, headers, body = get(f"{server}/data/plugin/tbviz/gradient_flow?{q}")
    assert status == 200, body[:300]
    return headers, body


def test_json_flow_keeps_at_most_the_value_budget_first_and_last_steps_kept(server):
    per_step = len(LAYERS) * len(common.FLOW_STATS)
    flow = json.loads(_flow(server)[1])
    assert len(flow["steps"]) == plugin.MAX_JSON_FLOW_VALUES // per_step < STEPS
    assert flow["steps"][0] == 0 and flow["steps"][-1] == STEPS - 1
    assert len(flow["values"]) == len(flow["steps"]) and len(flow["values"][0]) == 1000


def test_binary_flow_has_every_step(server):
    headers, body = _flow(server, format="binary")
    assert headers["X-Tbviz-Shape"] == f"{STEPS},1000,{len(common.FLOW_STATS)}"
    (n,) = struct.unpack("<I", body[:4])
    assert json.loads(body[4 : 4 + n])["steps"] == list(range(STEPS))


def test_diverged_run_gives_one_nan_event_per_layer(server):
    status, _, body = get(f"{server}/data/plugin/tbviz/health?run=big")
    assert status == 200
    nan = [e for e in json.loads(body) if e["code"] == "nan"]
    assert sorted(e["layer"] for e in nan) == LAYERS
    assert all(e["step"] == 0 and e["value"] == 3 for e in nan)

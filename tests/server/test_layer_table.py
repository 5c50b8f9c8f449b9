"""The layers route (layer_table kind), against a real TensorBoard server with both loaders."""

import json
import time
import urllib.parse

import numpy as np
import pytest
from tb_server import get, tensorboard

import tbviz_plugin as tbviz

ROWS = [
    {"name": "conv", "type": "Conv2D", "output_shape": [None, 26, 26, 8], "params": 80},
    {"name": "flatten", "type": "Flatten", "output_shape": [None, 5408], "params": 0},
    {
        "name": "<b>dense</b>",
        "type": "Dense",
        "output_shape": [None, 10],
        "params": 54090,
        "trainable_params": 54090,
        "activation": "softmax",
    },
]


@pytest.fixture(scope="module")
def logdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("logs")
    with tbviz.Writer(root / "train") as w:
        w.layer_table("model/layers", ROWS[:2], 0)
        w.layer_table("model/layers", ROWS, 5)  # the newest step is served
        w.gradient_flow("model/gradient_flow", {"conv": np.ones(3), "<b>dense</b>": np.ones(2)}, 5)
    return root


@pytest.fixture(scope="module", params=["false", "true"], ids=["python_loader", "rust_loader"])
def server(request, logdir):
    with tensorboard(logdir, load_fast=request.param) as url:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            status, _, body = get(url + "/data/plugin/tbviz/tags")
            tags = json.loads(body) if status == 200 else {}
            if (
                tags.get("train", {}).get("model/layers", {}).get("max_step") == 5
                and "model/gradient_flow" in tags["train"]
            ):
                break
            time.sleep(0.5)
        else:
            raise AssertionError("TensorBoard did not load the logs in time")
        yield url


def _route(server, route, **params):
    return get(f"{server}/data/plugin/tbviz/{route}?{urllib.parse.urlencode(params)}")


def test_tags_lists_the_layer_table(server):
    status, _, body = _route(server, "tags")
    assert status == 200
    entry = json.loads(body)["train"]["model/layers"]
    assert entry["kind"] == "layer_table" and entry["v"] == 1 and entry["max_step"] == 5


def test_layers_returns_the_newest_rows_in_forward_order(server):
    status, headers, body = _route(server, "layers", run="train", tag="model/layers")
    assert status == 200, body
    assert headers["Content-Type"].startswith("application/json")
    answer = json.loads(body)
    assert answer["step"] == 5
    assert answer["rows"] == ROWS


def test_steps_route_lists_layer_table_steps(server):
    status, _, body = _route(server, "steps", run="train", tag="model/layers")
    assert status == 200
    assert [s["step"] for s in json.loads(body)] == [0, 5]


@pytest.mark.parametrize(
    "route, params, code, words",
    [
        ("layers", {"run": "train", "tag": "model/gradient_flow"}, 400, "not layer_table"),
        ("layers", {"run": "train", "tag": "nope"}, 404, "no tbviz tag"),
        ("layers", {"run": "nope", "tag": "model/layers"}, 404, "no run"),
        ("layers", {"run": "train"}, 400, "missing parameter 'tag'"),
        ("layers", {}, 400, "missing parameter"),
        ("tensor", {"run": "train", "tag": "model/layers", "step": "5"}, 400, "layers route"),
        ("gradient_flow", {"run": "train", "tag": "model/layers"}, 400, "not gradient_flow"),
    ],
)
def test_layers_errors_are_json(server, route, params, code, words):
    status, headers, body = _route(server, route, **params)
    assert status == code, body
    assert headers["Content-Type"].startswith("application/json")
    assert words in json.loads(body)["error"]


def test_health_ignores_layer_tables(server):
    status, _, body = _route(server, "health", run="train")
    assert status == 200
    assert all(e.get("tag") != "model/layers" for e in json.loads(body))

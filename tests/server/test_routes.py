"""The plugin's HTTP routes, against a real TensorBoard server with both loaders."""

import json
import math
import time
import urllib.parse

import numpy as np
import pytest
from tb_server import get, tensorboard

import tbviz_plugin as tbviz

STEPS = [0, 10, 20, 30, 40]
LAYERS = ["input", "hidden", "output"]
HTML_TAG = '<img src=x onerror="alert(1)">/kernel'


def _kernel(step):
    return np.random.default_rng(step).normal(size=(40, 30)).astype(np.float32)


def _grads(step):
    rng = np.random.default_rng(100 + step)
    grads = {name: rng.normal(size=(8, 4)) * 10.0**-i for i, name in enumerate(LAYERS)}
    grads["output"][0, 0] = np.nan
    return grads


@pytest.fixture(scope="module")
def logdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("logs")
    with tbviz.Writer(root / "train") as w:
        for step in STEPS:
            w.weight_surface("dense/kernel", _kernel(step), step)
            w.weight_surface(HTML_TAG, np.eye(3), step)
            w.activation_map("conv", np.full((2, 5, 5, 3), step, np.float32), step)
            w.gradient_flow("model/gradient_flow", _grads(step), step)
            w.scalar("loss", 1.0 / (step + 1), step)
        w.health(
            "model/health",
            [
                {
                    "code": "nan",
                    "layer": "output",
                    "severity": "error",
                    "value": 1,
                    "hint": "check the learning rate",
                }
            ],
            40,
        )
    with tbviz.Writer(root / "long") as w:  # more steps than the default sample count
        for step in range(620):
            w.gradient_flow("flow", {"a": np.full(3, step + 1.0)}, step)
    with tbviz.Writer(root / "scalars_only") as w:
        w.scalar("loss", 1.0, 0)
    return root


@pytest.fixture(scope="module", params=["false", "true"], ids=["python_loader", "rust_loader"])
def server(request, logdir):
    with tensorboard(logdir, load_fast=request.param) as url:
        _wait_for(
            url,
            lambda tags: (
                tags.get("long", {}).get("flow", {}).get("max_step") == 619
                and tags.get("train", {}).get("model/health", {}).get("max_step") == 40
            ),
        )
        yield url


def _wait_for(url, ready, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, _, body = get(url + "/data/plugin/tbviz/tags")
        if status == 200 and ready(json.loads(body)):
            return
        time.sleep(0.5)
    raise AssertionError("TensorBoard did not load the logs in time")


def _route(server, route, **params):
    query = urllib.parse.urlencode(params)
    return get(f"{server}/data/plugin/tbviz/{route}?{query}")


def _json(server, route, **params):
    status, headers, body = _route(server, route, **params)
    assert status == 200, body
    assert headers["Content-Type"].startswith("application/json")
    return json.loads(body)


def test_plugin_is_listed_and_enabled(server):
    status, _, body = get(server + "/data/plugins_listing")
    entry = json.loads(body)["tbviz"]
    assert entry["enabled"] is True and entry["tab_name"] == "tbviz"
    assert entry["loading_mechanism"] == {
        "type": "IFRAME",
        "module_path": "/data/plugin/tbviz/index.js",
    }


def test_tags_list_every_tbviz_tag_with_its_content(server):
    tags = _json(server, "tags")
    assert set(tags) == {"train", "long"}  # the scalars-only run has no tbviz tags
    train = tags["train"]
    assert set(train) == {"dense/kernel", HTML_TAG, "conv", "model/gradient_flow", "model/health"}
    kernel = train["dense/kernel"]
    assert (
        kernel["kind"] == "weight_surface"
        and kernel["shape"] == [40, 30]
        and kernel["max_step"] == 40
    )
    assert train["model/gradient_flow"]["layers"] == LAYERS
    assert train["conv"]["form"] == "channels" and train["conv"]["channels"] == 3


def test_steps(server):
    steps = _json(server, "steps", run="train", tag="dense/kernel")
    assert [s["step"] for s in steps] == STEPS
    assert all(isinstance(s["wall_time"], float) for s in steps)


@pytest.mark.parametrize("step", STEPS)
def test_tensor_bytes_equal_what_was_written(server, step):
    status, headers, body = _route(server, "tensor", run="train", tag="dense/kernel", step=step)
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["X-Tbviz-Shape"] == "40,30" and headers["X-Tbviz-Step"] == str(step)
    assert "max-age" in headers["Cache-Control"]
    np.testing.assert_array_equal(np.frombuffer(body, "<f4").reshape(40, 30), _kernel(step))


def test_activation_tensor_is_channels_first(server):
    status, headers, body = _route(server, "tensor", run="train", tag="conv", step=20)
    assert status == 200 and headers["X-Tbviz-Shape"] == "3,5,5"
    assert set(np.frombuffer(body, "<f4")) == {20.0}


def test_tag_named_like_html_is_plain_data(server):
    status, headers, body = _route(server, "tensor", run="train", tag=HTML_TAG, step=0)
    assert status == 200 and headers["X-Tbviz-Shape"] == "3,3"


def test_gradient_flow_values_equal_the_statistics_written(server):
    flow = _json(server, "gradient_flow", run="train", tag="model/gradient_flow")
    assert flow["layers"] == LAYERS and flow["steps"] == STEPS
    stats = flow["stats"]
    for i, step in enumerate(STEPS):
        for j, layer in enumerate(LAYERS):
            grad = _grads(step)[layer].astype(np.float32).astype(np.float64).ravel()
            finite = grad[np.isfinite(grad)]
            row = dict(zip(stats, flow["values"][i][j]))
            assert row["l2"] == pytest.approx(np.linalg.norm(finite), rel=1e-6)
            assert row["max_abs"] == pytest.approx(np.abs(finite).max(), rel=1e-6)
            assert row["nan_count"] == (1 if layer == "output" else 0)


def test_gradient_flow_is_downsampled_keeping_first_and_last(server):
    kept = [s["step"] for s in _json(server, "steps", run="long", tag="flow")]
    flow = _json(server, "gradient_flow", run="long", tag="flow", max_steps=7)
    assert len(flow["steps"]) == 7 and flow["steps"][0] == kept[0] and flow["steps"][-1] == 619
    assert [v[0][flow["stats"].index("max_abs")] for v in flow["values"]] == [
        s + 1.0 for s in flow["steps"]
    ]


def test_default_sampling_keeps_500_steps_and_the_last(server):
    # TensorBoard's reservoir chooses which steps stay (the Rust loader may drop step 0).
    steps = [s["step"] for s in _json(server, "steps", run="long", tag="flow")]
    assert len(steps) == 500 and steps[-1] == 619


def test_health_returns_stored_events(server):
    events = _json(server, "health", run="train")
    stored = [e for e in events if e["source"] == "stored"]
    assert stored == [
        {
            "step": 40,
            "layer": "output",
            "code": "nan",
            "severity": "error",
            "value": 1.0,
            "threshold": None,
            "hint": "check the learning rate",
            "tag": "model/health",
            "source": "stored",
        }
    ]
    assert all(e["step"] is not None and e["code"] for e in events)


def test_index_js_is_served_as_javascript(server):
    status, headers, body = get(server + "/data/plugin/tbviz/index.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b"render" in body


@pytest.mark.parametrize(
    "route, params, status, message",
    [
        ("steps", {"run": "nope", "tag": "x"}, 404, "no run"),
        ("steps", {"run": "train", "tag": "nope"}, 404, "no tbviz tag"),
        ("steps", {"tag": "dense/kernel"}, 400, "missing parameter 'run'"),
        ("tensor", {"run": "train", "tag": "dense/kernel"}, 400, "missing parameter 'step'"),
        ("tensor", {"run": "train", "tag": "dense/kernel", "step": "abc"}, 400, "integer"),
        ("tensor", {"run": "train", "tag": "dense/kernel", "step": "-1"}, 400, "must be in"),
        ("tensor", {"run": "train", "tag": "dense/kernel", "step": "9" * 40}, 400, "must be in"),
        ("tensor", {"run": "train", "tag": "dense/kernel", "step": "11"}, 404, "no step 11"),
        ("tensor", {"run": "train", "tag": "model/health", "step": "40"}, 400, "health route"),
        ("gradient_flow", {"run": "train", "tag": "dense/kernel"}, 400, "not gradient_flow"),
        (
            "gradient_flow",
            {"run": "train", "tag": "model/gradient_flow", "max_steps": "0"},
            400,
            "max_steps",
        ),
        ("health", {}, 400, "missing parameter 'run'"),
        ("health", {"run": "scalars_only"}, 404, "no run"),
    ],
)
def test_bad_requests_get_json_errors(server, route, params, status, message):
    got, headers, body = _route(server, route, **params)
    assert got == status and headers["Content-Type"].startswith("application/json")
    assert message in json.loads(body)["error"]


def test_repeated_parameter_is_refused(server):
    status, _, body = get(server + "/data/plugin/tbviz/steps?run=train&run=train&tag=conv")
    assert status == 400 and "given 2 times" in json.loads(body)["error"]


def test_all_samples_with_samples_per_plugin_zero(logdir):
    with tensorboard(
        logdir, load_fast="true", extra_args=["--samples_per_plugin", "tbviz=0"]
    ) as url:
        _wait_for(url, lambda tags: tags.get("long", {}).get("flow", {}).get("max_step") == 619)
        status, _, body = get(url + "/data/plugin/tbviz/steps?run=long&tag=flow")
        assert status == 200 and len(json.loads(body)) == 620
        flow = json.loads(
            get(url + "/data/plugin/tbviz/gradient_flow?run=long&tag=flow&max_steps=10000")[2]
        )
        assert flow["steps"] == list(range(620))


def test_works_under_path_prefix(logdir):
    with tensorboard(logdir, extra_args=["--path_prefix", "/tb"]) as url:
        assert url.endswith("/tb")
        _wait_for(url, lambda tags: "train" in tags)
        status, headers, body = get(
            url + "/data/plugin/tbviz/tensor?run=train&tag=dense/kernel&step=0"
        )
        assert status == 200 and headers["X-Tbviz-Shape"] == "40,30"


def test_logdir_without_tbviz_data_keeps_the_plugin_inactive(tmp_path):
    with tbviz.Writer(tmp_path / "run") as w:
        w.scalar("loss", 1.0, 0)
    with tensorboard(tmp_path) as url:
        listing = json.loads(get(url + "/data/plugins_listing")[2])
        assert listing["tbviz"]["enabled"] is False and listing["scalars"]["enabled"] is True
        assert json.loads(get(url + "/data/plugin/tbviz/tags")[2]) == {}


def test_nan_in_gradient_flow_is_null_in_json(server):
    flow = _json(server, "gradient_flow", run="train", tag="model/gradient_flow")
    assert not any(
        isinstance(x, float) and math.isnan(x) for s in flow["values"] for r in s for x in r
    )


def test_gradient_flow_binary_format_equals_json(server):
    as_json = _json(server, "gradient_flow", run="train", tag="model/gradient_flow")
    status, headers, body = _route(
        server, "gradient_flow", run="train", tag="model/gradient_flow", format="binary"
    )
    assert status == 200 and headers["Content-Type"] == "application/octet-stream"
    n = int.from_bytes(body[:4], "little")
    head = json.loads(body[4 : 4 + n])
    offset = 4 + n + (-(4 + n) % 4)
    values = np.frombuffer(body[offset:], "<f4").reshape(
        len(head["steps"]), len(head["layers"]), -1
    )
    assert headers["X-Tbviz-Shape"] == ",".join(map(str, values.shape))
    assert {k: head[k] for k in ("layers", "stats", "steps")} == {
        k: as_json[k] for k in ("layers", "stats", "steps")
    }
    expected = np.array(
        [[[np.nan if x is None else x for x in row] for row in s] for s in as_json["values"]]
    )
    np.testing.assert_allclose(values, expected, rtol=1e-6)


def test_gradient_flow_unknown_format_is_refused(server):
    status, _, body = _route(
        server, "gradient_flow", run="train", tag="model/gradient_flow", format="xml"
    )
    assert status == 400 and "format" in json.loads(body)["error"]

"""Hostile names, hostile content and hostile query parameters against a real
TensorBoard (both loaders): names are data, bad items are JSON errors or reader
health events, bad parameters are 400s, every response has its content type."""

import json
import math
import urllib.parse

import numpy as np
import pytest
from tb_server import get

from .logs import GOOD, GOOD_FLOW, HOSTILE_RUNS, HOSTILE_TAGS, value


def _call(server, route, params):
    query = urllib.parse.urlencode(params, doseq=True)
    status, headers, body = get(f"{server}/data/plugin/tbviz/{route}?{query}")
    assert status != 500, body[:500]
    assert headers["X-Content-Type-Options"] == "nosniff"
    binary = status == 200 and (route == "tensor" or params.get("format") == "binary")
    expected = "application/octet-stream" if binary else "application/json"
    assert headers["Content-Type"].startswith(expected), (route, params, headers["Content-Type"])
    return status, (body if binary else json.loads(body))


def test_hostile_run_and_tag_names_round_trip_as_data(server):
    status, tags = _call(server, "tags", {})
    assert status == 200
    for r, run in enumerate(HOSTILE_RUNS):
        assert sorted(tags[run]) == sorted(HOSTILE_TAGS)
        for t, tag in enumerate(HOSTILE_TAGS):
            status, steps = _call(server, "steps", {"run": run, "tag": tag})
            assert status == 200 and [s["step"] for s in steps] == [0, 1]
            status, body = _call(server, "tensor", {"run": run, "tag": tag, "step": 1})
            assert status == 200
            assert set(np.frombuffer(body, "<f4").tolist()) == {value(r, t, 1)}


@pytest.mark.parametrize(
    "run", ["..", "../..", "/etc", "/", "nested", "nested/deeper/..", "./nested/deeper", ""]
)
def test_run_names_are_never_paths(server, shared_logdir, run):
    # Only names the data provider lists exist; nothing is opened from disk by name.
    for route, params in [("steps", {"tag": GOOD}), ("health", {}), ("tensor", {"tag": GOOD})]:
        status, body = _call(server, route, dict(params, run=run, step=0))
        assert status == 404 and "no run" in body["error"]
    status, body = _call(
        server, "steps", {"run": str(shared_logdir / "hostile_content"), "tag": GOOD}
    )
    assert status == 404


def test_hostile_content_is_reported_and_the_rest_served(server):
    status, tags = _call(server, "tags", {})
    content = tags["hostile_content"]
    for tag in ("flow_without_layers", "flow_layer_numbers", "nan_content", "not_json"):
        assert content[tag]["kind"] == "error" and content[tag]["error"], tag
    status, body = _call(server, "tensor", {"run": "hostile_content", "tag": GOOD, "step": 0})
    assert status == 200 and len(body) == 16
    for tag in content:
        for route, extra in [
            ("steps", {}),
            ("tensor", {"step": 0}),
            ("gradient_flow", {}),
            ("gradient_flow", {"format": "binary"}),
            ("layers", {}),
        ]:
            status, _ = _call(server, route, dict(extra, run="hostile_content", tag=tag))
            assert status in (200, 400), (route, tag, status)
    for tag in ("surface_strings", "surface_ints"):
        status, body = _call(server, "tensor", {"run": "hostile_content", "tag": tag, "step": 0})
        assert status == 400 and "does not match its metadata" in body["error"]
    status, body = _call(server, "layers", {"run": "hostile_content", "tag": "layers_nan"})
    assert status == 200 and body["rows"][0]["params"] is None  # NaN is not JSON: null
    status, body = _call(server, "layers", {"run": "hostile_content", "tag": "layers_not_objects"})
    assert status == 400 and "not a JSON object" in body["error"]


def test_health_reports_every_unreadable_item_and_keeps_the_readable(server):
    status, events = _call(server, "health", {"run": "hostile_content"})
    assert status == 200
    unreadable = [e for e in events if e["code"] == "unreadable_data"]
    by_tag = {}
    for e in unreadable:
        by_tag.setdefault(e["tag"], []).append(e["hint"])
    assert len(by_tag["health_odd"]) == 4  # code 5, step "x", [1, 2], bad UTF-8
    assert len(by_tag["health_numbers"]) == 3
    assert {"flow_without_layers", "flow_layer_numbers", "nan_content", "not_json"} <= set(by_tag)
    kept = {e["code"]: e for e in events if e["source"] == "stored"}
    assert kept["nan"]["extra"] is None  # NaN inside an event: null, the event kept
    assert kept["ok_one"]["hint"] == "<img src=x onerror=alert(3)>"  # data, served as is
    assert all(math.isfinite(e["step"]) for e in events)


BAD_PARAMS = [
    ("tensor", {"step": "1_0"}, "integer"),
    ("tensor", {"step": "+1"}, "integer"),
    ("tensor", {"step": " 1"}, "integer"),
    ("tensor", {"step": "١"}, "integer"),
    ("tensor", {"step": "1e3"}, "integer"),
    ("tensor", {"step": "0x10"}, "integer"),
    ("tensor", {"step": ""}, "integer"),
    ("tensor", {"step": "9" * 5000}, "longer than"),
    ("tensor", {"step": "9" * 30}, "must be in"),
    ("tensor", {"step": "-5"}, "must be in"),
    ("tensor", {"step": ["0", "0"]}, "given 2 times"),
    ("tensor", {}, "missing parameter 'step'"),
    ("tensor", {"step": "0", "tag": [GOOD, GOOD]}, "given 2 times"),
    ("gradient_flow", {"max_steps": "-1"}, "must be in"),
    ("gradient_flow", {"max_steps": "10001"}, "must be in"),
    ("gradient_flow", {"max_steps": "many"}, "integer"),
    ("gradient_flow", {"max_steps": ["5", "6"]}, "given 2 times"),
    ("gradient_flow", {"format": ["json", "json"]}, "given 2 times"),
    ("gradient_flow", {"format": "<b>"}, "must be 'json' or 'binary'"),
    ("steps", {"run": "x" * 5000}, "longer than"),
    ("health", {"run": ["a", "b"]}, "given 2 times"),
]


@pytest.mark.parametrize("route, params, message", BAD_PARAMS)
def test_bad_parameters_are_400_naming_the_problem(server, route, params, message):
    tag = GOOD_FLOW if route == "gradient_flow" else GOOD
    params = dict({"run": "hostile_content", "tag": tag}, **params)
    status, body = _call(server, route, params)
    assert status == 400 and message in body["error"], body


def test_absent_parameters_are_400(server):
    for route in ("steps", "tensor", "gradient_flow", "layers", "health"):
        status, body = _call(server, route, {})
        assert status == 400 and "missing parameter 'run'" in body["error"]


def test_index_js_has_its_content_type(server):
    status, headers, _ = get(server + "/data/plugin/tbviz/index.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert headers["X-Content-Type-Options"] == "nosniff"

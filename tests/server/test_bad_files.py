"""Corrupt, truncated and contradictory files: TensorBoard keeps serving, errors name the item."""

import glob
import json
import os
import time

import numpy as np
import pytest
from event_reading import append_raw_event
from tb_server import get, tensorboard

import tbviz_plugin as tbviz
from tbviz_plugin import metadata


@pytest.fixture(scope="module")
def logdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    with tbviz.Writer(root / "good") as w:
        w.weight_surface("w", np.ones((4, 4)), 0)
    # A run whose file is cut in the middle of its last record (a killed writer).
    with tbviz.Writer(root / "truncated") as w:
        for step in range(5):
            w.weight_surface("w", np.full((64, 64), step), step)
    (path,) = glob.glob(str(root / "truncated" / "events*"))
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        f.truncate(size - 5000)
    # Tags with content from a newer tbviz, and tensors contradicting their metadata.
    odd = root / "odd"
    odd.mkdir()
    w = tbviz.Writer(odd)
    w.close()
    future = metadata.create_summary_metadata("weight_surface")
    future.plugin_data.content = b'{"v": 99, "kind": "weight_surface"}'
    append_raw_event(w.path, "future", future, np.ones((2, 2), np.float32), 0)
    append_raw_event(
        w.path,
        "cube",
        metadata.create_summary_metadata("weight_surface"),
        np.ones((2, 2, 2), np.float32),
        0,
    )
    append_raw_event(
        w.path,
        "flow",
        metadata.create_summary_metadata("gradient_flow", layers=["a", "b"], stats=["mean_abs"]),
        np.ones((3, 1), np.float32),
        0,
    )
    append_raw_event(
        w.path,
        "health_garbage",
        metadata.create_summary_metadata("health"),
        np.array([b"{not json"], dtype=object),
        0,
    )
    return root


@pytest.fixture(scope="module", params=["false", "true"], ids=["python_loader", "rust_loader"])
def server(request, logdir):
    with tensorboard(logdir, load_fast=request.param) as url:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            tags = json.loads(get(url + "/data/plugin/tbviz/tags")[2])
            if {"good", "truncated", "odd"} <= set(tags) and len(tags["odd"]) == 4:
                break
            time.sleep(0.5)
        yield url


def _get_json(url):
    status, headers, body = get(url)
    assert headers["Content-Type"].startswith("application/json"), body[:200]
    return status, json.loads(body)


def test_truncated_file_serves_every_complete_record(server):
    status, steps = _get_json(server + "/data/plugin/tbviz/steps?run=truncated&tag=w")
    assert status == 200
    kept = [s["step"] for s in steps]
    assert kept == list(range(len(kept))) and 1 <= len(kept) < 5
    status, _, body = get(server + f"/data/plugin/tbviz/tensor?run=truncated&tag=w&step={kept[-1]}")
    assert status == 200 and set(np.frombuffer(body, "<f4")) == {kept[-1]}


def test_future_version_is_listed_as_an_error_not_dropped(server):
    status, tags = _get_json(server + "/data/plugin/tbviz/tags")
    assert tags["odd"]["future"]["kind"] == "error" and "upgrade" in tags["odd"]["future"]["error"]
    status, body = _get_json(server + "/data/plugin/tbviz/tensor?run=odd&tag=future&step=0")
    assert status == 400 and "version 99" in body["error"]


def test_tensor_contradicting_its_metadata_is_a_400_naming_it(server):
    status, body = _get_json(server + "/data/plugin/tbviz/tensor?run=odd&tag=cube&step=0")
    assert status == 400 and "'cube'" in body["error"] and "(2, 2, 2)" in body["error"]
    status, body = _get_json(server + "/data/plugin/tbviz/gradient_flow?run=odd&tag=flow")
    assert status == 400 and "does not match its metadata" in body["error"]


def test_health_reports_unreadable_items_as_events(server):
    status, events = _get_json(server + "/data/plugin/tbviz/health?run=odd")
    assert status == 200
    by_tag = {e["tag"]: e for e in events}
    assert by_tag["health_garbage"]["code"] == "unreadable_data"
    assert by_tag["future"]["code"] == "unreadable_data" and "upgrade" in by_tag["future"]["hint"]
    assert by_tag["flow"]["code"] == "unreadable_data"


def test_good_run_is_unaffected(server):
    status, _, body = get(server + "/data/plugin/tbviz/tensor?run=good&tag=w&step=0")
    assert status == 200 and len(body) == 64

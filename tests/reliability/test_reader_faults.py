"""Broken logs under a real TensorBoard (both loaders): a CRC error in the middle
of a file, garbage records, empty runs, a killed writer's torn tail, a run
deleted while the server runs. The plugin keeps serving everything else, never
answers 500 and never hangs (every request has a timeout)."""

import json
import shutil
import subprocess
import sys
import time
import urllib.parse

import numpy as np
import pytest
from tb_server import get

from tbviz_plugin import cli, export
from tbviz_plugin.logdir import LogdirData

from .logs import (
    CORRUPT_STEP,
    HOSTILE_RUNS,
    STEPS,
    write_hostile_runs,
    write_reader_fault_runs,
    write_steps,
)


def _call(server, route, **params):
    status, headers, body = get(
        f"{server}/data/plugin/tbviz/{route}?{urllib.parse.urlencode(params)}"
    )
    assert status in (200, 400, 404), (status, body[:500])
    if status != 200 or route != "tensor":
        assert headers["Content-Type"].startswith("application/json"), headers["Content-Type"]
    return status, body


def _served_steps(server, run, tag):
    status, body = _call(server, "steps", run=run, tag=tag)
    return [s["step"] for s in json.loads(body)] if status == 200 else []


def _assert_every_served_step_is_right(server, run):
    """Whatever a loader keeps of a damaged run is exactly what was written."""
    for step in _served_steps(server, run, "w"):
        status, body = _call(server, "tensor", run=run, tag="w", step=step)
        assert status == 200 and set(np.frombuffer(body, "<f4").tolist()) == {float(step)}
    status, body = _call(server, "gradient_flow", run=run, tag="g")
    if status == 200:
        flow = json.loads(body)
        for step, table in zip(flow["steps"], flow["values"]):
            assert table[0][0] == step + 1.0  # mean_abs of layer a


def _loader(request):
    return {"false": "python", "true": "rust"}[request.node.callspec.params["server"]]


@pytest.mark.parametrize("run", ["crc_middle", "length_crc_middle"])
def test_crc_error_in_the_middle_keeps_the_records_before_it(server, run, request):
    steps = _served_steps(server, run, "w")
    assert steps[:CORRUPT_STEP] == list(range(CORRUPT_STEP))
    if run == "crc_middle" and _loader(request) == "rust":
        # TensorBoard's Rust data server does not drop a record whose data CRC
        # fails: it serves it as read, and every record after it (the flipped
        # byte here is in the wall time, so the tensor is still right).
        assert steps == list(range(STEPS))
    elif _loader(request) == "rust":
        assert CORRUPT_STEP not in steps  # a bad length CRC: the record is skipped
    else:
        assert steps == list(range(CORRUPT_STEP))  # the Python loader stops at it
    _assert_every_served_step_is_right(server, run)
    status, _ = _call(server, "health", run=run)
    assert status == 200


def test_garbage_record_is_skipped(server):
    steps = _served_steps(server, "garbage_record", "w")
    assert steps[: CORRUPT_STEP + 1] == list(range(CORRUPT_STEP + 1))
    _assert_every_served_step_is_right(server, "garbage_record")


def test_killed_writers_torn_tail_is_skipped(server):
    steps = _served_steps(server, "killed", "w")
    assert steps[:20] == list(range(20)) and steps == list(range(len(steps)))
    _assert_every_served_step_is_right(server, "killed")


@pytest.mark.parametrize("run", ["empty_file", "only_version", "no_such_run"])
def test_empty_runs_are_absent_with_json_404s(server, run):
    status, body = _call(server, "tags")
    assert status == 200 and run not in json.loads(body)
    for route, params in [("steps", {"tag": "w"}), ("health", {}), ("tensor", {"tag": "w"})]:
        status, body = _call(server, route, run=run, step=0, **params)
        assert status == 404 and "no run" in json.loads(body)["error"]


def test_run_deleted_while_serving_keeps_everything_else_served(server, shared_logdir):
    assert _served_steps(server, "doomed", "w") == list(range(STEPS))
    shutil.rmtree(shared_logdir / "doomed")
    try:
        time.sleep(3)  # a few reloads (--reload_interval 1) see the run gone
        for route, params in [
            ("tags", {}),
            ("steps", {"run": "doomed", "tag": "w"}),
            ("tensor", {"run": "doomed", "tag": "w", "step": 3}),
            ("gradient_flow", {"run": "doomed", "tag": "g"}),
            ("health", {"run": "doomed"}),
        ]:
            _call(server, route, **params)  # 200 (kept in memory) or a JSON 404
        _assert_every_served_step_is_right(server, "doomed")
        assert _served_steps(server, "good", "w") == list(range(STEPS))
        _assert_every_served_step_is_right(server, "good")
    finally:
        write_steps(shared_logdir / "doomed")  # for the other loader's server


def test_tbviz_cli_reader_reads_what_it_can_of_every_damaged_run(cli_logdir):
    data = LogdirData(str(cli_logdir))
    tags = data.tags()
    assert "empty_file" not in tags and "only_version" not in tags
    for run in ("crc_middle", "length_crc_middle", "garbage_record", "killed"):
        steps = [s.step for s in data.steps(run, "w")]
        assert steps[:CORRUPT_STEP] == list(range(CORRUPT_STEP)), run
        for s in data.steps(run, "w"):
            assert (s.array == s.step).all()


@pytest.fixture(scope="module")
def cli_logdir(tmp_path_factory):
    """The damaged and hostile runs without the large one, for tbviz's own reader."""
    root = tmp_path_factory.mktemp("cli")
    write_reader_fault_runs(root)
    write_hostile_runs(root)
    return root


def test_tbviz_inspect_lists_every_run_and_names_every_unreadable_item(cli_logdir):
    result = subprocess.run(
        [sys.executable, "-m", "tbviz_plugin.cli", "inspect", "--json", str(cli_logdir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    runs = json.loads(result.stdout)["runs"]
    assert {"good", "crc_middle", "killed", "garbage_record", "hostile_content"} <= set(runs)
    assert set(HOSTILE_RUNS) <= set(runs)
    unreadable = {e["tag"] for e in runs["hostile_content"]["health"] if e["source"] == "reader"}
    assert {"flow_without_layers", "not_json", "health_odd", "health_numbers"} <= unreadable


def test_tbviz_inspect_text_names_the_unreadable_tags(cli_logdir, capsys):
    cli._print_inspection(cli.inspect_logdir(str(cli_logdir)))
    out = capsys.readouterr().out
    assert "[tag not_json]" in out and "[tag flow_without_layers]" in out


@pytest.mark.parametrize(
    "tag, message",
    [
        ("surface_strings", "does not match its metadata"),
        ("surface_ints", "dtype int32 does not match its metadata"),
        ("flow_without_layers", "cannot be read"),
        ("health_odd", "hold records, not arrays"),
    ],
)
def test_tbviz_export_refuses_unreadable_tags_naming_them(cli_logdir, tmp_path, tag, message):
    out = tmp_path / "out.csv"
    with pytest.raises(ValueError, match=message) as refused:  # the CLI prints it, exit 2
        export.export(str(cli_logdir), "hostile_content", tag, "csv", str(out))
    assert repr(tag) in str(refused.value) and not out.exists()

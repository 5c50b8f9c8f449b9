"""A writer appending while a real TensorBoard (both loaders) reads: every step
the plugin serves is whole. One run is written by tbviz.Writer as fast as it
goes; in the other every record reaches the disk in two halves with a pause
between, so the server keeps finding a half-written step at the end."""

import json
import time
import urllib.parse

import numpy as np
import pytest
from tb_server import get, tensorboard

from .faults import python_process, wait_for_line

SIDE = 128


@pytest.fixture(params=["false", "true"], ids=["python_loader", "rust_loader"])
def live(request, tmp_path):
    stop = tmp_path / "stop"
    proc = python_process(
        f"""
        import io, os, time
        import numpy as np, tbviz_plugin as tbviz
        from tensorboard.compat.proto import event_pb2
        from tbviz_plugin import summary
        from tbviz_plugin.writer import record

        w = tbviz.Writer({str(tmp_path / "logs" / "fast")!r}, flush_secs=0.05)
        os.makedirs({str(tmp_path / "logs" / "slow")!r})
        slow = open({str(tmp_path / "logs" / "slow" / "events.out.tfevents.1.h.1.0")!r}, "wb")
        step = 0
        while not os.path.exists({str(stop)!r}):
            array = np.full(({SIDE}, {SIDE}), step, np.float32)
            w.weight_surface("w", array, step)
            w.gradient_flow("g", {{"a": np.full(4, step + 1.0), "b": np.ones(3)}}, step)
            proto = summary.prepare_weight_surface("w", array).build().to_proto()
            event = event_pb2.Event(wall_time=time.time(), step=step, summary=proto)
            framed = io.BytesIO()
            record.RecordFile(framed, buffer_size=0).write([event.SerializeToString()])
            data = framed.getvalue()
            slow.write(data[: len(data) // 2]); slow.flush()
            time.sleep(0.2)  # the server reads a half-written step meanwhile
            slow.write(data[len(data) // 2 :]); slow.flush()
            if step == 0:
                print("started", flush=True)
            step += 1
        w.close()
        print("last", step - 1, flush=True)
        """
    )
    wait_for_line(proc, lambda line: line == "started")
    with tensorboard(tmp_path / "logs", load_fast=request.param) as url:
        yield url, stop, proc
    proc.kill()


def _json(url, route, **params):
    status, headers, body = get(f"{url}/data/plugin/tbviz/{route}?{urllib.parse.urlencode(params)}")
    assert status == 200, body[:300]
    return json.loads(body)


def _check_whole(url, run, step):
    status, headers, body = get(f"{url}/data/plugin/tbviz/tensor?run={run}&tag=w&step={step}")
    assert status == 200, body[:300]
    array = np.frombuffer(body, "<f4")
    assert headers["X-Tbviz-Shape"] == f"{SIDE},{SIDE}" and array.size == SIDE * SIDE
    assert (array == step).all(), f"{run} step {step} is not whole"


def test_every_step_served_while_writing_is_whole(live):
    url, stop, proc = live
    seen = {"fast": set(), "slow": set()}
    deadline = time.monotonic() + 120
    # Read until each run has been seen growing five times, then stop the writer.
    while min(len(s) for s in seen.values()) < 5:
        assert time.monotonic() < deadline, f"the runs did not grow while read: {seen}"
        tags = _json(url, "tags")
        for run in seen:
            if "w" not in tags.get(run, {}):
                continue
            steps = [s["step"] for s in _json(url, "steps", run=run, tag="w")]
            assert steps == list(range(len(steps)))  # no gap, nothing half-there
            seen[run].add(steps[-1])
            _check_whole(url, run, steps[-1])
            _check_whole(url, run, steps[len(steps) // 2])
        if "g" in tags.get("fast", {}):
            flow = _json(url, "gradient_flow", run="fast", tag="g", max_steps=10_000)
            for step, table in zip(flow["steps"], flow["values"]):
                assert table[0][0] == step + 1.0 and len(table) == 2
    stop.touch()
    last = int(wait_for_line(proc, lambda line: line.startswith("last ")).split()[1])
    # Once the writer is done, everything arrives: the last step is served whole.
    while _json(url, "tags")["slow"]["w"]["max_step"] < last:
        assert time.monotonic() < deadline + 60, "the last steps never arrived"
        time.sleep(0.5)
    _check_whole(url, "slow", last)

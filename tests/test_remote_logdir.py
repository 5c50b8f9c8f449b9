"""Remote logdirs: a run written as closed segments, each uploaded once, read back in order.

The S3 test writes to moto's S3 server on loopback and reads the run back
through a real TensorBoard (Python loader, TensorFlow stub: its boto3 file
system honours ``S3_ENDPOINT``). TensorBoard's Rust data server knows only
local and gs:// logdirs, which the last test pins down.
"""

import json
import time

import numpy as np
import pytest
import tb_server
from event_reading import read_tensors
from tensorboard.compat.proto import event_pb2

import tbviz_plugin as tbviz
from tbviz_plugin.writer import sink

fsspec = pytest.importorskip("fsspec")


def _surface(step):
    return np.random.default_rng(step).normal(size=(32, 32)).astype(np.float32)  # 4 KiB


@pytest.fixture
def uploads(monkeypatch):
    """Every path the memory file system is asked to write, in order."""
    from fsspec.implementations.memory import MemoryFileSystem

    written = []
    original = MemoryFileSystem.pipe_file

    def pipe_file(self, path, value, *args, **kwargs):
        written.append(path)
        return original(self, path, value, *args, **kwargs)

    monkeypatch.setattr(MemoryFileSystem, "pipe_file", pipe_file)
    return written


def _first_event(data):
    length = int.from_bytes(data[:8], "little")
    return event_pb2.Event.FromString(data[12 : 12 + length])


def test_size_rotation_uploads_each_segment_once_in_name_order(uploads, tmp_path):
    url = "memory://tbviz-rotation/run"
    with tbviz.Writer(url, segment_bytes=10_000) as w:
        for step in range(40):
            w.weight_surface("dense/kernel", _surface(step), step)
            w.scalar("loss", 1.0 / (step + 1), step)
    fs = fsspec.filesystem("memory")
    names = sorted(fs.ls("/tbviz-rotation/run", detail=False))
    # ~4.3 KB per step: a 10 kB segment closes after 3 steps; 40 steps make 14, plus segment 0.
    assert len(names) == 15
    assert uploads == names  # uploaded once each, in the order their names sort
    assert [n[-6:] for n in names] == [f"{i:06d}" for i in range(15)]
    for name in names:
        assert len(fs.cat(name)) < 10_000 + 4_500  # a segment overshoots by at most one record
        assert _first_event(fs.cat(name)).file_version == "brain.Event:2"
    # TensorBoard's Python loader reads the segments in sorted order: every record, in order.
    fs.get("/tbviz-rotation/run/", str(tmp_path / "run"), recursive=True)
    data = read_tensors(tmp_path / "run")
    assert [e[0] for e in data["dense/kernel"]] == list(range(40))
    assert [e[0] for e in data["loss"]] == list(range(40))
    for step in (0, 17, 39):
        np.testing.assert_array_equal(data["dense/kernel"][step][2], _surface(step))


def test_copied_segments_read_fully_by_the_rust_data_server(tmp_path):
    url = "memory://tbviz-rotation-rust/run"
    with tbviz.Writer(url, segment_bytes=10_000) as w:
        for step in range(12):
            w.weight_surface("dense/kernel", _surface(step), step)
    fsspec.filesystem("memory").get(
        "/tbviz-rotation-rust/run/", str(tmp_path / "logs" / "run"), recursive=True
    )
    with tb_server.tensorboard(tmp_path / "logs", load_fast="true") as base:
        steps = _wait_for_steps(base, "run", "dense/kernel", 12)
    assert [s["step"] for s in steps] == list(range(12))


def test_flush_closes_a_segment_and_time_rotation_needs_no_flush(uploads):
    url = "memory://tbviz-time/run"
    with tbviz.Writer(url, flush_secs=0.05) as w:
        w.scalar("loss", 1.0, 0)
        w.flush()
        assert len(uploads) == 2  # segment 0 at open, segment 1 by flush()
        w.scalar("loss", 2.0, 1)
        deadline = time.monotonic() + 30
        while len(uploads) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(uploads) == 3  # closed by the background flush, no call of ours
    assert len(uploads) == 3  # close() had nothing left to upload


def test_segment_bytes_must_be_positive():
    with pytest.raises(ValueError, match="segment_bytes must be a positive integer, got 0"):
        tbviz.Writer("memory://tbviz-bad/run", segment_bytes=0)
    assert sink.segment_name("base", 7, ".v2") == "base.000007.v2"


def _wait_for_steps(base, run, tag, count, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        status, _, body = tb_server.get(f"{base}/data/plugin/tbviz/steps?run={run}&tag={tag}")
        steps = json.loads(body) if status == 200 else []
        if len(steps) >= count or time.monotonic() > deadline:
            return steps
        time.sleep(0.3)


@pytest.fixture
def s3(monkeypatch):
    """An S3 endpoint (moto's server on loopback) with an empty bucket; yields its URL."""
    pytest.importorskip("s3fs")
    boto3 = pytest.importorskip("boto3")
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": endpoint,  # boto3 and s3fs (the writer)
        "S3_ENDPOINT": endpoint,  # TensorBoard's S3 file system
    }.items():
        monkeypatch.setenv(name, value)
    fsspec.filesystem("s3").clear_instance_cache()
    boto3.client("s3").create_bucket(Bucket="tbviz-bucket")
    try:
        yield endpoint
    finally:
        server.stop()


def test_s3_run_reads_back_through_tensorboard(s3):
    import boto3

    with tbviz.Writer("s3://tbviz-bucket/logs/run", segment_bytes=20_000) as w:
        for step in range(10):
            w.weight_surface("dense/kernel", _surface(step), step)
            w.gradient_flow(
                "model/gradient_flow", {"a": _surface(step), "b": -_surface(step)}, step
            )
    keys = [o["Key"] for o in boto3.client("s3").list_objects_v2(Bucket="tbviz-bucket")["Contents"]]
    assert len(keys) > 2 and all(k.startswith("logs/run/events.out.tfevents.") for k in keys)

    with tb_server.tensorboard("s3://tbviz-bucket/logs", no_tensorflow=True) as base:
        steps = _wait_for_steps(base, "run", "dense/kernel", 10)
        assert [s["step"] for s in steps] == list(range(10))
        # The last segment may be loaded a reload after the one before it.
        flow_steps = _wait_for_steps(base, "run", "model/gradient_flow", 10)
        assert [s["step"] for s in flow_steps] == list(range(10))
        status, headers, body = tb_server.get(
            f"{base}/data/plugin/tbviz/tensor?run=run&tag=dense/kernel&step=7"
        )
        assert status == 200 and headers["X-Tbviz-Shape"] == "32,32"
        np.testing.assert_array_equal(np.frombuffer(body, "<f4").reshape(32, 32), _surface(7))
        status, _, body = tb_server.get(
            f"{base}/data/plugin/tbviz/gradient_flow?run=run&tag=model/gradient_flow"
        )
        flow = json.loads(body)
        assert status == 200 and flow["layers"] == ["a", "b"] and flow["steps"] == list(range(10))


def test_rust_data_server_refuses_s3_logdirs(s3):
    with tbviz.Writer("s3://tbviz-bucket/logs/run") as w:
        w.scalar("loss", 1.0, 0)
    with pytest.raises(RuntimeError, match='unknown protocol "s3"'):
        with tb_server.tensorboard("s3://tbviz-bucket/logs", load_fast="true", timeout=60):
            pass

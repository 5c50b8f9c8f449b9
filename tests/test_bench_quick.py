"""The benchmarks run (quick mode, so they cannot rot), and the writer's fast
paths (gathered writev, polling thread, no second copy) keep its behaviour.

No timing assertions here: docs/benchmarks.md holds the figures.
"""

import io
import os
import re
import subprocess
import sys

import numpy as np
import pytest
from tensorboard.backend.event_processing import event_accumulator as ea
from tensorboard.compat.proto import event_pb2
from tensorboard.util import tensor_util

import tbviz_plugin as tbviz
from tbviz_plugin import reduce
from tbviz_plugin.writer import event_file, record

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _expected_rows(name):
    """Row starts that benchmark ``name``'s quick run must write."""
    sys.path.insert(0, REPO)
    from bench import (
        default_cadence,
        jax_overhead,
        training_overhead,
        writer_memory,
        writer_throughput,
    )

    if name == "writer_throughput":
        return list(writer_throughput.PEERS) + [ratio for ratio, *_ in writer_throughput.TARGETS]
    if name == "training_overhead":
        return [v for variants in training_overhead.VARIANTS.values() for v in variants]
    if name == "plugin_routes":
        return ["load_fast=true | gradient_flow binary", "load_fast=false | scalars (built-in)"]
    if name == "browser":
        return [
            "click the tbviz tab (TensorBoard open on Scalars) → first surface painted",
            "cold load: goto(TensorBoard/#tbviz), fresh profile → first surface painted",
            "JS heap tbviz adds (difference of the medians)",
        ]
    if name == "writer_memory":
        return list(writer_memory.PEERS)
    if name == "default_cadence":
        return list(default_cadence.RUNS)
    if name == "jax_overhead":
        return [
            f"{jax_overhead.QUICK_LENGTHS[run]} steps | {variant}"
            for run, variants in jax_overhead.VARIANTS.items()
            for variant in variants
        ]
    raise AssertionError(f"add the rows {name} must write here")


BENCHMARK_NAMES = [
    "writer_throughput",
    "training_overhead",
    "default_cadence",
    "plugin_routes",
    "browser",
    "writer_memory",
    "jax_overhead",
]


@pytest.mark.parametrize("name", BENCHMARK_NAMES)
def test_run_all_quick_fills_every_table_of_the_benchmark(name, tmp_path):
    """Each benchmark runs once in quick mode (tiny sizes; one at a time,
    so each stays within the test timeout) and writes a row for every tool."""
    sys.path.insert(0, REPO)
    from bench import run_all

    assert sorted(BENCHMARK_NAMES) == sorted(b[0] for b in run_all.BENCHMARKS)
    out = tmp_path / "benchmarks.md"
    result = subprocess.run(
        [sys.executable, "bench/run_all.py", "--quick", "--only", name, "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=590,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    text = out.read_text()
    assert "| CPU |" in text and "| Python |" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    for start in _expected_rows(name):
        assert any(row.startswith(f"| {start} |") for row in rows), start
    if name in ("training_overhead", "browser", "writer_throughput"):
        closing = text.split("## Targets in one place", 1)[1].splitlines()
        targets = [r for r in closing if r.startswith("| ") and not r.startswith("| target |")]
        # each row says whether its target is met and, in a sentence, what it means
        met = re.compile(r"\| (yes|\*\*no\*\*) \| [^|]{20,} \|$")
        assert targets and all(met.search(r) for r in targets), closing
    assert "Failed" not in text


def _records(raw):
    """(data, length_crc_ok, data_crc_ok) for each TFRecord in ``raw``."""
    out, pos = [], 0
    while pos < len(raw):
        length = int.from_bytes(raw[pos : pos + 8], "little")
        length_crc = int.from_bytes(raw[pos + 8 : pos + 12], "little")
        data = raw[pos + 12 : pos + 12 + length]
        data_crc = int.from_bytes(raw[pos + 12 + length : pos + 16 + length], "little")
        out.append(
            (
                data,
                length_crc == record.masked_crc32c(raw[pos : pos + 8]),
                data_crc == record.masked_crc32c(data),
            )
        )
        pos += 16 + length
    return out


def _framed(chunks):
    """One TFRecord spelled out: length, its masked CRC, the data, the data's masked CRC."""
    data = b"".join(bytes(c) for c in chunks)
    header = len(data).to_bytes(8, "little")
    return (
        header
        + record.masked_crc32c(header).to_bytes(4, "little")
        + data
        + record.masked_crc32c(data).to_bytes(4, "little")
    )


def test_record_file_writes_tfrecords_even_with_partial_writevs(tmp_path, monkeypatch):
    rng = np.random.default_rng(0)
    events = [
        [b"small"],
        [b"head", memoryview(rng.standard_normal(40_000).astype(np.float32)).cast("B"), b"tail"],
        [b""],
        [memoryview(rng.standard_normal(300_000).astype(np.float32)).cast("B")],
        [b"x" * 70_000, b"y"],
    ]
    expected = io.BytesIO()
    for chunks in events:
        expected.write(_framed(chunks))

    real_writev = os.writev
    monkeypatch.setattr(
        os, "writev", lambda fd, bufs: real_writev(fd, [bytes(b)[:999] for b in bufs][:1])
    )
    path = tmp_path / "f"
    f = record.RecordFile(open(path, "wb", buffering=0), buffer_size=100)
    for chunks in events:
        f.write(chunks)
    f.close()
    assert path.read_bytes() == expected.getvalue()


def test_writer_file_is_protobuf_bytes_with_valid_crcs_and_reads_back(tmp_path):
    rng = np.random.default_rng(1)
    big = [rng.standard_normal((512, 512)).astype(np.float32) for _ in range(3)]
    with tbviz.Writer(tmp_path) as w:
        for step, array in enumerate(big):
            w.weight_surface("dense/kernel", array, step, max_grid=(512, 512))
            w.scalar("loss", 1.0 / (step + 1), step)
            w.health("model/health", [{"code": "nan", "layer": "dense"}], step)
        path = w.path
    with open(path, "rb") as f:
        recs = _records(f.read())
    assert len(recs) == 1 + 3 * 3
    for data, length_ok, data_ok in recs:
        assert length_ok and data_ok
        assert event_pb2.Event.FromString(data).SerializeToString() == data  # protobuf's own bytes

    acc = ea.EventAccumulator(str(tmp_path), size_guidance={ea.TENSORS: 0})
    acc.Reload()
    surfaces = acc.Tensors("dense/kernel")
    assert [e.step for e in surfaces] == [0, 1, 2]
    for event, array in zip(surfaces, big):
        np.testing.assert_array_equal(tensor_util.make_ndarray(event.tensor_proto), array)
    assert [
        tensor_util.make_ndarray(e.tensor_proto).item() for e in acc.Tensors("loss")
    ] == pytest.approx([1.0, 0.5, 1 / 3])


def test_an_idle_writer_thread_is_woken_by_the_next_summary(tmp_path, monkeypatch):
    monkeypatch.setattr(event_file.EventFileWriter, "_IDLE_AFTER", 0.05)
    with tbviz.Writer(tmp_path, flush_secs=0.1) as w:
        w.scalar("x", 1.0, 0)
        w.flush()
        import time

        time.sleep(0.3)  # the thread has gone to sleep
        assert w._file._idle
        w.scalar("x", 2.0, 1)
        deadline = time.monotonic() + 5
        while w._file._written < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert w._file._written == 2  # woken by submit, not by close
    acc = ea.EventAccumulator(str(tmp_path))
    acc.Reload()
    assert [e.step for e in acc.Tensors("x")] == [0, 1]


def test_check_array_copies_caller_memory_but_not_a_fresh_conversion():
    a = np.ones((4, 5), np.float32)
    out = reduce.check_array(a, "a", (2,))
    assert not np.shares_memory(out, a)
    torch = pytest.importorskip("torch")
    t = torch.ones(3, 4)
    out = reduce.check_array(t, "t", (2,))
    assert out.dtype == np.float32 and not np.shares_memory(out, t.numpy())
    half = torch.full((2, 2), 1.5, dtype=torch.float16)
    np.testing.assert_array_equal(
        reduce.check_array(half, "h", (2,)), np.full((2, 2), 1.5, np.float32)
    )


def test_check_array_of_a_tensorflow_tensor_is_a_private_float32_copy():
    tf = pytest.importorskip("tensorflow")
    v = tf.Variable(tf.zeros((3, 4)))
    out = reduce.check_array(v, "v", (2,))
    v.assign_add(tf.ones((3, 4)))
    assert out.dtype == np.float32 and out.flags.c_contiguous and float(out.sum()) == 0.0
    out[0, 0] = 5.0  # writable, and nobody else sees it
    assert float(v.numpy()[0, 0]) == 1.0


def test_a_shortened_variant_is_compared_with_its_baseline_over_the_same_epochs():
    """Keras' every-batch histograms run one epoch (see training_overhead.EPOCHS):
    their added time is against the baseline's first epoch, not its five, and the
    every-step target is reported both against that callback and like for like."""
    sys.path.insert(0, REPO)
    from bench import training_overhead as t

    def run(variant, wall, epochs, ends, logged=None):
        return {
            "variant": variant,
            "wall_s": wall,
            "epochs": epochs,
            "steps": epochs * 256,
            "epoch_ends_s": ends,
            "after_first_epoch_s": ends[-1] - ends[0],
            "logged_steps": logged,
        }

    raw = {
        t.KERAS_NONE: [run(t.KERAS_NONE, 20.0, 5, [6.0, 9.5, 13.0, 16.5, 20.0])],
        t.KERAS_TB: [run(t.KERAS_TB, 21.0, 5, [6.3, 10.0, 13.7, 17.4, 21.0])],
        t.KERAS_TB_EVERY: [run(t.KERAS_TB_EVERY, 30.0, 1, [30.0])],
        t.KERAS_TBVIZ_1: [run(t.KERAS_TBVIZ_1, 60.0, 5, [14, 25, 37, 48, 60], 1280)],
    }
    rows = t.summarise(raw, samples=8192, epochs=5, rounds=1)["rows"]
    assert rows[t.KERAS_TB_EVERY]["added"]["median"] == pytest.approx(30.0 / 6.0 - 1)
    assert rows[t.KERAS_TB_EVERY]["added_steady"] is None  # one epoch: nothing after it
    assert rows[t.KERAS_TB]["added"]["median"] == pytest.approx(0.05)
    every = [row for row in t.targets({"rows": rows}) if row[0].startswith(t.KERAS_TBVIZ_1)]
    assert [(measured, met) for _, measured, _, met, _ in every] == [
        ("+200.0%", False),  # less than the Keras callback adds (+5 %)
        ("+200.0%", True),  # like for like: less than its histograms every batch (+400 %)
    ]
    markdown = t.to_markdown({"params": {"samples": 8192, "epochs": 5, "rounds": 1}, "rows": rows})
    assert f"| {t.KERAS_TB_EVERY} (1 epoch) |" in markdown


def test_own_time_is_not_claimed_when_every_batch_is_logged():
    """The Keras own-time column measures a logged batch against the plain ones;
    with every batch logged there is none, and the column shows nothing rather
    than a figure larger than the run."""
    import types

    sys.path.insert(0, REPO)
    from bench import training_overhead as t

    fake_keras = types.SimpleNamespace(callbacks=types.SimpleNamespace(Callback=object))

    def logger(logged_steps):
        return types.SimpleNamespace(
            cadence=types.SimpleNamespace(logged_steps=logged_steps),
            writer=types.SimpleNamespace(background_seconds=0.5),
            **{hook: (lambda *a, **k: None) for hook in t._KerasAttribution.HOOKS},
        )

    every = t._KerasAttribution(fake_keras, logger([1, 2, 3, 4]))
    every.steps = [0.5, 0.02, 0.02, 0.02]
    assert every.seconds() is None
    some = t._KerasAttribution(fake_keras, logger([1, 3]))
    some.steps = [0.5, 0.01, 0.03, 0.01]
    assert some.seconds() == pytest.approx(0.02 + 0.5)  # batch 3's extra + the thread
    # A gradient-flow row arms its batch too: its extra counts like a full log's.
    flow = logger([1])
    flow.recorder = types.SimpleNamespace(flow_cadence=types.SimpleNamespace(logged_steps=[3]))
    rows = t._KerasAttribution(fake_keras, flow)
    rows.steps = [0.5, 0.01, 0.03, 0.01]
    assert rows.seconds() == pytest.approx(0.02 + 0.5)

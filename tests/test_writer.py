import glob
import json
import os
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest
from event_reading import read_tensors
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability.faults import read_records
from tensorboard.compat.proto import event_pb2

import tbviz_plugin as tbviz
from tbviz_plugin import summary
from tbviz_plugin.writer import record, wire


def _write_all_kinds(w, step):
    rng = np.random.default_rng(step)
    w.weight_surface("dense/kernel", rng.normal(size=(64, 32)).astype(np.float32), step)
    w.activation_map("conv", rng.random((2, 8, 8, 3)), step)
    w.gradient_flow(
        "model/gradient_flow", {"a": rng.normal(size=(4, 5)), "b": np.array([np.nan, 1.0])}, step
    )
    w.health("model/health", [{"code": "nan", "layer": "b", "value": 1, "severity": "error"}], step)
    w.scalar("loss", 1.0 / (step + 1), step)


def test_every_kind_reads_back_exactly_with_event_accumulator(logdir):
    with tbviz.Writer(logdir) as w:
        for step in range(3):
            _write_all_kinds(w, step)
    data = read_tensors(logdir)
    assert set(data) == {"dense/kernel", "conv", "model/gradient_flow", "model/health", "loss"}
    for tag, events in data.items():
        assert [e[0] for e in events] == [0, 1, 2], tag
    rng = np.random.default_rng(2)
    expected = rng.normal(size=(64, 32)).astype(np.float32)
    np.testing.assert_array_equal(data["dense/kernel"][2][2], expected)
    assert data["dense/kernel"][0][3].data_class == 2
    assert json.loads(data["dense/kernel"][0][3].plugin_data.content)["kind"] == "weight_surface"
    assert data["conv"][0][2].shape == (3, 8, 8)
    flow = data["model/gradient_flow"][1][2]
    assert flow.shape == (2, 7) and flow[1, 4] == 1  # nan_count of layer b
    (event,) = data["model/health"][0][2]
    assert json.loads(event)["code"] == "nan"
    assert data["loss"][2][2] == np.float32(1 / 3)
    assert data["loss"][0][3].plugin_data.plugin_name == "scalars"


def test_records_have_valid_masked_crcs_per_tf_record_dataset(logdir):
    tf = pytest.importorskip("tensorflow")
    with tbviz.Writer(logdir) as w:
        _write_all_kinds(w, 0)
    (path,) = glob.glob(str(logdir / "events.out.tfevents.*"))
    records = list(tf.data.TFRecordDataset(path))  # raises DataLossError on a bad CRC
    events = [event_pb2.Event.FromString(r.numpy()) for r in records]
    assert events[0].file_version == "brain.Event:2"
    assert [e.summary.value[0].tag for e in events[1:]] == [
        "dense/kernel",
        "conv",
        "model/gradient_flow",
        "model/health",
        "loss",
    ]


def test_hand_encoded_events_equal_protobuf_serialisation():
    cases = [
        summary.prepare_weight_surface("a/b", np.random.default_rng(0).normal(size=(300, 40))),
        summary.prepare_scalar("loss", 1.5),
        summary.prepare_health("h", [{"code": "nan"}, {"code": "inf"}], 3),
        summary.prepare_health("h", [], 3),
        summary.prepare_gradient_flow("g", {"a": np.ones(3), "b": None}),
    ]
    for prepared in cases:
        built = prepared.build()
        for step in (0, 5, 2**40):
            md = built.metadata_bytes
            expected = event_pb2.Event(wall_time=12.5, step=step, summary=built.to_proto())
            got = b"".join(
                bytes(c) for c in wire.encode_tensor_event(12.5, step, built.tag, built.array, md)
            )
            assert got == expected.SerializeToString()


def test_record_framing_matches_tensorflow_masked_crc():
    import io

    buf = io.BytesIO()
    record.RecordFile(buf, buffer_size=0).write([b"he", b"llo"])
    raw = buf.getvalue()
    assert raw[:8] == (5).to_bytes(8, "little")
    assert raw[12:17] == b"hello"
    assert int.from_bytes(raw[17:], "little") == record.masked_crc32c(b"hello")
    # Known value from TensorFlow's crc32c::Mask(crc32c::Value("hello")).
    assert record.masked_crc32c(b"") == 0xA282EAD8


def test_record_file_counts_bytes_of_memoryviews_of_any_format():
    """A memoryview's len() counts its items: a float32 view of 4 values is 16 bytes."""
    import io

    data = np.arange(4, dtype=np.float32)
    buf = io.BytesIO()
    f = record.RecordFile(buf)
    assert f.write([b"ab", memoryview(data)]) == 2 + 16 + 16
    f.flush()
    expected = io.BytesIO()
    record.RecordFile(expected, buffer_size=0).write([b"ab", data.tobytes()])
    assert buf.getvalue() == expected.getvalue()


@settings(max_examples=80, deadline=None)
@given(first=st.binary(max_size=300), second=st.binary(max_size=70_000))
def test_crc32c_of_two_pieces_joins_from_their_own_crcs(first, second):
    import crc32c

    joined = record.crc32c_combine(crc32c.crc32c(first), crc32c.crc32c(second), len(second))
    assert joined == crc32c.crc32c(first + second)


def test_a_chunk_with_a_known_crc_frames_the_same_record():
    import io

    data = np.random.default_rng(0).standard_normal(40_000).astype(np.float32)
    view = memoryview(data).cast("B")
    known = record.Checksummed(view, record.crc32c(view))
    records = []
    for chunks in ([b"head", view, b"tail"], [b"head", known, b"tail"]):
        buf = io.BytesIO()
        f = record.RecordFile(buf)
        assert f.write(chunks) == 4 + data.nbytes + 4 + 16
        f.flush()
        records.append(buf.getvalue())
    assert records[1] == records[0]
    assert records[0][12:-4] == b"head" + view.tobytes() + b"tail"


def test_a_caller_ahead_of_the_thread_builds_and_checksums_its_summaries_itself(
    logdir, monkeypatch
):
    """While half the queue waits, the caller builds each summary (pooling
    included) and takes its tensor's CRC before queueing it, instead of
    waiting idle; the background thread then frames and writes it without
    reading the tensor again. Every tensor is checksummed exactly once, and
    the records are the same as the thread alone would write."""
    import crc32c

    large = []  # the thread of every CRC taken over a tensor-sized buffer
    real = crc32c.crc32c

    def spy(data, *args):
        if memoryview(data).nbytes >= 1 << 16:
            large.append(threading.current_thread().name)
        return real(data, *args)

    monkeypatch.setattr(record._crc32c, "crc32c", spy)
    rng = np.random.default_rng(0)
    full = [rng.standard_normal((256, 256)).astype(np.float32) for _ in range(12)]
    with tbviz.Writer(logdir, max_queue=4) as w:
        original = w._encode

        def slow_encode(*args):  # the thread falls behind the caller
            time.sleep(0.01)
            return original(*args)

        monkeypatch.setattr(w, "_encode", slow_encode)
        for step, array in enumerate(full):
            w.weight_surface("full", array, step, max_grid=(256, 256))
            w.weight_surface("pooled", array, step, max_grid=(64, 64))
    by_caller = large.count(threading.main_thread().name)
    assert by_caller >= 8 and len(large) == len(full)  # once each; the pooled ones are small
    records, trailing = read_records(glob.glob(str(logdir / "events.out.tfevents.*"))[0])
    assert len(records) == 1 + 2 * len(full) and not trailing  # every CRC valid
    data = read_tensors(logdir)
    for step, array in enumerate(full):
        np.testing.assert_array_equal(data["full"][step][2], array)
        np.testing.assert_array_equal(
            data["pooled"][step][2],
            summary.prepare_weight_surface("pooled", array, max_grid=(64, 64)).build().array,
        )


def test_a_summary_the_caller_cannot_build_early_is_reported_as_usual(logdir, monkeypatch):
    """A build that fails on the caller's early path is left to the thread,
    which reports it on the next call like any failed build."""
    with tbviz.Writer(logdir, max_queue=2) as w:
        monkeypatch.setattr(w._file, "_behind", lambda: True)
        prepared = summary.Prepared("t", "x", lambda: 1 / 0, b"", nbytes=8)
        w.send(prepared, 0)
        with pytest.raises(RuntimeError, match="division by zero"):
            w.flush()


def test_metadata_is_written_once_per_tag(logdir):
    with tbviz.Writer(logdir) as w:
        for step in range(3):
            w.weight_surface("w", np.ones((2, 2)), step)
    (path,) = glob.glob(str(logdir / "events.out.tfevents.*"))
    from tensorboard.backend.event_processing import event_file_loader

    values = [
        e.summary.value[0]
        for e in event_file_loader.EventFileLoader(path).Load()
        if e.HasField("summary")
    ]
    assert [v.HasField("metadata") for v in values] == [True, False, False]


def test_full_queue_blocks_the_caller_instead_of_dropping(logdir, monkeypatch):
    gate = threading.Event()
    with tbviz.Writer(logdir, max_queue=2) as w:
        original = w._encode

        def slow_encode(*args):
            gate.wait(10)
            return original(*args)

        monkeypatch.setattr(w, "_encode", slow_encode)
        done = []

        def producer():
            for step in range(6):
                w.scalar("x", step, step)
                done.append(step)

        t = threading.Thread(target=producer)
        t.start()
        t.join(0.5)
        assert len(done) < 6  # blocked on the full queue
        gate.set()
        t.join(10)
        assert done == list(range(6))
    assert [e[0] for e in read_tensors(logdir)["x"]] == list(range(6))


def test_queued_snapshot_bytes_are_bounded_and_a_larger_summary_still_goes_through(
    logdir, monkeypatch
):
    """``max_queue_bytes`` bounds the arrays waiting for the thread as ``max_queue``
    bounds the summaries; one summary larger than the bound waits for an empty
    queue, then is written. Nothing is dropped or reordered."""
    budget = 3 * 64 * 64 * 4  # three 64x64 float32 snapshots
    seen = []
    with tbviz.Writer(logdir, max_queue=32, max_queue_bytes=budget) as w:
        original = w._encode

        def slow_encode(*args):  # records wait while the caller goes on
            time.sleep(0.01)
            return original(*args)

        monkeypatch.setattr(w, "_encode", slow_encode)
        for step in range(10):
            w.weight_surface("w", np.full((64, 64), step, np.float32), step, max_grid=(64, 64))
            seen.append(w._file._submitted_bytes - w._file._written_bytes)
        w.weight_surface("big", np.ones((128, 128), np.float32), 0, max_grid=(128, 128))
        seen.append(w._file._submitted - w._file._written)
    assert max(seen[:10]) <= budget and seen[-1] <= 1  # the big one waited alone
    records = read_tensors(logdir)
    assert [step for step, *_ in records["w"]] == list(range(10))
    assert [float(a.max()) for _, _, a, _ in records["w"]] == [float(s) for s in range(10)]
    assert len(records["big"]) == 1


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "8M"])
def test_max_queue_bytes_must_be_a_positive_integer(logdir, bad):
    with pytest.raises(ValueError, match="max_queue_bytes"):
        tbviz.Writer(logdir, max_queue_bytes=bad)


def test_background_thread_time_is_counted_for_the_overhead_governor(logdir):
    with tbviz.Writer(logdir) as w:
        assert w.background_seconds == 0.0
        for step in range(20):
            w.weight_surface("w", np.ones((512, 512), np.float32), step, max_grid=(512, 512))
        w.flush()
        spent = w.background_seconds
    assert spent > 0.0 and w.background_seconds == spent  # nothing more after close


def test_recycled_snapshot_buffers_never_mix_records(logdir, monkeypatch):
    """The caller's copy of a surface goes back to ``snapshots`` once its record is
    written and is reused by a later copy: each record keeps its own values, also
    when the caller changes its array right after the call and the queue is busy."""
    from tbviz_plugin import snapshots

    snapshots.clear()
    gate = threading.Event()
    array = np.zeros((64, 48), np.float32)
    with tbviz.Writer(logdir, max_queue=3) as w:
        original = w._encode

        def slow_encode(*args):  # records wait while the caller goes on
            gate.wait(10)
            return original(*args)

        monkeypatch.setattr(w, "_encode", slow_encode)
        producer = threading.Thread(
            target=lambda: [
                (array.fill(step), w.weight_surface("w", array, step, max_grid=(64, 48)))
                for step in range(12)
            ]
        )
        producer.start()
        producer.join(0.5)
        gate.set()
        producer.join(10)
        w.flush()
        assert snapshots.free_bytes() > 0  # written: back in the pool, reused
    records = read_tensors(logdir)["w"]
    assert [step for step, *_ in records] == list(range(12))
    for step, _, values, _ in records:
        assert np.all(values == step), step


def test_snapshot_pool_is_bounded_and_takes_back_only_its_kind():
    from tbviz_plugin import snapshots

    snapshots.clear()
    a = np.arange(12, dtype=np.float32).reshape(3, 4)
    copies = [snapshots.copy_of(a) for _ in range(snapshots.MAX_FREE_PER_SHAPE + 2)]
    for c in copies:
        snapshots.give_back(c)
    assert snapshots.free_bytes() == snapshots.MAX_FREE_PER_SHAPE * a.nbytes
    reused = snapshots.copy_of(a * 2)
    assert any(reused is c for c in copies) and np.array_equal(reused, a * 2)
    snapshots.give_back(a[:, :2])  # a view: not a buffer of the pool
    snapshots.give_back(np.ones((1 << 20, 20), np.float32))  # 80 MB: over the byte cap
    assert snapshots.free_bytes() == (snapshots.MAX_FREE_PER_SHAPE - 1) * a.nbytes
    snapshots.clear()
    assert snapshots.free_bytes() == 0


def test_snapshot_pool_cap_counts_what_it_holds_now_not_what_it_was_given(monkeypatch):
    """Buffers the caller takes out again leave room under ``MAX_FREE_BYTES``:
    a training loop recycles the same few buffers for ever."""
    from tbviz_plugin import snapshots

    a = np.zeros((64, 64), np.float32)
    monkeypatch.setattr(snapshots, "MAX_FREE_BYTES", 4 * a.nbytes)
    snapshots.clear()
    for _ in range(10):
        copies = [snapshots.copy_of(a) for _ in range(4)]
        for c in copies:
            snapshots.give_back(c)
        assert snapshots.free_bytes() == 4 * a.nbytes
    snapshots.give_back(np.zeros((8, 8), np.float32))  # over the cap: dropped
    assert snapshots.free_bytes() == 4 * a.nbytes
    snapshots.clear()


def test_close_twice_is_fine_and_use_after_close_is_a_clear_error(logdir):
    w = tbviz.Writer(logdir)
    w.close()
    w.close()
    with pytest.raises(tbviz.WriterClosedError, match="closed"):
        w.scalar("x", 1, 0)


def test_a_layer_whose_shape_changes_is_refused_at_that_call_naming_both_shapes(logdir):
    with tbviz.Writer(logdir) as w:
        w.weight_surface("dense/kernel", np.ones((2, 2)), 0)
        with pytest.raises(ValueError) as refused:
            w.weight_surface("dense/kernel", np.ones((3, 3)), 1)
        message = str(refused.value)
        assert "tag 'dense/kernel' was first written with shape [2, 2]" in message
        assert "this call gives shape [3, 3]" in message and "new tag" in message
        assert "\\x" not in message  # no raw protobuf bytes
        w.weight_surface("dense/kernel", np.ones((2, 2)), 2)  # the writer goes on
        w.activation_map("conv", np.ones((4, 8, 8, 3)), 0)
        with pytest.raises(ValueError, match=r"conv.*sample_shape \[8, 8, 3\].*\[8, 8, 5\]"):
            w.activation_map("conv", np.ones((2, 8, 8, 5)), 1)
        w.activation_map("conv", np.ones((2, 8, 8, 3)), 1)  # another batch size is fine
        with pytest.raises(ValueError, match="kind weight_surface; this call gives kind scalar"):
            w.scalar("dense/kernel", 1.0, 3)
    tensors = read_tensors(logdir)
    assert [step for step, *_ in tensors["dense/kernel"]] == [0, 2]
    assert [step for step, *_ in tensors["conv"]] == [0, 1]


def test_a_gradient_flow_that_gains_weight_columns_is_refused_at_the_call(logdir):
    with tbviz.Writer(logdir) as w:
        w.gradient_flow("m/gradient_flow", {"a": np.ones(2)}, 0)
        with pytest.raises(ValueError, match="m/gradient_flow.*stats"):
            w.gradient_flow("m/gradient_flow", {"a": np.ones(2)}, 1, weights={"a": np.ones(2)})


@pytest.mark.parametrize(
    "call",
    [
        lambda w: w.weight_surface("dense/kernel", None, 0),
        lambda w: w.activation_map("dense", None, 0),
        lambda w: w.gradient_flow("g", {"a": np.ones(2)}, 0, weights={"a": None}),
        lambda w: w.feature_importance("fi", None, 0),
    ],
)
def test_none_instead_of_an_array_says_so(logdir, call):
    with tbviz.Writer(logdir) as w:
        with pytest.raises(TypeError, match=r"is None, not an array.*backward\(\)"):
            call(w)


def test_gradient_flow_layers_are_fixed_by_the_first_call(logdir):
    with tbviz.Writer(logdir) as w:
        w.gradient_flow("g", {"a": np.ones(2), "b": np.ones(2)}, 0)
        w.gradient_flow("g", {"b": np.ones(2)}, 1)  # a missing layer: NaN row
        with pytest.raises(ValueError, match="new tag"):
            w.gradient_flow("g", {"a": np.ones(2), "c": np.ones(2)}, 2)
    rows = read_tensors(logdir)["g"]
    assert np.isnan(rows[1][2][0]).all() and rows[1][2][1, 2] == pytest.approx(np.sqrt(2))


def test_bad_step_is_rejected_on_the_callers_thread(logdir):
    with tbviz.Writer(logdir) as w:
        with pytest.raises(TypeError, match="step"):
            w.scalar("x", 1.0, "3")
        with pytest.raises(ValueError, match="step"):
            w.weight_surface("w", np.ones(3), -2)


def test_nan_and_inf_are_stored_not_raised(logdir):
    a = np.array([[np.nan, np.inf], [-np.inf, 1.0]], np.float32)
    with tbviz.Writer(logdir) as w:
        w.weight_surface("w", a, 0)
    np.testing.assert_array_equal(read_tensors(logdir)["w"][0][2], a)


def test_memory_url_logdir_through_fsspec():
    fsspec = pytest.importorskip("fsspec")
    with tbviz.Writer("memory://tbviz-test/run1") as w:
        w.scalar("loss", 0.5, 1)
        path = w.path
    fs = fsspec.filesystem("memory")
    # Segment 0 (uploaded at open, so the run is visible at once) and segment 1.
    first, second = sorted(fs.ls("/tbviz-test/run1", detail=False))
    assert first.rsplit("/", 1)[-1].startswith("events.out.tfevents.")
    assert path.endswith(first.rsplit("/", 1)[-1]) and first.endswith(".000000")
    assert second.endswith(".000001")
    for name in (first, second):
        data = fs.cat(name)
        length = int.from_bytes(data[:8], "little")
        assert event_pb2.Event.FromString(data[12 : 12 + length]).file_version == "brain.Event:2"


def test_two_writers_in_one_directory_write_two_files(logdir):
    with tbviz.Writer(logdir) as a, tbviz.Writer(logdir) as b:
        a.scalar("x", 1, 0)
        b.scalar("y", 2, 0)
    assert len(glob.glob(str(logdir / "events.out.tfevents.*"))) == 2


def _run_python(code, tmp_path):
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code))
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )


def test_writer_works_where_tensorflow_and_torch_cannot_be_imported(tmp_path):
    result = _run_python(
        f"""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("tensorflow", "torch", "jax", "keras"):
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, Block())
        import numpy as np
        import tbviz_plugin as tbviz
        with tbviz.Writer({str(tmp_path / "run")!r}) as w:
            w.weight_surface("w", np.ones((3, 4)), 0)
            w.gradient_flow("g", {{"a": np.ones(2)}}, 0)
        from tensorboard.backend.event_processing import event_accumulator as ea
        acc = ea.EventAccumulator({str(tmp_path / "run")!r}, size_guidance={{ea.TENSORS: 0}})
        acc.Reload()
        print(sorted(acc.Tags()["tensors"]))
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("tensorflow", "torch", "jax")))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["['g', 'w']", "[]"]


def test_records_are_flushed_at_interpreter_exit_without_close(tmp_path):
    result = _run_python(
        f"""
        import numpy as np, tbviz_plugin as tbviz
        w = tbviz.Writer({str(tmp_path / "run")!r}, flush_secs=3600)
        for step in range(20):
            w.weight_surface("w", np.full((16, 16), step), step)
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert [e[0] for e in read_tensors(tmp_path / "run")["w"]] == list(range(20))


def test_importing_the_package_imports_neither_tensorflow_nor_torch(tmp_path):
    result = _run_python(
        """
        import sys, tbviz_plugin
        heavy = ("tensorflow", "torch", "jax", "keras")
        print(sorted(m for m in sys.modules if m.split(".")[0] in heavy))
        """,
        tmp_path,
    )
    assert result.stdout.strip() == "[]", result.stderr


def test_background_error_surfaces_on_the_next_call(logdir, monkeypatch):
    w = tbviz.Writer(logdir)

    def broken(*args):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(w, "_encode", broken)
    w.scalar("x", 1, 0)
    with pytest.raises(RuntimeError, match="disk full"):
        w.flush()
    w.close()
    assert os.path.exists(w.path)


def test_activation_batch_size_may_change_between_steps(logdir):
    with tbviz.Writer(logdir) as w:
        w.activation_map("dense", np.ones((32, 10)), 0)
        w.activation_map("dense", np.ones((7, 10)), 1)  # a last, smaller batch
    shapes = [e[2].shape for e in read_tensors(logdir)["dense"]]
    assert shapes == [(32, 10), (7, 10)]


def test_precomputed_gradient_flow_table_matches_computed_one(logdir):
    grads = {"a": np.array([3.0, -4.0]), "b": np.array([1.0, np.nan])}
    reference = summary.prepare_gradient_flow("g", grads).build()
    layers = reference.metadata.plugin_data.content
    with tbviz.Writer(logdir) as w:
        w.gradient_flow_table("g", ["a", "b"], json.loads(layers)["stats"], reference.array, 4)
        with pytest.raises(ValueError, match="table must have shape"):
            w.gradient_flow_table("h", ["a"], ["mean_abs"], np.ones((2, 1)), 4)
    ((step, _, array, md),) = read_tensors(logdir)["g"]
    assert step == 4 and md.plugin_data.content == layers
    np.testing.assert_array_equal(array, reference.array)

"""The writer under faults: kill -9, signals, a full disk, an unwritable logdir,
two processes in one run directory, use after close. Real files and processes."""

import errno
import itertools
import logging
import os
import signal
import subprocess

import numpy as np
import pytest
from event_reading import read_tensors
from tensorboard.compat.proto import event_pb2

import tbviz_plugin as tbviz
from tbviz_plugin.logdir import LogdirData
from tbviz_plugin.writer import sink

from .faults import event_files, python_process, read_records, tmpfs, wait_for_line

# --------------------------------------------------------------------------- kill -9


def test_sigkill_keeps_every_flushed_record_and_readers_skip_the_torn_tail(tmp_path):
    run = tmp_path / "killed"
    # The child flushes after every 5th step and says so, and writes 256 KB
    # tensors without pause, so the kill lands while records are in flight.
    proc = python_process(
        f"""
        import numpy as np, tbviz_plugin as tbviz
        w = tbviz.Writer({str(run)!r}, flush_secs=3600)
        step = 0
        while True:
            w.weight_surface("w", np.full((256, 256), step, np.float32), step)
            w.gradient_flow("g", {{"a": np.full(4, step + 1.0)}}, step)
            if step % 5 == 4:
                w.flush()
                print("flushed", step, flush=True)
            step += 1
        """
    )
    last = int(wait_for_line(proc, lambda line: line == "flushed 49").split()[1])
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL
    (path,) = event_files(run)
    # Make the torn tail certain: half of a record, as a kill inside write() leaves.
    with open(path, "ab") as f:
        f.write(read_records(path)[0][-1][:7] + b"\x00" * 5)
    records, torn = read_records(path)
    assert torn

    by_tag = read_tensors(run)  # TensorBoard's own loader
    steps = [s for s, *_ in by_tag["w"]]
    assert steps[: last + 1] == list(range(last + 1))
    assert steps == list(range(len(steps)))  # in order, nothing doubled or garbled
    for step, _, array, _ in by_tag["w"]:
        assert array.shape == (256, 256) and (array == step).all()
    data = LogdirData(str(tmp_path))  # tbviz's own reader (the CLI's)
    assert [s.step for s in data.steps("killed", "w")] == steps
    assert len(records) == 1 + len(steps) + len(by_tag["g"])  # + the file-version record


# --------------------------------------------------------------------------- signals


def _writer_child(run, before=""):
    """A child that installs ``before``, writes 30 steps unflushed, then waits."""
    return python_process(
        f"""
        import os, signal, sys, time
        import numpy as np, tbviz_plugin as tbviz
        {before}
        w = tbviz.Writer({str(run)!r}, flush_secs=3600)
        for step in range(30):
            w.weight_surface("w", np.full((8, 8), step, np.float32), step)
        print("ready", flush=True)
        time.sleep(120)
        """
    )


def test_sigterm_flushes_then_terminates_by_the_signal(tmp_path):
    proc = _writer_child(tmp_path / "run")
    wait_for_line(proc, lambda line: line == "ready")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(60) == -signal.SIGTERM  # the default action still happens
    assert [s for s, *_ in read_tensors(tmp_path / "run")["w"]] == list(range(30))


def test_sigterm_chains_to_the_handler_installed_before(tmp_path):
    proc = _writer_child(
        tmp_path / "run",
        before="""
        def mine(signum, frame):
            print("user handler", signum == signal.SIGTERM, flush=True)
            sys.exit(3)
        signal.signal(signal.SIGTERM, mine)
        """,
    )
    wait_for_line(proc, lambda line: line == "ready")
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 3 and "user handler True" in out
    assert [s for s, *_ in read_tensors(tmp_path / "run")["w"]] == list(range(30))


def test_sigint_flushes_and_still_raises_keyboard_interrupt(tmp_path):
    # The loop catches KeyboardInterrupt and leaves with os._exit, which skips
    # atexit: only the flush on the signal itself can have saved the records.
    proc = python_process(
        f"""
        import os, time
        import numpy as np, tbviz_plugin as tbviz
        w = tbviz.Writer({str(tmp_path / "run")!r}, flush_secs=3600)
        for step in range(30):
            w.weight_surface("w", np.full((8, 8), step, np.float32), step)
        try:
            print("ready", flush=True)
            time.sleep(120)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            os._exit(7)
        """
    )
    wait_for_line(proc, lambda line: line == "ready")
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 7 and "interrupted" in out
    assert [s for s, *_ in read_tensors(tmp_path / "run")["w"]] == list(range(30))


def test_ignored_sigterm_stays_ignored(tmp_path):
    proc = python_process(
        f"""
        import signal, sys
        import numpy as np, tbviz_plugin as tbviz
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        w = tbviz.Writer({str(tmp_path / "run")!r}, flush_secs=3600)
        for step in range(30):
            w.weight_surface("w", np.full((8, 8), step, np.float32), step)
        print("ready", flush=True)
        sys.stdin.readline()  # the signal interrupts this read first; tbviz's handler runs
        print("alive", flush=True)
        """,
        stdin=subprocess.PIPE,
    )
    wait_for_line(proc, lambda line: line == "ready")
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate("go on\n", timeout=60)
    assert proc.returncode == 0 and "alive" in out
    assert [s for s, *_ in read_tensors(tmp_path / "run")["w"]] == list(range(30))


# --------------------------------------------------------------------------- full disk


def _fill(w, steps=60):
    """Writes until well past a 64 KB disk; returns the steps the caller logged."""
    for step in range(steps):
        w.weight_surface("w", np.full((32, 32), step, np.float32), step)
        w.scalar("loss", 1.0 / (step + 1), step)
        if step % 10 == 9:
            w.flush()
    return steps


def _assert_prefix_reads_back(run):
    by_tag = read_tensors(run)
    steps = [s for s, *_ in by_tag["w"]]
    assert steps and steps == list(range(len(steps)))
    assert all((array == step).all() for step, _, array, _ in by_tag["w"])


def _warnings(caplog):
    return [r for r in caplog.records if r.name == "tbviz" and r.levelno >= logging.WARNING]


def _full_store_pipe(real_pipe_file, budget):
    """``MemoryFileSystem.pipe_file`` of a store with ``budget`` bytes free: an
    upload that does not fit raises ENOSPC (a remote run is written as whole
    segments, one upload each; see writer/sink.py)."""
    free = [budget]

    def pipe_file(self, path, value, *args, **kwargs):
        if len(value) > free[0]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        free[0] -= len(value)
        return real_pipe_file(self, path, value, *args, **kwargs)

    return pipe_file


@pytest.fixture(params=["tmpfs", "fsspec"])
def full_disk(request, tmp_path, monkeypatch):
    """A logdir on a 64 KB disk: a real tmpfs, or an fsspec store that raises ENOSPC."""
    if request.param == "tmpfs":
        with tmpfs("64k") as where:
            yield os.path.join(where, "run"), lambda: os.path.join(where, "run")
        return
    fsspec = pytest.importorskip("fsspec")
    from fsspec.implementations.memory import MemoryFileSystem

    monkeypatch.setattr(
        MemoryFileSystem, "pipe_file", _full_store_pipe(MemoryFileSystem.pipe_file, 64 * 1024)
    )
    url = f"memory://tbviz-full-{os.getpid()}-{id(request)}/run"

    def copy_out():  # to read it back with TensorBoard's loader
        fs = fsspec.filesystem("memory")
        local = tmp_path / "copied"
        local.mkdir(exist_ok=True)
        for name in fs.ls(url[len("memory://") :], detail=False):
            (local / name.rsplit("/", 1)[-1]).write_bytes(fs.cat(name))
        return local

    yield url, copy_out


def test_full_disk_warns_once_and_training_goes_on(full_disk, caplog):
    logdir, readable = full_disk
    w = tbviz.Writer(logdir, flush_secs=0.05)
    _fill(w)  # never raises
    w.close()
    assert isinstance(w.error, OSError) and w.error.errno == errno.ENOSPC
    (warning,) = _warnings(caplog)
    assert "No space left on device" in warning.getMessage() and w.path in warning.getMessage()
    assert "strict=True" in warning.getMessage()
    _assert_prefix_reads_back(readable())


def test_full_disk_in_strict_mode_raises_on_every_later_call(full_disk):
    logdir, readable = full_disk
    w = tbviz.Writer(logdir, flush_secs=0.05, strict=True)
    with pytest.raises(tbviz.WriterIOError) as raised:
        _fill(w)
    assert raised.value.errno == errno.ENOSPC and w.path in str(raised.value)
    with pytest.raises(tbviz.WriterIOError, match="No space left"):
        w.scalar("loss", 0.0, 999)
    with pytest.raises(tbviz.WriterIOError):
        w.close()
    _assert_prefix_reads_back(readable())


def test_full_disk_during_real_pytorch_training_lets_training_finish(caplog):
    torch = pytest.importorskip("torch")
    from sklearn.datasets import load_digits

    from tbviz_plugin.integrations import torch as tbviz_torch

    digits = load_digits()
    x = torch.tensor(digits.data[:256] / 16.0, dtype=torch.float32)
    y = torch.tensor(digits.target[:256])
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    with tmpfs("64k") as where:
        watcher = tbviz_torch.watch(
            model, os.path.join(where, "torch_run"), every=1, optimizer=optimizer
        )
        losses = []
        for _ in range(30):
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        watcher.remove()
        assert len(_warnings(caplog)) == 1
        assert losses[-1] < losses[0]  # training really ran to the end


# --------------------------------------------------------------------------- unwritable logdir


@pytest.fixture(params=["not_a_directory", "read_only_mount"])
def unwritable(request, tmp_path):
    if request.param == "not_a_directory":
        (tmp_path / "file").write_text("a file where the logdir's parent should be")
        yield str(tmp_path / "file" / "run")
        return
    with tmpfs("64k", "ro") as where:
        yield os.path.join(where, "run")


def test_unwritable_logdir_warns_once_and_calls_go_on(unwritable, caplog):
    w = tbviz.Writer(unwritable)
    for step in range(5):
        w.weight_surface("w", np.ones((4, 4)), step)
        w.flush()
    w.close()
    assert isinstance(w.error, OSError)
    (warning,) = _warnings(caplog)
    assert "cannot create an event file in " + unwritable in warning.getMessage()


def test_unwritable_logdir_in_strict_mode_raises_at_once(unwritable):
    with pytest.raises(tbviz.WriterIOError, match="tbviz writer for " + unwritable):
        tbviz.Writer(unwritable, strict=True)


# --------------------------------------------------------------------------- sharing a run


def test_two_processes_in_one_run_directory_write_two_valid_files(tmp_path):
    run = tmp_path / "shared"
    procs = [
        python_process(
            f"""
            import numpy as np, tbviz_plugin as tbviz
            with tbviz.Writer({str(run)!r}, flush_secs=0.01) as w:
                for step in range(200):
                    w.weight_surface("w", np.full((64, 64), {k} * 1000 + step, np.float32), step)
            """
        )
        for k in (1, 2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    files = event_files(run)
    assert len(files) == 2
    owners = set()
    for path in files:
        records, torn = read_records(path)
        assert not torn and len(records) == 201  # file version + 200 events, all CRC-valid
        values = set()
        for payload in records[1:]:
            event = event_pb2.Event.FromString(payload)
            content = event.summary.value[0].tensor.tensor_content
            values |= set(np.frombuffer(content, "<f4").tolist())
        owner = {int(v) // 1000 for v in values}
        assert len(owner) == 1  # nothing of the other process in this file
        owners |= owner
    assert owners == {1, 2}


def test_a_taken_file_name_is_never_overwritten(tmp_path, monkeypatch):
    monkeypatch.setattr(sink, "_file_counter", itertools.count())
    monkeypatch.setattr(sink.socket, "gethostname", lambda: "host")
    monkeypatch.setattr(sink.time, "time", lambda: 1_700_000_000.0)
    tmp_path.joinpath("run").mkdir()
    taken = tmp_path / "run" / f"events.out.tfevents.1700000000.host.{os.getpid()}.tbviz000000"
    taken.write_bytes(b"another writer's records")
    with tbviz.Writer(tmp_path / "run") as w:
        w.scalar("x", 1.0, 0)
    assert taken.read_bytes() == b"another writer's records"
    assert w.path.endswith(f".{os.getpid()}.tbviz000001")


def test_files_of_one_second_sort_in_the_order_they_were_opened(tmp_path, monkeypatch):
    """TensorBoard reads a run's files in name order: the 10th file must not sort
    before the 9th (it did before the counter was padded: a second fit's steps were
    read before the first's)."""
    monkeypatch.setattr(sink, "_file_counter", itertools.count(8))
    monkeypatch.setattr(sink.time, "time", lambda: 1_700_000_000.0)
    paths = []
    for step in range(4):
        with tbviz.Writer(tmp_path / "run") as w:
            w.scalar("x", float(step), step)
        paths.append(w.path)
    assert sorted(paths) == paths  # counters 8, 9, 10, 11


def test_a_torch_summary_writer_in_the_same_run_and_second_keeps_its_own_file(tmp_path):
    """torch's writer names files like TensorFlow's, counter from 0, and opens them
    with "wb": a tbviz file of the same name would be truncated."""
    torch_tb = pytest.importorskip("torch.utils.tensorboard")
    run = tmp_path / "run"
    with tbviz.Writer(run) as w:
        w.scalar("tbviz_loss", 1.0, 0)
        w.flush()
        other = torch_tb.SummaryWriter(str(run))
        other.add_scalar("torch_loss", 2.0, 0)
        other.close()
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    assert len(event_files(run)) == 2
    # Each file on its own: the Python loader would stop after one of the same name.
    scalars = {}
    for path in event_files(run):
        accumulator = EventAccumulator(str(path)).Reload()
        scalars.update({t: accumulator.Scalars(t) for t in accumulator.Tags()["scalars"]})
        scalars.update({t: accumulator.Tensors(t) for t in accumulator.Tags()["tensors"]})
    assert sorted(scalars) == ["tbviz_loss", "torch_loss"]


# --------------------------------------------------------------------------- after close


def test_every_method_after_close_raises_writer_closed_error(tmp_path):
    w = tbviz.Writer(tmp_path / "run")
    w.close()
    calls = [
        lambda: w.scalar("x", 1.0, 0),
        lambda: w.weight_surface("w", np.ones((2, 2)), 0),
        lambda: w.activation_map("a", np.ones((2, 2)), 0),
        lambda: w.gradient_flow("g", {"a": np.ones(2)}, 0),
        lambda: w.health("h", [{"code": "nan"}], 0),
        w.flush,
    ]
    for call in calls:
        with pytest.raises(tbviz.WriterClosedError, match="closed"):
            call()
    w.close()  # closing again stays fine

"""Helpers of the reliability suite: breaking files, mounts and processes on purpose.

A module of its own (not a conftest) so that tests import it by name, as they
do ``tb_server`` and ``event_reading``.
"""

import contextlib
import glob
import os
import subprocess
import sys
import tempfile
import textwrap
import time

import psutil
import pytest

from tbviz_plugin.writer import record


def python_process(code, **popen):
    """Starts ``python -c code`` (dedented) with this worktree's tbviz on the path."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def wait_for_line(proc, predicate, timeout=120):
    """Reads the process's stdout until a line satisfies ``predicate``; returns it."""
    deadline = time.monotonic() + timeout
    for line in proc.stdout:
        if predicate(line.strip()):
            return line.strip()
        if time.monotonic() > deadline:
            break
    proc.kill()
    raise AssertionError(f"the process never printed the line; stderr:\n{proc.stderr.read()}")


def event_files(run_dir):
    return sorted(glob.glob(os.path.join(str(run_dir), "events.out.tfevents.*")))


def read_records(path):
    """Every complete, CRC-valid record of a file, and whether bytes follow the last."""
    data = open(path, "rb").read()
    records, offset = [], 0
    while offset + 12 <= len(data):
        length = int.from_bytes(data[offset : offset + 8], "little")
        header_crc = int.from_bytes(data[offset + 8 : offset + 12], "little")
        if record.masked_crc32c(data[offset : offset + 8]) != header_crc:
            break
        end = offset + 12 + length + 4
        if end > len(data):
            break
        payload = data[offset + 12 : offset + 12 + length]
        if record.masked_crc32c(payload) != int.from_bytes(data[end - 4 : end], "little"):
            break
        records.append(payload)
        offset = end
    return records, offset < len(data)


def record_offsets(path):
    """(start, end) byte offsets of each record of a well-formed file."""
    data = open(path, "rb").read()
    out, offset = [], 0
    while offset < len(data):
        length = int.from_bytes(data[offset : offset + 8], "little")
        end = offset + 12 + length + 4
        out.append((offset, end))
        offset = end
    return out


@contextlib.contextmanager
def tmpfs(size="64k", options=""):
    """A fresh tmpfs of ``size`` (a small disk to fill); skips without the privilege."""
    where = tempfile.mkdtemp(prefix="tbviz-tmpfs-")
    opts = f"size={size}" + (f",{options}" if options else "")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", opts, "tmpfs", where], capture_output=True, text=True
    )
    if result.returncode != 0:
        os.rmdir(where)
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()})")
    try:
        yield where
    finally:
        subprocess.run(["umount", where], check=False)
        os.rmdir(where)


def tensorboard_rss(logdir):
    """Resident memory in bytes of the tensorboard process serving ``logdir``
    and its children (the Rust data server under ``--load_fast=true``)."""
    total = 0
    for proc in psutil.Process().children(recursive=True):
        try:
            cmdline = proc.cmdline()
        except psutil.Error:
            continue
        if any("tensorboard" in part for part in cmdline[:2]) and str(logdir) in cmdline:
            for p in [proc, *proc.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
    assert total, f"no tensorboard process found for {logdir}"
    return total


def write_raw_event(path, tag, md, array, step, wall_time=None):
    """Appends one event with arbitrary metadata and tensor, bypassing the writer's checks."""
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.util import tensor_util

    tensor = tensor_util.make_tensor_proto(array)  # any dtype, as other writers may
    proto = summary_pb2.Summary(
        value=[summary_pb2.Summary.Value(tag=tag, metadata=md, tensor=tensor)]
    )
    event = event_pb2.Event(
        wall_time=time.time() if wall_time is None else wall_time, step=step, summary=proto
    )
    with open(path, "ab") as f:
        record.RecordFile(f, buffer_size=0).write([event.SerializeToString()])

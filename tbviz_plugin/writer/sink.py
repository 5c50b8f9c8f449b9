"""Where an event file's records go: a local file, or closed segments in an object store.

A local file is appended to and flushed in place. An object store (S3, GCS,
Azure, anything fsspec knows) has no append: re-uploading a growing file on
every flush costs the whole file each time (TensorBoard's own writer is known
for this), and a reader may see a half-written object. So a remote run is
written as a sequence of *segments*: each is built in memory, closed, and
uploaded once, whole, with one ``pipe_file`` call; it is never written again.

A segment is closed when it reaches ``segment_bytes`` (size rotation), on
every flush (time rotation: the writer flushes at least every ``flush_secs``
while records arrive) and on close. Every segment starts with its own
``file_version`` record, like any TensorFlow event file. Segment names sort in
writing order (see ``segment_name``), which is the order in which both of
TensorBoard's loaders read the files of a run: the Python loader
(``directory_watcher``) walks ``sorted()`` paths and the Rust data server keeps
a ``BTreeMap`` of file names.

Example:
    >>> s = open_sink("memory://sink-doc/run", segment_bytes=1 << 20)
    >>> s.write([b"payload"]); s.flush(); s.close()
    23
"""

from __future__ import annotations

import io
import itertools
import os
import socket
import time
from typing import BinaryIO, Optional, Protocol, Sequence, Tuple

from tbviz_plugin.checks import check_positive_int
from tbviz_plugin.writer import record, wire

DEFAULT_SEGMENT_BYTES = 32 << 20

_file_counter = itertools.count()


def is_remote(logdir: str) -> bool:
    """True for an fsspec URL (``memory://``, ``s3://`` ...), False for a local path."""
    return "://" in logdir and not logdir.startswith("file://")


def event_file_name(suffix: str = "") -> str:
    """A new event file name: ``events.out.tfevents.<time>.<host>.<pid>.tbviz<n>``.

    TensorFlow's pattern, whose zero-padded time makes later writers' files sort
    after earlier ones; host, pid and a per-process counter keep two writers
    from sharing a file. The counter is zero-padded too (six digits): a
    process's tenth file of a second sorts after its ninth, as TensorBoard,
    which reads a run's files in name order, expects. The ``tbviz`` before
    the counter keeps a tbviz file apart from a torch/tensorboardX/TensorFlow
    writer's opened in the same second by the same process (their counters
    also start at 0, and they open with ``"wb"``, which would truncate ours).
    """
    return (
        f"events.out.tfevents.{int(time.time()):010d}.{socket.gethostname()}"
        f".{os.getpid()}.tbviz{next(_file_counter):06d}{suffix}"
    )


def segment_name(base: str, index: int, suffix: str = "") -> str:
    """The name of segment ``index`` of the event file ``base``: ``<base>.<index:06d><suffix>``.

    The index is zero-padded so that lexicographic order (the order
    TensorBoard reads a run's files in) is writing order.

    Example:
        >>> segment_name("events.out.tfevents.1700000000.h.42.0", 3)
        'events.out.tfevents.1700000000.h.42.0.000003'
    """
    if not 0 <= index < 1_000_000:
        raise ValueError(f"segment index must be in [0, 999999], got {index}")
    return f"{base}.{index:06d}{suffix}"


def open_event_file(logdir: str, suffix: str = "") -> Tuple[BinaryIO, str]:
    """Creates the local directory ``logdir`` and a new, uniquely named event file in it.

    The file is created exclusively, so even a name clash (two hosts of the same
    name sharing a directory, pid reuse) gets the next number instead of
    truncating or interleaving another writer's file.
    """
    if logdir.startswith("file://"):
        logdir = logdir[len("file://") :]
    os.makedirs(logdir, exist_ok=True)
    name = event_file_name(suffix)
    for _ in range(100):
        path = os.path.join(logdir, name)
        try:
            # Unbuffered: record.RecordFile gathers small parts itself and writes
            # large ones without the copy a BufferedWriter would make.
            return open(path, "xb", buffering=0), path
        except FileExistsError:
            name = event_file_name(suffix)
    raise FileExistsError(f"no unused event file name in {logdir} (last tried {name})")


class LocalAppendSink:
    """One local event file, appended to and flushed in place.

    Args:
      logdir: a local directory (or ``file://`` URL); created if missing.
      suffix: appended to the file name.
    """

    def __init__(self, logdir: str, suffix: str = "") -> None:
        stream, self.path = open_event_file(logdir, suffix)
        self._file = record.RecordFile(stream)
        self._file.write(wire.encode_file_version(time.time()))

    def write(self, chunks: Sequence[record.Buffer]) -> int:
        """Appends one record; returns its length in bytes."""
        return self._file.write(chunks)

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def abort(self) -> None:
        """Closes the file after a failed write without writing what was gathered."""
        self._file.stream.close()


class SegmentedRemoteSink:
    """An event file written to an fsspec URL as closed segments, each uploaded once.

    Memory is bounded by ``segment_bytes`` plus one record: the open segment
    is the only buffer. An upload that fails keeps its segment and raises;
    the writer then stops writing (see docs/reliability.md) and ``abort()``
    tries that segment once more at close, under the same name.

    Args:
      logdir: an fsspec URL of the run directory (``s3://bucket/run``).
      suffix: appended to every segment's name.
      segment_bytes: a segment is closed and uploaded once it holds this many bytes.

    Example:
        >>> s = SegmentedRemoteSink("memory://doc-seg/run", segment_bytes=64)
        >>> _ = [s.write([b"x" * 40]) for _ in range(3)]; s.close()
        >>> s.segments_uploaded
        3
    """

    def __init__(
        self, logdir: str, suffix: str = "", *, segment_bytes: int = DEFAULT_SEGMENT_BYTES
    ) -> None:
        check_positive_int(segment_bytes, "segment_bytes")
        import fsspec  # only needed for remote logdirs

        self._fs, root = fsspec.core.url_to_fs(logdir)
        self._fs.makedirs(root, exist_ok=True)
        self._root = root.rstrip("/")
        self._url = logdir.rstrip("/")
        self._base = event_file_name()
        self._suffix = suffix
        self._segment_bytes = segment_bytes
        self._index = 0  # of the open segment; also how many are uploaded
        self._start_segment()
        self.path = self._segment_url(0)

    def _segment_url(self, index: int) -> str:
        return self._url + "/" + segment_name(self._base, index, self._suffix)

    def _start_segment(self) -> None:
        self._buffer = io.BytesIO()
        # buffer_size=0: every record goes to the BytesIO at once, so tell() is the size.
        self._file = record.RecordFile(self._buffer, buffer_size=0)
        self._records = 0
        self._file.write(wire.encode_file_version(time.time()))

    def write(self, chunks: Sequence[record.Buffer]) -> int:
        """Adds one record to the open segment; closes it once it is full."""
        n = self._file.write(chunks)
        self._records += 1
        if self._buffer.tell() >= self._segment_bytes:
            self._close_segment()
        return n

    def flush(self) -> None:
        """Closes and uploads the open segment if it holds records (or is the run's first)."""
        if self._records or self._index == 0:
            self._close_segment()

    def close(self) -> None:
        self.flush()

    def abort(self) -> None:
        """After a failure: one last try to upload the open segment, which holds
        only whole records (a record is added to it in one piece)."""
        self.flush()

    @property
    def segments_uploaded(self) -> int:
        return self._index

    def _close_segment(self) -> None:
        self._file.flush()
        name = segment_name(self._base, self._index, self._suffix)
        # One PUT of a complete object: readers never see a partial segment.
        self._fs.pipe_file(self._root + "/" + name, self._buffer.getvalue())
        self._index += 1
        self._start_segment()


class Sink(Protocol):
    """What ``event_file.EventFileWriter`` writes records into."""

    path: str

    def write(self, chunks: Sequence[record.Buffer]) -> int: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None:
        """Closes after a write failed, keeping every record completed before it."""


def open_sink(logdir: str, suffix: str = "", *, segment_bytes: Optional[int] = None) -> Sink:
    """The sink for ``logdir``: segments for an fsspec URL, one appended file otherwise.

    ``segment_bytes`` (default 32 MiB) applies to remote logdirs; a local file
    is never rotated.
    """
    if segment_bytes is None:
        segment_bytes = DEFAULT_SEGMENT_BYTES
    check_positive_int(segment_bytes, "segment_bytes")
    if is_remote(logdir):
        return SegmentedRemoteSink(logdir, suffix, segment_bytes=segment_bytes)
    return LocalAppendSink(logdir, suffix)

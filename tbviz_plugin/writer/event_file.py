"""One event file, written by a background thread from a bounded queue.

The caller's thread only enqueues a job (a zero-argument function returning
the buffers of one event); the thread runs it, frames it as a record and
writes it. A full queue blocks the caller (back-pressure) instead of dropping
records or growing without bound. An error on the thread is kept and raised on
the caller's next call, so it is never silent.

Example:
    >>> import tempfile
    >>> from tbviz_plugin.writer import wire
    >>> f = EventFileWriter(tempfile.mkdtemp())
    >>> f.submit(lambda: wire.encode_file_version(0.0)); f.close()
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import socket
import threading
import time
from typing import Any, BinaryIO, Callable, Optional, Sequence, Tuple

from tbviz_plugin.writer import record, wire

logger = logging.getLogger("tbviz")

Job = Callable[[], Optional[Sequence[record.Buffer]]]

_file_counter = itertools.count()


class WriterClosedError(RuntimeError):
    """The writer was used after ``close()``."""


class _Flush:
    def __init__(self) -> None:
        self.done = threading.Event()


_STOP = object()


def is_remote(logdir: str) -> bool:
    """True for an fsspec URL (``memory://``, ``s3://`` ...), False for a local path."""
    return "://" in logdir and not logdir.startswith("file://")


def open_event_file(logdir: str, suffix: str = "") -> Tuple[BinaryIO, str]:
    """Creates ``logdir`` and a new, uniquely named event file in it.

    The name follows TensorFlow's (``events.out.tfevents.<time>.<host>.<pid>.<n>``)
    so that TensorBoard finds it and two processes never share a file.
    """
    name = "events.out.tfevents.%010d.%s.%d.%d%s" % (
        int(time.time()),
        socket.gethostname(),
        os.getpid(),
        next(_file_counter),
        suffix,
    )
    if is_remote(logdir):
        import fsspec  # only needed for remote logdirs

        fs, root = fsspec.core.url_to_fs(logdir)
        fs.makedirs(root, exist_ok=True)
        path = root.rstrip("/") + "/" + name
        return fs.open(path, "wb"), logdir.rstrip("/") + "/" + name
    if logdir.startswith("file://"):
        logdir = logdir[len("file://") :]
    os.makedirs(logdir, exist_ok=True)
    path = os.path.join(logdir, name)
    return open(path, "wb", buffering=1 << 20), path


class EventFileWriter:
    """Writes records into one event file on a background thread.

    Args:
      logdir: local directory or fsspec URL; created if missing.
      max_queue: events that may wait for the thread before ``submit`` blocks.
      flush_secs: the file is flushed at least this often while events arrive.
      filename_suffix: appended to the file name.
    """

    def __init__(
        self, logdir: str, *, max_queue: int = 32, flush_secs: float = 10.0, filename_suffix: str = ""
    ) -> None:
        if isinstance(max_queue, bool) or not isinstance(max_queue, int) or max_queue < 1:
            raise ValueError(f"max_queue must be a positive integer, got {max_queue!r}")
        if not isinstance(flush_secs, (int, float)) or not flush_secs > 0:
            raise ValueError(f"flush_secs must be a positive number, got {flush_secs!r}")
        self._file, self.path = open_event_file(str(logdir), filename_suffix)
        self._flush_secs = float(flush_secs)
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=max_queue)
        self._error: Optional[BaseException] = None
        self._closed = False
        self._lock = threading.Lock()
        self._write(wire.encode_file_version(time.time()))
        self._file.flush()
        self._thread = threading.Thread(target=self._run, name="tbviz-writer", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ caller side

    def submit(self, job: Job) -> None:
        """Queues one event; blocks while the queue is full."""
        self._check()
        self._queue.put(job)

    def flush(self) -> None:
        """Returns once every event submitted so far is written and flushed."""
        self._check()
        marker = _Flush()
        self._queue.put(marker)
        while not marker.done.wait(0.5):
            if not self._thread.is_alive():
                break
        self._raise_pending()

    def close(self) -> None:
        """Writes everything queued, flushes and closes the file. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._queue.put(_STOP)
        self._thread.join()
        self._raise_pending()

    @property
    def closed(self) -> bool:
        return self._closed

    def _check(self) -> None:
        if self._closed:
            raise WriterClosedError(f"this tbviz writer for {self.path} is closed")
        self._raise_pending()

    def _raise_pending(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise RuntimeError(f"tbviz writer for {self.path} failed: {error}") from error

    # ------------------------------------------------------------------ thread side

    def _write(self, chunks: Sequence[record.Buffer]) -> None:
        record.write_record(self._file, chunks)

    def _run(self) -> None:
        last_flush = time.monotonic()
        try:
            while True:
                try:
                    item = self._queue.get(timeout=self._flush_secs)
                except queue.Empty:
                    item = None
                if item is _STOP:
                    break
                if isinstance(item, _Flush):
                    self._safely(self._file.flush)
                    last_flush = time.monotonic()
                    item.done.set()
                    continue
                if item is not None:
                    self._safely(lambda: self._write_job(item))
                if time.monotonic() - last_flush >= self._flush_secs:
                    self._safely(self._file.flush)
                    last_flush = time.monotonic()
        finally:
            self._safely(self._file.flush)
            self._safely(self._file.close)

    def _write_job(self, job: Job) -> None:
        chunks = job()
        if chunks:
            self._write(chunks)

    def _safely(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except Exception as e:  # kept and raised on the caller's next call
            logger.error("tbviz writer for %s: %s", self.path, e)
            if self._error is None:
                self._error = e


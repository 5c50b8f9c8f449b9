"""One event file, written by a background thread from a bounded queue.

The caller's thread only enqueues a job (a zero-argument function returning
the buffers of one event); the thread runs it, frames it as a record and
writes it. A full queue blocks the caller (back-pressure) instead of dropping
records or growing without bound. An error while encoding a record (a bad
argument or a bug) is kept and raised on the caller's next call, so it is
never silent.

An I/O failure (disk full, logdir unwritable, remote store gone) follows the
policy of docs/reliability.md: by default one warning is logged, the file
keeps every record completed before the failure, nothing more is written to
it (a reader stops at the torn record), and training goes on; with
``strict=True`` every later call raises ``WriterIOError`` instead.

The caller's side is kept to a few microseconds: the queue is a C
``queue.SimpleQueue`` (``queue.Queue`` takes two Python-level locks and a
condition per ``put``), the bound is kept by counting submitted against
written jobs (only a caller that finds the queue full takes the slow path and
waits on a condition), and a busy thread polls instead of being woken by
every ``submit``. Records go through ``record.RecordFile``, which hands a
tensor's bytes to the kernel without copying them.

Example:
    >>> import tempfile
    >>> from tbviz_plugin.writer import wire
    >>> f = EventFileWriter(tempfile.mkdtemp())
    >>> f.submit(lambda: wire.encode_file_version(0.0)); f.close()
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from typing import Any, Callable, Optional, Sequence, Tuple

from tbviz_plugin.checks import check_positive_int
from tbviz_plugin.writer import record, sink
from tbviz_plugin.writer.sink import is_remote, open_event_file  # noqa: F401 (callers' API)

logger = logging.getLogger("tbviz")

Job = Callable[..., Optional[Sequence[record.Buffer]]]

# The queue is bounded by the bytes of the snapshots it holds, not only by their
# number: a few large summaries waiting keep their copies in the CPU's caches between
# the caller's copy and the thread's checksum and write. Small ones still queue 32 deep
# (docs/benchmarks.md, writer throughput).
DEFAULT_MAX_QUEUE_BYTES = 8 << 20


class WriterClosedError(RuntimeError):
    """The writer was used after ``close()``."""


class WriterIOError(OSError):
    """Writing the event file failed (raised only by a writer with ``strict=True``)."""


def _io_error(path: str, cause: BaseException) -> WriterIOError:
    message = f"tbviz writer for {path} failed: {cause}"
    errno = getattr(cause, "errno", None)
    return WriterIOError(errno, message) if errno else WriterIOError(message)


class _Flush:
    def __init__(self) -> None:
        self.done = threading.Event()


_STOP = object()


class EventFileWriter:
    """Writes records into one event file on a background thread.

    The thread polls every ``_POLL`` seconds while summaries keep arriving and
    sleeps until woken after ``_IDLE_AFTER`` seconds without any.

    Args:
      logdir: local directory or fsspec URL; created if missing.
      max_queue: events that may wait for the thread before ``submit`` blocks.
      max_queue_bytes: array bytes (``submit``'s ``nbytes``: the callers'
        snapshots) that may wait for the thread before ``submit`` blocks; one
        event waits whatever its size.
      flush_secs: the file is flushed at least this often while events arrive.
      filename_suffix: appended to the file name.
      strict: on an I/O failure raise ``WriterIOError`` from every later call
        (and from the constructor when the file cannot be created) instead of
        logging one warning and dropping the records that follow.
      segment_bytes: for a remote logdir, the size at which a segment is closed
        and uploaded (see ``sink.SegmentedRemoteSink``); default 32 MiB.
    """

    # While records arrive the thread polls often, so a record is written soon after
    # its submit, overlapping the training step rather than the caller's next copy
    # (which would then contend with it for the GIL and memory bandwidth).
    _POLL = 0.002
    # After a short quiet spell it sleeps until woken: a thread polling through the
    # seconds between an integration's bursts of logs preempts the training's own
    # threads. Summaries paced by steps shorter than this still find it polling.
    _IDLE_AFTER = 0.05

    def __init__(
        self,
        logdir: str,
        *,
        max_queue: int = 32,
        max_queue_bytes: int = DEFAULT_MAX_QUEUE_BYTES,
        flush_secs: float = 10.0,
        filename_suffix: str = "",
        strict: bool = False,
        segment_bytes: Optional[int] = None,
    ) -> None:
        check_positive_int(max_queue, "max_queue")
        check_positive_int(max_queue_bytes, "max_queue_bytes")
        if not isinstance(flush_secs, (int, float)) or not flush_secs > 0:
            raise ValueError(f"flush_secs must be a positive number, got {flush_secs!r}")
        if segment_bytes is not None:
            check_positive_int(segment_bytes, "segment_bytes")
        self._strict = bool(strict)
        # The first I/O failure, kept for good: no record is written after it,
        # since a reader stops at the torn record it leaves behind.
        self._failed: Optional[BaseException] = None
        self._file: Optional[sink.Sink] = None
        self.path = os.path.join(str(logdir), "events.out.tfevents.*")  # until created
        try:
            # Local: one appended file. Remote: closed segments, each uploaded once.
            self._file = sink.open_sink(str(logdir), filename_suffix, segment_bytes=segment_bytes)
            self.path = self._file.path
        except Exception as e:
            self._fail(e, f"cannot create an event file in {logdir}", "every record of this writer")
            if self._strict:
                raise _io_error(self.path, e) from e
        self._flush_secs = float(flush_secs)
        self._max_queue = max_queue
        self._max_bytes = max_queue_bytes
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        # Jobs (and their bytes) submitted (caller threads, under _submit_lock) and
        # written (the thread only); their difference is what waits, at most
        # max_queue jobs and max_queue_bytes bytes.
        self._submitted = self._submitted_bytes = 0
        self._written = self._written_bytes = 0
        # CPU seconds this thread spent encoding and writing records: logging work
        # that competes with training for the cores (the overhead governor counts it).
        self.busy_seconds = 0.0
        self._submit_lock = threading.Lock()
        self._room = threading.Condition(threading.Lock())
        self._waiting = False
        # The thread polls the queue while work arrives, so that submit() never
        # pays for waking it (a futex wake is 30-60 us on a VM); after
        # _IDLE_AFTER seconds without work it sleeps and sets _idle, and the
        # next submit() sets _wake.
        self._wake = threading.Event()
        self._idle = False
        self._sleeping = False
        self._wake_at = max(1, max_queue // 2)
        self._wake_at_bytes = max(1, max_queue_bytes // 2)
        self._error: Optional[BaseException] = None
        self._closed = False
        self._lock = threading.Lock()
        self._io(self._flush_file)  # the sink wrote the file_version record: make the run visible
        if self._strict and self._failed is not None:
            self._io(self._close_file, after_failure=True)
            raise _io_error(self.path, self._failed) from self._failed
        self._thread = threading.Thread(target=self._run, name="tbviz-writer", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ caller side

    def submit(
        self,
        job: Job,
        *args: Any,
        after: Optional[Callable[[], None]] = None,
        nbytes: int = 0,
        while_waiting: Optional[Callable[[], None]] = None,
    ) -> None:
        """Queues one event, ``job(*args)`` (its record's chunks), for the thread;
        blocks while the queue is full. ``after`` runs on the thread once the event
        is written (or dropped); ``nbytes`` is the memory the job holds until then
        (the caller's snapshot), counted against ``max_queue_bytes``.
        ``while_waiting`` runs on the caller's thread, before queueing, while
        the thread is behind (half the queue waits): part of the job's work
        (building, checksums) that the caller then does instead of soon
        waiting idle for room."""
        if self._closed or self._error is not None or self._failed is not None:
            self._check()
            if self._failed is not None:  # not strict: dropped, warned about once
                return
        if while_waiting is not None and self._behind():
            while_waiting()
        with self._submit_lock:
            if self._full(nbytes):
                self._wait_for_room(nbytes)
            self._submitted += 1
            self._submitted_bytes += nbytes
            self._queue.put((job, args, after, nbytes))
            behind = self._behind()
        # Wake the thread only when it sleeps for long (idle) or while a burst
        # fills half the queue (so a burst never waits for the next poll).
        if self._idle or (self._sleeping and behind):
            self._wake.set()
        if behind:
            # The thread is behind. numpy's copy keeps the GIL, so a caller
            # logging back to back would hold it for a whole burst, and the
            # thread would wait for the interpreter's switch interval (5 ms)
            # after every write; hand it over once per call instead.
            time.sleep(0)

    def _full(self, nbytes: int) -> bool:
        """Whether a job of ``nbytes`` must wait: ``max_queue`` jobs wait already,
        or it would take the waiting bytes beyond ``max_queue_bytes`` (a job alone
        in the queue may be larger)."""
        pending = self._submitted - self._written
        return pending >= self._max_queue or (
            pending > 0 and self._pending_bytes() + nbytes > self._max_bytes
        )

    def _behind(self) -> bool:
        """Half the queue's jobs or bytes wait: the thread is busy with a burst."""
        return (
            self._submitted - self._written >= self._wake_at
            or self._pending_bytes() >= self._wake_at_bytes
        )

    def _pending_bytes(self) -> int:
        return self._submitted_bytes - self._written_bytes

    def _wait_for_room(self, nbytes: int) -> None:
        self._wake.set()  # the thread may be between polls
        with self._room:
            self._waiting = True  # set before the check: the thread notifies after counting
            try:
                while self._full(nbytes):
                    if not self._thread.is_alive():
                        break
                    self._room.wait(0.5)
            finally:
                self._waiting = False
        self._raise_pending()

    def flush(self, timeout: Optional[float] = None) -> None:
        """Returns once every event submitted so far is written and flushed.

        With ``timeout`` (seconds), returns after at most that long even if
        the file system hangs (used when flushing on a signal).
        """
        self._check()
        marker = _Flush()
        self._queue.put(marker)
        self._wake.set()
        deadline = None if timeout is None else time.monotonic() + timeout
        while not marker.done.wait(0.5 if deadline is None else min(0.5, timeout)):
            if not self._thread.is_alive():
                break
            if deadline is not None and time.monotonic() >= deadline:
                break
        self._check()

    def close(self) -> None:
        """Writes everything queued, flushes and closes the file. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._queue.put(_STOP)
        self._wake.set()
        self._thread.join()
        self._raise_pending()
        if self._strict and self._failed is not None:
            raise _io_error(self.path, self._failed) from self._failed

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def error(self) -> Optional[BaseException]:
        """The I/O failure that stopped this writer, or None while all is well."""
        return self._failed

    def _check(self) -> None:
        if self._closed:
            raise WriterClosedError(f"this tbviz writer for {self.path} is closed")
        self._raise_pending()
        if self._strict and self._failed is not None:
            raise _io_error(self.path, self._failed) from self._failed

    def _raise_pending(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise RuntimeError(f"tbviz writer for {self.path} failed: {error}") from error

    # ------------------------------------------------------------------ thread side

    def _write(self, chunks: Sequence[record.Buffer]) -> None:
        self._file.write(chunks)  # type: ignore[union-attr]

    def _flush_file(self) -> None:
        if self._file is not None:
            self._file.flush()

    def _close_file(self) -> None:
        if self._file is not None:
            file, self._file = self._file, None
            if self._failed is None:
                file.close()
            else:  # nothing gathered after a failure is written; see Sink.abort
                file.abort()

    def _run(self) -> None:
        q = self._queue
        last_flush = last_work = time.monotonic()
        dirty = False
        try:
            while True:
                try:
                    item = q.get_nowait()
                except queue.Empty:
                    now = time.monotonic()
                    if dirty and now - last_flush >= self._flush_secs:
                        self._io(self._flush_file)
                        last_flush, dirty = now, False
                    # Until the next flush is due, or for a long sleep when idle.
                    timeout = last_flush + self._flush_secs - now if dirty else self._flush_secs
                    if now - last_work < self._IDLE_AFTER:
                        timeout = min(timeout, self._POLL)  # busy: poll; only bursts wake us
                    else:
                        self._idle = True  # idle: callers wake us (set before the last look)
                        if not q.empty():
                            timeout = 0
                    self._sleeping = True
                    self._wake.wait(max(timeout, 0))
                    self._sleeping = False
                    self._wake.clear()
                    self._idle = False
                    continue
                if item is _STOP:
                    break
                if isinstance(item, _Flush):
                    self._io(self._flush_file)
                    last_flush, dirty = time.monotonic(), False
                    item.done.set()
                    continue
                busy_from = time.thread_time()
                self._write_job(item)
                self.busy_seconds += time.thread_time() - busy_from
                self._written_bytes += item[3]
                self._written += 1
                # A blocked caller is woken once half the queue has drained, not
                # per record: it then queues a burst while this thread writes.
                if self._waiting and self._drained():
                    with self._room:
                        self._room.notify()
                last_work = time.monotonic()
                dirty = True
                if last_work - last_flush >= self._flush_secs:
                    self._io(self._flush_file)
                    last_flush, dirty = time.monotonic(), False
        finally:
            self._io(self._flush_file)
            self._io(self._close_file, after_failure=True)

    def _drained(self) -> bool:
        """Half the queue's jobs and bytes are written (or all of them)."""
        pending = self._submitted - self._written
        return pending == 0 or (
            pending <= self._max_queue // 2 and self._pending_bytes() <= self._max_bytes // 2
        )

    def _write_job(self, item: Tuple[Job, tuple, Optional[Callable[[], None]], int]) -> None:
        job, args, after, _ = item
        try:
            if self._failed is not None:
                return
            try:
                chunks = job(*args)
            except Exception as e:  # a bad argument or a bug: raised on the caller's next call
                logger.error("tbviz writer for %s: %s", self.path, e)
                if self._error is None:
                    self._error = e
                return
            if chunks:
                self._io(lambda: self._write(chunks))
        finally:
            if after is not None:
                after()

    def _io(self, action: Callable[[], Any], after_failure: bool = False) -> None:
        """Runs one file operation; its failure stops the writing for good."""
        if self._failed is not None and not after_failure:
            return
        try:
            action()
        except Exception as e:
            self._fail(
                e,
                "writing failed",
                "the records that follow (the file keeps every record written before)",
            )

    def _fail(self, e: BaseException, what: str, lost: str) -> None:
        """Keeps the first I/O failure and reports it once."""
        if self._failed is not None:
            return
        self._failed = e
        if self._strict:
            logger.error("tbviz writer for %s: %s: %s", self.path, what, e)
        else:
            logger.warning(
                "tbviz writer for %s: %s: %s. tbviz drops %s and training goes on; "
                "Writer(strict=True) raises instead.",
                self.path,
                what,
                e,
                lost,
            )

"""``tbviz.Writer``: tbviz summaries into event files, without TensorFlow."""

from __future__ import annotations

from typing import Any, Optional, Sequence, Set

from tbviz_plugin import snapshots
from tbviz_plugin.kinds.base import Prepared, SummaryTensor
from tbviz_plugin.writer import event_file, shutdown, wire
from tbviz_plugin.writer.methods import SummaryMethods
from tbviz_plugin.writer.record import Buffer


class Writer(SummaryMethods):
    """Writes tbviz summaries and scalars into a TensorBoard event file.

    Arrays may be numpy, torch, TensorFlow or JAX; validation and the
    snapshot (a copy) happen on the caller's thread, pooling, encoding and I/O
    on a background thread. While that thread is behind with a burst, the
    caller also pools and checksums its summaries before queueing them.

    Args:
      logdir: a run directory: local path or fsspec URL (``memory://``, ``s3://``).
      max_queue: summaries that may wait for the background thread; when full,
        calls block until there is room (nothing is dropped).
      max_queue_bytes: the same bound for the arrays those summaries hold (their
        snapshots), 8 MiB by default; a single larger summary still goes through.
      flush_secs: how often the file is flushed while training runs.
      filename_suffix: appended to the event file's name.
      strict: when the file cannot be written (disk full, logdir unwritable),
        raise ``WriterIOError`` from this and every later call. By default one
        warning is logged and training goes on without the records that
        follow (``error`` tells); see docs/reliability.md.
      segment_bytes: remote logdirs only: the run is written as closed event-file
        segments, each uploaded once, rotated at this size (default 32 MiB) and
        at every flush (so at least every ``flush_secs``); see docs/format.md.

    Records are flushed at exit and, where Python allows, on SIGTERM and
    SIGINT before the signal takes its course (``tbviz_plugin.writer.shutdown``).

    Example:
        >>> import numpy as np, tempfile
        >>> with Writer(tempfile.mkdtemp()) as w:
        ...     w.weight_surface("dense/kernel", np.random.randn(64, 32), step=0)
        ...     w.scalar("loss", 0.25, step=0)
    """

    def __init__(
        self,
        logdir: Any,
        *,
        max_queue: int = 32,
        max_queue_bytes: int = event_file.DEFAULT_MAX_QUEUE_BYTES,
        flush_secs: float = 10.0,
        filename_suffix: str = "",
        strict: bool = False,
        segment_bytes: Optional[int] = None,
    ) -> None:
        super().__init__()
        self.logdir = str(logdir)
        self._file = event_file.EventFileWriter(
            self.logdir,
            max_queue=max_queue,
            max_queue_bytes=max_queue_bytes,
            flush_secs=flush_secs,
            filename_suffix=filename_suffix,
            strict=strict,
            segment_bytes=segment_bytes,
        )
        # Touched only by the background thread: the tags whose first record (the
        # one that carries the metadata) is written.
        self._written_tags: Set[str] = set()
        shutdown.register(self)

    @property
    def path(self) -> str:
        """The event file being written (for a remote logdir: its first segment)."""
        return self._file.path

    def _emit(self, prepared: Prepared, step: int, wall_time: float) -> None:
        job = _Job(prepared, step, wall_time)
        self._file.submit(
            self._encode,
            job,
            after=None if prepared.snapshot is None else job.give_back,
            nbytes=prepared.nbytes,
            while_waiting=job.build_early if prepared.nbytes else None,
        )

    def _encode(self, job: _Job) -> Sequence[Buffer]:
        built = job.built if job.built is not None else job.prepared.build()
        if built.tag in self._written_tags:
            include = b""  # TensorBoard keeps the first metadata of a tag; later events omit it
        else:
            self._written_tags.add(built.tag)
            include = built.metadata_bytes
        return wire.encode_tensor_event(
            job.wall_time, job.step, built.tag, built.array, include, job.crc
        )

    def flush(self) -> None:
        """Blocks until everything recorded so far is in the file."""
        self._file.flush()

    def close(self) -> None:
        """Flushes and closes the file. Closing twice is fine."""
        self._file.close()

    @property
    def closed(self) -> bool:
        return self._file.closed

    @property
    def background_seconds(self) -> float:
        """CPU seconds the background thread has spent encoding and writing records."""
        return self._file.busy_seconds

    @property
    def error(self) -> Optional[BaseException]:
        """The I/O failure that stopped the writing (disk full ...), or None."""
        return self._file.error

    def flush_for_signal(self, timeout: float) -> None:
        """Flushes unless closed, waiting at most ``timeout`` seconds (for shutdown)."""
        if not self._file.closed:
            self._file.flush(timeout)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class _Job:
    """One summary on its way into the file: what ``SummaryMethods.send`` handed
    over, and what the caller's thread did for the background thread early.

    ``build_early`` runs on the caller's thread while the background thread is
    behind with a burst (half its queue waits, so the caller would soon wait
    for room anyway): it builds the summary (pooling, for one) and checksums
    its tensor. Its core has just copied the array and reads it from its own
    cache; the background thread, the bottleneck of a burst, would read it
    from the other core's (docs/benchmarks.md, writer throughput).
    """

    __slots__ = ("prepared", "step", "wall_time", "built", "crc")

    def __init__(self, prepared: Prepared, step: int, wall_time: float) -> None:
        self.prepared = prepared
        self.step = step
        self.wall_time = wall_time
        self.built: Optional[SummaryTensor] = None
        self.crc: Optional[int] = None  # the CRC32C of the built tensor's bytes

    def build_early(self) -> None:
        try:
            built = self.prepared.build()
        except Exception:
            return  # the background thread builds it again and reports the error as usual
        self.built = built
        self.crc = wire.tensor_crc(built.array)

    def give_back(self) -> None:
        """Once the record is written: the caller's snapshot back to ``snapshots``."""
        snapshots.give_back(self.prepared.snapshot)

"""``tbviz.Writer``: tbviz summaries into event files, without TensorFlow."""

from __future__ import annotations

import functools
from typing import Any, Dict, Optional, Sequence

from tbviz_plugin import metadata, summary
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
        # Touched only by the background thread: the metadata written per tag.
        self._metadata_by_tag: Dict[str, bytes] = {}
        shutdown.register(self)

    @property
    def path(self) -> str:
        """The event file being written (for a remote logdir: its first segment)."""
        return self._file.path

    def _emit(self, prepared: summary.Prepared, step: int, wall_time: float) -> None:
        self._file.submit(
            self._encode,
            prepared,
            step,
            wall_time,
            after=prepared.release,
            nbytes=prepared.nbytes,
            while_waiting=functools.partial(_build_early, prepared) if prepared.nbytes else None,
        )

    def _encode(self, prepared: summary.Prepared, step: int, wall_time: float) -> Sequence[Buffer]:
        built = prepared.build()
        md = built.metadata_bytes
        first = self._metadata_by_tag.get(built.tag)
        if first is None:
            # TensorBoard keeps the first metadata of a tag; later events omit it.
            self._metadata_by_tag[built.tag] = md
            include = md
        elif first != md:
            # Summaries made with their metadata settled are refused at the call
            # (SummaryMethods._send); this catches any other.
            raise ValueError(metadata.describe_change(built.tag, first, md))
        else:
            include = b""
        return wire.encode_tensor_event(
            wall_time, step, built.tag, built.array, include, prepared.tensor_crc
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


def _build_early(prepared: summary.Prepared) -> None:
    """What the caller's thread does for the background thread while that is
    behind with a burst (half its queue waits, so the caller would soon wait
    for room anyway): it builds the summary (pooling, for one) and checksums
    its tensor. Its core has just copied the array and reads it from its own
    cache; the background thread, the bottleneck of a burst, would read it
    from the other core's (docs/benchmarks.md, writer throughput).
    """
    try:
        built = prepared.build_now()
    except Exception:
        return  # the background thread builds it again and reports the error as usual
    prepared.tensor_crc = wire.tensor_crc(built.array)

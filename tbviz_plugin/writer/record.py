"""TFRecord framing: the bytes layer, which knows nothing of summaries.

A record is ``uint64 length | uint32 masked_crc32c(length) | data |
uint32 masked_crc32c(data)``, all little-endian. ``data`` may be given as
several buffers (a small header and a large tensor) so that a 1 MB tensor is
checksummed and written without being copied into one bytes object.

Example:
    >>> import io
    >>> f = io.BytesIO(); n = write_record(f, [b"hello"]); len(f.getvalue())
    21
"""

from __future__ import annotations

import io
import os
import struct
from typing import BinaryIO, List, Sequence, Union

import crc32c as _crc32c

Buffer = Union[bytes, bytearray, memoryview]

_MASK_DELTA = 0xA282EAD8


def masked_crc32c(data: Buffer, crc: int = 0) -> int:
    """The CRC32C of ``data`` (continuing ``crc``), masked as TFRecord wants."""
    value = _crc32c.crc32c(data, crc)
    return (((value >> 15) | (value << 17)) + _MASK_DELTA) & 0xFFFFFFFF


def _mask(value: int) -> int:
    return (((value >> 15) | (value << 17)) + _MASK_DELTA) & 0xFFFFFFFF


def _nbytes(chunk: Buffer) -> int:
    """Bytes in ``chunk`` (a memoryview's ``len`` counts items of its format)."""
    return chunk.nbytes if type(chunk) is memoryview else len(chunk)


_pack_u64 = struct.Struct("<Q").pack
_pack_u32 = struct.Struct("<I").pack


def frame(chunks: Sequence[Buffer]) -> list:
    """The list of buffers that make one record around ``chunks``."""
    length = sum(_nbytes(c) for c in chunks)
    header = _pack_u64(length)
    crc = 0
    for chunk in chunks:
        crc = _crc32c.crc32c(chunk, crc)  # releases the GIL for large chunks
    return [header + _pack_u32(_mask(_crc32c.crc32c(header))), *chunks, _pack_u32(_mask(crc))]


def write_record(stream: BinaryIO, chunks: Sequence[Buffer]) -> int:
    """Writes one record made of ``chunks``; returns the bytes written."""
    parts = frame(chunks)
    for part in parts:
        stream.write(part)
    return sum(len(p) for p in parts)


class RecordFile:
    """Writes records into a binary stream with no copy of large chunks.

    Small parts (headers, CRCs, scalars, metadata) are gathered in one
    buffer; a large chunk (a tensor's bytes) goes to the kernel straight from
    the caller's memory, together with the gathered bytes before it, in one
    ``os.writev`` call. (``open(..., buffering=N)`` would instead memcpy every
    chunk no larger than N into its buffer first, and issue one extra system
    call per record.) Streams without a file descriptor (fsspec files) get
    plain ``write`` calls; they buffer by themselves.

    Args:
      stream: an unbuffered local file (``open(path, "wb", buffering=0)``) or
        any writable binary stream.
      buffer_size: gathered small bytes are written out beyond this size.

    Example:
        >>> f = RecordFile(io.BytesIO()); f.write([b"hello"]); f.flush()
        21
    """

    LARGE = 1 << 16  # chunks at least this big are never copied

    def __init__(self, stream: BinaryIO, buffer_size: int = 1 << 20) -> None:
        self.stream = stream
        self._buffer_size = buffer_size
        self._pending = bytearray()
        self._fd = stream.fileno() if isinstance(stream, io.FileIO) else None

    def write(self, chunks: Sequence[Buffer]) -> int:
        """Writes one record made of ``chunks``; returns its length in bytes."""
        # ``frame`` spelled out: the writer thread runs this once per summary,
        # and building the framed list first cost a third more Python work.
        length = crc = 0
        for chunk in chunks:
            length += _nbytes(chunk)
            crc = _crc32c.crc32c(chunk, crc)  # releases the GIL for large chunks
        header = _pack_u64(length)
        pending = self._pending
        pending += header
        pending += _pack_u32(_mask(_crc32c.crc32c(header)))
        for chunk in chunks:
            if len(chunk) >= self.LARGE:
                self._write_out([pending, chunk] if pending else [chunk])
                del pending[:]
            else:
                pending += chunk
        pending += _pack_u32(_mask(crc))
        if len(pending) >= self._buffer_size:
            self._write_out([pending])
            del pending[:]
        return length + 16

    def flush(self) -> None:
        """Hands every gathered byte to the stream and flushes it."""
        if self._pending:
            self._write_out([self._pending])
            del self._pending[:]
        self.stream.flush()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.stream.close()

    def _write_out(self, buffers: List[Buffer]) -> None:
        if self._fd is None:
            for b in buffers:
                self.stream.write(b)
            return
        views = [memoryview(b).cast("B") for b in buffers]
        while views:
            written = os.writev(self._fd, views)  # may be partial: go on from there
            while views and written >= len(views[0]):
                written -= len(views.pop(0))
            if views and written:
                views[0] = views[0][written:]
